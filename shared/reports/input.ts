/**
 * Input of a pack: the portfolio's records limited to the report's scope, the months of its
 * period, and the time of the latest change among the records read.
 */
import { addMonths, isPeriod, makePeriod } from '../domain/period';
import type { Instant, Period } from '../domain/types';
import { scopeSnapshot, withCommercialPlaceholders } from '../file/scope';
import type { ExportScope } from '../file/manifest';
import { parseHlc } from '../sync/hlc';
import type { PortfolioSnapshot, RecordsByTable } from '../sync/snapshot';
import { recordTables } from '../sync/snapshot';
import type { ReportOptions, ReportPeriod } from './types';

/** Input of `buildReport`: the portfolio's snapshot as `readSnapshot` returns it. */
export interface ReportData {
  readonly snapshot: PortfolioSnapshot;
}

/**
 * Returns the records a pack with `options` reads. They are the records that a scoped export with
 * the same providers and redaction would write, through the export's own `scopeSnapshot`. Left-out
 * commercial fields become `null` placeholders, as a reader of such a file stores them, so every
 * record keeps its declared type.
 */
export function recordsInScope(snapshot: PortfolioSnapshot, options: Pick<ReportOptions, 'scope' | 'withoutCommercialTerms'>): RecordsByTable {
  const scope: ExportScope = {
    ...(options.scope.kind === 'providers' ? { providerIds: options.scope.providerIds } : {}),
    ...(options.withoutCommercialTerms ? { withoutCommercialTerms: true } : {}),
  };
  if (scope.providerIds === undefined && scope.withoutCommercialTerms !== true) return snapshot.records;
  const scoped = scopeSnapshot(snapshot, scope).records;
  return options.withoutCommercialTerms ? withCommercialPlaceholders(scoped) : scoped;
}

/**
 * Returns the wall time of the latest clock among `records` (record and field clocks), as a UTC
 * ISO instant, or `null` when there is no record or only placeholder clocks.
 */
export function latestChangeOf(records: RecordsByTable): Instant | null {
  let latest = 0;
  for (const table of recordTables) {
    const tableRecords: readonly { readonly clock: string; readonly fieldClocks: Readonly<Record<string, string>> }[] = records[table];
    for (const record of tableRecords) {
      let clock = record.clock;
      for (const fieldClock of Object.values(record.fieldClocks)) if (fieldClock > clock) clock = fieldClock;
      const wallMs = parseHlc(clock).wallMs;
      if (wallMs > latest) latest = wallMs;
    }
  }
  return latest === 0 ? null : new Date(latest).toISOString();
}

/** Lists the months of `period`, oldest first. Throws `RangeError` on an invalid month or quarter. */
export function monthsOfPeriod(period: ReportPeriod): Period[] {
  if (period.kind === 'month') {
    if (!isPeriod(period.month)) throw new RangeError(`Invalid report month ${JSON.stringify(period.month)}: expected YYYY-MM`);
    return [period.month];
  }
  if (!Number.isInteger(period.year) || ![1, 2, 3, 4].includes(period.quarter)) {
    throw new RangeError(`Invalid report quarter ${String(period.year)}-Q${String(period.quarter)}: expected a year and a quarter from 1 to 4`);
  }
  const first = makePeriod(period.year, period.quarter * 3 - 2);
  return [first, addMonths(first, 1), addMonths(first, 2)];
}

/** Labels a period as the credits ledger does: `2016-03` for a month, `2016-Q1` for a quarter. */
export function periodLabel(period: ReportPeriod): string {
  return period.kind === 'month' ? period.month : `${String(period.year)}-Q${String(period.quarter)}`;
}
