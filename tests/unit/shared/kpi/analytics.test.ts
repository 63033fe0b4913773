import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeKpiSeries } from '../../../../shared/kpi/analytics';
import type { KpiSeriesPoint } from '../../../../shared/kpi/analyticsSeries';
import { seriesFrom } from './analyticsTestKit';

const percentUp = { direction: 'higherIsBetter', unit: 'percent' } as const;
const percentDown = { direction: 'lowerIsBetter', unit: 'percent' } as const;

describe('analyzeKpiSeries', () => {
  test('no service level gives no probability', () => {
    const analytics = analyzeKpiSeries({ points: seriesFrom('2015-04', [95, 96, 94, 95, 97, 96]), kpi: percentUp, minimumFor: null });
    expect(analytics.forecast.status).toBe('ready');
    expect(analytics.nextMonthMissProbability).toBeNull();
    expect(analytics.nextMonthMinimum).toBeNull();
    expect(analytics.forecastBreach).toBeNull();
    expect(analytics.trendingToBreach).toBe(false);
  });

  test('too few months give no probability', () => {
    const analytics = analyzeKpiSeries({ points: seriesFrom('2015-04', [95, 96, null, 94]), kpi: percentUp, minimumFor: () => 95 });
    expect(analytics.control.status).toBe('notEnoughData');
    expect(analytics.forecast.status).toBe('notEnoughData');
    expect(analytics.nextMonthMissProbability).toBeNull();
  });

  test('falling line crosses the minimum', () => {
    // 98, 97.5 … 95.5 falls 0.5 a month: 95 in Oct 2015, 94.5 (a miss) in Nov 2015.
    const analytics = analyzeKpiSeries({
      points: seriesFrom('2015-04', [98, 97.5, 97, 96.5, 96, 95.5]),
      kpi: percentUp,
      minimumFor: () => 95,
    });
    expect(analytics.nextMonthMinimum).toBe(95);
    expect(analytics.forecastBreach?.period).toBe('2015-11');
    expect(analytics.forecastBreach?.predicted).toBeCloseTo(94.5, 10);
    expect(analytics.trendingToBreach).toBe(true);
  });

  test('forecast at the minimum is about one half', () => {
    const points = seriesFrom('2015-04', [95, 97, 94, 96, 95, 98, 94, 96]);
    const first = analyzeKpiSeries({ points, kpi: percentUp, minimumFor: null });
    if (first.forecast.status !== 'ready') throw new Error('expected a forecast');
    const predicted = first.forecast.months[0]?.predicted ?? Number.NaN;
    const analytics = analyzeKpiSeries({ points, kpi: percentUp, minimumFor: () => predicted });
    expect(analytics.nextMonthMissProbability).toBeCloseTo(0.5, 10);
    expect(analytics.trendingToBreach).toBe(true);
  });

  test('direction decides which side misses', () => {
    const points = seriesFrom('2015-04', [4, 5, 4.5, 5.5, 4, 5, 4.5, 5]);
    const higher = analyzeKpiSeries({ points, kpi: percentUp, minimumFor: () => 6 });
    const lower = analyzeKpiSeries({ points, kpi: percentDown, minimumFor: () => 6 });
    expect(higher.nextMonthMissProbability).toBeGreaterThan(0.9);
    expect(lower.nextMonthMissProbability).toBeLessThan(0.1);
    expect(lower.trendingToBreach).toBe(false);
  });

  test('glide path minimum applies by month', () => {
    // Steady 96 a month; the minimum rises to 97 from the third forecast month.
    const analytics = analyzeKpiSeries({
      points: seriesFrom('2015-04', [96, 96, 96, 96, 96, 96]),
      kpi: percentUp,
      minimumFor: (period) => (period >= '2015-12' ? 97 : 95),
    });
    expect(analytics.nextMonthMissProbability).toBe(0);
    expect(analytics.forecastBreach).toEqual({ period: '2015-12', predicted: 96, minimum: 97 });
  });

  test('null month and missing month are the same', () => {
    const values = fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null, freq: 4 }), { maxLength: 36 });
    fc.assert(
      fc.property(values, (series) => {
        const withNulls = seriesFrom('2015-01', series);
        const withoutNulls: KpiSeriesPoint[] = withNulls.filter((point) => point.value !== null);
        const input = { kpi: percentUp, minimumFor: () => 90 };
        expect(analyzeKpiSeries({ ...input, points: withoutNulls })).toEqual(analyzeKpiSeries({ ...input, points: withNulls }));
      }),
    );
  });

  test('a gap is not a zero', () => {
    // Six steady months and a gap: were the gap a 0, the forecast would fall far below 90.
    const analytics = analyzeKpiSeries({ points: seriesFrom('2015-04', [95, 95, 95, null, 95, 95, 95]), kpi: percentUp, minimumFor: () => 90 });
    if (analytics.forecast.status !== 'ready') throw new Error('expected a forecast');
    expect(analytics.forecast.monthsUsed).toBe(6);
    expect(analytics.forecast.months[0]?.value).toBeCloseTo(95, 10);
    expect(analytics.nextMonthMissProbability).toBe(0);
  });

  test('rejects a value that is not finite', () => {
    expect(() => analyzeKpiSeries({ points: seriesFrom('2015-04', [95, Number.NaN]), kpi: percentUp, minimumFor: null })).toThrow(
      /2015-05/,
    );
  });

  test('rejects two values for one month', () => {
    const points = [
      { period: '2015-04', value: 95 },
      { period: '2015-04', value: 96 },
    ];
    expect(() => analyzeKpiSeries({ points, kpi: percentUp, minimumFor: null })).toThrow(/two values for 2015-04/);
  });
});
