/**
 * Database steps of merging an opened file into the open portfolio: the preview, Apply with a
 * backup taken first and the conflicts the user chose to keep, and "Undo import". Each function
 * uses the app's shared catalogue unless one is passed, as tests do.
 */
import type { FieldConflict, MergeResult } from '@shared/sync/mergeTypes';
import { mergeSnapshots } from '@shared/sync/merge';
import type { PortfolioSnapshot } from '@shared/sync/snapshot';
import { restoreBackup, takeBackup } from '../../db/backups';
import type { BackupEntry } from '../../db/backups';
import { getDeviceContext, getSessionClock } from '../../db/catalogue';
import type { CatalogueDb, PortfolioEntry } from '../../db/catalogue';
import type { PortfolioDb } from '../../db/portfolioDb';
import { applyMergeKeepingValues, readSnapshot } from '../../db/snapshot';
import type { PortfolioIdentity } from '../../db/snapshot';
import { matchChosenConflicts, mergeViewOf } from './mergeView';
import type { MergeView } from './mergeView';

/** A merge computed from the current local state, with what the preview shows of it. */
export interface MergePlan {
  readonly merge: MergeResult;
  readonly view: MergeView;
}

/**
 * Result of Apply. `previewChanged` means that the local data changed since the preview, so a
 * chosen conflict no longer has the values it was chosen on. Nothing was written, and `plan` is
 * the new preview. `backupFailed` means that the backup could not be stored, so nothing was
 * merged. `thrown` is the backup's error.
 */
export type ApplyOutcome =
  | { readonly kind: 'applied'; readonly plan: MergePlan; readonly backup: BackupEntry; readonly keptCount: number }
  | { readonly kind: 'previewChanged'; readonly plan: MergePlan }
  | { readonly kind: 'backupFailed'; readonly thrown: unknown };

/**
 * Merges `remote` with the open portfolio's current state, without writing. Rejects with
 * `merge.portfolioMismatch` when the file belongs to another portfolio.
 */
export async function previewMerge(
  db: PortfolioDb,
  portfolio: PortfolioIdentity,
  remote: PortfolioSnapshot,
  catalogue?: CatalogueDb,
): Promise<MergePlan> {
  const { deviceId } = await getDeviceContext(catalogue);
  const local = await readSnapshot(db, portfolio, deviceId);
  const merge = mergeSnapshots(local, remote, { now: Date.now() });
  return { merge, view: mergeViewOf(merge, local, remote, deviceId) };
}

/**
 * Merges `remote` (read from `fileName`) into the open portfolio. The merge is computed again
 * from the current local state, so edits made while the preview was shown are merged rather than
 * overwritten. Then a `beforeImport` backup of the portfolio is stored, and only then the merge
 * is written in one transaction, with the `chosen` conflicts keeping their losing value as new
 * changes.
 * NOTE: an edit made while the backup is being stored is overwritten by the merge where it
 * touches a record that the merge also writes.
 */
export async function applyMerge(
  db: PortfolioDb,
  portfolio: PortfolioIdentity,
  fileName: string,
  remote: PortfolioSnapshot,
  chosen: readonly FieldConflict[],
  catalogue?: CatalogueDb,
): Promise<ApplyOutcome> {
  const plan = await previewMerge(db, portfolio, remote, catalogue);
  const keptConflicts = matchChosenConflicts(chosen, plan.merge.preview.conflicts);
  if (keptConflicts === null) return { kind: 'previewChanged', plan };

  let backup: BackupEntry;
  try {
    backup = await takeBackup(db, portfolio, 'beforeImport', fileName, catalogue);
  } catch (thrown) {
    return { kind: 'backupFailed', thrown };
  }

  const session = await getSessionClock(catalogue);
  const context = await getDeviceContext(catalogue);
  await applyMergeKeepingValues(db, plan.merge, keptConflicts, session, context);
  return { kind: 'applied', plan, backup, keptCount: keptConflicts.length };
}

/**
 * Restores the portfolio from the backup taken before an import ("Undo import"). The data
 * replaced by the restore is itself kept as a `beforeRestore` backup by `restoreBackup`.
 */
export function undoImport(backupId: string, catalogue?: CatalogueDb): Promise<PortfolioEntry> {
  return restoreBackup(backupId, catalogue);
}
