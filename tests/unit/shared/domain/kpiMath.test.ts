import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { aggregateMeasurements, isBreach, latestWithValue, shortfall } from '../../../../shared/domain/kpiMath';
import { makeKpi, makeMeasurement, makeRatioMeasurement } from './factories';

const ratioKpi = makeKpi('answered');
const higher = { direction: 'higherIsBetter' } as const;
const lower = { direction: 'lowerIsBetter' } as const;

describe('aggregateMeasurements ratioOfSums', () => {
  test('sums counts, not percentages', () => {
    const months = [makeRatioMeasurement('p', 'k', '2015-04', 90, 100), makeRatioMeasurement('p', 'k', '2015-05', 10, 10)];
    expect(aggregateMeasurements(ratioKpi, months)).toEqual({ value: (100 * 100) / 110, numerator: 100, denominator: 110, months: 2 });
  });

  test('differs from the mean of months', () => {
    const months = [makeRatioMeasurement('p', 'k', '2015-04', 90, 100), makeRatioMeasurement('p', 'k', '2015-05', 10, 10)];
    expect(aggregateMeasurements(ratioKpi, months).value).not.toBe(95);
  });

  test('skips null months, never as zero', () => {
    const months = [makeRatioMeasurement('p', 'k', '2015-04', 45, 50), makeRatioMeasurement('p', 'k', '2015-05', 3, 0)];
    expect(aggregateMeasurements(ratioKpi, months)).toEqual({ value: 90, numerator: 45, denominator: 50, months: 1 });
  });

  test('no months gives null', () => {
    expect(aggregateMeasurements(ratioKpi, [])).toEqual({ value: null, numerator: null, denominator: null, months: 0 });
  });

  test('only null months gives null', () => {
    const months = [makeRatioMeasurement('p', 'k', '2015-04', 0, 0)];
    expect(aggregateMeasurements(ratioKpi, months)).toEqual({ value: null, numerator: null, denominator: null, months: 0 });
  });

  test('falls back to the mean without counts', () => {
    const months = [makeRatioMeasurement('p', 'k', '2015-04', 9, 10), makeMeasurement('p', 'k', '2015-05', 80)];
    expect(aggregateMeasurements(ratioKpi, months)).toEqual({ value: 85, numerator: null, denominator: null, months: 2 });
  });

  test('lies between the lowest and highest month', () => {
    const month = fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 100_000 })).map(([a, b]) => ({ numerator: Math.min(a, b), denominator: b }));
    fc.assert(
      fc.property(fc.array(month, { minLength: 1, maxLength: 24 }), (counts) => {
        const months = counts.map((count, index) => makeRatioMeasurement('p', 'k', `2015-${String((index % 12) + 1).padStart(2, '0')}`, count.numerator, count.denominator));
        const values = months.map((entry) => entry.value ?? 0);
        const value = aggregateMeasurements(ratioKpi, months).value ?? Number.NaN;
        expect(value).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
        expect(value).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
      }),
    );
  });
});

describe('aggregateMeasurements other aggregations', () => {
  const months = [makeMeasurement('p', 'k', '2015-05', 600), makeMeasurement('p', 'k', '2015-06', null), makeMeasurement('p', 'k', '2015-04', 300)];

  test('sum adds values', () => {
    expect(aggregateMeasurements({ aggregation: 'sum' }, months)).toEqual({ value: 900, numerator: null, denominator: null, months: 2 });
  });

  test('mean averages months with values', () => {
    expect(aggregateMeasurements({ aggregation: 'mean' }, months).value).toBe(450);
  });

  test('last takes the latest month with a value', () => {
    expect(aggregateMeasurements({ aggregation: 'last' }, months).value).toBe(600);
  });

  test('last keeps its counts', () => {
    const ratioMonths = [makeRatioMeasurement('p', 'k', '2015-05', 1, 4), makeRatioMeasurement('p', 'k', '2015-04', 1, 2)];
    expect(aggregateMeasurements({ aggregation: 'last' }, ratioMonths)).toEqual({ value: 25, numerator: 1, denominator: 4, months: 2 });
  });
});

describe('isBreach', () => {
  test.each([
    [94.9, true],
    [95, false],
    [99, false],
  ])('higher is better: %d breaches 95 is %s', (value, expected) => {
    expect(isBreach(higher, { minimum: 95 }, value)).toBe(expected);
  });

  test.each([
    [5.1, true],
    [5, false],
    [0, false],
  ])('lower is better: %d breaches 5 is %s', (value, expected) => {
    expect(isBreach(lower, { minimum: 5 }, value)).toBe(expected);
  });

  test('null is never a breach', () => {
    expect(isBreach(higher, { minimum: 95 }, null)).toBe(false);
    expect(isBreach(lower, { minimum: 5 }, null)).toBe(false);
  });

  test('exact 95% from counts is not a breach', () => {
    const month = makeRatioMeasurement('p', 'k', '2015-04', 19, 20);
    expect(isBreach(higher, { minimum: 95 }, month.value)).toBe(false);
  });
});

describe('shortfall', () => {
  test('higher is better relative to minimum', () => {
    expect(shortfall(higher, { minimum: 95 }, 85.5)).toBeCloseTo(0.1, 12);
  });

  test('lower is better relative to minimum', () => {
    expect(shortfall(lower, { minimum: 5 }, 6)).toBeCloseTo(0.2, 12);
  });

  test('negative when better than minimum', () => {
    expect(shortfall(higher, { minimum: 95 }, 99)).toBeLessThan(0);
  });

  test('absolute when the minimum is zero', () => {
    expect(shortfall(lower, { minimum: 0 }, 3)).toBe(3);
  });

  test('null value gives null', () => {
    expect(shortfall(higher, { minimum: 95 }, null)).toBeNull();
  });
});

describe('latestWithValue', () => {
  test('skips a later null month', () => {
    const months = [makeMeasurement('p', 'k', '2015-04', 1), makeMeasurement('p', 'k', '2015-06', null), makeMeasurement('p', 'k', '2015-05', 2)];
    expect(latestWithValue(months)).toEqual({ period: '2015-05', value: 2 });
  });

  test('null without values', () => {
    expect(latestWithValue([makeMeasurement('p', 'k', '2015-04', null)])).toBeNull();
  });
});
