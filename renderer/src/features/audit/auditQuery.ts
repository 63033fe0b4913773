/**
 * Reads of the audit trail for the activity view. The trail grows with every write, so a page is
 * read through the `at` index, newest first, and the reading stops once the page is full.
 */
import type { AuditEntry, CalendarDate, RecordTable } from '@shared/domain/types';
import type { PortfolioDb } from '../../db/portfolioDb';

export interface ActivityFilter {
  /** Only entries written by this user; `null` for every user. The empty string is a user with no name. */
  readonly user: string | null;
  /** Only entries about records of this table; `null` for every table, imports included. */
  readonly table: RecordTable | null;
  /** First day of the range, in the user's time zone, or `null` for no start. */
  readonly from: CalendarDate | null;
  /** Last day of the range, included, in the user's time zone, or `null` for no end. */
  readonly to: CalendarDate | null;
}

export const noActivityFilter: ActivityFilter = { user: null, table: null, from: null, to: null };

export interface ActivityPage {
  readonly entries: readonly AuditEntry[];
  /** Whether older entries follow this page. */
  readonly hasMore: boolean;
}

/**
 * Returns the UTC instant at which a day starts on the user's wall clock, as an ISO string.
 * Audit times are instants, so the range the user picks in local days is turned into instants.
 */
export function localDayStart(date: CalendarDate, nextDay = false): string {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = date.split('-').map(Number);
  return new Date(year, month - 1, day + (nextDay ? 1 : 0)).toISOString();
}

/** Returns the `at` bounds of a filter: from the start of `from` up to, but not including, the day after `to`. */
export function activityRange(filter: Pick<ActivityFilter, 'from' | 'to'>): { readonly lower: string; readonly upper: string } {
  return {
    lower: filter.from === null ? '' : localDayStart(filter.from),
    // Instants are ISO strings, and every one of them sorts below '\uffff'.
    upper: filter.to === null ? '\uffff' : localDayStart(filter.to, true),
  };
}

/**
 * Reads one page of the audit trail, newest first. `pageIndex` counts from 0. Entries at the
 * same instant keep the index's order, which is the order of their ids.
 */
export async function readActivityPage(db: PortfolioDb, filter: ActivityFilter, pageIndex: number, pageSize: number): Promise<ActivityPage> {
  const { lower, upper } = activityRange(filter);
  const matches = (entry: AuditEntry) => (filter.user === null || entry.user === filter.user) && (filter.table === null || entry.table === filter.table);
  const entries = await db.audit
    .where('at')
    .between(lower, upper, true, false)
    .reverse()
    .filter(matches)
    .offset(pageIndex * pageSize)
    .limit(pageSize + 1)
    .toArray();
  return { entries: entries.slice(0, pageSize), hasMore: entries.length > pageSize };
}

/** Lists the users named in the audit trail, read from its `user` index, in code unit order. */
export async function readAuditUsers(db: PortfolioDb): Promise<string[]> {
  const keys = await db.audit.orderBy('user').uniqueKeys();
  return keys.filter((key): key is string => typeof key === 'string');
}

/** Reads the history of one record, newest first. */
export async function readRecordHistory(db: PortfolioDb, table: RecordTable, recordId: string): Promise<AuditEntry[]> {
  const entries = await db.audit.where('recordId').equals(recordId).toArray();
  return entries.filter((entry) => entry.table === table).sort((a, b) => (a.at === b.at ? compare(b.id, a.id) : compare(b.at, a.at)));
}

function compare(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
