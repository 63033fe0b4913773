/**
 * Portfolio entities. Every stored record carries `SyncFields`, written only by the
 * repositories in `renderer/src/db`.
 */
import type { Escalation, EscalationEvent } from './escalation';
import type { ActionItem, Decision, Meeting, MeetingCadence, Risk } from './governance';
import type { Baseline, Calendar, Dependency, Plan, Task } from './plan';
import type { Certification, Contact, Process, ProviderSite } from './providerProfile';
import type { Bidder, ConsensusScore, EvaluatorAssignment, PriceBid, RfpCriterion, RfpEvent, RfpSection, Score } from './rfp';

/** UUIDv7 string. */
export type Id = string;
/** Calendar date `YYYY-MM-DD`, with no time and no time zone. */
export type CalendarDate = string;
/** Calendar month `YYYY-MM`, with no time and no time zone. */
export type Period = string;
/** Instant as a UTC ISO 8601 string, for example `2026-12-04T10:00:00.000Z`. */
export type Instant = string;
/** Packed hybrid logical clock; see `shared/sync/hlc.ts`. Strings compare in clock order. */
export type HlcString = string;

/** Change metadata stamped by the repositories on every write. */
export interface SyncFields {
  readonly id: Id;
  /** Clock of every field not listed in `fieldClocks`. */
  readonly clock: HlcString;
  /** Clocks of fields written later than `clock`, by field name. Empty for most records. */
  readonly fieldClocks: Readonly<Record<string, HlcString>>;
}

export interface ProviderData {
  /** Code from the data source (for NHS 111 the provider organisation code); the identity used by imports. */
  readonly code: string | null;
  /** Current display name; a rename in a later import replaces it. */
  readonly name: string;
  /** Earlier names seen in imports, oldest first, so a renamed provider can still be found. */
  readonly formerNames: readonly string[];
  /** Registered name of the contracting legal entity; empty when not recorded. */
  readonly legalEntity: string;
  /** Ultimate parent company; empty when not recorded or none. */
  readonly parentCompany: string;
  /** Knowledge process outsourcing (judgement work) or operational (rule-based) processes, or both. */
  readonly serviceKinds: readonly ServiceKind[];
  /** Whether the services face the client's customers, stay internal, or both. */
  readonly serviceAudiences: readonly ServiceAudience[];
  /** 1 strategic, 2 important, 3 transactional; `null` until tiered. */
  readonly tier: ProviderTier | null;
  /** Harm that a failure of the provider would do to the business, or `null` until assessed. */
  readonly criticality: ProviderCriticality | null;
  readonly lifecycle: ProviderLifecycle;
  /** Latest financial stability rating; `null` until assessed. */
  readonly financialRating: FinancialRating | null;
}
export type Provider = SyncFields & ProviderData;

export type ServiceKind = 'knowledge' | 'operational';
export type ServiceAudience = 'customerFacing' | 'internal';
export type ProviderTier = 1 | 2 | 3;
export type ProviderCriticality = 'low' | 'medium' | 'high';
export type ProviderLifecycle = 'prospect' | 'onboarding' | 'active' | 'exiting' | 'exited';
/** From sound to failing: `weak` calls for watching, `distressed` for a contingency plan. */
export type FinancialRating = 'strong' | 'adequate' | 'weak' | 'distressed';

/** Charging basis of a contract. */
export type PricingModel = 'fteBased' | 'transactionBased' | 'fixed' | 'outcomeBased' | 'gainShare';

/** Notice that a party must give to end the contract at its end date, in days or calendar months. */
export interface NoticePeriod {
  /** A non-negative integer. */
  readonly amount: number;
  readonly unit: 'days' | 'months';
}

/** Exit provisions the contract contains; each `true` when the contract has it. */
export interface ExitProvisions {
  readonly exitPlan: boolean;
  readonly dataReturn: boolean;
  readonly knowledgeTransferBack: boolean;
  readonly stepInRights: boolean;
}

export interface ContractData {
  readonly providerId: Id;
  readonly title: string;
  readonly startDate: CalendarDate | null;
  readonly endDate: CalendarDate | null;
  /** ISO 4217 code, for example `GBP`. */
  readonly currency: string;
  /**
   * Annual contract value in minor units of `currency` (pence for `GBP`), a non-negative
   * integer, or `null` when none was entered. A commercial term (see `commercialTerms.ts`).
   * NOTE: `null` also stands for a value that this laptop never received, because the contract
   * came only from a file without commercial terms. The field's clock is then
   * `placeholderClock`, which every real write beats.
   */
  readonly annualValueMinor: number | null;
  /**
   * Monthly charges in minor units of `currency`, a non-negative integer, or `null` when none
   * were entered. The base of the at-risk amount. A commercial term, with the same placeholder
   * rule as `annualValueMinor`.
   */
  readonly monthlyChargesMinor: number | null;
  /**
   * Share of the monthly charges at risk for service credits, in percent (12 means 12%), or
   * `null` when the contract has none. The at-risk amount is also the cap of a month's credits.
   */
  readonly atRiskPercent: number | null;
  /** Notice to end the contract at `endDate`, or `null` when not recorded. */
  readonly noticePeriod: NoticePeriod | null;
  /** Whether the contract renews itself at `endDate` unless notice is given. */
  readonly autoRenewal: boolean;
  /** Length of each automatic renewal in months, or `null` when not recorded. */
  readonly renewalMonths: number | null;
  readonly pricingModel: PricingModel | null;
  readonly exitProvisions: ExitProvisions;
}
export type Contract = SyncFields & ContractData;

/** Direction in which a KPI's result is better. */
export type KpiDirection = 'higherIsBetter' | 'lowerIsBetter';
/**
 * Kind of quantity a KPI measures: a ratio of two counts (stored as a percentage), a plain
 * value, a duration in seconds, or a count.
 */
export type KpiKind = 'ratio' | 'value' | 'duration' | 'count';
/**
 * Rule that combines monthly results over a quarter or a year: ratio of summed numerators
 * and denominators, sum, arithmetic mean, or the last month's value.
 */
export type KpiAggregation = 'ratioOfSums' | 'sum' | 'mean' | 'last';
/** Unit of a KPI's value: percent (0 to 100), seconds, or a plain number. */
export type KpiUnit = 'percent' | 'seconds' | 'number';

export interface KpiDefinitionData {
  /** Stable key that imports and presets refer to, for example `nhs111.answeredWithin60s`. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  readonly kind: KpiKind;
  readonly aggregation: KpiAggregation;
}
export type KpiDefinition = SyncFields & KpiDefinitionData;

/**
 * How a missed critical service level turns into a service credit, as a share of the level's
 * allocation of the at-risk amount:
 * - `fixed`: the whole allocation for every missed month;
 * - `proportional`: none at the minimum, rising in a straight line to the whole allocation at
 *   `fullCreditAt` (a result in the KPI's unit, worse than the minimum) and beyond;
 * - `tiered`: the `percentOfAllocation` of the worst tier whose `worseThan` the result is worse
 *   than; a missed month that no tier covers owes nothing.
 */
export type CreditRule =
  | { readonly kind: 'fixed' }
  | { readonly kind: 'proportional'; readonly fullCreditAt: number }
  | { readonly kind: 'tiered'; readonly tiers: readonly CreditTier[] };

export interface CreditTier {
  /** Result in the KPI's unit; the tier applies to results worse than it. */
  readonly worseThan: number;
  /** Share of the allocation owed, in percent. */
  readonly percentOfAllocation: number;
}

/** A payment to the provider for a month better than `level`, as a share of the level's allocation. */
export interface ServiceLevelBonus {
  /** Result in the KPI's unit that the month must beat. */
  readonly level: number;
  /** Share of the allocation paid, in percent. */
  readonly percentOfAllocation: number;
}

/**
 * Levels that apply in one month of the glide path after go-live: month 1 is the go-live
 * month. Months after the last step use the steady levels of the service level.
 */
export interface GlideStep {
  readonly month: number;
  readonly expected: number;
  readonly minimum: number;
}

export interface ServiceLevelData {
  readonly kpiId: Id;
  /** Provider the level applies to. */
  readonly providerId: Id;
  /** Contract that sets the level, when known. */
  readonly contractId: Id | null;
  /** Level the provider is expected to reach, in the KPI's unit. */
  readonly expected: number;
  /** Level below which (or above which, for lower-is-better KPIs) the month is a breach. */
  readonly minimum: number;
  /**
   * A critical service level carries service credits and opens escalations when missed; any
   * other level is a reported KPI. Levels are measured monthly.
   */
  readonly critical: boolean;
  /**
   * Share of the contract's at-risk amount allocated to this level, in percent, or `null`. The
   * allocations of one contract may add up to more than 100%; the monthly cap still applies.
   */
  readonly allocationPercent: number | null;
  readonly creditRule: CreditRule;
  /**
   * Earn-back: a credit is waived when this many months that follow it all meet the expected
   * level. 0 means no earn-back.
   */
  readonly earnBackMonths: number;
  readonly bonus: ServiceLevelBonus | null;
  /** First month of service after go-live, from which `glidePath` counts, or `null`. */
  readonly goLive: Period | null;
  /** Phased levels after go-live, by month; empty when the steady levels apply from the start. */
  readonly glidePath: readonly GlideStep[];
}
export type ServiceLevel = SyncFields & ServiceLevelData;

export interface MeasurementData {
  readonly providerId: Id;
  readonly kpiId: Id;
  readonly period: Period;
  /** Result in the KPI's unit; for ratio KPIs `100 * numerator / denominator`. `null` when the denominator is zero. */
  readonly value: number | null;
  /** Numerator of a ratio KPI, as given by the source. */
  readonly numerator: number | null;
  /** Denominator of a ratio KPI, as given by the source. */
  readonly denominator: number | null;
  /** Name of the file the value was imported from, or `null` for manual entry. */
  readonly sourceFile: string | null;
}
export type Measurement = SyncFields & MeasurementData;

/** Marker left in place of a deleted record, so that a merge can tell deletion from absence. */
export interface Tombstone {
  /** Id of the deleted record. */
  readonly id: Id;
  readonly table: RecordTable;
  /** Clock of the deletion. */
  readonly clock: HlcString;
}

export type RecordTable =
  | 'providers'
  | 'contracts'
  | 'kpis'
  | 'serviceLevels'
  | 'measurements'
  | 'rfpEvents'
  | 'rfpSections'
  | 'rfpCriteria'
  | 'rfpBidders'
  | 'rfpEvaluators'
  | 'rfpScores'
  | 'rfpConsensusScores'
  | 'rfpPriceBids'
  | 'planCalendars'
  | 'plans'
  | 'planTasks'
  | 'planDependencies'
  | 'planBaselines'
  | 'escalations'
  | 'escalationEvents'
  | 'providerSites'
  | 'certifications'
  | 'contacts'
  | 'processes'
  | 'risks'
  | 'meetingCadences'
  | 'meetings'
  | 'decisions'
  | 'actionItems';

/**
 * Stored record type of each record table. The `rfp...` tables hold the RFP records of `rfp.ts`,
 * `plans` and the `plan...` tables the transition plan records of `plan.ts`, the escalation tables
 * those of `escalation.ts`, sites, certifications, contacts and processes those of
 * `providerProfile.ts`, and risks, meetings, decisions and action items those of `governance.ts`.
 */
export interface RecordTypes {
  readonly providers: Provider;
  readonly contracts: Contract;
  readonly kpis: KpiDefinition;
  readonly serviceLevels: ServiceLevel;
  readonly measurements: Measurement;
  readonly rfpEvents: RfpEvent;
  readonly rfpSections: RfpSection;
  readonly rfpCriteria: RfpCriterion;
  readonly rfpBidders: Bidder;
  readonly rfpEvaluators: EvaluatorAssignment;
  readonly rfpScores: Score;
  readonly rfpConsensusScores: ConsensusScore;
  readonly rfpPriceBids: PriceBid;
  readonly planCalendars: Calendar;
  readonly plans: Plan;
  readonly planTasks: Task;
  readonly planDependencies: Dependency;
  readonly planBaselines: Baseline;
  readonly escalations: Escalation;
  readonly escalationEvents: EscalationEvent;
  readonly providerSites: ProviderSite;
  readonly certifications: Certification;
  readonly contacts: Contact;
  readonly processes: Process;
  readonly risks: Risk;
  readonly meetingCadences: MeetingCadence;
  readonly meetings: Meeting;
  readonly decisions: Decision;
  readonly actionItems: ActionItem;
}

/** One audit entry: a record write, a deletion or a bulk import. */
export interface AuditEntry {
  readonly id: Id;
  readonly at: Instant;
  readonly clock: HlcString;
  readonly deviceId: string;
  readonly user: string;
  /**
   * `insert` adds a record (every old value `null`), `write` changes one and `delete` removes one.
   * `import` is either the entry of a whole imported file (`table` and `recordId` `null`) or
   * the entry of one record that the import added or changed.
   */
  readonly kind: 'insert' | 'write' | 'delete' | 'import';
  readonly table: RecordTable | null;
  readonly recordId: Id | null;
  /** Changed fields with old and new value; empty for the entry of a whole imported file. */
  readonly changes: Readonly<Record<string, { readonly old: unknown; readonly new: unknown }>>;
  /** Import only: file name and record counts. */
  readonly importSummary: ImportSummary | null;
}

export interface ImportSummary {
  readonly fileName: string;
  readonly rows: number;
  readonly added: Readonly<Partial<Record<RecordTable, number>>>;
  readonly changed: Readonly<Partial<Record<RecordTable, number>>>;
  readonly unchanged: Readonly<Partial<Record<RecordTable, number>>>;
}
