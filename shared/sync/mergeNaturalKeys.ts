/**
 * Natural keys and references of the record tables.
 *
 * Two laptops that import the same CSV create different ids for the same provider, KPI,
 * service level or measurement. The merge treats records of one table with the same natural
 * key as one thing: the record with the smallest id (string order) survives, and the others
 * are folded into it and replaced by tombstones.
 *
 * Transition plan records have none either: a plan created from the template on two laptops is
 * two plans, and its tasks, dependencies and baselines belong to it alone.
 *
 * RFP records are created once and travel between laptops by file, so most have no natural key.
 * Scores, consensus scores and price bids do, because two laptops (two evaluators', or an
 * evaluator's and the lead's) may each create the record of the same matrix cell or pricing
 * round. Those records must become one, with fields resolved by clock.
 *
 * The merge assumes that natural-key fields (KPI `key`, provider `code`, the `period` of a
 * measurement, the cell of a score, the round of a price bid) are written once, when the record
 * is created. An in-place edit of one of them is merged like any other field, but it can make
 * the merge order-dependent, because a fold decided under the old key is not undone. Such an edit
 * should be a delete plus an insert.
 */
import type { HlcString, Id, RecordTable } from '../domain/types';
import { packHlc } from './hlc';

/**
 * Order in which the merge resolves tables: providers and KPIs first, because the natural
 * keys of service levels and measurements contain the (rewritten) ids of both, and bidders refer
 * to providers. RFP tables follow, each after the tables its references point to, except the
 * event's award fields, which point to tables that never fold. Plan tables follow, because
 * plans refer to providers and contracts, and no other table refers to plan records. Escalations
 * follow: their natural key contains the (rewritten) id of a service level, and their events
 * refer to them. The provider profile and governance tables come last, each after the tables it
 * refers to; meetings fold by cadence and date, and decisions and action items refer to them.
 */
export const tableMergeOrder: readonly RecordTable[] = [
  'providers',
  'kpis',
  'contracts',
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

/**
 * Fields that hold the id of a record in another table, by table: field name to referenced table.
 * NOTE: the id lists `sectionIds` and `conflictBidderIds` of evaluators and the `taskId` inside
 * each baseline entry are not listed, because the merge rewrites single top-level ids only.
 * Sections, bidders and tasks never fold, so their ids stay valid.
 */
export const referenceFields: { readonly [T in RecordTable]: Readonly<Record<string, RecordTable>> } = {
  providers: {},
  kpis: {},
  contracts: { providerId: 'providers' },
  serviceLevels: { providerId: 'providers', kpiId: 'kpis', contractId: 'contracts' },
  measurements: { providerId: 'providers', kpiId: 'kpis' },
  rfpEvents: { awardedBidderId: 'rfpBidders', awardedContractId: 'contracts' },
  rfpSections: { rfpId: 'rfpEvents' },
  rfpCriteria: { rfpId: 'rfpEvents', sectionId: 'rfpSections' },
  rfpBidders: { rfpId: 'rfpEvents', providerId: 'providers' },
  rfpEvaluators: { rfpId: 'rfpEvents' },
  rfpScores: { rfpId: 'rfpEvents', evaluatorId: 'rfpEvaluators', bidderId: 'rfpBidders', criterionId: 'rfpCriteria' },
  rfpConsensusScores: { rfpId: 'rfpEvents', bidderId: 'rfpBidders', criterionId: 'rfpCriteria' },
  rfpPriceBids: { rfpId: 'rfpEvents', bidderId: 'rfpBidders' },
  planCalendars: {},
  plans: { providerId: 'providers', contractId: 'contracts', calendarId: 'planCalendars' },
  planTasks: { planId: 'plans', parentId: 'planTasks', calendarId: 'planCalendars' },
  planDependencies: { planId: 'plans', predecessorId: 'planTasks', successorId: 'planTasks' },
  planBaselines: { planId: 'plans' },
  escalations: { providerId: 'providers', serviceLevelId: 'serviceLevels' },
  escalationEvents: { escalationId: 'escalations' },
  providerSites: { providerId: 'providers', calendarId: 'planCalendars' },
  certifications: { providerId: 'providers' },
  contacts: { providerId: 'providers' },
  processes: { providerId: 'providers', contractId: 'contracts' },
  risks: { providerId: 'providers' },
  meetingCadences: { providerId: 'providers', contractId: 'contracts' },
  meetings: { providerId: 'providers', cadenceId: 'meetingCadences' },
  decisions: { meetingId: 'meetings', providerId: 'providers' },
  actionItems: { meetingId: 'meetings', providerId: 'providers' },
};

/** Tables that other records refer to; only their folds need redirects. */
export const referencedTables: ReadonlySet<RecordTable> = new Set(
  Object.values(referenceFields).flatMap((fields) => Object.values(fields)),
);

/**
 * Fields of each table's natural key, in key order; empty for a table whose records have none.
 * The keys of scores, consensus scores and price bids leave out `rfpId`, because their bidder
 * already belongs to one RFP.
 */
export const naturalKeyFields: { readonly [T in RecordTable]: readonly string[] } = {
  providers: ['code'],
  kpis: ['key'],
  contracts: [],
  serviceLevels: ['providerId', 'kpiId'],
  measurements: ['providerId', 'kpiId', 'period'],
  rfpEvents: [],
  rfpSections: [],
  rfpCriteria: [],
  rfpBidders: [],
  rfpEvaluators: [],
  rfpScores: ['evaluatorId', 'bidderId', 'criterionId'],
  rfpConsensusScores: ['bidderId', 'criterionId'],
  rfpPriceBids: ['bidderId', 'round'],
  planCalendars: [],
  plans: [],
  planTasks: [],
  planDependencies: [],
  planBaselines: [],
  escalations: ['serviceLevelId', 'openedPeriod'],
  escalationEvents: [],
  providerSites: [],
  certifications: [],
  contacts: [],
  processes: [],
  risks: [],
  meetingCadences: [],
  meetings: ['cadenceId', 'date'],
  decisions: [],
  actionItems: [],
};

/**
 * Returns one part of a record's natural key: the string value of key field number `index`, with
 * references rewritten by `resolve`, or the decimal text of a price bid's safe-integer `round`.
 * Returns `null` when the field does not hold such a value.
 */
export function naturalKeyPart(
  table: RecordTable,
  fields: Readonly<Record<string, unknown>>,
  resolve: ReferenceRewrite,
  index: number,
): string | null {
  const field = naturalKeyFields[table][index] ?? '';
  const stored = fields[field];
  const value = referenceFields[table][field] === undefined ? stored : resolve(field, stored);
  if (field === 'round') return Number.isSafeInteger(value) ? String(value) : null;
  return typeof value === 'string' ? value : null;
}

/**
 * Writes the parts of a record's natural key (see `naturalKeyPart`) into `parts` from index 0 and
 * returns whether the record has a complete key. It allocates nothing but a price bid's round
 * text, so the merge can probe 150,000 records with one reused array.
 */
export function writeNaturalKeyParts(
  table: RecordTable,
  fields: Readonly<Record<string, unknown>>,
  resolve: ReferenceRewrite,
  parts: string[],
): boolean {
  const count = naturalKeyFields[table].length;
  if (count === 0) return false;
  for (let index = 0; index < count; index += 1) {
    const part = naturalKeyPart(table, fields, resolve, index);
    if (part === null) return false;
    parts[index] = part;
  }
  return true;
}

/**
 * Returns the parts of a record's natural key (see `naturalKeyFields`), or `null` when the record
 * has none: a contract, an RFP event, section, criterion, bidder or evaluator, a plan record, a
 * provider whose `code` is `null`, or a record that lacks one of the key fields (as a scoped
 * snapshot may).
 * `resolve` rewrites references to survivors before they join the key.
 */
export function naturalKeyParts(
  table: RecordTable,
  fields: Readonly<Record<string, unknown>>,
  resolve: ReferenceRewrite = keepReference,
): string[] | null {
  const parts: string[] = [];
  return writeNaturalKeyParts(table, fields, resolve, parts) ? parts : null;
}

/**
 * Returns the natural key of a record as one string (see `naturalKeyParts`). Every part but the
 * last is prefixed with its length, so two different keys never give the same string.
 */
export function naturalKey(
  table: RecordTable,
  fields: Readonly<Record<string, unknown>>,
  resolve: ReferenceRewrite = keepReference,
): string | null {
  const parts = naturalKeyParts(table, fields, resolve);
  if (parts === null) return null;
  const last = parts.pop() ?? '';
  return parts.map((part) => `${part.length}:${part}`).join('') + last;
}

/** Maps a reference field's stored value to the id it stands for after the merge. */
export type ReferenceRewrite = (field: string, value: unknown) => unknown;

export const keepReference: ReferenceRewrite = (_field, value) => value;

/**
 * Clock of the tombstone that replaces a record folded into another by natural key. A clock
 * taken from the folded record's data would depend on what had been folded into that record
 * before it lost, and so on the order of merges. This one is fixed: wall time 0 and a device id
 * that `createDeviceId` never issues, because it issues hex digits only. A user's deletion of
 * the same id has a later clock and wins under the tombstone rule.
 */
export const foldedTombstoneClock: HlcString = packHlc({ wallMs: 0, counter: 0, deviceId: 'naturalKeyFold' });

/** Redirects of merged-away ids to their survivors, by table. */
export type Redirects = ReadonlyMap<RecordTable, ReadonlyMap<Id, Id>>;
