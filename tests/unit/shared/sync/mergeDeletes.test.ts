import { describe, expect, it } from 'vitest';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { at, kpi, provider, recordOf, snapshot, tombstone } from './mergeTestKit';

const now = Date.UTC(2026, 0, 2);

describe('mergeSnapshots deletions', () => {
  it('removes a record that the remote side deleted', () => {
    const local = snapshot({ records: { providers: [provider('p1', { clock: at(1, 'devL') })] } });
    const remote = snapshot({ tombstones: [tombstone('p1', 'providers', at(2, 'devR'))] });

    const result = mergeSnapshots(local, remote, { now });

    expect(result.snapshot.records.providers).toEqual([]);
    expect(result.snapshot.tombstones).toEqual([tombstone('p1', 'providers', at(2, 'devR'))]);
  });

  it('keeps a local tombstone against a remote copy', () => {
    const local = snapshot({ tombstones: [tombstone('p1', 'providers', at(2, 'devL'))] });
    const remote = snapshot({ records: { providers: [provider('p1', { clock: at(1, 'devL') })] } });

    const result = mergeSnapshots(local, remote, { now });

    expect(recordOf(result.snapshot, 'providers', 'p1')).toBeUndefined();
  });

  it('lets the deletion win over a later edit', () => {
    const local = snapshot({ tombstones: [tombstone('p1', 'providers', at(2, 'devL'))] });
    const remote = snapshot({
      records: { providers: [provider('p1', { clock: at(1, 'devL'), fieldClocks: { name: at(9, 'devR') } }, { name: 'Edited' })] },
    });

    const result = mergeSnapshots(local, remote, { now });

    expect(recordOf(result.snapshot, 'providers', 'p1')).toBeUndefined();
  });

  it('reports the edit that a deletion discards', () => {
    const local = snapshot({
      tombstones: [tombstone('p1', 'providers', at(2, 'devL'))],
      versionVector: { devL: at(2, 'devL'), devR: at(1, 'devR') },
    });
    const remote = snapshot({
      records: { providers: [provider('p1', { clock: at(1, 'devL'), fieldClocks: { name: at(9, 'devR') } }, { name: 'Edited' })] },
      versionVector: { devL: at(1, 'devL'), devR: at(9, 'devR') },
    });

    const { deletedEdits } = mergeSnapshots(local, remote, { now }).preview;

    expect(deletedEdits).toEqual([
      { table: 'providers', recordId: 'p1', deletedOn: 'local', deletionClock: at(2, 'devL'), editClock: at(9, 'devR') },
    ]);
  });

  it('reports no discarded edit the deleter had seen', () => {
    const local = snapshot({
      tombstones: [tombstone('p1', 'providers', at(5, 'devL'))],
      versionVector: { devL: at(5, 'devL'), devR: at(3, 'devR') },
    });
    const remote = snapshot({
      records: { providers: [provider('p1', { clock: at(1, 'devL'), fieldClocks: { name: at(3, 'devR') } }, { name: 'Seen edit' })] },
      versionVector: { devL: at(1, 'devL'), devR: at(3, 'devR') },
    });

    const { deletedEdits } = mergeSnapshots(local, remote, { now }).preview;

    expect(deletedEdits).toEqual([]);
  });

  it('keeps the later of two tombstones', () => {
    const local = snapshot({ tombstones: [tombstone('p1', 'providers', at(4, 'devL'))] });
    const remote = snapshot({ tombstones: [tombstone('p1', 'providers', at(6, 'devR'))] });

    const { tombstones } = mergeSnapshots(local, remote, { now }).snapshot;

    expect(tombstones).toEqual([tombstone('p1', 'providers', at(6, 'devR'))]);
  });

  it('keeps a record re-created under a new id', () => {
    const local = snapshot({
      records: { kpis: [kpi('k2', { clock: at(5, 'devL') }, { key: 'calls.answered' })] },
      tombstones: [tombstone('k1', 'kpis', at(4, 'devL'))],
    });
    const remote = snapshot({ records: { kpis: [kpi('k1', { clock: at(1, 'devL') }, { key: 'calls.answered' })] } });

    const result = mergeSnapshots(local, remote, { now });

    expect(result.snapshot.records.kpis.map((record) => record.id)).toEqual(['k2']);
  });

  it('drops the data of a deleted record instead of folding it', () => {
    const local = snapshot({
      records: { kpis: [kpi('k2', { clock: at(5, 'devL') }, { key: 'calls.answered', name: 'Re-created' })] },
      tombstones: [tombstone('k1', 'kpis', at(4, 'devL'))],
    });
    const remote = snapshot({
      records: {
        kpis: [kpi('k1', { clock: at(1, 'devL'), fieldClocks: { name: at(8, 'devR') } }, { key: 'calls.answered', name: 'Edited old' })],
      },
    });

    const merged = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'kpis', 'k2');

    expect(merged?.name).toBe('Re-created');
  });

  it('keeps a tombstone for a table it names only', () => {
    const local = snapshot({ records: { providers: [provider('x1', { clock: at(1, 'devL') })] } });
    const remote = snapshot({ tombstones: [tombstone('x1', 'kpis', at(2, 'devR'))] });

    const result = mergeSnapshots(local, remote, { now });

    expect(recordOf(result.snapshot, 'providers', 'x1')).toBeDefined();
  });
});
