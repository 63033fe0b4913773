/**
 * Scoped exports: a snapshot limited to some providers, without commercial terms, or both, or to one
 * evaluator of one RFP, and the placeholders a reader puts in place of the commercial fields such a
 * file leaves out.
 *
 * A scoped snapshot differs from a full one in three ways, so that merging it never deletes or
 * blanks anything it left out:
 * - records and fields outside the scope are absent, which the merge reads as no information;
 * - it carries no tombstones, because a tombstone does not say which provider its record had;
 * - it keeps the exporter's whole version vector but is marked `scoped`, so the merge uses the
 *   vector to judge conflicts and does not take it into the receiver's vector (see `merge.ts`).
 */
import { commercialFieldsOf, commercialTerms, isCommercialTable } from '../domain/commercialTerms';
import { evaluatorFileRecords } from '../rfp/evaluatorScope';
import type { CommercialTermsRegistry } from '../domain/commercialTerms';
import type { HlcString, Id, RecordTable, SyncFields } from '../domain/types';
import { compactClocks, dataFieldNames, fieldClock, placeholderClock } from '../sync/fieldClocks';
import { referenceFields } from '../sync/mergeNaturalKeys';
import type { PortfolioSnapshot, RecordsByTable } from '../sync/snapshot';
import { recordTables } from '../sync/snapshot';
import type { ExportScope } from './manifest';

type Fields = Readonly<Record<string, unknown>>;

/**
 * Returns the part of `snapshot` that `scope` covers, marked `scoped` and without tombstones. The
 * version vector stays the exporter's whole vector. With `providerIds`, it keeps those providers, the contracts, service levels and measurements
 * whose `providerId` is one of them, and the KPIs those service levels and measurements refer
 * to, and no RFP records, because an RFP concerns several bidders. It also keeps the plans of
 * those providers with their tasks, dependencies and baselines, and the calendars that those
 * plans and tasks use, and its plans name no contract that it leaves out (see `plansOfProviders`).
 * It keeps their escalations, sites (and the sites' calendars), certifications, contacts,
 * processes, risks, meetings, decisions and action items (see `profileAndGovernanceOfProviders`).
 * With `withoutCommercialTerms`, it empties the commercial tables of `registry` and removes
 * the commercial fields and their `fieldClocks` entries from the other records. With `rfp`, it keeps
 * what one evaluator needs to score that RFP (see `evaluatorFileRecords`).
 * NOTE: records without their commercial fields no longer match their declared types. Only the
 * writer and the merge, which both accept absent fields, should receive the result.
 */
export function scopeSnapshot(
  snapshot: PortfolioSnapshot,
  scope: ExportScope,
  registry: CommercialTermsRegistry = commercialTerms,
): PortfolioSnapshot {
  let records = snapshot.records;
  if (scope.rfp !== undefined) records = evaluatorFileRecords(records, scope.rfp);
  if (scope.providerIds !== undefined) records = recordsOfProviders(records, new Set(scope.providerIds));
  if (scope.withoutCommercialTerms === true) records = recordsWithoutCommercialTerms(records, registry);
  return { ...snapshot, records, tombstones: [], scoped: true };
}

function recordsOfProviders(records: RecordsByTable, providerIds: ReadonlySet<Id>): RecordsByTable {
  const contracts = records.contracts.filter((contract) => providerIds.has(contract.providerId));
  const serviceLevels = records.serviceLevels.filter((level) => providerIds.has(level.providerId));
  const measurements = records.measurements.filter((measurement) => providerIds.has(measurement.providerId));
  const kpiIds = new Set<Id>([...serviceLevels.map((level) => level.kpiId), ...measurements.map((measurement) => measurement.kpiId)]);
  const contractIds = new Set(contracts.map((contract) => contract.id));
  const providerSites = records.providerSites.filter((site) => providerIds.has(site.providerId));
  const escalations = records.escalations.filter((escalation) => providerIds.has(escalation.providerId));
  const escalationIds = new Set(escalations.map((escalation) => escalation.id));
  return {
    providers: records.providers.filter((provider) => providerIds.has(provider.id)),
    contracts,
    kpis: records.kpis.filter((kpi) => kpiIds.has(kpi.id)),
    serviceLevels,
    measurements,
    rfpEvents: [],
    rfpSections: [],
    rfpCriteria: [],
    rfpBidders: [],
    rfpEvaluators: [],
    rfpScores: [],
    rfpConsensusScores: [],
    rfpPriceBids: [],
    ...plansOfProviders(records, providerIds, contractIds, siteCalendarIds(providerSites)),
    escalations,
    escalationEvents: records.escalationEvents.filter((event) => escalationIds.has(event.escalationId)),
    providerSites,
    ...profileAndGovernanceOfProviders(records, providerIds, contractIds),
  };
}

/**
 * Profile and governance tables whose records a provider-scoped export keeps when their
 * `providerId` is one of its providers, in `recordTables` order, each with the fields that refer
 * to another record of such a table or to a contract. Sites are kept apart, because their
 * calendars travel with the plan calendars.
 */
export const providerOwnedTables = [
  'certifications',
  'contacts',
  'processes',
  'risks',
  'meetingCadences',
  'meetings',
  'decisions',
  'actionItems',
] as const satisfies readonly RecordTable[];

type ProviderOwnedTable = (typeof providerOwnedTables)[number];

/** Fields of a provider-owned record that name another record, which the export may leave out. */
export const providerOwnedLinks: { readonly [T in ProviderOwnedTable]: readonly string[] } = {
  certifications: [],
  contacts: [],
  processes: ['contractId'],
  risks: [],
  meetingCadences: ['contractId'],
  meetings: ['cadenceId'],
  decisions: ['meetingId'],
  actionItems: ['meetingId'],
};

/**
 * Returns the records of `providerOwnedTables` that belong to one of `providerIds`. A record
 * without a provider (a portfolio-wide risk, a process not yet outsourced) belongs to no
 * provider's export. A link to a record that the export leaves out (a contract of another
 * provider, the cadence or meeting of one, which a merge of concurrent edits can produce) gets a
 * placeholder, as a plan's contract does in `plansOfProviders`.
 */
function profileAndGovernanceOfProviders(
  records: RecordsByTable,
  providerIds: ReadonlySet<Id>,
  contractIds: ReadonlySet<Id>,
): Pick<RecordsByTable, ProviderOwnedTable> {
  const exportedIds = new Map<RecordTable, ReadonlySet<Id>>([['contracts', contractIds]]);
  const kept: Partial<Record<ProviderOwnedTable, readonly SyncFields[]>> = {};
  for (const table of providerOwnedTables) {
    const tableRecords: readonly (SyncFields & { readonly providerId: Id | null })[] = records[table];
    const links = providerOwnedLinks[table];
    const owned = tableRecords
      .filter((record) => record.providerId !== null && providerIds.has(record.providerId))
      .map((record) => {
        const fields = record as unknown as Fields;
        const outside = links.filter((field) => {
          const target = fields[field];
          const targetTable = referenceFields[table][field];
          return typeof target === 'string' && targetTable !== undefined && exportedIds.get(targetTable)?.has(target) !== true;
        });
        return outside.length === 0 ? record : replacedByPlaceholders(record, outside);
      });
    kept[table] = owned;
    exportedIds.set(table, new Set(owned.map((record) => record.id)));
  }
  return kept as Pick<RecordsByTable, ProviderOwnedTable>;
}

/** Ids of the working calendars that `sites` name. */
export function siteCalendarIds(sites: readonly { readonly calendarId: Id | null }[]): Set<Id> {
  const ids = new Set<Id>();
  for (const site of sites) {
    if (site.calendarId !== null) ids.add(site.calendarId);
  }
  return ids;
}

type PlanRecords = Pick<RecordsByTable, 'planCalendars' | 'plans' | 'planTasks' | 'planDependencies' | 'planBaselines'>;

/**
 * Returns the plans whose `providerId` is one of `providerIds`, every task, dependency and
 * baseline whose `planId` is one of those plans, and the calendars that those plans and tasks
 * refer to, with `otherCalendarIds` (the exported sites' calendars). A plan without a provider
 * belongs to no provider's export.
 *
 * A plan's contract is normally one of its provider's, so it is among `exportedContractIds`.
 * A plan whose `contractId` names any other contract (a merge of concurrent edits can pair a plan
 * with another provider's contract or a deleted one) gets a placeholder there instead: `null`
 * under `placeholderClock`. So the file never names a record of a provider outside the scope,
 * and merging it back never blanks the real value, whose clock is later.
 */
export function plansOfProviders(
  records: RecordsByTable,
  providerIds: ReadonlySet<Id>,
  exportedContractIds: ReadonlySet<Id>,
  otherCalendarIds: ReadonlySet<Id>,
): PlanRecords {
  const plans = records.plans
    .filter((plan) => plan.providerId !== null && providerIds.has(plan.providerId))
    .map((plan) =>
      plan.contractId === null || exportedContractIds.has(plan.contractId) ? plan : replacedByPlaceholders(plan, ['contractId']),
    );
  const planIds = new Set(plans.map((plan) => plan.id));
  const planTasks = records.planTasks.filter((task) => planIds.has(task.planId));
  const calendarIds = usedCalendarIds(plans, planTasks);
  for (const id of otherCalendarIds) calendarIds.add(id);
  return {
    planCalendars: records.planCalendars.filter((calendar) => calendarIds.has(calendar.id)),
    plans,
    planTasks,
    planDependencies: records.planDependencies.filter((dependency) => planIds.has(dependency.planId)),
    planBaselines: records.planBaselines.filter((baseline) => planIds.has(baseline.planId)),
  };
}

/** Ids of the calendars that `plans` and `tasks` name: each plan's calendar and each task's own site calendar. */
export function usedCalendarIds(
  plans: readonly { readonly calendarId: Id }[],
  tasks: readonly { readonly calendarId: Id | null }[],
): Set<Id> {
  const ids = new Set<Id>(plans.map((plan) => plan.calendarId));
  for (const task of tasks) {
    if (task.calendarId !== null) ids.add(task.calendarId);
  }
  return ids;
}

function recordsWithoutCommercialTerms(records: RecordsByTable, registry: CommercialTermsRegistry): RecordsByTable {
  const scoped: Partial<Record<RecordTable, readonly SyncFields[]>> = {};
  for (const table of recordTables) {
    const tableRecords: readonly SyncFields[] = records[table];
    const fields = commercialFieldsOf(table, registry);
    if (isCommercialTable(table, registry)) scoped[table] = [];
    else if (fields.length === 0) scoped[table] = tableRecords;
    else scoped[table] = tableRecords.map((record) => withoutFields(record, new Set(fields)));
  }
  return scoped as RecordsByTable;
}

/** Returns a copy of `record` without `fields` and their clocks, with its remaining clocks compacted again. */
function withoutFields<R extends SyncFields>(record: R, fields: ReadonlySet<string>): R {
  const source = record as unknown as Fields;
  const copy: Record<string, unknown> = { id: record.id };
  const clocks = new Map<string, HlcString>();
  for (const field of dataFieldNames(record)) {
    if (fields.has(field) || source[field] === undefined) continue;
    copy[field] = source[field];
    clocks.set(field, fieldClock(record, field));
  }
  // Compacting again drops a record clock that only a removed field had, so no clock of a left-out write remains.
  const compact = compactClocks(clocks, record.clock);
  return { ...copy, clock: compact.clock, fieldClocks: compact.fieldClocks } as unknown as R;
}

/**
 * Returns `records` with every absent commercial field of `registry` set to a placeholder:
 * `null` under `placeholderClock`, which every real write beats. A reader applies it to a file
 * without commercial terms, so that stored records always have every field of their type and
 * merging them back never blanks a real value.
 */
export function withCommercialPlaceholders(records: RecordsByTable, registry: CommercialTermsRegistry = commercialTerms): RecordsByTable {
  const filled: Partial<Record<RecordTable, readonly SyncFields[]>> = {};
  for (const table of recordTables) {
    const tableRecords: readonly SyncFields[] = records[table];
    const fields = commercialFieldsOf(table, registry);
    filled[table] = fields.length === 0 ? tableRecords : tableRecords.map((record) => withPlaceholders(record, fields));
  }
  return filled as RecordsByTable;
}

function withPlaceholders<R extends SyncFields>(record: R, fields: readonly string[]): R {
  const source = record as unknown as Fields;
  const missing = fields.filter((field) => source[field] === undefined);
  return missing.length === 0 ? record : replacedByPlaceholders(record, missing);
}

/** Returns a copy of `record` with `fields` set to `null` under `placeholderClock`, and its clocks compacted again. */
function replacedByPlaceholders<R extends SyncFields>(record: R, fields: readonly string[]): R {
  const source = record as unknown as Fields;
  const replaced = new Set(fields);
  const clocks = new Map<string, HlcString>();
  for (const field of dataFieldNames(record)) {
    if (source[field] !== undefined && !replaced.has(field)) clocks.set(field, fieldClock(record, field));
  }
  const copy: Record<string, unknown> = { ...source };
  for (const field of fields) {
    copy[field] = null;
    clocks.set(field, placeholderClock);
  }
  const compact = compactClocks(clocks, record.clock);
  return { ...copy, clock: compact.clock, fieldClocks: compact.fieldClocks } as unknown as R;
}
