import { describe, expect, it } from 'vitest';
import { readTypedNumber } from '../../../../shared/forms/typedNumber';

/** Returns the value read, or the `'empty'` / `'invalid'` result. */
function valueOf(text: string, decimalSeparator: string): number | string {
  const parsed = readTypedNumber(text, decimalSeparator);
  return typeof parsed === 'string' ? parsed : parsed.value;
}

describe('readTypedNumber', () => {
  it.each([
    ['12.5', 12.5],
    ['1,234.5', 1234.5],
    ["1'234.5", 1234.5],
    ['1,234', 1234],
    ['-3.25', -3.25],
    ['\u22123', -3],
    ['12,5', 12.5],
    ['1.234,5', 1234.5],
  ])('reads en-GB style %j', (text, value) => {
    expect(valueOf(text, '.')).toBe(value);
  });

  it.each([
    ['12,5', 12.5],
    ['1.234,5', 1234.5],
    ['1 234,5', 1234.5],
    ['1\u202f234,5', 1234.5],
    ['1.234', 1234],
    ['-0,5', -0.5],
    ['12.5', 12.5],
    ['1,234.5', 1234.5],
  ])('reads de-DE style %j', (text, value) => {
    expect(valueOf(text, ',')).toBe(value);
  });

  it.each(['abc', '1e3', '1.2.3', '12,5,5', '-', 'NaN', 'Infinity', '0x10', '9 5'])('rejects %j', (text) => {
    expect(valueOf(text, '.')).toBe('invalid');
  });

  it('reports blank text as empty', () => {
    expect(valueOf('  ', ',')).toBe('empty');
  });

  it('marks a percent sign', () => {
    expect(readTypedNumber('12,5 %', ',')).toEqual({ value: 12.5, percent: true });
  });

  it('turns negative zero into zero', () => {
    expect(Object.is(valueOf('-0', '.'), 0)).toBe(true);
  });
});
