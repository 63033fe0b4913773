import { describe, expect, test } from 'vitest';
import { apportion, computeWeightShares } from '../../../../shared/rfp/weights';
import { knockout, scored, section } from './factories';

const tenthsById = (shares: ReturnType<typeof computeWeightShares>) =>
  Object.fromEntries(shares.criteria.map((entry) => [entry.criterionId, entry.percentTenths]));

describe('computeWeightShares', () => {
  test('multiplies section and criterion shares', () => {
    // Sections 3 and 1 of 4: .75 and .25; criteria 1 and 3 of 4 in the first: .1875 and .5625.
    const shares = computeWeightShares(
      [section('a', 3, 1), section('b', 1, 2)],
      [scored('a1', 'a', 1, 1), scored('a2', 'a', 3, 2), scored('b1', 'b', 5, 1)],
    );
    expect(shares.sections.map((entry) => entry.share)).toEqual([0.75, 0.25]);
    expect(shares.criteria.map((entry) => entry.share)).toEqual([0.1875, 0.5625, 0.25]);
    expect(shares.criteria.map((entry) => entry.shareOfSection)).toEqual([0.25, 0.75, 1]);
    expect(shares.criteria.map((entry) => entry.enteredWeight)).toEqual([1, 3, 5]);
  });

  test('thirds round by largest remainder', () => {
    // 333.33 each: floors 333 * 3 = 999, the missing tenth goes to the first on equal remainders.
    const shares = computeWeightShares(
      [section('a', 1, 1), section('b', 1, 2), section('c', 1, 3)],
      [scored('a1', 'a', 1, 1), scored('b1', 'b', 1, 1), scored('c1', 'c', 1, 1)],
    );
    expect(shares.sections.map((entry) => entry.percentTenths)).toEqual([334, 333, 333]);
  });

  test('criteria add up to their section', () => {
    // Section a has 1/3 = 333.3 tenths, rounded to 334; its two halves of 166.67 must add to 334, not 333.
    const shares = computeWeightShares(
      [section('a', 1, 1), section('b', 1, 2), section('c', 1, 3)],
      [scored('a1', 'a', 1, 1), scored('a2', 'a', 1, 2), scored('b1', 'b', 1, 1), scored('c1', 'c', 1, 1)],
    );
    expect(tenthsById(shares)).toEqual({ a1: 167, a2: 167, b1: 333, c1: 333 });
  });

  test('largest remainder wins the extra tenth', () => {
    // 1/7, 2/7, 4/7 of 1000: 142.86, 285.71, 571.43; floors add to 998; the two largest remainders (.86, .71) get one each.
    const shares = computeWeightShares([section('a', 1, 1)], [scored('x', 'a', 1, 1), scored('y', 'a', 2, 2), scored('z', 'a', 4, 3)]);
    expect(tenthsById(shares)).toEqual({ x: 143, y: 286, z: 571 });
  });

  test('invalid weights count as zero', () => {
    const shares = computeWeightShares(
      [section('a', 1, 1), section('b', Number.NaN, 2)],
      [scored('a1', 'a', -2, 1), scored('a2', 'a', 1, 2), scored('b1', 'b', 1, 1)],
    );
    expect(tenthsById(shares)).toEqual({ a1: 0, a2: 1000, b1: 0 });
  });

  test('exclusion passes share to siblings', () => {
    const shares = computeWeightShares(
      [section('a', 1, 1), section('b', 1, 2)],
      [scored('a1', 'a', 1, 1), scored('a2', 'a', 1, 2), scored('b1', 'b', 1, 1)],
      new Set(['a1']),
    );
    expect(tenthsById(shares)).toEqual({ a1: 0, a2: 500, b1: 500 });
  });

  test('empty section passes share on', () => {
    const shares = computeWeightShares(
      [section('a', 1, 1), section('b', 1, 2)],
      [scored('a1', 'a', 1, 1), scored('b1', 'b', 1, 1)],
      new Set(['a1']),
    );
    expect(shares.sections.map((entry) => entry.percentTenths)).toEqual([0, 1000]);
  });

  test('no weights gives zeros', () => {
    const shares = computeWeightShares([section('a', 0, 1)], [scored('a1', 'a', 1, 1)]);
    expect(shares.sections[0]?.percentTenths).toBe(0);
    expect(shares.criteria[0]?.share).toBe(0);
  });

  test('knockouts are not listed', () => {
    const shares = computeWeightShares([section('a', 1, 1)], [knockout('k', 'a', 1), scored('a1', 'a', 1, 2)]);
    expect(shares.criteria.map((entry) => entry.criterionId)).toEqual(['a1']);
  });

  test('orders by section then order', () => {
    const shares = computeWeightShares(
      [section('late', 1, 2), section('early', 1, 1)],
      [scored('l1', 'late', 1, 1), scored('e2', 'early', 1, 2), scored('e1', 'early', 1, 1)],
    );
    expect(shares.sections.map((entry) => entry.sectionId)).toEqual(['early', 'late']);
    expect(shares.criteria.map((entry) => entry.criterionId)).toEqual(['e1', 'e2', 'l1']);
  });
});

describe('apportion', () => {
  test('hits a target', () => {
    expect(apportion([166.67, 166.67], 334)).toEqual([167, 167]);
  });

  test('equal remainders go to earlier', () => {
    expect(apportion([0.5, 0.5, 0.5, 0.5], 2)).toEqual([1, 1, 0, 0]);
  });

  test('float noise does not lose a unit', () => {
    expect(apportion([299.99999999997, 700.00000000003], 1000)).toEqual([300, 700]);
  });

  test('zero target gives zeros', () => {
    expect(apportion([0, 0], 0)).toEqual([0, 0]);
    expect(apportion([])).toEqual([]);
  });
});
