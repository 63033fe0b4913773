import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makePeriod } from '../../../../shared/domain/period';
import { parseDuration, parseNumber, parsePeriod } from '../../../../shared/import/values';

const monthShortNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthLongNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const yearArbitrary = fc.integer({ min: 1900, max: 2099 });
const monthArbitrary = fc.integer({ min: 1, max: 12 });

describe('parsePeriod', () => {
  test.each([
    ['Apr-15', '2015-04'],
    ['Mar-16', '2016-03'],
    ['April 2015', '2015-04'],
    ['Apr 2015', '2015-04'],
    ['apr-2015', '2015-04'],
    ['SEPT 2015', '2015-09'],
    ['September-15', '2015-09'],
    ['2015-04', '2015-04'],
    ['04/2015', '2015-04'],
    ['4/2015', '2015-04'],
    ['12/2015', '2015-12'],
    ['2015-04-01', '2015-04'],
    ['2015-04-30', '2015-04'],
    ['  Apr-15 ', '2015-04'],
    ['Jan-00', '2000-01'],
    ['Dec-99', '2099-12'],
    ['2016-02-29', '2016-02'],
    ['2000-02-29', '2000-02'],
  ])('accepts %j as %s', (text, expected) => {
    expect(parsePeriod(text)).toBe(expected);
  });

  test.each([
    '',
    '   ',
    'Foo-15',
    'Ap-15',
    'Apr-5',
    'Apr-123',
    'Apr-15x',
    '2015-13',
    '2015-00',
    '2015-4',
    '13/2015',
    '0/2015',
    '2015/04',
    '2015-04-31',
    '2015-02-29',
    '1900-02-29',
    '2015-04-00',
    '1899-12',
    '2100-01',
    'Q1 2015',
    '201504',
  ])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });

  test('round trip of YYYY-MM', () => {
    fc.assert(
      fc.property(yearArbitrary, monthArbitrary, (year, month) => {
        const period = makePeriod(year, month);
        expect(parsePeriod(period)).toBe(period);
      }),
    );
  });

  test('short month name and two-digit year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), monthArbitrary, (twoDigitYear, month) => {
        const text = `${monthShortNames[month - 1] ?? ''}-${String(twoDigitYear).padStart(2, '0')}`;
        expect(parsePeriod(text)).toBe(makePeriod(2000 + twoDigitYear, month));
      }),
    );
  });

  test('long month name and four-digit year', () => {
    fc.assert(
      fc.property(yearArbitrary, monthArbitrary, (year, month) => {
        expect(parsePeriod(`${monthLongNames[month - 1] ?? ''} ${year}`)).toBe(makePeriod(year, month));
      }),
    );
  });

  test('month slash year with and without zero', () => {
    fc.assert(
      fc.property(yearArbitrary, monthArbitrary, (year, month) => {
        const expected = makePeriod(year, month);
        expect(parsePeriod(`${month}/${year}`)).toBe(expected);
        expect(parsePeriod(`${String(month).padStart(2, '0')}/${year}`)).toBe(expected);
      }),
    );
  });

  test('ISO date drops a valid day', () => {
    fc.assert(
      fc.property(yearArbitrary, monthArbitrary, fc.integer({ min: 1, max: 28 }), (year, month, day) => {
        const text = `${makePeriod(year, month)}-${String(day).padStart(2, '0')}`;
        expect(parsePeriod(text)).toBe(makePeriod(year, month));
      }),
    );
  });
});

describe('parseDuration', () => {
  test.each([
    ['00:10:53', 653],
    ['00:00:33', 33],
    ['01:00:00', 3600],
    ['1:02:03', 3723],
    ['25:00:00', 90_000],
    ['10:53', 653],
    ['75:30', 4530],
    ['0:07', 7],
    ['00:00:01.5', 1.5],
    [' 00:10:53 ', 653],
    ['0.011597222', 1002],
    ['0.000717593', 62],
    ['0.005613426', 485],
    ['.5', 43_200],
    ['0', 0],
  ])('reads %j as %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  test.each(['', 'abc', '00:60:00', '00:00:60', '1:2:3', '10:5', '::', '1.5', '12', '-0.5', '-00:10:00', '00:10:53 s', '10 min'])(
    'rejects %j',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );

  test('HH:MM:SS gives total seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), (hours, minutes, seconds) => {
        const text = [hours, minutes, seconds].map((part) => String(part).padStart(2, '0')).join(':');
        expect(parseDuration(text)).toBe(hours * 3600 + minutes * 60 + seconds);
      }),
    );
  });

  test('nine-decimal day fraction gives whole seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 86_399 }), (seconds) => {
        expect(parseDuration((seconds / 86_400).toFixed(9))).toBe(seconds);
      }),
    );
  });
});

describe('parseNumber', () => {
  test.each([
    ['67491', 67_491],
    ['487251.0', 487_251],
    ['0.016105851150523775', 0.016105851150523775],
    ['93.52668666465503', 93.52668666465503],
    ['-5', -5],
    ['+5', 5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['2.5E-3', 0.0025],
    ['1,234', 1234],
    ['12,345', 12_345],
    ['1,234,567', 1_234_567],
    ['1,234.5', 1234.5],
    ['-1,234', -1234],
    [' 42 ', 42],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ value, percent: false });
  });

  test.each([
    ['94.01%', 94.01],
    ['94.01 %', 94.01],
    ['100%', 100],
    ['1,234%', 1234],
  ])('reads percent %j as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ value, percent: true });
  });

  test.each(['', ' ', '%', 'n/a', '12O4', '1,23', '12,3456', '1,2345', '0,123', ',123', '1,234,56', '1.2.3', '1 234', 'NaN', 'Infinity', '-Infinity', '1e400', '0x10', '£5', '5-', '--5'])(
    'rejects %j',
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );

  test('rejects comma grouping when turned off', () => {
    expect(parseNumber('1,234', { commaGrouping: false })).toBeNull();
  });

  test('reads plain numbers with grouping turned off', () => {
    expect(parseNumber('1234.5', { commaGrouping: false })).toEqual({ value: 1234.5, percent: false });
  });

  test('round trip of any finite double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        // String(-0) is "0", so negative zero comes back as zero.
        expect(parseNumber(String(value))?.value).toBe(Object.is(value, -0) ? 0 : value);
      }),
    );
  });

  test('round trip of grouped integers', () => {
    const format = new Intl.NumberFormat('en-GB', { useGrouping: true, maximumFractionDigits: 0 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (value) => {
        expect(parseNumber(format.format(value))?.value).toBe(value);
      }),
    );
  });
});
