/**
 * Strict schemas of the records, tombstones and version vector of a current-version portfolio
 * file. Unknown fields are rejected. Every leaf schema carries a rule token as its error
 * message. `describeIssue` turns a zod issue into the field, rule and value that
 * `portfolioFile.invalidRecord` reports.
 *
 * Each table has two record schemas: one for a full file, where every field is required, and
 * one for a file without commercial terms, where the fields listed in `commercialTerms` must be
 * absent, together with their `fieldClocks` entries.
 */
import * as z from 'zod';
import { commercialFieldsOf } from '../domain/commercialTerms';
import { isPeriod } from '../domain/period';
import type {
  BaselineData,
  BaselineTask,
  CalendarData,
  DependencyData,
  DependencyType,
  DurationUnit,
  PlanData,
  TaskData,
} from '../domain/plan';
import type {
  BidderData,
  ChargePeriod,
  ConflictStatus,
  ConsensusScoreData,
  EvaluatorAssignmentData,
  OneTimeCharge,
  PriceBidData,
  PriceScoreMethod,
  RecurringCharge,
  RfpCriterionData,
  RfpCriterionKind,
  RfpEventData,
  RfpPhase,
  RfpSectionData,
  ScaleLevel,
  ScoreData,
  ScoringScale,
} from '../domain/rfp';
import type {
  EscalationData,
  EscalationEventData,
  EscalationEventKind,
  EscalationLevel,
  EscalationRule,
  EscalationStatus,
} from '../domain/escalation';
import type {
  ActionItemData,
  ActionStatus,
  AgendaItem,
  AgendaItemSource,
  DecisionData,
  MeetingCadenceData,
  MeetingCadenceKind,
  MeetingData,
  MeetingKind,
  MeetingStatus,
  RiskCategory,
  RiskData,
  RiskStatus,
} from '../domain/governance';
import type {
  CertificationData,
  CertificationStandard,
  ContactData,
  ContactRole,
  ContactSide,
  DeliveryModel,
  ProcessData,
  ProcessFunction,
  ProcessReadiness,
  ProviderSiteData,
} from '../domain/providerProfile';
import type {
  ContractData,
  CreditRule,
  ExitProvisions,
  FinancialRating,
  PricingModel,
  ProviderCriticality,
  ProviderLifecycle,
  ServiceAudience,
  ServiceKind,
  CreditTier,
  GlideStep,
  KpiAggregation,
  KpiDefinitionData,
  KpiDirection,
  KpiKind,
  KpiUnit,
  MeasurementData,
  ProviderData,
  RecordTable,
  ServiceLevelBonus,
  ServiceLevelData,
} from '../domain/types';
import { isDeviceId, isHlcString, parseHlc } from '../sync/hlc';
import { recordTables } from '../sync/snapshot';
import { forbiddenKeys } from './json';

/**
 * Rule that a value failed, named by a token that the renderer can turn into a phrase.
 * `required` and `unknownField` come from the object shape, the others from the field schema.
 */
export type RecordRule =
  | 'required'
  | 'unknownField'
  | 'object'
  | 'text'
  | 'nonEmptyText'
  | 'textOrNull'
  | 'textList'
  | 'hlc'
  | 'period'
  | 'periodOrNull'
  | 'calendarDateOrNull'
  | 'currency'
  | 'finiteNumber'
  | 'finiteNumberOrNull'
  | 'minorUnitsOrNull'
  | 'oneOf'
  | 'deviceId'
  | 'deviceMismatch'
  | 'commercialTerm'
  | 'outOfScope'
  | 'calendarDate'
  | 'positiveInteger'
  | 'positiveNumber'
  | 'integer'
  | 'idOrNull'
  | 'idList'
  | 'idListOrNull'
  | 'list'
  | 'nonNegativeInteger'
  | 'boolean'
  | 'weekdayList'
  | 'calendarDateList'
  | 'instant'
  | 'timeOfDay'
  | 'timeZone'
  | 'countryCode';

const rule = (token: RecordRule): { error: RecordRule } => ({ error: token });

const calendarDatePattern = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Checks whether `text` is an existing calendar date `YYYY-MM-DD`, so `2023-02-29` is not one. */
export function isCalendarDate(text: string): boolean {
  const match = calendarDatePattern.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= daysInMonth;
}

const nonEmptyText = z.string(rule('nonEmptyText')).min(1, rule('nonEmptyText'));
const text = z.string(rule('text'));
const textOrNull = z.string(rule('textOrNull')).nullable();
const textList = z.array(z.string(rule('text')), rule('textList'));
/** JSON has no NaN or Infinity, but a record built in memory can; zod's number rejects both. */
const finiteNumber = z.number(rule('finiteNumber'));
const finiteNumberOrNull = z.number(rule('finiteNumberOrNull')).nullable();
export const hlcSchema = z.string(rule('hlc')).refine(isHlcString, rule('hlc'));
const periodSchema = z.string(rule('period')).refine(isPeriod, rule('period'));
const periodOrNull = z.string(rule('periodOrNull')).refine(isPeriod, rule('periodOrNull')).nullable();
const calendarDateOrNull = z.string(rule('calendarDateOrNull')).refine(isCalendarDate, rule('calendarDateOrNull')).nullable();
/** ISO 4217 alphabetic code: three capital letters. */
const currency = z.string(rule('currency')).regex(/^[A-Z]{3}$/, rule('currency'));
/** Money in minor units of a currency: a safe integer from 0 (zod's `int` rejects unsafe ones). */
const minorUnitsOrNull = z.int(rule('minorUnitsOrNull')).min(0, rule('minorUnitsOrNull')).nullable();
/** A commercial field in a file without commercial terms: it must be absent. */
const leftOut = z.never(rule('commercialTerm')).optional();

const calendarDate = z.string(rule('calendarDate')).refine(isCalendarDate, rule('calendarDate'));
const positiveInteger = z.int(rule('positiveInteger')).min(1, rule('positiveInteger'));
const positiveNumber = z.number(rule('positiveNumber')).positive(rule('positiveNumber'));
/** Money in minor units where credits are negative: any safe integer. */
const integer = z.int(rule('integer'));
const idOrNull = z.string(rule('idOrNull')).min(1, rule('idOrNull')).nullable();
const idList = z.array(z.string(rule('idList')).min(1, rule('idList')), rule('idList'));
const idListOrNull = z.array(z.string(rule('idListOrNull')).min(1, rule('idListOrNull')), rule('idListOrNull')).nullable();
const nonNegativeInteger = z.int(rule('nonNegativeInteger')).min(0, rule('nonNegativeInteger'));
const boolean = z.boolean(rule('boolean'));
/** ISO weekdays, 1 (Monday) to 7 (Sunday). */
const weekdayList = z.array(z.int(rule('weekdayList')).min(1, rule('weekdayList')).max(7, rule('weekdayList')), rule('weekdayList'));
const calendarDateList = z.array(
  z.string(rule('calendarDateList')).refine(isCalendarDate, rule('calendarDateList')),
  rule('calendarDateList'),
);
/** Instant as `toISOString` writes it; zod also accepts other precisions of a UTC time. */
const instant = z.iso.datetime(rule('instant'));
/** Local time of day `HH:MM`, 00:00 to 23:59. */
const timeOfDay = z.string(rule('timeOfDay')).regex(/^([01]\d|2[0-3]):[0-5]\d$/, rule('timeOfDay'));
/** IANA time zone name that this runtime's `Intl` accepts. */
const timeZone = z.string(rule('timeZone')).refine(isTimeZone, rule('timeZone'));
/** ISO 3166-1 alpha-2 code: two capital letters. */
const countryCode = z.string(rule('countryCode')).regex(/^[A-Z]{2}$/, rule('countryCode'));

/** Checks whether `name` is an IANA time zone that `Intl` accepts, for example `Europe/London`. */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '' || name !== name.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Builds an enum schema from an object whose keys are exactly the members of a union. */
function oneOf<T extends string>(members: Record<T, true>): z.ZodEnum<{ [K in T]: K }> {
  return z.enum(Object.keys(members) as [T, ...T[]], rule('oneOf'));
}

const kpiUnits: Record<KpiUnit, true> = { percent: true, seconds: true, number: true };
const kpiDirections: Record<KpiDirection, true> = { higherIsBetter: true, lowerIsBetter: true };
const kpiKinds: Record<KpiKind, true> = { ratio: true, value: true, duration: true, count: true };
const kpiAggregations: Record<KpiAggregation, true> = { ratioOfSums: true, sum: true, mean: true, last: true };

const creditTier = z.strictObject(
  { worseThan: finiteNumber, percentOfAllocation: finiteNumber } satisfies { [K in keyof CreditTier]-?: z.ZodType },
  rule('object'),
);
/** The credit rule: one object shape per kind. Amounts and ranges are checked by the service level validation, not here. */
const creditRule = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('fixed', rule('oneOf')) }, rule('object')),
    z.strictObject({ kind: z.literal('proportional', rule('oneOf')), fullCreditAt: finiteNumber }, rule('object')),
    z.strictObject({ kind: z.literal('tiered', rule('oneOf')), tiers: z.array(creditTier, rule('list')) }, rule('object')),
  ],
  rule('oneOf'),
) satisfies z.ZodType<CreditRule>;
const serviceLevelBonus = z
  .strictObject(
    { level: finiteNumber, percentOfAllocation: finiteNumber } satisfies { [K in keyof ServiceLevelBonus]-?: z.ZodType },
    rule('object'),
  )
  .nullable();
const glidePath = z.array(
  z.strictObject(
    {
      month: z.int(rule('positiveInteger')).min(1, rule('positiveInteger')),
      expected: finiteNumber,
      minimum: finiteNumber,
    } satisfies { [K in keyof GlideStep]-?: z.ZodType },
    rule('object'),
  ),
  rule('list'),
);

const rfpPhases: Record<RfpPhase, true> = { draft: true, open: true, scoring: true, consensus: true, awarded: true, cancelled: true };
const priceScoreMethods: Record<PriceScoreMethod, true> = { lowestOverBid: true, linear: true, manual: true };
const criterionKinds: Record<RfpCriterionKind, true> = { scored: true, knockout: true, price: true };
const conflictStatuses: Record<ConflictStatus, true> = { pending: true, none: true, declared: true };
const chargePeriods: Record<ChargePeriod, true> = { month: true, quarter: true, year: true };
const durationUnits: Record<DurationUnit, true> = { workingDays: true, calendarDays: true };
const dependencyTypes: Record<DependencyType, true> = { FS: true, SS: true, FF: true, SF: true };

const scaleSchema = z
  .strictObject(
    {
      levels: z.array(
        z.strictObject(
          { value: finiteNumber, label: text, description: text } satisfies { [K in keyof ScaleLevel]-?: z.ZodType },
          rule('object'),
        ),
        rule('list'),
      ),
    } satisfies { [K in keyof ScoringScale]-?: z.ZodType },
    rule('object'),
  )
  .nullable();
const oneTimeCharges = z.array(
  z.strictObject({ label: text, amountMinor: integer } satisfies { [K in keyof OneTimeCharge]-?: z.ZodType }, rule('object')),
  rule('list'),
);
const recurringCharges = z.array(
  z.strictObject(
    { label: text, amountMinor: integer, period: oneOf(chargePeriods) } satisfies { [K in keyof RecurringCharge]-?: z.ZodType },
    rule('object'),
  ),
  rule('list'),
);

/**
 * Data field schemas of the RFP tables. They check types and references only. The rules of a
 * valid RFP (weights, scales, comments) are checked by `shared/rfp/validation.ts`, because a file
 * may carry an RFP that is still being prepared.
 */
const rfpDataFields = {
  rfpEvents: {
    title: text,
    description: text,
    scope: textList,
    phase: oneOf(rfpPhases),
    baseCurrency: currency,
    termMonths: positiveInteger,
    priceScoreMethod: oneOf(priceScoreMethods),
    issuedOn: calendarDateOrNull,
    questionsDueOn: calendarDateOrNull,
    responseDueOn: calendarDateOrNull,
    awardTargetOn: calendarDateOrNull,
    awardedBidderId: idOrNull,
    awardReason: text,
    awardedContractId: idOrNull,
  } satisfies { [K in keyof RfpEventData]-?: z.ZodType },
  rfpSections: {
    rfpId: nonEmptyText,
    templateKey: textOrNull,
    title: text,
    description: text,
    weight: finiteNumber,
    order: finiteNumber,
  } satisfies { [K in keyof RfpSectionData]-?: z.ZodType },
  rfpCriteria: {
    rfpId: nonEmptyText,
    sectionId: nonEmptyText,
    templateKey: textOrNull,
    title: text,
    description: text,
    kind: oneOf(criterionKinds),
    weight: finiteNumber,
    scale: scaleSchema,
    applicabilityNote: text,
    order: finiteNumber,
  } satisfies { [K in keyof RfpCriterionData]-?: z.ZodType },
  rfpBidders: {
    rfpId: nonEmptyText,
    name: text,
    providerId: idOrNull,
  } satisfies { [K in keyof BidderData]-?: z.ZodType },
  rfpEvaluators: {
    rfpId: nonEmptyText,
    evaluatorName: text,
    role: text,
    sectionIds: idListOrNull,
    conflictStatus: oneOf(conflictStatuses),
    conflictBidderIds: idList,
    conflictStatement: text,
    conflictDeclaredOn: calendarDateOrNull,
  } satisfies { [K in keyof EvaluatorAssignmentData]-?: z.ZodType },
  rfpScores: {
    rfpId: nonEmptyText,
    evaluatorId: nonEmptyText,
    bidderId: nonEmptyText,
    criterionId: nonEmptyText,
    value: finiteNumberOrNull,
    comment: text,
  } satisfies { [K in keyof ScoreData]-?: z.ZodType },
  rfpConsensusScores: {
    rfpId: nonEmptyText,
    bidderId: nonEmptyText,
    criterionId: nonEmptyText,
    value: finiteNumber,
    reason: text,
    agreedOn: calendarDate,
  } satisfies { [K in keyof ConsensusScoreData]-?: z.ZodType },
  rfpPriceBids: {
    rfpId: nonEmptyText,
    bidderId: nonEmptyText,
    round: positiveInteger,
    currency,
    oneTimeCharges,
    recurringCharges,
    exchangeRateToBase: positiveNumber,
    exchangeRateDate: calendarDate,
    submittedOn: calendarDate,
  } satisfies { [K in keyof PriceBidData]-?: z.ZodType },
} as const;

const baselineTasks = z.array(
  z.strictObject(
    { taskId: nonEmptyText, start: calendarDate, finish: calendarDate } satisfies { [K in keyof BaselineTask]-?: z.ZodType },
    rule('object'),
  ),
  rule('list'),
);

/**
 * Data field schemas of the transition plan tables. Like the RFP schemas, they check types only.
 * The rules of a plan that can be scheduled (working weekdays, no cycle, known parents and
 * calendars, progress from 0 to 100) are checked by `shared/schedule/model.ts`, which reports
 * them on the plan rather than rejecting the whole file.
 */
const planDataFields = {
  planCalendars: {
    name: text,
    workingWeekdays: weekdayList,
    holidays: calendarDateList,
    site: text,
  } satisfies { [K in keyof CalendarData]-?: z.ZodType },
  plans: {
    providerId: idOrNull,
    contractId: idOrNull,
    title: text,
    description: text,
    startOn: calendarDate,
    calendarId: nonEmptyText,
    templateKey: textOrNull,
  } satisfies { [K in keyof PlanData]-?: z.ZodType },
  planTasks: {
    planId: nonEmptyText,
    parentId: idOrNull,
    order: finiteNumber,
    name: text,
    duration: nonNegativeInteger,
    durationUnit: oneOf(durationUnits),
    startNoEarlierThan: calendarDateOrNull,
    progress: finiteNumber,
    owner: text,
    notes: text,
    calendarId: idOrNull,
    goNoGo: boolean,
    templateKey: textOrNull,
  } satisfies { [K in keyof TaskData]-?: z.ZodType },
  planDependencies: {
    planId: nonEmptyText,
    predecessorId: nonEmptyText,
    successorId: nonEmptyText,
    type: oneOf(dependencyTypes),
    lag: integer,
    lagUnit: oneOf(durationUnits),
  } satisfies { [K in keyof DependencyData]-?: z.ZodType },
  planBaselines: {
    planId: nonEmptyText,
    name: text,
    takenAt: instant,
    planFinish: calendarDate,
    tasks: baselineTasks,
  } satisfies { [K in keyof BaselineData]-?: z.ZodType },
} as const;

const escalationLevels = z.union([z.literal(1), z.literal(2), z.literal(3)], rule('oneOf')) satisfies z.ZodType<EscalationLevel>;
const escalationStatuses: Record<EscalationStatus, true> = { open: true, closed: true };
const escalationEventKinds: Record<EscalationEventKind, true> = {
  opened: true,
  repeatMiss: true,
  raised: true,
  lowered: true,
  ownerChanged: true,
  dueDateChanged: true,
  closed: true,
  reopened: true,
  note: true,
};
const escalationRules: Record<EscalationRule, true> = { manual: true, repeats: true, severity: true, age: true };

/** Data field schemas of the escalation tables. */
const escalationDataFields = {
  escalations: {
    providerId: nonEmptyText,
    serviceLevelId: nonEmptyText,
    openedPeriod: periodSchema,
    level: escalationLevels,
    status: oneOf(escalationStatuses),
    owner: text,
    dueDate: calendarDate,
    openedAt: instant,
  } satisfies { [K in keyof EscalationData]-?: z.ZodType },
  escalationEvents: {
    escalationId: nonEmptyText,
    at: instant,
    user: text,
    kind: oneOf(escalationEventKinds),
    level: escalationLevels,
    rule: oneOf(escalationRules).nullable(),
    period: periodOrNull,
    amount: finiteNumberOrNull,
    note: text,
  } satisfies { [K in keyof EscalationEventData]-?: z.ZodType },
} as const;

const serviceKinds: Record<ServiceKind, true> = { knowledge: true, operational: true };
const serviceAudiences: Record<ServiceAudience, true> = { customerFacing: true, internal: true };
const providerTiers = z.union([z.literal(1), z.literal(2), z.literal(3)], rule('oneOf')).nullable();
const criticalities: Record<ProviderCriticality, true> = { low: true, medium: true, high: true };
const lifecycles: Record<ProviderLifecycle, true> = { prospect: true, onboarding: true, active: true, exiting: true, exited: true };
const financialRatings: Record<FinancialRating, true> = { strong: true, adequate: true, weak: true, distressed: true };
const pricingModels: Record<PricingModel, true> = {
  fteBased: true,
  transactionBased: true,
  fixed: true,
  outcomeBased: true,
  gainShare: true,
};
const noticePeriod = z.strictObject({ amount: nonNegativeInteger, unit: oneOf({ days: true, months: true }) }, rule('object')).nullable();
const exitProvisions = z.strictObject(
  { exitPlan: boolean, dataReturn: boolean, knowledgeTransferBack: boolean, stepInRights: boolean } satisfies {
    [K in keyof ExitProvisions]-?: z.ZodType;
  },
  rule('object'),
);

const deliveryModels: Record<DeliveryModel, true> = { onshore: true, nearshore: true, offshore: true };
const certificationStandards: Record<CertificationStandard, true> = {
  soc2Type2: true,
  iso27001: true,
  pciDss: true,
  iso9001: true,
  iso22301: true,
  other: true,
};
const contactSides: Record<ContactSide, true> = { client: true, provider: true };
const contactRoles: Record<ContactRole, true> = {
  programmeManager: true,
  processOwner: true,
  itLiaison: true,
  accountManager: true,
  deliveryManager: true,
  qualityAssurance: true,
  other: true,
};
const processFunctions: Record<ProcessFunction, true> = {
  hr: true,
  financeAccounting: true,
  customerService: true,
  it: true,
  procurement: true,
  other: true,
};
const processReadiness: Record<ProcessReadiness, true> = {
  notStarted: true,
  asIsMapped: true,
  proceduresDocumented: true,
  knowledgeTransferDone: true,
  pilotPassed: true,
  migrated: true,
};

/** Data field schemas of the provider profile tables. */
const profileDataFields = {
  providerSites: {
    providerId: nonEmptyText,
    country: countryCode,
    city: text,
    deliveryModel: oneOf(deliveryModels),
    fte: z.number(rule('finiteNumberOrNull')).min(0, rule('finiteNumberOrNull')).nullable(),
    languages: textList,
    timeZone,
    calendarId: idOrNull,
  } satisfies { [K in keyof ProviderSiteData]-?: z.ZodType },
  certifications: {
    providerId: nonEmptyText,
    standard: oneOf(certificationStandards),
    name: text,
    issuedOn: calendarDateOrNull,
    expiresOn: calendarDateOrNull,
    evidence: text,
  } satisfies { [K in keyof CertificationData]-?: z.ZodType },
  contacts: {
    providerId: nonEmptyText,
    side: oneOf(contactSides),
    role: oneOf(contactRoles),
    name: nonEmptyText,
    email: text,
    phone: text,
  } satisfies { [K in keyof ContactData]-?: z.ZodType },
  processes: {
    name: nonEmptyText,
    function: oneOf(processFunctions),
    providerId: idOrNull,
    contractId: idOrNull,
    readiness: oneOf(processReadiness),
  } satisfies { [K in keyof ProcessData]-?: z.ZodType },
} as const;

const riskCategories: Record<RiskCategory, true> = {
  providerConcentration: true,
  attrition: true,
  dataProtection: true,
  disasterRecovery: true,
  financialDistress: true,
  countryRisk: true,
  regulatoryChange: true,
  other: true,
};
const riskScore = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], rule('oneOf'));
const riskStatuses: Record<RiskStatus, true> = { open: true, mitigating: true, accepted: true, closed: true };
const cadenceKinds: Record<MeetingCadenceKind, true> = { weeklyOperational: true, monthlyManagement: true, quarterlySteering: true };
const meetingKinds: Record<MeetingKind, true> = { ...cadenceKinds, adHoc: true };
const meetingStatuses: Record<MeetingStatus, true> = { planned: true, held: true, cancelled: true };
const agendaSources: Record<AgendaItemSource, true> = {
  escalation: true,
  serviceLevel: true,
  noticeDeadline: true,
  risk: true,
  action: true,
  note: true,
};
const agendaItem = z.strictObject(
  { source: oneOf(agendaSources), recordId: idOrNull, text } satisfies { [K in keyof AgendaItem]-?: z.ZodType },
  rule('object'),
);
const actionStatuses: Record<ActionStatus, true> = { open: true, done: true };

/** Data field schemas of the governance tables. */
const governanceDataFields = {
  risks: {
    providerId: idOrNull,
    title: nonEmptyText,
    category: oneOf(riskCategories),
    description: text,
    likelihood: riskScore,
    impact: riskScore,
    owner: text,
    mitigation: text,
    status: oneOf(riskStatuses),
    reviewDate: calendarDateOrNull,
  } satisfies { [K in keyof RiskData]-?: z.ZodType },
  meetingCadences: {
    providerId: nonEmptyText,
    contractId: idOrNull,
    kind: oneOf(cadenceKinds),
    title: nonEmptyText,
    firstDate: calendarDate,
    untilDate: calendarDateOrNull,
    startTime: timeOfDay,
    durationMinutes: positiveInteger,
    timeZone,
    attendees: text,
  } satisfies { [K in keyof MeetingCadenceData]-?: z.ZodType },
  meetings: {
    providerId: nonEmptyText,
    cadenceId: idOrNull,
    kind: oneOf(meetingKinds),
    title: nonEmptyText,
    date: calendarDate,
    startTime: timeOfDay,
    durationMinutes: positiveInteger,
    timeZone,
    status: oneOf(meetingStatuses),
    agenda: z.array(agendaItem, rule('list')),
    attendees: text,
    minutes: text,
  } satisfies { [K in keyof MeetingData]-?: z.ZodType },
  decisions: {
    meetingId: idOrNull,
    providerId: idOrNull,
    text: nonEmptyText,
    decidedOn: calendarDate,
    decidedBy: text,
  } satisfies { [K in keyof DecisionData]-?: z.ZodType },
  actionItems: {
    meetingId: idOrNull,
    providerId: idOrNull,
    title: nonEmptyText,
    owner: text,
    dueDate: calendarDateOrNull,
    status: oneOf(actionStatuses),
    completedOn: calendarDateOrNull,
  } satisfies { [K in keyof ActionItemData]-?: z.ZodType },
} as const;

/** Data field schemas of each table. The mapped types make the compiler reject a missing or extra field. */
const dataFields = {
  providers: {
    code: textOrNull,
    name: text,
    formerNames: textList,
    legalEntity: text,
    parentCompany: text,
    serviceKinds: z.array(oneOf(serviceKinds), rule('list')),
    serviceAudiences: z.array(oneOf(serviceAudiences), rule('list')),
    tier: providerTiers,
    criticality: oneOf(criticalities).nullable(),
    lifecycle: oneOf(lifecycles),
    financialRating: oneOf(financialRatings).nullable(),
  } satisfies { [K in keyof ProviderData]-?: z.ZodType },
  contracts: {
    providerId: nonEmptyText,
    title: text,
    startDate: calendarDateOrNull,
    endDate: calendarDateOrNull,
    currency,
    annualValueMinor: minorUnitsOrNull,
    monthlyChargesMinor: minorUnitsOrNull,
    atRiskPercent: finiteNumberOrNull,
    noticePeriod,
    autoRenewal: boolean,
    renewalMonths: z.int(rule('positiveInteger')).min(1, rule('positiveInteger')).nullable(),
    pricingModel: oneOf(pricingModels).nullable(),
    exitProvisions,
  } satisfies { [K in keyof ContractData]-?: z.ZodType },
  kpis: {
    key: nonEmptyText,
    name: text,
    description: text,
    unit: oneOf(kpiUnits),
    direction: oneOf(kpiDirections),
    kind: oneOf(kpiKinds),
    aggregation: oneOf(kpiAggregations),
  } satisfies { [K in keyof KpiDefinitionData]-?: z.ZodType },
  serviceLevels: {
    kpiId: nonEmptyText,
    providerId: nonEmptyText,
    contractId: z.string(rule('textOrNull')).min(1, rule('nonEmptyText')).nullable(),
    expected: finiteNumber,
    minimum: finiteNumber,
    critical: boolean,
    allocationPercent: finiteNumberOrNull,
    creditRule,
    earnBackMonths: nonNegativeInteger,
    bonus: serviceLevelBonus,
    goLive: periodOrNull,
    glidePath,
  } satisfies { [K in keyof ServiceLevelData]-?: z.ZodType },
  measurements: {
    providerId: nonEmptyText,
    kpiId: nonEmptyText,
    period: periodSchema,
    value: finiteNumberOrNull,
    numerator: finiteNumberOrNull,
    denominator: finiteNumberOrNull,
    sourceFile: textOrNull,
  } satisfies { [K in keyof MeasurementData]-?: z.ZodType },
  ...rfpDataFields,
  ...planDataFields,
  ...escalationDataFields,
  ...profileDataFields,
  ...governanceDataFields,
} as const satisfies { [T in RecordTable]: Readonly<Record<string, z.ZodType>> };

/**
 * Builds the strict schema of one table: sync fields, then its data fields. `fieldClocks` must
 * not name the fields in `leftOutFields`.
 */
function recordSchema(fields: Readonly<Record<string, z.ZodType>>, leftOutFields: readonly string[]) {
  const fieldNames = Object.keys(fields) as [string, ...string[]];
  // Keys must be data fields of this table; a clock for a field that does not exist is rejected.
  const clocks = z.partialRecord(z.enum(fieldNames, rule('unknownField')), hlcSchema, rule('object'));
  const fieldClocks =
    leftOutFields.length === 0
      ? clocks
      : clocks.superRefine((value, context) => {
          for (const field of leftOutFields) {
            if (!Object.hasOwn(value, field)) continue;
            context.addIssue({ code: 'custom', message: 'commercialTerm' satisfies RecordRule, path: [field] });
          }
        });
  return z.strictObject({ id: nonEmptyText, clock: hlcSchema, fieldClocks, ...fields }, rule('object'));
}

function fullSchema(fields: Readonly<Record<string, z.ZodType>>) {
  return recordSchema(fields, []);
}

/** Builds a table's schema for a file without commercial terms: its commercial fields and their clocks must be absent. */
function schemaWithoutCommercialTerms(table: RecordTable, fields: Readonly<Record<string, z.ZodType>>) {
  const commercial = commercialFieldsOf(table);
  const shape = Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, commercial.includes(name) ? leftOut : schema]));
  return recordSchema(shape, commercial);
}

/** Schema of one record of any table. */
export type RecordSchema = ReturnType<typeof recordSchema>;

/** Builds one value per table with `build`. */
function byTable<V>(build: (table: RecordTable) => V): { readonly [T in RecordTable]: V } {
  return Object.fromEntries(recordTables.map((table) => [table, build(table)])) as { readonly [T in RecordTable]: V };
}

/** Record schemas of a full file, by table. */
export const recordSchemas: { readonly [T in RecordTable]: RecordSchema } = byTable((table) => fullSchema(dataFields[table]));

/** Record schemas of a file without commercial terms, by table. */
export const recordSchemasWithoutCommercialTerms: { readonly [T in RecordTable]: RecordSchema } = byTable((table) =>
  schemaWithoutCommercialTerms(table, dataFields[table]),
);

/** Field names of each table in the order the writer serializes them: sync fields first. */
export const recordFieldNames: { readonly [T in RecordTable]: readonly string[] } = byTable((table) => [
  'id',
  'clock',
  'fieldClocks',
  ...Object.keys(dataFields[table]),
]);

export const tombstoneSchema = z.strictObject(
  {
    id: nonEmptyText,
    table: z.enum(recordTables as [RecordTable, ...RecordTable[]], rule('oneOf')),
    clock: hlcSchema,
  },
  rule('object'),
);

export const tombstoneFieldNames: readonly string[] = ['id', 'table', 'clock'];

/**
 * Checks one version vector entry: the key is a device id and the clock was issued by that
 * device. `__proto__`, `constructor` and `prototype` match the device id pattern but are
 * rejected, because the reader rejects them as keys anywhere in a file.
 */
export function checkVersionVectorEntry(deviceId: string, clock: unknown): RecordRule | null {
  if (!isDeviceId(deviceId) || forbiddenKeys.has(deviceId)) return 'deviceId';
  if (typeof clock !== 'string' || !isHlcString(clock)) return 'hlc';
  if (parseHlc(clock).deviceId !== deviceId) return 'deviceMismatch';
  return null;
}

/** The first problem of a record: dotted field path (empty for the record itself), rule and value. */
export interface IssueDescription {
  readonly field: string;
  readonly rule: RecordRule;
  readonly value: unknown;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { readonly present: boolean; readonly value: unknown } {
  let current: unknown = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) {
      return { present: false, value: undefined };
    }
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { present: true, value: current };
}

const ruleTokens: ReadonlySet<string> = new Set<RecordRule>([
  'object',
  'text',
  'nonEmptyText',
  'textOrNull',
  'textList',
  'hlc',
  'period',
  'periodOrNull',
  'calendarDateOrNull',
  'currency',
  'finiteNumber',
  'finiteNumberOrNull',
  'minorUnitsOrNull',
  'oneOf',
  'unknownField',
  'commercialTerm',
  'calendarDate',
  'positiveInteger',
  'positiveNumber',
  'integer',
  'idOrNull',
  'idList',
  'idListOrNull',
  'list',
  'nonNegativeInteger',
  'boolean',
  'weekdayList',
  'calendarDateList',
  'instant',
  'timeOfDay',
  'timeZone',
  'countryCode',
]);

/** Describes a zod issue of a record schema in terms of the record's fields. */
export function describeIssue(record: unknown, issue: z.core.$ZodIssue): IssueDescription {
  if (issue.code === 'unrecognized_keys') {
    const path = [...issue.path, issue.keys[0] ?? ''];
    return { field: path.map(String).join('.'), rule: 'unknownField', value: valueAt(record, path).value };
  }

  const { present, value } = valueAt(record, issue.path);
  const field = issue.path.map(String).join('.');
  if (!present && issue.path.length > 0) return { field, rule: 'required', value: undefined };
  const token = ruleTokens.has(issue.message) ? (issue.message as RecordRule) : 'object';
  return { field, rule: token, value };
}
