/**
 * The portfolio database as a `PortfolioSnapshot`, and the write of a merge result back into it:
 * the two database steps around `mergeSnapshots` when a portfolio file is imported.
 */
import type { AuditEntry, HlcString, Id, RecordTable, SyncFields } from '@shared/domain/types';
import { parseHlc } from '@shared/sync/hlc';
import { markInIdOrder } from '@shared/sync/idOrder';
import { latestClockOfDelta } from '@shared/sync/mergeClocks';
import { applyFieldWrite, resolveConflictKeepOther } from '@shared/sync/mergeKeepOther';
import type { FieldConflict, FieldWrite, MergeDelta, MergeResult } from '@shared/sync/mergeTypes';
import { mergeVersionVectors } from '@shared/sync/mergeVersionVector';
import type { PortfolioSnapshot, RecordsByTable, VersionVector } from '@shared/sync/snapshot';
import { recordTables } from '@shared/sync/snapshot';
import { recordAuditEntry } from './auditEntries';
import type { FieldChanges } from './auditEntries';
import type { DeviceContext } from './clockStore';
import type { PortfolioDb } from './portfolioDb';
import { toStorageFailure } from './storageErrors';
import { latestClockOf, readVersionVector, storeMergedVersionVector } from './versionVector';

/** Portfolio id and name, which the catalogue stores and the portfolio database does not. */
export interface PortfolioIdentity {
  readonly id: string;
  readonly name: string;
}

/** Clock that a merge advances, such as the `SessionClock` of `clockStore.ts`. */
export interface ReceivingClock {
  receive(remote: HlcString): HlcString;
}

function allTables(db: PortfolioDb) {
  return [...recordTables.map((table) => db.recordTable(table)), db.tombstones, db.meta];
}

/**
 * Reads every record of every record table, the tombstones and the version vector in one
 * read-only transaction, so the snapshot is consistent even while other writes run. Records come
 * in id order. Rejects with a storage `AppFailure` (detail `database`) when the read fails.
 */
export async function readSnapshot(db: PortfolioDb, portfolio: PortfolioIdentity, deviceId: string): Promise<PortfolioSnapshot> {
  try {
    return await db.transaction('r', allTables(db), async () => {
      // IndexedDB returns records in primary key order, which is the id order the merge joins in.
      const tables = await Promise.all(
        recordTables.map(async (table) => [table, markInIdOrder(await db.recordTable(table).toArray())] as const),
      );
      const [tombstones, versionVector] = await Promise.all([db.tombstones.toArray(), readVersionVector(db)]);
      const records = Object.fromEntries(tables) as unknown as RecordsByTable;
      return { portfolioId: portfolio.id, portfolioName: portfolio.name, deviceId, records, tombstones, versionVector };
    });
  } catch (error) {
    throw toStorageFailure(error, { database: db.name });
  }
}

/**
 * Writes a merge delta in one read-write transaction: deletions of every table first, then puts,
 * then tombstones, then the element-wise maximum of the stored and the merged version vector.
 * Deletions go first so that a put may take the natural key (KPI `key`, measurement provider,
 * KPI and period, both unique indexes) of a record the same delta deletes.
 * NOTE: two puts that swap natural keys between records would still violate a unique index. The
 * merge produces such a delta only after an in-place edit of a natural-key field.
 *
 * On any failure nothing is written and the promise rejects with the storage `AppFailure`
 * (`storage.quotaExceeded` or `storage.writeFailed`, detail `database` and `operation`). A
 * malformed clock in `versionVector` rejects with `merge.invalidClock` before anything is
 * written. After the commit, `session` receives the latest clock of the vector and of the
 * delta, so that later local edits order after every merged one. The delta counts because the
 * merged vector leaves out the writes of a scoped file (see `shared/sync/merge.ts`).
 */
export async function applyMergeDelta(
  db: PortfolioDb,
  delta: MergeDelta,
  versionVector: VersionVector,
  session?: ReceivingClock,
): Promise<void> {
  const latest = latestClockOf(versionVector);
  const latestWritten = latestClockOfDelta(delta);
  await writeMerge(db, delta, versionVector, []);
  if (latest !== null && session !== undefined) session.receive(latest);
  if (latestWritten !== null && session !== undefined) session.receive(latestWritten);
}

/**
 * Writes a merge delta, the merged version vector and `auditEntries` in one read-write
 * transaction, in the order `applyMergeDelta` describes. Rejects with the storage `AppFailure`
 * and writes nothing when any step fails.
 */
async function writeMerge(
  db: PortfolioDb,
  delta: MergeDelta,
  versionVector: VersionVector,
  auditEntries: readonly AuditEntry[],
): Promise<void> {
  try {
    await db.transaction('rw', [...allTables(db), db.audit], async () => {
      for (const table of recordTables) await deleteRecords(db, table, delta);
      for (const table of recordTables) await putRecords(db, table, delta);
      if (delta.tombstones.length > 0) await db.tombstones.bulkPut([...delta.tombstones]);
      await storeMergedVersionVector(db, versionVector);
      if (auditEntries.length > 0) await db.audit.bulkAdd([...auditEntries]);
    });
  } catch (error) {
    throw toStorageFailure(error, { database: db.name, operation: 'merge' });
  }
}

/**
 * Writes a merge like `applyMergeDelta` and, in the same transaction, keeps the losing value of
 * each conflict in `keptConflicts` ("Keep the other value"). Each kept value is written again as a new
 * change with a clock from `context`, so it wins here and on every laptop that later merges this
 * portfolio's data. As in a repository write, each record with kept values gets one new clock and
 * one audit entry, whose changes list the merged value as `old` and the kept value as `new`. The
 * stored version vector includes the new clocks.
 *
 * `session` must be the clock that `context.tick()` advances, as `getSessionClock()` and
 * `getDeviceContext()` are in the app. It first receives the merge's latest clock and every
 * conflict clock, so that the new clocks order after them. Returns the stored field writes.
 * Rejects like `applyMergeDelta`, and before anything is written with `merge.staleClock` when a
 * new clock is not later than a conflict's clocks, or with a `RangeError` when a conflict names a
 * record that the merged snapshot lacks.
 */
export async function applyMergeKeepingValues(
  db: PortfolioDb,
  merged: Pick<MergeResult, 'snapshot' | 'delta'>,
  keptConflicts: readonly FieldConflict[],
  session: ReceivingClock,
  context: DeviceContext,
): Promise<FieldWrite[]> {
  const { snapshot, delta } = merged;
  if (keptConflicts.length === 0) {
    await applyMergeDelta(db, delta, snapshot.versionVector, session);
    return [];
  }

  const latest = latestClockOf(snapshot.versionVector);
  if (latest !== null) session.receive(latest);
  const latestWritten = latestClockOfDelta(delta);
  if (latestWritten !== null) session.receive(latestWritten);
  for (const conflict of keptConflicts) {
    session.receive(conflict.local.clock);
    session.receive(conflict.remote.clock);
  }

  const records = mergedRecordIndex(snapshot);
  const replaced = new Map<RecordTable, Map<Id, SyncFields>>();
  const writes: FieldWrite[] = [];
  const auditEntries: AuditEntry[] = [];
  let vector = snapshot.versionVector;

  for (const group of groupByRecord(keptConflicts)) {
    const { table, recordId } = group[0];
    const record = records.find(table, recordId);
    if (record === undefined) {
      throw new RangeError(`Conflict to keep names ${table} record ${recordId}, which is missing from the merged snapshot`);
    }

    const clock = context.tick();
    let updated = record;
    const changes: Record<string, FieldChanges[string]> = {};
    for (const conflict of group) {
      const write = resolveConflictKeepOther(conflict, clock);
      updated = applyFieldWrite(updated, write);
      changes[write.field] = { old: conflict[conflict.winner].value, new: write.value };
      writes.push(write);
    }

    let tableRecords = replaced.get(table);
    if (tableRecords === undefined) {
      tableRecords = new Map();
      replaced.set(table, tableRecords);
    }
    tableRecords.set(recordId, updated);
    auditEntries.push(recordAuditEntry(context, clock, 'write', table, recordId, changes));
    vector = mergeVersionVectors(vector, { [parseHlc(clock).deviceId]: clock });
  }

  await writeMerge(db, withReplacedPuts(delta, replaced), vector, auditEntries);
  return writes;
}

/** Groups conflicts by record, in the order each record first appears. */
function groupByRecord(conflicts: readonly FieldConflict[]): [FieldConflict, ...FieldConflict[]][] {
  const groups = new Map<string, [FieldConflict, ...FieldConflict[]]>();
  for (const conflict of conflicts) {
    const key = `${conflict.table}/${conflict.recordId}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [conflict]);
    else group.push(conflict);
  }
  return [...groups.values()];
}

/** Finds merged records by table and id, indexing each table on its first use. */
function mergedRecordIndex(snapshot: PortfolioSnapshot) {
  const indexes = new Map<RecordTable, Map<Id, SyncFields>>();
  return {
    find(table: RecordTable, id: Id): SyncFields | undefined {
      let index = indexes.get(table);
      if (index === undefined) {
        const tableRecords: readonly SyncFields[] = snapshot.records[table];
        index = new Map(tableRecords.map((record) => [record.id, record]));
        indexes.set(table, index);
      }
      return index.get(id);
    },
  };
}

/** Returns `delta` with each replaced record put in place of its merged copy, or added to the puts. */
function withReplacedPuts(delta: MergeDelta, replaced: ReadonlyMap<RecordTable, ReadonlyMap<Id, SyncFields>>): MergeDelta {
  const tables: Record<string, { put: readonly SyncFields[]; delete: readonly Id[] }> = { ...delta.tables };
  for (const [table, records] of replaced) {
    const current: readonly SyncFields[] = delta.tables[table].put;
    const puts = current.map((record) => records.get(record.id) ?? record);
    const added = [...records.values()].filter((record) => !current.some((existing) => existing.id === record.id));
    tables[table] = { put: [...puts, ...added], delete: delta.tables[table].delete };
  }
  return { tables: tables as unknown as MergeDelta['tables'], tombstones: delta.tombstones };
}

async function deleteRecords(db: PortfolioDb, table: RecordTable, delta: MergeDelta): Promise<void> {
  const ids = delta.tables[table].delete;
  if (ids.length > 0) await db.recordTable(table).bulkDelete([...ids]);
}

async function putRecords(db: PortfolioDb, table: RecordTable, delta: MergeDelta): Promise<void> {
  const records = delta.tables[table].put;
  if (records.length > 0) await db.recordTable(table).bulkPut([...records]);
}
