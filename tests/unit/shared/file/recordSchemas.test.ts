import { describe, expect, test } from 'vitest';
import { checkVersionVectorEntry, isCalendarDate, recordFieldNames } from '../../../../shared/file/recordSchemas';

describe('isCalendarDate', () => {
  test.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2023-02-29', false],
    ['2023-04-31', false],
    ['2023-12-31', true],
    ['2023-13-01', false],
    ['2023-1-01', false],
    ['2023-01-01T00:00:00Z', false],
  ])('%s is %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});

describe('checkVersionVectorEntry', () => {
  test('accepts a clock of the same device', () => {
    expect(checkVersionVectorEntry('a1b2c3d4e5f6', '019c1d948a80-0000-a1b2c3d4e5f6')).toBeNull();
  });

  test('rejects a clock of another device', () => {
    expect(checkVersionVectorEntry('a1b2c3d4e5f6', '019c1d948a80-0000-0f1e2d3c4b5a')).toBe('deviceMismatch');
  });

  test('rejects a malformed clock', () => {
    expect(checkVersionVectorEntry('a1b2c3d4e5f6', 17)).toBe('hlc');
  });

  test('rejects a device id with a space', () => {
    expect(checkVersionVectorEntry('a1 b2', '019c1d948a80-0000-a1b2c3d4e5f6')).toBe('deviceId');
  });

  test('rejects constructor as a device id', () => {
    expect(checkVersionVectorEntry('constructor', '019c1d948a80-0000-constructor')).toBe('deviceId');
  });
});

describe('recordFieldNames', () => {
  test('lists sync fields first', () => {
    expect(recordFieldNames.measurements).toEqual([
      'id',
      'clock',
      'fieldClocks',
      'providerId',
      'kpiId',
      'period',
      'value',
      'numerator',
      'denominator',
      'sourceFile',
    ]);
  });
});
