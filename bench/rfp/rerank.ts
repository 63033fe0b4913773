/**
 * `npx tsx bench/rfp/rerank.ts`: times the RFP engine at the size the scoring screen must
 * handle: 10 bidders, 200 criteria in 10 sections (one price criterion, two knockouts), 10
 * evaluators scoring everything (20,000 individual scores). Prints the median, 95th percentile
 * and maximum of:
 * - "edit": one score edit (`setScore`), then `computeResults` and `analyseSensitivity`, the work
 *   after a user changes a score; the target is 16 ms in Chromium.
 * - "rebuild": `buildRfpModel` from the records, then results and sensitivity, the work when the
 *   records are reloaded.
 *
 * The edit figures leave out 50 warm-up edits, because V8 compiles the engine during them. The
 * first of them is printed on its own as the cold time.
 *
 * Options: `--edits N` (default 500) and `--rebuilds N` (default 50). Node's timings are an
 * estimate for Chromium: both run V8, but the browser benchmark is what counts.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import type { CriterionInput, RfpInput, ScoreInput } from '../../shared/rfp/input';
import { buildRfpModel, setScore } from '../../shared/rfp/model';
import { computeResults } from '../../shared/rfp/results';
import { defaultScale } from '../../shared/rfp/scale';
import { analyseSensitivity } from '../../shared/rfp/sensitivity';

const bidderCount = 10;
const criterionCount = 200;
const sectionCount = 10;
const evaluatorCount = 10;
const knockoutCount = 2;
const warmUpEdits = 50;

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Deterministic pseudo-random integers (a 32-bit linear congruential generator), so every run times the same data. */
function makeRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % below;
  };
}

function buildInput(random: (below: number) => number): RfpInput {
  const sections = Array.from({ length: sectionCount }, (_, s) => ({ id: `s${String(s)}`, weight: 5 + random(20), order: s }));
  const criteria: CriterionInput[] = Array.from({ length: criterionCount }, (_, c) => {
    const sectionId = `s${String(c % sectionCount)}`;
    if (c === 0) {
      return { id: 'price', sectionId, kind: 'price', weight: 30, order: c, scale: defaultScale };
    }
    if (c <= knockoutCount) {
      return { id: `c${String(c)}`, sectionId, kind: 'knockout', weight: 0, order: c, scale: null };
    }
    return { id: `c${String(c)}`, sectionId, kind: 'scored', weight: 1 + random(10), order: c, scale: defaultScale };
  });
  const bidders = Array.from({ length: bidderCount }, (_, b) => ({ id: `b${String(b)}`, name: `Bidder ${String(b).padStart(2, '0')}` }));
  const evaluators = Array.from({ length: evaluatorCount }, (_, e) => ({
    id: `e${String(e)}`,
    evaluatorName: `Evaluator ${String(e)}`,
    sectionIds: null,
    conflictStatus: 'none' as const,
    conflictBidderIds: [],
  }));

  const scores: ScoreInput[] = [];
  for (const criterion of criteria) {
    for (const bidder of bidders) {
      for (const evaluator of evaluators) {
        let value: number;
        if (criterion.kind === 'knockout') {
          // The last bidder fails the first knockout, so the knockout path is part of the timing.
          const failing = bidder.id === `b${String(bidderCount - 1)}` && criterion.id === 'c1';
          value = failing ? 0 : 1;
        } else {
          value = random(6);
        }
        scores.push({
          evaluatorId: evaluator.id,
          bidderId: bidder.id,
          criterionId: criterion.id,
          value,
          comment: 'Evidence in section 4 of the bid',
        });
      }
    }
  }
  const priceBids = bidders.map((bidder) => ({
    bidderId: bidder.id,
    round: 1,
    currency: 'GBP',
    oneTimeCharges: [{ label: 'Transition', amountMinor: 10_000_000 + random(5_000_000) }],
    recurringCharges: [{ label: 'Service', amountMinor: 1_000_000 + random(500_000), period: 'month' as const }],
    exchangeRateToBase: 1,
    exchangeRateDate: '2026-03-02',
  }));
  return {
    event: { phase: 'consensus', baseCurrency: 'GBP', termMonths: 36, priceScoreMethod: 'lowestOverBid' },
    sections,
    criteria,
    bidders,
    evaluators,
    scores,
    consensusScores: [],
    priceBids,
  };
}

function summary(label: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
  write(
    `${label}: median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, max ${at(1).toFixed(3)} ms over ${String(sorted.length)} runs`,
  );
}

function main(): void {
  const { values } = parseArgs({ options: { edits: { type: 'string', default: '500' }, rebuilds: { type: 'string', default: '50' } } });
  const edits = Number(values.edits);
  const rebuilds = Number(values.rebuilds);
  const random = makeRandom(20_260_302);
  const input = buildInput(random);
  write(
    `RFP engine timing: ${String(bidderCount)} bidders, ${String(criterionCount)} criteria, ${String(evaluatorCount)} evaluators, ${String(input.scores.length)} scores`,
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
    const criterion = input.criteria[knockoutCount + 1 + random(criterionCount - knockoutCount - 1)];
    const edit: ScoreInput = {
      evaluatorId: `e${String(random(evaluatorCount))}`,
      bidderId: `b${String(random(bidderCount))}`,
      criterionId: criterion?.id ?? 'c3',
      value: random(6),
      comment: 'Revised after the clarification call',
    };
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
