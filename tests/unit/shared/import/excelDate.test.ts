import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { civilFromDays, excelSerialToDate, formatCalendarDate, serialFromExcelJsDate } from '../../../../shared/import/excelDate';
import { periodOfTypedCell } from '../../../../shared/import/sheetCells';

const dateOf = (serial: number, date1904 = false): string | null => {
  const date = excelSerialToDate(serial, date1904);
  return date === null ? null : formatCalendarDate(date);
};

describe('excelSerialToDate in the 1900 system', () => {
  test.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, '1900-02-29'],
    [61, '1900-03-01'],
    [25_569, '1970-01-01'],
    [42_095, '2015-04-01'],
    [42_124.875, '2015-04-30'],
    [42_185.999_988, '2015-06-30'],
    [73_050, '2099-12-31'],
  ])('serial %d is %s', (serial, date) => {
    expect(dateOf(serial)).toBe(date);
  });

  test.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %d', (serial) => {
    expect(excelSerialToDate(serial, false)).toBeNull();
  });
});

describe('excelSerialToDate in the 1904 system', () => {
  test.each([
    [0, '1904-01-01'],
    [40_633, '2015-04-01'],
    [60, '1904-03-01'],
  ])('serial %d is %s', (serial, date) => {
    expect(dateOf(serial, true)).toBe(date);
  });

  test('1904 serial plus 1462 is the same 1900 date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70_000 }), (serial) => {
        expect(dateOf(serial, true)).toBe(dateOf(serial + 1462));
      }),
    );
  });
});

describe('civilFromDays', () => {
  test('agrees with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (days) => {
        const utc = new Date(days * 86_400_000);
        expect(civilFromDays(days)).toEqual({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
      }),
    );
  });
});

describe('serialFromExcelJsDate', () => {
  test('inverts the exceljs conversion', () => {
    // exceljs 4.4 builds dates as new Date(Math.round((serial - 25569 + 1462 if 1904) * 86400000)).
    for (const date1904 of [false, true]) {
      const serial = 42_124.875 - (date1904 ? 1462 : 0);
      const date = new Date(Math.round((serial - 25_569 + (date1904 ? 1462 : 0)) * 86_400_000));
      expect(serialFromExcelJsDate(date, date1904)).toBeCloseTo(serial, 9);
    }
  });
});

describe('periodOfTypedCell', () => {
  test('date cell gives its month', () => {
    expect(periodOfTypedCell({ kind: 'date', serial: 42_124.875 }, false)).toBe('2015-04');
  });

  test('phantom 1900-02-29 is February', () => {
    expect(periodOfTypedCell({ kind: 'date', serial: 60 }, false)).toBe('1900-02');
  });

  test('plain serial gives its month', () => {
    expect(periodOfTypedCell({ kind: 'number', value: 42_156, percentFormat: false }, false)).toBe('2015-06');
  });

  test('plain year is no month', () => {
    expect(periodOfTypedCell({ kind: 'number', value: 2015, percentFormat: false }, false)).toBeNull();
  });

  test('percentage is no month', () => {
    expect(periodOfTypedCell({ kind: 'number', value: 42_156, percentFormat: true }, false)).toBeNull();
  });
});
