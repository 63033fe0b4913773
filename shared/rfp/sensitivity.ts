/**
 * One-at-a-time weight sensitivity. For each counting criterion and each section, it finds how
 * far the item's effective share can move before the winner or the ranking changes. Every other
 * share is scaled by the same factor, so the shares still add up to 100%.
 *
 * Take the item's current share `s`, a bidder's total `T` and its score on the item `A`, both in
 * points (`A` is the item's score as a percentage of its maximum). The total at share `t` is
 *
 *   T(t) = R + t * (A - R),   where R = (T - s * A) / (1 - s)
 *
 * is the bidder's total over all other items. The total is linear in the share, and so
 * linear-fractional in an entered weight, since `share = w / (w + other weights)`. The gap
 * between two bidders `D(t) = T_winner(t) - T_other(t)` is linear too, so they swap places at
 * `t = -D(0) / (D(1) - D(0))`, where `D(0)` is the gap in `R` and `D(1)` the gap in `A`.
 *
 * Only bidders in the running take part, because knocked-out bidders rank last whatever the weights.
 */
import type { Id } from '../domain/types';
import type { RfpModel } from './model';
import type { RfpResults, WeightChange } from './results';
import { computeResults, itemMembers, tieTolerance } from './results';
import { usableWeight } from './weights';

/** Tornado bars move each share by this fraction of itself down and up: 0.5 is from half to one and a half times the share. */
export const defaultTornadoSpread = 0.5;

export type SensitivityItemKind = 'criterion' | 'section';

export interface FlipPoint {
  /** Effective share, 0 to 1, at which the challenger ties; past it, away from the current share, the challenger leads. */
  readonly share: number;
  /** Bidder that leads just past the flip. */
  readonly newWinnerId: Id;
  /**
   * For a section, the entered section weight that gives this share when every other entered
   * weight stays. `null` for a criterion, and when no finite weight gives the share.
   */
  readonly enteredWeight: number | null;
}

export interface RankFlip {
  /** Effective share, 0 to 1, at which the two bidders tie. */
  readonly share: number;
  /** The two bidders that swap places, higher-ranked first at the current share. */
  readonly bidderIds: readonly [Id, Id];
}

export interface TornadoBar {
  readonly kind: SensitivityItemKind;
  readonly id: Id;
  readonly lowShare: number;
  readonly highShare: number;
  /** Current winner's lead over the best other bidder in the running, in points, at each share; negative where it no longer wins. */
  readonly marginAtLow: number;
  readonly marginAtBase: number;
  readonly marginAtHigh: number;
  /** Current winner's total in points at each end. */
  readonly winnerTotalAtLow: number;
  readonly winnerTotalAtHigh: number;
  /** `|marginAtHigh - marginAtLow|`; bars are sorted by it, largest first. */
  readonly swing: number;
}

export interface SensitivityItem {
  readonly kind: SensitivityItemKind;
  readonly id: Id;
  /** Current effective share, 0 to 1. */
  readonly share: number;
  /** Shares between which the current winner stays first. */
  readonly winnerRange: { readonly low: number; readonly high: number };
  /** Flip below the current share, or `null` when the winner stays first down to a share of 0. */
  readonly lowerFlip: FlipPoint | null;
  /** Flip above the current share, or `null` when the winner stays first up to a share of 1. */
  readonly upperFlip: FlipPoint | null;
  /** Shares between which the whole order of bidders in the running stays the same. */
  readonly rankingRange: { readonly low: number; readonly high: number };
  readonly lowerRankFlip: RankFlip | null;
  readonly upperRankFlip: RankFlip | null;
  readonly tornado: TornadoBar;
}

export interface SensitivityAnalysis {
  /** Winner the analysis is about; `null` when there is none, and then `items` is empty. */
  readonly winnerId: Id | null;
  /** Counting criteria in criteria order, then sections with a counting criterion of positive weight, in section order. */
  readonly items: readonly SensitivityItem[];
  /** The items' tornado bars, largest swing first, then in item order. */
  readonly tornado: readonly TornadoBar[];
}

/**
 * Analyses every counting criterion and section of `results`, which must come from
 * `computeResults(model)` on the model in its current state. An item that has the whole weight
 * has nothing to trade weight with, so it reports the full range and no flips.
 */
export function analyseSensitivity(
  model: RfpModel,
  results: RfpResults,
  tornadoSpread: number = defaultTornadoSpread,
): SensitivityAnalysis {
  const arrays = results.arrays;
  const eligible = arrays.order.subarray(0, arrays.eligibleCount);
  const winner = eligible[0];
  if (winner === undefined || results.winnerId === null) {
    return { winnerId: null, items: [], tornado: [] };
  }

  const work: Workspace = {
    score: new Float64Array(model.bidders.length),
    rest: new Float64Array(model.bidders.length),
  };
  const items: SensitivityItem[] = [];
  for (let c = 0; c < model.criteria.length; c++) {
    const criterion = model.criteria[c];
    if (criterion !== undefined && arrays.takesPart[c] === 1) {
      items.push(analyseItem(model, results, { kind: 'criterion', id: criterion.id }, eligible, work, tornadoSpread));
    }
  }
  for (const section of model.sections) {
    // A section whose counting criteria all weigh 0 gets no share from any section weight, so it has no flip to find.
    const members = itemMembers(model, { kind: 'section', id: section.id }, arrays.takesPart);
    if (members.some((c) => usableWeight(arrays.criterionWeights[c] ?? 0) > 0)) {
      items.push(analyseItem(model, results, { kind: 'section', id: section.id }, eligible, work, tornadoSpread));
    }
  }

  const tornado = items
    .map((item, index) => ({ bar: item.tornado, index }))
    .sort((a, b) => b.bar.swing - a.bar.swing || a.index - b.index)
    .map((entry) => entry.bar);
  return { winnerId: results.winnerId, items, tornado };
}

/** Re-ranks with changed weights: entered weights by id, or one item's effective share. */
export function whatIf(model: RfpModel, change: WeightChange): RfpResults {
  return computeResults(model, change);
}

interface Workspace {
  /** `A` per bidder position: score on the item in points. */
  readonly score: Float64Array;
  /** `R` per bidder position: total over all other items in points. */
  readonly rest: Float64Array;
}

interface Item {
  readonly kind: SensitivityItemKind;
  readonly id: Id;
}

function analyseItem(
  model: RfpModel,
  results: RfpResults,
  item: Item,
  eligible: Int32Array,
  work: Workspace,
  tornadoSpread: number,
): SensitivityItem {
  const arrays = results.arrays;
  const share = itemShare(model, results, item);
  fillLines(model, results, item, share, eligible, work);

  const winner = eligible[0] ?? 0;
  const wholeWeight = share >= 1 - 1e-12;
  const lowShare = Math.max(0, share * (1 - tornadoSpread));
  const highShare = Math.min(1, share * (1 + tornadoSpread));
  const tornado: TornadoBar = {
    kind: item.kind,
    id: item.id,
    lowShare,
    highShare,
    marginAtLow: margin(work, eligible, lowShare),
    marginAtBase: margin(work, eligible, share),
    marginAtHigh: margin(work, eligible, highShare),
    winnerTotalAtLow: lineAt(work, winner, lowShare),
    winnerTotalAtHigh: lineAt(work, winner, highShare),
    swing: 0,
  };
  const bar = { ...tornado, swing: Math.abs(tornado.marginAtHigh - tornado.marginAtLow) };

  if (wholeWeight || eligible.length < 2) {
    return {
      kind: item.kind,
      id: item.id,
      share,
      winnerRange: { low: 0, high: 1 },
      lowerFlip: null,
      upperFlip: null,
      rankingRange: { low: 0, high: 1 },
      lowerRankFlip: null,
      upperRankFlip: null,
      tornado: bar,
    };
  }

  const winnerBounds = crossingBounds(work, share, winner, eligible.subarray(1));
  const rankBounds = adjacentBounds(work, share, eligible);
  const bidderId = (b: number): Id => model.bidders[b]?.id ?? '';
  const enteredWeight = (t: number): number | null => (item.kind === 'section' ? sectionWeightFor(model, arrays, item.id, t) : null);
  return {
    kind: item.kind,
    id: item.id,
    share,
    winnerRange: { low: winnerBounds.low, high: winnerBounds.high },
    lowerFlip:
      winnerBounds.lowBidder < 0
        ? null
        : { share: winnerBounds.low, newWinnerId: bidderId(winnerBounds.lowBidder), enteredWeight: enteredWeight(winnerBounds.low) },
    upperFlip:
      winnerBounds.highBidder < 0
        ? null
        : { share: winnerBounds.high, newWinnerId: bidderId(winnerBounds.highBidder), enteredWeight: enteredWeight(winnerBounds.high) },
    rankingRange: { low: rankBounds.low, high: rankBounds.high },
    lowerRankFlip: rankBounds.lowPair < 0 ? null : rankFlip(rankBounds.low, rankBounds.lowPair, eligible, bidderId),
    upperRankFlip: rankBounds.highPair < 0 ? null : rankFlip(rankBounds.high, rankBounds.highPair, eligible, bidderId),
    tornado: bar,
  };
}

function rankFlip(share: number, pair: number, eligible: Int32Array, bidderId: (b: number) => Id): RankFlip {
  return { share, bidderIds: [bidderId(eligible[pair] ?? 0), bidderId(eligible[pair + 1] ?? 0)] };
}

function itemShare(model: RfpModel, results: RfpResults, item: Item): number {
  if (item.kind === 'criterion') {
    return results.arrays.shares[model.criterionPosition.get(item.id) ?? -1] ?? 0;
  }
  return results.arrays.sectionShares[model.sectionPosition.get(item.id) ?? -1] ?? 0;
}

/** Fills `A` and `R` for every bidder in the running. */
function fillLines(model: RfpModel, results: RfpResults, item: Item, share: number, eligible: Int32Array, work: Workspace): void {
  const arrays = results.arrays;
  const bidderCount = model.bidders.length;
  const members = itemMembers(model, item, arrays.takesPart);
  let memberWeight = 0;
  for (const c of members) {
    memberWeight += usableWeight(arrays.criterionWeights[c] ?? 0);
  }

  for (const b of eligible) {
    let score = 0;
    if (item.kind === 'criterion') {
      score = 100 * (model.normalised[(members[0] ?? 0) * bidderCount + b] ?? 0);
    } else if (share > 0) {
      score = (arrays.sectionPoints[(model.sectionPosition.get(item.id) ?? 0) * bidderCount + b] ?? 0) / share;
    } else {
      // A section with no share yet: its score weighs its criteria by their entered weights.
      for (const c of members) {
        const weight = memberWeight > 0 ? usableWeight(arrays.criterionWeights[c] ?? 0) / memberWeight : 1 / members.length;
        score += 100 * weight * (model.normalised[c * bidderCount + b] ?? 0);
      }
    }
    const total = arrays.totals[b] ?? 0;
    work.score[b] = score;
    work.rest[b] = share < 1 - 1e-12 ? (total - share * score) / (1 - share) : total;
  }
}

function lineAt(work: Workspace, b: number, t: number): number {
  const rest = work.rest[b] ?? 0;
  return rest + t * ((work.score[b] ?? 0) - rest);
}

/** Winner's total minus the best other total at share `t`; 0 when the winner has no rival. */
function margin(work: Workspace, eligible: Int32Array, t: number): number {
  const winner = eligible[0] ?? 0;
  let best = Number.NEGATIVE_INFINITY;
  for (let k = 1; k < eligible.length; k++) {
    best = Math.max(best, lineAt(work, eligible[k] ?? 0, t));
  }
  return eligible.length < 2 ? 0 : lineAt(work, winner, t) - best;
}

interface Bounds {
  low: number;
  high: number;
  /** Bidder position that leads just below `low`, or -1. */
  lowBidder: number;
  /** Bidder position that leads just above `high`, or -1. */
  highBidder: number;
}

/**
 * Nearest shares below and above `share` where a rival's line crosses the leader's. At equal
 * crossing shares the rival whose line rises fastest past the crossing is the one that leads.
 */
function crossingBounds(work: Workspace, share: number, leader: number, rivals: Int32Array): Bounds {
  const bounds: Bounds = { low: 0, high: 1, lowBidder: -1, highBidder: -1 };
  let lowSlope = 0;
  let highSlope = 0;
  for (const rival of rivals) {
    const atZero = (work.rest[leader] ?? 0) - (work.rest[rival] ?? 0);
    const atOne = (work.score[leader] ?? 0) - (work.score[rival] ?? 0);
    const beta = atOne - atZero;
    const crossing = crossingShare(atZero, atOne, share);
    if (crossing === null) {
      continue;
    }
    // beta < 0: the rival gains as the share grows, so the crossing is above; beta > 0: below.
    if (beta < 0 && (crossing < bounds.high || (crossing === bounds.high && -beta > highSlope))) {
      bounds.high = crossing;
      bounds.highBidder = rival;
      highSlope = -beta;
    } else if (beta > 0 && (crossing > bounds.low || (crossing === bounds.low && beta > lowSlope))) {
      bounds.low = crossing;
      bounds.lowBidder = rival;
      lowSlope = beta;
    }
  }
  return bounds;
}

/**
 * Nearest shares below and above `share` where two neighbours in the current order swap. The
 * first swap as the share moves is always between neighbours, because no other pair has
 * changed places before it.
 */
function adjacentBounds(
  work: Workspace,
  share: number,
  eligible: Int32Array,
): { low: number; high: number; lowPair: number; highPair: number } {
  const bounds = { low: 0, high: 1, lowPair: -1, highPair: -1 };
  for (let k = 0; k + 1 < eligible.length; k++) {
    const upper = eligible[k] ?? 0;
    const lower = eligible[k + 1] ?? 0;
    const atZero = (work.rest[upper] ?? 0) - (work.rest[lower] ?? 0);
    const atOne = (work.score[upper] ?? 0) - (work.score[lower] ?? 0);
    const beta = atOne - atZero;
    const crossing = crossingShare(atZero, atOne, share);
    if (crossing === null) {
      continue;
    }
    if (beta < 0 && crossing < bounds.high) {
      bounds.high = crossing;
      bounds.highPair = k;
    } else if (beta > 0 && crossing > bounds.low) {
      bounds.low = crossing;
      bounds.lowPair = k;
    }
  }
  return bounds;
}

/**
 * Finds the share where the gap `D(t)` between two bidders reaches 0, from its values at shares
 * 0 and 1. Returns `null` unless the gap shrinks to 0 strictly between 0 and 1. The ends are
 * judged on `D(0)` and `D(1)` with the tie tolerance, because the division can place a crossing
 * that is exactly at 1 a hair below it. The result stays on the side of `share` where the gap
 * shrinks, since float noise can move a tie at the current share across it.
 */
function crossingShare(atZero: number, atOne: number, share: number): number | null {
  const beta = atOne - atZero;
  // Slopes this flat move the gap by less than the tie tolerance over the whole range of shares.
  if (Math.abs(beta) <= tieTolerance) {
    return null;
  }
  const farEnd = beta < 0 ? atOne : atZero;
  if (farEnd >= -tieTolerance) {
    return null;
  }
  const raw = -atZero / beta;
  return beta < 0 ? Math.max(share, raw) : Math.min(share, raw);
}

/** Entered weight a section needs for share `t` when the other sections keep theirs: `t / (1 - t) * other weights`. */
function sectionWeightFor(model: RfpModel, arrays: RfpResults['arrays'], sectionId: Id, t: number): number | null {
  const s = model.sectionPosition.get(sectionId);
  if (s === undefined || t >= 1) {
    return null;
  }
  const others = arrays.sectionWeightSum - usableWeight(arrays.sectionWeights[s] ?? 0);
  return others > 0 ? (t / (1 - t)) * others : null;
}
