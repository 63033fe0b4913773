import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addMonths,
  comparePeriods,
  financialQuarterOf,
  financialYearOf,
  isPeriod,
  makePeriod,
  periodRange,
  periodToMonthIndex,
  periodToUtcMillis,
  quarterOf,
  splitPeriod,
  yearOf,
} from '../../../../shared/domain/period';

const periodArbitrary = fc.tuple(fc.integer({ min: 1, max: 9998 }), fc.integer({ min: 1, max: 12 })).map(([year, month]) => makePeriod(year, month));

describe('isPeriod', () => {
  test.each(['2015-04', '2016-12', '0001-01', '9999-12'])('accepts %s', (text) => {
    expect(isPeriod(text)).toBe(true);
  });

  test.each(['2015-4', '2015-13', '2015-00', '15-04', '2015-04-01', ' 2015-04', 'Apr-15', ''])('rejects %j', (text) => {
    expect(isPeriod(text)).toBe(false);
  });
});

describe('splitPeriod and makePeriod', () => {
  test('splits year and month', () => {
    expect(splitPeriod('2015-04')).toEqual({ year: 2015, month: 4 });
  });

  test('splitPeriod throws on bad text', () => {
    expect(() => splitPeriod('Apr-15')).toThrow(RangeError);
  });

  test('makePeriod pads year and month', () => {
    expect(makePeriod(999, 1)).toBe('0999-01');
  });

  test.each([
    [2015, 0],
    [2015, 13],
    [10_000, 1],
    [-1, 1],
    [2015.5, 1],
  ])('makePeriod(%d, %d) throws', (year, month) => {
    expect(() => makePeriod(year, month)).toThrow(RangeError);
  });
});

describe('comparePeriods', () => {
  test('earlier is negative', () => {
    expect(comparePeriods('2015-12', '2016-01')).toBeLessThan(0);
  });

  test('later is positive', () => {
    expect(comparePeriods('2016-01', '2015-12')).toBeGreaterThan(0);
  });

  test('equal is zero', () => {
    expect(comparePeriods('2015-04', '2015-04')).toBe(0);
  });

  test('agrees with text order', () => {
    fc.assert(
      fc.property(periodArbitrary, periodArbitrary, (a, b) => {
        const textOrder = a === b ? 0 : a < b ? -1 : 1;
        expect(Math.sign(comparePeriods(a, b))).toBe(textOrder);
      }),
    );
  });
});

describe('addMonths', () => {
  test.each([
    ['2015-04', 1, '2015-05'],
    ['2015-12', 1, '2016-01'],
    ['2016-01', -1, '2015-12'],
    ['2015-04', 11, '2016-03'],
    ['2015-04', -16, '2013-12'],
    ['2015-04', 0, '2015-04'],
    ['2015-04', 120, '2025-04'],
  ])('%s plus %d is %s', (period, months, expected) => {
    expect(addMonths(period, months)).toBe(expected);
  });

  test('fractional months throw', () => {
    expect(() => addMonths('2015-04', 1.5)).toThrow(RangeError);
  });

  test('adding then subtracting returns the period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -1200, max: 1200 }), (year, month, months) => {
        const period = makePeriod(year, month);
        expect(addMonths(addMonths(period, months), -months)).toBe(period);
      }),
    );
  });

  test('moves the month index by the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: -1200, max: 1200 }), (year, month, months) => {
        const period = makePeriod(year, month);
        expect(periodToMonthIndex(addMonths(period, months)) - periodToMonthIndex(period)).toBe(months);
      }),
    );
  });
});

describe('periodRange', () => {
  test('includes both ends across a year', () => {
    expect(periodRange('2015-11', '2016-02')).toEqual(['2015-11', '2015-12', '2016-01', '2016-02']);
  });

  test('single month', () => {
    expect(periodRange('2015-04', '2015-04')).toEqual(['2015-04']);
  });

  test('empty when reversed', () => {
    expect(periodRange('2016-01', '2015-12')).toEqual([]);
  });

  test('a financial year has 12 months', () => {
    expect(periodRange('2015-04', '2016-03')).toHaveLength(12);
  });
});

describe('quarters and years', () => {
  test.each([
    ['2015-01', 2015, 1, '2015-Q1'],
    ['2015-03', 2015, 1, '2015-Q1'],
    ['2015-04', 2015, 2, '2015-Q2'],
    ['2015-09', 2015, 3, '2015-Q3'],
    ['2015-12', 2015, 4, '2015-Q4'],
  ])('calendar quarter of %s', (period, year, quarter, label) => {
    expect(quarterOf(period)).toEqual({ year, quarter, label });
  });

  test.each([
    ['2015-04', 2015, 1, '2015-16 Q1'],
    ['2015-06', 2015, 1, '2015-16 Q1'],
    ['2015-07', 2015, 2, '2015-16 Q2'],
    ['2015-12', 2015, 3, '2015-16 Q3'],
    ['2016-01', 2015, 4, '2015-16 Q4'],
    ['2016-03', 2015, 4, '2015-16 Q4'],
    ['1999-04', 1999, 1, '1999-00 Q1'],
  ])('UK financial quarter of %s', (period, year, quarter, label) => {
    expect(financialQuarterOf(period)).toEqual({ year, quarter, label });
  });

  test('financial year starting in July', () => {
    expect(financialQuarterOf('2015-06', 7)).toEqual({ year: 2014, quarter: 4, label: '2014-15 Q4' });
  });

  test('financial year starting in January is the calendar year', () => {
    expect(financialYearOf('2015-06', 1)).toEqual({ startYear: 2015, label: '2015' });
  });

  test('UK financial year of March', () => {
    expect(financialYearOf('2016-03')).toEqual({ startYear: 2015, label: '2015-16' });
  });

  test('yearOf', () => {
    expect(yearOf('2016-03')).toBe(2016);
  });
});

describe('periodToUtcMillis', () => {
  test('epoch month is zero', () => {
    expect(periodToUtcMillis('1970-01')).toBe(0);
  });

  test('April 2015 first day', () => {
    expect(periodToUtcMillis('2015-04')).toBe(Date.parse('2015-04-01T00:00:00Z'));
  });

  test('leap February then March', () => {
    expect(periodToUtcMillis('2016-03') - periodToUtcMillis('2016-02')).toBe(29 * 86_400_000);
  });

  test('agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9998 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const expected = new Date(0);
        expected.setUTCFullYear(year, month - 1, 1);
        expect(periodToUtcMillis(makePeriod(year, month))).toBe(expected.getTime());
      }),
    );
  });
});
