/**
 * The calendar form's text fields: holidays typed one per line, and working weekdays as ticked
 * boxes. Pure; the repository checks the values again before it writes them.
 */
import type { CalendarData } from '@shared/domain/plan';
import { isCalendarDate } from '@shared/schedule/days';

/** ISO weekdays in the form's order, Monday first. */
export const isoWeekdays: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

export interface CalendarDraft {
  readonly name: string;
  readonly site: string;
  readonly workingWeekdays: readonly number[];
  /** Holidays as typed: one `YYYY-MM-DD` date per line; commas and spaces also separate dates. */
  readonly holidays: string;
}

export type HolidayParse = { readonly ok: true; readonly holidays: string[] } | { readonly ok: false; readonly invalid: string };

export function draftOf(calendar: CalendarData): CalendarDraft {
  return { name: calendar.name, site: calendar.site, workingWeekdays: calendar.workingWeekdays, holidays: calendar.holidays.join('\n') };
}

export const emptyCalendarDraft: CalendarDraft = { name: '', site: '', workingWeekdays: [1, 2, 3, 4, 5], holidays: '' };

/** Splits the holidays text into dates; reports the first entry that is not a real `YYYY-MM-DD` date. */
export function parseHolidays(text: string): HolidayParse {
  const entries = text.split(/[\s,;]+/).filter((entry) => entry !== '');
  const invalid = entries.find((entry): boolean => !isCalendarDate(entry));
  return invalid === undefined ? { ok: true, holidays: entries } : { ok: false, invalid };
}

/** Problems of a calendar draft, by field. */
export interface CalendarDraftProblems {
  /** The name is empty or only white space. */
  readonly name?: 'missing';
  /** No weekday is ticked. */
  readonly workingWeekdays?: 'none';
  /** The first holiday entry that is not a real `YYYY-MM-DD` date. */
  readonly holidays?: { readonly invalid: string };
}

export type CalendarDraftCheck =
  { readonly ok: true; readonly holidays: string[] } | { readonly ok: false; readonly problems: CalendarDraftProblems };

/**
 * Checks every field of a calendar draft, so that the form can show all problems at once. Returns
 * the parsed holidays when there are none.
 */
export function checkCalendarDraft(draft: CalendarDraft): CalendarDraftCheck {
  const parsed = parseHolidays(draft.holidays);
  const problems: CalendarDraftProblems = {
    ...(draft.name.trim() === '' ? { name: 'missing' as const } : {}),
    ...(draft.workingWeekdays.length === 0 ? { workingWeekdays: 'none' as const } : {}),
    ...(parsed.ok ? {} : { holidays: { invalid: parsed.invalid } }),
  };
  if (parsed.ok && Object.keys(problems).length === 0) return { ok: true, holidays: parsed.holidays };
  return { ok: false, problems };
}

/** Returns the weekdays with `weekday` switched on or off, ascending. */
export function toggleWeekday(weekdays: readonly number[], weekday: number, on: boolean): number[] {
  const set = new Set(weekdays);
  if (on) set.add(weekday);
  else set.delete(weekday);
  return [...set].sort((a, b) => a - b);
}
