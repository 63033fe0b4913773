/**
 * `npx tsx bench/rfp/rerank.ts`: times the RFP engine in Node at the size the scoring screen must
 * handle, the seeded RFP of `workload.ts`: 10 bidders, 200 criteria in 10 sections (one price
 * criterion, one knockout), 10 evaluators scoring everything (20,000 individual scores). Prints
 * the median, 95th percentile and maximum of:
 * - "edit": one score edit (`setScore`), then `computeResults` and `analyseSensitivity`, the work
 *   after a user changes a score.
 * - "rebuild": `buildRfpModel` from the records, then results and sensitivity, the work when the
 *   records are reloaded.
 *
 * The edit figures leave out 50 warm-up edits, because V8 compiles the engine during them. The
 * first of them is printed on its own as the cold time.
 *
 * Options: `--edits N` (default 500) and `--rebuilds N` (default 50). Node's timings are an
 * estimate for Chromium: both run V8, but the 16 ms target is checked in Chromium by
 * `npm run bench` (`rfpBench.ts`).
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { buildRfpModel, setScore } from '../../shared/rfp/model';
import { computeResults } from '../../shared/rfp/results';
import { analyseSensitivity } from '../../shared/rfp/sensitivity';
import { benchRfpShape, buildRfpWorkload, makeRandom, nextScoreEdit, summariseTimes } from './workload';

const warmUpEdits = 50;

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

function summary(label: string, times: number[]): void {
  const { median, p95, max, runs } = summariseTimes(times);
  write(`${label}: median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms, max ${max.toFixed(3)} ms over ${String(runs)} runs`);
}

function main(): void {
  const { values } = parseArgs({ options: { edits: { type: 'string', default: '500' }, rebuilds: { type: 'string', default: '50' } } });
  const edits = Number(values.edits);
  const rebuilds = Number(values.rebuilds);
  const shape = benchRfpShape;
  const random = makeRandom(shape.seed);
  const input = buildRfpWorkload(shape, random);
  write(
    `RFP engine timing: ${String(shape.bidders)} bidders, ${String(shape.criteria)} criteria, ${String(shape.evaluators)} evaluators, ${String(input.scores.length)} scores`,
  );
  write(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${String(cpus().length)} logical CPUs`);

  const rebuildTimes: number[] = [];
  let winner: string | null = null;
  for (let run = 0; run < rebuilds; run++) {
    const start = performance.now();
    const model = buildRfpModel(input);
    const results = computeResults(model);
    const analysis = analyseSensitivity(model, results);
    rebuildTimes.push(performance.now() - start);
    winner = analysis.winnerId;
  }

  const model = buildRfpModel(input);
  const editTimes: number[] = [];
  let items = 0;
  for (let run = 0; run < edits + warmUpEdits; run++) {
    const edit = nextScoreEdit(shape, input, random);
    const start = performance.now();
    setScore(model, edit);
    const results = computeResults(model);
    const analysis = analyseSensitivity(model, results);
    // The first edits run while V8 is still compiling the engine; they are reported apart.
    if (run === 0) {
      write(`first edit (cold): ${(performance.now() - start).toFixed(3)} ms`);
    } else if (run >= warmUpEdits) {
      editTimes.push(performance.now() - start);
    }
    items = analysis.items.length;
    winner = analysis.winnerId;
  }

  summary('edit (setScore + results + sensitivity)', editTimes);
  summary('rebuild (model + results + sensitivity)', rebuildTimes);
  write(`Sensitivity items per run: ${String(items)}; last winner: ${winner ?? 'none'}`);
}

main();
