import { contractGovernanceDefaults, providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import 'fake-indexeddb/auto';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportedLevelTerms } from '../../../../shared/domain/serviceTerms';
import type { RecordTable } from '../../../../shared/domain/types';
import { naturalKey } from '../../../../shared/sync/mergeNaturalKeys';
import { describeError } from '../../../../renderer/src/errorMessage';
import { en } from '../../../../renderer/src/i18n/en';
import type { PortfolioDb, RecordTypes } from '../../../../renderer/src/db/portfolioDb';
import { insertRecord, naturalKeyFields, updateRecord } from '../../../../renderer/src/db/repository';
import type { RecordData, RecordPatch } from '../../../../renderer/src/db/repository';
import { readVersionVector } from '../../../../renderer/src/db/versionVector';
import { answeredKpi, openTestDb, rejection, testContext } from './factories';

let db: PortfolioDb | null = null;

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

afterEach(() => {
  db?.close();
  db = null;
});

/** One record's data for each table, with every natural-key field set. */
const sampleData: { readonly [T in RecordTable]: RecordData<T> } = {
  providers: { code: 'RX1', name: 'North Contact Centre', formerNames: [], ...providerProfileDefaults },
  contracts: {
    providerId: 'provider-1',
    title: 'Contact centre services',
    startDate: '2025-01-01',
    endDate: null,
    currency: 'GBP',
    annualValueMinor: null,
    monthlyChargesMinor: null,
    atRiskPercent: null,
    ...contractGovernanceDefaults,
  },
  kpis: answeredKpi,
  serviceLevels: { providerId: 'provider-1', kpiId: 'kpi-1', contractId: null, expected: 95, minimum: 90, ...reportedLevelTerms },
  measurements: {
    providerId: 'provider-1',
    kpiId: 'kpi-1',
    period: '2025-01',
    value: 92,
    numerator: 920,
    denominator: 1000,
    sourceFile: 'calls.csv',
  },
  rfpEvents: {
    title: 'Payroll outsourcing',
    description: '',
    scope: ['Payroll'],
    phase: 'draft',
    baseCurrency: 'GBP',
    termMonths: 36,
    priceScoreMethod: 'lowestOverBid',
    issuedOn: null,
    questionsDueOn: null,
    responseDueOn: null,
    awardTargetOn: null,
    awardedBidderId: null,
    awardReason: '',
    awardedContractId: null,
  },
  rfpSections: { rfpId: 'rfp-1', templateKey: null, title: 'Service', description: '', weight: 70, order: 1 },
  rfpCriteria: {
    rfpId: 'rfp-1',
    sectionId: 'section-1',
    templateKey: null,
    title: 'Quality',
    description: '',
    kind: 'scored',
    weight: 1,
    scale: null,
    applicabilityNote: '',
    order: 1,
  },
  rfpBidders: { rfpId: 'rfp-1', name: 'Acme', providerId: null },
  rfpEvaluators: {
    rfpId: 'rfp-1',
    evaluatorName: 'Ann',
    role: '',
    sectionIds: null,
    conflictStatus: 'pending',
    conflictBidderIds: [],
    conflictStatement: '',
    conflictDeclaredOn: null,
  },
  rfpScores: { rfpId: 'rfp-1', evaluatorId: 'evaluator-1', bidderId: 'bidder-1', criterionId: 'criterion-1', value: 3, comment: '' },
  rfpConsensusScores: {
    rfpId: 'rfp-1',
    bidderId: 'bidder-1',
    criterionId: 'criterion-1',
    value: 3,
    reason: 'Agreed',
    agreedOn: '2026-03-01',
  },
  rfpPriceBids: {
    rfpId: 'rfp-1',
    bidderId: 'bidder-1',
    round: 1,
    currency: 'GBP',
    oneTimeCharges: [],
    recurringCharges: [],
    exchangeRateToBase: 1,
    exchangeRateDate: '2026-03-01',
    submittedOn: '2026-03-01',
  },
  planCalendars: { name: 'Plan calendar', workingWeekdays: [1, 2, 3, 4, 5], holidays: [], site: '' },
  plans: {
    providerId: 'provider-1',
    contractId: null,
    title: 'Payroll transition',
    description: '',
    startOn: '2026-03-02',
    calendarId: 'calendar-1',
    templateKey: null,
  },
  planTasks: {
    planId: 'plan-1',
    parentId: null,
    order: 1,
    name: 'Pilot',
    duration: 10,
    durationUnit: 'workingDays',
    startNoEarlierThan: null,
    progress: 0,
    owner: '',
    notes: '',
    calendarId: null,
    goNoGo: false,
    templateKey: null,
  },
  planDependencies: { planId: 'plan-1', predecessorId: 'task-1', successorId: 'task-2', type: 'FS', lag: 0, lagUnit: 'workingDays' },
  planBaselines: { planId: 'plan-1', name: 'Contract baseline', takenAt: '2026-03-01T09:00:00.000Z', planFinish: '2026-06-30', tasks: [] },
  escalations: {
    providerId: 'provider-1',
    serviceLevelId: 'level-1',
    openedPeriod: '2026-01',
    level: 1,
    status: 'open',
    owner: 'Priya Shah',
    dueDate: '2026-02-15',
    openedAt: '2026-02-02T09:00:00.000Z',
  },
  escalationEvents: {
    escalationId: 'escalation-1',
    at: '2026-02-02T09:00:00.000Z',
    user: 'Priya Shah',
    kind: 'opened',
    level: 1,
    rule: null,
    period: '2026-01',
    amount: null,
    note: '',
  },
  providerSites: {
    providerId: 'provider-1',
    country: 'IN',
    city: 'Pune',
    deliveryModel: 'offshore',
    fte: 40,
    languages: ['en'],
    timeZone: 'Asia/Kolkata',
    calendarId: null,
  },
  certifications: { providerId: 'provider-1', standard: 'iso27001', name: '', issuedOn: null, expiresOn: '2027-01-31', evidence: '' },
  contacts: { providerId: 'provider-1', side: 'provider', role: 'accountManager', name: 'Asha Rao', email: '', phone: '' },
  processes: { name: 'Payroll', function: 'hr', providerId: 'provider-1', contractId: null, readiness: 'asIsMapped' },
  risks: {
    providerId: 'provider-1',
    title: 'Attrition',
    category: 'attrition',
    description: '',
    likelihood: 3,
    impact: 3,
    owner: '',
    mitigation: '',
    status: 'open',
    reviewDate: null,
  },
  meetingCadences: {
    providerId: 'provider-1',
    contractId: null,
    kind: 'weeklyOperational',
    title: 'Weekly operations',
    firstDate: '2025-01-06',
    untilDate: null,
    startTime: '09:00',
    durationMinutes: 30,
    timeZone: 'Europe/London',
    attendees: '',
  },
  meetings: {
    providerId: 'provider-1',
    cadenceId: 'cadence-1',
    kind: 'weeklyOperational',
    title: 'Weekly operations',
    date: '2025-01-06',
    startTime: '09:00',
    durationMinutes: 30,
    timeZone: 'Europe/London',
    status: 'planned',
    agenda: [],
    attendees: '',
    minutes: '',
  },
  decisions: { meetingId: null, providerId: 'provider-1', text: 'Approve the pilot', decidedOn: '2025-01-06', decidedBy: '' },
  actionItems: {
    meetingId: null,
    providerId: 'provider-1',
    title: 'Send the pilot plan',
    owner: '',
    dueDate: null,
    status: 'open',
    completedOn: null,
  },
};

/** Returns a value of the same kind as `value` that differs from it. */
function otherValue(value: unknown): unknown {
  if (typeof value === 'string') return `${value}-other`;
  if (typeof value === 'number') return value + 1;
  if (Array.isArray(value)) return [...(value as unknown[]), 'other'];
  return 'other';
}

interface KeyEdit {
  readonly table: RecordTable;
  readonly field: string;
  readonly value: unknown;
}

const keyEdits: readonly KeyEdit[] = [
  { table: 'providers', field: 'code', value: 'RX2' },
  { table: 'kpis', field: 'key', value: 'test.renamedKey' },
  { table: 'serviceLevels', field: 'providerId', value: 'provider-2' },
  { table: 'serviceLevels', field: 'kpiId', value: 'kpi-2' },
  { table: 'measurements', field: 'providerId', value: 'provider-2' },
  { table: 'measurements', field: 'kpiId', value: 'kpi-2' },
  { table: 'measurements', field: 'period', value: '2025-02' },
  { table: 'rfpScores', field: 'evaluatorId', value: 'evaluator-2' },
  { table: 'rfpScores', field: 'bidderId', value: 'bidder-2' },
  { table: 'rfpScores', field: 'criterionId', value: 'criterion-2' },
  { table: 'rfpConsensusScores', field: 'bidderId', value: 'bidder-2' },
  { table: 'rfpConsensusScores', field: 'criterionId', value: 'criterion-2' },
  { table: 'rfpPriceBids', field: 'bidderId', value: 'bidder-2' },
  { table: 'rfpPriceBids', field: 'round', value: 2 },
  { table: 'meetings', field: 'cadenceId', value: 'cadence-2' },
  { table: 'meetings', field: 'date', value: '2025-01-13' },
];

/** Inserts the sample record of `table`. */
function insertSample<T extends RecordTable>(portfolio: PortfolioDb, table: T): Promise<RecordTypes[T]> {
  return insertRecord(portfolio, table, sampleData[table], testContext());
}

/** Calls `updateRecord` with a patch built at run time, which the compiler cannot check against `table`. */
function updateAny<T extends RecordTable>(portfolio: PortfolioDb, table: T, id: string, patch: Record<string, unknown>) {
  return updateRecord(portfolio, table, id, patch as RecordPatch<T>, testContext(Date.now, 'dev000000002'));
}

describe('natural-key guard of updateRecord', () => {
  it.each(keyEdits)('rejects a new $table $field', async ({ table, field, value }) => {
    db = await openTestDb();
    const inserted = await insertSample(db, table);
    const auditBefore = await db.audit.count();
    const vectorBefore = await readVersionVector(db);

    const failure = await rejection(updateAny(db, table, inserted.id, { [field]: value }));

    expect(failure.appError.code).toBe('storage.naturalKeyEdit');
    expect(failure.appError.detail).toEqual({ table, id: inserted.id, field });
    expect(await db.recordTable(table).get(inserted.id)).toEqual(inserted);
    expect(await db.audit.count()).toBe(auditBefore);
    expect(await readVersionVector(db)).toEqual(vectorBefore);
  });

  it('rejects a code for a provider without one', async () => {
    db = await openTestDb();
    const inserted = await insertRecord(
      db,
      'providers',
      { code: null, name: 'North', formerNames: [], ...providerProfileDefaults },
      testContext(),
    );
    const failure = await rejection(updateRecord(db, 'providers', inserted.id, { code: 'RX1' }, testContext()));
    expect(failure.appError.code).toBe('storage.naturalKeyEdit');
    expect((await db.providers.get(inserted.id))?.code).toBeNull();
  });

  it('rejects the whole patch, not only the key', async () => {
    db = await openTestDb();
    const inserted = await insertRecord(db, 'providers', sampleData.providers, testContext());
    await rejection(updateRecord(db, 'providers', inserted.id, { code: 'RX2', name: 'North Hub' }, testContext()));
    expect((await db.providers.get(inserted.id))?.name).toBe('North Contact Centre');
  });

  it('accepts a patch that repeats the stored key', async () => {
    db = await openTestDb();
    // One clock for both writes, so the update's clock is later even within the same millisecond.
    const context = testContext();
    const inserted = await insertRecord(db, 'measurements', sampleData.measurements, context);
    const updated = await updateRecord(
      db,
      'measurements',
      inserted.id,
      { providerId: 'provider-1', kpiId: 'kpi-1', period: '2025-01', value: 93, numerator: 930 },
      context,
    );
    expect(updated.value).toBe(93);
    // The key fields keep their clocks; the reading's fields are stamped together (`fieldGroups.ts`).
    expect(Object.keys(updated.fieldClocks).sort()).toEqual(['denominator', 'numerator', 'sourceFile', 'value']);
  });

  it('lets a contract move to another provider', async () => {
    db = await openTestDb();
    const inserted = await insertRecord(db, 'contracts', sampleData.contracts, testContext());
    const updated = await updateRecord(db, 'contracts', inserted.id, { providerId: 'provider-2' }, testContext());
    expect(updated.providerId).toBe('provider-2');
  });

  it('lets a meeting without a cadence move', async () => {
    db = await openTestDb();
    const inserted = await insertRecord(db, 'meetings', { ...sampleData.meetings, cadenceId: null }, testContext());
    const updated = await updateRecord(db, 'meetings', inserted.id, { date: '2025-03-04' }, testContext());
    expect(updated.date).toBe('2025-03-04');
  });

  it('rejects a cadence for a meeting without one', async () => {
    db = await openTestDb();
    const inserted = await insertRecord(db, 'meetings', { ...sampleData.meetings, cadenceId: null }, testContext());
    const failure = await rejection(updateRecord(db, 'meetings', inserted.id, { cadenceId: 'cadence-1' }, testContext()));
    expect(failure.appError.code).toBe('storage.naturalKeyEdit');
  });

  it('sentence names the field and the record', () => {
    const sentence = describeError(i18next.t, 'storage.naturalKeyEdit', { table: 'providers', id: 'p-1', field: 'code' });
    expect(sentence).toContain('“code”');
    expect(sentence).toContain('providers record p-1');
    expect(sentence).toContain('Nothing was saved');
  });
});

describe('naturalKeyFields', () => {
  const tables = Object.keys(sampleData) as RecordTable[];

  // Each field is in the list exactly when changing it changes the key the merge folds by.
  it.each(tables)('matches the merge natural key of %s', (table) => {
    const data = sampleData[table] as unknown as Record<string, unknown>;
    const listed: readonly string[] = naturalKeyFields[table];
    const keyBefore = naturalKey(table, data);
    for (const field of Object.keys(data)) {
      const keyAfter = naturalKey(table, { ...data, [field]: otherValue(data[field]) });
      expect(keyAfter !== keyBefore, `${table}.${field}`).toBe(listed.includes(field));
    }
  });

  it('lists only fields of the record type', () => {
    for (const table of tables) {
      const fields = Object.keys(sampleData[table] as unknown as RecordTypes[RecordTable]);
      for (const field of naturalKeyFields[table]) expect(fields, `${table}.${field}`).toContain(field);
    }
  });
});
