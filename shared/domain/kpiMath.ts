/**
 * KPI arithmetic on plain measurements: combining months into a quarter or a year, and
 * comparing a result with a service level.
 */
import type { KpiDefinitionData, MeasurementData, Period, ServiceLevelData } from './types';

/** The measurement fields the maths reads. */
export type MeasuredMonth = Pick<MeasurementData, 'period' | 'value' | 'numerator' | 'denominator'>;

export interface Aggregate {
  /** Combined result in the KPI's unit, or `null` when no month has a value. */
  readonly value: number | null;
  /** Summed numerators, for a ratio-of-sums result; otherwise `null`. */
  readonly numerator: number | null;
  /** Summed denominators, for a ratio-of-sums result; otherwise `null`. */
  readonly denominator: number | null;
  /** Months that had a value and so took part; months with a `null` value never count. */
  readonly months: number;
}

/**
 * Combines monthly results by the KPI's aggregation. A ratio KPI's quarter or year is
 * `100 * sum(numerators) / sum(denominators)`, not the mean of the monthly percentages.
 * Months whose value is `null` (no data, or a zero denominator) are left out, never taken as 0.
 * When some month of a ratio KPI has a value but no numerator or denominator (entered by
 * hand), the sums cannot be formed, so the result falls back to the mean of the monthly values
 * and `numerator` and `denominator` are `null`.
 */
export function aggregateMeasurements(kpi: Pick<KpiDefinitionData, 'aggregation'>, measurements: readonly MeasuredMonth[]): Aggregate {
  const withValue = measurements.filter((month): month is MeasuredMonth & { value: number } => month.value !== null);
  const months = withValue.length;
  if (months === 0) {
    return { value: null, numerator: null, denominator: null, months: 0 };
  }

  switch (kpi.aggregation) {
    case 'ratioOfSums': {
      const ratio = ratioOfSums(withValue);
      return ratio === null ? { ...plain(mean(withValue)), months } : { ...ratio, months };
    }
    case 'sum':
      return { ...plain(sum(withValue)), months };
    case 'mean':
      return { ...plain(mean(withValue)), months };
    case 'last':
      return { ...lastMonth(withValue), months };
  }
}

type Combined = Omit<Aggregate, 'months'>;

function plain(value: number): Combined {
  return { value, numerator: null, denominator: null };
}

function sum(months: readonly { value: number }[]): number {
  let total = 0;
  for (const month of months) {
    total += month.value;
  }
  return total;
}

function mean(months: readonly { value: number }[]): number {
  return sum(months) / months.length;
}

/** Ratio of summed counts, or `null` when a month lacks its numerator or denominator. */
function ratioOfSums(months: readonly MeasuredMonth[]): Combined | null {
  let numerator = 0;
  let denominator = 0;
  for (const month of months) {
    if (month.numerator === null || month.denominator === null) {
      return null;
    }
    numerator += month.numerator;
    denominator += month.denominator;
  }
  // Months with a value have a non-zero denominator, so the sum is only 0 for odd data such as negative counts.
  const value = denominator === 0 ? null : (100 * numerator) / denominator;
  return { value, numerator, denominator };
}

/** Returns the latest month's value, with its numerator and denominator when it has them. */
function lastMonth(months: readonly (MeasuredMonth & { value: number })[]): Combined {
  let latest = months[0];
  for (const month of months) {
    if (latest === undefined || month.period > latest.period) {
      latest = month;
    }
  }
  return { value: latest?.value ?? null, numerator: latest?.numerator ?? null, denominator: latest?.denominator ?? null };
}

/**
 * Checks whether a result misses the service level: below the minimum for a higher-is-better KPI,
 * above it for a lower-is-better one. Reaching the minimum exactly is not a breach, and a
 * `null` result (no data) never is.
 */
export function isBreach(
  kpi: Pick<KpiDefinitionData, 'direction'>,
  level: Pick<ServiceLevelData, 'minimum'>,
  value: number | null,
): boolean {
  if (value === null) {
    return false;
  }
  return kpi.direction === 'higherIsBetter' ? value < level.minimum : value > level.minimum;
}

/**
 * Measures how far a result falls short of the minimum, relative to the minimum. 0.1 means
 * 10% worse than the minimum, and a negative number means better than it. When the minimum
 * is 0 the difference itself is returned, because a relative amount has no meaning there.
 * Breach lists order KPIs with different units by it. A `null` result gives `null`.
 */
export function shortfall(
  kpi: Pick<KpiDefinitionData, 'direction'>,
  level: Pick<ServiceLevelData, 'minimum'>,
  value: number | null,
): number | null {
  if (value === null) {
    return null;
  }
  const gap = kpi.direction === 'higherIsBetter' ? level.minimum - value : value - level.minimum;
  return level.minimum === 0 ? gap : gap / Math.abs(level.minimum);
}

/** Finds the latest month that has a value, or returns `null`. */
export function latestWithValue(measurements: readonly MeasuredMonth[]): { readonly period: Period; readonly value: number } | null {
  let latest: { period: Period; value: number } | null = null;
  for (const { period, value } of measurements) {
    if (value !== null && (latest === null || period > latest.period)) {
      latest = { period, value };
    }
  }
  return latest;
}
