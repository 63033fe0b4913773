/**
 * Meeting instances of a cadence. A weekly cadence meets every 7 days from its first date. A
 * monthly cadence meets on the first date's day of the month, and a quarterly one on that day of
 * every third month. In a month too short for the day the meeting falls on the month's last day,
 * and the next month returns to the day: a cadence from 31 January meets on 28 or 29 February,
 * then on 31 March. No meeting falls before the first date or after the cadence's last date.
 *
 * Dates are counted in whole days (`shared/schedule/days.ts`), so the host time zone never moves
 * a meeting.
 */
import type { MeetingCadenceData, MeetingCadenceKind, MeetingData } from '../domain/governance';
import { monthIndexToPeriod, periodToMonthIndex } from '../domain/period';
import type { CalendarDate, Id } from '../domain/types';
import { dayNumberFromParts, fromDayNumber, toDayNumber } from '../schedule/days';

/** Months between two meetings of the monthly and quarterly cadences. */
const monthsBetweenMeetings: Readonly<Record<Exclude<MeetingCadenceKind, 'weeklyOperational'>, number>> = {
  monthlyManagement: 1,
  quarterlySteering: 3,
};

const daysBetweenWeeklyMeetings = 7;

/**
 * Lists the dates of a cadence's meetings from `from` to `to`, both included, in ascending order
 * and without repeats. The list is empty when the range ends before it starts, ends before the
 * first date or starts after `untilDate`. Throws a `RangeError` when a date is not `YYYY-MM-DD`.
 */
export function cadenceDates(
  cadence: Pick<MeetingCadenceData, 'kind' | 'firstDate' | 'untilDate'>,
  from: CalendarDate,
  to: CalendarDate,
): CalendarDate[] {
  const firstDay = toDayNumber(cadence.firstDate);
  const startDay = Math.max(toDayNumber(from), firstDay);
  const endDay = cadence.untilDate === null ? toDayNumber(to) : Math.min(toDayNumber(to), toDayNumber(cadence.untilDate));
  if (startDay > endDay) return [];

  if (cadence.kind === 'weeklyOperational') return weeklyDates(firstDay, startDay, endDay);
  return monthlyDates(cadence.firstDate, monthsBetweenMeetings[cadence.kind], startDay, endDay);
}

function weeklyDates(firstDay: number, startDay: number, endDay: number): CalendarDate[] {
  const dates: CalendarDate[] = [];
  const weeksToStart = Math.ceil((startDay - firstDay) / daysBetweenWeeklyMeetings);
  for (let day = firstDay + weeksToStart * daysBetweenWeeklyMeetings; day <= endDay; day += daysBetweenWeeklyMeetings) {
    dates.push(fromDayNumber(day));
  }
  return dates;
}

/** Lists the meetings every `step` months on the first date's day of the month, clamped to the month's last day. */
function monthlyDates(firstDate: CalendarDate, step: number, startDay: number, endDay: number): CalendarDate[] {
  const firstMonth = periodToMonthIndex(firstDate.slice(0, 7));
  const anchorDay = Number(firstDate.slice(8, 10));
  const startMonth = periodToMonthIndex(fromDayNumber(startDay).slice(0, 7));
  const endMonth = periodToMonthIndex(fromDayNumber(endDay).slice(0, 7));

  const dates: CalendarDate[] = [];
  // The meeting of the step that contains the start month may fall before the start day, so it is checked like the others.
  const firstStep = Math.floor((startMonth - firstMonth) / step);
  for (let month = firstMonth + firstStep * step; month <= endMonth; month += step) {
    const day = dayInMonth(month, anchorDay);
    if (day >= startDay && day <= endDay) dates.push(fromDayNumber(day));
  }
  return dates;
}

/** Returns the day number of day `day` of a month, or of the month's last day when the month is shorter. */
function dayInMonth(monthIndex: number, day: number): number {
  const first = monthStartDay(monthIndex);
  const length = monthStartDay(monthIndex + 1) - first;
  return first + Math.min(day, length) - 1;
}

function monthStartDay(monthIndex: number): number {
  const period = monthIndexToPeriod(monthIndex);
  return dayNumberFromParts(Number(period.slice(0, 4)), Number(period.slice(5, 7)), 1);
}

/** Natural key of a generated meeting: its cadence and date. */
function meetingKey(cadenceId: Id, date: CalendarDate): string {
  return `${cadenceId}\u0000${date}`;
}

/**
 * Builds the meetings of `cadence` from `from` to `to` that `existingMeetings` does not contain
 * yet, matched on cadence and date (the natural key that a merge also uses). Each new meeting is
 * `planned`, has an empty agenda and minutes, and takes its provider, kind, title, start time,
 * duration, time zone and attendees from the cadence. Calling it again with the meetings it
 * returned added to `existingMeetings` returns an empty list.
 *
 * A cancelled meeting keeps its record and date, so it does not come back. The app moves a
 * generated meeting by cancelling it and adding a meeting without a cadence on the new date, for
 * the same reason. NOTE: a generated meeting deleted from the database, which the app offers
 * nowhere, no longer matches its date, so the next call generates that date again.
 */
export function meetingsToCreate(
  cadence: { readonly id: Id } & MeetingCadenceData,
  existingMeetings: readonly Pick<MeetingData, 'cadenceId' | 'date'>[],
  from: CalendarDate,
  to: CalendarDate,
): MeetingData[] {
  const existing = new Set<string>();
  for (const meeting of existingMeetings) {
    if (meeting.cadenceId !== null) existing.add(meetingKey(meeting.cadenceId, meeting.date));
  }

  return cadenceDates(cadence, from, to)
    .filter((date) => !existing.has(meetingKey(cadence.id, date)))
    .map((date): MeetingData => ({
      providerId: cadence.providerId,
      cadenceId: cadence.id,
      kind: cadence.kind,
      title: cadence.title,
      date,
      startTime: cadence.startTime,
      durationMinutes: cadence.durationMinutes,
      timeZone: cadence.timeZone,
      status: 'planned',
      agenda: [],
      attendees: cadence.attendees,
      minutes: '',
    }));
}
