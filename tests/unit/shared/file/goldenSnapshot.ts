/**
 * The small portfolio inside `tests/fixtures/steerwise/golden.steerwise`: two NHS 111
 * providers, one contract, two KPIs, four service levels, eight measurements, one tombstone,
 * field clocks on the contract, one RFP in consensus (see `goldenRfp.ts`) and two transition
 * plans (see `goldenPlan.ts`). Calls are real NHS 111 Minimum Data Set 2015-16 figures for April
 * and May 2015; ids, clocks, devices, the contract, its value, the RFP and the plans are invented.
 *
 * `goldenSnapshotV1` is the same portfolio as `golden-v1.steerwise` holds it, read through the
 * migrations to the current version: the contract's value is `null` under the record clock and
 * there is no RFP or plan. `goldenSnapshotV2` is the portfolio of `golden-v2.steerwise`: no RFP
 * or plan. `goldenSnapshotV3` is the portfolio of `golden-v3.steerwise`: no plan.
 * `goldenSnapshotV4` is the portfolio of `golden-v4.steerwise`: every service level a reported
 * KPI, the contract without charges, and no escalation. `goldenSnapshotV5` is the portfolio of
 * `golden-v5.steerwise`: providers without a profile, the contract without notice or exit terms,
 * and no site, certification, contact, process, risk, meeting, decision or action item (see
 * `goldenGovernance.ts`). Every older version reads like it too.
 */
import { contractGovernanceDefaults, providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import type { ProviderProfile } from '../../../../shared/domain/profileDefaults';
import type { Escalation, EscalationEvent } from '../../../../shared/domain/escalation';
import { noCreditTerms, reportedLevelTerms } from '../../../../shared/domain/serviceTerms';
import type { Contract, KpiDefinition, Measurement, Provider, ServiceLevel, Tombstone } from '../../../../shared/domain/types';
import { emptyRecords } from '../../../../shared/sync/snapshot';
import { goldenGovernanceRecords } from './goldenGovernance';
import { goldenPlanRecords, goldenPuneCalendar } from './goldenPlan';
import { goldenRfpRecords } from './goldenRfp';
import type { WriteMetadata } from '../../../../shared/file';
import { packHlc } from '../../../../shared/sync/hlc';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';

/** Laptop that exported the file. */
export const exportingDevice = 'a1b2c3d4e5f6';
/** Second laptop whose edits the exporting laptop had already merged. */
export const otherDevice = '0f1e2d3c4b5a';

function clockAt(instant: string, deviceId: string, counter = 0): string {
  return packHlc({ wallMs: Date.parse(instant), counter, deviceId });
}

const created = clockAt('2026-02-02T09:00:00.000Z', exportingDevice);
const levelsSet = clockAt('2026-02-03T14:30:00.000Z', otherDevice);
const contractExtended = clockAt('2026-02-10T16:45:12.345Z', exportingDevice, 3);
const contractValued = clockAt('2026-02-10T17:02:00.000Z', exportingDevice);
const termsSet = clockAt('2026-02-10T17:30:00.000Z', exportingDevice);
const escalationOpened = clockAt('2026-02-10T18:00:00.000Z', exportingDevice);
const escalationRaised = clockAt('2026-02-10T18:20:00.000Z', exportingDevice);
const profileSet = clockAt('2026-02-04T10:00:00.000Z', exportingDevice);
const measurementDeleted = clockAt('2026-02-11T08:00:00.000Z', exportingDevice);

const profileFields: readonly (keyof ProviderProfile)[] = [
  'legalEntity',
  'serviceKinds',
  'serviceAudiences',
  'tier',
  'criticality',
  'financialRating',
];

const northEast = '019c1d94-8a80-7601-9175-e61eeeea84b3';
const lincolnshire = '019c1d94-8e68-735f-8a5a-c0d2d2be4326';
const contract = '019c1d94-9250-7284-8a03-2d84eb45df9e';
const answered60s = '019c1d94-9638-757a-a720-98ccfc276b24';
const abandoned = '019c1d94-9a20-730b-bbda-b39c05ce86fe';

/** The providers as a version 5 file stores them, read through the migration: no profile, active. */
const providersV5: Provider[] = [
  {
    id: northEast,
    clock: created,
    fieldClocks: {},
    code: '111AA1',
    name: 'NORTH EAST ENGLAND NHS 111',
    formerNames: [],
    ...providerProfileDefaults,
  },
  {
    id: lincolnshire,
    clock: created,
    fieldClocks: {},
    code: '111AA2',
    name: 'LINCOLNSHIRE NHS 111',
    formerNames: ['LINCS NHS 111'],
    ...providerProfileDefaults,
  },
];

/** North East's profile, entered after it was created. */
const providers: Provider[] = providersV5.map((provider) => {
  if (provider.id !== northEast) return provider;
  return {
    ...provider,
    fieldClocks: Object.fromEntries(profileFields.map((field) => [field, profileSet])),
    legalEntity: 'North East Ambulance Service NHS Foundation Trust',
    parentCompany: '',
    serviceKinds: ['operational'],
    serviceAudiences: ['customerFacing'],
    tier: 1,
    criticality: 'high',
    lifecycle: 'active',
    financialRating: 'adequate',
  };
});

/** The contract as a version 1 file stores it, before contracts had a value. */
const contractV1: Contract = {
  id: contract,
  clock: created,
  fieldClocks: { endDate: contractExtended },
  providerId: northEast,
  title: 'NHS 111 call handling, North East',
  startDate: '2015-04-01',
  endDate: '2018-03-31',
  currency: 'GBP',
  annualValueMinor: null,
  ...noCreditTerms,
  ...contractGovernanceDefaults,
};

/** The contract with a value of £3,150,000.00, entered after the end date was extended. */
const contractV4: Contract = {
  ...contractV1,
  fieldClocks: { endDate: contractExtended, annualValueMinor: contractValued },
  annualValueMinor: 315_000_000,
};
const contractsV4: Contract[] = [contractV4];

/** The contract with monthly charges of £262,500.00, 12% of them at risk. */
const contractsV5: Contract[] = [
  {
    ...contractV4,
    fieldClocks: { ...contractV4.fieldClocks, monthlyChargesMinor: termsSet, atRiskPercent: termsSet },
    monthlyChargesMinor: 26_250_000,
    atRiskPercent: 12,
  },
];

/** The contract's notice, renewal, pricing model and exit provisions, entered with its terms. */
const contracts: Contract[] = contractsV5.map((stored) => ({
  ...stored,
  fieldClocks: {
    ...stored.fieldClocks,
    noticePeriod: termsSet,
    autoRenewal: termsSet,
    renewalMonths: termsSet,
    pricingModel: termsSet,
    exitProvisions: termsSet,
  },
  noticePeriod: { amount: 6, unit: 'months' },
  autoRenewal: true,
  renewalMonths: 12,
  pricingModel: 'transactionBased',
  exitProvisions: { exitPlan: true, dataReturn: true, knowledgeTransferBack: true, stepInRights: false },
}));

const kpis: KpiDefinition[] = [
  {
    id: answered60s,
    clock: created,
    fieldClocks: {},
    key: 'nhs111.answeredWithin60s',
    name: 'Calls answered within 60 seconds',
    description: 'Share of answered calls that were answered within 60 seconds.',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
  },
  {
    id: abandoned,
    clock: created,
    fieldClocks: {},
    key: 'nhs111.abandonedCalls',
    name: 'Calls abandoned',
    description: 'Share of calls offered that the caller abandoned after waiting longer than 30 seconds.',
    unit: 'percent',
    direction: 'lowerIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
  },
];

function level(id: string, providerId: string, kpiId: string, expected: number, contractId: string | null): ServiceLevel {
  return { id, clock: levelsSet, fieldClocks: {}, kpiId, providerId, contractId, expected, minimum: expected, ...reportedLevelTerms };
}

const northEastAnswered = '019c1d94-9e08-750b-8d8d-2557ab71b0ff';
const northEastAbandoned = '019c1d94-a1f0-72ac-8cfb-8ea65e508c61';

/** The service levels as a version 4 file stores them, read through the migration: every one a reported KPI. */
const serviceLevelsV4: ServiceLevel[] = [
  level(northEastAnswered, northEast, answered60s, 95, contract),
  level(northEastAbandoned, northEast, abandoned, 5, contract),
  level('019c1d94-a5d8-74ab-9e8c-7c0da68c5185', lincolnshire, answered60s, 95, null),
  level('019c1d94-a9c0-716a-bcaf-4cafbcbfe730', lincolnshire, abandoned, 5, null),
];

/**
 * The contract's two levels made critical: calls answered within 60 seconds with 40% of the
 * at-risk amount, a fixed credit and a three-month earn-back; calls abandoned with 20%, a tiered
 * credit, a bonus and a two-month glide path.
 */
const serviceLevels: ServiceLevel[] = serviceLevelsV4.map((serviceLevel) => {
  const termClocks = { critical: termsSet, allocationPercent: termsSet, creditRule: termsSet };
  if (serviceLevel.id === northEastAnswered) {
    return {
      ...serviceLevel,
      fieldClocks: { ...termClocks, earnBackMonths: termsSet },
      critical: true,
      allocationPercent: 40,
      earnBackMonths: 3,
    };
  }
  if (serviceLevel.id === northEastAbandoned) {
    return {
      ...serviceLevel,
      fieldClocks: { ...termClocks, bonus: termsSet, goLive: termsSet, glidePath: termsSet },
      critical: true,
      allocationPercent: 20,
      creditRule: {
        kind: 'tiered',
        tiers: [
          { worseThan: 5, percentOfAllocation: 50 },
          { worseThan: 8, percentOfAllocation: 100 },
        ],
      },
      bonus: { level: 2, percentOfAllocation: 10 },
      goLive: '2015-04',
      glidePath: [
        { month: 1, expected: 8, minimum: 8 },
        { month: 2, expected: 6, minimum: 6 },
      ],
    };
  }
  return serviceLevel;
});

function month(id: string, providerId: string, kpiId: string, period: string, numerator: number, denominator: number): Measurement {
  return {
    id,
    clock: created,
    fieldClocks: {},
    providerId,
    kpiId,
    period,
    value: (100 * numerator) / denominator,
    numerator,
    denominator,
    sourceFile: 'nhs111_calls_2015-16.csv',
  };
}

// Ratios: calls answered within 60 s of calls answered, and calls abandoned of calls offered.
const measurements: Measurement[] = [
  month('019c1d94-ada8-705c-b16d-ee8a229f1b3a', northEast, answered60s, '2015-04', 52692, 56339),
  month('019c1d94-b190-777b-b6df-c5e3ab3b1f5f', northEast, abandoned, '2015-04', 1087, 67491),
  month('019c1d94-b578-7586-9a1e-1a2308d51a10', lincolnshire, answered60s, '2015-04', 15688, 16045),
  month('019c1d94-b960-76c3-816e-9156a468e29b', lincolnshire, abandoned, '2015-04', 42, 16087),
  month('019c1d94-bd48-7172-9ae3-78b82cb83b14', northEast, answered60s, '2015-05', 56576, 58821),
  month('019c1d94-c130-7641-ae10-5226304a9316', northEast, abandoned, '2015-05', 533, 67935),
  month('019c1d94-c518-7754-be9e-04d23589715b', lincolnshire, answered60s, '2015-05', 16027, 16501),
  month('019c1d94-c900-7187-b67d-3a10f340dbaf', lincolnshire, abandoned, '2015-05', 62, 16563),
];

const escalation = '019c1d94-d0d0-7000-8000-0000000000e1';

/** April 2015 missed the 95% minimum of calls answered within 60 seconds; the escalation was then raised by hand. */
const escalations: Escalation[] = [
  {
    id: escalation,
    clock: escalationOpened,
    fieldClocks: { level: escalationRaised },
    providerId: northEast,
    serviceLevelId: northEastAnswered,
    openedPeriod: '2015-04',
    level: 2,
    status: 'open',
    owner: 'Priya Shah',
    dueDate: '2015-05-29',
    openedAt: '2026-02-10T18:00:00.000Z',
  },
];

const escalationEvents: EscalationEvent[] = [
  {
    id: '019c1d94-d0d0-7000-8000-0000000000e2',
    clock: escalationOpened,
    fieldClocks: {},
    escalationId: escalation,
    at: '2026-02-10T18:00:00.000Z',
    user: 'Priya Shah',
    kind: 'opened',
    level: 1,
    rule: null,
    period: '2015-04',
    amount: null,
    note: '',
  },
  {
    id: '019c1d94-d0d0-7000-8000-0000000000e3',
    clock: escalationRaised,
    fieldClocks: {},
    escalationId: escalation,
    at: '2026-02-10T18:20:00.000Z',
    user: 'Priya Shah',
    kind: 'raised',
    level: 2,
    rule: 'manual',
    period: null,
    amount: null,
    note: 'Second month below target expected; management review requested.',
  },
];

const tombstones: Tombstone[] = [{ id: '019c1d94-cce8-76a2-940e-9de9d64d0318', table: 'measurements', clock: measurementDeleted }];

export const goldenSnapshot: PortfolioSnapshot = {
  portfolioId: '019c1d94-8000-7000-8000-000000000001',
  portfolioName: 'NHS 111 (two providers)',
  deviceId: exportingDevice,
  records: {
    ...emptyRecords(),
    providers,
    contracts,
    kpis,
    serviceLevels,
    measurements,
    ...goldenRfpRecords(northEast, clockAt, exportingDevice),
    ...goldenPlanRecords({ northEast, contract }, clockAt, exportingDevice),
    escalations,
    escalationEvents,
    ...goldenGovernanceRecords({ northEast, contract, escalation, puneCalendar: goldenPuneCalendar }, clockAt, exportingDevice),
  },
  tombstones,
  versionVector: { [exportingDevice]: measurementDeleted, [otherDevice]: levelsSet },
};

export const goldenSnapshotV5: PortfolioSnapshot = {
  ...goldenSnapshot,
  records: {
    ...emptyRecords(),
    providers: providersV5,
    contracts: contractsV5,
    kpis,
    serviceLevels,
    measurements,
    ...goldenRfpRecords(northEast, clockAt, exportingDevice),
    ...goldenPlanRecords({ northEast, contract }, clockAt, exportingDevice),
    escalations,
    escalationEvents,
  },
};

export const goldenSnapshotV4: PortfolioSnapshot = {
  ...goldenSnapshot,
  records: {
    ...emptyRecords(),
    providers: providersV5,
    contracts: contractsV4,
    kpis,
    serviceLevels: serviceLevelsV4,
    measurements,
    ...goldenRfpRecords(northEast, clockAt, exportingDevice),
    ...goldenPlanRecords({ northEast, contract }, clockAt, exportingDevice),
  },
};

export const goldenSnapshotV3: PortfolioSnapshot = {
  ...goldenSnapshot,
  records: {
    ...emptyRecords(),
    providers: providersV5,
    contracts: contractsV4,
    kpis,
    serviceLevels: serviceLevelsV4,
    measurements,
    ...goldenRfpRecords(northEast, clockAt, exportingDevice),
  },
};

export const goldenSnapshotV2: PortfolioSnapshot = {
  ...goldenSnapshot,
  records: { ...emptyRecords(), providers: providersV5, contracts: contractsV4, kpis, serviceLevels: serviceLevelsV4, measurements },
};

export const goldenSnapshotV1: PortfolioSnapshot = {
  ...goldenSnapshotV2,
  records: { ...goldenSnapshotV2.records, contracts: [contractV1] },
};

/** Ids of the golden portfolio's records that tests refer to. */
export const goldenIds = { northEast, lincolnshire, contract, answered60s, abandoned, northEastAnswered, escalation } as const;

export const goldenMetadata: WriteMetadata = { appVersion: '0.1.0', exportedAt: '2026-02-11T09:15:00.000Z' };

/** Passphrase of `golden-encrypted.steerwise`, also given in the fixture README. */
export const goldenPassphrase = 'correct horse battery staple';
