/**
 * View model of the scoring matrix for the evaluator chosen on this laptop: criteria as rows,
 * bidders as columns. Scoring is sealed: in the `scoring` phase a cell shows only the chosen
 * evaluator's own score. From `consensus` on it also shows every counting score, the mean, the
 * median, the no-consensus flag and the consensus score, except for bidders the evaluator
 * declared a conflict with, whose cells stay hidden.
 */
import type { RfpCriterionKind, RfpPhase, ScaleLevel } from '@shared/domain/rfp';
import type { Id } from '@shared/domain/types';
import type { MatrixCell } from '@shared/rfp/cells';
import { matrixCell } from '@shared/rfp/cells';
import type { RfpModel } from '@shared/rfp/model';
import { isFormulaPrice } from '@shared/rfp/model';
import { knockoutFail, knockoutPass } from '@shared/rfp/scale';
import { evaluatorView } from '@shared/rfp/visibility';
import type { EvaluatorRecord, RfpCriterionRecord, RfpRecords, ScoreRecord } from './rfpRecords';

/** Reason the chosen evaluator cannot enter a score in a cell; `null` when they can. */
export type CellLock = 'closed' | 'conflictPending' | 'conflictOfInterest' | 'outsideScope' | 'priceFormula' | null;

export interface MatrixCellView {
  readonly bidderId: Id;
  /** The chosen evaluator's own score; `null` when they have none. */
  readonly own: { readonly value: number | null; readonly comment: string } | null;
  readonly lock: CellLock;
  /** Cell statistics; `null` while sealed, and for a bidder hidden from the evaluator. */
  readonly stats: MatrixCell | null;
  /** Score the price formula gives, shown on a formula-scored price criterion in every phase. */
  readonly formulaScore: number | null;
}

export interface MatrixRowView {
  readonly criterionId: Id;
  readonly sectionTitle: string;
  readonly title: string;
  readonly kind: RfpCriterionKind;
  readonly levels: readonly ScaleLevel[];
  readonly cells: readonly MatrixCellView[];
}

export interface MatrixView {
  readonly phase: RfpPhase;
  readonly bidders: readonly { readonly id: Id; readonly name: string }[];
  readonly rows: readonly MatrixRowView[];
  /** True when the evaluator may see other evaluators' scores and the cell statistics. */
  readonly unsealed: boolean;
}

/** Builds the matrix for `evaluatorId`; with no evaluator chosen, every cell is sealed and locked. */
export function buildMatrixView(records: RfpRecords, model: RfpModel, evaluatorId: Id | null): MatrixView {
  const phase = records.event.phase;
  const evaluator = records.evaluators.find((candidate) => candidate.id === evaluatorId) ?? null;
  const view = evaluator === null ? null : evaluatorView(phase, evaluator, records.scores, records.consensusScores);
  const hidden = new Set(view?.hiddenBidderIds ?? []);
  const unsealed = view?.mayViewResults ?? false;

  const own = new Map<string, ScoreRecord>();
  for (const score of view?.own ?? []) own.set(cellKey(score.bidderId, score.criterionId), score);
  const sectionTitles = new Map(records.sections.map((section) => [section.id, section.title]));
  const criteriaById = new Map(records.criteria.map((criterion) => [criterion.id, criterion]));

  const rows: MatrixRowView[] = [];
  model.criteria.forEach((input, c) => {
    const criterion = criteriaById.get(input.id);
    if (criterion === undefined) return;
    const formula = isFormulaPrice(model, c);
    const cells = model.bidders.map((bidder): MatrixCellView => {
      const ownScore = own.get(cellKey(bidder.id, criterion.id));
      const fullCell = matrixCell(model, bidder.id, criterion.id);
      return {
        bidderId: bidder.id,
        own: ownScore === undefined ? null : { value: ownScore.value, comment: ownScore.comment },
        lock: cellLock(phase, evaluator, criterion, bidder.id, formula),
        stats: unsealed && !hidden.has(bidder.id) ? fullCell : null,
        formulaScore: formula ? (fullCell?.effective ?? null) : null,
      };
    });
    rows.push({
      criterionId: criterion.id,
      sectionTitle: sectionTitles.get(criterion.sectionId) ?? '',
      title: criterion.title,
      kind: criterion.kind,
      levels: criterion.scale?.levels ?? [],
      cells,
    });
  });

  return { phase, bidders: model.bidders.map((bidder) => ({ id: bidder.id, name: bidder.name })), rows, unsealed };
}

function cellLock(
  phase: RfpPhase,
  evaluator: EvaluatorRecord | null,
  criterion: RfpCriterionRecord,
  bidderId: Id,
  formula: boolean,
): CellLock {
  if (formula) return 'priceFormula';
  if (phase !== 'scoring' || evaluator === null) return 'closed';
  if (evaluator.conflictStatus === 'pending') return 'conflictPending';
  if (evaluator.conflictStatus === 'declared' && evaluator.conflictBidderIds.includes(bidderId)) return 'conflictOfInterest';
  if (evaluator.sectionIds !== null && !evaluator.sectionIds.includes(criterion.sectionId)) return 'outsideScope';
  return null;
}

function cellKey(bidderId: Id, criterionId: Id): string {
  return `${bidderId}\u0000${criterionId}`;
}

/** Outcome of reading typed text as a score of `criterion`. */
export type ParsedScore =
  | { readonly ok: true; readonly value: number; readonly needsComment: boolean }
  | { readonly ok: false; readonly allowed: readonly number[] };

/**
 * Reads typed text as a level value of the criterion's scale, or 1 (pass) or 0 (fail) for a
 * knockout. A score at either end of the scale, and a knockout fail, need a comment before
 * they are saved.
 */
export function parseScoreText(
  text: string,
  criterion: { readonly kind: RfpCriterionKind; readonly levels: readonly ScaleLevel[] },
): ParsedScore {
  const allowed = criterion.kind === 'knockout' ? [knockoutFail, knockoutPass] : criterion.levels.map((level) => level.value);
  const value = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!allowed.includes(value)) return { ok: false, allowed };
  if (criterion.kind === 'knockout') return { ok: true, value, needsComment: value === knockoutFail };
  const min = allowed[0];
  const max = allowed[allowed.length - 1];
  return { ok: true, value, needsComment: value === min || value === max };
}
