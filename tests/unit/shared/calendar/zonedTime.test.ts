import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isTimeOfDay, zonedTimeToUtcMillis } from '../../../../shared/calendar/zonedTime';

function utc(date: string, time: string, timeZone: string): string {
  return new Date(zonedTimeToUtcMillis(date, time, timeZone)).toISOString();
}

/** Wall-clock date `YYYY-MM-DD` and time `HH:MM` of an instant in a zone, read through `Intl`. */
function wallClock(millis: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(millis);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}

describe('zonedTimeToUtcMillis', () => {
  test('London winter and summer', () => {
    expect(utc('2026-01-15', '10:00', 'Europe/London')).toBe('2026-01-15T10:00:00.000Z');
    expect(utc('2026-07-15', '10:00', 'Europe/London')).toBe('2026-07-15T09:00:00.000Z');
  });

  test('London across spring change week', () => {
    // Clocks go forward at 01:00 GMT on Sunday 2026-03-29.
    expect(utc('2026-03-27', '10:00', 'Europe/London')).toBe('2026-03-27T10:00:00.000Z');
    expect(utc('2026-03-28', '23:30', 'Europe/London')).toBe('2026-03-28T23:30:00.000Z');
    expect(utc('2026-03-29', '00:59', 'Europe/London')).toBe('2026-03-29T00:59:00.000Z');
    expect(utc('2026-03-29', '02:00', 'Europe/London')).toBe('2026-03-29T01:00:00.000Z');
    expect(utc('2026-03-30', '10:00', 'Europe/London')).toBe('2026-03-30T09:00:00.000Z');
  });

  test('skipped hour moves forward', () => {
    expect(utc('2026-03-29', '01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
    expect(utc('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });

  test('repeated hour takes earlier instant', () => {
    // Clocks go back at 02:00 BST on Sunday 2026-10-25, so 01:30 happens at 00:30 and 01:30 UTC.
    expect(utc('2026-10-25', '01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
    expect(utc('2026-10-25', '02:00', 'Europe/London')).toBe('2026-10-25T02:00:00.000Z');
    expect(utc('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  test('Kolkata has a fixed offset', () => {
    expect(utc('2026-01-15', '10:00', 'Asia/Kolkata')).toBe('2026-01-15T04:30:00.000Z');
    expect(utc('2026-03-29', '10:00', 'Asia/Kolkata')).toBe('2026-03-29T04:30:00.000Z');
    expect(utc('2026-07-15', '00:00', 'Asia/Kolkata')).toBe('2026-07-14T18:30:00.000Z');
  });

  test('quarter-hour and half-hour offsets', () => {
    expect(utc('2026-01-01', '00:00', 'Pacific/Chatham')).toBe('2025-12-31T10:15:00.000Z');
    // Lord Howe moves its clocks back half an hour, from +11:00 to +10:30, at 02:00 on 2026-04-05.
    expect(utc('2026-04-05', '01:45', 'Australia/Lord_Howe')).toBe('2026-04-04T14:45:00.000Z');
    expect(utc('2026-04-05', '02:30', 'Australia/Lord_Howe')).toBe('2026-04-04T16:00:00.000Z');
  });

  test('round trip through Intl', () => {
    const zones = [
      'Europe/London',
      'Asia/Kolkata',
      'America/New_York',
      'America/Sao_Paulo',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'UTC',
    ];
    const minute = 60_000;
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1) / minute, max: Date.UTC(2040, 0, 1) / minute }),
        (zone, minutes) => {
          const instant = minutes * minute;
          const local = wallClock(instant, zone);
          const back = zonedTimeToUtcMillis(local.date, local.time, zone);
          // Equal, or earlier when the wall-clock time happens twice.
          expect(back).toBeLessThanOrEqual(instant);
          expect(wallClock(back, zone)).toEqual(local);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('rejects invalid input', () => {
    expect(() => zonedTimeToUtcMillis('2026-01-15', '10:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => zonedTimeToUtcMillis('2026-02-30', '10:00', 'Europe/London')).toThrow(/Invalid date/);
    expect(() => zonedTimeToUtcMillis('2026-01-15', '24:00', 'Europe/London')).toThrow(/Invalid time/);
    expect(() => zonedTimeToUtcMillis('2026-01-15', '9:00', 'Europe/London')).toThrow(/Invalid time/);
  });
});

describe('isTimeOfDay', () => {
  test('accepts only HH:MM', () => {
    expect(isTimeOfDay('00:00')).toBe(true);
    expect(isTimeOfDay('23:59')).toBe(true);
    expect(isTimeOfDay('24:00')).toBe(false);
    expect(isTimeOfDay('12:60')).toBe(false);
    expect(isTimeOfDay('7:30')).toBe(false);
    expect(isTimeOfDay('07:30:00')).toBe(false);
  });
});
