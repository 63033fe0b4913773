/**
 * A full disk during the two bulk writes: a CSV import and the merge of a portfolio file. One
 * write inside the transaction fails with a DOMException named QuotaExceededError, after other
 * tables were already written in that transaction. Every table must then equal its state before
 * the write, and the error must be `storage.quotaExceeded` with an English sentence that tells
 * the user what to do.
 */
import { contractGovernanceDefaults } from '../../../../shared/domain/profileDefaults';
import 'fake-indexeddb/auto';
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import i18next from 'i18next';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../../../shared/sync/hlc';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import type { DeviceContext } from '../../../../renderer/src/db/clockStore';
import { applyImportPlan } from '../../../../renderer/src/db/importMeasurements';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { contractRepository, measurementRepository, providerRepository } from '../../../../renderer/src/db/records';
import { applyMergeDelta, readSnapshot } from '../../../../renderer/src/db/snapshot';
import { describeAppError } from '../../../../renderer/src/errorMessage';
import { en } from '../../../../renderer/src/i18n/en';
import { makePlan, manualWall, months, openTestDb, rejection } from './factories';
import type { ManualWall } from './factories';

/** Mutations that reached the database core, in order, as `table:type`. */
interface QuotaSwitch {
  readonly middleware: Middleware<DBCore>;
  readonly calls: string[];
  /** Makes the next add or put on the table fail, once. */
  arm(): void;
  readonly failures: number;
}

/** Database-core middleware that fails one add or put on `tableName`, after `arm()`, as a full disk does. */
function quotaOnNextWrite(tableName: string): QuotaSwitch {
  let armed = false;
  let failures = 0;
  const calls: string[] = [];
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: `quota-once-${tableName}`,
    create: (down) => ({
      ...down,
      table: (name): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            calls.push(`${name}:${request.type}`);
            if (armed && name === tableName && (request.type === 'add' || request.type === 'put')) {
              armed = false;
              failures += 1;
              return Promise.reject(new DOMException('The disk is full (simulated).', 'QuotaExceededError'));
            }
            return table.mutate(request);
          },
        };
      },
    }),
  };
  return {
    middleware,
    calls,
    arm: () => {
      armed = true;
      calls.length = 0;
    },
    get failures() {
      return failures;
    },
  };
}

const opened: PortfolioDb[] = [];

afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
});

interface Laptop {
  readonly db: PortfolioDb;
  readonly wall: ManualWall;
  readonly clock: ReturnType<typeof createClock>;
  readonly context: DeviceContext;
}

async function laptop(deviceId: string, wall: ManualWall, ...middleware: Middleware<DBCore>[]): Promise<Laptop> {
  const db = await openTestDb(...middleware);
  opened.push(db);
  const clock = createClock(deviceId, wall);
  const context: DeviceContext = { deviceId, user: deviceId, tick: () => clock.tick(), now: () => new Date(wall()).toISOString() };
  return { db, wall, clock, context };
}

/** Reads every table of the database, `audit`, `meta` and `tombstones` included. */
async function dumpAll(db: PortfolioDb): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) dump[table.name] = await table.toArray();
  return dump;
}

/** Checks the sentence a user reads for a quota failure: the problem, that nothing changed, and the next step. */
function expectFullDiskSentence(sentence: string): void {
  expect(sentence).toContain('no room left');
  expect(sentence).toContain('nothing was saved');
  expect(sentence).toContain('Free some disk space');
  expect(sentence).toContain('deleting old backups or portfolios');
  expect(sentence).toContain('try again');
}

const portfolio = { id: uuidv7(), name: 'NHS 111 contracts' };

describe('CSV import on a full disk', () => {
  /** A fourth month for both providers, changed values for the first three, and one new provider. */
  const laterPlan = makePlan({
    fileName: 'april.csv',
    providers: [
      { code: 'RX1', name: 'North Contact Centre' },
      { code: 'RX2', name: 'South Contact Centre' },
      { code: 'RX3', name: 'Coastal Contact Centre' },
    ],
    periods: months(4),
    numerator: (provider, period, kpi) => 800 + provider * 7 + period * 3 + kpi,
  });

  async function importedLaptop(quota: QuotaSwitch): Promise<Laptop> {
    const laptopA = await laptop('laptopa', manualWall(), quota.middleware);
    await applyImportPlan(laptopA.db, makePlan(), laptopA.context);
    laptopA.wall.set(laptopA.wall() + 60_000);
    return laptopA;
  }

  it('leaves every table as it was', async () => {
    const quota = quotaOnNextWrite('measurements');
    const laptopA = await importedLaptop(quota);
    const before = await dumpAll(laptopA.db);

    quota.arm();
    await rejection(applyImportPlan(laptopA.db, laterPlan, laptopA.context));

    expect(quota.failures).toBe(1);
    // The rollback matters only if the transaction had written other tables before the failure.
    expect(quota.calls.slice(0, 3)).toEqual(['providers:put', 'serviceLevels:put', 'measurements:put']);
    expect(await dumpAll(laptopA.db)).toEqual(before);
  });

  it('fails with storage.quotaExceeded', async () => {
    const quota = quotaOnNextWrite('measurements');
    const laptopA = await importedLaptop(quota);

    quota.arm();
    const failure = await rejection(applyImportPlan(laptopA.db, laterPlan, laptopA.context));

    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(failure.appError.detail).toEqual({ file: 'april.csv' });
    expect(failure.appError.cause).toContain('QuotaExceededError');
  });

  it('tells the user what to do', async () => {
    const quota = quotaOnNextWrite('measurements');
    const laptopA = await importedLaptop(quota);

    quota.arm();
    const failure = await rejection(applyImportPlan(laptopA.db, laterPlan, laptopA.context));

    expectFullDiskSentence(describeAppError(i18next.t, failure.appError));
  });

  it('imports the same plan once space is free', async () => {
    const quota = quotaOnNextWrite('measurements');
    const laptopA = await importedLaptop(quota);

    quota.arm();
    await rejection(applyImportPlan(laptopA.db, laterPlan, laptopA.context));
    const summary = await applyImportPlan(laptopA.db, laterPlan, laptopA.context);

    expect(summary.added).toEqual({ kpis: 0, providers: 1, serviceLevels: 2, measurements: 12 });
    expect(summary.changed.measurements).toBe(12);
    expect(await laptopA.db.measurements.count()).toBe(24);
    // One entry per imported file, and the failed attempt left none.
    expect(await laptopA.db.audit.filter((entry) => entry.table === null).count()).toBe(2);
  });

  it('rolls back when the audit entry hits the quota', async () => {
    const quota = quotaOnNextWrite('audit');
    const laptopA = await importedLaptop(quota);
    const before = await dumpAll(laptopA.db);

    quota.arm();
    const failure = await rejection(applyImportPlan(laptopA.db, laterPlan, laptopA.context));

    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(quota.calls).toContain('measurements:put');
    expect(await dumpAll(laptopA.db)).toEqual(before);
  });
});

describe('portfolio file merge on a full disk', () => {
  /**
   * Laptop A and laptop B import the same file, so every record exists twice under different ids
   * and the merge folds the twins. Then A renames a provider, and B adds a provider, a contract and
   * a fourth month of results and deletes a measurement. The returned merge is B's snapshot merged
   * into A's, as the Sync screen computes it.
   */
  async function divergedMerge(quota: QuotaSwitch) {
    const a = await laptop('laptopa', manualWall(Date.UTC(2026, 0, 15, 9)), quota.middleware);
    const b = await laptop('laptopb', manualWall(Date.UTC(2026, 0, 15, 9, 0, 1)));
    await applyImportPlan(a.db, makePlan(), a.context);
    await applyImportPlan(b.db, makePlan(), b.context);

    a.wall.set(a.wall() + 60_000);
    const [northOnA] = await a.db.providers.where('code').equals('RX1').toArray();
    await providerRepository.update(a.db, northOnA!.id, { name: 'North Contact Centre Ltd' }, a.context);

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
    const later = makePlan({
      fileName: 'april.csv',
      providers: [
        { code: 'RX1', name: 'North Contact Centre' },
        { code: 'RX3', name: 'Coastal Contact Centre' },
      ],
      periods: months(4),
    });
    await applyImportPlan(b.db, later, b.context);
    const [measurementOnB] = await b.db.measurements.where('providerId').equals(northOnB!.id).toArray();
    await measurementRepository.remove(b.db, measurementOnB!.id, b.context);

    const merged = mergeSnapshots(await readSnapshot(a.db, portfolio, 'laptopa'), await readSnapshot(b.db, portfolio, 'laptopb'), {
      now: a.wall(),
    });
    return { a, merged };
  }

  it('leaves every table as it was', async () => {
    const quota = quotaOnNextWrite('measurements');
    const { a, merged } = await divergedMerge(quota);
    const before = await dumpAll(a.db);

    quota.arm();
    await rejection(applyMergeDelta(a.db, merged.delta, merged.snapshot.versionVector, a.clock));

    expect(quota.failures).toBe(1);
    // The puts of four tables ran in the same transaction before the failure.
    expect(quota.calls).toEqual(['providers:put', 'contracts:put', 'kpis:put', 'serviceLevels:put', 'measurements:put']);
    expect(await dumpAll(a.db)).toEqual(before);
  });

  it('fails with storage.quotaExceeded', async () => {
    const quota = quotaOnNextWrite('measurements');
    const { a, merged } = await divergedMerge(quota);

    quota.arm();
    const failure = await rejection(applyMergeDelta(a.db, merged.delta, merged.snapshot.versionVector, a.clock));

    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(failure.appError.detail).toEqual({ database: a.db.name, operation: 'merge' });
  });

  it('tells the user what to do', async () => {
    const quota = quotaOnNextWrite('measurements');
    const { a, merged } = await divergedMerge(quota);

    quota.arm();
    const failure = await rejection(applyMergeDelta(a.db, merged.delta, merged.snapshot.versionVector, a.clock));

    expectFullDiskSentence(describeAppError(i18next.t, failure.appError));
  });

  it('leaves the session clock behind the file', async () => {
    const quota = quotaOnNextWrite('measurements');
    const { a, merged } = await divergedMerge(quota);
    const received: string[] = [];

    quota.arm();
    await rejection(
      applyMergeDelta(a.db, merged.delta, merged.snapshot.versionVector, { receive: (clock) => (received.push(clock), clock) }),
    );

    expect(received).toEqual([]);
  });

  it('writes the same merge once space is free', async () => {
    const quota = quotaOnNextWrite('measurements');
    const { a, merged } = await divergedMerge(quota);

    quota.arm();
    await rejection(applyMergeDelta(a.db, merged.delta, merged.snapshot.versionVector, a.clock));
    await applyMergeDelta(a.db, merged.delta, merged.snapshot.versionVector, a.clock);

    const after = await readSnapshot(a.db, portfolio, 'laptopa');
    expect(after.records).toEqual(merged.snapshot.records);
    expect(after.versionVector).toEqual(merged.snapshot.versionVector);
  });
});
