/** One call from an RFP's records to its results and sensitivity analysis. */
import type { RfpInput } from './input';
import type { RfpModel } from './model';
import { buildRfpModel } from './model';
import type { RfpResults } from './results';
import { computeResults } from './results';
import type { SensitivityAnalysis } from './sensitivity';
import { analyseSensitivity } from './sensitivity';

export interface RfpEvaluation {
  /** Model to pass to `setScore`, `whatIf` and `matrixCell`; after an edit, call `reevaluate` on it. */
  readonly model: RfpModel;
  readonly results: RfpResults;
  readonly sensitivity: SensitivityAnalysis;
}

/** Builds the model, then computes results and the sensitivity analysis. */
export function evaluateRfp(input: RfpInput): RfpEvaluation {
  return reevaluate(buildRfpModel(input));
}

/** Recomputes results and sensitivity from a model, for example after `setScore`. */
export function reevaluate(model: RfpModel): RfpEvaluation {
  const results = computeResults(model);
  return { model, results, sensitivity: analyseSensitivity(model, results) };
}
