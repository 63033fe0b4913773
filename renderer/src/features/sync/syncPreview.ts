/**
 * Pure view model of the Sync screen: where an opened portfolio file belongs, and the rows of its
 * merge preview.
 */
import type { Id, RecordTable } from '@shared/domain/types';
import type { AppError } from '@shared/errors';
import type { MergePreview } from '@shared/sync/mergeTypes';
import { emptyRecords, recordTables } from '@shared/sync/snapshot';
import type { PortfolioSnapshot } from '@shared/sync/snapshot';

/**
 * Place of an opened file's portfolio on this machine: not catalogued yet, the open portfolio, or
 * another portfolio that the user must switch to before merging.
 */
export type FileTarget = 'newPortfolio' | 'currentPortfolio' | 'otherPortfolio';

export function fileTargetOf(filePortfolioId: Id, currentPortfolioId: Id | null, cataloguedIds: readonly Id[]): FileTarget {
  if (filePortfolioId === currentPortfolioId) return 'currentPortfolio';
  return cataloguedIds.includes(filePortfolioId) ? 'otherPortfolio' : 'newPortfolio';
}

/** A portfolio on this computer as the Sync screen compares names with it. */
export interface NamedPortfolio {
  readonly id: Id;
  readonly name: string;
}

/** Returns `name` trimmed, with each run of white space as one space, so that names compare as a user reads them. */
function spacedName(name: string): string {
  return name.trim().replace(/\s+/gu, ' ');
}

/**
 * Finds a portfolio on this computer, other than `filePortfolioId`, whose name equals
 * `fileName` when case, accents and white space are ignored. A file that would create a new
 * portfolio with such a name is an unrelated portfolio that does not merge with the namesake.
 */
export function namesakeOf(filePortfolioId: Id, fileName: string, catalogued: readonly NamedPortfolio[]): NamedPortfolio | null {
  const target = spacedName(fileName);
  const found = catalogued.find(
    (entry) => entry.id !== filePortfolioId && spacedName(entry.name).localeCompare(target, undefined, { sensitivity: 'base' }) === 0,
  );
  return found ?? null;
}

/**
 * Returns `error` with `reason: portfolioFile` when the generic file error has a sentence of its
 * own for a portfolio file, such as an empty or oversized file, whose generic sentence speaks of
 * CSV rows. An error that already carries a reason is returned unchanged.
 */
export function asPortfolioFileError(error: AppError): AppError {
  if ((error.code !== 'file.empty' && error.code !== 'file.tooLarge') || error.detail?.reason !== undefined) return error;
  return { ...error, detail: { ...error.detail, reason: 'portfolioFile' } };
}

/** Counts the records in all record tables of a snapshot. Tombstones do not count. */
export function recordCountOf(snapshot: PortfolioSnapshot): number {
  return recordTables.reduce((sum, table) => sum + snapshot.records[table].length, 0);
}

/** Builds an empty snapshot of a portfolio, the local side of the merge when a file creates the portfolio. */
export function emptySnapshotOf(portfolioId: Id, portfolioName: string, deviceId: string): PortfolioSnapshot {
  return {
    portfolioId,
    portfolioName,
    deviceId,
    records: emptyRecords(),
    tombstones: [],
    versionVector: {},
  };
}

export interface TableCountRow {
  readonly table: RecordTable;
  readonly added: number;
  readonly changed: number;
  readonly deleted: number;
}

/**
 * Returns one row per record table, in table order. Records folded by natural key count as
 * deleted, because their ids leave the local database like deleted ones.
 */
export function tableCountRows(preview: MergePreview): TableCountRow[] {
  return recordTables.map((table) => {
    const counts = preview.tables[table];
    return { table, added: counts.added, changed: counts.changed, deleted: counts.deleted + counts.mergedByNaturalKey };
  });
}

export interface MergeTotals {
  readonly added: number;
  readonly changed: number;
  readonly deleted: number;
}

/** Returns the rows of `tableCountRows` with at least one added, changed or deleted record. */
export function changedTableRows(preview: MergePreview): TableCountRow[] {
  return tableCountRows(preview).filter((row) => row.added + row.changed + row.deleted > 0);
}

/** Maximum number of records a merge preview lists by name for one table and kind of change. */
export const maxListedRecords = 50;

/** Splits `items` into the first `max` to list by name and the number of the rest, for "and N more". */
export function capList<T>(items: readonly T[], max: number = maxListedRecords): { readonly shown: readonly T[]; readonly more: number } {
  return { shown: items.slice(0, max), more: Math.max(0, items.length - max) };
}

/** Sums the rows of `tableCountRows` over all tables. */
export function mergeTotalsOf(preview: MergePreview): MergeTotals {
  const totals = { added: 0, changed: 0, deleted: 0 };
  for (const row of tableCountRows(preview)) {
    totals.added += row.added;
    totals.changed += row.changed;
    totals.deleted += row.deleted;
  }
  return totals;
}

/** Characters that Windows, macOS or Linux reject in a file name, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are invalid in file names, so the pattern must match them
const unsafeFileNameCharacters = /[\u0000-\u001f<>:"/\\|?*]/g;

/**
 * Builds the suggested export file name: the portfolio name with unsafe characters replaced by
 * `-`, then `extension` (with its dot, such as `.steerwise`).
 */
export function exportFileNameOf(portfolioName: string, extension: string): string {
  const base = portfolioName.replace(unsafeFileNameCharacters, '-').trim();
  return `${base.length > 0 ? base : 'portfolio'}${extension}`;
}
