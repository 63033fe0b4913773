/**
 * Pure view model of the Sync screen: where an opened portfolio file belongs, and the rows of its
 * merge preview.
 */
import type { Id, RecordTable } from '@shared/domain/types';
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
// eslint-disable-next-line no-control-regex
const unsafeFileNameCharacters = /[\u0000-\u001f<>:"/\\|?*]/g;

/**
 * Builds the suggested export file name: the portfolio name with unsafe characters replaced by
 * `-`, then `extension` (with its dot, such as `.steerwise`).
 */
export function exportFileNameOf(portfolioName: string, extension: string): string {
  const base = portfolioName.replace(unsafeFileNameCharacters, '-').trim();
  return `${base.length > 0 ? base : 'portfolio'}${extension}`;
}
