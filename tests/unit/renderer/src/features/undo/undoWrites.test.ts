/** Undo of record edits against a real Dexie database (fake-indexeddb): what is restored, and what is rejected. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { contractGovernanceDefaults, providerProfileDefaults } from '../../../../../../shared/domain/profileDefaults';
import type { ContractData, ProviderData } from '../../../../../../shared/domain/types';
import type { PortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { deleteRecord, insertRecord, updateRecord } from '../../../../../../renderer/src/db/repository';
import type { ObservedWrite } from '../../../../../../renderer/src/db/repository';
import { renameProvider, saveContractTerms } from '../../../../../../renderer/src/features/portfolio/providerEdits';
import { recordUndoable } from '../../../../../../renderer/src/features/undo/recordUndoable';
import { maxUndoEntries, useUndoStore } from '../../../../../../renderer/src/features/undo/undoStore';
import { revertsOf, undoWrites } from '../../../../../../renderer/src/features/undo/undoWrites';
import { openTestDb, testContext } from '../../../db/factories';

const acme: ProviderData = { code: 'AC1', name: 'Acme Services', formerNames: [], ...providerProfileDefaults };

function contractOf(providerId: string): ContractData {
  return {
    providerId,
    title: 'Contact centre',
    startDate: '2025-01-01',
    endDate: null,
    currency: 'GBP',
    annualValueMinor: null,
    monthlyChargesMinor: 100_000,
    atRiskPercent: 10,
    ...contractGovernanceDefaults,
  };
}

let db: PortfolioDb;
const context = testContext();

beforeEach(async () => {
  db = await openTestDb();
  useUndoStore.setState({ entries: [], toast: null });
});

afterEach(() => {
  db.close();
});

/** Takes the newest undo entry of the test database, failing the test when there is none. */
function takeLast(): readonly ObservedWrite[] {
  const entry = useUndoStore.getState().takeLast(db.name);
  if (entry === null) throw new Error('the undo stack is empty');
  return entry.writes;
}

describe('recordUndoable', () => {
  test('rename pushes one entry and toast', async () => {
    const provider = await insertRecord(db, 'providers', acme, context);
    await recordUndoable(db, 'renaming', context, (observed) => renameProvider(db, provider.id, 'Acme Group', observed));

    const state = useUndoStore.getState();
    expect(state.entries).toHaveLength(1);
    expect(state.entries[0]?.writes.map((write) => write.kind)).toEqual(['update']);
    expect(state.toast).toEqual({ kind: 'saved', serial: state.entries[0]?.serial, label: 'renaming' });
  });

  test('unchanged write adds no entry', async () => {
    const provider = await insertRecord(db, 'providers', acme, context);
    await recordUndoable(db, 'same name', context, (observed) => updateRecord(db, 'providers', provider.id, { name: acme.name }, observed));
    expect(useUndoStore.getState().entries).toHaveLength(0);
    expect(useUndoStore.getState().toast).toBeNull();
  });

  test('rejected write adds no entry', async () => {
    const write = recordUndoable(db, 'missing', context, (observed) =>
      updateRecord(db, 'providers', 'no-such-id', { name: 'X' }, observed),
    );
    await expect(write).rejects.toThrow();
    expect(useUndoStore.getState().entries).toHaveLength(0);
  });

  test('deletion is saved but not offered', async () => {
    const provider = await insertRecord(db, 'providers', acme, context);
    await recordUndoable(db, 'deleting Acme', context, (observed) => deleteRecord(db, 'providers', provider.id, observed));
    expect(useUndoStore.getState().entries).toHaveLength(0);
    expect(useUndoStore.getState().toast).toEqual({ kind: 'savedNoUndo', label: 'deleting Acme' });
  });

  test('plain deletion empties the stack', async () => {
    const provider = await insertRecord(db, 'providers', acme, context);
    const other = await insertRecord(db, 'providers', { ...acme, code: 'AC2', name: 'Other' }, context);
    await recordUndoable(db, 'renaming', context, (observed) => renameProvider(db, provider.id, 'Acme Group', observed));
    expect(useUndoStore.getState().entries).toHaveLength(1);

    await deleteRecord(db, 'providers', other.id, context);
    expect(useUndoStore.getState().entries).toHaveLength(0);
    expect(useUndoStore.getState().takeLast(db.name)).toBeNull();
    expect(useUndoStore.getState().toast).toEqual({ kind: 'deletedNoUndo' });
  });

  test('undoable deletion empties the stack', async () => {
    const provider = await insertRecord(db, 'providers', acme, context);
    const other = await insertRecord(db, 'providers', { ...acme, code: 'AC2', name: 'Other' }, context);
    await recordUndoable(db, 'renaming', context, (observed) => renameProvider(db, provider.id, 'Acme Group', observed));
    await recordUndoable(db, 'deleting Other', context, (observed) => deleteRecord(db, 'providers', other.id, observed));
    expect(useUndoStore.getState().entries).toHaveLength(0);
  });

  test('stack keeps the newest edits', async () => {
    const provider = await insertRecord(db, 'providers', acme, context);
    for (let index = 1; index <= maxUndoEntries + 5; index += 1) {
      await recordUndoable(db, `rename ${String(index)}`, context, (observed) =>
        updateRecord(db, 'providers', provider.id, { legalEntity: `Entity ${String(index)}` }, observed),
      );
    }
    const labels = useUndoStore.getState().entries.map((entry) => entry.label);
    expect(labels).toHaveLength(maxUndoEntries);
    expect(labels[0]).toBe('rename 6');
    expect(labels.at(-1)).toBe(`rename ${String(maxUndoEntries + 5)}`);
  });

  test('other portfolio entries are skipped', async () => {
    const provider = await insertRecord(db, 'providers', acme, context);
    await recordUndoable(db, 'here', context, (observed) => updateRecord(db, 'providers', provider.id, { legalEntity: 'A' }, observed));
    useUndoStore
      .getState()
      .recordEdit('another-portfolio', 'there', [{ kind: 'update', table: 'providers', id: 'x', clock: 'c', changes: {} }]);
    expect(useUndoStore.getState().takeLast(db.name)?.label).toBe('here');
    useUndoStore.getState().keepOnly(db.name);
    expect(useUndoStore.getState().entries).toHaveLength(0);
  });
});

describe('undoWrites', () => {
  test('rename is undone as a new change', async () => {
    const provider = await insertRecord(db, 'providers', acme, context);
    await recordUndoable(db, 'renaming', context, (observed) => renameProvider(db, provider.id, 'Acme Group', observed));
    const renamed = await db.providers.get(provider.id);

    const outcome = await undoWrites(db, takeLast(), context);

    expect(outcome.kind).toBe('undone');
    const restored = await db.providers.get(provider.id);
    expect(restored?.name).toBe('Acme Services');
    expect(restored?.formerNames).toEqual([]);
    expect(restored?.fieldClocks.name).toBeDefined();
    expect(String(restored?.fieldClocks.name) > String(renamed?.fieldClocks.name)).toBe(true);
    const audit = await db.audit.where('recordId').equals(provider.id).toArray();
    expect(audit).toHaveLength(3);
    expect(audit.at(-1)?.changes.name).toEqual({ old: 'Acme Group', new: 'Acme Services' });
  });

  test('edits are undone newest first', async () => {
    const provider = await insertRecord(db, 'providers', acme, context);
    const contract = await insertRecord(db, 'contracts', contractOf(provider.id), context);
    await recordUndoable(db, 'first', context, (observed) =>
      saveContractTerms(db, contract.id, { monthlyChargesMinor: 200_000, atRiskPercent: 12 }, observed),
    );
    await recordUndoable(db, 'second', context, (observed) =>
      saveContractTerms(db, contract.id, { monthlyChargesMinor: 300_000, atRiskPercent: 12 }, observed),
    );

    const second = await undoWrites(db, takeLast(), context);
    expect(second.kind).toBe('undone');
    expect((await db.contracts.get(contract.id))?.monthlyChargesMinor).toBe(200_000);
    const undoClocks = new Set(second.kind === 'undone' ? second.clocks : []);
    expect((await undoWrites(db, takeLast(), context, undoClocks)).kind).toBe('undone');
    const restored = await db.contracts.get(contract.id);
    expect(restored?.monthlyChargesMinor).toBe(100_000);
    expect(restored?.atRiskPercent).toBe(10);
  });

  test('creation is undone by deletion', async () => {
    const provider = await insertRecord(db, 'providers', acme, context);
    await recordUndoable(db, 'adding a contract', context, (observed) => insertRecord(db, 'contracts', contractOf(provider.id), observed));
    const writes = takeLast();

    expect((await undoWrites(db, writes, context)).kind).toBe('undone');
    expect(await db.contracts.count()).toBe(0);
    expect(await db.tombstones.count()).toBe(1);
  });

  test('record changed since is rejected', async () => {
    const provider = await insertRecord(db, 'providers', acme, context);
    await recordUndoable(db, 'renaming', context, (observed) => renameProvider(db, provider.id, 'Acme Group', observed));
    await updateRecord(db, 'providers', provider.id, { legalEntity: 'Acme Ltd' }, context);
    const auditBefore = await db.audit.count();

    const outcome = await undoWrites(db, takeLast(), context);

    expect(outcome).toEqual({ kind: 'changedSince', table: 'providers', id: provider.id });
    expect((await db.providers.get(provider.id))?.name).toBe('Acme Group');
    expect(await db.audit.count()).toBe(auditBefore);
  });

  test('edit between two undone edits rejects', async () => {
    const provider = await insertRecord(db, 'providers', acme, context);
    await recordUndoable(db, 'first', context, (observed) => updateRecord(db, 'providers', provider.id, { legalEntity: 'A' }, observed));
    await updateRecord(db, 'providers', provider.id, { legalEntity: 'B' }, context);
    await recordUndoable(db, 'second', context, (observed) => updateRecord(db, 'providers', provider.id, { legalEntity: 'C' }, observed));

    const second = await undoWrites(db, takeLast(), context);
    expect((await db.providers.get(provider.id))?.legalEntity).toBe('B');
    const undoClocks = new Set(second.kind === 'undone' ? second.clocks : []);
    expect((await undoWrites(db, takeLast(), context, undoClocks)).kind).toBe('changedSince');
    expect((await db.providers.get(provider.id))?.legalEntity).toBe('B');
  });

  test('record deleted since is rejected', async () => {
    // A local deletion empties the stack, so the entry is taken first, as a merge that deletes the record would leave it.
    const provider = await insertRecord(db, 'providers', acme, context);
    await recordUndoable(db, 'renaming', context, (observed) => renameProvider(db, provider.id, 'Acme Group', observed));
    const writes = takeLast();
    await deleteRecord(db, 'providers', provider.id, context);

    expect(await undoWrites(db, writes, context)).toEqual({ kind: 'deletedSince', table: 'providers', id: provider.id });
  });

  test('one stale record blocks the whole edit', async () => {
    const provider = await insertRecord(db, 'providers', acme, context);
    const contract = await insertRecord(db, 'contracts', contractOf(provider.id), context);
    await recordUndoable(db, 'two records', context, async (observed) => {
      await updateRecord(db, 'providers', provider.id, { legalEntity: 'Acme Ltd' }, observed);
      await updateRecord(db, 'contracts', contract.id, { title: 'Renamed contract' }, observed);
    });
    await updateRecord(db, 'contracts', contract.id, { currency: 'EUR' }, context);

    expect((await undoWrites(db, takeLast(), context)).kind).toBe('changedSince');
    expect((await db.providers.get(provider.id))?.legalEntity).toBe('Acme Ltd');
    expect((await db.contracts.get(contract.id))?.title).toBe('Renamed contract');
  });
});

describe('revertsOf', () => {
  test('keeps the value before the first write', () => {
    const reverts = revertsOf([
      { kind: 'update', table: 'providers', id: 'p', clock: 'c1', changes: { name: { old: 'A', new: 'B' } } },
      { kind: 'update', table: 'providers', id: 'p', clock: 'c2', changes: { name: { old: 'B', new: 'C' }, tier: { old: null, new: 1 } } },
    ]);
    expect(reverts).toEqual([{ table: 'providers', id: 'p', created: false, before: { name: 'A', tier: null }, lastClock: 'c2' }]);
  });

  test('created record stays created', () => {
    const reverts = revertsOf([
      { kind: 'insert', table: 'contracts', id: 'c', clock: 'c1', changes: { title: { old: null, new: 'T' } } },
      { kind: 'update', table: 'contracts', id: 'c', clock: 'c2', changes: { title: { old: 'T', new: 'U' } } },
    ]);
    expect(reverts).toEqual([{ table: 'contracts', id: 'c', created: true, before: {}, lastClock: 'c2' }]);
  });
});
