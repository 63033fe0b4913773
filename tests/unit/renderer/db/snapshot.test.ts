import { contractGovernanceDefaults, providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { KpiDefinition, ProviderData } from '../../../../shared/domain/types';
import { createClock } from '../../../../shared/sync/hlc';
import { ascendsById, isMarkedInIdOrder } from '../../../../shared/sync/idOrder';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import type { MergeDelta } from '../../../../shared/sync/mergeTypes';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';
import { recordTables } from '../../../../shared/sync/snapshot';
import type { DeviceContext } from '../../../../renderer/src/db/clockStore';
import { applyImportPlan } from '../../../../renderer/src/db/importMeasurements';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { contractRepository, kpiRepository, measurementRepository, providerRepository } from '../../../../renderer/src/db/records';
import { applyMergeDelta, readSnapshot } from '../../../../renderer/src/db/snapshot';
import { readVersionVector } from '../../../../renderer/src/db/versionVector';
import { abandonedKpi, answeredKpi, failingWrites, makePlan, manualWall, openTestDb, rejection } from './factories';
import type { ManualWall } from './factories';

const portfolio = { id: uuidv7(), name: 'NHS 111 contracts' };
const southData: ProviderData = { code: 'RX9', name: 'Coastal Contact Centre', formerNames: [], ...providerProfileDefaults };

const opened: PortfolioDb[] = [];

afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

async function open(...middleware: Parameters<typeof openTestDb>): Promise<PortfolioDb> {
  const database = await openTestDb(...middleware);
  opened.push(database);
  return database;
}

/** A laptop: its database, its wall clock and a clock that both writes and merges advance. */
interface Laptop {
  readonly db: PortfolioDb;
  readonly wall: ManualWall;
  readonly clock: ReturnType<typeof createClock>;
  readonly context: DeviceContext;
}

async function laptop(deviceId: string, wall: ManualWall): Promise<Laptop> {
  const db = await open();
  const clock = createClock(deviceId, wall);
  const context: DeviceContext = { deviceId, user: deviceId, tick: () => clock.tick(), now: () => new Date(wall()).toISOString() };
  return { db, wall, clock, context };
}

/** Reads every table, `audit` and `meta` included, to compare the database before and after a failed write. */
async function dumpAll(db: PortfolioDb): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}

/** Records and tombstones, sorted by id, for comparing two laptops' snapshots. */
function contentOf(snapshot: PortfolioSnapshot) {
  return { records: snapshot.records, tombstones: [...snapshot.tombstones].sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

function emptyDelta(): MergeDelta {
  const none = { put: [], delete: [] };
  return { tables: Object.fromEntries(recordTables.map((table) => [table, none])) as unknown as MergeDelta['tables'], tombstones: [] };
}

describe('readSnapshot', () => {
  it('reads records written by repositories and imports', async () => {
    const one = await laptop('laptopa', manualWall());
    await applyImportPlan(one.db, makePlan(), one.context);
    const coastal = await providerRepository.insert(one.db, southData, one.context);
    const snapshot = await readSnapshot(one.db, portfolio, 'laptopa');

    expect(snapshot.records.providers.map((provider) => provider.code).sort()).toEqual(['RX1', 'RX2', 'RX9']);
    expect(snapshot.records.kpis).toHaveLength(2);
    expect(snapshot.records.serviceLevels).toHaveLength(4);
    expect(snapshot.records.measurements).toHaveLength(12);
    expect(snapshot.records.contracts).toEqual([]);
    expect(snapshot.records.providers.find((provider) => provider.id === coastal.id)).toEqual(coastal);
  });

  it('reads identity, tombstones and version vector', async () => {
    const one = await laptop('laptopa', manualWall());
    await applyImportPlan(one.db, makePlan(), one.context);
    const [measurement] = await one.db.measurements.toArray();
    const tombstone = await measurementRepository.remove(one.db, measurement!.id, one.context);
    const snapshot = await readSnapshot(one.db, portfolio, 'laptopa');

    expect(snapshot.portfolioId).toBe(portfolio.id);
    expect(snapshot.portfolioName).toBe(portfolio.name);
    expect(snapshot.deviceId).toBe('laptopa');
    expect(snapshot.tombstones).toEqual([tombstone]);
    expect(snapshot.versionVector).toEqual({ laptopa: tombstone.clock });
    expect(snapshot.records.measurements).toHaveLength(11);
  });

  it('returns records in id order', async () => {
    const one = await laptop('laptopa', manualWall());
    await applyImportPlan(one.db, makePlan(), one.context);
    const snapshot = await readSnapshot(one.db, portfolio, 'laptopa');
    const ids = snapshot.records.measurements.map((measurement) => measurement.id);
    expect(ids).toEqual([...ids].sort());
    // The merge-join trusts the mark instead of checking the order again.
    for (const table of recordTables) {
      expect(ascendsById(snapshot.records[table]), table).toBe(true);
      expect(isMarkedInIdOrder(snapshot.records[table]), table).toBe(true);
    }
  });
});

describe('applyMergeDelta between two laptops', () => {
  /**
   * Both laptops import the same file, so every provider, KPI, level and measurement exists twice
   * under different ids. Then each laptop edits, deletes and adds records on its own.
   */
  async function divergedLaptops(): Promise<[Laptop, Laptop]> {
    const a = await laptop('laptopa', manualWall(Date.UTC(2026, 0, 15, 9)));
    const b = await laptop('laptopb', manualWall(Date.UTC(2026, 0, 15, 9, 0, 1)));
    await applyImportPlan(a.db, makePlan(), a.context);
    await applyImportPlan(b.db, makePlan(), b.context);

    a.wall.set(a.wall() + 60_000);
    const [northOnA] = await a.db.providers.where('code').equals('RX1').toArray();
    await providerRepository.update(a.db, northOnA!.id, { name: 'North Contact Centre Ltd' }, a.context);
    await providerRepository.insert(a.db, southData, a.context);

    b.wall.set(b.wall() + 120_000);
    const [northOnB] = await b.db.providers.where('code').equals('RX1').toArray();
    await contractRepository.insert(
      b.db,
      {
        providerId: northOnB!.id,
        title: 'Core hours',
        startDate: '2025-04-01',
        endDate: null,
        currency: 'GBP',
        annualValueMinor: null,
        monthlyChargesMinor: null,
        atRiskPercent: null,
        ...contractGovernanceDefaults,
      },
      b.context,
    );
    const [measurementOnB] = await b.db.measurements.where('providerId').equals(northOnB!.id).toArray();
    await measurementRepository.remove(b.db, measurementOnB!.id, b.context);
    return [a, b];
  }

  async function tombstonedIds(laptop: Laptop): Promise<string[]> {
    return (await laptop.db.tombstones.where('table').equals('measurements').toArray()).map((tombstone) => tombstone.id);
  }

  async function exchange(a: Laptop, b: Laptop): Promise<void> {
    const snapshotA = await readSnapshot(a.db, portfolio, 'laptopa');
    const snapshotB = await readSnapshot(b.db, portfolio, 'laptopb');
    const intoA = mergeSnapshots(snapshotA, snapshotB, { now: a.wall() });
    const intoB = mergeSnapshots(snapshotB, snapshotA, { now: b.wall() });
    await applyMergeDelta(a.db, intoA.delta, intoA.snapshot.versionVector, a.clock);
    await applyMergeDelta(b.db, intoB.delta, intoB.snapshot.versionVector, b.clock);
  }

  it('leaves both laptops with equal records and tombstones', async () => {
    const [a, b] = await divergedLaptops();
    await exchange(a, b);
    const afterA = await readSnapshot(a.db, portfolio, 'laptopa');
    const afterB = await readSnapshot(b.db, portfolio, 'laptopb');
    expect(contentOf(afterA)).toEqual(contentOf(afterB));
  });

  it('keeps every edit of both laptops', async () => {
    const [a, b] = await divergedLaptops();
    await exchange(a, b);
    const after = await readSnapshot(a.db, portfolio, 'laptopa');
    expect(after.records.providers.map((provider) => provider.name).sort()).toEqual([
      'Coastal Contact Centre',
      'North Contact Centre Ltd',
      'South Contact Centre',
    ]);
    expect(after.records.kpis).toHaveLength(2);
    expect(after.records.contracts.map((contract) => contract.title)).toEqual(['Core hours']);
  });

  it('applies the deletion of laptop B on laptop A', async () => {
    const [a, b] = await divergedLaptops();
    const [deletedId] = await tombstonedIds(b);
    await exchange(a, b);
    const after = await readSnapshot(a.db, portfolio, 'laptopa');
    expect(await tombstonedIds(a)).toContain(deletedId);
    expect(after.records.measurements.map((measurement) => measurement.id)).not.toContain(deletedId);
  });

  it('writes the merged version vector on both laptops', async () => {
    const [a, b] = await divergedLaptops();
    await exchange(a, b);
    const vectorA = await readVersionVector(a.db);
    expect(Object.keys(vectorA).sort()).toEqual(['laptopa', 'laptopb']);
    expect(await readVersionVector(b.db)).toEqual(vectorA);
  });

  it('changes nothing on a second exchange', async () => {
    const [a, b] = await divergedLaptops();
    await exchange(a, b);
    const first = await dumpAll(a.db);
    const again = mergeSnapshots(await readSnapshot(a.db, portfolio, 'laptopa'), await readSnapshot(b.db, portfolio, 'laptopb'), {
      now: a.wall(),
    });
    expect(again.delta.tombstones).toEqual([]);
    await applyMergeDelta(a.db, again.delta, again.snapshot.versionVector);
    expect(await dumpAll(a.db)).toEqual(first);
  });

  it('orders later local edits after merged ones', async () => {
    const [a, b] = await divergedLaptops();
    await exchange(a, b);
    // Laptop A's wall clock is a minute behind B's latest edit, but the received clock orders A's next edit later.
    const vector = await readVersionVector(a.db);
    const [coastal] = await a.db.providers.where('code').equals('RX9').toArray();
    const edited = await providerRepository.update(a.db, coastal!.id, { name: 'Coastal' }, a.context);
    expect(edited.fieldClocks.name! > vector.laptopb!).toBe(true);
  });
});

describe('applyMergeDelta failures', () => {
  async function kpiRecord(db: PortfolioDb, context: DeviceContext): Promise<KpiDefinition> {
    return kpiRepository.insert(db, answeredKpi, context);
  }

  it('puts a natural-key twin of a deleted record', async () => {
    const one = await laptop('laptopa', manualWall());
    const local = await kpiRecord(one.db, one.context);
    const twin: KpiDefinition = { ...local, id: uuidv7(), clock: '019400000000-0000-laptopb' };
    const delta = emptyDelta();
    await applyMergeDelta(one.db, { ...delta, tables: { ...delta.tables, kpis: { put: [twin], delete: [local.id] } } }, {});
    expect(await one.db.kpis.toArray()).toEqual([twin]);
  });

  it('rolls back a put that violates a unique index', async () => {
    const one = await laptop('laptopa', manualWall());
    const local = await kpiRecord(one.db, one.context);
    const before = await dumpAll(one.db);
    const delta = emptyDelta();
    const clash: KpiDefinition = { ...local, id: uuidv7() };
    const abandoned: KpiDefinition = { ...local, ...abandonedKpi, id: uuidv7() };
    const failing: MergeDelta = {
      tables: { ...delta.tables, providers: { put: [], delete: [] }, kpis: { put: [abandoned, clash], delete: [] } },
      tombstones: [{ id: uuidv7(), table: 'contracts', clock: '019400000000-0000-laptopb' }],
    };

    const failure = await rejection(applyMergeDelta(one.db, failing, { laptopb: '019400000000-0000-laptopb' }));
    expect(failure.appError.code).toBe('storage.writeFailed');
    expect(failure.appError.detail).toEqual({ database: one.db.name, operation: 'merge' });
    expect(await dumpAll(one.db)).toEqual(before);
  });

  it('rolls back when the tombstone write runs out of quota', async () => {
    const one = await laptop('laptopa', manualWall());
    const db = await open(failingWrites('tombstones'));
    const local = await kpiRecord(db, one.context);
    const before = await dumpAll(db);
    const delta = emptyDelta();
    const failing: MergeDelta = {
      tables: {
        ...delta.tables,
        kpis: { put: [], delete: [local.id] },
        providers: { put: [{ id: uuidv7(), clock: local.clock, fieldClocks: {}, ...southData }], delete: [] },
      },
      tombstones: [{ id: local.id, table: 'kpis', clock: '019400000000-0000-laptopb' }],
    };

    const failure = await rejection(applyMergeDelta(db, failing, { laptopb: '019400000000-0000-laptopb' }));
    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(await dumpAll(db)).toEqual(before);
  });

  it('leaves the session clock alone on failure', async () => {
    const db = await open(failingWrites('meta'));
    const received: string[] = [];
    const session = { receive: (clock: string) => (received.push(clock), clock) };
    await rejection(applyMergeDelta(db, emptyDelta(), { laptopb: '019400000000-0000-laptopb' }, session));
    expect(received).toEqual([]);
  });

  it('passes the latest merged clock to the session', async () => {
    const db = await open();
    const received: string[] = [];
    const session = { receive: (clock: string) => (received.push(clock), clock) };
    const vector = { laptopa: '019400000009-0000-laptopa', laptopb: '01940000000a-0003-laptopb' };
    await applyMergeDelta(db, emptyDelta(), vector, session);
    expect(received).toEqual(['01940000000a-0003-laptopb']);
  });

  it('rejects a malformed vector clock before writing', async () => {
    const one = await laptop('laptopa', manualWall());
    const local = await kpiRecord(one.db, one.context);
    const before = await dumpAll(one.db);
    const delta = emptyDelta();
    const removing: MergeDelta = { ...delta, tables: { ...delta.tables, kpis: { put: [], delete: [local.id] } } };

    const failure = await rejection(applyMergeDelta(one.db, removing, { laptopb: 'tomorrow' }));
    expect(failure.appError.code).toBe('merge.invalidClock');
    expect(await dumpAll(one.db)).toEqual(before);
  });
});
