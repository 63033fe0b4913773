/** Problems found in a scoring sheet, each a coded error whose detail names the file, sheet, row and column. */
import type { ErrorCode, ErrorDetail } from '@shared/errors';

export type ScoringSheetCode = Extract<ErrorCode, `scoringSheet.${string}`>;

export interface SheetIssue {
  readonly code: ScoringSheetCode;
  /** `file`, and where the problem sits in a cell: `sheet`, `row` (1-based) and `column` (letters), plus the values of the sentence. */
  readonly detail: ErrorDetail;
}

/** Issues a sheet import reports; a sheet with more is shown with a count of the rest. */
export const maxSheetIssues = 200;

export function sheetIssue(code: ScoringSheetCode, detail: ErrorDetail): SheetIssue {
  return { code, detail };
}

/** Orders issues by sheet, row and column, so the list reads top to bottom like the sheet. Whole-file issues come first. */
export function sortSheetIssues(issues: readonly SheetIssue[]): SheetIssue[] {
  const rowOf = (issue: SheetIssue): number => (typeof issue.detail.row === 'number' ? issue.detail.row : 0);
  const columnOf = (issue: SheetIssue): string => (typeof issue.detail.column === 'string' ? issue.detail.column : '');
  return [...issues].sort(
    (a, b) =>
      String(a.detail.sheet ?? '').localeCompare(String(b.detail.sheet ?? '')) ||
      rowOf(a) - rowOf(b) ||
      columnOf(a).length - columnOf(b).length ||
      columnOf(a).localeCompare(columnOf(b)),
  );
}
