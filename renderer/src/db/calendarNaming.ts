/**
 * Names of working-day calendars, which belong to the whole portfolio. Every plan from the
 * template and every imported project file brings a calendar, usually named "Monday to Friday",
 * "Standard" or "default", so without these rules the calendar pickers fill with entries that
 * look the same. Pure.
 */
import type { Calendar, CalendarData } from '@shared/domain/plan';

/** Returns the form of a name that two names share when a reader would take them for the same name. */
function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/**
 * Returns `name` when no name in `taken` equals it (ignoring case and surrounding white space).
 * Otherwise it returns the name followed by the plan's title in brackets, for example
 * "Standard (Devon transition)", and adds " 2", " 3" and so on when that name is taken too.
 */
export function uniqueCalendarName(name: string, planTitle: string, taken: Iterable<string>): string {
  const keys = new Set([...taken].map(nameKey));
  const trimmed = name.trim();
  if (!keys.has(nameKey(trimmed))) return trimmed;

  const withPlan = `${trimmed} (${planTitle.trim()})`;
  if (!keys.has(nameKey(withPlan))) return withPlan;
  for (let number = 2; ; number += 1) {
    const numbered = `${withPlan} ${String(number)}`;
    if (!keys.has(nameKey(numbered))) return numbered;
  }
}

/**
 * Returns a name for each of `names`, in order, by `uniqueCalendarName`. Each name also counts as
 * taken for the names after it, so two calendars of one file never end with the same name.
 */
export function uniqueCalendarNames(names: readonly string[], planTitle: string, taken: Iterable<string>): string[] {
  const used = [...taken];
  return names.map((name) => {
    const unique = uniqueCalendarName(name, planTitle, used);
    used.push(unique);
    return unique;
  });
}

function sameWeekdays(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((weekday, index) => weekday === b[index]);
}

/**
 * Returns the stored calendar that a new plan uses in place of a new calendar made from `requested`,
 * or `undefined` when the plan needs its own calendar.
 *
 * A calendar is reused only when `requested` has no holidays and no site, and the stored calendar has
 * the same name (ignoring case), the same working weekdays, no holidays and no site. Such a
 * calendar schedules exactly as a new one would, and a second one would only add an entry that
 * looks the same in every picker. A calendar that someone renamed or gave holidays is not reused,
 * because its holidays would then move the new plan's dates. When several calendars match, the one
 * with the smallest id is returned: ids are UUIDv7, so it is the oldest, and every laptop picks the
 * same one. Both weekday lists must be ascending without repeats, as `checkCalendarInput` returns
 * them.
 */
export function reusableCalendar(calendars: readonly Calendar[], requested: CalendarData): Calendar | undefined {
  if (requested.holidays.length > 0 || requested.site !== '') return undefined;
  const matches = calendars.filter(
    (calendar) =>
      nameKey(calendar.name) === nameKey(requested.name) &&
      calendar.site === '' &&
      calendar.holidays.length === 0 &&
      sameWeekdays(calendar.workingWeekdays, requested.workingWeekdays),
  );
  let oldest: Calendar | undefined;
  for (const match of matches) {
    if (oldest === undefined || match.id < oldest.id) oldest = match;
  }
  return oldest;
}
