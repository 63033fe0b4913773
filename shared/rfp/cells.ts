/** One cell of the scoring matrix (a bidder on a criterion) as the matrix screen shows it. */
import type { Id } from '../domain/types';
import type { KnockoutStatus, RfpModel } from './model';
import { evaluatorCounts, isFormulaPrice, knockoutStatusAt } from './model';

export interface IndividualScore {
  readonly evaluatorId: Id;
  /** Score, or `null` for a blank. */
  readonly value: number | null;
  readonly comment: string;
  /** Reason the score does not count: the evaluator declared a conflict with the bidder, or does not score this section; `null` when it counts. */
  readonly excludedBecause: 'conflictOfInterest' | 'outsideScope' | null;
}

export interface MatrixCell {
  readonly bidderId: Id;
  readonly criterionId: Id;
  /** Every evaluator's score, in evaluator order, including blanks and scores that do not count. */
  readonly individual: readonly IndividualScore[];
  /** Statistics of the counting scores; `null` when there are none. */
  readonly mean: number | null;
  readonly median: number | null;
  /** Highest minus lowest counting score; `null` with no counting score. */
  readonly spread: number | null;
  /** True when the spread reaches 30% of the scale range; the panel should discuss the cell. */
  readonly noConsensus: boolean;
  readonly consensus: { readonly value: number; readonly reason: string } | null;
  /** True when a consensus score exists but is ignored because its reason is empty. */
  readonly consensusIgnored: boolean;
  /** Score the results use, on the criterion's scale, or `null` for a blank. Always `null` for a knockout. */
  readonly effective: number | null;
  /** Source of `effective`. */
  readonly source: 'consensus' | 'mean' | 'priceFormula' | 'blank';
  /** Knockout outcome, or `null` for other criteria. */
  readonly knockout: KnockoutStatus | null;
}

/** Describes the cell of `bidderId` on `criterionId`, or returns `null` when either is not in the model. */
export function matrixCell(model: RfpModel, bidderId: Id, criterionId: Id): MatrixCell | null {
  const c = model.criterionPosition.get(criterionId);
  const b = model.bidderPosition.get(bidderId);
  const criterion = c === undefined ? undefined : model.criteria[c];
  if (c === undefined || b === undefined || criterion === undefined) {
    return null;
  }
  const bidderCount = model.bidders.length;
  const evaluatorCount = model.evaluators.length;
  const cell = c * bidderCount + b;

  const individual = model.evaluators.map((evaluator, e) => {
    const slot = cell * evaluatorCount + e;
    const value = model.individual[slot] ?? Number.NaN;
    let excludedBecause: IndividualScore['excludedBecause'] = null;
    if (!evaluatorCounts(model, e, b, c)) {
      excludedBecause = model.conflicted[e * bidderCount + b] === 1 ? 'conflictOfInterest' : 'outsideScope';
    }
    return { evaluatorId: evaluator.id, value: Number.isNaN(value) ? null : value, comment: model.comments[slot] ?? '', excludedBecause };
  });

  const consensusValue = model.consensusValue[cell] ?? Number.NaN;
  const effective = model.effective[cell] ?? Number.NaN;
  const hasCount = (model.cellCount[cell] ?? 0) > 0;
  let source: MatrixCell['source'] = 'blank';
  if (!Number.isNaN(effective)) {
    if (isFormulaPrice(model, c)) {
      source = 'priceFormula';
    } else {
      source = Number.isNaN(consensusValue) ? 'mean' : 'consensus';
    }
  }

  return {
    bidderId,
    criterionId,
    individual,
    mean: hasCount ? (model.cellMean[cell] ?? null) : null,
    median: hasCount ? (model.cellMedian[cell] ?? null) : null,
    spread: hasCount ? (model.cellMax[cell] ?? 0) - (model.cellMin[cell] ?? 0) : null,
    noConsensus: model.noConsensus[cell] === 1,
    consensus: Number.isNaN(consensusValue) ? null : { value: consensusValue, reason: model.consensusReason[cell] ?? '' },
    consensusIgnored: model.consensusIgnored[cell] === 1,
    effective: criterion.kind === 'knockout' || Number.isNaN(effective) ? null : effective,
    source: criterion.kind === 'knockout' ? 'blank' : source,
    knockout: criterion.kind === 'knockout' ? knockoutStatusAt(model, c, b) : null,
  };
}
