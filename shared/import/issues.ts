/** Collecting, ordering and capping the issues of one import. */
import type { ErrorCode, ErrorDetail } from '../errors';
import type { ImportIssue } from './types';

/** Issues an import plan keeps; more would not help a reader and would weigh on the screen. */
export const maxImportIssues = 300;

export function rowIssue(
  severity: ImportIssue['severity'],
  code: ErrorCode,
  row: number,
  column: string | null,
  detail: ErrorDetail,
): ImportIssue {
  return { severity, code, row, column, detail: { ...detail, row } };
}

export interface CappedIssues {
  readonly issues: readonly ImportIssue[];
  readonly counts: { readonly errors: number; readonly warnings: number };
}

/**
 * Keeps at most `limit` issues, errors before warnings so that a blocking problem is never
 * the one left out, and sorts the kept ones by row (whole-file issues first). The sort is
 * stable, so within one row errors come before warnings, each in the order found.
 */
export function capIssues(all: readonly ImportIssue[], limit: number = maxImportIssues): CappedIssues {
  const errors = all.filter((issue) => issue.severity === 'error');
  const warnings = all.filter((issue) => issue.severity === 'warning');
  const kept = [...errors.slice(0, limit), ...warnings.slice(0, Math.max(0, limit - errors.length))];
  kept.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { issues: kept, counts: { errors: errors.length, warnings: warnings.length } };
}
