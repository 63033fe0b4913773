/**
 * The portfolio file bench as it runs in Chromium. The runner calls the functions that this
 * page adds to `window` one at a time, in the order of `PortfolioPageApi`, and reads the heap
 * between the calls:
 *
 * 1. import: the app's path for a file opened as a new portfolio (`createPortfolioFromFile`
 *    without the catalogue entry): `openPortfolioFile`, `mergeSnapshots` with an empty local
 *    snapshot, `applyMergeDelta` into a fresh portfolio database.
 * 2. raw write: the same file's records and tombstones put with raw IndexedDB.
 * 3. export: after an untimed warm-up read, the app's path (`exportPortfolioBytes` without a
 *    passphrase or scope): `readSnapshot` of the imported database, then `writePortfolioFile`.
 * 4. baseline export: `readSnapshot` again, then `JSON.stringify` and fflate `gzipSync` at the
 *    writer's deflate level.
 * 5. merge: `mergeSnapshots` of two opened exports.
 *
 * Every duration comes from this page's clock, and the runner times nothing itself.
 */
import { gzipSync } from 'fflate';
import { v7 as uuidv7 } from 'uuid';
import type { RecordTable } from '@shared/domain/types';
import { AppFailure } from '@shared/errors';
import { openPortfolioFile, writePortfolioFile } from '@shared/file';
import { mergeSnapshots } from '@shared/sync/merge';
import type { MergeDelta } from '@shared/sync/mergeTypes';
import type { PortfolioSnapshot } from '@shared/sync/snapshot';
import { recordTables } from '@shared/sync/snapshot';
import { getDeviceContext, getSessionClock } from '../../renderer/src/db/catalogue';
import { openPortfolioDb } from '../../renderer/src/db/portfolioDb';
import type { PortfolioDb } from '../../renderer/src/db/portfolioDb';
import { applyMergeDelta, readSnapshot } from '../../renderer/src/db/snapshot';
import type { PortfolioIdentity } from '../../renderer/src/db/snapshot';
import { emptySnapshotOf } from '../../renderer/src/features/sync/syncPreview';
import type { StepSpan } from '../benchTypes';
import type {
  ExportResult,
  FileImportRequest,
  FileImportResult,
  MergeRequest,
  MergeStepResult,
  PortfolioPageApi,
  PortfolioStep,
  RawWriteResult,
  TableCounts,
} from '../portfolio/pageTypes';
import { snapshotCounts } from '../portfolio/pageTypes';
import { openRawPortfolioDb, putSnapshot } from './rawPortfolioWrite.mts';
import { epochNow, StepClock } from './stepClock.mts';

/** fflate's level for the baseline: the deflate level `writePortfolioFile` uses. */
const baselineDeflateLevel = 1;
/** App version stamped into the bench's exports. */
const benchAppVersion = '0.0.0-bench';

const clock = new StepClock<PortfolioStep>(null);

/** Portfolio that the import step created and the export steps read. */
let imported: { readonly db: PortfolioDb; readonly identity: PortfolioIdentity } | null = null;
/** The two opened exports between `prepareMerge` and `runMerge`. */
let mergeInputs: { readonly local: PortfolioSnapshot; readonly remote: PortfolioSnapshot } | null = null;

function lastSpan<S extends PortfolioStep>(step: S): StepSpan<S> {
  const span = clock.spans.findLast((candidate) => candidate.step === step);
  if (span === undefined) throw new Error(`The step "${step}" has no span`);
  return { step, start: span.start, end: span.end };
}

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Fetching ${url} failed with HTTP ${response.status}`);
  // The app reads a chosen file the same way: `new Uint8Array(await file.arrayBuffer())`.
  return new Uint8Array(await response.arrayBuffer());
}

async function openFile(bytes: Uint8Array, fileName: string): Promise<PortfolioSnapshot> {
  const opened = await openPortfolioFile(bytes, fileName, null);
  if (!opened.ok) throw new AppFailure(opened.error);
  return opened.value.snapshot;
}

function deltaCounts(delta: MergeDelta): TableCounts {
  const counts = { tombstones: delta.tombstones.length } as Record<RecordTable | 'tombstones', number>;
  for (const table of recordTables) counts[table] = delta.tables[table].put.length;
  return counts;
}

async function runFileImport(request: FileImportRequest): Promise<FileImportResult> {
  const bytes = await fetchBytes(request.fileUrl);
  const { deviceId } = await getDeviceContext();
  const session = await getSessionClock();

  const parts = await clock.time('import', async () => {
    const start = epochNow();
    const remote = await openFile(bytes, request.fileName);
    const opened = epochNow();
    const merged = mergeSnapshots(emptySnapshotOf(remote.portfolioId, remote.portfolioName, deviceId), remote, { now: Date.now() });
    const mergeEnd = epochNow();
    const db = await openPortfolioDb(remote.portfolioId);
    await applyMergeDelta(db, merged.delta, merged.snapshot.versionVector, session);
    imported = { db, identity: { id: remote.portfolioId, name: remote.portfolioName } };
    return { openMs: opened - start, mergeMs: mergeEnd - opened, writeMs: epochNow() - mergeEnd, written: deltaCounts(merged.delta) };
  });
  return { span: lastSpan('import'), ...parts };
}

/**
 * Writes the file's records into a fresh database. Databases are not deleted during the run:
 * Chromium keeps an origin's databases in one LevelDB, whose compaction after a deletion would
 * slow the later steps. The runner deletes the whole profile afterwards.
 */
async function runRawWrite(request: FileImportRequest): Promise<RawWriteResult> {
  const snapshot = await openFile(await fetchBytes(request.fileUrl), request.fileName);
  const db = await openRawPortfolioDb(`steerwise-bench-raw-${uuidv7()}`);
  try {
    await clock.time('rawWrite', () => putSnapshot(db, snapshot));
  } finally {
    db.close();
  }
  return { span: lastSpan('rawWrite'), written: snapshotCounts(snapshot) };
}

function requireImported(): { readonly db: PortfolioDb; readonly identity: PortfolioIdentity } {
  if (imported === null) throw new Error('runFileImport must run before the export steps');
  return imported;
}

/**
 * Reads the imported portfolio once, untimed, so that both export steps read a warm database.
 * In one run without it, the first read after the import's large write took 4.6 s and a later
 * one 1.3 s, which favoured whichever export step ran second.
 */
async function warmUpRead(): Promise<void> {
  const { db, identity } = requireImported();
  const { deviceId } = await getDeviceContext();
  await readSnapshot(db, identity, deviceId);
}

async function runExport(): Promise<ExportResult> {
  const { db, identity } = requireImported();
  const { deviceId } = await getDeviceContext();
  const result = await clock.time('export', async () => {
    const start = epochNow();
    const snapshot = await readSnapshot(db, identity, deviceId);
    const read = epochNow();
    const file = await writePortfolioFile(snapshot, { appVersion: benchAppVersion, exportedAt: new Date().toISOString() });
    const readMs = read - start;
    return {
      readMs,
      serializeMs: epochNow() - read,
      compressMs: 0,
      outputBytes: file.length,
      jsonBytes: 0,
      records: snapshotCounts(snapshot),
    };
  });
  return { span: lastSpan('export'), ...result };
}

async function runBaselineExport(): Promise<ExportResult> {
  const { db, identity } = requireImported();
  const { deviceId } = await getDeviceContext();
  const result = await clock.time('baselineExport', async () => {
    const start = epochNow();
    const snapshot = await readSnapshot(db, identity, deviceId);
    const read = epochNow();
    const json = new TextEncoder().encode(JSON.stringify(snapshot));
    const serialized = epochNow();
    const gzip = gzipSync(json, { level: baselineDeflateLevel });
    const end = epochNow();
    return {
      readMs: read - start,
      serializeMs: serialized - read,
      compressMs: end - serialized,
      outputBytes: gzip.length,
      jsonBytes: json.length,
      records: snapshotCounts(snapshot),
    };
  });
  return { span: lastSpan('baselineExport'), ...result };
}

async function prepareMerge(request: MergeRequest): Promise<void> {
  const local = await openFile(await fetchBytes(request.localUrl), 'local.steerwise');
  const remote = await openFile(await fetchBytes(request.remoteUrl), 'remote.steerwise');
  mergeInputs = { local, remote };
}

async function runMerge(): Promise<MergeStepResult> {
  if (mergeInputs === null) throw new Error('prepareMerge must run before runMerge');
  const { local, remote } = mergeInputs;
  const merged = await clock.time('merge', () => mergeSnapshots(local, remote, { now: Date.now() }));
  mergeInputs = null;
  return {
    span: lastSpan('merge'),
    preview: { tables: merged.preview.tables },
    conflicts: merged.preview.conflicts.length,
    deletedEdits: merged.preview.deletedEdits.length,
    mergedRecords: snapshotCounts(merged.snapshot),
  };
}

const api: PortfolioPageApi = { runFileImport, runRawWrite, warmUpRead, runExport, runBaselineExport, prepareMerge, runMerge };
Object.assign(window, api);
