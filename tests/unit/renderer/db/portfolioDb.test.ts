import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { CatalogueDb, openCatalogue } from '../../../../renderer/src/db/catalogue';
import { openPortfolioDb, PortfolioDb, portfolioDbName } from '../../../../renderer/src/db/portfolioDb';
import { contractGovernanceDefaults, providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import { noCreditTerms, reportedLevelTerms } from '../../../../shared/domain/serviceTerms';
import { planTables, profileTables, rfpTables } from '../../../../shared/sync/snapshot';
import { freshName, openNamedDb, rejection } from './factories';

const opened: Dexie[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Creates `name` as a future app version 10 would: another table and one provider. */
async function createNewerDatabase(name: string): Promise<void> {
  const newer = new Dexie(name);
  newer.version(10).stores({ providers: 'id, code', risks: 'id, providerId' });
  await newer.open();
  await newer.table('providers').put({ id: 'p1', code: 'RX1', name: 'North' });
  await newer.table('risks').put({ id: 'r1', providerId: 'p1' });
  newer.close();
}

async function storedVersion(name: string): Promise<number | undefined> {
  const databases = await indexedDB.databases();
  return databases.find((info) => info.name === name)?.version;
}

/** Reads the newer database back as version 10 would, to check it is intact. */
async function readNewer(name: string): Promise<{ providers: unknown[]; risks: unknown[]; tables: string[] }> {
  const newer = new Dexie(name);
  newer.version(10).stores({ providers: 'id, code', risks: 'id, providerId' });
  opened.push(newer);
  await newer.open();
  return {
    providers: await newer.table('providers').toArray(),
    risks: await newer.table('risks').toArray(),
    tables: newer.tables.map((table) => table.name).sort(),
  };
}

describe('openPortfolioDb', () => {
  it('creates every table of schema version 9', async () => {
    const db = await openPortfolioDb(uuidv7());
    opened.push(db);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'actionItems',
      'audit',
      'certifications',
      'contacts',
      'contracts',
      'decisions',
      'escalationEvents',
      'escalations',
      'kpis',
      'measurements',
      'meetingCadences',
      'meetings',
      'meta',
      'planBaselines',
      'planCalendars',
      'planDependencies',
      'planTasks',
      'plans',
      'processes',
      'providerSites',
      'providers',
      'rfpBidders',
      'rfpConsensusScores',
      'rfpCriteria',
      'rfpEvaluators',
      'rfpEvents',
      'rfpPriceBids',
      'rfpScores',
      'rfpSections',
      'risks',
      'serviceLevels',
      'tombstones',
    ]);
  });

  it('names the database after the portfolio', async () => {
    const id = uuidv7();
    const db = await openPortfolioDb(id);
    opened.push(db);
    expect(db.name).toBe(`steerwise-portfolio-${id}`);
  });

  it('rejects a newer database with storage.versionTooNew', async () => {
    const id = uuidv7();
    await createNewerDatabase(portfolioDbName(id));
    const failure = await rejection(openPortfolioDb(id));
    expect(failure.appError.code).toBe('storage.versionTooNew');
    expect(failure.appError.detail).toEqual({ database: portfolioDbName(id), version: 10, supportedVersion: 9 });
  });

  it('leaves a newer database intact', async () => {
    const id = uuidv7();
    const name = portfolioDbName(id);
    await createNewerDatabase(name);
    await rejection(openPortfolioDb(id));
    expect(await storedVersion(name)).toBe(100);
    const contents = await readNewer(name);
    expect(contents.providers).toEqual([{ id: 'p1', code: 'RX1', name: 'North' }]);
    expect(contents.risks).toHaveLength(1);
    expect(contents.tables).toEqual(['providers', 'risks']);
  });

  it('rejects a newer database where indexedDB.databases is missing', async () => {
    const name = freshName('no-listing');
    await createNewerDatabase(name);
    const factory = Dexie.dependencies.indexedDB;
    Object.defineProperty(factory, 'databases', { value: undefined, configurable: true });
    try {
      const failure = await rejection(openNamedDb(name));
      expect(failure.appError.code).toBe('storage.versionTooNew');
    } finally {
      Reflect.deleteProperty(factory, 'databases');
    }
    expect(await storedVersion(name)).toBe(100);
  });

  it('creates a new database where indexedDB.databases is missing', async () => {
    const factory = Dexie.dependencies.indexedDB;
    Object.defineProperty(factory, 'databases', { value: undefined, configurable: true });
    try {
      const db = await openNamedDb(freshName('no-listing-new'));
      opened.push(db);
      expect(db.tables).toHaveLength(32);
      expect(db.verno).toBe(9);
    } finally {
      Reflect.deleteProperty(factory, 'databases');
    }
  });

  it('reopens a database of the same version with its data', async () => {
    const name = freshName('reopen');
    const first = await openNamedDb(name);
    await first.tombstones.put({ id: 't1', table: 'providers', clock: '000000000001-0000-dev1' });
    first.close();
    const second = await openNamedDb(name);
    opened.push(second);
    expect(await second.tombstones.count()).toBe(1);
  });

  it('PortfolioDb can be constructed without opening', () => {
    expect(new PortfolioDb(freshName('closed')).isOpen()).toBe(false);
  });
});

/** A contract as an app at schema version 2 stored it, before contracts had a value. */
const contractV2 = {
  id: '019c1d94-9250-7284-8a03-2d84eb45df9e',
  clock: '019c1d948a80-0000-a1b2c3d4e5f6',
  fieldClocks: { endDate: '019c48715319-0003-a1b2c3d4e5f6' },
  providerId: '019c1d94-8a80-7601-9175-e61eeeea84b3',
  title: 'NHS 111 call handling, North East',
  startDate: '2015-04-01',
  endDate: '2018-03-31',
  currency: 'GBP',
};
const providerV2 = {
  id: contractV2.providerId,
  clock: contractV2.clock,
  fieldClocks: {},
  code: '111AA1',
  name: 'NORTH EAST ENGLAND NHS 111',
  formerNames: [],
};
const vectorV2 = { key: 'versionVector', value: { a1b2c3d4e5f6: '019c48715319-0003-a1b2c3d4e5f6' } };

/** Creates `name` with the schema of app version 2 and one provider, contract and version vector. */
async function createVersion2Database(name: string): Promise<void> {
  const older = new Dexie(name);
  older.version(1).stores({
    providers: 'id, code, name',
    contracts: 'id, providerId',
    kpis: 'id, &key',
    serviceLevels: 'id, [providerId+kpiId], kpiId',
    measurements: 'id, &[providerId+kpiId+period], providerId, kpiId, period',
    tombstones: 'id, table',
    audit: 'id, at, recordId',
  });
  older.version(2).stores({ meta: 'key' });
  await older.open();
  await older.table('providers').put(providerV2);
  await older.table('contracts').put(contractV2);
  await older.table('meta').put(vectorV2);
  older.close();
}

describe('upgrade from schema version 2', () => {
  it('gives every contract a null value', async () => {
    const name = freshName('upgrade-v2');
    await createVersion2Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    expect(await db.contracts.toArray()).toEqual([
      { ...contractV2, annualValueMinor: null, ...noCreditTerms, ...contractGovernanceDefaults },
    ]);
  });

  it('keeps clocks, other records and the version vector', async () => {
    const name = freshName('upgrade-v2-clocks');
    await createVersion2Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    const [contract] = await db.contracts.toArray();
    expect(contract?.clock).toBe(contractV2.clock);
    expect(contract?.fieldClocks).toEqual(contractV2.fieldClocks);
    expect(await db.providers.toArray()).toEqual([{ ...providerV2, ...providerProfileDefaults }]);
    expect(await db.meta.get('versionVector')).toEqual(vectorV2);
    expect(await storedVersion(name)).toBe(90);
  });
});

/** A score as the RFP repository stores it; only the fields the indexes read matter here. */
function scoreRecord(id: string, evaluatorId: string) {
  return {
    id,
    clock: '019c48715319-0000-a1b2c3d4e5f6',
    fieldClocks: {},
    rfpId: 'rfp1',
    evaluatorId,
    bidderId: 'b1',
    criterionId: 'c1',
    value: 3,
    comment: '',
  };
}

/** Creates `name` with the schema of app version 3 (version 2 plus the contract value) and one provider, contract and vector. */
async function createVersion3Database(name: string): Promise<void> {
  await createVersion2Database(name);
  const older = new Dexie(name);
  older.version(1).stores({
    providers: 'id, code, name',
    contracts: 'id, providerId',
    kpis: 'id, &key',
    serviceLevels: 'id, [providerId+kpiId], kpiId',
    measurements: 'id, &[providerId+kpiId+period], providerId, kpiId, period',
    tombstones: 'id, table',
    audit: 'id, at, recordId',
  });
  older.version(2).stores({ meta: 'key' });
  older.version(3).stores({});
  await older.open();
  await older.table('contracts').update(contractV2.id, { annualValueMinor: 315_000_000 });
  older.close();
}

describe('upgrade from schema version 3', () => {
  it('adds empty RFP tables', async () => {
    const name = freshName('upgrade-v3');
    await createVersion3Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    expect(await storedVersion(name)).toBe(90);
    for (const table of rfpTables) expect(await db.recordTable(table).count(), table).toBe(0);
  });

  it('keeps records, clocks and the version vector', async () => {
    const name = freshName('upgrade-v3-records');
    await createVersion3Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    expect(await db.providers.toArray()).toEqual([{ ...providerV2, ...providerProfileDefaults }]);
    expect(await db.contracts.toArray()).toEqual([
      { ...contractV2, annualValueMinor: 315_000_000, ...noCreditTerms, ...contractGovernanceDefaults },
    ]);
    expect(await db.meta.get('versionVector')).toEqual(vectorV2);
  });

  it('rejects a second score of one cell', async () => {
    const name = freshName('upgrade-v3-unique');
    await createVersion3Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    await db.rfpScores.add(scoreRecord('s1', 'ann'));
    await db.rfpScores.add(scoreRecord('s2', 'bob'));
    await expect(db.rfpScores.add(scoreRecord('s3', 'ann'))).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.rfpScores.where('[evaluatorId+bidderId+criterionId]').equals(['ann', 'b1', 'c1']).primaryKeys()).toEqual(['s1']);
  });
});

/** Creates `name` with the schema of app version 4 (the RFP tables) and one provider, score and vector. */
async function createVersion4Database(name: string): Promise<void> {
  await createVersion3Database(name);
  const older = new Dexie(name);
  older.version(1).stores({
    providers: 'id, code, name',
    contracts: 'id, providerId',
    kpis: 'id, &key',
    serviceLevels: 'id, [providerId+kpiId], kpiId',
    measurements: 'id, &[providerId+kpiId+period], providerId, kpiId, period',
    tombstones: 'id, table',
    audit: 'id, at, recordId',
  });
  older.version(2).stores({ meta: 'key' });
  older.version(3).stores({});
  older.version(4).stores({
    rfpEvents: 'id, phase',
    rfpSections: 'id, rfpId',
    rfpCriteria: 'id, rfpId, sectionId',
    rfpBidders: 'id, rfpId, providerId',
    rfpEvaluators: 'id, rfpId',
    rfpScores: 'id, &[evaluatorId+bidderId+criterionId], rfpId, evaluatorId, bidderId, criterionId',
    rfpConsensusScores: 'id, &[bidderId+criterionId], rfpId, criterionId',
    rfpPriceBids: 'id, &[bidderId+round], rfpId',
  });
  await older.open();
  await older.table('rfpScores').add(scoreRecord('s1', 'ann'));
  older.close();
}

/** Builds a task as the plan repository stores it. */
function planTaskRecord(id: string, planId: string, calendarId: string | null) {
  return {
    id,
    clock: '019c48715319-0000-a1b2c3d4e5f6',
    fieldClocks: {},
    planId,
    parentId: null,
    order: 1,
    name: 'Pilot',
    duration: 5,
    durationUnit: 'workingDays' as const,
    startNoEarlierThan: null,
    progress: 0,
    owner: '',
    notes: '',
    calendarId,
    goNoGo: false,
    templateKey: null,
  };
}

describe('upgrade from schema version 4', () => {
  it('adds empty plan tables', async () => {
    const name = freshName('upgrade-v4');
    await createVersion4Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    expect(await storedVersion(name)).toBe(90);
    for (const table of planTables) expect(await db.recordTable(table).count(), table).toBe(0);
  });

  it('keeps RFP records and the version vector', async () => {
    const name = freshName('upgrade-v4-records');
    await createVersion4Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    expect(await db.rfpScores.toArray()).toEqual([scoreRecord('s1', 'ann')]);
    expect(await db.providers.toArray()).toEqual([{ ...providerV2, ...providerProfileDefaults }]);
    expect(await db.meta.get('versionVector')).toEqual(vectorV2);
  });

  it('finds tasks by plan and by calendar', async () => {
    const name = freshName('upgrade-v4-indexes');
    await createVersion4Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    await db.planTasks.bulkAdd([
      planTaskRecord('t1', 'plan1', 'pune'),
      planTaskRecord('t2', 'plan1', null),
      planTaskRecord('t3', 'plan2', null),
    ]);
    expect(await db.planTasks.where('planId').equals('plan1').primaryKeys()).toEqual(['t1', 't2']);
    expect(await db.planTasks.where('calendarId').equals('pune').primaryKeys()).toEqual(['t1']);
  });
});

/** A plan as the repository stored it at schema version 5, before plans had a contract. */
const planV5 = {
  id: 'plan1',
  clock: '019c48715319-0000-a1b2c3d4e5f6',
  fieldClocks: { title: '019c48715320-0000-a1b2c3d4e5f6' },
  providerId: providerV2.id,
  title: 'Call handling transition',
  description: '',
  startOn: '2026-03-02',
  calendarId: 'cal1',
  templateKey: 'bpoTransition',
};

/** Creates `name` with the schema of app version 5 (the plan tables) and one plan. */
async function createVersion5Database(name: string): Promise<void> {
  await createVersion4Database(name);
  const older = new Dexie(name);
  older.version(1).stores({
    providers: 'id, code, name',
    contracts: 'id, providerId',
    kpis: 'id, &key',
    serviceLevels: 'id, [providerId+kpiId], kpiId',
    measurements: 'id, &[providerId+kpiId+period], providerId, kpiId, period',
    tombstones: 'id, table',
    audit: 'id, at, recordId',
  });
  older.version(2).stores({ meta: 'key' });
  older.version(3).stores({});
  older.version(4).stores({
    rfpEvents: 'id, phase',
    rfpSections: 'id, rfpId',
    rfpCriteria: 'id, rfpId, sectionId',
    rfpBidders: 'id, rfpId, providerId',
    rfpEvaluators: 'id, rfpId',
    rfpScores: 'id, &[evaluatorId+bidderId+criterionId], rfpId, evaluatorId, bidderId, criterionId',
    rfpConsensusScores: 'id, &[bidderId+criterionId], rfpId, criterionId',
    rfpPriceBids: 'id, &[bidderId+round], rfpId',
  });
  older.version(5).stores({
    planCalendars: 'id',
    plans: 'id, providerId, calendarId',
    planTasks: 'id, planId, calendarId',
    planDependencies: 'id, planId',
    planBaselines: 'id, planId',
  });
  await older.open();
  await older.table('plans').add(planV5);
  older.close();
}

describe('upgrade from schema version 5', () => {
  it('gives every plan a null contract with its clocks unchanged', async () => {
    const name = freshName('upgrade-v5');
    await createVersion5Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    expect(await storedVersion(name)).toBe(90);
    expect(await db.plans.toArray()).toEqual([{ ...planV5, contractId: null }]);
  });

  it('keeps the records of earlier versions and the version vector', async () => {
    const name = freshName('upgrade-v5-records');
    await createVersion5Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    expect(await db.providers.toArray()).toEqual([{ ...providerV2, ...providerProfileDefaults }]);
    expect(await db.rfpScores.toArray()).toEqual([scoreRecord('s1', 'ann')]);
    expect(await db.meta.get('versionVector')).toEqual(vectorV2);
  });

  it('finds plans by contract', async () => {
    const name = freshName('upgrade-v5-index');
    await createVersion5Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    await db.plans.add({ ...planV5, id: 'plan2', contractId: 'contract1' });
    expect(await db.plans.where('contractId').equals('contract1').primaryKeys()).toEqual(['plan2']);
  });
});

/** A service level as the repository stored it at schema version 6, before levels had credit terms. */
const levelV6 = {
  id: 'level1',
  clock: '019c48715319-0000-a1b2c3d4e5f6',
  fieldClocks: { minimum: '019c48715320-0000-a1b2c3d4e5f6' },
  providerId: providerV2.id,
  kpiId: 'kpi1',
  contractId: contractV2.id,
  expected: 95,
  minimum: 90,
};

/** Schema of app version 6, every table. */
const schemaV6Tables = {
  providers: 'id, code, name',
  contracts: 'id, providerId',
  kpis: 'id, &key',
  serviceLevels: 'id, [providerId+kpiId], kpiId',
  measurements: 'id, &[providerId+kpiId+period], providerId, kpiId, period',
  tombstones: 'id, table',
  audit: 'id, at, recordId',
  meta: 'key',
  rfpEvents: 'id, phase',
  rfpSections: 'id, rfpId',
  rfpCriteria: 'id, rfpId, sectionId',
  rfpBidders: 'id, rfpId, providerId',
  rfpEvaluators: 'id, rfpId',
  rfpScores: 'id, &[evaluatorId+bidderId+criterionId], rfpId, evaluatorId, bidderId, criterionId',
  rfpConsensusScores: 'id, &[bidderId+criterionId], rfpId, criterionId',
  rfpPriceBids: 'id, &[bidderId+round], rfpId',
  planCalendars: 'id',
  plans: 'id, providerId, contractId, calendarId',
  planTasks: 'id, planId, calendarId',
  planDependencies: 'id, planId',
  planBaselines: 'id, planId',
};

/** Creates `name` with the schema of app version 6 and one contract and service level. */
async function createVersion6Database(name: string): Promise<void> {
  await createVersion5Database(name);
  const older = new Dexie(name);
  older.version(6).stores(schemaV6Tables);
  await older.open();
  await older.table('contracts').put({ ...contractV2, annualValueMinor: 315_000_000 });
  await older.table('serviceLevels').put(levelV6);
  older.close();
}

describe('upgrade from schema version 6', () => {
  it('gives every service level the terms of a reported KPI and every contract no charges, with clocks unchanged', async () => {
    const name = freshName('upgrade-v6');
    await createVersion6Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    expect(await storedVersion(name)).toBe(90);
    expect(await db.serviceLevels.toArray()).toEqual([{ ...levelV6, ...reportedLevelTerms }]);
    expect(await db.contracts.toArray()).toEqual([
      { ...contractV2, annualValueMinor: 315_000_000, ...noCreditTerms, ...contractGovernanceDefaults },
    ]);
    expect(await db.meta.get('versionVector')).toEqual(vectorV2);
  });

  it('keeps one escalation per service level and month', async () => {
    const name = freshName('upgrade-v6-escalations');
    await createVersion6Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    const escalation = {
      id: 'e1',
      clock: levelV6.clock,
      fieldClocks: {},
      providerId: providerV2.id,
      serviceLevelId: levelV6.id,
      openedPeriod: '2026-01',
      level: 1 as const,
      status: 'open' as const,
      owner: '',
      dueDate: '2026-02-15',
      openedAt: '2026-02-02T09:00:00.000Z',
    };
    await db.escalations.add(escalation);
    await expect(db.escalations.add({ ...escalation, id: 'e2' })).rejects.toThrow();
    expect(await db.escalations.where('status').equals('open').primaryKeys()).toEqual(['e1']);
  });
});

describe('openCatalogue', () => {
  it('rejects a newer catalogue with storage.versionTooNew', async () => {
    const name = freshName('catalogue');
    const newer = new Dexie(name);
    newer.version(4).stores({ portfolios: 'id, name', settings: 'key', presets: 'id, name', tags: 'id' });
    await newer.open();
    newer.close();
    const failure = await rejection(openCatalogue(name));
    expect(failure.appError.code).toBe('storage.versionTooNew');
    expect(await storedVersion(name)).toBe(40);
  });

  it('opens a fresh catalogue', async () => {
    const catalogue = await openCatalogue(freshName('catalogue'));
    opened.push(catalogue);
    expect(catalogue).toBeInstanceOf(CatalogueDb);
  });
});

/** Creates `name` with the schema of app version 7 (the escalation tables) and the records of version 6. */
async function createVersion7Database(name: string): Promise<void> {
  await createVersion6Database(name);
  const older = new Dexie(name);
  older.version(6).stores(schemaV6Tables);
  older.version(7).stores({
    escalations: 'id, &[serviceLevelId+openedPeriod], serviceLevelId, providerId, status',
    escalationEvents: 'id, escalationId',
  });
  await older.open();
  await older.table('serviceLevels').put({ ...levelV6, ...reportedLevelTerms });
  await older.table('contracts').put({ ...contractV2, annualValueMinor: 315_000_000, ...noCreditTerms });
  older.close();
}

describe('upgrade from schema version 7', () => {
  it('upgrades providers and contracts', async () => {
    const name = freshName('upgrade-v7');
    await createVersion7Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    expect(await storedVersion(name)).toBe(90);
    expect(await db.providers.toArray()).toEqual([{ ...providerV2, ...providerProfileDefaults }]);
    expect(await db.contracts.toArray()).toEqual([
      { ...contractV2, annualValueMinor: 315_000_000, ...noCreditTerms, ...contractGovernanceDefaults },
    ]);
    expect(await db.meta.get('versionVector')).toEqual(vectorV2);
  });

  it('adds empty profile and governance tables', async () => {
    const name = freshName('upgrade-v7-tables');
    await createVersion7Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    for (const table of profileTables) expect(await db.recordTable(table).count(), table).toBe(0);
  });

  it('keeps one meeting per cadence date', async () => {
    const name = freshName('upgrade-v7-meetings');
    await createVersion7Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    const meeting = {
      id: 'm1',
      clock: levelV6.clock,
      fieldClocks: {},
      providerId: providerV2.id,
      cadenceId: 'cadence1',
      kind: 'monthlyManagement' as const,
      title: 'Monthly review',
      date: '2026-01-31',
      startTime: '10:00',
      durationMinutes: 60,
      timeZone: 'Europe/London',
      status: 'planned' as const,
      agenda: [],
      attendees: '',
      minutes: '',
    };
    await db.meetings.add(meeting);
    await expect(db.meetings.add({ ...meeting, id: 'm2' })).rejects.toThrow();
    await db.meetings.add({ ...meeting, id: 'm3', cadenceId: null });
    await db.meetings.add({ ...meeting, id: 'm4', cadenceId: null });
    expect(await db.meetings.count()).toBe(3);
  });

  it('finds audit entries by user and table', async () => {
    const name = freshName('upgrade-v7-audit');
    await createVersion7Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    expect(await db.audit.where('user').equals('Priya').count()).toBe(0);
    expect(await db.audit.where('table').equals('risks').count()).toBe(0);
  });
});

/** Tables that schema version 8 added, as it declared them. */
const schemaV8Tables = {
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

/** An audit entry as schema version 8 stored it, when an insertion was a `write`. */
function auditEntryV8(id: string, clock: string, kind: 'write' | 'delete', table: string, recordId: string, changes: Record<string, { old: unknown; new: unknown }>) {
  return { id, at: '2026-01-15T09:00:00.000Z', clock, deviceId: 'a1b2c3d4e5f6', user: 'Priya', kind, table, recordId, changes, importSummary: null };
}

/**
 * Creates `name` with the schema of app version 8 and audit entries of three records: the
 * provider inserted and renamed here, a risk inserted and deleted here, and the contract merged
 * from another laptop and then given a value here.
 */
async function createVersion8Database(name: string): Promise<void> {
  await createVersion7Database(name);
  const older = new Dexie(name);
  older.version(6).stores(schemaV6Tables);
  older.version(7).stores({
    escalations: 'id, &[serviceLevelId+openedPeriod], serviceLevelId, providerId, status',
    escalationEvents: 'id, escalationId',
  });
  older.version(8).stores(schemaV8Tables);
  await older.open();
  await older.table('audit').bulkPut([
    auditEntryV8('a1', providerV2.clock, 'write', 'providers', providerV2.id, { code: { old: null, new: '111AA1' }, name: { old: null, new: 'North' } }),
    auditEntryV8('a2', '019c48715319-0004-a1b2c3d4e5f6', 'write', 'providers', providerV2.id, { name: { old: 'North', new: providerV2.name } }),
    auditEntryV8('a3', '019c48715319-0005-a1b2c3d4e5f6', 'write', 'risks', 'risk1', { title: { old: null, new: 'Attrition' }, owner: { old: null, new: null } }),
    auditEntryV8('a4', '019c48715319-0006-a1b2c3d4e5f6', 'delete', 'risks', 'risk1', { title: { old: 'Attrition', new: null } }),
    auditEntryV8('a5', '019c48715319-0007-a1b2c3d4e5f6', 'write', 'contracts', contractV2.id, { annualValueMinor: { old: null, new: 315_000_000 } }),
  ]);
  older.close();
}

describe('upgrade from schema version 8', () => {
  it('tags the audit entries of insertions', async () => {
    const name = freshName('upgrade-v8');
    await createVersion8Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    expect(await storedVersion(name)).toBe(90);
    const kinds = new Map((await db.audit.toArray()).map((entry) => [entry.id, entry.kind]));
    expect(kinds.get('a1')).toBe('insert');
    expect(kinds.get('a2')).toBe('write');
    expect(kinds.get('a3')).toBe('insert');
    expect(kinds.get('a4')).toBe('delete');
  });

  it('keeps a first edit of a merged record', async () => {
    const name = freshName('upgrade-v8-merged');
    await createVersion8Database(name);
    const db = await openNamedDb(name);
    opened.push(db);
    expect((await db.audit.get('a5'))?.kind).toBe('write');
  });
});
