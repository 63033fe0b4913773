import { describe, expect, test } from 'vitest';
import { detectNumberLocale, isAmbiguousNumber, numberReadingFor, parseLocaleNumber } from '../../../../shared/import/numberLocale';
import type { NumberLocale } from '../../../../shared/import/numberLocale';

describe('parseLocaleNumber', () => {
  test.each<[string, NumberLocale, number, boolean]>([
    ['312,5', 'comma', 312.5, false],
    ['-21.419,06', 'comma', -21_419.06, false],
    ['1.234.567', 'comma', 1_234_567, false],
    ['1.234', 'comma', 1234, false],
    ['0,123', 'comma', 0.123, false],
    ['94,01 %', 'comma', 94.01, true],
    ['94,01\u00a0%', 'comma', 94.01, true],
    ['1 234,5', 'space', 1234.5, false],
    ['1\u202f234\u202f567,25', 'space', 1_234_567.25, false],
    ['\u22121 234,5', 'space', -1234.5, false],
    ["1'234.5", 'apostrophe', 1234.5, false],
    ['1\u2019234', 'apostrophe', 1234, false],
    ['1,234.5', 'point', 1234.5, false],
    ['94.01%', 'point', 94.01, true],
    ['2,5E-3', 'comma', 0.0025, false],
  ])('reads %j in %s as %d', (text, locale, value, percent) => {
    expect(parseLocaleNumber(text, locale)).toEqual({ value, percent });
  });

  test.each<[string, NumberLocale]>([
    ['312,5', 'point'],
    ['1,234.5', 'comma'],
    ['1.234.567', 'point'],
    ['1 234,5', 'comma'],
    ['1.234,5', 'space'],
    ['1,23', 'point'],
    ['1.2.3', 'comma'],
    ['12.34,5', 'comma'],
    ['', 'comma'],
    ['n/a', 'comma'],
    ['1e400', 'comma'],
  ])('rejects %j in %s', (text, locale) => {
    expect(parseLocaleNumber(text, locale)).toBeNull();
  });

  test('point locale agrees with the point parser', () => {
    for (const text of ['67491', '1,234', '1,234,567', '0.016105851150523775', '-5', '.5', '1e3']) {
      expect(parseLocaleNumber(text, 'point')?.value).toBe(Number(text.replaceAll(',', '')));
    }
  });
});

describe('isAmbiguousNumber', () => {
  test.each([
    ['1,234', 'point', true],
    ['1,234', 'comma', true],
    ['1.234', 'comma', true],
    ['-12.345', 'point', true],
    ['1,234.5', 'point', false],
    ['312,5', 'comma', false],
    ['1234', 'comma', false],
    ['1.234.567', 'comma', false],
    ['0,123', 'comma', false],
  ] as const)('%j in %s is %s', (text, locale, ambiguous) => {
    expect(isAmbiguousNumber(text, locale)).toBe(ambiguous);
  });
});

describe('detectNumberLocale', () => {
  test('decimal comma from 312,5', () => {
    expect(detectNumberLocale(['12', '312,5', 'Acme Ltd'], ',')).toEqual({ locale: 'comma', basis: 'cells' });
  });

  test('comma from -21.419,06', () => {
    expect(detectNumberLocale(['-21.419,06'], null)).toEqual({ locale: 'comma', basis: 'cells' });
  });

  test('comma from 1.234.567', () => {
    expect(detectNumberLocale(['1.234.567', '1,234'], ',')).toEqual({ locale: 'comma', basis: 'cells' });
  });

  test('space from 1 234,5', () => {
    expect(detectNumberLocale(['1 234,5', '312,5'], ';')).toEqual({ locale: 'space', basis: 'cells' });
  });

  test('apostrophe from 1’234.5', () => {
    expect(detectNumberLocale(["1'234.5", '12.5'], null)).toEqual({ locale: 'apostrophe', basis: 'cells' });
  });

  test('point from 94.01%', () => {
    expect(detectNumberLocale(['94.01%', '1,234'], ';')).toEqual({ locale: 'point', basis: 'cells' });
  });

  test('percent strings with decimal comma', () => {
    expect(detectNumberLocale(['94,01 %', '88 %'], ',')).toEqual({ locale: 'comma', basis: 'cells' });
  });

  test('ambiguous cells in a semicolon file', () => {
    expect(detectNumberLocale(['1,234', '5'], ';')).toEqual({ locale: 'comma', basis: 'delimiter' });
  });

  test('ambiguous cells in a comma file', () => {
    expect(detectNumberLocale(['1,234', '5'], ',')).toEqual({ locale: 'point', basis: 'default' });
  });

  test('integers only leave the default', () => {
    expect(detectNumberLocale(['67491', '1087', '00:10:53', 'Apr-15'], null)).toEqual({ locale: 'point', basis: 'default' });
  });

  test('majority wins over a stray cell', () => {
    expect(detectNumberLocale(['312,5', '12,75', '0,5', '1.5'], ',')).toEqual({ locale: 'comma', basis: 'cells' });
  });
});

describe('numberReadingFor', () => {
  test('semicolon hint rejects ambiguous cells', () => {
    expect(numberReadingFor({ locale: 'comma', basis: 'delimiter' }, null)).toEqual({ locale: 'comma', rejectAmbiguous: true });
  });

  test('cells decide without rejection', () => {
    expect(numberReadingFor({ locale: 'comma', basis: 'cells' }, null)).toEqual({ locale: 'comma', rejectAmbiguous: false });
  });

  test('user choice wins', () => {
    expect(numberReadingFor({ locale: 'comma', basis: 'delimiter' }, 'point')).toEqual({ locale: 'point', rejectAmbiguous: false });
  });
});
