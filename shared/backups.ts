/** Rules of the automatic backups that the renderer and the main process share. */
import type { VersionVector } from './sync/snapshot';

/** Number of backups kept per portfolio; older ones are deleted. */
export const backupKeepCount = 14;

/** Time between two daily backups of a portfolio, in milliseconds. */
export const backupIntervalMs = 24 * 60 * 60 * 1000;

/** Checks whether a daily backup is due: there is none yet, or the newest is at least `backupIntervalMs` old. */
export function isBackupDue(newest: Date | undefined, now: Date): boolean {
  return newest === undefined || now.getTime() - newest.getTime() >= backupIntervalMs;
}

/**
 * Returns a key that changes when the portfolio's name or content changes. Every local write and
 * every merge of a whole file raises the version vector, so an equal key means nothing to back up.
 * NOTE: merging a file scoped to some providers does not raise the vector, so such a merge alone
 * does not make a new backup. The next local edit does.
 */
export function backupContentKey(portfolioName: string, versionVector: VersionVector): string {
  const entries = Object.entries(versionVector).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([portfolioName, entries]);
}
