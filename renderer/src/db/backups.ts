/**
 * Backups of whole portfolios, kept in the catalogue database as unencrypted `.steerwise` file
 * bytes: one is taken before an import merges a file (so "Undo import" can restore it), before a
 * portfolio is deleted, and before a restore replaces the current data.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Id } from '@shared/domain/types';
import { AppFailure } from '@shared/errors';
import { openPortfolioFile, writePortfolioFile } from '@shared/file';
import type { PortfolioSnapshot } from '@shared/sync/snapshot';
import { recordTables } from '@shared/sync/snapshot';
import { version as appVersion } from '../../../package.json';
import { createPortfolioWithId, getDeviceContext } from './catalogue';
import { readCatalogue, resolveCatalogue, writeCatalogue } from './catalogueDb';
import type { BackupEntry, BackupReason, CatalogueDb, PortfolioEntry } from './catalogueDb';
import { openPortfolioDb } from './portfolioDb';
import type { PortfolioDb } from './portfolioDb';
import { readSnapshot } from './snapshot';
import type { PortfolioIdentity } from './snapshot';
import { toStorageFailure } from './storageErrors';
import { versionVectorKey } from './versionVector';

export type { BackupEntry, BackupReason } from './catalogueDb';

/** Backups taken before imports that are kept per portfolio; older ones are deleted when a new one is taken. */
export const keptImportBackups = 5;

function backupNotFound(id: Id): AppFailure {
  return new AppFailure({ code: 'storage.notFound', detail: { table: 'backups', id, reason: 'backup' } });
}

function recordCountOf(snapshot: PortfolioSnapshot): number {
  return recordTables.reduce((sum, table) => sum + snapshot.records[table].length, 0);
}

/**
 * Reads the whole portfolio in one transaction and stores it as a backup. A backup taken before
 * an import deletes the oldest import backups of the portfolio beyond `keptImportBackups`, in the
 * same catalogue transaction. Rejects with a storage `AppFailure` (`storage.quotaExceeded` when the
 * disk is full) and stores nothing when the read or the write fails.
 */
export async function takeBackup(
  db: PortfolioDb,
  portfolio: PortfolioIdentity,
  reason: BackupReason,
  sourceFile: string | null,
  catalogue?: CatalogueDb,
): Promise<BackupEntry> {
  const catalogueDb = await resolveCatalogue(catalogue);
  const { deviceId } = await getDeviceContext(catalogueDb);
  const snapshot = await readSnapshot(db, portfolio, deviceId);
  const createdAt = new Date().toISOString();
  const bytes = await writePortfolioFile(snapshot, { appVersion, exportedAt: createdAt });

  const entry: BackupEntry = {
    id: uuidv7(),
    portfolioId: portfolio.id,
    portfolioName: portfolio.name,
    reason,
    createdAt,
    sourceFile,
    recordCount: recordCountOf(snapshot),
    byteLength: bytes.byteLength,
  };
  const detail = { table: 'backups', portfolioId: portfolio.id, reason };
  await writeCatalogue(catalogueDb, ['backups', 'backupFiles'], detail, async () => {
    await catalogueDb.backups.add(entry);
    await catalogueDb.backupFiles.add({ id: entry.id, bytes });
    if (reason === 'beforeImport') await pruneImportBackups(catalogueDb, portfolio.id);
  });
  return entry;
}

async function pruneImportBackups(catalogue: CatalogueDb, portfolioId: Id): Promise<void> {
  const imports = await catalogue.backups.where('[portfolioId+reason]').equals([portfolioId, 'beforeImport']).sortBy('createdAt');
  // UUIDv7 ids grow with time, so they order backups taken within the same millisecond.
  imports.sort((a, b) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt)));
  const stale = imports.slice(0, Math.max(0, imports.length - keptImportBackups)).map((entry) => entry.id);
  if (stale.length === 0) return;
  await catalogue.backups.bulkDelete(stale);
  await catalogue.backupFiles.bulkDelete(stale);
}

/** Returns the backups of one portfolio, or of every portfolio when `portfolioId` is undefined, newest first. */
export function listBackups(portfolioId?: Id, catalogue?: CatalogueDb): Promise<BackupEntry[]> {
  return readCatalogue(catalogue, async (db) => {
    const entries =
      portfolioId === undefined ? await db.backups.toArray() : await db.backups.where('portfolioId').equals(portfolioId).toArray();
    return entries.sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)));
  });
}

/** Returns a backup's `.steerwise` bytes; rejects with `storage.notFound` when there is no such backup. */
export async function readBackupBytes(backupId: Id, catalogue?: CatalogueDb): Promise<Uint8Array> {
  const db = await resolveCatalogue(catalogue);
  const file = await db.backupFiles.get(backupId);
  if (file === undefined) throw backupNotFound(backupId);
  return file.bytes;
}

/** Deletes a backup and its bytes; rejects with `storage.notFound` when there is no such backup. */
export async function deleteBackup(backupId: Id, catalogue?: CatalogueDb): Promise<void> {
  const db = await resolveCatalogue(catalogue);
  await writeCatalogue(db, ['backups', 'backupFiles'], { table: 'backups', id: backupId }, async () => {
    const deleted = await db.backups.where('id').equals(backupId).delete();
    if (deleted === 0) throw backupNotFound(backupId);
    await db.backupFiles.delete(backupId);
  });
}

/**
 * Replaces the portfolio's data with the backup: records, tombstones and version vector become
 * exactly the backup's, in one transaction. The audit trail is kept as it is. When the portfolio
 * is still on this machine, its current data is first kept as a `beforeRestore` backup, so the
 * restore can itself be undone. When it was deleted, its catalogue entry is created again with
 * the backup's id and name. Returns the catalogue entry.
 *
 * Rejects with `storage.notFound` for an unknown backup, with the reader's `portfolioFile.*`
 * error when the stored bytes do not open, and with a storage failure when a write fails. In
 * each of these cases the portfolio's data is unchanged.
 * NOTE: a catalogue entry re-created for a deleted portfolio stays when the data write fails, and
 * opens as an empty portfolio; restoring the backup again fills it.
 */
export async function restoreBackup(backupId: Id, catalogue?: CatalogueDb): Promise<PortfolioEntry> {
  const catalogueDb = await resolveCatalogue(catalogue);
  const entry = await catalogueDb.backups.get(backupId);
  if (entry === undefined) throw backupNotFound(backupId);
  const snapshot = await openBackup(entry, await readBackupBytes(backupId, catalogueDb));

  const existing = await catalogueDb.portfolios.get(entry.portfolioId);
  const portfolioEntry = existing ?? (await createPortfolioWithId(entry.portfolioId, entry.portfolioName, catalogueDb));
  const db = await openPortfolioDb(entry.portfolioId);
  try {
    if (existing !== undefined) {
      await takeBackup(db, { id: existing.id, name: existing.name }, 'beforeRestore', null, catalogueDb);
    }
    await replaceContent(db, snapshot);
  } finally {
    db.close();
  }
  return portfolioEntry;
}

async function openBackup(entry: BackupEntry, bytes: Uint8Array): Promise<PortfolioSnapshot> {
  const parsed = await openPortfolioFile(bytes, `${entry.portfolioName} backup ${entry.createdAt}`, null);
  if (!parsed.ok) throw new AppFailure(parsed.error);
  const { snapshot } = parsed.value;
  if (snapshot.portfolioId !== entry.portfolioId) {
    throw new AppFailure({ code: 'storage.writeFailed', detail: { table: 'backups', id: entry.id }, cause: 'backup of another portfolio' });
  }
  return snapshot;
}

async function replaceContent(db: PortfolioDb, snapshot: PortfolioSnapshot): Promise<void> {
  const tables = [...recordTables.map((table) => db.recordTable(table)), db.tombstones, db.meta];
  try {
    await db.transaction('rw', tables, async () => {
      for (const table of recordTables) {
        const store = db.recordTable(table);
        await store.clear();
        await store.bulkAdd([...snapshot.records[table]]);
      }
      await db.tombstones.clear();
      await db.tombstones.bulkAdd([...snapshot.tombstones]);
      await db.meta.put({ key: versionVectorKey, value: snapshot.versionVector });
    });
  } catch (error) {
    throw toStorageFailure(error, { database: db.name, operation: 'restore' });
  }
}
