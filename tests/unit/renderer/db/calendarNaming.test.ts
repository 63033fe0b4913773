import { describe, expect, it } from 'vitest';
import type { Calendar, CalendarData } from '../../../../shared/domain/plan';
import { reusableCalendar, uniqueCalendarName, uniqueCalendarNames } from '../../../../renderer/src/db/calendarNaming';

function calendar(id: string, data: Partial<CalendarData> = {}): Calendar {
  return {
    id,
    clock: '0000000000000-0000-dev000000001',
    fieldClocks: {},
    name: 'Monday to Friday',
    workingWeekdays: [1, 2, 3, 4, 5],
    holidays: [],
    site: '',
    ...data,
  };
}

const mondayToFriday: CalendarData = { name: 'Monday to Friday', workingWeekdays: [1, 2, 3, 4, 5], holidays: [], site: '' };

describe('uniqueCalendarName', () => {
  it('keeps a free name', () => {
    expect(uniqueCalendarName('Standard', 'Devon transition', ['Monday to Friday'])).toBe('Standard');
  });

  it('adds the plan title to a taken name', () => {
    expect(uniqueCalendarName('Standard', 'Devon transition', ['Standard'])).toBe('Standard (Devon transition)');
  });

  it('compares names without case or spaces', () => {
    expect(uniqueCalendarName(' standard ', 'Devon transition', ['STANDARD'])).toBe('standard (Devon transition)');
  });

  it('numbers a name taken twice', () => {
    const taken = ['Standard', 'Standard (Devon transition)', 'Standard (Devon transition) 2'];
    expect(uniqueCalendarName('Standard', 'Devon transition', taken)).toBe('Standard (Devon transition) 3');
  });
});

describe('uniqueCalendarNames', () => {
  it('keeps one file’s names apart', () => {
    expect(uniqueCalendarNames(['Standard', 'Standard', 'Night Shift'], 'Payroll', ['Night Shift'])).toEqual([
      'Standard',
      'Standard (Payroll)',
      'Night Shift (Payroll)',
    ]);
  });
});

describe('reusableCalendar', () => {
  it('finds an equal calendar', () => {
    const stored = calendar('c1');
    expect(reusableCalendar([stored], mondayToFriday)).toBe(stored);
  });

  it('picks the oldest of several', () => {
    expect(reusableCalendar([calendar('c2'), calendar('c1'), calendar('c3')], mondayToFriday)?.id).toBe('c1');
  });

  it('matches the name without case', () => {
    expect(reusableCalendar([calendar('c1', { name: 'monday to friday' })], mondayToFriday)?.id).toBe('c1');
  });

  it.each([
    ['another name', { name: 'UK office' }],
    ['holidays', { holidays: ['2026-12-25'] }],
    ['a site', { site: 'Pune' }],
    ['another week', { workingWeekdays: [1, 2, 3, 4] }],
  ])('skips a calendar with %s', (_case, change) => {
    expect(reusableCalendar([calendar('c1', change)], mondayToFriday)).toBeUndefined();
  });

  it('never reuses for holidays or a site', () => {
    const stored = [calendar('c1', { holidays: ['2026-12-25'] }), calendar('c2', { site: 'Pune' })];
    expect(reusableCalendar(stored, { ...mondayToFriday, holidays: ['2026-12-25'] })).toBeUndefined();
    expect(reusableCalendar(stored, { ...mondayToFriday, site: 'Pune' })).toBeUndefined();
  });
});
