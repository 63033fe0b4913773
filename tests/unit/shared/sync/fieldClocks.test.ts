import { describe, expect, it } from 'vitest';
import { changedFieldNames, compactClocks, dataFieldNames, fieldClock, sameValue, stampFields } from '../../../../shared/sync/fieldClocks';

const c1 = '000000000001-0000-dev1';
const c2 = '000000000002-0000-dev1';
const c3 = '000000000003-0000-dev1';

describe('stampFields', () => {
  it('gives a new record one clock and no field clocks', () => {
    expect(stampFields(null, ['a', 'b'], new Set(['a', 'b']), c1)).toEqual({ clock: c1, fieldClocks: {} });
  });

  it('lists only the changed field', () => {
    const result = stampFields({ clock: c1, fieldClocks: {} }, ['a', 'b', 'c'], new Set(['b']), c2);
    expect(result).toEqual({ clock: c1, fieldClocks: { b: c2 } });
  });

  it('folds clocks back when every field changed', () => {
    const result = stampFields({ clock: c1, fieldClocks: { b: c2 } }, ['a', 'b'], new Set(['a', 'b']), c3);
    expect(result).toEqual({ clock: c3, fieldClocks: {} });
  });

  it('moves the record clock up when the earliest field changes', () => {
    const result = stampFields({ clock: c1, fieldClocks: { b: c2 } }, ['a', 'b'], new Set(['a']), c3);
    expect(result).toEqual({ clock: c2, fieldClocks: { a: c3 } });
  });
});

describe('compactClocks', () => {
  it('uses the fallback when there are no fields', () => {
    expect(compactClocks(new Map(), c2)).toEqual({ clock: c2, fieldClocks: {} });
  });

  it('keeps the earliest clock as the record clock', () => {
    const result = compactClocks(
      new Map([
        ['a', c3],
        ['b', c1],
        ['c', c1],
      ]),
      c3,
    );
    expect(result).toEqual({ clock: c1, fieldClocks: { a: c3 } });
  });
});

describe('fieldClock', () => {
  it('returns the field entry when there is one', () => {
    expect(fieldClock({ clock: c1, fieldClocks: { a: c2 } }, 'a')).toBe(c2);
  });

  it('returns the record clock for other fields', () => {
    expect(fieldClock({ clock: c1, fieldClocks: { a: c2 } }, 'b')).toBe(c1);
  });

  it('ignores inherited object keys', () => {
    expect(fieldClock({ clock: c1, fieldClocks: {} }, 'constructor')).toBe(c1);
  });
});

describe('sameValue', () => {
  it('treats equal arrays as same', () => {
    expect(sameValue(['a', 'b'], ['a', 'b'])).toBe(true);
  });

  it('treats arrays in another order as different', () => {
    expect(sameValue(['a', 'b'], ['b', 'a'])).toBe(false);
  });

  it('treats null and undefined as different', () => {
    expect(sameValue(null, undefined)).toBe(false);
  });

  it('compares nested objects by content', () => {
    expect(sameValue({ a: { b: [1] } }, { a: { b: [1] } })).toBe(true);
  });

  it('treats an object with an extra key as different', () => {
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});

describe('changedFieldNames', () => {
  it('names fields whose value differs', () => {
    const before = { id: 'x', clock: c1, fieldClocks: {}, name: 'A', formerNames: ['Z'] };
    const after = { ...before, name: 'B', formerNames: ['Z'] };
    expect([...changedFieldNames(before, after)]).toEqual(['name']);
  });

  it('ignores the sync fields', () => {
    const before = { id: 'x', clock: c1, fieldClocks: {}, name: 'A' };
    expect(changedFieldNames(before, { ...before, clock: c2 }).size).toBe(0);
  });
});

describe('dataFieldNames', () => {
  it('drops id, clock and fieldClocks', () => {
    expect(dataFieldNames({ id: 'x', clock: c1, fieldClocks: {}, name: 'A', code: null })).toEqual(['name', 'code']);
  });
});
