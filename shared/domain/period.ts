/**
 * Calendar months (`YYYY-MM`). All arithmetic is on whole months as integers, so no time
 * zone, daylight-saving change or local-time `Date` can move a period.
 */
import type { Period } from './types';

const periodPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Checks whether `text` is a period in the stored form `YYYY-MM`. */
export function isPeriod(text: string): text is Period {
  return periodPattern.test(text);
}

/** Splits a period into year and month (1 to 12). Throws on text that is not `YYYY-MM`. */
export function splitPeriod(period: Period): { readonly year: number; readonly month: number } {
  const match = periodPattern.exec(period);
  if (match === null) {
    throw new RangeError(`Not a YYYY-MM period: ${JSON.stringify(period)}`);
  }
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** Builds `YYYY-MM` from a year (0 to 9999) and a month (1 to 12). */
export function makePeriod(year: number, month: number): Period {
  if (!Number.isInteger(year) || year < 0 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`No period for year ${year}, month ${month}`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Counts the months since January of year 0, so consecutive periods have consecutive indexes. */
export function periodToMonthIndex(period: Period): number {
  const { year, month } = splitPeriod(period);
  return year * 12 + (month - 1);
}

export function monthIndexToPeriod(index: number): Period {
  const year = Math.floor(index / 12);
  return makePeriod(year, index - year * 12 + 1);
}

/** Compares periods: negative when `a` is earlier than `b`, zero when equal, positive when later. */
export function comparePeriods(a: Period, b: Period): number {
  return periodToMonthIndex(a) - periodToMonthIndex(b);
}

/** Returns the period `months` months after `period`, or before it when `months` is negative. */
export function addMonths(period: Period, months: number): Period {
  if (!Number.isInteger(months)) {
    throw new RangeError(`Months to add must be a whole number, got ${months}`);
  }
  return monthIndexToPeriod(periodToMonthIndex(period) + months);
}

/** Lists every period from `from` to `to`, both included. The list is empty when `from` is later than `to`. */
export function periodRange(from: Period, to: Period): Period[] {
  const first = periodToMonthIndex(from);
  const last = periodToMonthIndex(to);
  const periods: Period[] = [];
  for (let index = first; index <= last; index += 1) {
    periods.push(monthIndexToPeriod(index));
  }
  return periods;
}

export function yearOf(period: Period): number {
  return splitPeriod(period).year;
}

export interface Quarter {
  /** Calendar year, or for a financial quarter the year in which the financial year starts. */
  readonly year: number;
  /** 1 to 4. */
  readonly quarter: number;
  /** `2015-Q2` for calendar quarters, `2015-16 Q1` for financial ones. */
  readonly label: string;
}

/** Calendar quarter: January to March is Q1. */
export function quarterOf(period: Period): Quarter {
  const { year, month } = splitPeriod(period);
  const quarter = Math.floor((month - 1) / 3) + 1;
  return { year, quarter, label: `${year}-Q${quarter}` };
}

/** First month of the UK financial year (April). */
export const ukFinancialYearStartMonth = 4;

/**
 * Financial year of a period, labelled `2015-16`, for a year that starts in `startMonth`
 * (April in the UK, so `2016-03` belongs to 2015-16).
 */
export function financialYearOf(
  period: Period,
  startMonth: number = ukFinancialYearStartMonth,
): { readonly startYear: number; readonly label: string } {
  const { year, month } = splitPeriod(period);
  const startYear = month >= startMonth ? year : year - 1;
  return { startYear, label: financialYearLabel(startYear, startMonth) };
}

/** Quarter of the financial year that starts in `startMonth`: April to June is Q1 in the UK. */
export function financialQuarterOf(period: Period, startMonth: number = ukFinancialYearStartMonth): Quarter {
  const { month } = splitPeriod(period);
  const { startYear, label } = financialYearOf(period, startMonth);
  const monthsIntoYear = (month - startMonth + 12) % 12;
  const quarter = Math.floor(monthsIntoYear / 3) + 1;
  return { year: startYear, quarter, label: `${label} Q${quarter}` };
}

function financialYearLabel(startYear: number, startMonth: number): string {
  // A financial year that starts in January is a calendar year and has a plain label.
  if (startMonth === 1) {
    return String(startYear);
  }
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

const millisPerDay = 86_400_000;

/** Milliseconds since 1970-01-01 UTC of the period's first day at 00:00 UTC, for chart axes. */
export function periodToUtcMillis(period: Period): number {
  const { year, month } = splitPeriod(period);
  return daysFromCivil(year, month, 1) * millisPerDay;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date, in integer arithmetic
 * (Howard Hinnant's `days_from_civil`, with eras of 400 years).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
