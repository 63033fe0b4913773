import { describe, expect, it } from 'vitest';
import { GroupIndex } from '../../../../shared/sync/mergeGroups';

describe('GroupIndex', () => {
  it('keeps a lone member without an array', () => {
    const index = new GroupIndex<string>();
    index.add(['p1', 'k1', '2025-01'], 'm1');

    expect(index.all()).toEqual([{ first: 'm1', members: null }]);
  });

  it('collects members of one key in order', () => {
    const index = new GroupIndex<string>();
    index.add(['p1', 'k1', '2025-01'], 'm2');
    index.add(['p1', 'k1', '2025-01'], 'm1');
    index.add(['p1', 'k1', '2025-01'], 'm3');

    expect(index.all()).toEqual([{ first: 'm2', members: ['m2', 'm1', 'm3'] }]);
  });

  it('lists groups in order of their first member', () => {
    const index = new GroupIndex<string>();
    index.add(['p2', 'k1', '2025-01'], 'a');
    index.add(['p1', 'k1', '2025-01'], 'b');
    index.add(['p2', 'k1', '2025-01'], 'c');

    expect(index.all().map((group) => group.first)).toEqual(['a', 'b']);
  });

  it('keeps keys apart that differ in one part', () => {
    const index = new GroupIndex<string>();
    index.add(['p1', 'k1', '2025-01'], 'a');
    index.add(['p1', 'k1', '2025-02'], 'b');

    expect(index.all()).toHaveLength(2);
  });

  it('rejects a key with another part count', () => {
    const index = new GroupIndex<string>();
    index.add(['p1', 'k1'], 'a');

    expect(() => {
      index.add(['p1'], 'b');
    }).toThrow(RangeError);
  });
});
