/**
 * Conversion of durations and lags given in minutes, hours, days, weeks or months, in working
 * or elapsed time, into the whole-day units of the plan model.
 */
import type { DurationUnit } from '../../domain/plan';

export type TimeUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months';

/** Length of working time in the source project; MS Project's defaults are 480, 2400 and 20. */
export interface WorkingTimeSettings {
  readonly minutesPerDay: number;
  readonly minutesPerWeek: number;
  readonly daysPerMonth: number;
}

export const defaultWorkingTime: WorkingTimeSettings = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };

/**
 * Returns the minutes of working time in ranges of times of day such as `08:00` to `12:00`
 * (seconds are ignored, and an end of `00:00` is midnight at the end of the day), or `null`
 * when a time is malformed.
 */
export function workingMinutes(ranges: readonly { readonly from: string; readonly to: string }[]): number | null {
  let total = 0;
  for (const range of ranges) {
    const from = minuteOfDay(range.from);
    const to = minuteOfDay(range.to);
    if (from === null || to === null) {
      return null;
    }
    total += (to <= from ? to + 1440 : to) - from;
  }
  return total;
}

function minuteOfDay(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text.trim());
  return match === null ? null : Number(match[1]) * 60 + Number(match[2]);
}

/** Converts an amount in `unit` to days, working days unless `elapsed`; the result may be fractional. */
export function toDays(
  amount: number,
  unit: TimeUnit,
  elapsed: boolean,
  settings: WorkingTimeSettings,
): { value: number; unit: DurationUnit } {
  if (elapsed) {
    const elapsedDays = { minutes: amount / 1440, hours: amount / 24, days: amount, weeks: amount * 7, months: amount * 30 }[unit];
    return { value: elapsedDays, unit: 'calendarDays' };
  }
  const minutesPerDay = settings.minutesPerDay;
  const workingDays = {
    minutes: amount / minutesPerDay,
    hours: (amount * 60) / minutesPerDay,
    days: amount,
    weeks: (amount * settings.minutesPerWeek) / minutesPerDay,
    months: amount * settings.daysPerMonth,
  }[unit];
  return { value: workingDays, unit: 'workingDays' };
}
