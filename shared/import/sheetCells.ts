/**
 * Helpers for tables read from a workbook: column letters, where an issue sits, the month of
 * a typed cell, and the text a typed cell shows in the preview and in messages.
 */
import { makePeriod } from '../domain/period';
import type { Period } from '../domain/types';
import { excelSerialSecondsOfDay, excelSerialToDate, formatCalendarDate } from './excelDate';
import { percentOfFraction } from './kpiCells';
import type { ImportIssue, TypedCell, XlsxTable } from './types';
import { maxPeriodYear, minPeriodYear } from './values';

/**
 * Earliest year a plain number in the month column may give when read as a date serial. Below
 * it (serial 18264) a number is more likely a year or a count than a date that lost its format.
 */
export const minPlainSerialYear = 1950;

/** Returns the letters of a 1-based column number: 1 is A, 27 is AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** The part of a workbook table that places a cell: the sheet, the header and the header's first column. */
export type SheetLayout = Pick<XlsxTable, 'sheet' | 'header' | 'firstColumn'>;

/** Returns the sheet name and, for a column of the header, the column's letter, as message details. */
export function sheetPlace(layout: SheetLayout, column: string | null): { readonly sheet: string; readonly columnLetter?: string } {
  const index = column === null ? -1 : layout.header.indexOf(column);
  return index < 0 ? { sheet: layout.sheet } : { sheet: layout.sheet, columnLetter: columnLetter(layout.firstColumn + index) };
}

/** Adds the sheet name and, for an issue with a column of the header, the column's letter. */
export function locateInSheet(issue: ImportIssue, table: SheetLayout): ImportIssue {
  return { ...issue, detail: { ...issue.detail, ...sheetPlace(table, issue.column) } };
}

/**
 * Returns the month of a typed cell in the month column, or `null`. A date cell gives the
 * month of its calendar date, derived from the serial alone. A plain number is read as a
 * date serial that lost its date format when it gives a year from `minPlainSerialYear` to
 * 2099; smaller numbers (a year such as 2015) and percentages are rejected.
 */
export function periodOfTypedCell(cell: TypedCell, date1904: boolean): Period | null {
  const serial = cell.kind === 'date' ? cell.serial : cell.value;
  if (cell.kind === 'number' && cell.percentFormat) {
    return null;
  }
  const date = excelSerialToDate(serial, date1904);
  const earliest = cell.kind === 'date' ? minPeriodYear : minPlainSerialYear;
  if (date === null || date.year < earliest || date.year > maxPeriodYear) {
    return null;
  }
  return makePeriod(date.year, date.month);
}

/**
 * Writes a typed cell as the import shows it. A percentage reads `94.01%` and a time of day (a
 * serial below 1) `HH:MM:SS`. A date reads `YYYY-MM-DD`, with the time appended when it has one,
 * and other numbers read as JavaScript writes them.
 */
export function typedCellText(cell: TypedCell, date1904: boolean): string {
  if (cell.kind === 'number') {
    return cell.percentFormat ? `${String(percentOfFraction(cell.value))}%` : String(cell.value);
  }
  const time = clockText(excelSerialSecondsOfDay(cell.serial));
  if (cell.serial >= 0 && cell.serial < 1) {
    return time;
  }
  const date = excelSerialToDate(cell.serial, date1904);
  if (date === null) {
    return String(cell.serial);
  }
  return cell.serial === Math.floor(cell.serial) ? formatCalendarDate(date) : `${formatCalendarDate(date)} ${time}`;
}

function clockText(seconds: number): string {
  const whole = Math.round(seconds);
  const parts = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  return parts.map((part) => String(part).padStart(2, '0')).join(':');
}
