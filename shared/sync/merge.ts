/**
 * Merge of two portfolio snapshots: the state-based join that an import runs after its preview.
 *
 * Rules (`mergeTable.ts` has the per-table details):
 * - Fields: per field, the write with the later clock wins. A field absent from a record is no
 *   information, and a record absent from a snapshot is not a deletion. A scoped snapshot must
 *   still carry the natural-key and reference fields of the records it contains.
 * - Deletions: a tombstone removes its id for good, even when the other side edited the record
 *   later ("delete wins over concurrent edits"). "Later clock wins" would need the data of
 *   deleted records, which snapshots drop. Without it, the fields of a resurrected record would
 *   depend on which copies met the tombstone first, so the merge would not be associative.
 * - Natural keys: records of one table with the same natural key (`mergeNaturalKeys.ts`) fold
 *   into the one with the smallest id. References to the others are rewritten to it.
 *   Each snapshot must be fold-free on its own: no two of its records share a key. Every
 *   snapshot that Steerwise makes is, because the database and the repository reject a second
 *   record with a key, each merge folds twins, and the file reader rejects a file that is not
 *   (`checkNaturalKeys`). The merge therefore looks for twins only among the records it changes.
 * - Version vector: element-wise maximum of the two vectors, leaving out the vector of a
 *   `scoped` snapshot. A scoped snapshot carries its exporter's whole vector, which also covers
 *   writes that the snapshot leaves out. Taking it in would make the receiver believe it had seen
 *   them, so later conflicts and deleted edits on them would go unreported. The exporter's vector
 *   still decides conflicts and deleted edits in this merge, because it tells what the exporter
 *   had seen.
 *
 * The merge is commutative and idempotent. It is associative under two conditions. First,
 * natural-key fields are not edited in place. Second, no deletion is concurrent with the
 * creation, on another laptop, of a record that has the deleted record's natural key or refers
 * to a record with that key.
 * NOTE: for a concurrent same-key record, no merge of these snapshots can be associative,
 * because a tombstone does not record the natural key of the record it removed. For a
 * concurrent referring record, this merge loses which survivor a folded record went to once
 * that survivor is deleted, so the dangling reference may name either id. Laptops that merge
 * such states in different orders can differ after one exchange. Further exchanges bring them
 * to the same data, and the property tests check that three full exchanges suffice.
 */
import type { HlcString, Id, RecordTable, RecordTypes, Tombstone } from '../domain/types';
import { AppFailure } from '../errors';
import { placeholderClock } from './fieldClocks';
import { ClockCollector, reportClockSkew } from './mergeClocks';
import type { AnyRecord } from './mergeFields';
import { compareText, referenceResolver } from './mergeFields';
import { tableMergeOrder } from './mergeNaturalKeys';
import { mergeTableByJoin } from './mergeJoin';
import type { TableMergeInput, TableMergeOutput } from './mergeTable';
import type { DeletedEdit, FieldConflict, MergeDelta, MergeOptions, MergePreview, MergeResult, TableChangeCounts } from './mergeTypes';
import { defaultMaxClockSkewMs } from './mergeTypes';
import { isCovered, mergeVersionVectors } from './mergeVersionVector';
import type { PortfolioSnapshot, RecordsByTable, VersionVector } from './snapshot';
import { recordTables } from './snapshot';

/** The part of a snapshot's version vector that the merged vector takes in: none of a scoped snapshot's. */
function adoptedVector(snapshot: PortfolioSnapshot): VersionVector {
  return snapshot.scoped === true ? {} : snapshot.versionVector;
}

function tombstonesOf(snapshot: PortfolioSnapshot, table: RecordTable): Map<Id, HlcString> {
  const clocks = new Map<Id, HlcString>();
  for (const tombstone of snapshot.tombstones) {
    if (tombstone.table !== table) continue;
    const current = clocks.get(tombstone.id);
    if (current === undefined || tombstone.clock > current) clocks.set(tombstone.id, tombstone.clock);
  }
  return clocks;
}

/**
 * Merges `remote` into `local` and returns the merged snapshot, a preview relative to `local`,
 * and the writes that turn the local database into the merged snapshot. Pure: `options.now`
 * only feeds the clock skew report. Throws `AppFailure` with `merge.portfolioMismatch` when the
 * snapshots belong to different portfolios, or `merge.invalidClock` on a malformed clock.
 */
export function mergeSnapshots(local: PortfolioSnapshot, remote: PortfolioSnapshot, options: MergeOptions): MergeResult {
  return mergeSnapshotsWith(mergeTableByJoin, local, remote, options);
}

/**
 * Runs `mergeSnapshots` with another merge of one table. `mergeFull.ts` passes `mergeTable`,
 * which compares every record, to check that both give the same result.
 */
export function mergeSnapshotsWith(
  mergeTable: (input: TableMergeInput) => TableMergeOutput,
  local: PortfolioSnapshot,
  remote: PortfolioSnapshot,
  options: MergeOptions,
): MergeResult {
  if (local.portfolioId !== remote.portfolioId) {
    throw new AppFailure({
      code: 'merge.portfolioMismatch',
      detail: { localPortfolioId: local.portfolioId, remotePortfolioId: remote.portfolioId },
    });
  }
  // The table merges check the record clocks as they read the records (`ClockCollector`).
  const localClocks = new ClockCollector('local', (clock) => clock === placeholderClock);
  const remoteClocks = new ClockCollector('remote', (clock) => !isCovered(clock, local.versionVector));
  for (const [collector, snapshot] of [
    [localClocks, local],
    [remoteClocks, remote],
  ] as const) {
    collector.visitTombstones(snapshot.tombstones);
    collector.visitVector(snapshot.versionVector);
  }

  const redirects = new Map<RecordTable, Map<Id, Id>>();
  const outputs = {} as Record<RecordTable, TableMergeOutput>;
  const localTombstones = {} as Record<RecordTable, ReadonlyMap<Id, HlcString>>;
  for (const table of tableMergeOrder) {
    localTombstones[table] = tombstonesOf(local, table);
    const output = mergeTable({
      table,
      local: local.records[table] as unknown as readonly AnyRecord[],
      remote: remote.records[table] as unknown as readonly AnyRecord[],
      localTombstones: localTombstones[table],
      remoteTombstones: tombstonesOf(remote, table),
      localVector: local.versionVector,
      remoteVector: remote.versionVector,
      resolve: referenceResolver(table, redirects),
      localClocks,
      remoteClocks,
      // A scoped snapshot's vector covers writes that the snapshot leaves out.
      localSeesAll: local.scoped !== true,
    });
    outputs[table] = output;
    redirects.set(table, output.redirects);
  }
  const clockSkew = reportClockSkew(remoteClocks.clocks(), options.now, options.maxClockSkewMs ?? defaultMaxClockSkewMs);
  return assembleResult(local, remote, outputs, localTombstones, clockSkew);
}

function assembleResult(
  local: PortfolioSnapshot,
  remote: PortfolioSnapshot,
  outputs: Readonly<Record<RecordTable, TableMergeOutput>>,
  localTombstones: Readonly<Record<RecordTable, ReadonlyMap<Id, HlcString>>>,
  clockSkew: MergePreview['clockSkew'],
): MergeResult {
  const records = {} as Record<RecordTable, AnyRecord[]>;
  const counts = {} as Record<RecordTable, TableChangeCounts>;
  const deltaTables = {} as Record<RecordTable, { put: AnyRecord[]; delete: Id[] }>;
  const tombstones: Tombstone[] = [];
  const conflicts: FieldConflict[] = [];
  const deletedEdits: DeletedEdit[] = [];

  const changedTombstones: Tombstone[] = [];

  for (const table of recordTables) {
    const output = outputs[table];
    records[table] = output.records;
    counts[table] = output.counts;
    deltaTables[table] = { put: output.put, delete: output.delete };
    conflicts.push(...output.conflicts);
    deletedEdits.push(...output.deletedEdits);

    const ids = [...output.tombstones.keys()].sort(compareText);
    for (const id of ids) {
      const clock = output.tombstones.get(id) ?? '';
      const tombstone: Tombstone = { id, table, clock };
      tombstones.push(tombstone);
      if (localTombstones[table].get(id) !== clock) changedTombstones.push(tombstone);
    }
  }

  const snapshot: PortfolioSnapshot = {
    portfolioId: local.portfolioId,
    portfolioName: local.portfolioName,
    deviceId: local.deviceId,
    records: records as unknown as RecordsByTable,
    tombstones,
    versionVector: mergeVersionVectors(adoptedVector(local), adoptedVector(remote)),
  };
  const preview: MergePreview = { tables: counts, conflicts, deletedEdits, clockSkew };
  const delta: MergeDelta = {
    tables: deltaTables as unknown as {
      readonly [T in RecordTable]: { readonly put: readonly RecordTypes[T][]; readonly delete: readonly Id[] };
    },
    tombstones: changedTombstones,
  };
  return { snapshot, preview, delta };
}
