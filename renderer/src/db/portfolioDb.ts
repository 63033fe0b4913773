/**
 * One IndexedDB database per portfolio, so that two clients' data never share a database.
 * Only the repositories in this folder write to it.
 */
import Dexie from 'dexie';
import type { Table, Transaction } from 'dexie';
import type { Escalation, EscalationEvent } from '@shared/domain/escalation';
import type { ActionItem, Decision, Meeting, MeetingCadence, Risk } from '@shared/domain/governance';
import type { Certification, Contact, Process, ProviderSite } from '@shared/domain/providerProfile';
import type { Baseline, Calendar, Dependency, Plan, Task } from '@shared/domain/plan';
import type { Bidder, ConsensusScore, EvaluatorAssignment, PriceBid, RfpCriterion, RfpEvent, RfpSection, Score } from '@shared/domain/rfp';
import type {
  AuditEntry,
  Contract,
  Id,
  KpiDefinition,
  Measurement,
  Provider,
  RecordTable,
  RecordTypes,
  ServiceLevel,
  Tombstone,
} from '@shared/domain/types';
import { contractGovernanceDefaults, providerProfileDefaults } from '@shared/domain/profileDefaults';
import { noCreditTerms, reportedLevelTerms } from '@shared/domain/serviceTerms';
import { tagAuditInsertions } from './auditUpgrade';
import { openChecked, requestPersistentStorage } from './openDatabase';
import { collectVersionVector, versionVectorKey } from './versionVector';
import type { VersionVectorEntry } from './versionVector';

/** Prefix of every portfolio database name; the portfolio id follows it. */
export const portfolioDbPrefix = 'steerwise-portfolio-';

export type { RecordTypes } from '@shared/domain/types';

/** The record tables added by schema version 4. */
type RfpTable = Extract<RecordTable, `rfp${string}`>;
/** The record tables added by schema version 5. */
type PlanTable = Extract<RecordTable, `plan${string}`>;
/** The record tables added by schema version 7. */
type EscalationTable = Extract<RecordTable, `escalation${string}`>;
/** The record tables added by schema version 8. */
type ProfileTable =
  'providerSites' | 'certifications' | 'contacts' | 'processes' | 'risks' | 'meetingCadences' | 'meetings' | 'decisions' | 'actionItems';

/**
 * Schema version 1. Every later schema change is a new `version(n)` with an upgrade function,
 * and this declaration stays as it is so that older databases can still be upgraded.
 */
const schemaV1: Readonly<
  Record<Exclude<RecordTable, RfpTable | PlanTable | EscalationTable | ProfileTable> | 'tombstones' | 'audit', string>
> = {
  providers: 'id, code, name',
  contracts: 'id, providerId',
  kpis: 'id, &key',
  serviceLevels: 'id, [providerId+kpiId], kpiId',
  measurements: 'id, &[providerId+kpiId+period], providerId, kpiId, period',
  tombstones: 'id, table',
  audit: 'id, at, recordId',
};

/** Schema version 2 adds `meta`, a key/value table that stores the version vector. */
const schemaV2: Readonly<Record<'meta', string>> = {
  meta: 'key',
};

/** Entry of the `meta` table. */
export type MetaEntry = VersionVectorEntry;

/**
 * Upgrades to schema version 3, which changes no table or index: contracts gain the commercial
 * field `annualValueMinor`, set to `null`. Like the file migration from format version 1, it adds
 * no `fieldClocks` entry, so the field's clock is the record clock and the version vector stays
 * as it is. Two laptops that upgrade the same contract hold the same record, and a value entered
 * later carries a later clock and wins every merge.
 */
async function addContractValue(transaction: Transaction): Promise<void> {
  await transaction
    .table<Record<string, unknown>>('contracts')
    .toCollection()
    .modify((contract) => {
      if (!Object.hasOwn(contract, 'annualValueMinor')) contract.annualValueMinor = null;
    });
}

/**
 * Schema version 4 adds the RFP tables, empty. The unique compound indexes on scores, consensus
 * scores and price bids are the natural keys that the merge folds by (`naturalKeyParts` in
 * `shared/sync/mergeNaturalKeys.ts`), so that one database never contains two records of the same
 * matrix cell or pricing round.
 */
const schemaV4: Readonly<Record<RfpTable, string>> = {
  rfpEvents: 'id, phase',
  rfpSections: 'id, rfpId',
  rfpCriteria: 'id, rfpId, sectionId',
  rfpBidders: 'id, rfpId, providerId',
  rfpEvaluators: 'id, rfpId',
  rfpScores: 'id, &[evaluatorId+bidderId+criterionId], rfpId, evaluatorId, bidderId, criterionId',
  rfpConsensusScores: 'id, &[bidderId+criterionId], rfpId, criterionId',
  rfpPriceBids: 'id, &[bidderId+round], rfpId',
};

/**
 * Schema version 5 adds the transition plan tables, empty. Plans are found by provider, a plan's
 * tasks, dependencies and baselines by `planId`, and the plans and tasks that use a calendar by
 * `calendarId`, which the repository checks before it deletes a calendar. The tables have no
 * unique index, because plan records have no natural key.
 */
const schemaV5: Readonly<Record<PlanTable, string>> = {
  planCalendars: 'id',
  plans: 'id, providerId, calendarId',
  planTasks: 'id, planId, calendarId',
  planDependencies: 'id, planId',
  planBaselines: 'id, planId',
};

/**
 * Schema version 6 indexes plans by `contractId`, so the award of an RFP finds the transition
 * plan of its contract. Plans stored at version 5 get `contractId: null`, with no
 * `fieldClocks` entry, as `addContractValue` does for contract values.
 */
const schemaV6: Readonly<Record<'plans', string>> = {
  plans: 'id, providerId, contractId, calendarId',
};

/** Gives every plan stored before schema version 6 `contractId: null`: no contract yet. */
async function addPlanContract(transaction: Transaction): Promise<void> {
  await transaction
    .table<Record<string, unknown>>('plans')
    .toCollection()
    .modify((plan) => {
      if (!Object.hasOwn(plan, 'contractId')) plan.contractId = null;
    });
}

/**
 * Schema version 7 adds the escalation tables, empty. The unique index on escalations is their
 * natural key (one escalation per service level and opening month), so two laptops that open the
 * same escalation fold into one record when they merge. Events are found by escalation.
 */
const schemaV7: Readonly<Record<EscalationTable, string>> = {
  escalations: 'id, &[serviceLevelId+openedPeriod], serviceLevelId, providerId, status',
  escalationEvents: 'id, escalationId',
};

/**
 * Gives every service level stored before schema version 7 the terms of a reported KPI, and every
 * contract no charges and nothing at risk, with no `fieldClocks` entries, as `addContractValue`
 * does. The file migration from format version 4 gives the same values, so two laptops that
 * upgrade hold the same records.
 */
async function addServiceTerms(transaction: Transaction): Promise<void> {
  await addMissingFields(transaction, 'serviceLevels', reportedLevelTerms);
  await addMissingFields(transaction, 'contracts', noCreditTerms);
}

/**
 * Schema version 8 adds the provider profile and governance tables, empty, each found by provider
 * (and meetings, decisions and action items by the record they belong to). The unique index on
 * meetings is their natural key: a cadence generates one meeting per date, so the same meeting
 * generated on two laptops folds into one when they merge; a meeting added by hand has no cadence
 * and so no entry in it. The audit trail is indexed by user and table for the activity view.
 */
const schemaV8: Readonly<Record<ProfileTable | 'audit', string>> = {
  providerSites: 'id, providerId, calendarId',
  certifications: 'id, providerId, expiresOn',
  contacts: 'id, providerId',
  processes: 'id, providerId, contractId',
  risks: 'id, providerId, status',
  meetingCadences: 'id, providerId, contractId',
  meetings: 'id, &[cadenceId+date], providerId, cadenceId, date',
  decisions: 'id, meetingId, providerId',
  actionItems: 'id, meetingId, providerId, status',
  audit: 'id, at, recordId, user, table',
};

/**
 * Gives every provider stored before schema version 8 an empty profile, active, and every contract
 * no notice, renewal, pricing model or exit provision, with no `fieldClocks` entries, as
 * `addContractValue` does. The file migration from format version 5 gives the same values.
 */
async function addPortfolioProfile(transaction: Transaction): Promise<void> {
  await addMissingFields(transaction, 'providers', providerProfileDefaults);
  await addMissingFields(transaction, 'contracts', contractGovernanceDefaults);
}

/** Sets each field of `defaults` that a record of `table` lacks. */
async function addMissingFields(transaction: Transaction, table: RecordTable, defaults: Readonly<Record<string, unknown>>): Promise<void> {
  await transaction
    .table<Record<string, unknown>>(table)
    .toCollection()
    .modify((record) => {
      for (const [field, value] of Object.entries(defaults)) {
        if (!Object.hasOwn(record, field)) record[field] = value;
      }
    });
}

export class PortfolioDb extends Dexie {
  declare readonly providers: Table<Provider, Id>;
  declare readonly contracts: Table<Contract, Id>;
  declare readonly kpis: Table<KpiDefinition, Id>;
  declare readonly serviceLevels: Table<ServiceLevel, Id>;
  declare readonly measurements: Table<Measurement, Id>;
  declare readonly rfpEvents: Table<RfpEvent, Id>;
  declare readonly rfpSections: Table<RfpSection, Id>;
  declare readonly rfpCriteria: Table<RfpCriterion, Id>;
  declare readonly rfpBidders: Table<Bidder, Id>;
  declare readonly rfpEvaluators: Table<EvaluatorAssignment, Id>;
  declare readonly rfpScores: Table<Score, Id>;
  declare readonly rfpConsensusScores: Table<ConsensusScore, Id>;
  declare readonly rfpPriceBids: Table<PriceBid, Id>;
  declare readonly planCalendars: Table<Calendar, Id>;
  declare readonly plans: Table<Plan, Id>;
  declare readonly planTasks: Table<Task, Id>;
  declare readonly planDependencies: Table<Dependency, Id>;
  declare readonly planBaselines: Table<Baseline, Id>;
  declare readonly escalations: Table<Escalation, Id>;
  declare readonly escalationEvents: Table<EscalationEvent, Id>;
  declare readonly providerSites: Table<ProviderSite, Id>;
  declare readonly certifications: Table<Certification, Id>;
  declare readonly contacts: Table<Contact, Id>;
  declare readonly processes: Table<Process, Id>;
  declare readonly risks: Table<Risk, Id>;
  declare readonly meetingCadences: Table<MeetingCadence, Id>;
  declare readonly meetings: Table<Meeting, Id>;
  declare readonly decisions: Table<Decision, Id>;
  declare readonly actionItems: Table<ActionItem, Id>;
  declare readonly tombstones: Table<Tombstone, Id>;
  declare readonly audit: Table<AuditEntry, Id>;
  declare readonly meta: Table<MetaEntry, MetaEntry['key']>;

  /** `databaseName` is normally `portfolioDbName(id)`; tests pass their own. */
  constructor(databaseName: string) {
    super(databaseName);
    this.version(1).stores(schemaV1);
    // A database created at version 2 runs no upgrade: it has no records, so its vector is empty.
    this.version(2)
      .stores(schemaV2)
      .upgrade(async (transaction) => {
        const value = await collectVersionVector(transaction);
        await transaction.table<MetaEntry>('meta').put({ key: versionVectorKey, value });
      });
    this.version(3).stores({}).upgrade(addContractValue);
    // New tables start empty, so version 4 needs no upgrade function.
    this.version(4).stores(schemaV4);
    // Likewise, the plan tables of version 5 start empty.
    this.version(5).stores(schemaV5);
    this.version(6).stores(schemaV6).upgrade(addPlanContract);
    this.version(7).stores(schemaV7).upgrade(addServiceTerms);
    this.version(8).stores(schemaV8).upgrade(addPortfolioProfile);
    // Version 9 changes no index. Its upgrade retags the audit entries of record insertions.
    this.version(9).stores({}).upgrade(tagAuditInsertions);
  }

  /** Returns a record table by name, typed by its records. */
  recordTable<T extends RecordTable>(table: T): Table<RecordTypes[T], Id> {
    return this.table(table);
  }
}

export function portfolioDbName(portfolioId: Id): string {
  return `${portfolioDbPrefix}${portfolioId}`;
}

/**
 * Opens the database of one portfolio, creating it on first use. Rejects with
 * `storage.versionTooNew` when the database was written by a newer app version, leaving it
 * untouched. Asks once per session for persistent storage, without waiting for the answer,
 * because a browser may wait for the user to answer a prompt.
 */
export function openPortfolioDb(portfolioId: Id): Promise<PortfolioDb> {
  void requestPersistentStorage();
  return openChecked(new PortfolioDb(portfolioDbName(portfolioId)));
}
