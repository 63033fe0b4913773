import { describe, expect, it } from 'vitest';
import { formatMoneyMinor, parseExchangeRate, parseMajorAmount } from '../../../../../../renderer/src/features/rfp/money';

describe('formatMoneyMinor', () => {
  it('uses each currency symbol and minor unit', () => {
    expect(formatMoneyMinor(123456, 'GBP', 'en-GB')).toBe('£1,234.56');
    expect(formatMoneyMinor(1500, 'JPY', 'en-GB')).toBe('JP¥1,500');
    expect(formatMoneyMinor(-250, 'EUR', 'en-GB')).toBe('-€2.50');
  });
});

describe('parseMajorAmount', () => {
  it('reads major units into minor units', () => {
    expect(parseMajorAmount('1,234.5', 'GBP')).toBe(123450);
    expect(parseMajorAmount('-200', 'EUR')).toBe(-20000);
    expect(parseMajorAmount('1500', 'JPY')).toBe(1500);
  });

  it('rejects text and extra decimals', () => {
    expect(parseMajorAmount('ten', 'GBP')).toBeNull();
    expect(parseMajorAmount('1.234', 'GBP')).toBeNull();
    expect(parseMajorAmount('1.5', 'JPY')).toBeNull();
    expect(parseMajorAmount('', 'GBP')).toBeNull();
  });
});

describe('parseExchangeRate', () => {
  it('accepts positive rates only', () => {
    expect(parseExchangeRate('0.85')).toBe(0.85);
    expect(parseExchangeRate('0')).toBeNull();
    expect(parseExchangeRate('-1')).toBeNull();
  });
});
