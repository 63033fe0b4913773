/**
 * Calendar dates (`YYYY-MM-DD`) as day numbers: whole days since 1970-01-01 in the proleptic
 * Gregorian calendar. The conversions use integer arithmetic only, so no time zone,
 * daylight-saving change or local-time `Date` can move a date.
 */
import type { CalendarDate } from '../domain/types';

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in each month of a non-leap year, January first. */
const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (monthLengths[month - 1] ?? 0);
}

/** Checks whether `text` is a real date in the stored form `YYYY-MM-DD` (so `2021-02-29` is not). */
export function isCalendarDate(text: string): text is CalendarDate {
  const match = datePattern.exec(text);
  if (match === null) {
    return false;
  }
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

/**
 * Counts the days from 1970-01-01 to a date, negative before it. The year is shifted to start
 * in March, so the leap day is the last day of the shifted year, and the count works in eras of
 * 400 years (146,097 days).
 */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const monthFromMarch = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  // 719,468 is the day of the era system's 0000-03-01 counted back from 1970-01-01.
  return era * 146_097 + dayOfEra - 719_468;
}

/** Converts `YYYY-MM-DD` to its day number. Throws a `RangeError` on text that is not a real date. */
export function toDayNumber(date: CalendarDate): number {
  if (!isCalendarDate(date)) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  }
  return dayNumberFromParts(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Converts a day number back to `YYYY-MM-DD`; the inverse of `toDayNumber`. */
export function fromDayNumber(dayNumber: number): CalendarDate {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO weekday of a day number: 1 for Monday to 7 for Sunday. Day 0, 1970-01-01, was a Thursday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}
