/** Id order marks: the file reader and the merge mark tables in id order, so the merge-join need not check them again. */
import { describe, expect, it } from 'vitest';
import { readPortfolioFile, writePortfolioFile } from '../../../../shared/file';
import fc from 'fast-check';
import { ascendsById, isMarkedInIdOrder, lowerBoundById, markInIdOrder } from '../../../../shared/sync/idOrder';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';
import { recordTables } from '../../../../shared/sync/snapshot';
import { readFixture } from '../file/fixtureFiles';

async function readGolden(): Promise<PortfolioSnapshot> {
  const read = await readPortfolioFile(readFixture('golden.steerwise'), 'golden.steerwise');
  if (!read.ok) throw new Error(`golden.steerwise did not read: ${read.error.code}`);
  return read.value.snapshot;
}

describe('ascendsById', () => {
  it.each([
    [[], true],
    [['a'], true],
    [['a', 'b', 'c'], true],
    [['a', 'a'], false],
    [['b', 'a'], false],
    // UTF-16 code units, as IndexedDB orders string keys: upper case before lower case.
    [['Z', 'a'], true],
    [['a', 'Z'], false],
  ])('%j ascends: %s', (ids, expected) => {
    expect(ascendsById(ids.map((id) => ({ id })))).toBe(expected);
  });
});

describe('id order marks', () => {
  it('marks only the array it is given', () => {
    const records = [{ id: 'a' }, { id: 'b' }];
    markInIdOrder(records);
    expect(isMarkedInIdOrder(records)).toBe(true);
    expect(isMarkedInIdOrder([...records])).toBe(false);
    expect(isMarkedInIdOrder(records.slice())).toBe(false);
  });

  it('file reader marks every table', async () => {
    const snapshot = await readGolden();
    for (const table of recordTables) {
      expect(isMarkedInIdOrder(snapshot.records[table]), table).toBe(true);
      expect(ascendsById(snapshot.records[table]), table).toBe(true);
    }
  });

  it('merge joins an unmarked table', async () => {
    const golden = await readGolden();
    const reversed: PortfolioSnapshot = {
      ...golden,
      records: { ...golden.records, measurements: [...golden.records.measurements].reverse() },
    };
    expect(reversed.records.measurements.length).toBeGreaterThan(1);
    const bytes = await writePortfolioFile(reversed, { appVersion: '0.0.0-test', exportedAt: '2026-12-05T12:00:00.000Z' });
    const read = await readPortfolioFile(bytes, 'reversed.steerwise');
    if (!read.ok) throw new Error(read.error.code);
    // The writer puts records in id order, so the read file is marked again.
    expect(isMarkedInIdOrder(read.value.snapshot.records.measurements)).toBe(true);

    const merged = mergeSnapshots(golden, reversed, { now: Date.parse('2026-12-05T12:00:00.000Z') });
    expect(merged.preview.tables.measurements).toEqual({ added: 0, changed: 0, deleted: 0, mergedByNaturalKey: 0 });
    expect(merged.snapshot.records.measurements).toEqual(golden.records.measurements);
    expect(isMarkedInIdOrder(merged.snapshot.records.measurements)).toBe(true);
    expect(ascendsById(merged.snapshot.records.measurements)).toBe(true);
  });
});

describe('lowerBoundById', () => {
  const records = ['b', 'd', 'f'].map((id) => ({ id }));

  it('finds the first id not below the one sought', () => {
    expect(lowerBoundById(records, 'a')).toBe(0);
    expect(lowerBoundById(records, 'b')).toBe(0);
    expect(lowerBoundById(records, 'c')).toBe(1);
    expect(lowerBoundById(records, 'f')).toBe(2);
    expect(lowerBoundById(records, 'g')).toBe(3);
    expect(lowerBoundById([], 'a')).toBe(0);
  });

  it('starts at the given index', () => {
    expect(lowerBoundById(records, 'a', 2)).toBe(2);
    expect(lowerBoundById(records, 'e', 1)).toBe(2);
  });

  it('agrees with a linear search', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 3 })), fc.string({ maxLength: 3 }), (ids, sought) => {
        const sorted = [...ids].sort((a, b) => (a < b ? -1 : 1)).map((id) => ({ id }));
        const linear = sorted.findIndex((record) => !(record.id < sought));
        expect(lowerBoundById(sorted, sought)).toBe(linear === -1 ? sorted.length : linear);
      }),
    );
  });
});
