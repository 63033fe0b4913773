/** fast-check arbitraries of small, valid portfolio snapshots for round-trip properties. */
import type { EscalationData, EscalationEventData, EscalationLevel } from '../../../../shared/domain/escalation';
import fc from 'fast-check';
import type {
  ActionItemData,
  DecisionData,
  MeetingCadenceData,
  MeetingCadenceKind,
  MeetingData,
  MeetingKind,
  RiskData,
  RiskScore,
} from '../../../../shared/domain/governance';
import type { CertificationData, ContactData, ProcessData, ProviderSiteData } from '../../../../shared/domain/providerProfile';
import type {
  ContractData,
  CreditRule,
  KpiDefinition,
  Measurement,
  ProviderData,
  ProviderTier,
  RecordTable,
  ServiceAudience,
  ServiceKind,
  ServiceLevel,
  Tombstone,
} from '../../../../shared/domain/types';
import { naturalKey } from '../../../../shared/sync/mergeNaturalKeys';
import { makePeriod } from '../../../../shared/domain/period';
import { maxCounter, maxWallMs, packHlc } from '../../../../shared/sync/hlc';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';
import { recordTables } from '../../../../shared/sync/snapshot';
import type {
  BidderData,
  ConsensusScoreData,
  EvaluatorAssignmentData,
  PriceBidData,
  RfpCriterionData,
  RfpEventData,
  RfpSectionData,
  ScoreData,
} from '../../../../shared/domain/rfp';
import type { BaselineData, CalendarData, DependencyData, PlanData, TaskData } from '../../../../shared/domain/plan';

const forbiddenNames = new Set(['__proto__', 'constructor', 'prototype']);

export const deviceIdArbitrary = fc.stringMatching(/^[0-9A-Za-z_-]{1,32}$/).filter((id) => !forbiddenNames.has(id));

const clockParts = fc.record({
  wallMs: fc.integer({ min: 0, max: maxWallMs }),
  counter: fc.integer({ min: 0, max: maxCounter }),
  deviceId: deviceIdArbitrary,
});
const hlcArbitrary = clockParts.map(packHlc);

/** Text with the characters JSON and UTF-8 get wrong most easily: lone surrogates, quotes, NUL, U+2028. */
const textArbitrary = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\ud800', '\udfff', '"', '\\', '\u0000', '\u2028', 'é', '😀', '/'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});
const nonEmptyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 });
const idArbitrary = fc.oneof(fc.uuid({ version: 7 }), nonEmptyText);
/** Finite doubles; -0 becomes 0 because JSON writes it as `0`. */
const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value));
const periodArbitrary = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }))
  .map(([year, month]) => makePeriod(year, month));
const calendarDate = fc
  .date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T00:00:00.000Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Sync fields with clocks on a random subset of the data fields. */
function syncFields(dataFields: readonly string[]) {
  return fc.record({
    id: idArbitrary,
    clock: hlcArbitrary,
    fieldClocks: fc
      .tuple(fc.subarray([...dataFields]), fc.array(hlcArbitrary, { minLength: dataFields.length, maxLength: dataFields.length }))
      .map(([fields, clocks]) => Object.fromEntries(fields.map((field, index) => [field, clocks[index] ?? '']))),
  });
}

const providerArbitrary = recordArbitrary<ProviderData>({
  code: fc.option(textArbitrary),
  name: textArbitrary,
  formerNames: fc.array(textArbitrary, { maxLength: 3 }),
  legalEntity: textArbitrary,
  parentCompany: textArbitrary,
  serviceKinds: fc.subarray<ServiceKind>(['knowledge', 'operational']),
  serviceAudiences: fc.subarray<ServiceAudience>(['customerFacing', 'internal']),
  tier: fc.option(fc.constantFrom<ProviderTier>(1, 2, 3)),
  criticality: fc.option(fc.constantFrom('low', 'medium', 'high')),
  lifecycle: fc.constantFrom('prospect', 'onboarding', 'active', 'exiting', 'exited'),
  financialRating: fc.option(fc.constantFrom('strong', 'adequate', 'weak', 'distressed')),
});

const contractArbitrary = recordArbitrary<ContractData>({
  providerId: idArbitrary,
  title: textArbitrary,
  startDate: fc.option(calendarDate),
  endDate: fc.option(calendarDate),
  currency: fc.stringMatching(/^[A-Z]{3}$/),
  annualValueMinor: fc.option(fc.maxSafeNat()),
  monthlyChargesMinor: fc.option(fc.maxSafeNat()),
  atRiskPercent: fc.option(finiteNumber),
  noticePeriod: fc.option(fc.record({ amount: fc.nat({ max: 36 }), unit: fc.constantFrom('days', 'months') })),
  autoRenewal: fc.boolean(),
  renewalMonths: fc.option(fc.integer({ min: 1, max: 120 })),
  pricingModel: fc.option(fc.constantFrom('fteBased', 'transactionBased', 'fixed', 'outcomeBased', 'gainShare')),
  exitProvisions: fc.record({
    exitPlan: fc.boolean(),
    dataReturn: fc.boolean(),
    knowledgeTransferBack: fc.boolean(),
    stepInRights: fc.boolean(),
  }),
});

const kpiArbitrary: fc.Arbitrary<KpiDefinition> = fc
  .tuple(
    syncFields(['key', 'name', 'description', 'unit', 'direction', 'kind', 'aggregation']),
    fc.record({
      key: nonEmptyText,
      name: textArbitrary,
      description: textArbitrary,
      unit: fc.constantFrom('percent', 'seconds', 'number'),
      direction: fc.constantFrom('higherIsBetter', 'lowerIsBetter'),
      kind: fc.constantFrom('ratio', 'value', 'duration', 'count'),
      aggregation: fc.constantFrom('ratioOfSums', 'sum', 'mean', 'last'),
    }),
  )
  .map(([sync, data]) => ({ ...sync, ...data }));

const creditRuleArbitrary: fc.Arbitrary<CreditRule> = fc.oneof(
  fc.constant({ kind: 'fixed' as const }),
  fc.record({ kind: fc.constant('proportional' as const), fullCreditAt: finiteNumber }),
  fc.record({
    kind: fc.constant('tiered' as const),
    tiers: fc.array(fc.record({ worseThan: finiteNumber, percentOfAllocation: finiteNumber }), { maxLength: 3 }),
  }),
);

const serviceLevelArbitrary: fc.Arbitrary<ServiceLevel> = fc
  .tuple(
    syncFields([
      'kpiId',
      'providerId',
      'contractId',
      'expected',
      'minimum',
      'critical',
      'allocationPercent',
      'creditRule',
      'earnBackMonths',
      'bonus',
      'goLive',
      'glidePath',
    ]),
    fc.record({
      kpiId: idArbitrary,
      providerId: idArbitrary,
      contractId: fc.option(idArbitrary),
      expected: finiteNumber,
      minimum: finiteNumber,
      critical: fc.boolean(),
      allocationPercent: fc.option(finiteNumber),
      creditRule: creditRuleArbitrary,
      earnBackMonths: fc.nat(),
      bonus: fc.option(fc.record({ level: finiteNumber, percentOfAllocation: finiteNumber })),
      goLive: fc.option(periodArbitrary),
      glidePath: fc.array(fc.record({ month: fc.integer({ min: 1, max: 120 }), expected: finiteNumber, minimum: finiteNumber }), {
        maxLength: 3,
      }),
    }),
  )
  .map(([sync, data]) => ({ ...sync, ...data }));

const measurementArbitrary: fc.Arbitrary<Measurement> = fc
  .tuple(
    syncFields(['providerId', 'kpiId', 'period', 'value', 'numerator', 'denominator', 'sourceFile']),
    fc.record({
      providerId: idArbitrary,
      kpiId: idArbitrary,
      period: periodArbitrary,
      value: fc.option(finiteNumber),
      numerator: fc.option(fc.oneof(fc.nat(), finiteNumber)),
      denominator: fc.option(fc.oneof(fc.nat(), finiteNumber)),
      sourceFile: fc.option(textArbitrary),
    }),
  )
  .map(([sync, data]) => ({ ...sync, ...data }));

const scaleArbitrary = fc.record({
  levels: fc.array(fc.record({ value: finiteNumber, label: textArbitrary, description: textArbitrary }), { maxLength: 3 }),
});
const idList = fc.array(idArbitrary, { maxLength: 3 });
const positiveInteger = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });

/** Builds an arbitrary of records from their data fields' arbitraries, with clocks on a random subset of them. */
function recordArbitrary<T>(fields: { readonly [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<
  { id: string; clock: string; fieldClocks: Record<string, string> } & T
> {
  return fc.tuple(syncFields(Object.keys(fields)), fc.record(fields)).map(([sync, data]) => ({ ...sync, ...(data as T) }));
}

const rfpEventArbitrary = recordArbitrary<RfpEventData>({
  title: textArbitrary,
  description: textArbitrary,
  scope: fc.array(textArbitrary, { maxLength: 3 }),
  phase: fc.constantFrom('draft', 'open', 'scoring', 'consensus', 'awarded', 'cancelled'),
  baseCurrency: fc.stringMatching(/^[A-Z]{3}$/),
  termMonths: positiveInteger,
  priceScoreMethod: fc.constantFrom('lowestOverBid', 'linear', 'manual'),
  issuedOn: fc.option(calendarDate),
  questionsDueOn: fc.option(calendarDate),
  responseDueOn: fc.option(calendarDate),
  awardTargetOn: fc.option(calendarDate),
  awardedBidderId: fc.option(idArbitrary),
  awardReason: textArbitrary,
  awardedContractId: fc.option(idArbitrary),
});

const rfpSectionArbitrary = recordArbitrary<RfpSectionData>({
  rfpId: idArbitrary,
  templateKey: fc.option(textArbitrary),
  title: textArbitrary,
  description: textArbitrary,
  weight: finiteNumber,
  order: finiteNumber,
});

const rfpCriterionArbitrary = recordArbitrary<RfpCriterionData>({
  rfpId: idArbitrary,
  sectionId: idArbitrary,
  templateKey: fc.option(textArbitrary),
  title: textArbitrary,
  description: textArbitrary,
  kind: fc.constantFrom('scored', 'knockout', 'price'),
  weight: finiteNumber,
  scale: fc.option(scaleArbitrary),
  applicabilityNote: textArbitrary,
  order: finiteNumber,
});

const bidderArbitrary = recordArbitrary<BidderData>({ rfpId: idArbitrary, name: textArbitrary, providerId: fc.option(idArbitrary) });

const evaluatorArbitrary = recordArbitrary<EvaluatorAssignmentData>({
  rfpId: idArbitrary,
  evaluatorName: textArbitrary,
  role: textArbitrary,
  sectionIds: fc.option(idList),
  conflictStatus: fc.constantFrom('pending', 'none', 'declared'),
  conflictBidderIds: idList,
  conflictStatement: textArbitrary,
  conflictDeclaredOn: fc.option(calendarDate),
});

const scoreArbitrary = recordArbitrary<ScoreData>({
  rfpId: idArbitrary,
  evaluatorId: idArbitrary,
  bidderId: idArbitrary,
  criterionId: idArbitrary,
  value: fc.option(finiteNumber),
  comment: textArbitrary,
});

const consensusArbitrary = recordArbitrary<ConsensusScoreData>({
  rfpId: idArbitrary,
  bidderId: idArbitrary,
  criterionId: idArbitrary,
  value: finiteNumber,
  reason: textArbitrary,
  agreedOn: calendarDate,
});

const priceBidArbitrary = recordArbitrary<PriceBidData>({
  rfpId: idArbitrary,
  bidderId: idArbitrary,
  round: positiveInteger,
  currency: fc.stringMatching(/^[A-Z]{3}$/),
  oneTimeCharges: fc.array(fc.record({ label: textArbitrary, amountMinor: fc.maxSafeInteger() }), { maxLength: 2 }),
  recurringCharges: fc.array(
    fc.record({ label: textArbitrary, amountMinor: fc.maxSafeInteger(), period: fc.constantFrom('month', 'quarter', 'year') }),
    { maxLength: 2 },
  ),
  exchangeRateToBase: fc.double({ min: Number.MIN_VALUE, noNaN: true, noDefaultInfinity: true }),
  exchangeRateDate: calendarDate,
  submittedOn: calendarDate,
});

const durationUnit = fc.constantFrom('workingDays' as const, 'calendarDays' as const);
/** Instants as `toISOString` writes them, from year 0 to 9999. */
const instant = fc
  .date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

const calendarArbitrary = recordArbitrary<CalendarData>({
  name: textArbitrary,
  workingWeekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }).map((days) => days.sort((a, b) => a - b)),
  holidays: fc.array(calendarDate, { maxLength: 3 }),
  site: textArbitrary,
});

const planArbitrary = recordArbitrary<PlanData>({
  providerId: fc.option(idArbitrary),
  contractId: fc.option(idArbitrary),
  title: textArbitrary,
  description: textArbitrary,
  startOn: calendarDate,
  calendarId: idArbitrary,
  templateKey: fc.option(textArbitrary),
});

const taskArbitrary = recordArbitrary<TaskData>({
  planId: idArbitrary,
  parentId: fc.option(idArbitrary),
  order: finiteNumber,
  name: textArbitrary,
  duration: fc.maxSafeNat(),
  durationUnit,
  startNoEarlierThan: fc.option(calendarDate),
  progress: finiteNumber,
  owner: textArbitrary,
  notes: textArbitrary,
  calendarId: fc.option(idArbitrary),
  goNoGo: fc.boolean(),
  templateKey: fc.option(textArbitrary),
});

const dependencyArbitrary = recordArbitrary<DependencyData>({
  planId: idArbitrary,
  predecessorId: idArbitrary,
  successorId: idArbitrary,
  type: fc.constantFrom('FS', 'SS', 'FF', 'SF'),
  lag: fc.maxSafeInteger(),
  lagUnit: durationUnit,
});

const baselineArbitrary = recordArbitrary<BaselineData>({
  planId: idArbitrary,
  name: textArbitrary,
  takenAt: instant,
  planFinish: calendarDate,
  tasks: fc.array(fc.record({ taskId: idArbitrary, start: calendarDate, finish: calendarDate }), { maxLength: 3 }),
});

/** Records of `table` with distinct ids and distinct natural keys, as every file contains them (see `checkNaturalKeys`). */
function uniqueRecords<T extends { readonly id: string }>(table: RecordTable, record: fc.Arbitrary<T>): fc.Arbitrary<T[]> {
  const keyOf = (item: T): string | null => naturalKey(table, item);
  const same = (a: T, b: T): boolean => a.id === b.id || (keyOf(a) !== null && keyOf(a) === keyOf(b));
  return fc.uniqueArray(record, { comparator: same, maxLength: 4 });
}

const escalationLevel = fc.constantFrom<EscalationLevel>(1, 2, 3);

const escalationArbitrary = recordArbitrary<EscalationData>({
  providerId: idArbitrary,
  serviceLevelId: idArbitrary,
  openedPeriod: periodArbitrary,
  level: escalationLevel,
  status: fc.constantFrom('open', 'closed'),
  owner: textArbitrary,
  dueDate: calendarDate,
  openedAt: instant,
});

const escalationEventArbitrary = recordArbitrary<EscalationEventData>({
  escalationId: idArbitrary,
  at: instant,
  user: textArbitrary,
  kind: fc.constantFrom('opened', 'repeatMiss', 'raised', 'lowered', 'ownerChanged', 'dueDateChanged', 'closed', 'reopened', 'note'),
  level: escalationLevel,
  rule: fc.option(fc.constantFrom('manual', 'repeats', 'severity', 'age')),
  period: fc.option(periodArbitrary),
  amount: fc.option(finiteNumber),
  note: textArbitrary,
});

const timeZoneArbitrary = fc.constantFrom('Europe/London', 'Asia/Kolkata', 'America/New_York', 'UTC');
const timeOfDay = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([hours, minutes]) => `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`);
const riskScore = fc.constantFrom<RiskScore>(1, 2, 3, 4, 5);
const cadenceKind = fc.constantFrom<MeetingCadenceKind>('weeklyOperational', 'monthlyManagement', 'quarterlySteering');

const siteArbitrary = recordArbitrary<ProviderSiteData>({
  providerId: idArbitrary,
  country: fc.stringMatching(/^[A-Z]{2}$/),
  city: textArbitrary,
  deliveryModel: fc.constantFrom('onshore', 'nearshore', 'offshore'),
  fte: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })),
  languages: fc.array(textArbitrary, { maxLength: 3 }),
  timeZone: timeZoneArbitrary,
  calendarId: fc.option(idArbitrary),
});

const certificationArbitrary = recordArbitrary<CertificationData>({
  providerId: idArbitrary,
  standard: fc.constantFrom('soc2Type2', 'iso27001', 'pciDss', 'iso9001', 'iso22301', 'other'),
  name: textArbitrary,
  issuedOn: fc.option(calendarDate),
  expiresOn: fc.option(calendarDate),
  evidence: textArbitrary,
});

const contactArbitrary = recordArbitrary<ContactData>({
  providerId: idArbitrary,
  side: fc.constantFrom('client', 'provider'),
  role: fc.constantFrom('programmeManager', 'processOwner', 'itLiaison', 'accountManager', 'deliveryManager', 'qualityAssurance', 'other'),
  name: nonEmptyText,
  email: textArbitrary,
  phone: textArbitrary,
});

const processArbitrary = recordArbitrary<ProcessData>({
  name: nonEmptyText,
  function: fc.constantFrom('hr', 'financeAccounting', 'customerService', 'it', 'procurement', 'other'),
  providerId: fc.option(idArbitrary),
  contractId: fc.option(idArbitrary),
  readiness: fc.constantFrom('notStarted', 'asIsMapped', 'proceduresDocumented', 'knowledgeTransferDone', 'pilotPassed', 'migrated'),
});

const riskArbitrary = recordArbitrary<RiskData>({
  providerId: fc.option(idArbitrary),
  title: nonEmptyText,
  category: fc.constantFrom(
    'providerConcentration',
    'attrition',
    'dataProtection',
    'disasterRecovery',
    'financialDistress',
    'countryRisk',
    'regulatoryChange',
    'other',
  ),
  description: textArbitrary,
  likelihood: riskScore,
  impact: riskScore,
  owner: textArbitrary,
  mitigation: textArbitrary,
  status: fc.constantFrom('open', 'mitigating', 'accepted', 'closed'),
  reviewDate: fc.option(calendarDate),
});

const cadenceArbitrary = recordArbitrary<MeetingCadenceData>({
  providerId: idArbitrary,
  contractId: fc.option(idArbitrary),
  kind: cadenceKind,
  title: nonEmptyText,
  firstDate: calendarDate,
  untilDate: fc.option(calendarDate),
  startTime: timeOfDay,
  durationMinutes: positiveInteger,
  timeZone: timeZoneArbitrary,
  attendees: textArbitrary,
});

const meetingArbitrary = recordArbitrary<MeetingData>({
  providerId: idArbitrary,
  cadenceId: fc.option(idArbitrary),
  kind: fc.oneof(cadenceKind, fc.constant<MeetingKind>('adHoc')),
  title: nonEmptyText,
  date: calendarDate,
  startTime: timeOfDay,
  durationMinutes: positiveInteger,
  timeZone: timeZoneArbitrary,
  status: fc.constantFrom('planned', 'held', 'cancelled'),
  agenda: fc.array(
    fc.record({
      source: fc.constantFrom('escalation', 'serviceLevel', 'risk', 'action', 'note'),
      recordId: fc.option(idArbitrary),
      text: textArbitrary,
    }),
    { maxLength: 3 },
  ),
  attendees: textArbitrary,
  minutes: textArbitrary,
});

const decisionArbitrary = recordArbitrary<DecisionData>({
  meetingId: fc.option(idArbitrary),
  providerId: fc.option(idArbitrary),
  text: nonEmptyText,
  decidedOn: calendarDate,
  decidedBy: textArbitrary,
});

const actionItemArbitrary = recordArbitrary<ActionItemData>({
  meetingId: fc.option(idArbitrary),
  providerId: fc.option(idArbitrary),
  title: nonEmptyText,
  owner: textArbitrary,
  dueDate: fc.option(calendarDate),
  status: fc.constantFrom('open', 'done'),
  completedOn: fc.option(calendarDate),
});

const tombstoneArbitrary: fc.Arbitrary<Tombstone> = fc.record({
  id: idArbitrary,
  table: fc.constantFrom(...recordTables),
  clock: hlcArbitrary,
});

const versionVectorArbitrary = fc
  .uniqueArray(clockParts, { selector: (clock) => clock.deviceId, maxLength: 4 })
  .map((clocks) => Object.fromEntries(clocks.map((clock) => [clock.deviceId, packHlc(clock)])));

export const snapshotArbitrary: fc.Arbitrary<PortfolioSnapshot> = fc.record({
  portfolioId: idArbitrary,
  portfolioName: nonEmptyText,
  deviceId: deviceIdArbitrary,
  records: fc.record({
    providers: uniqueRecords('providers', providerArbitrary),
    contracts: uniqueRecords('contracts', contractArbitrary),
    kpis: uniqueRecords('kpis', kpiArbitrary),
    serviceLevels: uniqueRecords('serviceLevels', serviceLevelArbitrary),
    measurements: uniqueRecords('measurements', measurementArbitrary),
    rfpEvents: uniqueRecords('rfpEvents', rfpEventArbitrary),
    rfpSections: uniqueRecords('rfpSections', rfpSectionArbitrary),
    rfpCriteria: uniqueRecords('rfpCriteria', rfpCriterionArbitrary),
    rfpBidders: uniqueRecords('rfpBidders', bidderArbitrary),
    rfpEvaluators: uniqueRecords('rfpEvaluators', evaluatorArbitrary),
    rfpScores: uniqueRecords('rfpScores', scoreArbitrary),
    rfpConsensusScores: uniqueRecords('rfpConsensusScores', consensusArbitrary),
    rfpPriceBids: uniqueRecords('rfpPriceBids', priceBidArbitrary),
    planCalendars: uniqueRecords('planCalendars', calendarArbitrary),
    plans: uniqueRecords('plans', planArbitrary),
    planTasks: uniqueRecords('planTasks', taskArbitrary),
    planDependencies: uniqueRecords('planDependencies', dependencyArbitrary),
    planBaselines: uniqueRecords('planBaselines', baselineArbitrary),
    escalations: uniqueRecords('escalations', escalationArbitrary),
    escalationEvents: uniqueRecords('escalationEvents', escalationEventArbitrary),
    providerSites: uniqueRecords('providerSites', siteArbitrary),
    certifications: uniqueRecords('certifications', certificationArbitrary),
    contacts: uniqueRecords('contacts', contactArbitrary),
    processes: uniqueRecords('processes', processArbitrary),
    risks: uniqueRecords('risks', riskArbitrary),
    meetingCadences: uniqueRecords('meetingCadences', cadenceArbitrary),
    meetings: uniqueRecords('meetings', meetingArbitrary),
    decisions: uniqueRecords('decisions', decisionArbitrary),
    actionItems: uniqueRecords('actionItems', actionItemArbitrary),
  }),
  tombstones: fc.uniqueArray(tombstoneArbitrary, { selector: (tombstone) => `${tombstone.table}/${tombstone.id}`, maxLength: 4 }),
  versionVector: versionVectorArbitrary,
});
