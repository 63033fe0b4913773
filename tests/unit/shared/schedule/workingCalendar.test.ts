import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isoWeekday, toDayNumber } from '../../../../shared/schedule/days';
import { schedulePlan } from '../../../../shared/schedule/engine';
import { WorkingCalendar } from '../../../../shared/schedule/workingCalendar';
import { makeInput, makeTask } from './factories';

const origin = toDayNumber('2021-01-01');

/** Reference implementation: walks day by day. */
function naiveShift(isWorking: (day: number) => boolean, boundary: number, days: number): number {
  if (days > 0) {
    let day = boundary;
    let left = days;
    for (;;) {
      if (isWorking(day)) {
        left -= 1;
        if (left === 0) {
          return day + 1;
        }
      }
      day += 1;
    }
  }
  let day = boundary;
  let left = -days;
  while (left > 0) {
    day -= 1;
    if (isWorking(day)) {
      left -= 1;
    }
  }
  return day;
}

const calendarArbitrary = fc.record({
  workingWeekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  holidayOffsets: fc.uniqueArray(fc.integer({ min: -800, max: 800 }), { maxLength: 40 }),
});

describe('WorkingCalendar', () => {
  test('shift matches day-by-day walk', () => {
    fc.assert(
      fc.property(calendarArbitrary, fc.integer({ min: -600, max: 600 }), fc.integer({ min: -300, max: 300 }), (shape, offset, days) => {
        const holidays = new Set(shape.holidayOffsets.map((value) => origin + value));
        const isWorking = (day: number): boolean => shape.workingWeekdays.includes(isoWeekday(day)) && !holidays.has(day);
        const holidayDates = shape.holidayOffsets.map((value) => new Date((origin + value) * 86_400_000).toISOString().slice(0, 10));
        const calendar = new WorkingCalendar({ workingWeekdays: shape.workingWeekdays, holidays: holidayDates }, origin);
        const boundary = origin + offset;
        expect(calendar.shift(boundary, days)).toBe(days === 0 ? boundary : naiveShift(isWorking, boundary, days));
        const target = naiveShift(isWorking, boundary, days === 0 ? 1 : days);
        let count = 0;
        for (let day = Math.min(boundary, target); day < Math.max(boundary, target); day += 1) {
          count += isWorking(day) ? 1 : 0;
        }
        expect(Math.abs(calendar.workingDaysBetween(boundary, target))).toBe(count);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  test('grows far beyond first range', () => {
    const calendar = new WorkingCalendar({ workingWeekdays: [1, 2, 3, 4, 5], holidays: [] }, origin);
    // 2,610 working days are 522 whole weeks from Friday 2021-01-01: Thursday 2031-01-02.
    expect(calendar.shift(origin, 2_610)).toBe(toDayNumber('2031-01-03'));
    // Counting back from Thursday 2020-12-31, the 5th working day is Friday 2020-12-25 and the
    // 2,610th is the Friday 521 weeks before it.
    expect(calendar.shift(origin, -2_610)).toBe(toDayNumber('2010-12-31'));
  });

  test('rejects calendar without working weekday', () => {
    expect(() => new WorkingCalendar({ workingWeekdays: [], holidays: [] }, origin)).toThrow(RangeError);
  });

  test('plan past year 9999 rejected', () => {
    const outcome = schedulePlan(makeInput([makeTask('a', 5_000)], [], { startOn: '9999-06-01' }));
    expect(outcome.ok).toBe(false);
    expect(outcome.issues[0]?.code).toBe('schedule.dateOutOfRange');
  });
});
