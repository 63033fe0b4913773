/**
 * A portfolio's replicated state as one value: what an export writes, what an import reads and
 * what the merge combines. The audit trail is not part of it; each laptop keeps its own.
 */
import type { HlcString, Id, RecordTable, RecordTypes, Tombstone } from '../domain/types';

/**
 * Every record table, each after the tables its records refer to (an RFP's sections before its
 * criteria, bidders and criteria before scores, calendars before the plans and tasks that use
 * them, escalations before their events, cadences before their meetings). The file writer and the database read them in this order.
 */
export const recordTables: readonly RecordTable[] = [
  'providers',
  'contracts',
  'kpis',
  'serviceLevels',
  'measurements',
  'rfpEvents',
  'rfpSections',
  'rfpCriteria',
  'rfpBidders',
  'rfpEvaluators',
  'rfpScores',
  'rfpConsensusScores',
  'rfpPriceBids',
  'planCalendars',
  'plans',
  'planTasks',
  'planDependencies',
  'planBaselines',
  'escalations',
  'escalationEvents',
  'providerSites',
  'certifications',
  'contacts',
  'processes',
  'risks',
  'meetingCadences',
  'meetings',
  'decisions',
  'actionItems',
];

/** The record tables of RFPs, a subset of `recordTables` in the same order. */
export const rfpTables: readonly RecordTable[] = recordTables.filter((table) => table.startsWith('rfp'));

/** The record tables of transition plans (`plans` and the `plan...` tables), a subset of `recordTables` in the same order. */
export const planTables: readonly RecordTable[] = recordTables.filter((table) => table.startsWith('plan'));

/** The provider profile and governance tables that format version 6 added, a subset of `recordTables` in the same order. */
export const profileTables: readonly RecordTable[] = recordTables.slice(recordTables.indexOf('providerSites'));

export type RecordsByTable = { readonly [T in RecordTable]: readonly RecordTypes[T][] };

/** Returns a `RecordsByTable` with no records in any table. */
export function emptyRecords(): RecordsByTable {
  return Object.fromEntries(recordTables.map((table) => [table, []])) as unknown as RecordsByTable;
}

/** Highest clock a replica has seen from each device, by device id. */
export type VersionVector = Readonly<Record<string, HlcString>>;

export interface PortfolioSnapshot {
  readonly portfolioId: Id;
  readonly portfolioName: string;
  /** Device that produced the snapshot. */
  readonly deviceId: string;
  readonly records: RecordsByTable;
  readonly tombstones: readonly Tombstone[];
  readonly versionVector: VersionVector;
  /**
   * Set when the snapshot leaves out records or fields of the portfolio, as a scoped export
   * does. Its version vector is then the exporting device's whole vector, which also covers
   * writes the snapshot does not carry, so the merge does not take it into the merged vector.
   */
  readonly scoped?: boolean;
}
