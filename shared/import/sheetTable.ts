/**
 * Turns one worksheet, already read into plain cells, into the table the mapping reads: the
 * first non-blank row is the header, later non-blank rows are data. Typed number and date
 * cells keep their value; text cells are read later in the detected number locale.
 */
import { fail, ok, type Result } from '../errors';
import { detectNumberLocale, numberReadingFor, parseLocaleNumber, type NumberLocale } from './numberLocale';
import { columnLetter, typedCellText } from './sheetCells';
import type { TypedCell, XlsxTable } from './types';

/** A workbook cell as the reader found it. */
export type SheetCell =
  | { readonly kind: 'text'; readonly text: string }
  /** `numberFormat` is the cell's Excel number format code, such as `0.00%` or `General`. */
  | { readonly kind: 'number'; readonly value: number; readonly numberFormat: string }
  /** A cell with a date or time format; `serial` is the stored number of days. */
  | { readonly kind: 'date'; readonly serial: number };

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  readonly row: number;
  /** Cells by 1-based column number; empty cells are absent. */
  readonly cells: ReadonlyMap<number, SheetCell>;
}

export interface SheetGrid {
  readonly name: string;
  /** Rows that have at least one cell, in row order. */
  readonly rows: readonly SheetRow[];
}

/** A workbook read into plain cells, sheets in tab order. */
export interface WorkbookGrid {
  readonly fileName: string;
  /** Whether dates count from 1904-01-01 (the 1904 date system) instead of 1900. */
  readonly date1904: boolean;
  readonly sheets: readonly SheetGrid[];
}

export interface SheetTableOptions {
  /** Sheet to read instead of the first one that has cells. */
  readonly sheet?: string;
  /** Number locale to read text cells in instead of the detected one. */
  readonly numberLocale?: NumberLocale;
}

/**
 * Builds the table of one worksheet: the chosen one, or else the first that has cells. The
 * header spans from its first to its last non-blank cell, and data cells outside that span are
 * ignored because no column name refers to them. Fails with `xlsx.emptySheet`, `xlsx.noHeader`
 * or `xlsx.noRows`, each naming the file and the sheet.
 */
export function buildSheetTable(workbook: WorkbookGrid, options: SheetTableOptions = {}): Result<XlsxTable> {
  const { fileName } = workbook;
  const sheet =
    options.sheet === undefined
      ? (workbook.sheets.find((candidate) => candidate.rows.some(hasContent)) ?? workbook.sheets[0])
      : workbook.sheets.find((candidate) => candidate.name === options.sheet);
  if (sheet === undefined) {
    return fail('xlsx.emptySheet', { file: fileName, sheet: options.sheet ?? '' });
  }

  const headerIndex = sheet.rows.findIndex(hasContent);
  const headerRow = sheet.rows[headerIndex];
  if (headerRow === undefined) {
    return fail('xlsx.emptySheet', { file: fileName, sheet: sheet.name });
  }
  const filledColumns = [...headerRow.cells.keys()].filter((column) => !isBlank(headerRow.cells.get(column))).sort((a, b) => a - b);
  const firstColumn = filledColumns[0] ?? 1;
  const lastColumn = filledColumns.at(-1) ?? 1;
  const columns = Array.from({ length: lastColumn - firstColumn + 1 }, (_, index) => firstColumn + index);
  const header = columns.map((column) => cellText(headerRow.cells.get(column), workbook.date1904).trim());
  const headerProblem = checkSheetHeader(headerRow, columns, header, fileName, sheet.name);
  if (headerProblem !== null) {
    return headerProblem;
  }

  const rows: string[][] = [];
  const typedRows: (TypedCell | null)[][] = [];
  const rowNumbers: number[] = [];
  const textCells: string[] = [];
  for (const sheetRow of sheet.rows.slice(headerIndex + 1)) {
    const cells = columns.map((column) => sheetRow.cells.get(column));
    if (cells.every(isBlank)) {
      continue;
    }
    rows.push(cells.map((cell) => cellText(cell, workbook.date1904)));
    typedRows.push(cells.map(typedCell));
    rowNumbers.push(sheetRow.row);
    for (const cell of cells) {
      if (cell?.kind === 'text') textCells.push(cell.text);
    }
  }
  if (rows.length === 0) {
    return fail('xlsx.noRows', { file: fileName, sheet: sheet.name });
  }

  const detectedNumberLocale = detectNumberLocale(textCells, null);
  return ok({
    format: 'xlsx',
    fileName,
    sheet: sheet.name,
    sheetNames: workbook.sheets.map((candidate) => candidate.name),
    firstColumn,
    date1904: workbook.date1904,
    header,
    rows,
    typedRows,
    rowNumbers,
    issues: [],
    detectedNumberLocale,
    numberReading: numberReadingFor(detectedNumberLocale, options.numberLocale ?? null),
  });
}

/**
 * Whether an Excel number format code shows the value as a percentage: a `%` outside quoted
 * text (`"…"`), escaped characters (`\x`) and bracketed sections (`[Red]`).
 */
export function isPercentFormat(numberFormat: string): boolean {
  const literalsRemoved = numberFormat.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return literalsRemoved.includes('%');
}

function hasContent(row: SheetRow): boolean {
  return [...row.cells.values()].some((cell) => !isBlank(cell));
}

function isBlank(cell: SheetCell | undefined): boolean {
  return cell === undefined || (cell.kind === 'text' && cell.text.trim() === '');
}

function typedCell(cell: SheetCell | undefined): TypedCell | null {
  if (cell === undefined || cell.kind === 'text') {
    return null;
  }
  if (cell.kind === 'date') {
    return { kind: 'date', serial: cell.serial };
  }
  return { kind: 'number', value: cell.value, percentFormat: isPercentFormat(cell.numberFormat) };
}

function cellText(cell: SheetCell | undefined, date1904: boolean): string {
  if (cell === undefined) {
    return '';
  }
  if (cell.kind === 'text') {
    return cell.text;
  }
  const typed = typedCell(cell);
  return typed === null ? '' : typedCellText(typed, date1904);
}

/**
 * Rejects a header with an empty or repeated column name, or one that looks like a data row
 * (most of its cells are numbers or dates), because columns are found by name.
 */
function checkSheetHeader(
  headerRow: SheetRow,
  columns: readonly number[],
  header: readonly string[],
  fileName: string,
  sheet: string,
): Result<never> | null {
  const numericCount = columns.filter((column) => {
    const cell = headerRow.cells.get(column);
    return cell !== undefined && (cell.kind !== 'text' || parseLocaleNumber(cell.text, 'point') !== null);
  }).length;
  if (numericCount * 2 > columns.length) {
    return fail('xlsx.noHeader', { file: fileName, sheet, row: headerRow.row, reason: 'missing' });
  }

  const seen = new Set<string>();
  for (const [index, name] of header.entries()) {
    const letter = columnLetter(columns[index] ?? 0);
    if (name === '') {
      return fail('xlsx.noHeader', { file: fileName, sheet, row: headerRow.row, columnLetter: letter, reason: 'emptyName' });
    }
    if (seen.has(name)) {
      return fail('xlsx.noHeader', {
        file: fileName,
        sheet,
        row: headerRow.row,
        columnLetter: letter,
        column: name,
        reason: 'duplicateName',
      });
    }
    seen.add(name);
  }
  return null;
}
