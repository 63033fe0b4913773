/**
 * What one evaluator's scoring sheet contains, worked out from the RFP's records without
 * exceljs: the criteria they may score in display order, the bidders they may score, their
 * existing scores and the allowed values of each criterion. The writer lays it out and the
 * import checks a filled sheet against it.
 */
import type { RfpCriterionKind, ScaleLevel } from '@shared/domain/rfp';
import type { Id } from '@shared/domain/types';
import { positionsById, sortBidders, sortCriteria, sortSections } from '@shared/rfp/order';
import { knockoutFail, knockoutPass } from '@shared/rfp/scale';
import { computeWeightShares } from '@shared/rfp/weights';
import type { EvaluatorRecord, RfpRecords } from '../rfpRecords';

export interface SheetCriterion {
  readonly id: Id;
  readonly sectionId: Id;
  readonly sectionTitle: string;
  readonly title: string;
  readonly kind: RfpCriterionKind;
  /** Effective share of the total, 0 to 1; `null` for a knockout, which has no weight. */
  readonly share: number | null;
  /** Levels of the scale in ascending order; empty for a knockout. */
  readonly levels: readonly ScaleLevel[];
  /** Values a score may take: the level values, or 0 (fail) and 1 (pass) for a knockout. */
  readonly allowed: readonly number[];
}

export interface SheetBidder {
  readonly id: Id;
  readonly name: string;
}

export interface SheetScore {
  readonly criterionId: Id;
  readonly bidderId: Id;
  /** `null` for a score record that is blank. */
  readonly value: number | null;
  readonly comment: string;
}

export interface SheetContent {
  readonly rfpId: Id;
  readonly rfpTitle: string;
  readonly evaluatorId: Id;
  readonly evaluatorName: string;
  readonly criteria: readonly SheetCriterion[];
  readonly bidders: readonly SheetBidder[];
  /** The evaluator's existing scores on the sheet's cells, blanks included. */
  readonly scores: readonly SheetScore[];
}

/**
 * Checks whether `evaluator` may score `criterion` at all: a formula-scored price criterion takes
 * no score, and an evaluator assigned to some sections scores only those.
 */
export function evaluatorScoresCriterion(
  records: RfpRecords,
  evaluator: EvaluatorRecord,
  criterion: { readonly kind: RfpCriterionKind; readonly sectionId: Id },
): boolean {
  if (criterion.kind === 'price' && records.event.priceScoreMethod !== 'manual') return false;
  return evaluator.sectionIds === null || evaluator.sectionIds.includes(criterion.sectionId);
}

/** Bidders the evaluator declared a conflict of interest with; they never appear on the sheet. */
export function conflictedBidderIds(evaluator: EvaluatorRecord): ReadonlySet<Id> {
  return new Set(evaluator.conflictStatus === 'declared' ? evaluator.conflictBidderIds : []);
}

/**
 * Builds the sheet content for `evaluator`. Criteria the evaluator may not score and bidders
 * they declared a conflict with are left out.
 */
export function buildSheetContent(records: RfpRecords, evaluator: EvaluatorRecord): SheetContent {
  const sections = sortSections(records.sections);
  const sectionTitles = new Map(sections.map((section) => [section.id, section.title]));
  const shares = new Map(computeWeightShares(records.sections, records.criteria).criteria.map((share) => [share.criterionId, share.share]));

  const criteria = sortCriteria(records.criteria, positionsById(sections))
    .filter((criterion) => evaluatorScoresCriterion(records, evaluator, criterion))
    .map((criterion): SheetCriterion => {
      const levels = criterion.kind === 'knockout' ? [] : (criterion.scale?.levels ?? []);
      return {
        id: criterion.id,
        sectionId: criterion.sectionId,
        sectionTitle: sectionTitles.get(criterion.sectionId) ?? '',
        title: criterion.title,
        kind: criterion.kind,
        share: criterion.kind === 'knockout' ? null : (shares.get(criterion.id) ?? 0),
        levels,
        allowed: criterion.kind === 'knockout' ? [knockoutFail, knockoutPass] : levels.map((level) => level.value),
      };
    });

  const conflicted = conflictedBidderIds(evaluator);
  const bidders = sortBidders(records.bidders)
    .filter((bidder) => !conflicted.has(bidder.id))
    .map((bidder) => ({ id: bidder.id, name: bidder.name }));

  const criterionIds = new Set(criteria.map((criterion) => criterion.id));
  const bidderIds = new Set(bidders.map((bidder) => bidder.id));
  const scores = records.scores
    .filter((score) => score.evaluatorId === evaluator.id && criterionIds.has(score.criterionId) && bidderIds.has(score.bidderId))
    .map(({ criterionId, bidderId, value, comment }) => ({ criterionId, bidderId, value, comment }));

  return {
    rfpId: records.event.id,
    rfpTitle: records.event.title,
    evaluatorId: evaluator.id,
    evaluatorName: evaluator.evaluatorName,
    criteria,
    bidders,
    scores,
  };
}

/** Checks whether `value` is at either end of the scale, or a knockout fail: such a score needs a comment. */
export function needsComment(criterion: SheetCriterion, value: number): boolean {
  if (criterion.kind === 'knockout') return value === knockoutFail;
  return value === criterion.allowed[0] || value === criterion.allowed[criterion.allowed.length - 1];
}
