/**
 * Splitting of a plan CSV into rows with their line numbers, and recognition of its layout
 * from the header row. Spreadsheets may save the file with `;` or tab separators and pad rows
 * with empty cells, so both are accepted.
 */
import Papa from 'papaparse';
import { legacyPlanCsvHeader, planCsvHeader } from './csvFormat';

export interface CsvRow {
  /** Cells with trailing empty cells removed. */
  readonly cells: readonly string[];
  /** Line of the file on which the row starts, counting from 1. */
  readonly line: number;
}

export type PlanCsvLayout = 'current' | 'legacy';

/** Field separators tried, in this order, on the header row. */
const delimiters = [',', ';', '\t'] as const;

/**
 * Returns the field separator and the layout whose header the first line of `text` matches
 * (case and spaces around cells are ignored), or `null` when it matches none.
 */
export function detectLayout(text: string): { delimiter: string; layout: PlanCsvLayout } | null {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? '';
  for (const delimiter of delimiters) {
    const cells = Papa.parse<string[]>(firstLine, { delimiter, header: false }).data[0] ?? [];
    if (matchesHeader(cells, planCsvHeader)) {
      return { delimiter, layout: 'current' };
    }
    if (matchesHeader(cells, legacyPlanCsvHeader)) {
      return { delimiter, layout: 'legacy' };
    }
  }
  return null;
}

/** True when `cells`, without trailing empty cells, are `header`; case and surrounding spaces are ignored. */
export function matchesHeader(cells: readonly string[], header: readonly string[]): boolean {
  const trimmed = withoutTrailingEmpty(cells);
  return trimmed.length === header.length && trimmed.every((cell, index) => cell.trim().toLowerCase() === header[index]?.toLowerCase());
}

/** Parses the whole text into rows, skipping rows whose cells are all empty. */
export function csvRows(text: string, delimiter: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let line = 1;
  let consumed = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      const cells = withoutTrailingEmpty(result.data);
      if (cells.length > 0) {
        rows.push({ cells, line });
      }
      // The cursor is the offset just after the row, so the line breaks before it give the next row's line.
      line += countLineBreaks(text.slice(consumed, result.meta.cursor));
      consumed = result.meta.cursor;
    },
  });
  return rows;
}

function withoutTrailingEmpty(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? '').trim() === '') {
    end -= 1;
  }
  return cells.slice(0, end);
}

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\n|\r/g)?.length ?? 0;
}
