/**
 * Database steps of the Sync screen: export the open portfolio to file bytes and create a new
 * portfolio from a file. Merging into the open portfolio is in `mergeActions.ts`, re-exported here.
 */
import type { Result } from '@shared/errors';
import { fail, ok } from '@shared/errors';
import type { ExportScope } from '@shared/file';
import { mergeSnapshots } from '@shared/sync/merge';
import type { PortfolioSnapshot } from '@shared/sync/snapshot';
import { createPortfolioWithId, deletePortfolio, getDeviceContext, getSessionClock } from '../../db/catalogue';
import type { DeviceContext } from '../../db/clockStore';
import { runEscalationRules } from '../../db/escalations';
import { openPortfolioDb } from '../../db/portfolioDb';
import type { PortfolioDb } from '../../db/portfolioDb';
import { applyMergeDelta, readSnapshot } from '../../db/snapshot';
import type { PortfolioIdentity } from '../../db/snapshot';
import { platform } from '../../platform';
import type { ReportFileProgress } from './fileTasks';
import { startFileTask } from './fileWorkerClient';
import type { FileTask, FileTaskOutcome } from './fileWorkerClient';
import { emptySnapshotOf } from './syncPreview';

export { applyMerge, previewMerge, undoImport } from './mergeActions';
export type { ApplyOutcome, MergePlan } from './mergeActions';

/**
 * Reads the portfolio and writes it as `.steerwise` file bytes stamped with the app version,
 * in the file worker. `scope` limits the file to some providers, leaves out commercial terms,
 * or both (see `scopeSnapshot`). An empty scope exports the whole portfolio. A scoped provider
 * that is no longer in the portfolio gives `storage.notFound` (detail `table`, `id`,
 * `reason: exportScope`). With a `passphrase`, the bytes are encrypted with it (PBKDF2 key
 * derivation, a fraction of a second), so no unencrypted copy leaves the worker.
 *
 * Cancel is safe at any point because nothing is written: during the database read it stops the
 * task before the worker starts, and later it terminates the worker. The outcome rejects only
 * when the database read fails.
 */
export function startPortfolioExport(
  db: PortfolioDb,
  portfolio: PortfolioIdentity,
  passphrase: string | null,
  scope: ExportScope,
  onProgress: ReportFileProgress,
): FileTask<Uint8Array> {
  let cancelled = false;
  let workerTask: FileTask<Uint8Array> | null = null;

  const run = async (): Promise<FileTaskOutcome<Uint8Array>> => {
    onProgress({ stage: 'reading' });
    const info = await platform.appInfo();
    if (!info.ok) return { kind: 'failed', error: info.error };
    const { deviceId } = await getDeviceContext();
    const snapshot = await readSnapshot(db, portfolio, deviceId);
    if (cancelled) return { kind: 'cancelled' };

    const metadata = { appVersion: info.value.version, exportedAt: new Date().toISOString() };
    workerTask = startFileTask({ kind: 'export', request: { snapshot, metadata, scope, passphrase } }, onProgress);
    return workerTask.outcome;
  };

  return {
    outcome: run(),
    cancel: () => {
      cancelled = true;
      workerTask?.cancel();
    },
  };
}

/** Exports as `startPortfolioExport` does, without progress or cancel. Rejects only when the database read fails. */
export async function exportPortfolioBytes(
  db: PortfolioDb,
  portfolio: PortfolioIdentity,
  passphrase: string | null,
  scope: ExportScope = {},
): Promise<Result<Uint8Array>> {
  const outcome = await startPortfolioExport(db, portfolio, passphrase, scope, () => undefined).outcome;
  if (outcome.kind === 'done') return ok(outcome.value);
  if (outcome.kind === 'failed') return { ok: false, error: outcome.error };
  // Nothing here calls cancel, so this is unreachable.
  return fail('unexpected', {}, 'export cancelled');
}

/**
 * Runs the escalation rules over what a file brought in, as the measurement import does, so that
 * the portfolio's first opening finds them done. The file's records are already stored: a failure
 * here is logged and the rules run again when the portfolio is next opened.
 */
export async function escalateAfterFile(db: PortfolioDb, context: DeviceContext): Promise<void> {
  try {
    await runEscalationRules(db, context);
  } catch (error) {
    platform.log('warn', `Running the escalation rules after a file import failed; they run again on the next opening: ${String(error)}`);
  }
}

/**
 * Creates a catalogue entry with the file's portfolio id and name, and writes the file's records
 * into its new database as the merge of an empty portfolio with the file. Rejects with a storage
 * failure when a portfolio with that id already exists. When the records cannot be written (the
 * disk is full, say), the new entry and its database are removed again before the call rejects,
 * so no empty portfolio is left behind.
 */
export async function createPortfolioFromFile(remote: PortfolioSnapshot): Promise<void> {
  const entry = await createPortfolioWithId(remote.portfolioId, remote.portfolioName);
  try {
    const context = await getDeviceContext();
    const db = await openPortfolioDb(entry.id);
    try {
      const merged = mergeSnapshots(emptySnapshotOf(entry.id, entry.name, context.deviceId), remote, { now: Date.now() });
      await applyMergeDelta(db, merged.delta, merged.snapshot.versionVector, await getSessionClock());
      await escalateAfterFile(db, context);
    } finally {
      db.close();
    }
  } catch (error) {
    await deletePortfolio(entry.id).catch((cleanupError: unknown) => {
      platform.log('error', `Removing the half-created portfolio ${entry.id} failed: ${String(cleanupError)}`);
    });
    throw error;
  }
}
