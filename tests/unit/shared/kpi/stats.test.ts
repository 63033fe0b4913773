import { describe, expect, test } from 'vitest';
import { logGamma, medianInPlace, regularizedIncompleteBeta, studentTCdf, studentTQuantile } from '../../../../shared/kpi/stats';

describe('logGamma', () => {
  test('matches factorials', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3_628_800), 10);
  });

  test('gamma of one half is sqrt(pi)', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });

  test('rejects zero', () => {
    expect(() => logGamma(0)).toThrow(RangeError);
  });
});

describe('regularizedIncompleteBeta', () => {
  test('a = b = 1 is the identity', () => {
    for (const x of [0, 0.1, 0.37, 0.5, 0.9, 1]) {
      expect(regularizedIncompleteBeta(x, 1, 1)).toBeCloseTo(x, 12);
    }
  });

  test('b = 1 gives x to the power a', () => {
    expect(regularizedIncompleteBeta(0.3, 3, 1)).toBeCloseTo(0.027, 12);
    expect(regularizedIncompleteBeta(0.8, 2.5, 1)).toBeCloseTo(0.8 ** 2.5, 12);
  });

  test('symmetry I_x(a, b) = 1 - I_(1-x)(b, a)', () => {
    expect(regularizedIncompleteBeta(0.2, 2, 5) + regularizedIncompleteBeta(0.8, 5, 2)).toBeCloseTo(1, 12);
  });

  test('rejects x outside 0 to 1', () => {
    expect(() => regularizedIncompleteBeta(1.5, 1, 1)).toThrow(RangeError);
  });
});

describe('studentTCdf', () => {
  test('is one half at zero', () => {
    for (const df of [1, 2, 4, 10, 30]) {
      expect(studentTCdf(0, df)).toBeCloseTo(0.5, 14);
    }
  });

  test('closed forms for 1 and 2 degrees of freedom', () => {
    // With 1 degree of freedom t is Cauchy: F(t) = 1/2 + atan(t) / pi.
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 12);
    expect(studentTCdf(-3, 1)).toBeCloseTo(0.5 + Math.atan(-3) / Math.PI, 12);
    // With 2: F(t) = 1/2 + t / (2 sqrt(2 + t^2)).
    expect(studentTCdf(1.5, 2)).toBeCloseTo(0.5 + 1.5 / (2 * Math.sqrt(2 + 2.25)), 12);
  });

  // Critical values printed in every t table, to the table's three decimals.
  const tableValues: readonly [number, number, number][] = [
    [1.533, 4, 0.9],
    [1.476, 5, 0.9],
    [1.372, 10, 0.9],
    [2.228, 10, 0.975],
    [2.571, 5, 0.975],
    [3.169, 10, 0.995],
  ];
  test.each(tableValues)('t = %f with %i df has CDF %f', (t, df, probability) => {
    expect(studentTCdf(t, df)).toBeCloseTo(probability, 3);
  });

  test('is symmetric', () => {
    expect(studentTCdf(-1.2, 7) + studentTCdf(1.2, 7)).toBeCloseTo(1, 14);
  });
});

describe('studentTQuantile', () => {
  const tableValues: readonly [number, number, number][] = [
    [0.9, 1, 3.078],
    [0.9, 4, 1.533],
    [0.9, 6, 1.44],
    [0.9, 10, 1.372],
    [0.975, 10, 2.228],
    [0.995, 4, 4.604],
  ];
  test.each(tableValues)('quantile %f with %i df is %f', (probability, df, t) => {
    expect(studentTQuantile(probability, df)).toBeCloseTo(t, 3);
  });

  test('inverts the CDF', () => {
    expect(studentTCdf(studentTQuantile(0.8, 7), 7)).toBeCloseTo(0.8, 10);
    expect(studentTQuantile(0.1, 8)).toBeCloseTo(-studentTQuantile(0.9, 8), 10);
  });

  test('rejects probability 1', () => {
    expect(() => studentTQuantile(1, 4)).toThrow(RangeError);
  });
});

describe('medianInPlace', () => {
  test('odd and even counts', () => {
    expect(medianInPlace(Float64Array.from([5, 1, 3]), 3)).toBe(3);
    expect(medianInPlace(Float64Array.from([4, 1, 3, 2]), 4)).toBe(2.5);
  });

  test('reads only the first count values', () => {
    expect(medianInPlace(Float64Array.from([9, 7, 100, 100, 100]), 2)).toBe(8);
  });
});
