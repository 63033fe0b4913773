/**
 * Data passed between the portfolio bench runner (Node) and its page in Chromium
 * (`bench/page/portfolioBench.mts`), and the step list and counting helper that both use. It
 * imports nothing from Node or the DOM, so that both programs can import it.
 */
import type { RecordTable } from '../../shared/domain/types';
import type { MergePreview } from '../../shared/sync/mergeTypes';
import type { PortfolioSnapshot } from '../../shared/sync/snapshot';
import { recordTables } from '../../shared/sync/snapshot';
import type { StepSpan } from '../benchTypes';

/**
 * Steps of the portfolio page, in the order the runner calls them. The page marks each one in
 * the trace, so that every heap figure can be assigned to a step.
 */
export type PortfolioStep = 'import' | 'rawWrite' | 'export' | 'baselineExport' | 'merge';

export const portfolioSteps: readonly PortfolioStep[] = ['import', 'rawWrite', 'export', 'baselineExport', 'merge'];

export interface FileImportRequest {
  /** URL of the `.steerwise` file, relative to the page. */
  readonly fileUrl: string;
  /** File name that error details name, as a user's file name would be. */
  readonly fileName: string;
}

/** Records of each table, plus tombstones. */
export type TableCounts = Readonly<Record<RecordTable | 'tombstones', number>>;

/** Counts the records of each table of a snapshot, and its tombstones. */
export function snapshotCounts(snapshot: PortfolioSnapshot): TableCounts {
  const counts = { tombstones: snapshot.tombstones.length } as Record<RecordTable | 'tombstones', number>;
  for (const table of recordTables) counts[table] = snapshot.records[table].length;
  return counts;
}

/** The app's import of a file into an empty portfolio database. Durations are in ms. */
export interface FileImportResult {
  readonly span: StepSpan<'import'>;
  /** `openPortfolioFile`: checks, inflation, JSON parsing and record validation. */
  readonly openMs: number;
  /** `mergeSnapshots` of an empty local snapshot with the file's. */
  readonly mergeMs: number;
  /** `applyMergeDelta`: one read-write transaction. */
  readonly writeMs: number;
  /** Records and tombstones the delta wrote. */
  readonly written: TableCounts;
}

/** Raw IndexedDB writes of the file's records. The file is opened again first, outside the span. */
export interface RawWriteResult {
  readonly span: StepSpan<'rawWrite'>;
  readonly written: TableCounts;
}

/** The app's export and its baseline, both from the database that the import filled. */
export interface ExportResult {
  readonly span: StepSpan<'export' | 'baselineExport'>;
  /** `readSnapshot`. */
  readonly readMs: number;
  /** Time of `writePortfolioFile` for the app, or of `JSON.stringify` and `TextEncoder` for the baseline. */
  readonly serializeMs: number;
  /** Time of fflate `gzipSync` of the baseline's JSON bytes. It is 0 for the app, whose compression is part of `serializeMs`. */
  readonly compressMs: number;
  /** Size of the output (the `.steerwise` file or the gzip), in bytes. */
  readonly outputBytes: number;
  /** Size of the baseline's JSON text in UTF-8, in bytes, or 0 for the app. */
  readonly jsonBytes: number;
  readonly records: TableCounts;
}

export interface MergeRequest {
  /** URLs of the two exports, relative to the page: the local laptop's and the received one. */
  readonly localUrl: string;
  readonly remoteUrl: string;
}

/** `mergeSnapshots` of two opened exports. The files are opened before the span. */
export interface MergeStepResult {
  readonly span: StepSpan<'merge'>;
  readonly preview: Pick<MergePreview, 'tables'>;
  readonly conflicts: number;
  readonly deletedEdits: number;
  readonly mergedRecords: TableCounts;
}

/** Functions the portfolio page adds to `window`. The runner calls each once, in this order. */
export interface PortfolioPageApi {
  runFileImport(request: FileImportRequest): Promise<FileImportResult>;
  runRawWrite(request: FileImportRequest): Promise<RawWriteResult>;
  /** Reads the imported portfolio once without timing it, so that both export steps read a warm database. */
  warmUpRead(): Promise<void>;
  runExport(): Promise<ExportResult>;
  runBaselineExport(): Promise<ExportResult>;
  /** Opens both exports and keeps them for `runMerge`, so the runner can read the heap in between. */
  prepareMerge(request: MergeRequest): Promise<void>;
  runMerge(): Promise<MergeStepResult>;
}
