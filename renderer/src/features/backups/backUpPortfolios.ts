/**
 * Writes the automatic backups: each portfolio whose content changed since its newest backup is
 * exported with the Sync screen's exporter and handed to the host, which writes and rotates it.
 */
import { backupContentKey, isBackupDue } from '@shared/backups';
import type { BackupEntry, BackupRun } from '@shared/ipc/contract';
import { listPortfolios } from '../../db/catalogue';
import { openPortfolioDb } from '../../db/portfolioDb';
import { readVersionVector } from '../../db/versionVector';
import { platform } from '../../platform';
import { toAppError } from '../../reportError';
import { exportPortfolioBytes } from '../sync/syncActions';

/** Why a backup run started: a host request, or the Backups screen's "Back up now". */
export type BackupReason = BackupRun['reason'] | 'manual';

export interface BackupRunSummary {
  readonly written: number;
  /** Portfolios left out because they are empty, unchanged or, for a daily run, backed up within a day. */
  readonly skipped: number;
  readonly failed: number;
}

/** Backs up the portfolios for `reason`. Never rejects: failures are logged and counted. */
export async function backUpPortfolios(reason: BackupReason, now = new Date()): Promise<BackupRunSummary> {
  const summary = { written: 0, skipped: 0, failed: 0 };
  const listed = await platform.listBackups();
  if (!listed.ok) {
    platform.log('warn', 'Listing the backups failed', { code: listed.error.code });
    return summary;
  }
  if (!listed.value.supported) return summary;

  const newestByPortfolio = new Map<string, BackupEntry>();
  // The list is newest first, so the first entry of a portfolio is its newest.
  for (const backup of listed.value.backups) {
    if (!newestByPortfolio.has(backup.portfolioId)) newestByPortfolio.set(backup.portfolioId, backup);
  }

  for (const portfolio of await listPortfolios()) {
    const newest = newestByPortfolio.get(portfolio.id);
    if (reason === 'daily' && !isBackupDue(newest === undefined ? undefined : new Date(newest.createdAt), now)) {
      summary.skipped += 1;
      continue;
    }
    try {
      const outcome = await backUpOne({ id: portfolio.id, name: portfolio.name }, listed.value.latestContentKeys[portfolio.id], reason);
      summary[outcome] += 1;
    } catch (thrown) {
      toAppError(thrown, `Backup of portfolio ${portfolio.id} failed`);
      summary.failed += 1;
    }
  }
  platform.log('info', 'Backups finished', { reason, ...summary });
  return summary;
}

async function backUpOne(portfolio: { readonly id: string; readonly name: string }, latestContentKey: string | undefined, reason: BackupReason): Promise<keyof BackupRunSummary> {
  const db = await openPortfolioDb(portfolio.id);
  try {
    const versionVector = await readVersionVector(db);
    // A portfolio without a single write has nothing to restore.
    if (Object.keys(versionVector).length === 0) return 'skipped';
    const contentKey = backupContentKey(portfolio.name, versionVector);
    if (reason !== 'manual' && contentKey === latestContentKey) return 'skipped';

    const exported = await exportPortfolioBytes(db, portfolio, null);
    if (!exported.ok) {
      platform.log('warn', 'Exporting a portfolio for its backup failed', { portfolioId: portfolio.id, code: exported.error.code });
      return 'failed';
    }
    const saved = await platform.saveBackup({ portfolioId: portfolio.id, portfolioName: portfolio.name, contentKey, bytes: exported.value });
    if (!saved.ok) {
      platform.log('warn', 'Writing a backup failed', { portfolioId: portfolio.id, code: saved.error.code });
      return 'failed';
    }
    return 'written';
  } finally {
    db.close();
  }
}
