/**
 * The agenda as an iCalendar (RFC 5545) file for calendar apps such as Outlook and Google
 * Calendar to import, written with `ical-generator`.
 *
 * - Notice deadlines, renewals, certification expiries and action due dates are all-day events
 *   (`DTSTART;VALUE=DATE`, `DTEND` the next day), shown as free time.
 * - Meetings are timed events in UTC: the local start time in the meeting's time zone is
 *   converted with `Intl`, so the file needs no `VTIMEZONE`. A meeting whose time or zone is
 *   invalid (`startsAt` is `null`) becomes an all-day event on its date.
 * - Each event has a display alarm at its kind's alert lead time, except overdue entries. For an
 *   all-day event the alarm fires at 09:00 local time on the day `leadDays` before it. An alarm
 *   that would already have passed at export moves to the next 09:00, or is left out when that
 *   is not before the event (`reminders.ts`).
 * - UIDs come from the record id and the entry kind (and the term, for contracts), so the same
 *   entry has the same UID in every export.
 */
import ical, {
  ICalAlarmRelatesTo,
  ICalAlarmType,
  ICalCalendarMethod,
  ICalEventBusyStatus,
  ICalEventTransparency,
  escape,
  type ICalCalendar,
  type ICalEvent,
} from 'ical-generator';
import type { CalendarDate } from '../domain/types';
import { isCalendarDate, toDayNumber } from '../schedule/days';
import type { CalendarEntry } from './agenda';
import { entryReminderSeconds } from './reminders';
import type { ExportClock } from './reminders';

/** Title and description of one event, in the user's language. */
export interface IcsEventText {
  /** `SUMMARY`: the line a calendar shows. */
  readonly summary: string;
  /** `DESCRIPTION`, left out when empty. */
  readonly description: string;
}

export interface AgendaIcsOptions {
  /** Name the calendar app shows for the imported calendar (`NAME` and `X-WR-CALNAME`). */
  readonly calendarName: string;
  /** Builds the translated texts of an entry. */
  readonly describe: (entry: CalendarEntry) => IcsEventText;
  /** Moment the file is written: the `DTSTAMP` of every event and the base of its `SEQUENCE`. */
  readonly generatedAt: Date;
  /** IANA time zone of the user's clock, which dates the next 09:00 after `generatedAt` for a reminder already due. */
  readonly timeZone: string;
}

const millisPerDay = 86_400_000;
/** 2020-01-01T00:00:00Z, the origin of `SEQUENCE` numbers. */
const sequenceOriginMillis = Date.UTC(2020, 0, 1);

/**
 * Returns the UID of an entry's event: the record id, the kind and, for contract entries, the
 * term, such as `0193…-noticeDeadline-1@steerwise`. It stays the same across exports as long as
 * the record exists, so a calendar that matches events by UID updates them.
 */
export function calendarEntryUid(entry: CalendarEntry): string {
  const term = entry.kind === 'noticeDeadline' || entry.kind === 'renewal' ? `-${entry.renewal}` : '';
  return `${entry.recordId}-${entry.kind}${term}@steerwise`;
}

/**
 * Writes `entries` (the whole agenda or a chosen subset) as the text of an `.ics` file: CRLF line
 * endings, lines folded at 75 octets, UTF-8. `METHOD:PUBLISH` marks the file as a published
 * calendar, not a meeting invitation.
 *
 * `SEQUENCE` is the number of seconds from 2020-01-01 to `generatedAt`, so each newer export
 * carries a higher sequence and a calendar that compares sequences takes its version of an event.
 * The number fits RFC 5545's 32-bit INTEGER until 2088.
 */
export function writeAgendaIcs(entries: readonly CalendarEntry[], options: AgendaIcsOptions): string {
  const generatedAtMillis = options.generatedAt.getTime();
  if (!Number.isFinite(generatedAtMillis)) throw new RangeError('generatedAt is an invalid Date.');
  const sequence = Math.max(0, Math.floor((generatedAtMillis - sequenceOriginMillis) / 1000));

  const calendar = ical({
    // ical-generator 10.2 writes the calendar name without escaping it, unlike event texts.
    name: escape(options.calendarName, false),
    prodId: { company: 'Steerwise', product: 'Steerwise', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const clock: ExportClock = { exportMillis: generatedAtMillis, timeZone: options.timeZone };
  for (const entry of entries) addEvent(calendar, entry, options.describe(entry), options.generatedAt, sequence, clock);
  // ical-generator ends the last line without CRLF, which RFC 5545 requires after every line.
  return `${calendar.toString()}\r\n`;
}

function addEvent(calendar: ICalCalendar, entry: CalendarEntry, text: IcsEventText, stamp: Date, sequence: number, clock: ExportClock): void {
  const reminder = entryReminderSeconds(entry, clock);
  const common = {
    id: calendarEntryUid(entry),
    sequence,
    stamp,
    summary: text.summary,
    description: text.description === '' ? null : text.description,
  };

  if (entry.kind === 'meeting' && entry.startsAt !== null && entry.endsAt !== null) {
    const event = calendar.createEvent({
      ...common,
      start: new Date(entry.startsAt),
      end: new Date(entry.endsAt),
      transparency: ICalEventTransparency.OPAQUE,
      busystatus: ICalEventBusyStatus.BUSY,
    });
    if (reminder !== null) addAlarm(event, reminder);
    return;
  }

  // Dates at 00:00 UTC: with no time zone set on the calendar or the event, ical-generator
  // writes all-day dates from the UTC fields, so the host time zone cannot shift them.
  const startMillis = toDayNumber(entry.date) * millisPerDay;
  const event = calendar.createEvent({
    ...common,
    allDay: true,
    start: new Date(startMillis),
    end: new Date(startMillis + millisPerDay),
    transparency: ICalEventTransparency.TRANSPARENT,
    busystatus: ICalEventBusyStatus.FREE,
  });
  // Negative for a reminder on the day itself, at 09:00 after the all-day start.
  if (reminder !== null) addAlarm(event, reminder);
}

/** Adds a display alarm `secondsBeforeStart` before the event's start (after it when negative). */
function addAlarm(event: ICalEvent, secondsBeforeStart: number): void {
  // ical-generator 10.2 ignores `relatesTo` in the alarm data, so it is set afterwards. Without
  // it, an alarm after the start would be written relative to the event's end.
  event.createAlarm({ type: ICalAlarmType.display, triggerBefore: secondsBeforeStart }).relatesTo(ICalAlarmRelatesTo.start);
}

/** Characters that Windows, macOS or Linux reject in a file name, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are invalid in file names, so the pattern must match them
const unsafeFileNameCharacters = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;
/**
 * Maximum length of the base name, in UTF-8 bytes. With the date and the extension the whole
 * name stays below 255 bytes, the file name limit of ext4, and so below NTFS's 255 characters.
 */
const maxBaseNameBytes = 200;

function utf8Length(codePoint: string): number {
  const value = codePoint.codePointAt(0) ?? 0;
  if (value < 0x80) return 1;
  if (value < 0x800) return 2;
  return value < 0x10000 ? 3 : 4;
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes without splitting a character. */
function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let result = '';
  for (const codePoint of text) {
    bytes += utf8Length(codePoint);
    if (bytes > maxBytes) break;
    result += codePoint;
  }
  return result;
}

/**
 * Builds the file name of an export, such as `Acme agenda 2026-12-04.ics`: `name` with characters
 * that file systems reject replaced by `-` and trailing dots and spaces removed (Windows drops
 * them), then `date` and `.ics`. An empty name leaves only the date.
 */
export function icsFileName(name: string, date: CalendarDate): string {
  if (!isCalendarDate(date)) throw new RangeError(`Invalid date ${JSON.stringify(date)}: expected YYYY-MM-DD.`);
  const cleaned = name.replace(unsafeFileNameCharacters, '-').replace(/\s+/g, ' ').trim();
  const base = truncateUtf8(cleaned, maxBaseNameBytes).replace(/[. ]+$/, '');
  return base === '' ? `${date}.ics` : `${base} ${date}.ics`;
}
