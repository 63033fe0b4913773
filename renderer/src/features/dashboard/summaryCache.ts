/**
 * The dashboard summary cached in the portfolio database's `meta` table, with the version vector
 * and the local date it was computed for. Every local write of records raises the version vector,
 * and so does the merge of a full file, so a changed vector marks the cache stale with no
 * bookkeeping of its own. Exports read only the vector from `meta`, so the cache never travels in
 * a portfolio file.
 *
 * NOTE: merging a scoped file stores its records without raising the version vector (see
 * `db/versionVector.ts`), so after such a merge the cache counts as fresh until the next write or
 * the next day.
 */
import type { CalendarDate } from '@shared/domain/types';
import type { ControlTowerSummary } from '@shared/kpi/controlTowerSummary';
import type { VersionVector } from '@shared/sync/snapshot';
import type { PortfolioDb } from '../../db/portfolioDb';

/** Key of the cached summary in the `meta` table. */
export const summaryCacheKey = 'controlTowerSummary';

/** Shape version of the cached summary: raise it whenever `ControlTowerSummary` changes, so an older entry counts as missing. */
export const summaryCacheVersion = 2;

/** The `meta` entry of the cached summary. Only the default selection's summary is cached. */
export interface SummaryCacheEntry {
  readonly key: typeof summaryCacheKey;
  readonly value: {
    readonly cacheVersion: number;
    readonly summary: ControlTowerSummary;
    /** The version vector read before the records were, so the records are at least as new as it. */
    readonly versionVector: VersionVector;
    readonly today: CalendarDate;
  };
}

export type SummaryFreshness = 'fresh' | 'stale' | 'missing';

/** The `meta` table typed for this entry; `PortfolioDb.meta` is typed for the version vector only. */
function cacheTable(db: PortfolioDb) {
  return db.table<SummaryCacheEntry, string>('meta');
}

/** Checks two version vectors for the same clock per device, whatever the order of their keys. */
export function sameVersionVector(a: VersionVector, b: VersionVector): boolean {
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((device) => Object.hasOwn(b, device) && a[device] === b[device]);
}

/**
 * Decides whether a cached entry may be shown as current. It is fresh only when nothing was
 * written since it was computed and it was computed today, because escalation ages and overdue
 * counts change with the date.
 */
export function summaryFreshness(entry: SummaryCacheEntry | null, versionVector: VersionVector, today: CalendarDate): SummaryFreshness {
  if (entry === null || entry.value.cacheVersion !== summaryCacheVersion) return 'missing';
  return entry.value.today === today && sameVersionVector(entry.value.versionVector, versionVector) ? 'fresh' : 'stale';
}

/** Returns the cached entry, or `null` when there is none or it has another shape version. */
export async function readCachedSummary(db: PortfolioDb): Promise<SummaryCacheEntry | null> {
  const entry = await cacheTable(db).get(summaryCacheKey);
  return entry === undefined || entry.value.cacheVersion !== summaryCacheVersion ? null : entry;
}

/** Stores `summary` as the cache. It writes `meta` only, so the version vector stays as it is. */
export async function storeCachedSummary(db: PortfolioDb, summary: ControlTowerSummary, versionVector: VersionVector): Promise<void> {
  await cacheTable(db).put({ key: summaryCacheKey, value: { cacheVersion: summaryCacheVersion, summary, versionVector, today: summary.today } });
}
