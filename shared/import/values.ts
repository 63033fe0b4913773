/**
 * Parsers for the cell values of a measurement file: periods, durations and numbers.
 * Each returns `null` for text it does not accept, so the caller can report the cell.
 */
import { makePeriod } from '../domain/period';
import type { Period } from '../domain/types';

/** Years a parsed period may have; anything else is taken as a typing error. */
export const minPeriodYear = 1900;
export const maxPeriodYear = 2099;

const monthNumbers: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['january', 1],
  ['feb', 2],
  ['february', 2],
  ['mar', 3],
  ['march', 3],
  ['apr', 4],
  ['april', 4],
  ['may', 5],
  ['jun', 6],
  ['june', 6],
  ['jul', 7],
  ['july', 7],
  ['aug', 8],
  ['august', 8],
  ['sep', 9],
  ['sept', 9],
  ['september', 9],
  ['oct', 10],
  ['october', 10],
  ['nov', 11],
  ['november', 11],
  ['dec', 12],
  ['december', 12],
]);

/** `Apr-15`, `Apr 2015`, `April 2015`, `april-2015` (month names in English). */
const monthNamePattern = /^([a-z]+)[-\s]?(\d{2}|\d{4})$/i;
/** `2015-04` and `2015-04-01`. */
const isoPattern = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
/** `04/2015` and `4/2015`. */
const slashPattern = /^(\d{1,2})\/(\d{4})$/;

/**
 * Parses a month as written in spreadsheets and returns it as `YYYY-MM`, or `null`.
 * Accepts `Apr-15`, `Apr 2015`, `April 2015`, `2015-04`, `2015-04-01` (the day is checked,
 * then dropped), `04/2015` and `4/2015`. Two-digit years are 2000 to 2099.
 */
export function parsePeriod(text: string): Period | null {
  const trimmed = text.trim();

  const named = monthNamePattern.exec(trimmed);
  if (named !== null) {
    const month = monthNumbers.get((named[1] ?? '').toLowerCase());
    const yearText = named[2] ?? '';
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    return month === undefined ? null : periodOrNull(year, month);
  }

  const iso = isoPattern.exec(trimmed);
  if (iso !== null) {
    const year = Number(iso[1]);
    const month = Number(iso[2]);
    if (iso[3] !== undefined && !isValidDay(year, month, Number(iso[3]))) {
      return null;
    }
    return periodOrNull(year, month);
  }

  const slashed = slashPattern.exec(trimmed);
  if (slashed !== null) {
    return periodOrNull(Number(slashed[2]), Number(slashed[1]));
  }
  return null;
}

function periodOrNull(year: number, month: number): Period | null {
  if (year < minPeriodYear || year > maxPeriodYear || month < 1 || month > 12) {
    return null;
  }
  return makePeriod(year, month);
}

function isValidDay(year: number, month: number, day: number): boolean {
  return day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `H:MM:SS` with any number of hour digits, or `M:SS`; seconds may carry a fraction. */
const clockPattern = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)$/;
/** A day fraction as a spreadsheet stores a time of day: `0.011597222` is 16 min 42 s. */
const dayFractionPattern = /^0?\.\d+$|^0$/;
const secondsPerDay = 86_400;

/**
 * Parses a duration and returns it in seconds, or `null`. Accepts `HH:MM:SS` (`00:10:53`
 * is 653), `MM:SS`, and a day fraction below 1 (`0.011597222` is 1002). The day fraction
 * is how a spreadsheet stores a time once the cell loses its time format, which the
 * March 2016 rows of the NHS 111 2015-16 file show. Other plain numbers are rejected
 * because they could mean seconds or minutes.
 */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();

  const clock = clockPattern.exec(trimmed);
  if (clock !== null) {
    const hours = clock[1] === undefined ? 0 : Number(clock[1]);
    const minutes = Number(clock[2]);
    const seconds = Number(clock[3]);
    // With hours present, minutes are 0 to 59; a leading minutes field (`75:30`) may exceed 59.
    if ((clock[1] !== undefined && minutes > 59) || seconds >= 60) {
      return null;
    }
    return hours * 3600 + minutes * 60 + seconds;
  }

  if (dayFractionPattern.test(trimmed)) {
    // Rounded to milliseconds: spreadsheets write about nine decimals (86 microseconds),
    // so whole seconds in the source come back whole instead of as 1001.99998.
    return Math.round(Number(trimmed) * secondsPerDay * 1000) / 1000;
  }
  return null;
}

export interface ParsedNumber {
  readonly value: number;
  /** Whether the text ended in `%`; `value` is then the number before the sign (`94.01%` is 94.01). */
  readonly percent: boolean;
}

export interface ParseNumberOptions {
  /**
   * Whether a comma may group thousands (`1,234` is 1234). Set it to `false` where a comma
   * could be a decimal comma, such as in a semicolon-separated file; such text is then rejected.
   */
  readonly commaGrouping: boolean;
}

const plainNumberPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** Thousands grouped by commas: 1 to 3 leading digits (no leading zero), then groups of exactly three. */
const groupedNumberPattern = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * Parses a decimal number with a `.` decimal point, optionally grouped by commas and
 * optionally a percentage (`94.01%`), or returns `null`. Rejects empty text, `NaN`,
 * infinities and numbers too large for a double.
 */
export function parseNumber(text: string, options: ParseNumberOptions = { commaGrouping: true }): ParsedNumber | null {
  let body = text.trim();
  const percent = body.endsWith('%');
  if (percent) {
    body = body.slice(0, -1).trimEnd();
  }

  let numberText: string;
  if (plainNumberPattern.test(body)) {
    numberText = body;
  } else if (options.commaGrouping && groupedNumberPattern.test(body)) {
    numberText = body.replaceAll(',', '');
  } else {
    return null;
  }

  const value = Number(numberText);
  return Number.isFinite(value) ? { value, percent } : null;
}
