/**
 * Merging a scoped file back into the full portfolio: what it left out is neither deleted nor
 * blanked, its real edits merge, and its version vector never makes the receiver believe it has
 * seen writes the file did not carry.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Contract, HlcString, Measurement, Provider, RecordTable } from '../../../../shared/domain/types';
import { commercialFieldsOf } from '../../../../shared/domain/commercialTerms';
import { readPortfolioFile, scopeSnapshot, writePortfolioFile } from '../../../../shared/file';
import type { ExportScope } from '../../../../shared/file';
import { fieldClock, placeholderClock } from '../../../../shared/sync/fieldClocks';
import { packHlc } from '../../../../shared/sync/hlc';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import type { MergeResult } from '../../../../shared/sync/mergeTypes';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';
import { recordTables } from '../../../../shared/sync/snapshot';
import { valueOf } from '../../../support/node/results';
import { operationArbitrary, runScenario, scenarioArbitrary } from '../sync/mergeSimulation';
import type { Operation } from '../sync/mergeSimulation';
import { goldenIds, goldenMetadata, goldenSnapshot } from './goldenSnapshot';

/** Laptop B, which has the golden portfolio, as merged from the exporting laptop A. */
const laptopB = 'b0b0b0b0b0b0';
const now = Date.parse('2026-03-01T12:00:00.000Z');

function clockOfB(instant: string): HlcString {
  return packHlc({ wallMs: Date.parse(instant), counter: 0, deviceId: laptopB });
}

/** Returns `record` with `patch` written at `clock`, as a repository update stamps it. */
function edited<R extends { readonly fieldClocks: Readonly<Record<string, HlcString>> }>(
  record: R,
  patch: Partial<R>,
  clock: HlcString,
): R {
  const fieldClocks = { ...record.fieldClocks };
  for (const field of Object.keys(patch)) fieldClocks[field] = clock;
  return { ...record, ...patch, fieldClocks };
}

function replaceRecord<T extends RecordTable>(
  snapshot: PortfolioSnapshot,
  table: T,
  record: PortfolioSnapshot['records'][T][number],
): PortfolioSnapshot {
  const records = snapshot.records[table].map((item) => (item.id === record.id ? record : item));
  return { ...snapshot, records: { ...snapshot.records, [table]: records } };
}

function withVectorEntry(snapshot: PortfolioSnapshot, clock: HlcString): PortfolioSnapshot {
  return { ...snapshot, versionVector: { ...snapshot.versionVector, [laptopB]: clock } };
}

/** Writes a scoped export of `snapshot` and reads it back, as the receiving laptop gets it. */
async function exportScoped(snapshot: PortfolioSnapshot, scope: ExportScope): Promise<PortfolioSnapshot> {
  const bytes = await writePortfolioFile(scopeSnapshot(snapshot, scope), { ...goldenMetadata, scope });
  return valueOf(await readPortfolioFile(bytes, 'scoped.steerwise')).snapshot;
}

function merge(local: PortfolioSnapshot, remote: PortfolioSnapshot): MergeResult {
  return mergeSnapshots(local, remote, { now });
}

function removedCounts(result: MergeResult): number[] {
  return recordTables.flatMap((table) => [result.preview.tables[table].deleted, result.preview.tables[table].mergedByNaturalKey]);
}

const oneProviderWithoutTerms: ExportScope = { providerIds: [goldenIds.northEast], withoutCommercialTerms: true };

const northEast = goldenSnapshot.records.providers.find((provider) => provider.id === goldenIds.northEast)!;
const lincolnshire = goldenSnapshot.records.providers.find((provider) => provider.id === goldenIds.lincolnshire)!;
const contract = goldenSnapshot.records.contracts[0]!;
const lincolnshireMonth = goldenSnapshot.records.measurements.find((measurement) => measurement.providerId === goldenIds.lincolnshire)!;

/**
 * Laptop B's portfolio after its own edits: North East renamed and its contract value raised
 * (both in the scope's provider), and Lincolnshire renamed and one of its months corrected
 * (outside the scope).
 */
const renamedAt = clockOfB('2026-02-20T10:00:00.000Z');
const onLaptopB: PortfolioSnapshot = withVectorEntry(
  [
    (state: PortfolioSnapshot) =>
      replaceRecord(state, 'providers', edited<Provider>(northEast, { name: 'NORTH EAST AMBULANCE NHS 111' }, renamedAt)),
    (state: PortfolioSnapshot) =>
      replaceRecord(state, 'contracts', edited<Contract>(contract, { annualValueMinor: 330_000_000 }, renamedAt)),
    (state: PortfolioSnapshot) =>
      replaceRecord(state, 'providers', edited<Provider>(lincolnshire, { name: 'LINCS NHS 111 (EMAS)' }, renamedAt)),
    (state: PortfolioSnapshot) =>
      replaceRecord(state, 'measurements', edited<Measurement>(lincolnshireMonth, { numerator: 15700 }, renamedAt)),
  ].reduce((state, step) => step(state), { ...goldenSnapshot, deviceId: laptopB }),
  renamedAt,
);

describe('scoped file merged back into the full portfolio', () => {
  test('merges the rename of its provider', async () => {
    const merged = merge(goldenSnapshot, await exportScoped(onLaptopB, oneProviderWithoutTerms)).snapshot;
    expect(merged.records.providers.find((provider) => provider.id === goldenIds.northEast)?.name).toBe('NORTH EAST AMBULANCE NHS 111');
  });

  test('deletes no record and counts no deletion', async () => {
    const result = merge(goldenSnapshot, await exportScoped(onLaptopB, oneProviderWithoutTerms));
    expect(removedCounts(result).every((count) => count === 0)).toBe(true);
    for (const table of recordTables) {
      expect(result.snapshot.records[table].map((record) => record.id).sort()).toEqual(
        goldenSnapshot.records[table].map((record) => record.id).sort(),
      );
    }
    expect(result.snapshot.tombstones).toEqual(goldenSnapshot.tombstones);
  });

  test('keeps the contract value it left out', async () => {
    const merged = merge(goldenSnapshot, await exportScoped(onLaptopB, oneProviderWithoutTerms)).snapshot;
    expect(merged.records.contracts[0]).toEqual(contract);
  });

  test('keeps the other provider as it was', async () => {
    const merged = merge(goldenSnapshot, await exportScoped(onLaptopB, oneProviderWithoutTerms)).snapshot;
    expect(merged.records.providers.find((provider) => provider.id === goldenIds.lincolnshire)).toEqual(lincolnshire);
    expect(merged.records.measurements.find((measurement) => measurement.id === lincolnshireMonth.id)).toEqual(lincolnshireMonth);
  });

  test('changes only the renamed provider', async () => {
    const { preview } = merge(goldenSnapshot, await exportScoped(onLaptopB, oneProviderWithoutTerms));
    expect(preview.tables.providers).toEqual({ added: 0, changed: 1, deleted: 0, mergedByNaturalKey: 0 });
    expect(preview.conflicts).toEqual([]);
  });

  test('merges its contract value when it carries commercial terms', async () => {
    const merged = merge(goldenSnapshot, await exportScoped(onLaptopB, { providerIds: [goldenIds.northEast] })).snapshot;
    expect(merged.records.contracts[0]?.annualValueMinor).toBe(330_000_000);
  });

  test('leaves the receiver version vector as it was', async () => {
    const merged = merge(goldenSnapshot, await exportScoped(onLaptopB, oneProviderWithoutTerms)).snapshot;
    expect(merged.versionVector).toEqual(goldenSnapshot.versionVector);
  });

  test('adds a new contract with a placeholder', async () => {
    const newContract: Contract = {
      ...contract,
      id: '019c1d94-e000-7000-8000-000000000001',
      clock: renamedAt,
      fieldClocks: {},
      title: 'Out of hours',
      annualValueMinor: 12_000_000,
    };
    const withContract = { ...onLaptopB, records: { ...onLaptopB.records, contracts: [...onLaptopB.records.contracts, newContract] } };

    const first = merge(goldenSnapshot, await exportScoped(withContract, oneProviderWithoutTerms));
    const added = first.snapshot.records.contracts.find((item) => item.id === newContract.id);
    expect(added?.annualValueMinor).toBeNull();
    expect(added).toBeDefined();
    expect(fieldClock(added ?? newContract, 'annualValueMinor')).toBe(placeholderClock);

    const second = merge(first.snapshot, withContract);
    expect(second.snapshot.records.contracts.find((item) => item.id === newContract.id)?.annualValueMinor).toBe(12_000_000);
    expect(second.preview.conflicts).toEqual([]);
  });
});

describe('version vector of a scoped file', () => {
  const lincolnshireEditedOnA = clockOfB('2026-02-25T09:00:00.000Z').replace(laptopB, 'a1b2c3d4e5f6');

  /** Laptop A after merging the scoped file, or, for the counter-example, after taking in its vector too. */
  async function laptopAAfterScopedMerge(adoptVector: boolean): Promise<PortfolioSnapshot> {
    const scoped = await exportScoped(onLaptopB, oneProviderWithoutTerms);
    return merge(goldenSnapshot, adoptVector ? { ...scoped, scoped: false } : scoped).snapshot;
  }

  test('keeps a later conflict on a left-out field visible', async () => {
    const laptopA = await laptopAAfterScopedMerge(false);
    const renamedOnA = replaceRecord(
      laptopA,
      'providers',
      edited<Provider>(lincolnshire, { name: 'LINCOLNSHIRE IC24' }, lincolnshireEditedOnA),
    );
    const conflicts = merge(renamedOnA, onLaptopB).preview.conflicts;
    expect(conflicts.map((conflict) => `${conflict.recordId} ${conflict.field}`)).toEqual([`${goldenIds.lincolnshire} name`]);
  });

  test('would hide that conflict if it were taken in', async () => {
    const laptopA = await laptopAAfterScopedMerge(true);
    const renamedOnA = replaceRecord(
      laptopA,
      'providers',
      edited<Provider>(lincolnshire, { name: 'LINCOLNSHIRE IC24' }, lincolnshireEditedOnA),
    );
    expect(merge(renamedOnA, onLaptopB).preview.conflicts).toEqual([]);
  });

  test('keeps an edit that a later deletion discards visible', async () => {
    const laptopA = await laptopAAfterScopedMerge(false);
    const deletedOnA: PortfolioSnapshot = {
      ...laptopA,
      records: {
        ...laptopA.records,
        measurements: laptopA.records.measurements.filter((measurement) => measurement.id !== lincolnshireMonth.id),
      },
      tombstones: [...laptopA.tombstones, { id: lincolnshireMonth.id, table: 'measurements', clock: lincolnshireEditedOnA }],
    };
    const { deletedEdits } = merge(deletedOnA, onLaptopB).preview;
    expect(deletedEdits).toEqual([
      {
        table: 'measurements',
        recordId: lincolnshireMonth.id,
        deletedOn: 'local',
        deletionClock: lincolnshireEditedOnA,
        editClock: renamedAt,
      },
    ]);
  });

  test('would hide that discarded edit if it were taken in', async () => {
    const laptopA = await laptopAAfterScopedMerge(true);
    const deletedOnA: PortfolioSnapshot = {
      ...laptopA,
      records: {
        ...laptopA.records,
        measurements: laptopA.records.measurements.filter((measurement) => measurement.id !== lincolnshireMonth.id),
      },
      tombstones: [...laptopA.tombstones, { id: lincolnshireMonth.id, table: 'measurements', clock: lincolnshireEditedOnA }],
    };
    expect(merge(deletedOnA, onLaptopB).preview.deletedEdits).toEqual([]);
  });

  test('still decides conflicts of the fields it carries', async () => {
    // Laptop A renamed North East too, after B exported: both sides changed the name unseen.
    const renamedOnA = replaceRecord(
      goldenSnapshot,
      'providers',
      edited<Provider>(northEast, { name: 'NORTH EAST NHS 111 (YAS)' }, lincolnshireEditedOnA),
    );
    const conflicts = merge(renamedOnA, await exportScoped(onLaptopB, oneProviderWithoutTerms)).preview.conflicts;
    expect(conflicts.map((conflict) => [conflict.recordId, conflict.field, conflict.winner])).toEqual([
      [goldenIds.northEast, 'name', 'local'],
    ]);
  });
});

/**
 * Edits of laptop 1 alone: every operation but a sync or a deletion, moved to that laptop. A
 * deletion followed by an import would create a record with the deleted one's natural key, which
 * the merge folds into the local record, so its values would come from a record with another id.
 * Scoped files carry no tombstones, which `scopeSnapshot`'s tests check.
 */
const ownOperation: fc.Arbitrary<Operation> = operationArbitrary
  .filter((operation) => operation.kind !== 'sync' && operation.kind !== 'delete')
  .map((operation) => ({ ...operation, laptop: 1 }));

type AnyRecord = Readonly<Record<string, unknown>> & {
  readonly id: string;
  readonly clock: HlcString;
  readonly fieldClocks: Readonly<Record<string, HlcString>>;
};

function tombstoneKeys(snapshot: PortfolioSnapshot): string[] {
  return snapshot.tombstones.map((tombstone) => `${tombstone.table}/${tombstone.id}/${tombstone.clock}`).sort();
}

function recordsOf(snapshot: PortfolioSnapshot, table: RecordTable): readonly AnyRecord[] {
  return snapshot.records[table] as unknown as readonly AnyRecord[];
}

describe('scoped merge property', () => {
  test('never deletes or blanks what the file left out, and merges its edits', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArbitrary,
        fc.array(ownOperation, { minLength: 1, maxLength: 25 }),
        fc.nat(),
        fc.boolean(),
        async (scenario, operations, pick, leaveOutTerms) => {
          const simulation = runScenario(scenario, { avoidConcurrentTwinDeletes: true });
          const [full, editor] = simulation.laptops;
          if (full === undefined || editor === undefined) throw new Error('the simulation has three laptops');
          editor.load(full.snapshot());
          for (const operation of operations) simulation.run(operation);

          const local = full.snapshot();
          const edited = editor.snapshot();
          const provider = edited.records.providers[pick % Math.max(edited.records.providers.length, 1)];
          const scope: ExportScope = {
            ...(provider === undefined ? {} : { providerIds: [provider.id] }),
            ...(leaveOutTerms ? { withoutCommercialTerms: true } : {}),
          };
          if (Object.keys(scope).length === 0) return;

          const remote = await exportScoped(edited, scope);
          const result = merge(local, remote);
          const merged = result.snapshot;

          expect(removedCounts(result).every((count) => count === 0)).toBe(true);
          expect(merged.versionVector).toEqual(local.versionVector);
          expect(tombstoneKeys(merged)).toEqual(tombstoneKeys(local));

          for (const table of recordTables) {
            const mergedById = new Map(recordsOf(merged, table).map((record) => [record.id, record]));
            const remoteById = new Map(recordsOf(remote, table).map((record) => [record.id, record]));
            const commercial = new Set(leaveOutTerms ? commercialFieldsOf(table) : []);
            for (const record of recordsOf(local, table)) {
              const after = mergedById.get(record.id);
              expect(after, `${table} ${record.id} is still there`).toBeDefined();
              if (after === undefined) continue;
              const carried = remoteById.get(record.id);
              for (const field of Object.keys(record).filter((key) => key !== 'id' && key !== 'clock' && key !== 'fieldClocks')) {
                const leftOut = carried === undefined || commercial.has(field);
                const winner = !leftOut && fieldClock(carried, field) > fieldClock(record, field) ? carried : record;
                expect(after[field], `${table} ${record.id} ${field}`).toEqual(winner[field]);
                expect(fieldClock(after, field)).toBe(fieldClock(winner, field));
              }
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
