/**
 * Input of the KPI analytics: one KPI's monthly results for one provider. Months without data
 * are gaps: a `null` value and a month missing from the list mean the same, and neither is ever
 * taken as 0 or as any other value.
 */
import { periodToMonthIndex } from '../domain/period';
import type { KpiDirection, Period } from '../domain/types';

/** One month of a series; `value` is `null` when the month has no result. */
export interface KpiSeriesPoint {
  readonly period: Period;
  readonly value: number | null;
}

/** A month with data, with its month index so that gaps show as jumps of more than 1. */
export interface ObservedMonth {
  readonly period: Period;
  /** Months since January of year 0 (see `periodToMonthIndex`). */
  readonly monthIndex: number;
  readonly value: number;
}

/** Whether a signal, flag or trend is good or bad news, given the KPI's direction. */
export type Assessment = 'better' | 'worse';

/**
 * Returns the months with data in month order. The points may come in any order and with
 * holes. Throws a `RangeError` naming the period on a value that is not a finite number and on
 * two values for the same month, because either means the caller built the series wrongly.
 */
export function observedMonths(points: readonly KpiSeriesPoint[]): ObservedMonth[] {
  const months: ObservedMonth[] = [];
  let ordered = true;
  for (const point of points) {
    if (point.value === null) {
      continue;
    }
    if (!Number.isFinite(point.value)) {
      throw new RangeError(`KPI series value for ${point.period} is ${point.value}, not a finite number`);
    }
    const month: ObservedMonth = { period: point.period, monthIndex: periodToMonthIndex(point.period), value: point.value };
    const previous = months.at(-1);
    if (previous !== undefined && previous.monthIndex >= month.monthIndex) {
      ordered = false;
    }
    months.push(month);
  }

  // Series from the database are usually in order already, so the sort is skipped for them.
  if (!ordered) {
    months.sort((a, b) => a.monthIndex - b.monthIndex);
  }
  for (let index = 1; index < months.length; index += 1) {
    const month = months[index];
    if (month !== undefined && months[index - 1]?.monthIndex === month.monthIndex) {
      throw new RangeError(`KPI series has two values for ${month.period}`);
    }
  }
  return months;
}

/**
 * Judges a movement of the result: up (`rising` or `above`) is better for a higher-is-better
 * KPI and worse for a lower-is-better one.
 */
export function assessMovement(direction: KpiDirection, up: boolean): Assessment {
  return up === (direction === 'higherIsBetter') ? 'better' : 'worse';
}
