/**
 * Conversion of a wall-clock time in an IANA time zone to a UTC instant, with `Intl` only, so no
 * date library is needed and the host time zone plays no part.
 */
import type { CalendarDate } from '../domain/types';
import { dayNumberFromParts, isCalendarDate } from '../schedule/days';

const timeOfDayPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;
const millisPerMinute = 60_000;
const millisPerDay = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds to add to UTC to get the wall-clock time in `timeZone` at the instant `utcMillis`. */
function zoneOffsetMillis(timeZone: string, utcMillis: number): number {
  const wholeSecond = Math.floor(utcMillis / 1000) * 1000;
  const fields: Record<string, number> = {};
  let beforeCommonEra = false;
  for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) {
    if (part.type === 'era') beforeCommonEra = part.value.startsWith('B');
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = beforeCommonEra ? 1 - (fields.year ?? 0) : (fields.year ?? 0);
  const secondsIntoDay = ((fields.hour ?? 0) * 60 + (fields.minute ?? 0)) * 60 + (fields.second ?? 0);
  const wallClock = dayNumberFromParts(year, fields.month ?? 1, fields.day ?? 1) * millisPerDay + secondsIntoDay * 1000;
  return wallClock - wholeSecond;
}

/** Checks whether `text` is a time of day `HH:MM` on the 24-hour clock. */
export function isTimeOfDay(text: string): boolean {
  return timeOfDayPattern.test(text);
}

/**
 * Converts the wall-clock time `time` (`HH:MM`) on `date` in the IANA zone `timeZone` to
 * milliseconds since 1970-01-01 UTC.
 *
 * A time that occurs twice, in the hour repeated when clocks go back, resolves to the earlier
 * instant. A time that does not exist, in the hour skipped when clocks go forward, moves forward
 * by the length of the gap, so 01:30 on a day London skips from 01:00 to 02:00 becomes 02:30 BST.
 *
 * Throws a `RangeError` when the date, the time or the time zone is invalid.
 */
export function zonedTimeToUtcMillis(date: CalendarDate, time: string, timeZone: string): number {
  if (!isCalendarDate(date)) throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected YYYY-MM-DD.`);
  const timeMatch = timeOfDayPattern.exec(time);
  if (timeMatch === null) throw new RangeError(`Invalid time ${JSON.stringify(time)}: expected HH:MM on the 24-hour clock.`);

  // The wall-clock time read as if it were UTC. Subtracting the zone's offset gives the instant.
  const wallClock =
    dayNumberFromParts(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))) * millisPerDay +
    (Number(timeMatch[1]) * 60 + Number(timeMatch[2])) * millisPerMinute;

  // Real zones change their offset at most once within two days, so the offsets a day either
  // side of the time are the only candidates. One fits outside a transition, both fit in a
  // repeated hour, and neither fits in a skipped hour.
  const offsetBefore = zoneOffsetMillis(timeZone, wallClock - millisPerDay);
  const offsetAfter = zoneOffsetMillis(timeZone, wallClock + millisPerDay);
  const fitting = [offsetBefore, offsetAfter]
    .map((offset) => wallClock - offset)
    .filter((instant) => zoneOffsetMillis(timeZone, instant) === wallClock - instant);
  if (fitting.length > 0) return Math.min(...fitting);
  return wallClock - offsetBefore;
}

/** A wall-clock reading: the calendar day and the seconds since that day's midnight. */
export interface ZonedReading {
  /** Day number of the date (`toDayNumber`), so that days can be counted. */
  readonly dayNumber: number;
  readonly secondsIntoDay: number;
}

/**
 * Reads the wall clock of the IANA zone `timeZone` at the instant `utcMillis`, to the whole
 * second. Throws a `RangeError` when the time zone is invalid.
 */
export function readZonedClock(utcMillis: number, timeZone: string): ZonedReading {
  const wholeSecond = Math.floor(utcMillis / 1000) * 1000;
  const wallClock = wholeSecond + zoneOffsetMillis(timeZone, wholeSecond);
  const dayNumber = Math.floor(wallClock / millisPerDay);
  return { dayNumber, secondsIntoDay: (wallClock - dayNumber * millisPerDay) / 1000 };
}
