/**
 * Trend forecast of one KPI series and the probability of missing a minimum. A least-squares
 * line is fitted to the last (up to 12) months with data, at least 6, with x the real month
 * index so that a gap keeps its width on the time axis. The next three months after the last
 * month with data get a point forecast and an 80% prediction interval from Student's t with
 * n - 2 degrees of freedom:
 *
 *   forecast +/- t(0.90, n - 2) * s * sqrt(1 + 1/n + (x - mean x)^2 / Sxx),
 *
 * where s is the residual standard error of the fit.
 */
import type { KpiDirection, KpiUnit, Period } from '../domain/types';
import { monthIndexToPeriod } from '../domain/period';
import type { ObservedMonth } from './analyticsSeries';
import { studentTCdf, studentTQuantile } from './stats';

/** Months with data the line is fitted to, at most. */
export const forecastFitMonths = 12;
/** Minimum months with data for a forecast. */
export const minimumForecastMonths = 6;
/** Months forecast after the last month with data. */
export const forecastHorizonMonths = 3;
/** Coverage of the prediction interval. */
export const forecastIntervalLevel = 0.8;

export interface ForecastMonth {
  readonly period: Period;
  /** Point forecast of the line, in the KPI's unit, not clamped; the breach probability uses it. */
  readonly predicted: number;
  /** Standard error of a new month's result at this month, in the KPI's unit. */
  readonly standardError: number;
  /** Point forecast for display: clamped to 0..100 for percent KPIs and to 0 or more for durations. */
  readonly value: number;
  /** Lower end of the 80% prediction interval, clamped like `value`. */
  readonly lower: number;
  /** Upper end of the 80% prediction interval, clamped like `value`. */
  readonly upper: number;
  /** True when clamping changed `value`, `lower` or `upper`. */
  readonly clamped: boolean;
}

export type TrendForecast =
  | { readonly status: 'notEnoughData'; readonly monthsWithData: number }
  | {
      readonly status: 'ready';
      /** Slope of the line, in the KPI's unit per calendar month. */
      readonly slopePerMonth: number;
      /** Months with data the line was fitted to. */
      readonly monthsUsed: number;
      /** First and last month of the fit. */
      readonly fittedFrom: Period;
      readonly fittedTo: Period;
      /** Residual standard error of the fit, in the KPI's unit. */
      readonly residualStandardError: number;
      /** n - 2. */
      readonly degreesOfFreedom: number;
      /** The three months after the last month with data, in order. */
      readonly months: readonly ForecastMonth[];
    };

/** Fits the trend line to the end of `months` (in month order, see `observedMonths`) and forecasts three months. */
export function trendForecast(months: readonly ObservedMonth[], unit: KpiUnit): TrendForecast {
  const count = Math.min(forecastFitMonths, months.length);
  if (count < minimumForecastMonths) {
    return { status: 'notEnoughData', monthsWithData: months.length };
  }
  const first = months.length - count;
  const firstMonth = months[first];
  const lastMonth = months[months.length - 1];
  if (firstMonth === undefined || lastMonth === undefined) {
    return { status: 'notEnoughData', monthsWithData: months.length };
  }

  // x is counted from the last month with data, which keeps the sums small and exact.
  const origin = lastMonth.monthIndex;
  let sumX = 0;
  let sumY = 0;
  for (let index = first; index < months.length; index += 1) {
    const month = months[index];
    if (month === undefined) continue;
    sumX += month.monthIndex - origin;
    sumY += month.value;
  }
  const meanX = sumX / count;
  const meanY = sumY / count;
  let sxx = 0;
  let sxy = 0;
  for (let index = first; index < months.length; index += 1) {
    const month = months[index];
    if (month === undefined) continue;
    const dx = month.monthIndex - origin - meanX;
    sxx += dx * dx;
    sxy += dx * (month.value - meanY);
  }
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;

  let sse = 0;
  for (let index = first; index < months.length; index += 1) {
    const month = months[index];
    if (month === undefined) continue;
    const residual = month.value - (intercept + slope * (month.monthIndex - origin));
    sse += residual * residual;
  }
  const degreesOfFreedom = count - 2;
  const residualStandardError = Math.sqrt(sse / degreesOfFreedom);
  const tValue = studentTQuantile((1 + forecastIntervalLevel) / 2, degreesOfFreedom);

  const forecastMonths: ForecastMonth[] = [];
  for (let ahead = 1; ahead <= forecastHorizonMonths; ahead += 1) {
    const predicted = intercept + slope * ahead;
    const standardError = residualStandardError * Math.sqrt(1 + 1 / count + ((ahead - meanX) * (ahead - meanX)) / sxx);
    const halfWidth = tValue * standardError;
    const lower = clampForDisplay(predicted - halfWidth, unit);
    const upper = clampForDisplay(predicted + halfWidth, unit);
    const value = clampForDisplay(predicted, unit);
    const clamped = value !== predicted || lower !== predicted - halfWidth || upper !== predicted + halfWidth;
    forecastMonths.push({ period: monthIndexToPeriod(origin + ahead), predicted, standardError, value, lower, upper, clamped });
  }

  return {
    status: 'ready',
    slopePerMonth: slope,
    monthsUsed: count,
    fittedFrom: firstMonth.period,
    fittedTo: lastMonth.period,
    residualStandardError,
    degreesOfFreedom,
    months: forecastMonths,
  };
}

/** Keeps a forecast inside the values the unit allows: 0 to 100 for percentages, 0 or more for durations. */
export function clampForDisplay(value: number, unit: KpiUnit): number {
  switch (unit) {
    case 'percent':
      return Math.min(100, Math.max(0, value));
    case 'seconds':
      return Math.max(0, value);
    case 'number':
      return value;
  }
}

/**
 * Computes the probability that a month's result misses `minimum`, from the month's predictive t
 * distribution: below the minimum for a higher-is-better KPI, above it for a lower-is-better one.
 * With a zero standard error (the data lie on a line) it is 1 when the forecast misses and 0
 * otherwise. A forecast exactly at the minimum is not a miss, as in `isBreach`.
 */
export function missProbability(month: ForecastMonth, degreesOfFreedom: number, direction: KpiDirection, minimum: number): number {
  if (month.standardError === 0 || !Number.isFinite(month.standardError)) {
    const misses = direction === 'higherIsBetter' ? month.predicted < minimum : month.predicted > minimum;
    return misses ? 1 : 0;
  }
  const below = studentTCdf((minimum - month.predicted) / month.standardError, degreesOfFreedom);
  return direction === 'higherIsBetter' ? below : 1 - below;
}
