/**
 * The CPU-heavy part of exporting and opening a portfolio file, as plain functions of their
 * input. `fileWorker.ts` runs them in a Web Worker, and `fileWorkerClient.ts` calls them
 * directly where no worker can be started. They use only `shared/`, never Dexie or the DOM.
 */
import { AppFailure, fail, ok } from '@shared/errors';
import type { Result } from '@shared/errors';
import {
  decryptContainer,
  encryptContainer,
  isEncryptedContainer,
  readPortfolioFile,
  scopeSnapshot,
  writePortfolioFile,
} from '@shared/file';
import type { ExportScope, ParsedFile, ReadProgress, WriteMetadata, WriteProgress } from '@shared/file';
import { missingEvaluatorScopeRecord } from '@shared/rfp/evaluatorScope';
import type { PortfolioSnapshot } from '@shared/sync/snapshot';
import { isWholePortfolio } from './exportScope';

/**
 * Stage of an export or an open, with counts where the stage has them. `reading` is the
 * database read on the main thread before an export; the other stages run in the worker.
 */
export type FileProgress =
  | { readonly stage: 'reading' }
  | { readonly stage: 'serializing'; readonly entry: string; readonly done: number; readonly total: number }
  | { readonly stage: 'compressing'; readonly entry: string; readonly done: number; readonly total: number }
  | { readonly stage: 'encrypting' }
  | { readonly stage: 'decrypting' }
  | { readonly stage: 'inflating'; readonly done: number; readonly total: number }
  | { readonly stage: 'validating' };

export type ReportFileProgress = (progress: FileProgress) => void;

/** Input of an export: the portfolio as read from its database, and how to write it. */
export interface ExportRequest {
  readonly snapshot: PortfolioSnapshot;
  readonly metadata: Omit<WriteMetadata, 'scope'>;
  /** Providers and fields to leave out. `{}` exports the whole portfolio. */
  readonly scope: ExportScope;
  /** Passphrase to encrypt the file with, or `null` for an unencrypted file. */
  readonly passphrase: string | null;
}

/** Input of an open: the file's bytes and name, and the passphrase when the user gave one. */
export interface OpenRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly passphrase: string | null;
}

function writeProgressOf(progress: WriteProgress): FileProgress | null {
  if (progress.stage === 'finished') return null;
  return { stage: progress.stage, entry: progress.entry, done: progress.done, total: progress.total };
}

function readProgressOf(progress: ReadProgress): FileProgress | null {
  if (progress.stage === 'inflating') return { stage: 'inflating', done: progress.done, total: progress.total };
  if (progress.stage === 'validating') return { stage: 'validating' };
  return null;
}

/** Turns anything thrown by the file functions into the error a caller shows. */
function failureOf<T>(thrown: unknown): Result<T> {
  if (thrown instanceof AppFailure) return { ok: false, error: thrown.appError };
  return fail('unexpected', {}, thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown));
}

/**
 * Writes the `.steerwise` file bytes of `request.snapshot`, limited to `request.scope` and
 * encrypted when a passphrase is given. Resolves to `storage.notFound` (detail `table`, `id`,
 * `reason: exportScope`) when a scoped provider, RFP or evaluator is not in the snapshot, to the writer's
 * `portfolioFile.*` errors, or to `unexpected`; it never rejects.
 */
export async function encodePortfolio(request: ExportRequest, report: ReportFileProgress): Promise<Result<Uint8Array>> {
  const { snapshot, metadata, scope, passphrase } = request;
  const forwardWrite = (progress: WriteProgress): void => {
    const mapped = writeProgressOf(progress);
    if (mapped !== null) report(mapped);
  };

  let zipBytes: Uint8Array;
  try {
    if (isWholePortfolio(scope)) {
      zipBytes = await writePortfolioFile(snapshot, metadata, forwardWrite);
    } else {
      const missing = scope.providerIds?.find((id) => !snapshot.records.providers.some((provider) => provider.id === id));
      if (missing !== undefined) return fail('storage.notFound', { table: 'providers', id: missing, reason: 'exportScope' });
      const missingRfpRecord = scope.rfp === undefined ? null : missingEvaluatorScopeRecord(snapshot.records, scope.rfp);
      if (missingRfpRecord !== null) return fail('storage.notFound', { ...missingRfpRecord, reason: 'exportScope' });
      zipBytes = await writePortfolioFile(scopeSnapshot(snapshot, scope), { ...metadata, scope }, forwardWrite);
    }
    if (passphrase === null) return ok(zipBytes);

    report({ stage: 'encrypting' });
    return await encryptContainer(zipBytes, passphrase);
  } catch (thrown) {
    return failureOf(thrown);
  }
}

/**
 * Reads and checks a portfolio file, decrypting it first when it is encrypted, as
 * `openPortfolioFile` does, but reporting each stage. An encrypted file without a passphrase
 * gives `portfolioFile.passphraseRequired`. Resolves to the file's first problem as an error
 * and never rejects.
 */
export async function decodePortfolio(request: OpenRequest, report: ReportFileProgress): Promise<Result<ParsedFile>> {
  const { fileName, passphrase } = request;
  const forwardRead = (progress: ReadProgress): void => {
    const mapped = readProgressOf(progress);
    if (mapped !== null) report(mapped);
  };

  try {
    let zipBytes = request.bytes;
    if (isEncryptedContainer(zipBytes)) {
      if (passphrase === null) return fail('portfolioFile.passphraseRequired', { file: fileName });
      report({ stage: 'decrypting' });
      const decrypted = await decryptContainer(zipBytes, passphrase, { fileName });
      if (!decrypted.ok) return decrypted;
      zipBytes = decrypted.value;
    }
    return await readPortfolioFile(zipBytes, fileName, { onProgress: forwardRead });
  } catch (thrown) {
    return failureOf(thrown);
  }
}
