import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { applyFieldWrite, resolveConflictKeepOther } from '../../../../shared/sync/mergeKeepOther';
import type { FieldConflict } from '../../../../shared/sync/mergeTypes';
import { at, kpi, provider, recordOf, snapshot } from './mergeTestKit';

const now = Date.UTC(2026, 0, 2);
const base = { clock: at(1, 'devL') };

/** Both sides renamed provider p1 after last seeing each other's changes at step 1. */
function concurrentRenames(remoteSeenLocalUpTo = at(1, 'devL')) {
  const local = snapshot({
    records: { providers: [provider('p1', { ...base, fieldClocks: { name: at(5, 'devL') } }, { name: 'Local name' })] },
    versionVector: { devL: at(5, 'devL') },
  });
  const remote = snapshot({
    records: { providers: [provider('p1', { ...base, fieldClocks: { name: at(6, 'devR') } }, { name: 'Remote name' })] },
    versionVector: { devL: remoteSeenLocalUpTo, devR: at(6, 'devR') },
  });
  return { local, remote };
}

function onlyConflict(conflicts: readonly FieldConflict[]): FieldConflict {
  const [conflict] = conflicts;
  if (conflict === undefined || conflicts.length !== 1) throw new Error(`Expected one conflict, got ${conflicts.length}`);
  return conflict;
}

describe('mergeSnapshots conflicts', () => {
  it('lists a field both sides changed', () => {
    const { local, remote } = concurrentRenames();

    const { conflicts } = mergeSnapshots(local, remote, { now }).preview;

    expect(conflicts).toEqual([
      {
        table: 'providers',
        recordId: 'p1',
        field: 'name',
        local: { value: 'Local name', clock: at(5, 'devL') },
        remote: { value: 'Remote name', clock: at(6, 'devR') },
        winner: 'remote',
        reason: 'laterClock',
      },
    ]);
  });

  it('stores the winning value', () => {
    const { local, remote } = concurrentRenames();

    const merged = recordOf(mergeSnapshots(local, remote, { now }).snapshot, 'providers', 'p1');

    expect(merged?.name).toBe('Remote name');
  });

  it('names the local side when local wins', () => {
    const { local, remote } = concurrentRenames();

    const { conflicts } = mergeSnapshots(remote, local, { now }).preview;

    expect(onlyConflict(conflicts).winner).toBe('local');
  });

  it('skips a change the other side had seen', () => {
    // The remote device saw the local rename (clock 5) before it renamed again.
    const { local, remote } = concurrentRenames(at(5, 'devL'));

    const { conflicts } = mergeSnapshots(local, remote, { now }).preview;

    expect(conflicts).toEqual([]);
  });

  it('skips a remote change that local had seen', () => {
    const { local, remote } = concurrentRenames();
    const localSawRemote = { ...local, versionVector: { devL: at(5, 'devL'), devR: at(6, 'devR') } };

    const { conflicts } = mergeSnapshots(localSawRemote, remote, { now }).preview;

    expect(conflicts).toEqual([]);
  });

  it('skips equal values written twice', () => {
    const local = snapshot({
      records: { providers: [provider('p1', { ...base, fieldClocks: { name: at(5, 'devL') } }, { name: 'Same' })] },
    });
    const remote = snapshot({
      records: { providers: [provider('p1', { ...base, fieldClocks: { name: at(6, 'devR') } }, { name: 'Same' })] },
    });

    const { conflicts } = mergeSnapshots(local, remote, { now }).preview;

    expect(conflicts).toEqual([]);
  });

  it('lists conflicts between natural-key twins', () => {
    const local = snapshot({ records: { kpis: [kpi('kB', { clock: at(1, 'devL') }, { key: 'calls.answered', name: 'Answered' })] } });
    const remote = snapshot({
      records: { kpis: [kpi('kA', { clock: at(2, 'devR') }, { key: 'calls.answered', name: 'Calls answered' })] },
    });

    const conflict = onlyConflict(mergeSnapshots(local, remote, { now }).preview.conflicts);

    expect(conflict.recordId).toBe('kA');
    expect(conflict.field).toBe('name');
  });
});

describe('resolveConflictKeepOther', () => {
  it('writes the losing value with the fresh clock', () => {
    const { local, remote } = concurrentRenames();
    const conflict = onlyConflict(mergeSnapshots(local, remote, { now }).preview.conflicts);

    const write = resolveConflictKeepOther(conflict, at(7, 'devL'));

    expect(write).toEqual({ table: 'providers', recordId: 'p1', field: 'name', value: 'Local name', clock: at(7, 'devL') });
  });

  it('keeps the choice through the next merge', () => {
    const { local, remote } = concurrentRenames();
    const result = mergeSnapshots(local, remote, { now });
    const write = resolveConflictKeepOther(onlyConflict(result.preview.conflicts), at(7, 'devL'));
    const merged = recordOf(result.snapshot, 'providers', 'p1');
    if (merged === undefined) throw new Error('p1 missing');
    const withKeptValue = { ...result.snapshot, records: { ...result.snapshot.records, providers: [applyFieldWrite(merged, write)] } };

    const onOtherLaptop = recordOf(mergeSnapshots(remote, withKeptValue, { now }).snapshot, 'providers', 'p1');

    expect(onOtherLaptop?.name).toBe('Local name');
  });

  it('rejects a clock that would lose again', () => {
    const { local, remote } = concurrentRenames();
    const conflict = onlyConflict(mergeSnapshots(local, remote, { now }).preview.conflicts);

    const attempt = (): unknown => resolveConflictKeepOther(conflict, at(6, 'devA'));

    expect(attempt).toThrow(AppFailure);
    expect(attempt).toThrow('merge.staleClock');
  });

  it('rejects a clock that is not an HLC', () => {
    const { local, remote } = concurrentRenames();
    const conflict = onlyConflict(mergeSnapshots(local, remote, { now }).preview.conflicts);

    expect(() => resolveConflictKeepOther(conflict, 'tomorrow')).toThrow('merge.staleClock');
  });
});

describe('applyFieldWrite', () => {
  it('sets the field and its clock compactly', () => {
    const record = provider('p1', { clock: at(1, 'devL') });

    const written = applyFieldWrite(record, { table: 'providers', recordId: 'p1', field: 'name', value: 'New', clock: at(3, 'devL') });

    expect(written.name).toBe('New');
    expect(written.clock).toBe(at(1, 'devL'));
    expect(written.fieldClocks).toEqual({ name: at(3, 'devL') });
  });

  it('ignores a write older than the field', () => {
    const record = provider('p1', { clock: at(1, 'devL'), fieldClocks: { name: at(5, 'devL') } }, { name: 'Current' });

    const written = applyFieldWrite(record, { table: 'providers', recordId: 'p1', field: 'name', value: 'Old', clock: at(3, 'devR') });

    expect(written).toBe(record);
  });

  it('rejects a write for another record', () => {
    const record = provider('p1', { clock: at(1, 'devL') });

    expect(() =>
      applyFieldWrite(record, { table: 'providers', recordId: 'p2', field: 'name', value: 'New', clock: at(3, 'devL') }),
    ).toThrow(RangeError);
  });
});
