/** Contract between the RFP bench runner (`rfpBench.ts`) and its Chromium page (`bench/page/rfpBench.mts`). */
import type { RfpWorkloadShape } from './workload';

export interface RfpBenchRequest {
  /** Timed iterations, each one score edit, model update, re-rank and sensitivity analysis. */
  readonly iterations: number;
  /** Iterations run first and reported apart, while V8 compiles the engine. */
  readonly warmUp: number;
}

export interface RfpBenchResult {
  readonly shape: RfpWorkloadShape;
  /** Individual scores in the model. */
  readonly scores: number;
  /** `buildRfpModel` plus the first `reevaluate`, in ms: the work when the records load. */
  readonly firstEvaluationMs: number;
  /** Durations of the warm-up iterations, in ms. */
  readonly warmUpTimes: readonly number[];
  /** Durations of the timed iterations, in ms. */
  readonly times: readonly number[];
  /** Sensitivity items (criteria and sections) of the last analysis. */
  readonly sensitivityItems: number;
  readonly winnerId: string | null;
  readonly rankedBidders: number;
}

export interface RfpPageApi {
  runRfpBench(request: RfpBenchRequest): RfpBenchResult;
}
