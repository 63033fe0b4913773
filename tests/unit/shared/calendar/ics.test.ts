import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, test } from 'vitest';
import { buildAgenda, type CalendarEntry } from '../../../../shared/calendar/agenda';
import { calendarEntryUid, icsFileName, writeAgendaIcs } from '../../../../shared/calendar/ics';
import { zonedTimeToUtcMillis } from '../../../../shared/calendar/zonedTime';
import { fromDayNumber, toDayNumber } from '../../../../shared/schedule/days';
import { makeAction, makeContract, makeMeeting, providers } from './factories';
import { describeInEnglish, sampleAgenda, sampleGeneratedAt, sampleIcs } from './icsSample';

const scratch = mkdtempSync(join(tmpdir(), 'steerwise-ics-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Writes the text to a real `.ics` file and reads it back as strict UTF-8, as an importer would. */
function roundTripThroughFile(text: string, name = 'agenda.ics'): string {
  const path = join(scratch, name);
  writeFileSync(path, text, 'utf8');
  return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
}

function parseEvents(text: string): Map<string, ICAL.Component> {
  const calendar = ICAL.Component.fromString(text);
  expect(calendar.name).toBe('vcalendar');
  return new Map(calendar.getAllSubcomponents('vevent').map((component) => [new ICAL.Event(component).uid, component]));
}

function eventOf(events: Map<string, ICAL.Component>, uid: string): ICAL.Event {
  const component = events.get(uid);
  if (component === undefined) throw new Error(`No event with UID ${uid}; the file has ${[...events.keys()].join(', ')}`);
  return new ICAL.Event(component);
}

/** Alarm trigger in seconds from the event start (negative before it), and the alarm's RELATED parameter. */
function alarmOf(events: Map<string, ICAL.Component>, uid: string): { seconds: number; related: unknown; action: unknown } | null {
  const alarm = events.get(uid)?.getFirstSubcomponent('valarm') ?? null;
  if (alarm === null) return null;
  const trigger = alarm.getFirstProperty('trigger');
  const value = trigger?.getFirstValue();
  if (!(value instanceof ICAL.Duration)) throw new Error(`Trigger of ${uid} is not a duration`);
  return { seconds: value.toSeconds(), related: trigger?.getParameter('related'), action: alarm.getFirstPropertyValue('action') };
}

/** Undoes RFC 5545 TEXT escaping, for properties that ical.js leaves escaped. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_match, character: string) => (character.toLowerCase() === 'n' ? '\n' : character));
}

const uidOf = (recordId: string, kind: string, renewal?: number) =>
  `${recordId}-${kind}${renewal === undefined ? '' : `-${String(renewal)}`}@steerwise`;

describe('ics events', () => {
  const text = roundTripThroughFile(sampleIcs());
  const events = parseEvents(text);

  test('one event per entry with stable UIDs', () => {
    const agenda = sampleAgenda();
    expect(agenda).toHaveLength(12);
    expect([...events.keys()].sort()).toEqual(agenda.map(calendarEntryUid).sort());
    expect([...events.keys()].sort()).toEqual(
      [
        uidOf('contract-payroll', 'noticeDeadline', 0),
        uidOf('contract-payroll', 'renewal', 0),
        uidOf('contract-payroll', 'noticeDeadline', 1),
        uidOf('contract-payroll', 'renewal', 1),
        uidOf('cert-soc2', 'certificationExpiry'),
        uidOf('cert-expired', 'certificationExpiry'),
        uidOf('meeting-london-bst', 'meeting'),
        uidOf('meeting-london-gmt', 'meeting'),
        uidOf('meeting-kolkata-before', 'meeting'),
        uidOf('meeting-kolkata-after', 'meeting'),
        uidOf('action-sla-review', 'actionDue'),
        uidOf('action-overdue', 'actionDue'),
      ].sort(),
    );
  });

  test('all-day events span one date', () => {
    const expected: readonly (readonly [string, string, string])[] = [
      [uidOf('contract-payroll', 'noticeDeadline', 0), '2026-09-30', '2026-10-01'],
      [uidOf('contract-payroll', 'renewal', 0), '2026-12-31', '2027-01-01'],
      [uidOf('contract-payroll', 'noticeDeadline', 1), '2027-03-30', '2027-03-31'],
      [uidOf('contract-payroll', 'renewal', 1), '2027-06-30', '2027-07-01'],
      [uidOf('cert-soc2', 'certificationExpiry'), '2026-11-15', '2026-11-16'],
      [uidOf('cert-expired', 'certificationExpiry'), '2026-08-20', '2026-08-21'],
      [uidOf('action-sla-review', 'actionDue'), '2026-09-20', '2026-09-21'],
      [uidOf('action-overdue', 'actionDue'), '2026-08-01', '2026-08-02'],
    ];
    for (const [uid, start, end] of expected) {
      const event = eventOf(events, uid);
      expect(event.startDate.isDate, uid).toBe(true);
      expect(event.endDate.isDate, uid).toBe(true);
      expect(event.startDate.toString(), uid).toBe(start);
      expect(event.endDate.toString(), uid).toBe(end);
    }
    expect(text).toContain('DTSTART;VALUE=DATE:20260930\r\nDTEND;VALUE=DATE:20261001\r\n');
  });

  test('meetings are timed in UTC across DST change', () => {
    const expected: readonly (readonly [string, string, string])[] = [
      // 10:00 BST on Friday, 10:00 GMT on Monday after the clocks went back.
      ['meeting-london-bst', '2026-10-23T09:00:00Z', '2026-10-23T10:00:00Z'],
      ['meeting-london-gmt', '2026-10-26T10:00:00Z', '2026-10-26T11:30:00Z'],
      // 10:00 IST is 04:30 UTC on both days.
      ['meeting-kolkata-before', '2026-10-23T04:30:00Z', '2026-10-23T05:15:00Z'],
      ['meeting-kolkata-after', '2026-10-26T04:30:00Z', '2026-10-26T05:15:00Z'],
    ];
    for (const [recordId, start, end] of expected) {
      const event = eventOf(events, uidOf(recordId, 'meeting'));
      expect(event.startDate.isDate, recordId).toBe(false);
      expect(event.startDate.zone.tzid, recordId).toBe('UTC');
      expect(event.startDate.toString(), recordId).toBe(start);
      expect(event.endDate.toString(), recordId).toBe(end);
      expect(event.startDate.toUnixTime() * 1000, recordId).toBe(Date.parse(start));
    }
  });

  test('alarms at alert lead time', () => {
    const nineHours = 9 * 3600;
    const day = 86_400;
    expect(alarmOf(events, uidOf('contract-payroll', 'renewal', 0))).toEqual({
      seconds: -(90 * day - nineHours),
      related: 'START',
      action: 'DISPLAY',
    });
    expect(alarmOf(events, uidOf('contract-payroll', 'renewal', 1))?.seconds).toBe(-(90 * day - nineHours));
    expect(alarmOf(events, uidOf('cert-soc2', 'certificationExpiry'))?.seconds).toBe(-(60 * day - nineHours));
    expect(alarmOf(events, uidOf('action-sla-review', 'actionDue'))?.seconds).toBe(-(7 * day - nineHours));
    expect(alarmOf(events, uidOf('meeting-london-gmt', 'meeting'))).toEqual({ seconds: -day, related: 'START', action: 'DISPLAY' });
  });

  test('alarm already due moves to next 09:00', () => {
    // The deadline of 30 September is inside its 90-day lead time on 1 September, so the alarm
    // fires at 09:00 on the export day (the export is at 07:45 UTC) instead of on 2 July.
    const day = 86_400;
    expect(alarmOf(events, uidOf('contract-payroll', 'noticeDeadline', 0))?.seconds).toBe(-(29 * day - 9 * 3600));
  });

  test('past entries have no alarm', () => {
    expect(alarmOf(events, uidOf('cert-expired', 'certificationExpiry'))).toBeNull();
    expect(alarmOf(events, uidOf('action-overdue', 'actionDue'))).toBeNull();
  });

  test('summary and description from caller', () => {
    const event = eventOf(events, uidOf('cert-soc2', 'certificationExpiry'));
    expect(event.summary).toBe('certificationExpiry:  (Acme Outsourcing)');
    expect(event.description).toBe('Record cert-soc2, certifications; due 2026-11-15');
  });

  test('calendar header', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Steerwise//Steerwise//EN\r\nMETHOD:PUBLISH\r\n')).toBe(true);
    expect(text).toContain('\r\nX-WR-CALNAME:Steerwise agenda\r\n');
    for (const component of events.values()) {
      expect(component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-09-01T07:45:00Z');
    }
  });
});

describe('ics file format', () => {
  const awkwardSummary =
    'Review: Acme, Inc.; "phase 2" \\ backslash\nsecond line — Zürich Straße, 東京 本社; São Paulo 🚀 ' + 'contract renewal '.repeat(4);
  const awkwardDescription = 'Line one, with a comma; and a semicolon\nLine two\r\nLine three: ünïcødé 🚀\n\nafter a blank line';
  const agenda = buildAgenda(
    { contracts: [], certifications: [], meetings: [makeMeeting('meeting-texts', { date: '2026-09-10' })], actionItems: [], risks: [], providers },
    { today: '2026-09-01', horizonDays: 30 },
  );
  const text = roundTripThroughFile(
    writeAgendaIcs(agenda, {
      calendarName: 'Acme, Inc.; VMO\nagenda',
      describe: () => ({ summary: awkwardSummary, description: awkwardDescription }),
      generatedAt: sampleGeneratedAt,
      timeZone: 'UTC',
    }),
    'texts.ics',
  );

  test('texts round trip', () => {
    const event = eventOf(parseEvents(text), uidOf('meeting-texts', 'meeting'));
    expect(event.summary).toBe(awkwardSummary);
    // A CRLF inside a text is written as one escaped newline.
    expect(event.description).toBe(awkwardDescription.replace('\r\n', '\n'));
  });

  test('calendar name is escaped', () => {
    const calendar = ICAL.Component.fromString(text);
    const name = calendar.getFirstPropertyValue('x-wr-calname');
    expect(typeof name).toBe('string');
    expect(unescapeText(String(name))).toBe('Acme, Inc.; VMO\nagenda');
  });

  test('CRLF line endings throughout', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  test('lines folded at 75 octets', () => {
    const lines = text.split('\r\n').slice(0, -1);
    const encoder = new TextEncoder();
    for (const line of lines) {
      expect(encoder.encode(line).length, line).toBeLessThanOrEqual(75);
    }
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    // Unfolding (RFC 5545 section 3.1) gives back the whole SUMMARY line.
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain(`SUMMARY:${awkwardSummary.replace(/[\\;,]/g, (character) => `\\${character}`).replace(/\n/g, '\\n')}\r\n`);
  });

  test('empty description is left out', () => {
    const actions = buildAgenda(
      { contracts: [], certifications: [], meetings: [], actionItems: [makeAction('action-quiet', { dueDate: '2026-09-10' })], risks: [], providers },
      { today: '2026-09-01', horizonDays: 30 },
    );
    const quiet = writeAgendaIcs(actions, {
      calendarName: 'Agenda',
      describe: () => ({ summary: 'Due', description: '' }),
      generatedAt: sampleGeneratedAt,
      timeZone: 'UTC',
    });
    const component = parseEvents(quiet).get(uidOf('action-quiet', 'actionDue'));
    expect(component?.hasProperty('description')).toBe(false);
    expect(component?.hasProperty('summary')).toBe(true);
  });
});

describe('ics updates and fallbacks', () => {
  test('re-export keeps UIDs and raises sequence', () => {
    const meeting = makeMeeting('meeting-moved', { date: '2026-09-10', startTime: '09:00' });
    const contract = makeContract('contract-edit', { endDate: '2026-12-31', noticePeriod: { amount: 1, unit: 'months' } });
    const options = { today: '2026-09-01', horizonDays: 200 };
    const first = buildAgenda({ contracts: [contract], certifications: [], meetings: [meeting], actionItems: [], risks: [], providers }, options);
    const second = buildAgenda(
      {
        contracts: [{ ...contract, endDate: '2027-01-31', noticePeriod: { amount: 2, unit: 'months' } }],
        certifications: [],
        meetings: [{ ...meeting, startTime: '14:30' }],
        actionItems: [],
        risks: [],
        providers,
      },
      options,
    );
    const firstEvents = parseEvents(
      writeAgendaIcs(first, { calendarName: 'Agenda', describe: describeInEnglish, generatedAt: new Date('2026-09-01T08:00:00Z'), timeZone: 'UTC' }),
    );
    const secondEvents = parseEvents(
      writeAgendaIcs(second, { calendarName: 'Agenda', describe: describeInEnglish, generatedAt: new Date('2026-09-02T08:00:00Z'), timeZone: 'UTC' }),
    );

    expect([...secondEvents.keys()].sort()).toEqual([...firstEvents.keys()].sort());
    const uid = uidOf('meeting-moved', 'meeting');
    expect(eventOf(firstEvents, uid).startDate.toString()).toBe('2026-09-10T08:00:00Z');
    expect(eventOf(secondEvents, uid).startDate.toString()).toBe('2026-09-10T13:30:00Z');
    expect(eventOf(secondEvents, uid).sequence).toBe(eventOf(firstEvents, uid).sequence + 86_400);
    expect(eventOf(secondEvents, uidOf('contract-edit', 'noticeDeadline', 0)).startDate.toString()).toBe('2026-11-30');
  });

  test('lead time of zero alarms on the day', () => {
    const agenda = buildAgenda(
      { contracts: [], certifications: [], meetings: [], actionItems: [makeAction('action-today', { dueDate: '2026-09-05' })], risks: [], providers },
      { today: '2026-09-01', horizonDays: 30, alertLeadDays: { actionDue: 0 } },
    );
    const events = parseEvents(
      writeAgendaIcs(agenda, { calendarName: 'Agenda', describe: describeInEnglish, generatedAt: sampleGeneratedAt, timeZone: 'UTC' }),
    );
    expect(alarmOf(events, uidOf('action-today', 'actionDue'))).toEqual({ seconds: 9 * 3600, related: 'START', action: 'DISPLAY' });
  });

  test('meeting without valid zone is all-day', () => {
    const agenda = buildAgenda(
      {
        contracts: [],
        certifications: [],
        meetings: [makeMeeting('meeting-nowhere', { date: '2026-09-10', timeZone: 'Nowhere/Atlantis' })],
        actionItems: [],
        risks: [],
        providers,
      },
      { today: '2026-09-01', horizonDays: 30 },
    );
    const event = eventOf(
      parseEvents(writeAgendaIcs(agenda, { calendarName: 'Agenda', describe: describeInEnglish, generatedAt: sampleGeneratedAt, timeZone: 'UTC' })),
      uidOf('meeting-nowhere', 'meeting'),
    );
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-09-10');
  });

  test('chosen subset only', () => {
    const agenda = sampleAgenda();
    const meetings = agenda.filter((entry): entry is Extract<CalendarEntry, { kind: 'meeting' }> => entry.kind === 'meeting');
    const events = parseEvents(
      writeAgendaIcs(meetings, { calendarName: 'Meetings', describe: describeInEnglish, generatedAt: sampleGeneratedAt, timeZone: 'UTC' }),
    );
    expect(events.size).toBe(4);
  });

  test('empty agenda is a valid calendar', () => {
    const text = writeAgendaIcs([], { calendarName: 'Agenda', describe: describeInEnglish, generatedAt: sampleGeneratedAt, timeZone: 'UTC' });
    expect(parseEvents(text).size).toBe(0);
  });

  test('rejects invalid generatedAt', () => {
    expect(() => writeAgendaIcs([], { calendarName: 'Agenda', describe: describeInEnglish, generatedAt: new Date('not a date'), timeZone: 'UTC' })).toThrow(
      RangeError,
    );
  });
});

describe('ics reminders at export', () => {
  const day = 86_400;
  const nineHours = 9 * 3600;
  // 07:45 UTC on 1 September 2026: 08:45 in London, 16:45 in Tokyo, 00:45 in Los Angeles,
  // 21:45 on Kiritimati (UTC+14) and 20:30 on the Chatham Islands (UTC+12:45).
  const exportedAt = new Date('2026-09-01T07:45:00Z');
  const zones = ['UTC', 'Europe/London', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Chatham'] as const;

  /** Writes `entries` as exported at `exportedAt` by a user in `timeZone`, and parses the file. */
  function exportIn(entries: readonly CalendarEntry[], timeZone: string, generatedAt = exportedAt): Map<string, ICAL.Component> {
    return parseEvents(writeAgendaIcs(entries, { calendarName: 'Agenda', describe: describeInEnglish, generatedAt, timeZone }));
  }

  /**
   * Returns the instant at which the event's alarm fires for a user in `timeZone`. For a timed
   * event it is the start plus the trigger. For an all-day event it is 09:00 on the reminder day
   * in that zone, because a calendar app reads all-day times in its own zone.
   */
  function firingMillis(component: ICAL.Component, timeZone: string): number | null {
    const event = new ICAL.Event(component);
    const alarm = alarmOf(new Map([[event.uid, component]]), event.uid);
    if (alarm === null) return null;
    if (!event.startDate.isDate) return event.startDate.toUnixTime() * 1000 + alarm.seconds * 1000;
    const daysBefore = (-alarm.seconds + nineHours) / day;
    expect(Number.isInteger(daysBefore)).toBe(true);
    const reminderDay = toDayNumber(event.startDate.toString()) - daysBefore;
    return zonedTimeToUtcMillis(fromDayNumber(reminderDay), '09:00', timeZone);
  }

  test.each(zones)('no alarm fires before export in %s', (timeZone) => {
    const events = exportIn(sampleAgenda(), timeZone);
    for (const [uid, component] of events) {
      const firing = firingMillis(component, timeZone);
      if (firing !== null) expect(firing, uid).toBeGreaterThan(exportedAt.getTime());
    }
  });

  test.each([
    ['UTC', 29],
    ['Europe/London', 29],
    ['America/Los_Angeles', 29],
    ['Asia/Tokyo', 28],
    ['Pacific/Kiritimati', 28],
    ['Pacific/Chatham', 28],
  ] as const)('due deadline reminds at next 09:00 in %s', (timeZone, daysBefore) => {
    const uid = uidOf('contract-payroll', 'noticeDeadline', 0);
    expect(alarmOf(exportIn(sampleAgenda(), timeZone), uid)?.seconds).toBe(-(daysBefore * day - nineHours));
  });

  test.each(zones)('future alarm unchanged in %s', (timeZone) => {
    const events = exportIn(sampleAgenda(), timeZone);
    expect(alarmOf(events, uidOf('cert-soc2', 'certificationExpiry'))?.seconds).toBe(-(60 * day - nineHours));
    expect(alarmOf(events, uidOf('meeting-london-gmt', 'meeting'))?.seconds).toBe(-day);
  });

  test('entry due today before 09:00 reminds at 09:00', () => {
    const agenda = buildAgenda(
      { contracts: [], certifications: [], meetings: [], actionItems: [makeAction('action-today', { dueDate: '2026-09-01' })], risks: [], providers },
      { today: '2026-09-01', horizonDays: 30 },
    );
    expect(alarmOf(exportIn(agenda, 'Europe/London'), uidOf('action-today', 'actionDue'))?.seconds).toBe(nineHours);
  });

  test('entry due today after 09:00 has none', () => {
    const agenda = buildAgenda(
      { contracts: [], certifications: [], meetings: [], actionItems: [makeAction('action-today', { dueDate: '2026-09-01' })], risks: [], providers },
      { today: '2026-09-01', horizonDays: 30 },
    );
    expect(alarmOf(exportIn(agenda, 'Asia/Tokyo'), uidOf('action-today', 'actionDue'))).toBeNull();
  });

  test('meeting within lead time reminds before start', () => {
    // 14:00 in London is 13:00 UTC. The 1-day reminder (13:00 UTC the day before) has passed.
    const agenda = buildAgenda(
      {
        contracts: [],
        certifications: [],
        meetings: [makeMeeting('meeting-today', { date: '2026-09-01', startTime: '14:00', timeZone: 'Europe/London' })],
        actionItems: [],
        risks: [],
        providers,
      },
      { today: '2026-09-01', horizonDays: 30 },
    );
    const uid = uidOf('meeting-today', 'meeting');
    // 09:00 in London (08:00 UTC) is five hours before the start.
    expect(alarmOf(exportIn(agenda, 'Europe/London'), uid)?.seconds).toBe(-5 * 3600);
    // In Tokyo the next 09:00 (00:00 UTC on 2 September) is after the start, so there is none.
    expect(alarmOf(exportIn(agenda, 'Asia/Tokyo'), uid)).toBeNull();
  });

  test('rejects an invalid time zone', () => {
    expect(() => exportIn(sampleAgenda(), 'Nowhere/Atlantis')).toThrow(RangeError);
  });
});

describe('ics host time zone', () => {
  const probe = resolve(import.meta.dirname, 'icsTimeZoneProbe.ts');
  const tsx = resolve(import.meta.dirname, '../../../../node_modules/.bin/tsx');

  function runProbe(timeZone: string): { offsets: number[]; ics: string } {
    const output = execFileSync(tsx, [probe], { env: { ...process.env, TZ: timeZone }, encoding: 'utf8' });
    return JSON.parse(output) as { offsets: number[]; ics: string };
  }

  test('file identical in every host zone', () => {
    const reference = sampleIcs();
    // Offsets in minutes west of UTC in January and July: proof that TZ took effect.
    const zones: readonly (readonly [string, number[]])[] = [
      ['UTC', [0, 0]],
      ['America/Los_Angeles', [480, 420]],
      ['Asia/Kolkata', [-330, -330]],
      ['Pacific/Chatham', [-825, -765]],
    ];
    for (const [zone, offsets] of zones) {
      const output = runProbe(zone);
      expect(output.offsets, zone).toEqual(offsets);
      expect(output.ics, zone).toBe(reference);
    }
  }, 60_000);
});

describe('icsFileName', () => {
  test('name, date and extension', () => {
    expect(icsFileName('Acme agenda', '2026-12-04')).toBe('Acme agenda 2026-12-04.ics');
  });

  test('replaces unsafe characters', () => {
    expect(icsFileName('Acme/Beta: Q4 <draft>?', '2026-12-04')).toBe('Acme-Beta- Q4 -draft- 2026-12-04.ics');
    expect(icsFileName('Line\none\ttab', '2026-12-04')).toBe('Line-one-tab 2026-12-04.ics');
  });

  test('drops trailing dots and spaces', () => {
    expect(icsFileName('  Agenda...  ', '2026-12-04')).toBe('Agenda 2026-12-04.ics');
  });

  test('empty name leaves date', () => {
    expect(icsFileName(' . ', '2026-12-04')).toBe('2026-12-04.ics');
  });

  test('long names cut by bytes', () => {
    const name = icsFileName('東京本社'.repeat(40) + '🚀', '2026-12-04');
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
    expect(name.endsWith(' 2026-12-04.ics')).toBe(true);
    expect(name).not.toMatch(/[\uD800-\uDFFF]/u);
    const emoji = icsFileName('🚀'.repeat(80), '2026-12-04');
    expect(emoji).toBe(`${'🚀'.repeat(50)} 2026-12-04.ics`);
  });

  test('rejects invalid date', () => {
    expect(() => icsFileName('Agenda', '2026-02-30')).toThrow(RangeError);
  });
});
