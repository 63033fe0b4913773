/**
 * The scoring model: an RFP's records indexed into dense arrays, with every matrix cell's
 * aggregate (mean, median, spread, consensus, effective score) computed once. Results and
 * sensitivity read these arrays, and `setScore` or `setConsensus` refresh one cell after an edit
 * instead of rebuilding the model, so a re-rank costs O(criteria x bidders).
 *
 * Arrays are indexed by position in the sorted record lists: cells are `c * bidderCount + b`, and
 * individual scores are `(c * bidderCount + b) * evaluatorCount + e`. A blank is `NaN`.
 *
 * The model is a mutable object owned by its caller; the functions here change it only through
 * `setScore`, `setConsensus` and `removeConsensus`.
 */
import type { Id } from '../domain/types';
import type { RfpIssue } from './issues';
import type {
  BidderInput,
  ConsensusInput,
  CriterionInput,
  EvaluatorInput,
  EventInput,
  PriceBidInput,
  RfpInput,
  ScoreInput,
  SectionInput,
} from './input';
import type { TotalCostOfOwnership } from './money';
import { totalCostOfOwnership } from './money';
import { positionsById, sortBidders, sortCriteria, sortEvaluators, sortSections } from './order';
import { priceScore } from './price';
import { knockoutFail, knockoutPass, scaleRange } from './scale';

/** Spread (max - min) of a cell's scores, as a share of the scale range, from which the cell is flagged as having no consensus. */
export const noConsensusSpreadShare = 0.3;

/** Outcome of a knockout criterion for one bidder. Only `fail` knocks a bidder out. */
export type KnockoutStatus = 'pending' | 'pass' | 'fail' | 'disputed';
const knockoutStatusCodes: readonly KnockoutStatus[] = ['pending', 'pass', 'fail', 'disputed'];
const pendingCode = 0;
const passCode = 1;
const failCode = 2;
const disputedCode = 3;

export interface RfpModel {
  readonly event: EventInput;
  /** Records in their deterministic order; indexes into the arrays below refer to these lists. */
  readonly sections: readonly SectionInput[];
  /** Every criterion whose section exists, ordered by section, then `order`, then id. */
  readonly criteria: readonly CriterionInput[];
  /** Bidders by name, then id; this is the ranking's tie-break order. */
  readonly bidders: readonly BidderInput[];
  readonly evaluators: readonly EvaluatorInput[];
  readonly sectionPosition: ReadonlyMap<Id, number>;
  readonly criterionPosition: ReadonlyMap<Id, number>;
  readonly bidderPosition: ReadonlyMap<Id, number>;
  readonly evaluatorPosition: ReadonlyMap<Id, number>;

  readonly criterionSection: Int32Array;
  /** Scale minimum and maximum per criterion; 0 and 1 for knockouts; `NaN` for a criterion without a valid scale. */
  readonly scaleMin: Float64Array;
  readonly scaleMax: Float64Array;
  /** Position of the price criterion, or -1 when the RFP has none. */
  readonly priceCriterion: number;

  /** 1 when evaluator `e` scores section `s` (`e * sectionCount + s`). */
  readonly inScope: Uint8Array;
  /** 1 when evaluator `e` declared a conflict with bidder `b` (`e * bidderCount + b`). */
  readonly conflicted: Uint8Array;

  /** Individual scores; `NaN` for a blank or a missing score. */
  readonly individual: Float64Array;
  /** Individual comments, same layout as `individual`. */
  readonly comments: string[];

  /** Number of counting individual scores per cell (in scope, no conflict, not blank). */
  readonly cellCount: Int32Array;
  /** Number of evaluators whose scores would count for the cell. */
  readonly cellExpected: Int32Array;
  readonly cellMean: Float64Array;
  readonly cellMedian: Float64Array;
  readonly cellMin: Float64Array;
  readonly cellMax: Float64Array;
  /** 1 when at least two scores differ by `noConsensusSpreadShare` of the scale range or more. */
  readonly noConsensus: Uint8Array;
  /** Consensus value; `NaN` when there is none or its reason is empty. */
  readonly consensusValue: Float64Array;
  readonly consensusReason: string[];
  /** 1 when a consensus score exists but is ignored because its reason is empty. */
  readonly consensusIgnored: Uint8Array;
  /** Score the results use, on the criterion's scale: consensus, else the mean, else the price formula; `NaN` for a blank. */
  readonly effective: Float64Array;
  /** `effective` mapped to 0 (scale minimum) to 1 (scale maximum). */
  readonly normalised: Float64Array;
  /** Knockout outcome codes for knockout criteria; see `knockoutStatusAt`. */
  readonly knockoutCodes: Uint8Array;

  /** 1 when the bidder fails at least one knockout. */
  readonly knockedOut: Uint8Array;
  /** TCO per bidder from its highest pricing round, or `null` without a usable price bid. */
  readonly tco: (TotalCostOfOwnership | null)[];
  /** Issue that made a bidder's price bid unusable, per bidder; `null` when it is usable or missing. */
  readonly tcoIssues: (RfpIssue | null)[];

  /** Scratch space of one entry per evaluator for medians. */
  readonly scratch: Float64Array;
}

/** Indexes the RFP and computes every cell, knockout and price score. */
export function buildRfpModel(input: RfpInput): RfpModel {
  const sections = sortSections(input.sections);
  const sectionPosition = positionsById(sections);
  const criteria = sortCriteria(input.criteria, sectionPosition);
  const criterionPosition = positionsById(criteria);
  const bidders = sortBidders(input.bidders);
  const bidderPosition = positionsById(bidders);
  const evaluators = sortEvaluators(input.evaluators);
  const evaluatorPosition = positionsById(evaluators);

  const criterionCount = criteria.length;
  const bidderCount = bidders.length;
  const evaluatorCount = evaluators.length;
  const cellCount = criterionCount * bidderCount;
  const individualCount = cellCount * evaluatorCount;

  const model: RfpModel = {
    event: input.event,
    sections,
    criteria,
    bidders,
    evaluators,
    sectionPosition,
    criterionPosition,
    bidderPosition,
    evaluatorPosition,
    criterionSection: Int32Array.from(criteria, (criterion) => sectionPosition.get(criterion.sectionId) ?? 0),
    scaleMin: new Float64Array(criterionCount),
    scaleMax: new Float64Array(criterionCount),
    priceCriterion: criteria.findIndex((criterion) => criterion.kind === 'price'),
    inScope: new Uint8Array(evaluatorCount * sections.length),
    conflicted: new Uint8Array(evaluatorCount * bidderCount),
    individual: new Float64Array(individualCount).fill(Number.NaN),
    comments: new Array<string>(individualCount).fill(''),
    cellCount: new Int32Array(cellCount),
    cellExpected: new Int32Array(cellCount),
    cellMean: new Float64Array(cellCount),
    cellMedian: new Float64Array(cellCount),
    cellMin: new Float64Array(cellCount),
    cellMax: new Float64Array(cellCount),
    noConsensus: new Uint8Array(cellCount),
    consensusValue: new Float64Array(cellCount).fill(Number.NaN),
    consensusReason: new Array<string>(cellCount).fill(''),
    consensusIgnored: new Uint8Array(cellCount),
    effective: new Float64Array(cellCount),
    normalised: new Float64Array(cellCount),
    knockoutCodes: new Uint8Array(cellCount),
    knockedOut: new Uint8Array(bidderCount),
    tco: new Array<TotalCostOfOwnership | null>(bidderCount).fill(null),
    tcoIssues: new Array<RfpIssue | null>(bidderCount).fill(null),
    scratch: new Float64Array(evaluatorCount),
  };

  fillScales(model);
  fillEvaluatorMasks(model);
  for (const score of input.scores) {
    writeScore(model, score);
  }
  for (const consensus of input.consensusScores) {
    writeConsensus(model, consensus);
  }
  fillPrices(model, input.priceBids);

  for (let c = 0; c < criterionCount; c++) {
    for (let b = 0; b < bidderCount; b++) {
      refreshCell(model, c, b);
    }
  }
  for (let b = 0; b < bidderCount; b++) {
    refreshKnockedOut(model, b);
  }
  refreshPriceScores(model);
  return model;
}

/**
 * Records one evaluator's score (a `null` value blanks it) and refreshes what depends on it.
 * Returns false, changing nothing, when the evaluator, bidder or criterion is not in the model.
 */
export function setScore(model: RfpModel, score: ScoreInput): boolean {
  const position = writeScore(model, score);
  if (position === null) {
    return false;
  }
  refreshAfterCellChange(model, position.c, position.b);
  return true;
}

/** Records a consensus score and refreshes what depends on it. Returns false when the bidder or criterion is not in the model. */
export function setConsensus(model: RfpModel, consensus: ConsensusInput): boolean {
  const position = writeConsensus(model, consensus);
  if (position === null) {
    return false;
  }
  refreshAfterCellChange(model, position.c, position.b);
  return true;
}

/** Removes a cell's consensus score, so the mean counts again. Returns false when the bidder or criterion is not in the model. */
export function removeConsensus(model: RfpModel, bidderId: Id, criterionId: Id): boolean {
  const c = model.criterionPosition.get(criterionId);
  const b = model.bidderPosition.get(bidderId);
  if (c === undefined || b === undefined) {
    return false;
  }
  const cell = c * model.bidders.length + b;
  model.consensusValue[cell] = Number.NaN;
  model.consensusReason[cell] = '';
  model.consensusIgnored[cell] = 0;
  refreshAfterCellChange(model, c, b);
  return true;
}

export function knockoutStatusAt(model: RfpModel, c: number, b: number): KnockoutStatus {
  return knockoutStatusCodes[model.knockoutCodes[c * model.bidders.length + b] ?? pendingCode] ?? 'pending';
}

/** Checks whether evaluator `e`'s scores count for bidder `b` on criterion `c`: the evaluator scores its section and declared no conflict with the bidder. */
export function evaluatorCounts(model: RfpModel, e: number, b: number, c: number): boolean {
  const section = model.criterionSection[c] ?? 0;
  return model.inScope[e * model.sections.length + section] === 1 && model.conflicted[e * model.bidders.length + b] !== 1;
}

/** Checks whether the criterion's cells come from the price formula rather than from evaluators. */
export function isFormulaPrice(model: RfpModel, c: number): boolean {
  return c === model.priceCriterion && model.event.priceScoreMethod !== 'manual';
}

function fillScales(model: RfpModel): void {
  model.criteria.forEach((criterion, c) => {
    if (criterion.kind === 'knockout') {
      model.scaleMin[c] = knockoutFail;
      model.scaleMax[c] = knockoutPass;
      return;
    }
    const range = criterion.scale === null ? null : scaleRange(criterion.scale);
    const valid = range !== null && Number.isFinite(range.min) && Number.isFinite(range.max) && range.max > range.min;
    model.scaleMin[c] = valid ? range.min : Number.NaN;
    model.scaleMax[c] = valid ? range.max : Number.NaN;
  });
}

function fillEvaluatorMasks(model: RfpModel): void {
  const sectionCount = model.sections.length;
  const bidderCount = model.bidders.length;
  model.evaluators.forEach((evaluator, e) => {
    for (let s = 0; s < sectionCount; s++) {
      const section = model.sections[s];
      const inScope = evaluator.sectionIds === null || (section !== undefined && evaluator.sectionIds.includes(section.id));
      model.inScope[e * sectionCount + s] = inScope ? 1 : 0;
    }
    for (const bidderId of evaluator.conflictBidderIds) {
      const b = model.bidderPosition.get(bidderId);
      if (b !== undefined) {
        model.conflicted[e * bidderCount + b] = 1;
      }
    }
  });
}

function writeScore(model: RfpModel, score: ScoreInput): { c: number; b: number } | null {
  const c = model.criterionPosition.get(score.criterionId);
  const b = model.bidderPosition.get(score.bidderId);
  const e = model.evaluatorPosition.get(score.evaluatorId);
  if (c === undefined || b === undefined || e === undefined) {
    return null;
  }
  const slot = (c * model.bidders.length + b) * model.evaluators.length + e;
  model.individual[slot] = score.value === null || !Number.isFinite(score.value) ? Number.NaN : score.value;
  model.comments[slot] = score.comment;
  return { c, b };
}

function writeConsensus(model: RfpModel, consensus: ConsensusInput): { c: number; b: number } | null {
  const c = model.criterionPosition.get(consensus.criterionId);
  const b = model.bidderPosition.get(consensus.bidderId);
  if (c === undefined || b === undefined) {
    return null;
  }
  const cell = c * model.bidders.length + b;
  const hasReason = consensus.reason.trim() !== '';
  const usable = hasReason && Number.isFinite(consensus.value);
  model.consensusValue[cell] = usable ? consensus.value : Number.NaN;
  model.consensusReason[cell] = consensus.reason;
  model.consensusIgnored[cell] = hasReason ? 0 : 1;
  return { c, b };
}

/** Keeps each bidder's highest pricing round (the first one given on equal rounds) and computes its TCO. */
function fillPrices(model: RfpModel, priceBids: readonly PriceBidInput[]): void {
  const latest = new Map<number, PriceBidInput>();
  for (const bid of priceBids) {
    const b = model.bidderPosition.get(bid.bidderId);
    if (b === undefined) {
      continue;
    }
    const current = latest.get(b);
    if (current === undefined || bid.round > current.round) {
      latest.set(b, bid);
    }
  }
  for (const [b, bid] of latest) {
    const result = totalCostOfOwnership(bid, model.event.baseCurrency, model.event.termMonths);
    model.tco[b] = result.ok ? result.tco : null;
    model.tcoIssues[b] = result.ok ? null : result.issue;
  }
}

function refreshAfterCellChange(model: RfpModel, c: number, b: number): void {
  refreshCell(model, c, b);
  if (model.criteria[c]?.kind === 'knockout') {
    refreshKnockedOut(model, b);
    // Knocked-out bidders do not set the lowest and highest TCO, so a knockout can move every price score.
    refreshPriceScores(model);
  }
}

/** Recomputes one cell's aggregates, effective score and, for a knockout, its outcome. */
function refreshCell(model: RfpModel, c: number, b: number): void {
  const bidderCount = model.bidders.length;
  const evaluatorCount = model.evaluators.length;
  const cell = c * bidderCount + b;
  const first = cell * evaluatorCount;
  const formulaPrice = isFormulaPrice(model, c);

  let count = 0;
  let expected = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  if (!formulaPrice) {
    for (let e = 0; e < evaluatorCount; e++) {
      if (!evaluatorCounts(model, e, b, c)) {
        continue;
      }
      expected += 1;
      const value = model.individual[first + e] ?? Number.NaN;
      if (Number.isNaN(value)) {
        continue;
      }
      model.scratch[count] = value;
      count += 1;
      sum += value;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }

  model.cellCount[cell] = count;
  model.cellExpected[cell] = expected;
  model.cellMean[cell] = count > 0 ? sum / count : Number.NaN;
  model.cellMedian[cell] = count > 0 ? median(model.scratch, count) : Number.NaN;
  model.cellMin[cell] = count > 0 ? min : Number.NaN;
  model.cellMax[cell] = count > 0 ? max : Number.NaN;
  const range = (model.scaleMax[c] ?? Number.NaN) - (model.scaleMin[c] ?? Number.NaN);
  // The small allowance keeps float noise in a computed range from hiding a spread that equals the threshold.
  model.noConsensus[cell] = count >= 2 && max - min >= noConsensusSpreadShare * range - 1e-9 ? 1 : 0;

  if (model.criteria[c]?.kind === 'knockout') {
    model.knockoutCodes[cell] = knockoutCode(model, c, b, expected);
    model.effective[cell] = Number.NaN;
    model.normalised[cell] = Number.NaN;
    return;
  }
  if (formulaPrice) {
    // Price scores are set for all bidders at once by refreshPriceScores.
    return;
  }
  const consensus = model.consensusValue[cell] ?? Number.NaN;
  setEffective(model, c, cell, Number.isNaN(consensus) ? (model.cellMean[cell] ?? Number.NaN) : consensus);
}

function setEffective(model: RfpModel, c: number, cell: number, value: number): void {
  const min = model.scaleMin[c] ?? Number.NaN;
  const max = model.scaleMax[c] ?? Number.NaN;
  model.effective[cell] = value;
  model.normalised[cell] = (value - min) / (max - min);
}

/**
 * Computes a knockout outcome code. A consensus verdict decides when there is one. Otherwise the
 * outcome is `disputed` when the evaluators' verdicts differ, and `pending` until every evaluator
 * whose verdict counts has given one. When all of them agree, it is `pass` or `fail`.
 */
function knockoutCode(model: RfpModel, c: number, b: number, expected: number): number {
  const cell = c * model.bidders.length + b;
  const consensus = model.consensusValue[cell] ?? Number.NaN;
  if (consensus === knockoutPass) {
    return passCode;
  }
  if (consensus === knockoutFail) {
    return failCode;
  }

  const evaluatorCount = model.evaluators.length;
  let passes = 0;
  let fails = 0;
  for (let e = 0; e < evaluatorCount; e++) {
    if (!evaluatorCounts(model, e, b, c)) {
      continue;
    }
    const value = model.individual[cell * evaluatorCount + e];
    if (value === knockoutPass) {
      passes += 1;
    } else if (value === knockoutFail) {
      fails += 1;
    }
  }
  if (passes > 0 && fails > 0) {
    return disputedCode;
  }
  if (expected === 0 || passes + fails < expected) {
    return pendingCode;
  }
  return fails > 0 ? failCode : passCode;
}

function refreshKnockedOut(model: RfpModel, b: number): void {
  const bidderCount = model.bidders.length;
  let out = 0;
  for (let c = 0; c < model.criteria.length; c++) {
    if (model.criteria[c]?.kind === 'knockout' && model.knockoutCodes[c * bidderCount + b] === failCode) {
      out = 1;
      break;
    }
  }
  model.knockedOut[b] = out;
}

/**
 * Sets the price criterion's cells from the TCOs. The lowest and highest TCO are taken over the
 * bidders that are not knocked out, or over all bidders when every one is. So a cheap bid that
 * is knocked out cannot lower everyone else's price score. A score beyond the scale is clamped
 * to it. A bidder without a usable price bid, or with a TCO of 0 or less, has a blank price score.
 */
function refreshPriceScores(model: RfpModel): void {
  const c = model.priceCriterion;
  if (c < 0 || !isFormulaPrice(model, c)) {
    return;
  }
  const bidderCount = model.bidders.length;
  const anyEligible = model.knockedOut.some((out) => out === 0);
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (let b = 0; b < bidderCount; b++) {
    const total = model.tco[b]?.baseTotalMinor ?? 0;
    if (total > 0 && (!anyEligible || model.knockedOut[b] === 0)) {
      lowest = Math.min(lowest, total);
      highest = Math.max(highest, total);
    }
  }

  const method = model.event.priceScoreMethod === 'linear' ? 'linear' : 'lowestOverBid';
  const min = model.scaleMin[c] ?? Number.NaN;
  const max = model.scaleMax[c] ?? Number.NaN;
  for (let b = 0; b < bidderCount; b++) {
    const total = model.tco[b]?.baseTotalMinor ?? 0;
    const value = total > 0 && Number.isFinite(lowest) ? priceScore(method, total, lowest, highest, min, max) : Number.NaN;
    setEffective(model, c, c * bidderCount + b, value);
  }
}

/** Median of the first `count` entries of `values`; sorts them in place. */
function median(values: Float64Array, count: number): number {
  const part = values.subarray(0, count);
  part.sort();
  const middle = count >> 1;
  return count % 2 === 1 ? (part[middle] ?? Number.NaN) : ((part[middle - 1] ?? 0) + (part[middle] ?? 0)) / 2;
}
