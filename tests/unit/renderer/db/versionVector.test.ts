import { providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../shared/errors';
import type { ProviderData } from '../../../../shared/domain/types';
import { applyImportPlan } from '../../../../renderer/src/db/importMeasurements';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { providerRepository } from '../../../../renderer/src/db/records';
import { latestClockOf, raiseVersionVector, readVersionVector, versionVectorKey } from '../../../../renderer/src/db/versionVector';
import { failingWrites, freshName, makePlan, manualWall, openNamedDb, openTestDb, rejection, testContext } from './factories';

const northData: ProviderData = { code: 'RX1', name: 'North Contact Centre', formerNames: [], ...providerProfileDefaults };

const opened: Dexie[] = [];

afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

async function open(...middleware: Parameters<typeof openTestDb>): Promise<PortfolioDb> {
  const database = await openTestDb(...middleware);
  opened.push(database);
  return database;
}

/** Schema version 1 exactly as `PortfolioDb` declares it, to create a database an older app wrote. */
const schemaV1 = {
  providers: 'id, code, name',
  contracts: 'id, providerId',
  kpis: 'id, &key',
  serviceLevels: 'id, [providerId+kpiId], kpiId',
  measurements: 'id, &[providerId+kpiId+period], providerId, kpiId, period',
  tombstones: 'id, table',
  audit: 'id, at, recordId',
};

const clockA1 = '019400000000-0000-laptopa';
const clockA2 = '019400000005-0002-laptopa';
const clockB1 = '019400000003-0000-laptopb';
const clockC1 = '019400000001-0001-laptopc';

describe('version vector on local writes', () => {
  it('starts empty in a new database', async () => {
    const portfolio = await open();
    expect(await readVersionVector(portfolio)).toEqual({});
  });

  it('rises to the clock of an insert', async () => {
    const portfolio = await open();
    const context = testContext(manualWall(), 'laptopa');
    const inserted = await providerRepository.insert(portfolio, northData, context);
    expect(await readVersionVector(portfolio)).toEqual({ laptopa: inserted.clock });
  });

  it('rises to the clock of an update', async () => {
    const portfolio = await open();
    const context = testContext(manualWall(), 'laptopa');
    const inserted = await providerRepository.insert(portfolio, northData, context);
    const updated = await providerRepository.update(portfolio, inserted.id, { name: 'North' }, context);
    const vector = await readVersionVector(portfolio);
    expect(vector.laptopa).toBe(updated.fieldClocks.name);
    expect(vector.laptopa! > inserted.clock).toBe(true);
  });

  it('stays put on an update that changes nothing', async () => {
    const portfolio = await open();
    const context = testContext(manualWall(), 'laptopa');
    const inserted = await providerRepository.insert(portfolio, northData, context);
    await providerRepository.update(portfolio, inserted.id, { name: northData.name }, context);
    expect(await readVersionVector(portfolio)).toEqual({ laptopa: inserted.clock });
  });

  it('rises to the clock of a deletion', async () => {
    const portfolio = await open();
    const context = testContext(manualWall(), 'laptopa');
    const inserted = await providerRepository.insert(portfolio, northData, context);
    const tombstone = await providerRepository.remove(portfolio, inserted.id, context);
    expect(await readVersionVector(portfolio)).toEqual({ laptopa: tombstone.clock });
  });

  it('rises to the clock of an import', async () => {
    const portfolio = await open();
    await applyImportPlan(portfolio, makePlan(), testContext(manualWall(), 'laptopa'));
    const [entry] = await portfolio.audit.toArray();
    expect(await readVersionVector(portfolio)).toEqual({ laptopa: entry?.clock });
  });

  it('stays put on an import that changes nothing', async () => {
    const portfolio = await open();
    const wall = manualWall();
    const context = testContext(wall, 'laptopa');
    await applyImportPlan(portfolio, makePlan(), context);
    const before = await readVersionVector(portfolio);
    wall.set(wall() + 60_000);
    await applyImportPlan(portfolio, makePlan(), context);
    expect(await readVersionVector(portfolio)).toEqual(before);
  });

  it('keeps the entries of other devices', async () => {
    const portfolio = await open();
    await portfolio.meta.put({ key: versionVectorKey, value: { laptopb: clockB1 } });
    const inserted = await providerRepository.insert(portfolio, northData, testContext(manualWall(), 'laptopa'));
    expect(await readVersionVector(portfolio)).toEqual({ laptopb: clockB1, laptopa: inserted.clock });
  });

  it('stays put when the write fails', async () => {
    const portfolio = await open(failingWrites('audit'));
    await portfolio.meta.put({ key: versionVectorKey, value: { laptopb: clockB1 } });
    await rejection(providerRepository.insert(portfolio, northData, testContext(manualWall(), 'laptopa')));
    expect(await readVersionVector(portfolio)).toEqual({ laptopb: clockB1 });
  });

  it('stays put when an import fails', async () => {
    const portfolio = await open(failingWrites('measurements'));
    const failure = await rejection(applyImportPlan(portfolio, makePlan(), testContext(manualWall(), 'laptopa')));
    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(await readVersionVector(portfolio)).toEqual({});
  });
});

describe('raiseVersionVector', () => {
  it('never lowers an entry', async () => {
    const portfolio = await open();
    await portfolio.transaction('rw', portfolio.meta, async () => {
      await raiseVersionVector(portfolio, clockA2);
      await raiseVersionVector(portfolio, clockA1);
    });
    expect(await readVersionVector(portfolio)).toEqual({ laptopa: clockA2 });
  });

  it('stores a __proto__ device id as an own key', async () => {
    const portfolio = await open();
    const clock = '019400000000-0000-__proto__';
    await portfolio.transaction('rw', portfolio.meta, () => raiseVersionVector(portfolio, clock));
    const vector = await readVersionVector(portfolio);
    expect(Object.hasOwn(vector, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(vector)).toBe(Object.prototype);
  });
});

describe('latestClockOf', () => {
  it('returns null for an empty vector', () => {
    expect(latestClockOf({})).toBeNull();
  });

  it('returns the latest entry', () => {
    expect(latestClockOf({ laptopa: clockA1, laptopb: clockB1, laptopc: clockC1 })).toBe(clockB1);
  });

  it('rejects a malformed clock with merge.invalidClock', () => {
    let failure: unknown = null;
    try {
      latestClockOf({ laptopa: clockA1, laptopb: 'yesterday' });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).appError.code).toBe('merge.invalidClock');
    expect((failure as AppFailure).appError.detail).toEqual({ deviceId: 'laptopb', clock: 'yesterday' });
  });
});

describe('schema upgrade from version 1', () => {
  /** Creates `name` at schema version 1 with records and tombstones of three devices. */
  async function createVersion1(name: string): Promise<void> {
    const older = new Dexie(name);
    older.version(1).stores(schemaV1);
    await older.open();
    await older.table('providers').bulkPut([
      { id: 'p1', clock: clockA1, fieldClocks: { name: clockA2 }, code: 'RX1', name: 'North', formerNames: [], ...providerProfileDefaults },
      { id: 'p2', clock: clockB1, fieldClocks: {}, code: 'RX2', name: 'South', formerNames: [], ...providerProfileDefaults },
    ]);
    await older.table('measurements').put({
      id: 'm1',
      clock: 'not-a-clock',
      fieldClocks: {},
      providerId: 'p1',
      kpiId: 'k1',
      period: '2025-01',
      value: 90,
      numerator: 900,
      denominator: 1000,
      sourceFile: null,
    });
    await older.table('tombstones').put({ id: 'c1', table: 'contracts', clock: clockC1 });
    older.close();
  }

  it('builds the vector from records and tombstones', async () => {
    const name = freshName('upgrade');
    await createVersion1(name);
    const portfolio = await openNamedDb(name);
    opened.push(portfolio);
    expect(await readVersionVector(portfolio)).toEqual({ laptopa: clockA2, laptopb: clockB1, laptopc: clockC1 });
  });

  it('keeps the existing records', async () => {
    const name = freshName('upgrade-records');
    await createVersion1(name);
    const portfolio = await openNamedDb(name);
    opened.push(portfolio);
    expect(await portfolio.providers.count()).toBe(2);
    expect(await portfolio.measurements.count()).toBe(1);
    expect(await portfolio.tombstones.count()).toBe(1);
  });

  it('stores an empty vector for an empty database', async () => {
    const name = freshName('upgrade-empty');
    const older = new Dexie(name);
    older.version(1).stores(schemaV1);
    await older.open();
    older.close();
    const portfolio = await openNamedDb(name);
    opened.push(portfolio);
    expect(await portfolio.meta.get(versionVectorKey)).toEqual({ key: versionVectorKey, value: {} });
  });
});
