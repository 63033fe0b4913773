/**
 * The start of a meeting. A meeting that has not started cannot have been held, so it can be
 * marked held only from its start, and until then it stays planned in the Calendar and the `.ics`
 * export.
 */
import type { Meeting } from '../domain/governance';
import { toDayNumber } from '../schedule/days';
import { zonedTimeToUtcMillis } from '../calendar/zonedTime';

const millisPerHour = 3_600_000;
const millisPerDay = 24 * millisPerHour;

/** Offset of the earliest time zone, UTC+14 (Line Islands), in which each calendar date begins first. */
const earliestZoneOffsetMillis = 14 * millisPerHour;

/**
 * Returns the instant a meeting starts, in milliseconds since 1970-01-01 UTC. A meeting whose
 * start time or time zone this runtime cannot read (one merged from another laptop, say) starts
 * when its date begins in the earliest time zone, so that it can be marked held on that date
 * anywhere.
 */
export function meetingStartMillis(meeting: Pick<Meeting, 'date' | 'startTime' | 'timeZone'>): number {
  try {
    return zonedTimeToUtcMillis(meeting.date, meeting.startTime, meeting.timeZone);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return toDayNumber(meeting.date) * millisPerDay - earliestZoneOffsetMillis;
  }
}

/** Checks whether a meeting has started at `nowMillis`, so that it can be marked held. */
export function hasMeetingStarted(meeting: Pick<Meeting, 'date' | 'startTime' | 'timeZone'>, nowMillis: number): boolean {
  return meetingStartMillis(meeting) <= nowMillis;
}
