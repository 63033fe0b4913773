/**
 * When the `.ics` export sets an event's reminder. The regular reminder fires the entry's alert
 * lead time before the event: at 09:00 local time for an all-day event, or exactly `leadDays`
 * before a timed meeting's start. A calendar app fires a reminder whose time has already passed
 * as soon as the file is imported, so such a reminder moves to the first 09:00 after the export
 * on the user's clock. When that is not before the event either, the event gets no reminder.
 * For an all-day event, 09:00 on its own day counts as before it, as it does for a lead time of
 * 0 days.
 */
import type { CalendarEntry } from './agenda';
import { isCalendarDate, fromDayNumber, toDayNumber } from '../schedule/days';
import { readZonedClock, zonedTimeToUtcMillis } from './zonedTime';

const secondsPerDay = 86_400;
/** Local time of day at which an all-day reminder fires, in seconds after midnight. */
export const reminderSecondsIntoDay = 9 * 3600;

/** The moment of the export on the user's clock. */
export interface ExportClock {
  /** The export instant, in ms since the Unix epoch. */
  readonly exportMillis: number;
  /** IANA time zone of the user's clock. */
  readonly timeZone: string;
}

/** Returns the day number of the first 09:00 after the export on the user's clock. */
function nextReminderDay(clock: ExportClock): number {
  const now = readZonedClock(clock.exportMillis, clock.timeZone);
  return now.secondsIntoDay < reminderSecondsIntoDay ? now.dayNumber : now.dayNumber + 1;
}

/**
 * Returns the reminder of an all-day event on `date` as seconds before its start, the midnight
 * that begins `date`, or `null` for no reminder. A reminder on the day itself is negative.
 * Calendar apps read all-day times in their own zone, so only the reminder's day depends on
 * `clock.timeZone`.
 */
export function allDayReminderSeconds(date: string, leadDays: number, clock: ExportClock): number | null {
  if (!isCalendarDate(date)) throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected YYYY-MM-DD.`);
  const eventDay = toDayNumber(date);
  const now = readZonedClock(clock.exportMillis, clock.timeZone);
  const regularDay = eventDay - leadDays;
  const regularPassed = regularDay < now.dayNumber || (regularDay === now.dayNumber && now.secondsIntoDay >= reminderSecondsIntoDay);
  const reminderDay = regularPassed ? nextReminderDay(clock) : regularDay;
  if (reminderDay > eventDay) return null;
  return (eventDay - reminderDay) * secondsPerDay - reminderSecondsIntoDay;
}

/** Returns the reminder of a timed event starting at `startMillis` as seconds before its start, or `null` for no reminder. */
export function timedReminderSeconds(startMillis: number, leadDays: number, clock: ExportClock): number | null {
  const regularSeconds = leadDays * secondsPerDay;
  if (startMillis - regularSeconds * 1000 > clock.exportMillis) return regularSeconds;
  const reminderMillis = zonedTimeToUtcMillis(fromDayNumber(nextReminderDay(clock)), '09:00', clock.timeZone);
  if (reminderMillis >= startMillis) return null;
  return Math.round((startMillis - reminderMillis) / 1000);
}

/** Returns the reminder of an agenda entry as seconds before its event starts, or `null`: overdue entries get none. */
export function entryReminderSeconds(entry: CalendarEntry, clock: ExportClock): number | null {
  if (entry.overdue) return null;
  if (entry.kind === 'meeting' && entry.startsAt !== null && entry.endsAt !== null) {
    return timedReminderSeconds(Date.parse(entry.startsAt), entry.leadDays, clock);
  }
  return allDayReminderSeconds(entry.date, entry.leadDays, clock);
}
