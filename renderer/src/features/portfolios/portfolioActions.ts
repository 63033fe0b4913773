/**
 * Database steps of the Portfolios screen: read each portfolio's record count and latest change,
 * delete a portfolio after a final backup, and restore a backup.
 *
 * These steps run one at a time. A read that keeps a portfolio's database open while the
 * database is deleted would reopen it afterwards, and so create an empty database under the
 * deleted portfolio's name.
 */
import type { Id } from '@shared/domain/types';
import { parseHlc } from '@shared/sync/hlc';
import { recordTables } from '@shared/sync/snapshot';
import { restoreBackup, takeBackup } from '../../db/backups';
import type { BackupEntry } from '../../db/backups';
import { deletePortfolio, listPortfolios } from '../../db/catalogue';
import type { CatalogueDb, PortfolioEntry } from '../../db/catalogue';
import { openPortfolioDb } from '../../db/portfolioDb';
import type { PortfolioDb } from '../../db/portfolioDb';
import type { PortfolioIdentity } from '../../db/snapshot';
import { latestClockOf, readVersionVector } from '../../db/versionVector';
import { toAppError } from '../../reportError';
import type { PortfolioStats } from './portfolioRows';

let queue: Promise<unknown> = Promise.resolve();

/** Runs `body` after every step queued before it has settled, whether it succeeded or failed. */
function runExclusive<T>(body: () => Promise<T>): Promise<T> {
  const result = queue.then(body, body);
  queue = result.catch(() => undefined);
  return result;
}

async function statsOf(db: PortfolioDb): Promise<PortfolioStats> {
  return db.transaction('r', [...recordTables.map((table) => db.recordTable(table)), db.meta], async () => {
    const counts = await Promise.all(recordTables.map((table) => db.recordTable(table).count()));
    const latest = latestClockOf(await readVersionVector(db));
    return {
      recordCount: counts.reduce((sum, count) => sum + count, 0),
      latestChangeAt: latest === null ? null : new Date(parseHlc(latest).wallMs).toISOString(),
    };
  });
}

/**
 * Reads the record count and latest change of every portfolio in the catalogue, opening each
 * database in turn. A portfolio whose database cannot be opened or read (for example one
 * written by a newer app version) has no entry in the result, and the screen shows its count as
 * unknown.
 */
export function readPortfolioStats(catalogue?: CatalogueDb): Promise<Map<Id, PortfolioStats>> {
  return runExclusive(async () => {
    const stats = new Map<Id, PortfolioStats>();
    for (const entry of await listPortfolios(catalogue)) {
      try {
        const db = await openPortfolioDb(entry.id);
        try {
          stats.set(entry.id, await statsOf(db));
        } finally {
          db.close();
        }
      } catch (thrown) {
        // The row shows no count; opening the portfolio shows the user why it fails.
        toAppError(thrown, `Reading the record count of portfolio ${entry.id} failed`);
      }
    }
    return stats;
  });
}

/**
 * Deletes a portfolio after keeping its data as a `beforeDelete` backup, and returns that backup.
 * When the backup fails, nothing is deleted and the call rejects with the backup's storage
 * failure. After the backup, `releaseOpenDatabase` runs: it must resolve only once the app has
 * closed its own connection to this portfolio, for example after switching to another one.
 * Then the catalogue entry and the database are deleted (see `deletePortfolio`).
 */
export function deletePortfolioWithBackup(
  portfolio: PortfolioIdentity,
  releaseOpenDatabase: () => Promise<void>,
  catalogue?: CatalogueDb,
): Promise<BackupEntry> {
  return runExclusive(async () => {
    const db = await openPortfolioDb(portfolio.id);
    let backup: BackupEntry;
    try {
      backup = await takeBackup(db, portfolio, 'beforeDelete', null, catalogue);
    } finally {
      db.close();
    }
    await releaseOpenDatabase();
    await deletePortfolio(portfolio.id, catalogue);
    return backup;
  });
}

/** Restores a backup with `restoreBackup`, after any read or delete that is still running. */
export function restorePortfolioBackup(backupId: Id, catalogue?: CatalogueDb): Promise<PortfolioEntry> {
  return runExclusive(() => restoreBackup(backupId, catalogue));
}
