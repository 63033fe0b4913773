/**
 * Reads a scoring sheet workbook with exceljs into plain values: the About sheet's ids and
 * column map, the Scores header and each Scores row by column number. Nothing is checked
 * against the RFP here; `validateSheet.ts` does that.
 */
import type { CellValue, Worksheet } from 'exceljs';
import { loadExcel } from './loadExcel';
import {
  aboutEntryKinds,
  aboutKeys,
  aboutSheetName,
  columnNumber,
  levelsSheetName,
  scoresSheetName,
  sheetFormatName,
  sheetFormatVersion,
} from './sheetFormat';
import type { SheetIssue } from './sheetIssues';
import { sheetIssue } from './sheetIssues';

/** A cell as the checks read it: text, a number, or `null` for an empty cell. */
export type PlainCell = string | number | null;

export interface AboutBidder {
  readonly bidderId: string;
  readonly name: string;
  /** 1-based column numbers on the Scores sheet. */
  readonly scoreColumn: number;
  readonly commentColumn: number;
}

export interface ParsedAbout {
  readonly rfpId: string;
  readonly evaluatorId: string;
  readonly evaluatorName: string;
  /** Criterion ids with the Scores row each had when written. */
  readonly criteria: readonly { readonly criterionId: string; readonly row: number }[];
  readonly bidders: readonly AboutBidder[];
  /** Cells written with a score, as `criterionId` and `bidderId`. */
  readonly prefilled: readonly { readonly criterionId: string; readonly bidderId: string }[];
}

export interface ParsedRow {
  /** Row number on the Scores sheet, 1-based as Excel shows it. */
  readonly row: number;
  readonly cells: ReadonlyMap<number, PlainCell>;
}

export interface ParsedSheet {
  readonly about: ParsedAbout;
  /** Scores row 1, by column number. */
  readonly header: ReadonlyMap<number, PlainCell>;
  /** Scores rows from row 2 on that contain at least one value. */
  readonly rows: readonly ParsedRow[];
}

export type ReadResult =
  { readonly ok: true; readonly sheet: ParsedSheet } | { readonly ok: false; readonly issues: readonly SheetIssue[] };

/** Reads `bytes` as a scoring sheet; on failure returns the problems with the workbook as a whole. */
export async function readScoringSheet(bytes: Uint8Array, file: string): Promise<ReadResult> {
  const excel = await loadExcel();
  const workbook = new excel.Workbook();
  try {
    // A copy, because exceljs takes an ArrayBuffer and `bytes` may be a view into a larger one.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    return {
      ok: false,
      issues: [sheetIssue('scoringSheet.notWorkbook', { file, cause: error instanceof Error ? error.message : String(error) })],
    };
  }

  const missing = [scoresSheetName, levelsSheetName, aboutSheetName].filter((name) => workbook.getWorksheet(name) === undefined);
  const scores = workbook.getWorksheet(scoresSheetName);
  const aboutSheet = workbook.getWorksheet(aboutSheetName);
  if (scores === undefined || aboutSheet === undefined || missing.length > 0) {
    return { ok: false, issues: missing.map((sheet) => sheetIssue('scoringSheet.missingSheet', { file, sheet })) };
  }

  const about = readAbout(aboutSheet, file);
  if (!about.ok) return about;
  return { ok: true, sheet: { about: about.about, header: rowCells(scores, 1), rows: dataRows(scores) } };
}

/** Turns an exceljs cell value into text or a number: formulas give their result, rich text its plain text. */
export function plainCell(value: CellValue): PlainCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainCell(value.result ?? null);
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  return null;
}

function rowCells(sheet: Worksheet, rowNumber: number): Map<number, PlainCell> {
  const cells = new Map<number, PlainCell>();
  sheet.getRow(rowNumber).eachCell({ includeEmpty: false }, (cell, column) => {
    const value = plainCell(cell.value);
    if (value !== null && !(typeof value === 'string' && value.trim() === '')) cells.set(column, value);
  });
  return cells;
}

function dataRows(sheet: Worksheet): ParsedRow[] {
  const rows: ParsedRow[] = [];
  for (let row = 2; row <= sheet.rowCount; row++) {
    const cells = rowCells(sheet, row);
    if (cells.size > 0) rows.push({ row, cells });
  }
  return rows;
}

type AboutResult = { readonly ok: true; readonly about: ParsedAbout } | { readonly ok: false; readonly issues: readonly SheetIssue[] };

function readAbout(sheet: Worksheet, file: string): AboutResult {
  const values = new Map<string, PlainCell>();
  const criteria: { criterionId: string; row: number }[] = [];
  const bidders: AboutBidder[] = [];
  const prefilled: { criterionId: string; bidderId: string }[] = [];
  const issues: SheetIssue[] = [];
  const damaged = (row: number, column: string): void => {
    issues.push(sheetIssue('scoringSheet.invalidAbout', { file, sheet: aboutSheetName, row, column }));
  };

  for (let row = 1; row <= sheet.rowCount; row++) {
    const cells = rowCells(sheet, row);
    const key = cells.get(1);
    if (typeof key !== 'string') continue;
    const text = (column: number): string | null => {
      const value = cells.get(column);
      return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
    };

    if (key === aboutEntryKinds.criterion) {
      const criterionId = text(2);
      const written = cells.get(3);
      if (criterionId === null) damaged(row, 'B');
      else criteria.push({ criterionId, row: typeof written === 'number' ? written : 0 });
    } else if (key === aboutEntryKinds.bidder) {
      const bidderId = text(2);
      const scoreColumn = columnNumber(text(3) ?? '');
      const commentColumn = columnNumber(text(4) ?? '');
      if (bidderId === null) damaged(row, 'B');
      else if (scoreColumn === null) damaged(row, 'C');
      else if (commentColumn === null) damaged(row, 'D');
      else bidders.push({ bidderId, name: text(5) ?? '', scoreColumn, commentColumn });
    } else if (key === aboutEntryKinds.prefilled) {
      const criterionId = text(2);
      const bidderId = text(3);
      if (criterionId === null || bidderId === null) damaged(row, criterionId === null ? 'B' : 'C');
      else prefilled.push({ criterionId, bidderId });
    } else {
      values.set(key, cells.get(2) ?? null);
    }
  }

  if (values.get(aboutKeys.format) !== sheetFormatName) {
    return { ok: false, issues: [sheetIssue('scoringSheet.notScoringSheet', { file, sheet: aboutSheetName })] };
  }
  const version = values.get(aboutKeys.formatVersion);
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    issues.push(sheetIssue('scoringSheet.invalidAbout', { file, sheet: aboutSheetName, row: 2, column: 'B' }));
  } else if (version > sheetFormatVersion) {
    return {
      ok: false,
      issues: [sheetIssue('scoringSheet.versionTooNew', { file, formatVersion: version, supportedVersion: sheetFormatVersion })],
    };
  }
  const idOf = (key: string, row: number): string => {
    const value = values.get(key);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    issues.push(sheetIssue('scoringSheet.invalidAbout', { file, sheet: aboutSheetName, row, column: 'B' }));
    return '';
  };
  const rfpId = idOf(aboutKeys.rfpId, 3);
  const evaluatorId = idOf(aboutKeys.evaluatorId, 4);
  const evaluatorName = values.get(aboutKeys.evaluatorName);

  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    about: { rfpId, evaluatorId, evaluatorName: typeof evaluatorName === 'string' ? evaluatorName : '', criteria, bidders, prefilled },
  };
}
