import { describe, expect, test } from 'vitest';
import { fromDayNumber, isCalendarDate, isoWeekday, toDayNumber } from '../../../../shared/schedule/days';

describe('day numbers', () => {
  test('epoch is day zero', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(0)).toBe('1970-01-01');
  });

  test('matches Date.UTC over four centuries', () => {
    // Every 7th day from 1800 to 2200, including the 1900 and 2100 non-leap years and 2000.
    for (let day = toDayNumber('1800-01-01'); day <= toDayNumber('2200-12-31'); day += 7) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(fromDayNumber(day)).toBe(iso);
      expect(toDayNumber(iso)).toBe(day);
    }
  });

  test('leap days', () => {
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('2021-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(toDayNumber('2020-03-01') - toDayNumber('2020-02-28')).toBe(2);
  });

  test('rejects malformed dates', () => {
    for (const text of ['2021-1-01', '2021-00-10', '2021-04-31', '20210101', ' 2021-01-01']) {
      expect(isCalendarDate(text)).toBe(false);
    }
    expect(() => toDayNumber('2021-04-31')).toThrow(RangeError);
  });

  test('ISO weekdays', () => {
    expect(isoWeekday(toDayNumber('2021-02-01'))).toBe(1);
    expect(isoWeekday(toDayNumber('2021-02-07'))).toBe(7);
    expect(isoWeekday(toDayNumber('1969-12-31'))).toBe(3);
  });
});
