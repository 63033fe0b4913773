import { describe, expect, test } from 'vitest';
import { anomalyFlags } from '../../../../shared/kpi/anomaly';
import { monthsFrom } from './analyticsTestKit';

/** Twelve months alternating 10 and 11: median 10.5, MAD 0.5. */
const steady = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11];

describe('anomalyFlags', () => {
  test('flags a jump with typical value and distance', () => {
    const result = anomalyFlags(monthsFrom('2015-01', [...steady, 20]), 'higherIsBetter');
    expect(result.flags).toHaveLength(1);
    const flag = result.flags[0];
    expect(flag?.period).toBe('2016-01');
    expect(flag?.typical).toBe(10.5);
    expect(flag?.difference).toBe(9.5);
    expect(flag?.score).toBeCloseTo((0.6745 * 9.5) / 0.5, 10);
    expect(flag?.windowMonths).toBe(12);
    expect(flag?.assessment).toBe('better');
  });

  test('a jump up is worse when lower is better', () => {
    const result = anomalyFlags(monthsFrom('2015-01', [...steady, 20]), 'lowerIsBetter');
    expect(result.flags[0]?.assessment).toBe('worse');
  });

  test('threshold is a modified z-score of 3.5', () => {
    // 0.6745 * 2.5 / 0.5 = 3.37 stays unflagged; 0.6745 * 2.7 / 0.5 = 3.64 is flagged.
    expect(anomalyFlags(monthsFrom('2015-01', [...steady, 13]), 'higherIsBetter').flags).toEqual([]);
    expect(anomalyFlags(monthsFrom('2015-01', [...steady, 13.2]), 'higherIsBetter').flags).toHaveLength(1);
  });

  test('first six months are never checked', () => {
    const result = anomalyFlags(monthsFrom('2015-01', [10, 11, 10, 11, 10, 50]), 'higherIsBetter');
    expect(result.monthsChecked).toBe(0);
    expect(result.flags).toEqual([]);
  });

  test('six months before are enough', () => {
    const result = anomalyFlags(monthsFrom('2015-01', [10, 11, 10, 11, 10, 11, 50]), 'higherIsBetter');
    expect(result.monthsChecked).toBe(1);
    expect(result.flags.map((flag) => flag.period)).toEqual(['2015-07']);
  });

  test('window skips gaps', () => {
    const result = anomalyFlags(monthsFrom('2015-01', [10, 11, null, 10, 11, 10, null, 11, 10, 50]), 'higherIsBetter');
    expect(result.monthsChecked).toBe(2);
    expect(result.flags).toHaveLength(1);
    expect(result.flags[0]?.period).toBe('2015-10');
    expect(result.flags[0]?.windowMonths).toBe(7);
  });

  test('a gap is neither checked nor zero', () => {
    // Were the gap a 0, it would be checked and flagged far below the window's 10.5.
    const result = anomalyFlags(monthsFrom('2015-01', [10, 11, 10, 11, 10, 11, null, 10.5]), 'higherIsBetter');
    expect(result.monthsChecked).toBe(1);
    expect(result.flags).toEqual([]);
  });

  test('window holds only the last twelve months', () => {
    const result = anomalyFlags(monthsFrom('2015-01', [1000, ...steady, 20]), 'higherIsBetter');
    const last = result.flags.at(-1);
    expect(last?.period).toBe('2016-02');
    expect(last?.typical).toBe(10.5);
    expect(last?.windowMonths).toBe(12);
  });

  test('zero MAD falls back to mean deviation', () => {
    // Window 10 x7 and 12: median 10, MAD 0, mean absolute deviation 2 / 8 = 0.25. The 12 in
    // the window is itself flagged against seven 10s, so only the last month is looked at.
    const window = [10, 10, 10, 10, 10, 10, 10, 12];
    const calm = anomalyFlags(monthsFrom('2015-01', [...window, 10.5]), 'higherIsBetter');
    expect(calm.flags.map((flag) => flag.period)).toEqual(['2015-08']);
    const jump = anomalyFlags(monthsFrom('2015-01', [...window, 12]), 'higherIsBetter');
    expect(jump.flags.at(-1)?.period).toBe('2015-09');
    expect(jump.flags.at(-1)?.score).toBeCloseTo(2 / (1.2533 * 0.25), 10);
  });

  test('constant window flags any change', () => {
    const result = anomalyFlags(monthsFrom('2015-01', [10, 10, 10, 10, 10, 10, 9.5]), 'higherIsBetter');
    expect(result.flags).toEqual([
      { period: '2015-07', value: 9.5, typical: 10, difference: -0.5, score: null, assessment: 'worse', windowMonths: 6 },
    ]);
  });

  test('constant series has no flags', () => {
    expect(anomalyFlags(monthsFrom('2015-01', Array<number>(14).fill(10)), 'higherIsBetter').flags).toEqual([]);
  });
});
