import { describe, expect, test } from 'vitest';
import { mostBreached } from '../../../../../../renderer/src/features/dashboard/mostBreached';

const names = new Map([
  ['a', 'Avon'],
  ['b', 'Bath'],
  ['c', 'Cork'],
  ['d', 'Derby'],
]);

describe('mostBreached', () => {
  test('most breaches first, names break ties', () => {
    const counts = new Map([
      ['c', 3],
      ['a', 5],
      ['b', 3],
    ]);
    expect(mostBreached(counts, names, 5)).toEqual([
      ['a', 5],
      ['b', 3],
      ['c', 3],
    ]);
  });

  test('keeps providers tied with the last shown', () => {
    const counts = new Map([
      ['a', 5],
      ['b', 3],
      ['c', 3],
      ['d', 1],
    ]);
    expect(mostBreached(counts, names, 2).map(([id]) => id)).toEqual(['a', 'b', 'c']);
  });

  test('cuts below the tie', () => {
    const counts = new Map([
      ['a', 5],
      ['b', 4],
      ['c', 3],
    ]);
    expect(mostBreached(counts, names, 2).map(([id]) => id)).toEqual(['a', 'b']);
  });
});
