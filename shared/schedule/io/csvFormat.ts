/**
 * The plan CSV that `exportPlanCsv` writes and the import reads back: one row per task in
 * outline order, with links in MS Project's predecessor notation (`3FS+2d`, `5SS-1ed`).
 * Durations and lags are written as `d` for working days and `ed` for calendar (elapsed) days.
 */
import type { DurationUnit } from '../../domain/plan';

export const planCsvHeader = [
  'ID',
  'Parent ID',
  'Name',
  'Duration',
  'Start no earlier than',
  'Progress',
  'Predecessors',
  'Owner',
  'Notes',
  'Start',
  'Finish',
] as const;

/** Separator between the links of one Predecessors cell. */
export const predecessorSeparator = ';';

export function unitSuffix(unit: DurationUnit): string {
  return unit === 'calendarDays' ? 'ed' : 'd';
}

/**
 * Cells that a spreadsheet could run as a formula: text starting with `=`, `+`, `-`, `@`, a tab or
 * a carriage return (the OWASP list for CSV injection), also behind apostrophes that a previous
 * export added. The export writes such a cell with one more leading apostrophe, which
 * spreadsheets show as text, and `unescapeFormulaCell` removes exactly that one on import, so
 * every text reads back unchanged.
 */
export const formulaCellPattern = /^'*[=+\-@\t\r]/;

/** Removes the apostrophe that the export put before a cell matching `formulaCellPattern`. */
export function unescapeFormulaCell(cell: string): string {
  return cell.startsWith("'") && formulaCellPattern.test(cell.slice(1)) ? cell.slice(1) : cell;
}
