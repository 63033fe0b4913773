/**
 * Property tests of the RFP engine on random criteria trees, panels, scores and prices.
 * `STEERWISE_RFP_RUNS` sets the runs of each property; the default is fast-check's 100.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { PriceScoreMethod } from '../../../../shared/domain/rfp';
import type { CriterionInput, RfpInput, ScoreInput } from '../../../../shared/rfp/input';
import { buildRfpModel, setScore } from '../../../../shared/rfp/model';
import type { RfpResults } from '../../../../shared/rfp/results';
import { computeResults } from '../../../../shared/rfp/results';
import { analyseSensitivity, whatIf } from '../../../../shared/rfp/sensitivity';
import { computeWeightShares, percentTenthsTotal } from '../../../../shared/rfp/weights';
import { bidder, evaluator, knockout, makeEvent, monthlyBid, price, scored, section } from './factories';

const configuredRuns = Number.parseInt(process.env.STEERWISE_RFP_RUNS ?? '', 10);
if (Number.isSafeInteger(configuredRuns) && configuredRuns > 0) {
  fc.configureGlobal({ numRuns: configuredRuns });
}

const maxCriteria = 8;
const maxBidders = 5;
const maxEvaluators = 3;

interface RfpSpec {
  readonly sectionWeights: readonly number[];
  readonly criteria: readonly { readonly section: number; readonly weight: number }[];
  readonly bidderCount: number;
  readonly evaluatorCount: number;
  /** Scores indexed by `(c * maxBidders + b) * maxEvaluators + e`. */
  readonly scores: readonly (number | null)[];
  readonly withPrice: boolean;
  readonly priceWeight: number;
  readonly priceMethod: PriceScoreMethod;
  readonly monthlyPrices: readonly number[];
  readonly withKnockout: boolean;
  readonly knockedOut: readonly boolean[];
}

const specArbitrary = (blankFrequency: number): fc.Arbitrary<RfpSpec> =>
  fc.record({
    sectionWeights: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 4 }),
    criteria: fc.array(fc.record({ section: fc.nat({ max: 3 }), weight: fc.integer({ min: 0, max: 10 }) }), {
      minLength: 1,
      maxLength: maxCriteria,
    }),
    bidderCount: fc.integer({ min: 2, max: maxBidders }),
    evaluatorCount: fc.integer({ min: 1, max: maxEvaluators }),
    scores: fc.array(
      blankFrequency > 0 ? fc.option(fc.integer({ min: 0, max: 5 }), { freq: blankFrequency }) : fc.integer({ min: 0, max: 5 }),
      { minLength: maxCriteria * maxBidders * maxEvaluators, maxLength: maxCriteria * maxBidders * maxEvaluators },
    ),
    withPrice: fc.boolean(),
    priceWeight: fc.integer({ min: 0, max: 10 }),
    priceMethod: fc.constantFrom<PriceScoreMethod>('lowestOverBid', 'linear'),
    monthlyPrices: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: maxBidders, maxLength: maxBidders }),
    withKnockout: fc.boolean(),
    knockedOut: fc.array(fc.boolean(), { minLength: maxBidders, maxLength: maxBidders }),
  });

const sectionId = (s: number): string => `s${String(s)}`;
const criterionId = (c: number): string => `c${String(c)}`;
const bidderId = (b: number): string => `b${String(b)}`;
const evaluatorId = (e: number): string => `e${String(e)}`;

function buildInput(spec: RfpSpec): RfpInput {
  const sections = spec.sectionWeights.map((weight, s) => section(sectionId(s), weight, s));
  const sectionOf = (index: number): string => sectionId(index % spec.sectionWeights.length);
  const criteria: CriterionInput[] = spec.criteria.map((entry, c) => scored(criterionId(c), sectionOf(entry.section), entry.weight, c));
  const bidders = Array.from({ length: spec.bidderCount }, (_, b) => bidder(bidderId(b)));
  const evaluators = Array.from({ length: spec.evaluatorCount }, (_, e) => evaluator(evaluatorId(e)));

  const scores: ScoreInput[] = [];
  spec.criteria.forEach((_, c) => {
    for (let b = 0; b < spec.bidderCount; b++) {
      for (let e = 0; e < spec.evaluatorCount; e++) {
        const value = spec.scores[(c * maxBidders + b) * maxEvaluators + e] ?? null;
        scores.push({ evaluatorId: evaluatorId(e), bidderId: bidderId(b), criterionId: criterionId(c), value, comment: 'reason' });
      }
    }
  });

  if (spec.withKnockout) {
    criteria.push(knockout('ko', sectionId(0), 100));
    for (let b = 0; b < spec.bidderCount; b++) {
      for (let e = 0; e < spec.evaluatorCount; e++) {
        scores.push({
          evaluatorId: evaluatorId(e),
          bidderId: bidderId(b),
          criterionId: 'ko',
          value: spec.knockedOut[b] === true ? 0 : 1,
          comment: 'reason',
        });
      }
    }
  }
  if (spec.withPrice) {
    criteria.push(price('price', sectionId(spec.sectionWeights.length - 1), spec.priceWeight, 101));
  }
  return {
    event: makeEvent({ priceScoreMethod: spec.priceMethod }),
    sections,
    criteria,
    bidders,
    evaluators,
    scores,
    consensusScores: [],
    priceBids: spec.withPrice
      ? Array.from({ length: spec.bidderCount }, (_, b) => monthlyBid(bidderId(b), 0, spec.monthlyPrices[b] ?? 1))
      : [],
  };
}

function totalsById(results: RfpResults): Map<string, number | null> {
  return new Map(results.ranking.map((entry) => [entry.bidderId, entry.total]));
}

describe('weight shares', () => {
  test('display shares add up to 100.0', () => {
    fc.assert(
      fc.property(specArbitrary(0), (spec) => {
        const input = buildInput(spec);
        const shares = computeWeightShares(input.sections, input.criteria);
        const anyWeight = shares.criteria.some((entry) => entry.share > 0);
        const sectionSum = shares.sections.reduce((sum, entry) => sum + entry.percentTenths, 0);
        const criterionSum = shares.criteria.reduce((sum, entry) => sum + entry.percentTenths, 0);
        expect(sectionSum).toBe(anyWeight ? percentTenthsTotal : 0);
        expect(criterionSum).toBe(anyWeight ? percentTenthsTotal : 0);
        for (const entry of shares.sections) {
          const members = shares.criteria.filter((criterion) => criterion.sectionId === entry.sectionId);
          expect(members.reduce((sum, criterion) => sum + criterion.percentTenths, 0)).toBe(entry.percentTenths);
        }
        for (const entry of [...shares.sections, ...shares.criteria]) {
          expect(Math.abs(entry.percentTenths - entry.share * percentTenthsTotal)).toBeLessThan(1);
        }
      }),
    );
  });

  test('unrounded shares add up to 1', () => {
    fc.assert(
      fc.property(specArbitrary(0), (spec) => {
        const shares = computeWeightShares(buildInput(spec).sections, buildInput(spec).criteria);
        const total = shares.criteria.reduce((sum, entry) => sum + entry.share, 0);
        expect(total === 0 || Math.abs(total - 1) < 1e-12).toBe(true);
      }),
    );
  });
});

describe('sensitivity flip points', () => {
  test('winner changes just past a flip', () => {
    fc.assert(
      fc.property(specArbitrary(0), (spec) => {
        const model = buildRfpModel(buildInput(spec));
        const results = computeResults(model);
        const analysis = analyseSensitivity(model, results);
        const winner = results.winnerId;
        for (const item of analysis.items) {
          const target = { kind: item.kind, id: item.id };
          const winnerAt = (share: number) => whatIf(model, { share: { ...target, share } });
          if (item.upperFlip !== null) {
            const past = winnerAt(item.upperFlip.share + Math.min(1e-4, (1 - item.upperFlip.share) / 2));
            expect(past.winnerId).not.toBe(winner);
            if (item.upperFlip.share - item.share > 1e-6) {
              expect(winnerAt((item.share + item.upperFlip.share) / 2).winnerId).toBe(winner);
            }
          }
          if (item.lowerFlip !== null) {
            const past = winnerAt(item.lowerFlip.share - Math.min(1e-4, item.lowerFlip.share / 2));
            expect(past.winnerId).not.toBe(winner);
            if (item.share - item.lowerFlip.share > 1e-6) {
              expect(winnerAt((item.share + item.lowerFlip.share) / 2).winnerId).toBe(winner);
            }
          }
        }
      }),
    );
  });

  test('no flip means the winner holds', () => {
    fc.assert(
      fc.property(specArbitrary(0), fc.double({ min: 0, max: 1, noNaN: true }), (spec, share) => {
        const model = buildRfpModel(buildInput(spec));
        const results = computeResults(model);
        for (const item of analyseSensitivity(model, results).items) {
          // An item with the whole weight has no other weight to trade with; the analysis reports no flip for it.
          if (item.share >= 1 - 1e-12) {
            continue;
          }
          const inside = item.winnerRange.low + (item.winnerRange.high - item.winnerRange.low) * share;
          const gap = Math.min(inside - item.winnerRange.low, item.winnerRange.high - inside);
          // Close to a bound the winner ties, and the tie-break may pick the challenger.
          if (gap > 1e-6 || (item.lowerFlip === null && item.upperFlip === null)) {
            const atShare = whatIf(model, { share: { kind: item.kind, id: item.id, share: inside } });
            expect(
              atShare.winnerId === results.winnerId || atShare.ties.some((tie) => tie.bidderIds.includes(results.winnerId ?? '')),
            ).toBe(true);
          }
        }
      }),
    );
  });

  test('section flip equals entered weight', () => {
    fc.assert(
      fc.property(specArbitrary(0), (spec) => {
        const model = buildRfpModel(buildInput(spec));
        const results = computeResults(model);
        for (const item of analyseSensitivity(model, results).items) {
          const flip = item.upperFlip ?? item.lowerFlip;
          if (item.kind !== 'section' || flip === null || flip.enteredWeight === null) {
            continue;
          }
          const bySection = whatIf(model, { sectionWeights: new Map([[item.id, flip.enteredWeight]]) });
          const byShare = whatIf(model, { share: { kind: 'section', id: item.id, share: flip.share } });
          for (const [id, total] of totalsById(byShare)) {
            expect(totalsById(bySection).get(id)).toBeCloseTo(total ?? Number.NaN, 9);
          }
        }
      }),
    );
  });
});

describe('blank scores', () => {
  test('blank equals removing the criterion', () => {
    fc.assert(
      fc.property(specArbitrary(0), fc.nat(), fc.nat(), (spec, criterionPick, bidderPick) => {
        const input = buildInput({ ...spec, withKnockout: false });
        const c = criterionPick % spec.criteria.length;
        const b = bidderPick % spec.bidderCount;
        const blanked: RfpInput = {
          ...input,
          scores: input.scores.map((score) =>
            score.criterionId === criterionId(c) && score.bidderId === bidderId(b) ? { ...score, value: null } : score,
          ),
        };
        const removed: RfpInput = {
          ...input,
          criteria: input.criteria.filter((criterion) => criterion.id !== criterionId(c)),
          scores: input.scores.filter((score) => score.criterionId !== criterionId(c)),
        };
        const withBlank = totalsById(computeResults(buildRfpModel(blanked)));
        const without = totalsById(computeResults(buildRfpModel(removed)));
        for (const [id, total] of without) {
          if (total === null) {
            expect(withBlank.get(id)).toBeNull();
          } else {
            expect(withBlank.get(id)).toBeCloseTo(total, 9);
          }
        }
      }),
    );
  });
});

describe('monotonicity', () => {
  test('a higher score never hurts its bidder', () => {
    fc.assert(
      fc.property(specArbitrary(0), fc.nat(), fc.nat(), fc.nat(), (spec, criterionPick, bidderPick, evaluatorPick) => {
        const input = buildInput(spec);
        const c = criterionPick % spec.criteria.length;
        const b = bidderPick % spec.bidderCount;
        const e = evaluatorPick % spec.evaluatorCount;
        const target = (score: ScoreInput) =>
          score.criterionId === criterionId(c) && score.bidderId === bidderId(b) && score.evaluatorId === evaluatorId(e);
        const current = input.scores.find(target)?.value ?? 0;
        fc.pre(current < 5);
        const raised: RfpInput = {
          ...input,
          scores: input.scores.map((score) => (target(score) ? { ...score, value: current + 1 } : score)),
        };

        const before = computeResults(buildRfpModel(input));
        const after = computeResults(buildRfpModel(raised));
        const beforeTotals = totalsById(before);
        for (const [id, total] of totalsById(after)) {
          const earlier = beforeTotals.get(id) ?? null;
          if (total === null || earlier === null) {
            expect(total).toBe(earlier);
          } else if (id === bidderId(b)) {
            expect(total).toBeGreaterThanOrEqual(earlier - 1e-9);
          } else {
            expect(total).toBeLessThanOrEqual(earlier + 1e-9);
          }
        }
        const rankOf = (results: RfpResults) => results.ranking.find((entry) => entry.bidderId === bidderId(b))?.rank ?? 0;
        expect(rankOf(after)).toBeLessThanOrEqual(rankOf(before));
      }),
    );
  });

  test('a lower price never hurts its bidder', () => {
    fc.assert(
      fc.property(specArbitrary(0), fc.nat(), (spec, bidderPick) => {
        const input = buildInput({ ...spec, withPrice: true, withKnockout: false });
        const b = bidderPick % spec.bidderCount;
        const cheaper: RfpInput = {
          ...input,
          priceBids: input.priceBids.map((bid) =>
            bid.bidderId === bidderId(b)
              ? monthlyBid(bid.bidderId, 0, Math.max(1, Math.floor((bid.recurringCharges[0]?.amountMinor ?? 2) / 2)))
              : bid,
          ),
        };
        const before = totalsById(computeResults(buildRfpModel(input))).get(bidderId(b)) ?? null;
        const after = totalsById(computeResults(buildRfpModel(cheaper))).get(bidderId(b)) ?? null;
        if (before !== null && after !== null) {
          expect(after).toBeGreaterThanOrEqual(before - 1e-9);
        }
      }),
    );
  });
});

describe('incremental edits', () => {
  test('setScore matches a rebuild', () => {
    fc.assert(
      fc.property(
        specArbitrary(5),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.option(fc.integer({ min: 0, max: 5 })),
        fc.boolean(),
        (spec, criterionPick, bidderPick, evaluatorPick, value, onKnockout) => {
          const input = buildInput(spec);
          const targetCriterion = onKnockout && spec.withKnockout ? 'ko' : criterionId(criterionPick % spec.criteria.length);
          const newValue = targetCriterion === 'ko' && value !== null ? value % 2 : value;
          const edit: ScoreInput = {
            evaluatorId: evaluatorId(evaluatorPick % spec.evaluatorCount),
            bidderId: bidderId(bidderPick % spec.bidderCount),
            criterionId: targetCriterion,
            value: newValue,
            comment: 'edited',
          };
          const rebuilt = computeResults(
            buildRfpModel({
              ...input,
              scores: [
                ...input.scores.filter(
                  (score) =>
                    !(score.criterionId === edit.criterionId && score.bidderId === edit.bidderId && score.evaluatorId === edit.evaluatorId),
                ),
                edit,
              ],
            }),
          );
          const model = buildRfpModel(input);
          expect(setScore(model, edit)).toBe(true);
          const incremental = computeResults(model);
          expect(incremental.ranking.map((entry) => entry.bidderId)).toEqual(rebuilt.ranking.map((entry) => entry.bidderId));
          for (const [id, total] of totalsById(rebuilt)) {
            if (total === null) {
              expect(totalsById(incremental).get(id)).toBeNull();
            } else {
              expect(totalsById(incremental).get(id)).toBeCloseTo(total, 12);
            }
          }
          expect(incremental.excludedCriteria).toEqual(rebuilt.excludedCriteria);
          expect(incremental.noConsensusCells).toEqual(rebuilt.noConsensusCells);
        },
      ),
    );
  });
});
