import { describe, expect, it } from 'vitest';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { foldedTombstoneClock } from '../../../../shared/sync/mergeNaturalKeys';
import { at, kpi, provider, snapshot, tombstone } from './mergeTestKit';
import { recordTables } from '../../../../shared/sync/snapshot';

const now = Date.UTC(2026, 0, 2);

/** Local has p1 (renamed remotely), p2 (deleted remotely), p3 (untouched) and KPI kB (a twin of remote kA). */
function mixedChanges() {
  const local = snapshot({
    records: {
      providers: [
        provider('p1', { clock: at(1, 'devL') }),
        provider('p2', { clock: at(1, 'devL') }),
        provider('p3', { clock: at(1, 'devL') }),
      ],
      kpis: [kpi('kB', { clock: at(1, 'devL') }, { key: 'calls.answered' })],
    },
  });
  const remote = snapshot({
    records: {
      providers: [
        provider('p1', { clock: at(1, 'devL'), fieldClocks: { name: at(4, 'devR') } }, { name: 'Renamed' }),
        provider('p4', { clock: at(2, 'devR') }),
      ],
      kpis: [kpi('kA', { clock: at(2, 'devR') }, { key: 'calls.answered' })],
    },
    tombstones: [tombstone('p2', 'providers', at(3, 'devR'))],
  });
  return { local, remote };
}

describe('mergeSnapshots preview', () => {
  it('counts provider changes relative to local', () => {
    const { local, remote } = mixedChanges();

    const { providers } = mergeSnapshots(local, remote, { now }).preview.tables;

    expect(providers).toEqual({ added: 1, changed: 1, deleted: 1, mergedByNaturalKey: 0 });
  });

  it('counts a KPI folded into its twin', () => {
    const { local, remote } = mixedChanges();

    const { kpis } = mergeSnapshots(local, remote, { now }).preview.tables;

    expect(kpis).toEqual({ added: 0, changed: 1, deleted: 0, mergedByNaturalKey: 1 });
  });

  it('counts nothing for an identical snapshot', () => {
    const { local } = mixedChanges();

    const { tables } = mergeSnapshots(local, local, { now }).preview;

    expect(Object.values(tables)).toEqual(
      Array.from({ length: recordTables.length }, () => ({ added: 0, changed: 0, deleted: 0, mergedByNaturalKey: 0 })),
    );
  });
});

describe('mergeSnapshots delta', () => {
  it('puts only new and changed providers', () => {
    const { local, remote } = mixedChanges();

    const { put } = mergeSnapshots(local, remote, { now }).delta.tables.providers;

    expect(put.map((record) => record.id)).toEqual(['p1', 'p4']);
  });

  it('deletes removed and folded ids', () => {
    const { local, remote } = mixedChanges();

    const { tables } = mergeSnapshots(local, remote, { now }).delta;

    expect(tables.providers.delete).toEqual(['p2']);
    expect(tables.kpis.delete).toEqual(['kB']);
  });

  it('puts tombstones new to local', () => {
    const { local, remote } = mixedChanges();

    const { tombstones } = mergeSnapshots(local, remote, { now }).delta;

    expect(tombstones).toEqual([tombstone('p2', 'providers', at(3, 'devR')), tombstone('kB', 'kpis', foldedTombstoneClock)]);
  });

  it('puts a record whose clocks alone changed', () => {
    const local = snapshot({ records: { providers: [provider('p1', { clock: at(1, 'devL') })] } });
    const remote = snapshot({ records: { providers: [provider('p1', { clock: at(1, 'devL'), fieldClocks: { name: at(4, 'devR') } })] } });

    const result = mergeSnapshots(local, remote, { now });

    expect(result.preview.tables.providers.changed).toBe(0);
    expect(result.delta.tables.providers.put.map((record) => record.id)).toEqual(['p1']);
  });
});
