/**
 * Calendar dates of Excel date serials, computed in whole days so that no time zone or
 * daylight-saving change can move a date: no local-time `Date` is involved.
 */

/** A calendar date without a time zone. */
export interface CalendarDate {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** 1 to 31. */
  readonly day: number;
}

/** Days from 1970-01-01 back to 1899-12-31, the day before serial 1 in the 1900 date system. */
const epoch1900 = -25_568;
/** Days from 1970-01-01 to 1904-01-01, serial 0 in the 1904 date system of old Excel for Mac workbooks. */
const epoch1904 = -24_107;
/** Serial of 1900-02-29, a day that never existed but that Excel counts, as Lotus 1-2-3 did. */
const phantomLeapDay = 60;
/** Days between the two date systems: serial 0 of 1904 is serial 1462 of 1900. */
export const date1904Offset = 1462;

/**
 * Returns the calendar date of an Excel serial, dropping its time of day (the fraction), or
 * `null` for a negative or non-finite serial. In the 1900 system serial 1 is 1900-01-01 and,
 * because Excel counts 1900-02-29, serial 60 is returned as that date (February 1900) and
 * serials from 61 on are one day later than a plain count would give. In the 1904 system
 * serial 0 is 1904-01-01 and there is no such day.
 */
export function excelSerialToDate(serial: number, date1904: boolean): CalendarDate | null {
  if (!Number.isFinite(serial) || serial < 0) {
    return null;
  }
  const whole = Math.floor(serial);
  if (date1904) {
    return civilFromDays(epoch1904 + whole);
  }
  if (whole === phantomLeapDay) {
    return { year: 1900, month: 2, day: 29 };
  }
  return civilFromDays(epoch1900 + (whole > phantomLeapDay ? whole - 1 : whole));
}

/** Seconds since midnight of a serial's time of day, rounded to the millisecond. */
export function excelSerialSecondsOfDay(serial: number): number {
  return Math.round((serial - Math.floor(serial)) * 86_400_000) / 1000;
}

/**
 * Converts a count of days since 1970-01-01 to a proleptic Gregorian date, with Howard
 * Hinnant's `civil_from_days` algorithm (eras of 400 years), in integers only.
 */
export function civilFromDays(days: number): CalendarDate {
  const shifted = days + 719_468;
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
  return { year, month, day };
}

/**
 * Returns the serial that exceljs 4.4 stored in a cell it turned into a `Date`. exceljs builds
 * the `Date` as UTC milliseconds from the serial (`(serial - 25569 + 1462 if 1904) * 86400000`,
 * rounded), so this reads the instant only, never its local-time fields.
 */
export function serialFromExcelJsDate(date: Date, date1904: boolean): number {
  return date.getTime() / 86_400_000 + 25_569 - (date1904 ? date1904Offset : 0);
}

/** Writes a date as ISO `YYYY-MM-DD`. */
export function formatCalendarDate(date: CalendarDate): string {
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
