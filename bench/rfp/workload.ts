/**
 * The seeded RFP that the engine benchmarks score: bidders, criteria in sections (one price
 * criterion, a set number of knockouts, the rest scored on the 0 to 5 scale), and evaluators who
 * have scored every cell. Pure, so both the Node script (`rerank.ts`) and the Chromium page
 * (`bench/page/rfpBench.mts`) build the same data from the same seed.
 */
import type { CriterionInput, RfpInput, ScoreInput } from '../../shared/rfp/input';
import { defaultScale } from '../../shared/rfp/scale';

export interface RfpWorkloadShape {
  readonly bidders: number;
  readonly criteria: number;
  readonly sections: number;
  readonly evaluators: number;
  /** Knockout criteria; the last bidder fails the first one, so the knockout path is timed too. */
  readonly knockouts: number;
  readonly seed: number;
}

/** The size the scoring screen must handle after one score edit within 16 ms. */
export const benchRfpShape: RfpWorkloadShape = { bidders: 10, criteria: 200, sections: 10, evaluators: 10, knockouts: 1, seed: 20_260_302 };

/** Deterministic pseudo-random integers below `below` (a 32-bit linear congruential generator). */
export function makeRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % below;
  };
}

function buildCriteria(shape: RfpWorkloadShape, random: (below: number) => number): CriterionInput[] {
  return Array.from({ length: shape.criteria }, (_, c): CriterionInput => {
    const sectionId = `s${String(c % shape.sections)}`;
    if (c === 0) return { id: 'price', sectionId, kind: 'price', weight: 30, order: c, scale: defaultScale };
    if (c <= shape.knockouts) return { id: `c${String(c)}`, sectionId, kind: 'knockout', weight: 0, order: c, scale: null };
    return { id: `c${String(c)}`, sectionId, kind: 'scored', weight: 1 + random(10), order: c, scale: defaultScale };
  });
}

/** Builds the RFP in phase `consensus` with every score entered; `random` is advanced, so pass a fresh one per build. */
export function buildRfpWorkload(shape: RfpWorkloadShape, random: (below: number) => number): RfpInput {
  const sections = Array.from({ length: shape.sections }, (_, s) => ({ id: `s${String(s)}`, weight: 5 + random(20), order: s }));
  const criteria = buildCriteria(shape, random);
  const bidders = Array.from({ length: shape.bidders }, (_, b) => ({ id: `b${String(b)}`, name: `Bidder ${String(b).padStart(2, '0')}` }));
  const evaluators = Array.from({ length: shape.evaluators }, (_, e) => ({
    id: `e${String(e)}`,
    evaluatorName: `Evaluator ${String(e)}`,
    sectionIds: null,
    conflictStatus: 'none' as const,
    conflictBidderIds: [],
  }));
  const lastBidder = `b${String(shape.bidders - 1)}`;

  const scores: ScoreInput[] = [];
  for (const criterion of criteria) {
    for (const bidder of bidders) {
      for (const evaluator of evaluators) {
        let value: number;
        if (criterion.kind === 'knockout') value = bidder.id === lastBidder && criterion.id === 'c1' ? 0 : 1;
        else value = random(6);
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

/** Picks the next score edit: a random evaluator, bidder and scored criterion, and a new value. */
export function nextScoreEdit(shape: RfpWorkloadShape, input: RfpInput, random: (below: number) => number): ScoreInput {
  const firstScored = shape.knockouts + 1;
  const criterion = input.criteria[firstScored + random(shape.criteria - firstScored)];
  return {
    evaluatorId: `e${String(random(shape.evaluators))}`,
    bidderId: `b${String(random(shape.bidders))}`,
    criterionId: criterion?.id ?? `c${String(firstScored)}`,
    value: random(6),
    comment: 'Revised after the clarification call',
  };
}

export interface TimingSummary {
  readonly median: number;
  readonly p95: number;
  readonly max: number;
  readonly runs: number;
}

/** Summarises durations in ms with nearest-rank percentiles (the value at rank ceil(p × n)). */
export function summariseTimes(times: readonly number[]): TimingSummary {
  const sorted = [...times].sort((a, b) => a - b);
  const rank = (fraction: number): number => sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
  return { median: rank(0.5), p95: rank(0.95), max: sorted.at(-1) ?? Number.NaN, runs: sorted.length };
}
