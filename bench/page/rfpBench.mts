/**
 * The RFP re-ranking bench as it runs in Chromium. `runRfpBench` builds the seeded RFP of
 * `bench/rfp/workload.ts` and its scoring model once, then times each iteration of the work the
 * app does after one score edit: `setScore` (the incremental model update) and `reevaluate`
 * (ranking with `computeResults`, then the full `analyseSensitivity`). The first `warmUp`
 * iterations, while V8 still compiles the engine, are returned apart and left out of the figures.
 */
import { reevaluate } from '@shared/rfp/evaluate';
import { buildRfpModel, setScore } from '@shared/rfp/model';
import { benchRfpShape, buildRfpWorkload, makeRandom, nextScoreEdit } from '../rfp/workload';
import type { RfpBenchRequest, RfpBenchResult, RfpPageApi } from '../rfp/rfpPageTypes';

function runRfpBench(request: RfpBenchRequest): RfpBenchResult {
  const shape = benchRfpShape;
  const random = makeRandom(shape.seed);
  const input = buildRfpWorkload(shape, random);

  const buildStart = performance.now();
  const model = buildRfpModel(input);
  let evaluation = reevaluate(model);
  const firstEvaluationMs = performance.now() - buildStart;

  const warmUpTimes: number[] = [];
  const times: number[] = [];
  for (let run = 0; run < request.warmUp + request.iterations; run++) {
    const edit = nextScoreEdit(shape, input, random);
    const start = performance.now();
    if (!setScore(model, edit)) throw new Error(`The bench edit ${JSON.stringify(edit)} names a record the model does not have`);
    evaluation = reevaluate(model);
    const elapsed = performance.now() - start;
    if (run < request.warmUp) warmUpTimes.push(elapsed);
    else times.push(elapsed);
  }

  return {
    shape,
    scores: input.scores.length,
    firstEvaluationMs,
    warmUpTimes,
    times,
    sensitivityItems: evaluation.sensitivity.items.length,
    winnerId: evaluation.sensitivity.winnerId,
    rankedBidders: evaluation.results.ranking.length,
  };
}

const api: RfpPageApi = { runRfpBench };
Object.assign(globalThis, api);
