/**
 * Database steps of the Sync screen: export the open portfolio to file bytes, merge an opened
 * file into the open portfolio, and create a new portfolio from a file.
 */
import type { Result } from '@shared/errors';
import { ok } from '@shared/errors';
import { encryptContainer, writePortfolioFile } from '@shared/file';
import { mergeSnapshots } from '@shared/sync/merge';
import type { MergeResult } from '@shared/sync/mergeTypes';
import type { PortfolioSnapshot } from '@shared/sync/snapshot';
import { createPortfolioWithId, getDeviceContext, getSessionClock } from '../../db/catalogue';
import { openPortfolioDb } from '../../db/portfolioDb';
import type { PortfolioDb } from '../../db/portfolioDb';
import { applyMergeDelta, readSnapshot } from '../../db/snapshot';
import type { PortfolioIdentity } from '../../db/snapshot';
import { platform } from '../../platform';
import { emptySnapshotOf } from './syncPreview';

/**
 * Reads the whole portfolio and writes it as `.steerwise` file bytes stamped with the app version.
 * With a `passphrase`, the bytes are encrypted with it (PBKDF2 key derivation, a fraction of a
 * second), so no unencrypted copy leaves this function.
 */
export async function exportPortfolioBytes(
  db: PortfolioDb,
  portfolio: PortfolioIdentity,
  passphrase: string | null,
): Promise<Result<Uint8Array>> {
  const info = await platform.appInfo();
  if (!info.ok) return info;

  const { deviceId } = await getDeviceContext();
  const snapshot = await readSnapshot(db, portfolio, deviceId);
  const zipBytes = await writePortfolioFile(snapshot, { appVersion: info.value.version, exportedAt: new Date().toISOString() });
  if (passphrase === null) return ok(zipBytes);
  return encryptContainer(zipBytes, passphrase);
}

/**
 * Merges `remote` with the open portfolio's current state, without writing. Rejects with
 * `merge.portfolioMismatch` when the file belongs to another portfolio.
 */
export async function previewMerge(db: PortfolioDb, portfolio: PortfolioIdentity, remote: PortfolioSnapshot): Promise<MergeResult> {
  const { deviceId } = await getDeviceContext();
  const local = await readSnapshot(db, portfolio, deviceId);
  return mergeSnapshots(local, remote, { now: Date.now() });
}

/**
 * Merges `remote` into the open portfolio in one transaction and returns the merge that was
 * written. The merge is computed again from the current local state, so edits made while the
 * preview was shown are merged rather than overwritten.
 */
export async function applyMerge(db: PortfolioDb, portfolio: PortfolioIdentity, remote: PortfolioSnapshot): Promise<MergeResult> {
  const merged = await previewMerge(db, portfolio, remote);
  await applyMergeDelta(db, merged.delta, merged.snapshot.versionVector, await getSessionClock());
  return merged;
}

/**
 * Creates a catalogue entry with the file's portfolio id and name, and writes the file's records
 * into its new database as the merge of an empty portfolio with the file. Rejects with a storage
 * failure when a portfolio with that id already exists.
 * NOTE: when the database write fails, the catalogue entry stays and opens as an empty portfolio
 * with the file's id, so opening the same file again merges into it.
 */
export async function createPortfolioFromFile(remote: PortfolioSnapshot): Promise<void> {
  const entry = await createPortfolioWithId(remote.portfolioId, remote.portfolioName);
  const { deviceId } = await getDeviceContext();
  const db = await openPortfolioDb(entry.id);
  try {
    const merged = mergeSnapshots(emptySnapshotOf(entry.id, entry.name, deviceId), remote, { now: Date.now() });
    await applyMergeDelta(db, merged.delta, merged.snapshot.versionVector, await getSessionClock());
  } finally {
    db.close();
  }
}
