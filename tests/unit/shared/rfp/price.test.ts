import { describe, expect, test } from 'vitest';
import { priceScore } from '../../../../shared/rfp/price';

describe('priceScore lowestOverBid', () => {
  test('lowest scores the maximum', () => {
    expect(priceScore('lowestOverBid', 100, 100, 300, 0, 5)).toBe(5);
  });

  test('twice the lowest scores half', () => {
    expect(priceScore('lowestOverBid', 200, 100, 300, 0, 5)).toBe(2.5);
  });

  test('scale from 1 keeps the minimum', () => {
    // 1 + 4 * 100 / 400 = 2.
    expect(priceScore('lowestOverBid', 400, 100, 400, 1, 5)).toBe(2);
  });

  test('cheaper than the set is clamped', () => {
    expect(priceScore('lowestOverBid', 50, 100, 300, 0, 5)).toBe(5);
  });
});

describe('priceScore linear', () => {
  test('ends of the range', () => {
    expect(priceScore('linear', 100, 100, 300, 0, 5)).toBe(5);
    expect(priceScore('linear', 300, 100, 300, 0, 5)).toBe(0);
  });

  test('midpoint scores half', () => {
    expect(priceScore('linear', 200, 100, 300, 0, 5)).toBe(2.5);
  });

  test('equal prices all score the maximum', () => {
    expect(priceScore('linear', 100, 100, 100, 0, 5)).toBe(5);
  });

  test('outside the range is clamped', () => {
    expect(priceScore('linear', 400, 100, 300, 0, 5)).toBe(0);
    expect(priceScore('linear', 50, 100, 300, 0, 5)).toBe(5);
  });
});
