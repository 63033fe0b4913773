/**
 * The portfolio database as a `PortfolioSnapshot`, and the write of a merge result back into it:
 * the two database steps around `mergeSnapshots` when a portfolio file is imported.
 */
import type { HlcString, RecordTable } from '@shared/domain/types';
import type { MergeDelta } from '@shared/sync/mergeTypes';
import type { PortfolioSnapshot, RecordsByTable, VersionVector } from '@shared/sync/snapshot';
import { recordTables } from '@shared/sync/snapshot';
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
 * Reads every record of the five record tables, the tombstones and the version vector in one
 * read-only transaction, so the snapshot is consistent even while other writes run. Records come
 * in id order. Rejects with a storage `AppFailure` (detail `database`) when the read fails.
 */
export async function readSnapshot(db: PortfolioDb, portfolio: PortfolioIdentity, deviceId: string): Promise<PortfolioSnapshot> {
  try {
    return await db.transaction('r', allTables(db), async () => {
      const [providers, contracts, kpis, serviceLevels, measurements, tombstones, versionVector] = await Promise.all([
        db.providers.toArray(),
        db.contracts.toArray(),
        db.kpis.toArray(),
        db.serviceLevels.toArray(),
        db.measurements.toArray(),
        db.tombstones.toArray(),
        readVersionVector(db),
      ]);
      const records: RecordsByTable = { providers, contracts, kpis, serviceLevels, measurements };
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
 * written. After the commit, `session` receives the vector's latest clock, so that later local
 * edits order after every merged one.
 */
export async function applyMergeDelta(
  db: PortfolioDb,
  delta: MergeDelta,
  versionVector: VersionVector,
  session?: ReceivingClock,
): Promise<void> {
  const latest = latestClockOf(versionVector);

  try {
    await db.transaction('rw', allTables(db), async () => {
      for (const table of recordTables) await deleteRecords(db, table, delta);
      for (const table of recordTables) await putRecords(db, table, delta);
      if (delta.tombstones.length > 0) await db.tombstones.bulkPut([...delta.tombstones]);
      await storeMergedVersionVector(db, versionVector);
    });
  } catch (error) {
    throw toStorageFailure(error, { database: db.name, operation: 'merge' });
  }

  if (latest !== null && session !== undefined) session.receive(latest);
}

async function deleteRecords(db: PortfolioDb, table: RecordTable, delta: MergeDelta): Promise<void> {
  const ids = delta.tables[table].delete;
  if (ids.length > 0) await db.recordTable(table).bulkDelete([...ids]);
}

async function putRecords(db: PortfolioDb, table: RecordTable, delta: MergeDelta): Promise<void> {
  const records = delta.tables[table].put;
  if (records.length > 0) await db.recordTable(table).bulkPut([...records]);
}
