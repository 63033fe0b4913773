import { describe, expect, test } from 'vitest';
import { clampForDisplay, missProbability, trendForecast } from '../../../../shared/kpi/forecast';
import type { ForecastMonth } from '../../../../shared/kpi/forecast';
import { studentTCdf } from '../../../../shared/kpi/stats';
import { monthsFrom } from './analyticsTestKit';

function ready(forecast: ReturnType<typeof trendForecast>) {
  if (forecast.status !== 'ready') throw new Error(`expected a forecast, got ${forecast.status}`);
  return forecast;
}

describe('trendForecast', () => {
  test('exact line has a zero-width interval', () => {
    const forecast = ready(trendForecast(monthsFrom('2015-04', [90, 89.5, 89, 88.5, 88, 87.5, 87, 86.5]), 'percent'));
    expect(forecast.slopePerMonth).toBeCloseTo(-0.5, 12);
    expect(forecast.months.map((month) => month.period)).toEqual(['2015-12', '2016-01', '2016-02']);
    const expected = [86, 85.5, 85];
    forecast.months.forEach((month, index) => {
      expect(month.value).toBeCloseTo(expected[index] ?? Number.NaN, 10);
      expect(month.upper - month.lower).toBeCloseTo(0, 10);
      expect(month.clamped).toBe(false);
    });
  });

  test('hand-computed interval', () => {
    // x 0..5, y 1 3 2 5 4 6: slope 31/35, forecast 6.6 at x = 6, s = sqrt(132/35/4),
    // se = s * sqrt(1 + 1/6 + 3.5^2/17.5) = 1.32665, t(0.90, 4) = 1.533206.
    const forecast = ready(trendForecast(monthsFrom('2015-01', [1, 3, 2, 5, 4, 6]), 'number'));
    const next = forecast.months[0];
    expect(forecast.slopePerMonth).toBeCloseTo(31 / 35, 12);
    expect(forecast.degreesOfFreedom).toBe(4);
    expect(next?.period).toBe('2015-07');
    expect(next?.value).toBeCloseTo(6.6, 10);
    expect(next?.standardError).toBeCloseTo(1.32665, 5);
    expect(next?.lower).toBeCloseTo(4.56597, 4);
    expect(next?.upper).toBeCloseTo(8.63403, 4);
  });

  test('gaps keep their width on the time axis', () => {
    // y = 2x at x = 0, 1, 3, 4, 6, 7: a fit that closed the gaps would not be a line.
    const forecast = ready(trendForecast(monthsFrom('2015-01', [0, 2, null, 6, 8, null, 12, 14]), 'number'));
    expect(forecast.slopePerMonth).toBeCloseTo(2, 12);
    expect(forecast.months[0]?.period).toBe('2015-09');
    expect(forecast.months[0]?.value).toBeCloseTo(16, 10);
    expect(forecast.months[0]?.standardError).toBeCloseTo(0, 10);
  });

  test('forecast starts after the last month with data', () => {
    const forecast = ready(trendForecast(monthsFrom('2015-01', [1, 2, 3, 4, 5, 6, null, null]), 'number'));
    expect(forecast.fittedTo).toBe('2015-06');
    expect(forecast.months[0]?.period).toBe('2015-07');
  });

  test('fits only the last twelve months', () => {
    const forecast = ready(trendForecast(monthsFrom('2015-01', [500, -500, 500, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), 'number'));
    expect(forecast.monthsUsed).toBe(12);
    expect(forecast.fittedFrom).toBe('2015-04');
    expect(forecast.months[0]?.value).toBeCloseTo(13, 10);
    expect(forecast.residualStandardError).toBeCloseTo(0, 10);
  });

  test('five months are not enough', () => {
    expect(trendForecast(monthsFrom('2015-01', [1, 2, null, 3, 4, 5]), 'number')).toEqual({ status: 'notEnoughData', monthsWithData: 5 });
  });

  test('percent forecast is clamped to 100', () => {
    const forecast = ready(trendForecast(monthsFrom('2015-01', [95, 96, 97, 98, 99, 99.9]), 'percent'));
    const last = forecast.months[2];
    expect(last?.predicted).toBeGreaterThan(100);
    expect(last?.value).toBe(100);
    expect(last?.upper).toBe(100);
    expect(last?.clamped).toBe(true);
  });
});

describe('clampForDisplay', () => {
  test('clamps by unit', () => {
    expect(clampForDisplay(-3, 'percent')).toBe(0);
    expect(clampForDisplay(104, 'percent')).toBe(100);
    expect(clampForDisplay(-3, 'seconds')).toBe(0);
    expect(clampForDisplay(-3, 'number')).toBe(-3);
  });
});

describe('missProbability', () => {
  const month: ForecastMonth = { period: '2016-04', predicted: 95, standardError: 2, value: 95, lower: 92, upper: 98, clamped: false };

  test('forecast at the minimum is one half', () => {
    expect(missProbability(month, 6, 'higherIsBetter', 95)).toBeCloseTo(0.5, 12);
    expect(missProbability(month, 6, 'lowerIsBetter', 95)).toBeCloseTo(0.5, 12);
  });

  test('below the minimum misses a higher-is-better KPI', () => {
    // (93 - 95) / 2 = -1 standard error.
    expect(missProbability(month, 6, 'higherIsBetter', 93)).toBeCloseTo(studentTCdf(-1, 6), 12);
    expect(missProbability(month, 6, 'higherIsBetter', 93)).toBeLessThan(0.5);
  });

  test('above the minimum misses a lower-is-better KPI', () => {
    expect(missProbability(month, 6, 'lowerIsBetter', 93)).toBeCloseTo(1 - studentTCdf(-1, 6), 12);
    expect(missProbability(month, 6, 'lowerIsBetter', 93)).toBeGreaterThan(0.5);
  });

  test('zero standard error is certain', () => {
    const exact = { ...month, standardError: 0 };
    expect(missProbability(exact, 6, 'higherIsBetter', 96)).toBe(1);
    expect(missProbability(exact, 6, 'higherIsBetter', 95)).toBe(0);
    expect(missProbability(exact, 6, 'lowerIsBetter', 94)).toBe(1);
  });
});
