/**
 * Names of merged records in user terms (provider name, KPI, provider + KPI + month, RFP titles,
 * evaluator + bidder + criterion, plan titles and task names, escalations by provider, KPI and month) for the merge preview, looked up in the snapshots around a merge. Pure; `recordText.ts` turns a label
 * into a sentence.
 */
import type { CertificationStandard } from '@shared/domain/providerProfile';
import type { CalendarDate, Id, Period, RecordTable, RecordTypes } from '@shared/domain/types';
import type { PortfolioSnapshot } from '@shared/sync/snapshot';

/** Key and stored name of a KPI. The preview shows the translation under the key where the app ships one, else `name`. */
export interface KpiLabel {
  readonly key: string;
  readonly name: string;
}

/**
 * A record as the user knows it. Provider, KPI, RFP, bidder, evaluator and criterion parts are
 * `null` when the record they refer to is in none of the snapshots. `missing` is a record that no
 * snapshot contains.
 */
export type RecordLabel =
  | { readonly kind: 'provider'; readonly name: string; readonly code: string | null }
  | { readonly kind: 'contract'; readonly title: string; readonly providerName: string | null }
  | { readonly kind: 'kpi'; readonly kpi: KpiLabel }
  | { readonly kind: 'serviceLevel'; readonly providerName: string | null; readonly kpi: KpiLabel | null }
  | { readonly kind: 'measurement'; readonly providerName: string | null; readonly kpi: KpiLabel | null; readonly period: Period }
  | { readonly kind: 'rfpEvent'; readonly title: string }
  | { readonly kind: 'rfpSection' | 'rfpCriterion'; readonly title: string; readonly rfpTitle: string | null }
  | { readonly kind: 'rfpBidder' | 'rfpEvaluator'; readonly name: string; readonly rfpTitle: string | null }
  | {
      readonly kind: 'rfpScore';
      readonly evaluatorName: string | null;
      readonly bidderName: string | null;
      readonly criterionTitle: string | null;
    }
  | { readonly kind: 'rfpConsensusScore'; readonly bidderName: string | null; readonly criterionTitle: string | null }
  | { readonly kind: 'rfpPriceBid'; readonly bidderName: string | null; readonly round: number }
  | { readonly kind: 'planCalendar'; readonly name: string; readonly site: string }
  | { readonly kind: 'plan'; readonly title: string }
  | { readonly kind: 'planTask' | 'planBaseline'; readonly name: string; readonly planTitle: string | null }
  | {
      readonly kind: 'planDependency';
      readonly predecessorName: string | null;
      readonly successorName: string | null;
      readonly planTitle: string | null;
    }
  | {
      readonly kind: 'escalation' | 'escalationEvent';
      readonly providerName: string | null;
      readonly kpi: KpiLabel | null;
      /** Month whose miss opened the escalation, or `null` when the escalation is in no snapshot. */
      readonly period: Period | null;
    }
  | {
      readonly kind: 'profileRecord';
      readonly table: ProfileRecordTable;
      /** The record's own name: a site's city and country, a contact's name, a meeting's title; a certification's qualifier. */
      readonly name: string;
      /** A meeting's date, shown after its title; `null` for the other tables. */
      readonly date: CalendarDate | null;
      /** A certification's standard; `null` for the other tables. */
      readonly standard: CertificationStandard | null;
      /** `null` for a record of no provider, or of one in no snapshot. */
      readonly providerName: string | null;
    }
  | { readonly kind: 'missing'; readonly table: RecordTable; readonly recordId: Id };

/** The provider profile and governance tables, whose labels share one shape. */
export type ProfileRecordTable = Extract<
  RecordTable,
  'providerSites' | 'certifications' | 'contacts' | 'processes' | 'risks' | 'meetingCadences' | 'meetings' | 'decisions' | 'actionItems'
>;

/** The labels of RFP records. */
export type RfpRecordLabel = Extract<RecordLabel, { readonly kind: `rfp${string}` }>;
/** The labels of transition plan records. */
export type PlanRecordLabel = Extract<RecordLabel, { readonly kind: `plan${string}` }>;

/** Finds a record by table and id; see `createRecordLookup`. */
export interface RecordLookup {
  find<T extends RecordTable>(table: T, id: Id): RecordTypes[T] | undefined;
}

/**
 * Creates a lookup over `snapshots`. When several contain the same id, the first snapshot's copy
 * is returned. Each table's index is built on its first lookup.
 */
export function createRecordLookup(snapshots: readonly PortfolioSnapshot[]): RecordLookup {
  const indexes = new Map<RecordTable, Map<Id, unknown>>();

  const indexOf = (table: RecordTable): Map<Id, unknown> => {
    let index = indexes.get(table);
    if (index !== undefined) return index;
    index = new Map();
    for (const snapshot of snapshots) {
      for (const record of snapshot.records[table]) {
        if (!index.has(record.id)) index.set(record.id, record);
      }
    }
    indexes.set(table, index);
    return index;
  };

  return {
    find<T extends RecordTable>(table: T, id: Id): RecordTypes[T] | undefined {
      return indexOf(table).get(id) as RecordTypes[T] | undefined;
    },
  };
}

function providerNameOf(lookup: RecordLookup, providerId: Id | null): string | null {
  return providerId === null ? null : (lookup.find('providers', providerId)?.name ?? null);
}

/** Returns the name part of a profile or governance record's label (see `RecordLabel`), or `null` when no snapshot contains it. */
function profileNameOf(
  lookup: RecordLookup,
  table: ProfileRecordTable,
  recordId: Id,
): { name: string; providerId: Id | null; standard?: CertificationStandard; date?: CalendarDate } | null {
  switch (table) {
    case 'providerSites': {
      const site = lookup.find(table, recordId);
      return site === undefined ? null : { name: site.city === '' ? site.country : `${site.city}, ${site.country}`, providerId: site.providerId };
    }
    case 'certifications': {
      const certification = lookup.find(table, recordId);
      if (certification === undefined) return null;
      return { name: certification.name, providerId: certification.providerId, standard: certification.standard };
    }
    case 'contacts': {
      const contact = lookup.find(table, recordId);
      return contact === undefined ? null : { name: contact.name, providerId: contact.providerId };
    }
    case 'processes':
    case 'meetingCadences': {
      const record = lookup.find(table, recordId);
      return record === undefined ? null : { name: 'name' in record ? record.name : record.title, providerId: record.providerId };
    }
    case 'risks':
    case 'actionItems': {
      const record = lookup.find(table, recordId);
      return record === undefined ? null : { name: record.title, providerId: record.providerId };
    }
    case 'meetings': {
      const meeting = lookup.find(table, recordId);
      return meeting === undefined ? null : { name: meeting.title, date: meeting.date, providerId: meeting.providerId };
    }
    case 'decisions': {
      const decision = lookup.find(table, recordId);
      return decision === undefined ? null : { name: decision.text, providerId: decision.providerId };
    }
  }
}

function kpiLabelOf(lookup: RecordLookup, kpiId: Id): KpiLabel | null {
  const kpi = lookup.find('kpis', kpiId);
  return kpi === undefined ? null : { key: kpi.key, name: kpi.name };
}

function rfpTitleOf(lookup: RecordLookup, rfpId: Id): string | null {
  return lookup.find('rfpEvents', rfpId)?.title ?? null;
}

function bidderNameOf(lookup: RecordLookup, bidderId: Id): string | null {
  return lookup.find('rfpBidders', bidderId)?.name ?? null;
}

function criterionTitleOf(lookup: RecordLookup, criterionId: Id): string | null {
  return lookup.find('rfpCriteria', criterionId)?.title ?? null;
}

/** Returns the label of an RFP record, or `missing` when no snapshot of the lookup contains it. */
function rfpLabelOf(lookup: RecordLookup, table: RecordTable, recordId: Id): RecordLabel {
  const missing: RecordLabel = { kind: 'missing', table, recordId };
  switch (table) {
    case 'rfpEvents': {
      const event = lookup.find('rfpEvents', recordId);
      return event === undefined ? missing : { kind: 'rfpEvent', title: event.title };
    }
    case 'rfpSections': {
      const section = lookup.find('rfpSections', recordId);
      return section === undefined ? missing : { kind: 'rfpSection', title: section.title, rfpTitle: rfpTitleOf(lookup, section.rfpId) };
    }
    case 'rfpCriteria': {
      const criterion = lookup.find('rfpCriteria', recordId);
      if (criterion === undefined) return missing;
      return { kind: 'rfpCriterion', title: criterion.title, rfpTitle: rfpTitleOf(lookup, criterion.rfpId) };
    }
    case 'rfpBidders': {
      const bidder = lookup.find('rfpBidders', recordId);
      return bidder === undefined ? missing : { kind: 'rfpBidder', name: bidder.name, rfpTitle: rfpTitleOf(lookup, bidder.rfpId) };
    }
    case 'rfpEvaluators': {
      const evaluator = lookup.find('rfpEvaluators', recordId);
      if (evaluator === undefined) return missing;
      return { kind: 'rfpEvaluator', name: evaluator.evaluatorName, rfpTitle: rfpTitleOf(lookup, evaluator.rfpId) };
    }
    case 'rfpScores': {
      const score = lookup.find('rfpScores', recordId);
      if (score === undefined) return missing;
      return {
        kind: 'rfpScore',
        evaluatorName: lookup.find('rfpEvaluators', score.evaluatorId)?.evaluatorName ?? null,
        bidderName: bidderNameOf(lookup, score.bidderId),
        criterionTitle: criterionTitleOf(lookup, score.criterionId),
      };
    }
    case 'rfpConsensusScores': {
      const consensus = lookup.find('rfpConsensusScores', recordId);
      if (consensus === undefined) return missing;
      return {
        kind: 'rfpConsensusScore',
        bidderName: bidderNameOf(lookup, consensus.bidderId),
        criterionTitle: criterionTitleOf(lookup, consensus.criterionId),
      };
    }
    case 'rfpPriceBids': {
      const bid = lookup.find('rfpPriceBids', recordId);
      return bid === undefined ? missing : { kind: 'rfpPriceBid', bidderName: bidderNameOf(lookup, bid.bidderId), round: bid.round };
    }
    default:
      return missing;
  }
}

function planTitleOf(lookup: RecordLookup, planId: Id): string | null {
  return lookup.find('plans', planId)?.title ?? null;
}

function taskNameOf(lookup: RecordLookup, taskId: Id): string | null {
  return lookup.find('planTasks', taskId)?.name ?? null;
}

/** Returns the label of a transition plan record, or `missing` when no snapshot of the lookup contains it. */
function planLabelOf(lookup: RecordLookup, table: RecordTable, recordId: Id): RecordLabel {
  const missing: RecordLabel = { kind: 'missing', table, recordId };
  switch (table) {
    case 'planCalendars': {
      const calendar = lookup.find('planCalendars', recordId);
      return calendar === undefined ? missing : { kind: 'planCalendar', name: calendar.name, site: calendar.site };
    }
    case 'plans': {
      const plan = lookup.find('plans', recordId);
      return plan === undefined ? missing : { kind: 'plan', title: plan.title };
    }
    case 'planTasks': {
      const task = lookup.find('planTasks', recordId);
      return task === undefined ? missing : { kind: 'planTask', name: task.name, planTitle: planTitleOf(lookup, task.planId) };
    }
    case 'planDependencies': {
      const dependency = lookup.find('planDependencies', recordId);
      if (dependency === undefined) return missing;
      return {
        kind: 'planDependency',
        predecessorName: taskNameOf(lookup, dependency.predecessorId),
        successorName: taskNameOf(lookup, dependency.successorId),
        planTitle: planTitleOf(lookup, dependency.planId),
      };
    }
    case 'planBaselines': {
      const baseline = lookup.find('planBaselines', recordId);
      return baseline === undefined ? missing : { kind: 'planBaseline', name: baseline.name, planTitle: planTitleOf(lookup, baseline.planId) };
    }
    default:
      return missing;
  }
}

/** Returns the label of an escalation or of an event in its history, or `missing` when no snapshot of the lookup contains it. */
function escalationLabelOf(lookup: RecordLookup, table: 'escalations' | 'escalationEvents', recordId: Id): RecordLabel {
  const missing: RecordLabel = { kind: 'missing', table, recordId };
  const event = table === 'escalationEvents' ? lookup.find('escalationEvents', recordId) : undefined;
  if (table === 'escalationEvents' && event === undefined) return missing;
  const escalationId = event === undefined ? recordId : event.escalationId;
  const escalation = lookup.find('escalations', escalationId);
  const kind = table === 'escalations' ? 'escalation' : 'escalationEvent';
  if (escalation === undefined) {
    return table === 'escalations' ? missing : { kind, providerName: null, kpi: null, period: null };
  }
  const level = lookup.find('serviceLevels', escalation.serviceLevelId);
  return {
    kind,
    providerName: providerNameOf(lookup, escalation.providerId),
    kpi: level === undefined ? null : kpiLabelOf(lookup, level.kpiId),
    period: escalation.openedPeriod,
  };
}

/** Returns the label of one record, or a `missing` label when no snapshot of the lookup contains it. */
export function recordLabelOf(lookup: RecordLookup, table: RecordTable, recordId: Id): RecordLabel {
  const missing: RecordLabel = { kind: 'missing', table, recordId };
  switch (table) {
    case 'providers': {
      const provider = lookup.find('providers', recordId);
      return provider === undefined ? missing : { kind: 'provider', name: provider.name, code: provider.code };
    }
    case 'contracts': {
      const contract = lookup.find('contracts', recordId);
      if (contract === undefined) return missing;
      return { kind: 'contract', title: contract.title, providerName: providerNameOf(lookup, contract.providerId) };
    }
    case 'kpis': {
      const kpi = kpiLabelOf(lookup, recordId);
      return kpi === null ? missing : { kind: 'kpi', kpi };
    }
    case 'serviceLevels': {
      const level = lookup.find('serviceLevels', recordId);
      if (level === undefined) return missing;
      return { kind: 'serviceLevel', providerName: providerNameOf(lookup, level.providerId), kpi: kpiLabelOf(lookup, level.kpiId) };
    }
    case 'measurements': {
      const measurement = lookup.find('measurements', recordId);
      if (measurement === undefined) return missing;
      return {
        kind: 'measurement',
        providerName: providerNameOf(lookup, measurement.providerId),
        kpi: kpiLabelOf(lookup, measurement.kpiId),
        period: measurement.period,
      };
    }
    case 'rfpEvents':
    case 'rfpSections':
    case 'rfpCriteria':
    case 'rfpBidders':
    case 'rfpEvaluators':
    case 'rfpScores':
    case 'rfpConsensusScores':
    case 'rfpPriceBids':
      return rfpLabelOf(lookup, table, recordId);
    case 'planCalendars':
    case 'plans':
    case 'planTasks':
    case 'planDependencies':
    case 'planBaselines':
      return planLabelOf(lookup, table, recordId);
    case 'escalations':
    case 'escalationEvents':
      return escalationLabelOf(lookup, table, recordId);
    case 'providerSites':
    case 'certifications':
    case 'contacts':
    case 'processes':
    case 'risks':
    case 'meetingCadences':
    case 'meetings':
    case 'decisions':
    case 'actionItems': {
      const found = profileNameOf(lookup, table, recordId);
      if (found === null) return missing;
      return {
        kind: 'profileRecord',
        table,
        name: found.name,
        standard: found.standard ?? null,
        date: found.date ?? null,
        providerName: providerNameOf(lookup, found.providerId),
      };
    }
  }
}

/** Reference fields whose values are shown as the referenced record's label instead of its id. */
const referencedTables: Readonly<Record<string, RecordTable>> = {
  providerId: 'providers',
  kpiId: 'kpis',
  contractId: 'contracts',
  rfpId: 'rfpEvents',
  sectionId: 'rfpSections',
  criterionId: 'rfpCriteria',
  bidderId: 'rfpBidders',
  evaluatorId: 'rfpEvaluators',
  awardedBidderId: 'rfpBidders',
  awardedContractId: 'contracts',
  planId: 'plans',
  parentId: 'planTasks',
  predecessorId: 'planTasks',
  successorId: 'planTasks',
  calendarId: 'planCalendars',
  serviceLevelId: 'serviceLevels',
  escalationId: 'escalations',
  cadenceId: 'meetingCadences',
  meetingId: 'meetings',
};

/** Returns the table that a reference field points to, or `null` for any other field. */
export function referencedTableOf(field: string): RecordTable | null {
  return Object.hasOwn(referencedTables, field) ? (referencedTables[field] ?? null) : null;
}
