/**
 * Data passed between the bench runner (Node) and the bench page (Chromium). Types only, so
 * that both programs can import it.
 */
import type { ImportSummary } from '../shared/domain/types';

export interface ImportBenchRequest {
  /** URL of the workload CSV, relative to the page. */
  readonly workloadUrl: string;
  /** File name the import records, as a user's file name would be. */
  readonly fileName: string;
  /**
   * Whether to call `window.benchStepEnded` after every step and wait for it, so that the
   * runner can read the heap and the allocation profile of each step. Pauses between steps
   * change the peaks, so a run with it checks no target.
   */
  readonly reportSteps: boolean;
}

/** Steps of one bench run, in the order the page runs them. */
export type StepName = 'parse' | 'plan' | 'import' | 'reimport' | 'readBack' | 'rawPut';

/**
 * Start and end of one step in ms since the Unix epoch (`performance.timeOrigin +
 * performance.now()`), so that the runner can line its heap samples up with the steps.
 */
export interface StepSpan<S extends string = StepName> {
  readonly step: S;
  readonly start: number;
  readonly end: number;
}

export interface ImportBenchResult {
  /** Data rows in the workload file, as the plan counts them. */
  readonly rows: number;
  /** Columns of the workload file, of which the NHS 111 preset reads 10. */
  readonly columns: number;
  readonly providers: number;
  readonly kpis: number;
  /** Measurements in the plan: one per row and KPI whose cells give a result. */
  readonly measurements: number;
  /** Warning issues of the plan, such as empty cells or zero denominators. An error issue fails the run. */
  readonly warnings: number;
  readonly steps: readonly StepSpan[];
  readonly firstImport: ImportSummary;
  readonly reimport: ImportSummary;
  /** Records written by the raw IndexedDB step: the measurements read back after the import. */
  readonly rawRecords: number;
}

/** Function the bench page adds to `window`. */
export interface BenchPageApi {
  runImportBench(request: ImportBenchRequest): Promise<ImportBenchResult>;
}

/** Function the runner exposes on `window` for a run with `reportSteps`. The page awaits it after each step. */
export interface BenchRunnerApi {
  benchStepEnded(step: StepName): Promise<void>;
}
