import { afterEach, describe, expect, test } from 'vitest';
import { formatDuration, formatKpiValue, formatPeriod } from '../../../../renderer/src/format';

const originalTimeZone = process.env.TZ;

afterEach(() => {
  process.env.TZ = originalTimeZone;
});

describe('formatPeriod', () => {
  // Zones east and west of UTC, the furthest ahead, and one whose DST change falls in the months shown.
  test.each(['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London', 'UTC'])(
    'months exact in %s',
    (zone) => {
      process.env.TZ = zone;
      expect(formatPeriod('2015-04', 'en-GB')).toBe('Apr 2015');
      expect(formatPeriod('2016-03', 'en-GB')).toBe('Mar 2016');
      expect(formatPeriod('2015-01', 'en-US', 'long')).toBe('January 2015');
      expect(formatPeriod('2015-12', 'en-US', 'long')).toBe('December 2015');
    },
  );
});

describe('formatDuration', () => {
  test('under an hour shows minutes', () => {
    expect(formatDuration(653)).toBe('10:53');
  });

  test('an hour or more shows hours', () => {
    expect(formatDuration(3723)).toBe('1:02:03');
  });

  test('rounds to whole seconds', () => {
    expect(formatDuration(59.6)).toBe('1:00');
  });
});

describe('formatKpiValue', () => {
  test('percent keeps two decimals', () => {
    expect(formatKpiValue(94.0123, 'percent', 'en-GB')).toBe('94.01%');
  });

  test('percent follows the locale', () => {
    expect(formatKpiValue(94.5, 'percent', 'de-DE')).toBe('94,50\u00a0%');
  });

  test('seconds show as a duration', () => {
    expect(formatKpiValue(1002, 'seconds', 'en-GB')).toBe('16:42 min');
    expect(formatKpiValue(3723, 'seconds', 'en-GB')).toBe('1:02:03 h');
  });
});
