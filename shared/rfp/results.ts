/**
 * Results of an RFP: weighted totals, knockouts, section breakdown and ranking.
 *
 * Totals are points out of 100: the sum over counting criteria of `share * normalised score`,
 * times 100, where a normalised score maps the criterion's scale minimum to 0 and its maximum
 * to 1.
 *
 * Blank scores: a criterion counts only when every bidder still in the running (not knocked
 * out) has a score for it, from consensus, the evaluators' mean or the price formula. A
 * criterion with a blank for any of them is excluded for all bidders and reported, and its
 * weight passes to the other criteria exactly as if it were removed from the tree. So a blank
 * neither lowers nor raises anyone's total compared with the same RFP without that criterion,
 * and all bidders in the running are compared on the same criteria. When every bidder is
 * knocked out, all bidders take part in this test.
 *
 * A knocked-out bidder stays in the results with the failed knockouts and their reasons and
 * ranks after every bidder in the running. Its total is informative only: it uses the same
 * counting criteria, over those it has scores for, with their shares scaled up to the whole.
 *
 * Ranking: higher total first. Totals within `tieTolerance` points are a tie, ordered by
 * bidder name and then id, and reported in `ties`.
 */
import type { Id } from '../domain/types';
import type { KnockoutStatus, RfpModel } from './model';
import { evaluatorCounts, knockoutStatusAt } from './model';
import type { TotalCostOfOwnership } from './money';
import type { WeightShares } from './weights';
import { describeShares, fillShares, usableWeight } from './weights';

/** Totals closer than this many points are a tie; float noise of summing 200 shares stays far below it. */
export const tieTolerance = 1e-9;

/** A what-if change: entered weights by id, or one item's effective share with all other shares scaled to keep the total at 100%. */
export interface WeightChange {
  /** Entered section weights to use in place of the records' weights. */
  readonly sectionWeights?: ReadonlyMap<Id, number>;
  /** Entered criterion weights to use in place of the records' weights. */
  readonly criterionWeights?: ReadonlyMap<Id, number>;
  /** Effective share (0 to 1) to give one criterion or section after the entered weights are applied. */
  readonly share?: ShareOverride;
}

export interface ShareOverride {
  readonly kind: 'criterion' | 'section';
  readonly id: Id;
  /** Effective share from 0 to 1; values outside are clamped. */
  readonly share: number;
}

export interface KnockoutOutcome {
  readonly criterionId: Id;
  readonly status: KnockoutStatus;
  /** The consensus reason when the panel agreed a verdict, otherwise the non-empty comments of the evaluators whose verdicts count. */
  readonly reasons: readonly string[];
}

export interface SectionResult {
  readonly sectionId: Id;
  /** Effective share of the section in the total, 0 to 1. */
  readonly share: number;
  /** Points the section adds to the bidder's total. */
  readonly points: number;
  /** Section score as a percentage of the section's maximum, or `null` when no criterion of the section counts or has a score. */
  readonly percentOfSection: number | null;
}

export interface BidderResult {
  readonly bidderId: Id;
  /** 1-based position in the ranking; tied bidders get consecutive positions in tie-break order. */
  readonly rank: number;
  /** Points out of 100, or `null` when no criterion counts (no weights, or every criterion excluded). */
  readonly total: number | null;
  readonly knockedOut: boolean;
  /** Outcome of every knockout criterion, in criteria order. */
  readonly knockouts: readonly KnockoutOutcome[];
  /** Weighted criteria without a score for this bidder, in criteria order. */
  readonly blankCriterionIds: readonly Id[];
  /** True for a knocked-out bidder whose total skips counting criteria it has no score for. */
  readonly partialTotal: boolean;
  readonly sections: readonly SectionResult[];
  /** Other bidders whose total ties with this one. */
  readonly tiedWith: readonly Id[];
  readonly tco: TotalCostOfOwnership | null;
}

export interface TieGroup {
  /** Bidders in tie-break order. */
  readonly bidderIds: readonly Id[];
  readonly total: number;
  /** Rank of the first bidder of the group. */
  readonly firstRank: number;
}

export interface ExcludedCriterion {
  readonly criterionId: Id;
  /** Bidders in the running that have no score for the criterion. */
  readonly blankBidderIds: readonly Id[];
}

export interface CellRef {
  readonly bidderId: Id;
  readonly criterionId: Id;
}

/** Numbers behind the results, indexed like the model, for the sensitivity analysis and what-ifs. */
export interface ResultArrays {
  /** 1 when the criterion counts in the totals. */
  readonly takesPart: Uint8Array;
  readonly criterionWeights: Float64Array;
  readonly sectionWeights: Float64Array;
  /** Sum of the entered weights of sections that have counting criteria. */
  readonly sectionWeightSum: number;
  readonly shares: Float64Array;
  readonly sectionShares: Float64Array;
  /** Total per bidder in points; `NaN` for a `null` total. */
  readonly totals: Float64Array;
  /** Points per section and bidder, `s * bidderCount + b`. */
  readonly sectionPoints: Float64Array;
  /** Bidder positions in ranking order. */
  readonly order: Int32Array;
  /** Number of bidders in the running; they are the first entries of `order`. */
  readonly eligibleCount: number;
}

export interface RfpResults {
  /** Bidders in ranking order: bidders in the running first, then knocked-out bidders. */
  readonly ranking: readonly BidderResult[];
  /** First-ranked bidder in the running with a total, or `null` when there is none. */
  readonly winnerId: Id | null;
  readonly ties: readonly TieGroup[];
  /** Shares used for these results, after exclusions and any what-if change. */
  readonly shares: WeightShares;
  readonly excludedCriteria: readonly ExcludedCriterion[];
  /** Cells whose evaluator scores spread by 30% of the scale range or more. */
  readonly noConsensusCells: readonly CellRef[];
  /** Cells with a consensus score that is ignored because its reason is empty. */
  readonly ignoredConsensusCells: readonly CellRef[];
  /** Knockouts still `pending` or `disputed`, which knock no one out until decided. */
  readonly undecidedKnockouts: readonly (CellRef & { readonly status: KnockoutStatus })[];
  /** True when no criterion is excluded and no knockout is undecided. */
  readonly complete: boolean;
  readonly arrays: ResultArrays;
}

/** Computes totals, section breakdown and ranking from the model, with an optional what-if change of weights. */
export function computeResults(model: RfpModel, change: WeightChange = {}): RfpResults {
  const bidderCount = model.bidders.length;
  const criterionCount = model.criteria.length;
  const sectionCount = model.sections.length;

  const anyEligible = model.knockedOut.some((out) => out === 0);
  const compared = (b: number): boolean => !anyEligible || model.knockedOut[b] === 0;

  const takesPart = new Uint8Array(criterionCount);
  const excludedCriteria: ExcludedCriterion[] = [];
  for (let c = 0; c < criterionCount; c++) {
    const criterion = model.criteria[c];
    if (criterion === undefined || criterion.kind === 'knockout') {
      continue;
    }
    const blankBidderIds: Id[] = [];
    for (let b = 0; b < bidderCount; b++) {
      if (compared(b) && Number.isNaN(model.normalised[c * bidderCount + b])) {
        blankBidderIds.push(model.bidders[b]?.id ?? '');
      }
    }
    if (blankBidderIds.length === 0) {
      takesPart[c] = 1;
    } else {
      excludedCriteria.push({ criterionId: criterion.id, blankBidderIds });
    }
  }

  const sectionWeights = Float64Array.from(model.sections, (section) => change.sectionWeights?.get(section.id) ?? section.weight);
  const criterionWeights = Float64Array.from(model.criteria, (criterion) => change.criterionWeights?.get(criterion.id) ?? criterion.weight);
  const shares = new Float64Array(criterionCount);
  const sectionShares = new Float64Array(sectionCount);
  const sectionWeightSum = fillShares(
    sectionWeights,
    criterionWeights,
    model.criterionSection,
    takesPart,
    new Float64Array(sectionCount),
    shares,
    sectionShares,
  );
  if (change.share !== undefined) {
    applyShareOverride(model, change.share, takesPart, criterionWeights, shares, sectionShares);
  }

  const totals = new Float64Array(bidderCount);
  const sectionPoints = new Float64Array(sectionCount * bidderCount);
  const partial = new Uint8Array(bidderCount);
  fillTotals(model, takesPart, shares, totals, sectionPoints, partial);

  const order = rankingOrder(model, totals);
  const eligibleCount = anyEligible ? model.knockedOut.reduce((count, out) => count + (out === 0 ? 1 : 0), 0) : 0;
  const ties = findTies(totals, order, eligibleCount);
  const arrays: ResultArrays = {
    takesPart,
    criterionWeights,
    sectionWeights,
    sectionWeightSum,
    shares,
    sectionShares,
    totals,
    sectionPoints,
    order,
    eligibleCount,
  };
  return assembleResults(model, arrays, partial, ties, excludedCriteria);
}

/**
 * Gives the target its new share and scales every other counting criterion by
 * `(1 - new) / (1 - old)`, so shares still add up to 1. A section's criteria keep their
 * proportions within it. A target that does not count changes nothing. When the target has
 * the whole weight, the others have no weight to scale, so the shares add up to the new share.
 */
function applyShareOverride(
  model: RfpModel,
  override: ShareOverride,
  takesPart: Uint8Array,
  criterionWeights: Float64Array,
  shares: Float64Array,
  sectionShares: Float64Array,
): void {
  const target = Math.min(1, Math.max(0, override.share));
  const inItem = itemMembers(model, override, takesPart);
  if (inItem.length === 0) {
    return;
  }

  let current = 0;
  let memberWeight = 0;
  for (const c of inItem) {
    current += shares[c] ?? 0;
    memberWeight += usableWeight(criterionWeights[c] ?? 0);
  }
  const othersFactor = current < 1 ? (1 - target) / (1 - current) : 0;
  const memberShares = inItem.map((c) => {
    if (current > 0) {
      return (target * (shares[c] ?? 0)) / current;
    }
    // A section with no share yet splits the new share by its criteria's entered weights.
    return memberWeight > 0 ? (target * usableWeight(criterionWeights[c] ?? 0)) / memberWeight : target / inItem.length;
  });
  for (let c = 0; c < shares.length; c++) {
    shares[c] = (shares[c] ?? 0) * othersFactor;
  }
  inItem.forEach((c, index) => {
    shares[c] = memberShares[index] ?? 0;
  });

  sectionShares.fill(0);
  for (let c = 0; c < shares.length; c++) {
    const section = model.criterionSection[c] ?? 0;
    sectionShares[section] = (sectionShares[section] ?? 0) + (shares[c] ?? 0);
  }
}

/** Positions of the counting criteria that make up a criterion or section. */
export function itemMembers(
  model: RfpModel,
  item: { readonly kind: 'criterion' | 'section'; readonly id: Id },
  takesPart: Uint8Array,
): number[] {
  if (item.kind === 'criterion') {
    const c = model.criterionPosition.get(item.id);
    return c !== undefined && takesPart[c] === 1 ? [c] : [];
  }
  const s = model.sectionPosition.get(item.id);
  const members: number[] = [];
  for (let c = 0; c < takesPart.length; c++) {
    if (takesPart[c] === 1 && model.criterionSection[c] === s) {
      members.push(c);
    }
  }
  return members;
}

function fillTotals(
  model: RfpModel,
  takesPart: Uint8Array,
  shares: Float64Array,
  totals: Float64Array,
  sectionPoints: Float64Array,
  partial: Uint8Array,
): void {
  const bidderCount = model.bidders.length;
  let shareSum = 0;
  for (let c = 0; c < shares.length; c++) {
    shareSum += takesPart[c] === 1 ? (shares[c] ?? 0) : 0;
  }

  for (let b = 0; b < bidderCount; b++) {
    let sum = 0;
    let presentShare = 0;
    let blanks = 0;
    for (let c = 0; c < shares.length; c++) {
      if (takesPart[c] !== 1) {
        continue;
      }
      const value = model.normalised[c * bidderCount + b] ?? Number.NaN;
      const share = shares[c] ?? 0;
      if (Number.isNaN(value)) {
        blanks += 1;
        continue;
      }
      sum += share * value;
      presentShare += share;
      const cell = (model.criterionSection[c] ?? 0) * bidderCount + b;
      sectionPoints[cell] = (sectionPoints[cell] ?? 0) + 100 * share * value;
    }

    // Only knocked-out bidders can have blanks in counting criteria; their total is scaled to the whole.
    const scale = blanks > 0 && presentShare > 0 ? shareSum / presentShare : 1;
    partial[b] = blanks > 0 ? 1 : 0;
    totals[b] = shareSum > 0 && presentShare > 0 ? 100 * sum * scale : Number.NaN;
    if (scale !== 1) {
      for (let s = 0; s < model.sections.length; s++) {
        sectionPoints[s * bidderCount + b] = (sectionPoints[s * bidderCount + b] ?? 0) * scale;
      }
    }
  }
}

/** Bidders in the running first, then knocked-out bidders; within each, higher total first, `null` last, ties by name and id. */
function rankingOrder(model: RfpModel, totals: Float64Array): Int32Array {
  const positions = Array.from(model.bidders, (_, b) => b);
  positions.sort((a, b) => {
    const outDifference = (model.knockedOut[a] ?? 0) - (model.knockedOut[b] ?? 0);
    if (outDifference !== 0) {
      return outDifference;
    }
    const totalA = totals[a] ?? Number.NaN;
    const totalB = totals[b] ?? Number.NaN;
    if (Number.isNaN(totalA) !== Number.isNaN(totalB)) {
      return Number.isNaN(totalA) ? 1 : -1;
    }
    if (!Number.isNaN(totalA) && Math.abs(totalA - totalB) > tieTolerance) {
      return totalB - totalA;
    }
    // Bidder positions follow name and id, so the position is the tie-break.
    return a - b;
  });
  return Int32Array.from(positions);
}

interface TieRun {
  readonly start: number;
  readonly end: number;
}

/** Runs of consecutive ranked bidders in the same group (in the running or knocked out) whose totals tie. */
function findTies(totals: Float64Array, order: Int32Array, eligibleCount: number): TieRun[] {
  const runs: TieRun[] = [];
  let start = 0;
  for (let k = 1; k <= order.length; k++) {
    const previous = totals[order[k - 1] ?? 0] ?? Number.NaN;
    const current = k < order.length ? (totals[order[k] ?? 0] ?? Number.NaN) : Number.NaN;
    const sameGroup = k < order.length && k < eligibleCount === k - 1 < eligibleCount;
    const tied = sameGroup && !Number.isNaN(previous) && !Number.isNaN(current) && Math.abs(previous - current) <= tieTolerance;
    if (!tied) {
      if (k - start > 1) {
        runs.push({ start, end: k });
      }
      start = k;
    }
  }
  return runs;
}

function assembleResults(
  model: RfpModel,
  arrays: ResultArrays,
  partial: Uint8Array,
  tieRuns: readonly TieRun[],
  excludedCriteria: ExcludedCriterion[],
): RfpResults {
  const bidderCount = model.bidders.length;
  const bidderId = (b: number): Id => model.bidders[b]?.id ?? '';

  const tiedWith = new Map<number, Id[]>();
  const ties: TieGroup[] = tieRuns.map((run) => {
    const members = Array.from(arrays.order.subarray(run.start, run.end));
    for (const b of members) {
      tiedWith.set(b, members.filter((other) => other !== b).map(bidderId));
    }
    return { bidderIds: members.map(bidderId), total: arrays.totals[members[0] ?? 0] ?? 0, firstRank: run.start + 1 };
  });

  const ranking = Array.from(arrays.order, (b, index) =>
    bidderResult(model, arrays, b, index + 1, partial[b] === 1, tiedWith.get(b) ?? []),
  );
  const first = arrays.order[0];
  const winnerId =
    arrays.eligibleCount > 0 && first !== undefined && !Number.isNaN(arrays.totals[first] ?? Number.NaN) ? bidderId(first) : null;

  const noConsensusCells: CellRef[] = [];
  const ignoredConsensusCells: CellRef[] = [];
  const undecidedKnockouts: (CellRef & { status: KnockoutStatus })[] = [];
  model.criteria.forEach((criterion, c) => {
    for (let b = 0; b < bidderCount; b++) {
      const cell = c * bidderCount + b;
      const ref = { bidderId: bidderId(b), criterionId: criterion.id };
      if (model.noConsensus[cell] === 1) {
        noConsensusCells.push(ref);
      }
      if (model.consensusIgnored[cell] === 1) {
        ignoredConsensusCells.push(ref);
      }
      if (criterion.kind === 'knockout') {
        const status = knockoutStatusAt(model, c, b);
        if (status === 'pending' || status === 'disputed') {
          undecidedKnockouts.push({ ...ref, status });
        }
      }
    }
  });

  return {
    ranking,
    winnerId,
    ties,
    shares: describeShares(model.sections, model.criteria, model.criterionSection, arrays.sectionShares, arrays.shares, {
      sections: arrays.sectionWeights,
      criteria: arrays.criterionWeights,
    }),
    excludedCriteria,
    noConsensusCells,
    ignoredConsensusCells,
    undecidedKnockouts,
    complete: excludedCriteria.length === 0 && undecidedKnockouts.length === 0,
    arrays,
  };
}

function bidderResult(model: RfpModel, arrays: ResultArrays, b: number, rank: number, partialTotal: boolean, tiedWith: Id[]): BidderResult {
  const bidderCount = model.bidders.length;
  const knockouts: KnockoutOutcome[] = [];
  const blankCriterionIds: Id[] = [];
  model.criteria.forEach((criterion, c) => {
    if (criterion.kind === 'knockout') {
      knockouts.push({ criterionId: criterion.id, status: knockoutStatusAt(model, c, b), reasons: knockoutReasons(model, c, b) });
    } else if (Number.isNaN(model.normalised[c * bidderCount + b])) {
      blankCriterionIds.push(criterion.id);
    }
  });

  const sections = model.sections.map((section, s) => {
    const share = arrays.sectionShares[s] ?? 0;
    let presentShare = 0;
    let sum = 0;
    for (let c = 0; c < model.criteria.length; c++) {
      const value = model.normalised[c * bidderCount + b] ?? Number.NaN;
      if (arrays.takesPart[c] === 1 && model.criterionSection[c] === s && !Number.isNaN(value)) {
        presentShare += arrays.shares[c] ?? 0;
        sum += (arrays.shares[c] ?? 0) * value;
      }
    }
    return {
      sectionId: section.id,
      share,
      points: arrays.sectionPoints[s * bidderCount + b] ?? 0,
      percentOfSection: presentShare > 0 ? (100 * sum) / presentShare : null,
    };
  });

  const total = arrays.totals[b] ?? Number.NaN;
  return {
    bidderId: model.bidders[b]?.id ?? '',
    rank,
    total: Number.isNaN(total) ? null : total,
    knockedOut: model.knockedOut[b] === 1,
    knockouts,
    blankCriterionIds,
    partialTotal,
    sections,
    tiedWith,
    tco: model.tco[b] ?? null,
  };
}

function knockoutReasons(model: RfpModel, c: number, b: number): string[] {
  const cell = c * model.bidders.length + b;
  if (!Number.isNaN(model.consensusValue[cell] ?? Number.NaN)) {
    return [model.consensusReason[cell] ?? ''];
  }
  const reasons: string[] = [];
  const evaluatorCount = model.evaluators.length;
  for (let e = 0; e < evaluatorCount; e++) {
    const slot = cell * evaluatorCount + e;
    const comment = (model.comments[slot] ?? '').trim();
    if (evaluatorCounts(model, e, b, c) && comment !== '' && !Number.isNaN(model.individual[slot] ?? Number.NaN)) {
      reasons.push(comment);
    }
  }
  return reasons;
}
