import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { KpiDirection } from '../../../../shared/domain/types';
import { controlChart, findControlSignals } from '../../../../shared/kpi/control';
import type { ControlLimits, ControlRule, ControlSignal } from '../../../../shared/kpi/control';
import { observedMonths } from '../../../../shared/kpi/analyticsSeries';
import { monthsFrom, seriesFrom } from './analyticsTestKit';

/** Limits with mean 50 and sigma 1, so zones are at 49/51, 48/52 and 47/53. */
const unitLimits: ControlLimits = { mean: 50, averageMovingRange: 1.128, sigma: 1, upperLimit: 53, lowerLimit: 47 };

function signalsOf(values: readonly (number | null)[], rule: ControlRule, direction: KpiDirection = 'higherIsBetter'): ControlSignal[] {
  return findControlSignals(monthsFrom('2015-01', values), unitLimits, direction).filter((signal) => signal.rule === rule);
}

function ready(chart: ReturnType<typeof controlChart>) {
  if (chart.status !== 'ready') throw new Error(`expected limits, got ${chart.status}`);
  return chart;
}

describe('controlChart limits', () => {
  test('hand-computed XmR limits', () => {
    // Sum 115 over 10 months: mean 11.5. Moving ranges 2,1,2,1,1,1,2,1,2 sum to 13 over 9.
    const chart = ready(controlChart(monthsFrom('2015-01', [10, 12, 11, 13, 12, 11, 10, 12, 13, 11]), 'higherIsBetter'));
    expect(chart.limits.mean).toBeCloseTo(11.5, 12);
    expect(chart.limits.averageMovingRange).toBeCloseTo(13 / 9, 12);
    expect(chart.limits.sigma).toBeCloseTo(13 / 9 / 1.128, 12);
    expect(chart.limits.upperLimit).toBeCloseTo(15.3416, 4);
    expect(chart.limits.lowerLimit).toBeCloseTo(7.6584, 4);
    expect(chart.monthsWithData).toBe(10);
    expect(chart.movingRanges).toBe(9);
    expect(chart.provisional).toBe(true);
    expect(chart.signals).toEqual([]);
  });

  test('gap makes no moving range across it', () => {
    // Ranges only inside the stretches: |12-10| = 2, then 2, 1, 2, 1; the jump 12 -> 20 is not a range.
    const chart = ready(controlChart(monthsFrom('2015-01', [10, 12, null, 20, 22, 21, 23, 22]), 'higherIsBetter'));
    expect(chart.movingRanges).toBe(5);
    expect(chart.limits.averageMovingRange).toBeCloseTo(1.6, 12);
  });

  test('gap is never a zero in the mean', () => {
    const chart = ready(controlChart(monthsFrom('2015-01', [10, 12, null, 20, 22, 21, 23, 22]), 'higherIsBetter'));
    expect(chart.monthsWithData).toBe(7);
    expect(chart.limits.mean).toBeCloseTo(130 / 7, 12);
  });

  test('five months are not enough', () => {
    expect(controlChart(monthsFrom('2015-01', [1, 2, 3, 4, 5]), 'higherIsBetter')).toEqual({
      status: 'notEnoughData',
      monthsWithData: 5,
      movingRanges: 4,
    });
  });

  test('isolated months give no moving range', () => {
    const chart = controlChart(monthsFrom('2015-01', [1, null, 2, null, 3, null, 4, null, 5, null, 6, null, 7]), 'higherIsBetter');
    expect(chart).toEqual({ status: 'notEnoughData', monthsWithData: 7, movingRanges: 0 });
  });

  test('twenty months make limits firm', () => {
    const values = Array.from({ length: 20 }, (_, index) => 10 + (index % 2));
    expect(ready(controlChart(monthsFrom('2015-01', values), 'higherIsBetter')).provisional).toBe(false);
  });

  test('outlier beyond the computed limit', () => {
    // Mean 12.4, ranges 1 (8 times) and 19 average 3, sigma 2.66, upper limit 20.38.
    const chart = ready(controlChart(monthsFrom('2015-01', [10, 11, 10, 11, 10, 11, 10, 11, 10, 30]), 'higherIsBetter'));
    const beyond = chart.signals.filter((signal) => signal.rule === 'beyondLimit');
    expect(beyond).toEqual([{ rule: 'beyondLimit', side: 'above', assessment: 'better', periods: ['2015-10'] }]);
  });

  test('adding a constant shifts the limits', () => {
    const values = fc.array(fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null, freq: 5 }), { minLength: 6, maxLength: 36 });
    fc.assert(
      fc.property(values, fc.integer({ min: -500, max: 500 }), (series, shift) => {
        const base = controlChart(monthsFrom('2015-01', series), 'higherIsBetter');
        const shifted = controlChart(
          monthsFrom('2015-01', series.map((value) => (value === null ? null : value + shift))),
          'higherIsBetter',
        );
        expect(shifted.status).toBe(base.status);
        if (base.status !== 'ready' || shifted.status !== 'ready') return;
        expect(shifted.limits.mean).toBeCloseTo(base.limits.mean + shift, 8);
        expect(shifted.limits.sigma).toBeCloseTo(base.limits.sigma, 8);
        expect(shifted.limits.upperLimit).toBeCloseTo(base.limits.upperLimit + shift, 8);
        expect(shifted.limits.lowerLimit).toBeCloseTo(base.limits.lowerLimit + shift, 8);
      }),
    );
  });

  test('input order does not matter', () => {
    const values = fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 5 }), { minLength: 6, maxLength: 36 });
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 1000 }), (series, seed) => {
        const points = seriesFrom('2015-01', series);
        // A deterministic shuffle: order by a hash of the position.
        const shuffled = points
          .map((point, index) => ({ point, key: (index * 7919 + seed) % 37 }))
          .sort((a, b) => a.key - b.key)
          .map(({ point }) => point);
        expect(controlChart(observedMonths(shuffled), 'higherIsBetter')).toEqual(controlChart(observedMonths(points), 'higherIsBetter'));
      }),
    );
  });
});

describe('rule 1: beyond a control limit', () => {
  test('fires above the upper limit', () => {
    expect(signalsOf([50, 53.5, 50], 'beyondLimit')).toEqual([
      { rule: 'beyondLimit', side: 'above', assessment: 'better', periods: ['2015-02'] },
    ]);
  });

  test('below is better when lower is better', () => {
    expect(signalsOf([50, 46, 50], 'beyondLimit', 'lowerIsBetter')).toEqual([
      { rule: 'beyondLimit', side: 'below', assessment: 'better', periods: ['2015-02'] },
    ]);
  });

  test('a point on the limit is not beyond it', () => {
    expect(signalsOf([50, 53, 47, 50], 'beyondLimit')).toEqual([]);
  });
});

describe('rule 2: 2 of 3 beyond 2 sigma', () => {
  test('fires with one point between', () => {
    expect(signalsOf([50, 52.5, 49.5, 52.5, 50], 'twoOfThreeBeyondTwoSigma')).toEqual([
      { rule: 'twoOfThreeBeyondTwoSigma', side: 'above', assessment: 'better', periods: ['2015-02', '2015-04'] },
    ]);
  });

  test('points three apart do not fire', () => {
    expect(signalsOf([50, 52.5, 50, 50, 52.5, 50], 'twoOfThreeBeyondTwoSigma')).toEqual([]);
  });

  test('opposite sides do not fire', () => {
    expect(signalsOf([52.5, 50, 47.5], 'twoOfThreeBeyondTwoSigma')).toEqual([]);
  });

  test('overlapping windows merge', () => {
    const signals = signalsOf([52.5, 52.5, 52.5, 52.5], 'twoOfThreeBeyondTwoSigma');
    expect(signals).toHaveLength(1);
    expect(signals[0]?.periods).toEqual(['2015-01', '2015-02', '2015-03', '2015-04']);
  });

  test('a gap breaks the window', () => {
    expect(signalsOf([52.5, null, 52.5], 'twoOfThreeBeyondTwoSigma')).toEqual([]);
  });
});

describe('rule 3: 4 of 5 beyond 1 sigma', () => {
  test('fires below and is worse when higher is better', () => {
    expect(signalsOf([48.5, 48.5, 50, 48.5, 48.5], 'fourOfFiveBeyondOneSigma')).toEqual([
      { rule: 'fourOfFiveBeyondOneSigma', side: 'below', assessment: 'worse', periods: ['2015-01', '2015-02', '2015-04', '2015-05'] },
    ]);
  });

  test('3 of 5 do not fire', () => {
    expect(signalsOf([48.5, 48.5, 50, 50, 48.5], 'fourOfFiveBeyondOneSigma')).toEqual([]);
  });

  test('a gap breaks the window', () => {
    expect(signalsOf([48.5, 48.5, null, 48.5, 48.5], 'fourOfFiveBeyondOneSigma')).toEqual([]);
  });
});

describe('rule 4: 8 on one side', () => {
  test('fires on eight months above', () => {
    expect(signalsOf(Array<number>(8).fill(50.5), 'eightOnOneSide')).toEqual([
      {
        rule: 'eightOnOneSide',
        side: 'above',
        assessment: 'better',
        periods: ['2015-01', '2015-02', '2015-03', '2015-04', '2015-05', '2015-06', '2015-07', '2015-08'],
      },
    ]);
  });

  test('seven months do not fire', () => {
    expect(signalsOf(Array<number>(7).fill(50.5), 'eightOnOneSide')).toEqual([]);
  });

  test('a longer run is one signal', () => {
    const signals = signalsOf(Array<number>(11).fill(49.5), 'eightOnOneSide', 'lowerIsBetter');
    expect(signals).toHaveLength(1);
    expect(signals[0]?.periods).toHaveLength(11);
    expect(signals[0]?.assessment).toBe('better');
  });

  test('a point on the centre line ends the run', () => {
    expect(signalsOf([50.5, 50.5, 50.5, 50.5, 50, 50.5, 50.5, 50.5, 50.5], 'eightOnOneSide')).toEqual([]);
  });

  test('a gap ends the run', () => {
    expect(signalsOf([50.5, 50.5, 50.5, 50.5, null, 50.5, 50.5, 50.5, 50.5], 'eightOnOneSide')).toEqual([]);
  });
});

describe('rule 5: 6 rising or falling', () => {
  test('fires on six rising months', () => {
    expect(signalsOf([50, 50.1, 50.2, 50.3, 50.4, 50.5], 'sixTrending')).toEqual([
      {
        rule: 'sixTrending',
        side: 'rising',
        assessment: 'better',
        periods: ['2015-01', '2015-02', '2015-03', '2015-04', '2015-05', '2015-06'],
      },
    ]);
  });

  test('five months do not fire', () => {
    expect(signalsOf([50, 50.1, 50.2, 50.3, 50.4], 'sixTrending')).toEqual([]);
  });

  test('a tie ends the run', () => {
    expect(signalsOf([50, 50.1, 50.2, 50.2, 50.3, 50.4, 50.5], 'sixTrending')).toEqual([]);
  });

  test('a gap ends the run', () => {
    expect(signalsOf([50, 50.1, 50.2, null, 50.3, 50.4, 50.5], 'sixTrending')).toEqual([]);
  });

  test('the turning month belongs to both runs', () => {
    const signals = signalsOf([50, 50.1, 50.2, 50.3, 50.4, 50.5, 50.4, 50.3, 50.2, 50.1, 50], 'sixTrending', 'lowerIsBetter');
    expect(signals.map((signal) => [signal.side, signal.assessment, signal.periods[0], signal.periods.at(-1)])).toEqual([
      ['rising', 'worse', '2015-01', '2015-06'],
      ['falling', 'better', '2015-06', '2015-11'],
    ]);
  });
});

describe('signal order', () => {
  test('signals are ordered by first month', () => {
    const signals = findControlSignals(monthsFrom('2015-01', [50, 50, 46, 50, 50, 54]), unitLimits, 'higherIsBetter');
    expect(signals.map((signal) => signal.periods[0])).toEqual(['2015-03', '2015-06']);
  });
});
