/**
 * Checks a read scoring sheet against the RFP as stored now and turns it into score entries.
 * Every problem is collected, never only the first, so the evaluator can fix the sheet in one go.
 *
 * Blank cells: a blank score cell means "no score". It clears the evaluator's existing score only
 * when the sheet was written with a score in that cell (an About `prefilled` entry), because the
 * evaluator then emptied it on purpose. A cell that was blank when written and is still blank
 * leaves the stored score alone, so a score entered in the app after the download survives.
 */
import type { Id } from '@shared/domain/types';
import { knockoutFail, knockoutPass } from '@shared/rfp/scale';
import type { ScoreEntry } from '../../../db/rfpScores';
import type { EvaluatorRecord, RfpRecords } from '../rfpRecords';
import type { AboutBidder, ParsedRow, ParsedSheet, PlainCell } from './readSheet';
import type { SheetCriterion } from './sheetContent';
import { buildSheetContent, conflictedBidderIds, needsComment } from './sheetContent';
import { columnLetter, knockoutWords, scoresColumns, scoresSheetName } from './sheetFormat';
import type { SheetIssue } from './sheetIssues';
import { sheetIssue, sortSheetIssues } from './sheetIssues';

export interface SheetCheck {
  /** Problems in sheet order; the sheet may be imported only when this is empty. */
  readonly issues: readonly SheetIssue[];
  /** Scores to write: every filled cell, and a `null` value for each prefilled cell now blank. */
  readonly entries: readonly ScoreEntry[];
}

/** Checks `sheet` for the RFP `records` and the evaluator chosen on this laptop. */
export function validateSheet(sheet: ParsedSheet, records: RfpRecords, evaluatorId: Id, file: string): SheetCheck {
  const { about } = sheet;
  const evaluator = records.evaluators.find((candidate) => candidate.id === evaluatorId);
  if (about.rfpId !== records.event.id) {
    return { issues: [sheetIssue('scoringSheet.wrongRfp', { file, rfp: records.event.title })], entries: [] };
  }
  if (evaluator === undefined || about.evaluatorId !== evaluatorId) {
    // The sheet's owner is looked up by id: the name stored in the sheet may equal the chosen
    // evaluator's name (a namesake, or an evaluator removed and added again).
    const owner = records.evaluators.find((candidate) => candidate.id === about.evaluatorId);
    const chosen = evaluator?.evaluatorName ?? '';
    if (owner === undefined) {
      const detail = { file, sheetEvaluator: about.evaluatorName, evaluator: chosen };
      return { issues: [sheetIssue('scoringSheet.unknownEvaluator', detail)], entries: [] };
    }
    const detail = { file, sheetEvaluator: owner.evaluatorName, evaluator: chosen };
    return { issues: [sheetIssue('scoringSheet.wrongEvaluator', detail)], entries: [] };
  }

  const issues: SheetIssue[] = [];
  if (records.event.phase !== 'scoring') issues.push(sheetIssue('scoringSheet.scoringClosed', { file }));
  if (evaluator.conflictStatus === 'pending') {
    issues.push(sheetIssue('scoringSheet.conflictNotDeclared', { file, evaluator: evaluator.evaluatorName }));
  }

  const bidders = checkBidders(sheet, records, evaluator, issues);
  const entries = checkRows(sheet, records, evaluator, bidders, issues);
  return { issues: sortSheetIssues(issues), entries: issues.length === 0 ? entries : [] };
}

/** A bidder column pair that maps to a bidder the evaluator may score. */
interface MappedBidder extends AboutBidder {
  readonly name: string;
}

function hasValue(rows: readonly ParsedRow[], columns: readonly number[]): boolean {
  return rows.some((row) => columns.some((column) => row.cells.has(column)));
}

/** Maps About's bidder columns to the RFP's bidders and checks the Scores header still names each one there. */
function checkBidders(sheet: ParsedSheet, records: RfpRecords, evaluator: EvaluatorRecord, issues: SheetIssue[]): MappedBidder[] {
  const conflicted = conflictedBidderIds(evaluator);
  const mapped: MappedBidder[] = [];
  for (const column of sheet.about.bidders) {
    const location = { sheet: scoresSheetName, row: 1, column: columnLetter(column.scoreColumn), bidder: column.name };
    const bidder = records.bidders.find((candidate) => candidate.id === column.bidderId);
    const used = hasValue(sheet.rows, [column.scoreColumn, column.commentColumn]);
    if (bidder === undefined) {
      if (used) issues.push(sheetIssue('scoringSheet.unknownBidder', location));
      continue;
    }
    if (conflicted.has(bidder.id)) {
      if (used)
        issues.push(
          sheetIssue('scoringSheet.conflictOfInterest', { ...location, bidder: bidder.name, evaluator: evaluator.evaluatorName }),
        );
      continue;
    }
    const moved = [column.scoreColumn, column.commentColumn].find((number) => {
      const header = sheet.header.get(number);
      return typeof header !== 'string' || !header.includes(column.name);
    });
    if (moved !== undefined) {
      issues.push(sheetIssue('scoringSheet.headerChanged', { ...location, column: columnLetter(moved), bidder: column.name }));
      continue;
    }
    mapped.push({ ...column, name: bidder.name });
  }
  return mapped;
}

function checkRows(
  sheet: ParsedSheet,
  records: RfpRecords,
  evaluator: EvaluatorRecord,
  bidders: readonly MappedBidder[],
  issues: SheetIssue[],
): ScoreEntry[] {
  const scorable = new Map(buildSheetContent(records, evaluator).criteria.map((criterion) => [criterion.id, criterion]));
  const listed = new Map(sheet.about.criteria.map((entry) => [entry.criterionId, entry.row]));
  const prefilled = new Set(sheet.about.prefilled.map((entry) => `${entry.criterionId}\u0000${entry.bidderId}`));
  const titles = new Map(records.criteria.map((criterion) => [criterion.id, criterion.title]));
  const firstRowOf = new Map<Id, number>();
  const entries: ScoreEntry[] = [];
  const idColumn = columnLetter(scoresColumns.criterionId);

  for (const row of sheet.rows) {
    const idCell = row.cells.get(scoresColumns.criterionId);
    const criterionId = typeof idCell === 'string' ? idCell.trim() : null;
    const at = { sheet: scoresSheetName, row: row.row };
    if (criterionId === null) {
      issues.push(sheetIssue('scoringSheet.missingCriterionId', { ...at, column: idColumn, value: idCell ?? '' }));
      continue;
    }
    const firstRow = firstRowOf.get(criterionId);
    if (firstRow !== undefined) {
      issues.push(sheetIssue('scoringSheet.duplicateCriterion', { ...at, column: idColumn, value: criterionId, firstRow }));
      continue;
    }
    firstRowOf.set(criterionId, row.row);
    const title = titles.get(criterionId);
    if (!listed.has(criterionId) || title === undefined) {
      issues.push(sheetIssue('scoringSheet.unknownCriterion', { ...at, column: idColumn, value: criterionId }));
      continue;
    }
    const criterion = scorable.get(criterionId);
    if (criterion === undefined) {
      const filled = bidders.find((bidder) => row.cells.has(bidder.scoreColumn));
      if (filled !== undefined) {
        issues.push(sheetIssue('scoringSheet.criterionNotScorable', { ...at, column: columnLetter(filled.scoreColumn), criterion: title }));
      }
      continue;
    }
    for (const bidder of bidders) {
      const entry = checkCell(row, criterion, bidder, prefilled.has(`${criterionId}\u0000${bidder.bidderId}`), issues);
      if (entry !== null)
        entries.push({ rfpId: records.event.id, evaluatorId: evaluator.id, bidderId: bidder.bidderId, criterionId, ...entry });
    }
  }

  for (const [criterionId, writtenRow] of listed) {
    const criterion = scorable.get(criterionId);
    if (criterion !== undefined && !firstRowOf.has(criterionId)) {
      issues.push(sheetIssue('scoringSheet.missingCriterion', { sheet: scoresSheetName, row: writtenRow, criterion: criterion.title }));
    }
  }
  return entries;
}

/** Checks one bidder's score and comment in one row; returns the value to write, or `null` when the cell changes nothing. */
function checkCell(
  row: ParsedRow,
  criterion: SheetCriterion,
  bidder: MappedBidder,
  wasPrefilled: boolean,
  issues: SheetIssue[],
): { readonly value: number | null; readonly comment: string } | null {
  const scoreCell = row.cells.get(bidder.scoreColumn) ?? null;
  const commentCell = row.cells.get(bidder.commentColumn) ?? null;
  const comment = commentCell === null ? '' : String(commentCell).trim();
  const names = { criterion: criterion.title, bidder: bidder.name };
  const scoreAt = { sheet: scoresSheetName, row: row.row, column: columnLetter(bidder.scoreColumn), ...names };

  const value = parseScore(scoreCell, criterion);
  if (value === undefined) {
    issues.push(sheetIssue('scoringSheet.scoreNotAllowed', { ...scoreAt, value: String(scoreCell), allowed: allowedText(criterion) }));
    return null;
  }
  if (value === null) {
    if (comment !== '') issues.push(sheetIssue('scoringSheet.commentWithoutScore', scoreAt));
    return wasPrefilled ? { value: null, comment: '' } : null;
  }
  if (needsComment(criterion, value) && comment === '') {
    const commentAt = { ...scoreAt, column: columnLetter(bidder.commentColumn), value: String(scoreCell) };
    issues.push(sheetIssue('scoringSheet.commentRequired', commentAt));
    return null;
  }
  return { value, comment };
}

/** Reads a score cell: a level value, `null` for a blank, `undefined` for anything not allowed. */
function parseScore(cell: PlainCell, criterion: SheetCriterion): number | null | undefined {
  if (cell === null) return null;
  const text = String(cell).trim();
  if (criterion.kind === 'knockout') {
    if (text.toLowerCase() === knockoutWords.pass.toLowerCase() || text === String(knockoutPass)) return knockoutPass;
    if (text.toLowerCase() === knockoutWords.fail.toLowerCase() || text === String(knockoutFail)) return knockoutFail;
    return undefined;
  }
  const value = typeof cell === 'number' ? cell : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  return criterion.allowed.includes(value) ? value : undefined;
}

function allowedText(criterion: SheetCriterion): string {
  return criterion.kind === 'knockout' ? `${knockoutWords.pass}, ${knockoutWords.fail}` : criterion.allowed.join(', ');
}
