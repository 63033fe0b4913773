import { contractGovernanceDefaults, providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractData, ProviderData } from '../../../../shared/domain/types';
import { compareHlc, parseHlc } from '../../../../shared/sync/hlc';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { kpiRepository, measurementRepository, providerRepository } from '../../../../renderer/src/db/records';
import { deleteRecord, insertRecord, updateRecord } from '../../../../renderer/src/db/repository';
import { answeredKpi, failingWrites, manualWall, openNamedDb, openTestDb, rejection, testContext } from './factories';

const northData: ProviderData = { code: 'RX1', name: 'North Contact Centre', formerNames: [], ...providerProfileDefaults };
const contractData: ContractData = {
  providerId: 'provider-1',
  title: 'Contact centre services',
  startDate: '2025-01-01',
  endDate: null,
  currency: 'GBP',
  annualValueMinor: null,
  monthlyChargesMinor: null,
  atRiskPercent: null,
  ...contractGovernanceDefaults,
};

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

async function open(...middleware: Parameters<typeof openTestDb>): Promise<PortfolioDb> {
  db = await openTestDb(...middleware);
  return db;
}

describe('insertRecord', () => {
  it('stores the record with one clock and no field clocks', async () => {
    const portfolio = await open();
    const inserted = await insertRecord(portfolio, 'providers', northData, testContext());
    const stored = await portfolio.providers.get(inserted.id);
    expect(stored?.fieldClocks).toEqual({});
    expect(stored?.clock).toBe(inserted.clock);
    expect(stored?.name).toBe('North Contact Centre');
  });

  it('adds one audit entry with the new values', async () => {
    const portfolio = await open();
    const inserted = await insertRecord(portfolio, 'providers', northData, testContext());
    const entries = await portfolio.audit.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.kind).toBe('insert');
    expect(entries[0]?.recordId).toBe(inserted.id);
    expect(entries[0]?.changes.name).toEqual({ old: null, new: 'North Contact Centre' });
    expect(entries[0]?.user).toBe('Test User');
  });

  it('drops sync keys passed in the data', async () => {
    const portfolio = await open();
    const sneaky = { ...northData, id: 'chosen-id', clock: 'x', fieldClocks: { name: 'x' } };
    const inserted = await insertRecord(portfolio, 'providers', sneaky, testContext());
    expect(inserted.id).not.toBe('chosen-id');
    expect(inserted.fieldClocks).toEqual({});
  });
});

describe('updateRecord', () => {
  it('keeps separate clocks for separate fields', async () => {
    const portfolio = await open();
    const wall = manualWall();
    const context = testContext(wall);
    const inserted = await insertRecord(portfolio, 'providers', northData, context);

    wall.set(wall() + 1_000);
    const renamed = await updateRecord(portfolio, 'providers', inserted.id, { name: 'North Hub' }, context);
    wall.set(wall() + 1_000);
    const relisted = await updateRecord(
      portfolio,
      'providers',
      inserted.id,
      { formerNames: ['North'], ...providerProfileDefaults },
      context,
    );

    expect(renamed.clock).toBe(inserted.clock);
    expect(Object.keys(renamed.fieldClocks)).toEqual(['name']);
    expect(relisted.fieldClocks.formerNames).toBeDefined();
    expect(relisted.fieldClocks.name).toBe(renamed.fieldClocks.name);
    expect(compareHlc(relisted.fieldClocks.formerNames!, relisted.fieldClocks.name!)).toBeGreaterThan(0);
  });

  it('folds field clocks back when every field changes', async () => {
    const portfolio = await open();
    const context = testContext();
    const inserted = await insertRecord(portfolio, 'contracts', contractData, context);
    const updated = await updateRecord(
      portfolio,
      'contracts',
      inserted.id,
      {
        providerId: 'provider-2',
        title: 'Renewal',
        startDate: '2027-01-01',
        endDate: '2029-12-31',
        currency: 'EUR',
        annualValueMinor: 12_000_000,
        monthlyChargesMinor: 1_000_000,
        atRiskPercent: 10,
        noticePeriod: { amount: 3, unit: 'months' },
        autoRenewal: true,
        renewalMonths: 12,
        pricingModel: 'fixed',
        exitProvisions: { exitPlan: true, dataReturn: false, knowledgeTransferBack: false, stepInRights: false },
      },
      context,
    );
    expect(updated.fieldClocks).toEqual({});
    expect(compareHlc(updated.clock, inserted.clock)).toBeGreaterThan(0);
  });

  it('writes nothing when no value changes', async () => {
    const portfolio = await open();
    const context = testContext();
    const inserted = await insertRecord(portfolio, 'providers', northData, context);
    const result = await updateRecord(
      portfolio,
      'providers',
      inserted.id,
      { name: 'North Contact Centre', formerNames: [], ...providerProfileDefaults },
      context,
    );
    expect(result).toEqual(inserted);
    expect(await portfolio.audit.count()).toBe(1);
  });

  it('records old and new values in the audit entry', async () => {
    const portfolio = await open();
    const context = testContext();
    const inserted = await insertRecord(portfolio, 'providers', northData, context);
    await updateRecord(portfolio, 'providers', inserted.id, { name: 'North Hub' }, context);
    const entries = await portfolio.audit.where('recordId').equals(inserted.id).toArray();
    const update = entries.find((entry) => Object.keys(entry.changes).length === 1);
    expect(update?.changes).toEqual({ name: { old: 'North Contact Centre', new: 'North Hub' } });
  });

  it('issues later clocks when the wall clock goes back', async () => {
    const portfolio = await open();
    const wall = manualWall(Date.UTC(2026, 5, 1));
    const context = testContext(wall);
    const inserted = await insertRecord(portfolio, 'providers', northData, context);

    wall.set(Date.UTC(2026, 0, 1));
    const updated = await updateRecord(portfolio, 'providers', inserted.id, { name: 'North Hub' }, context);
    const nameClock = updated.fieldClocks.name!;
    expect(compareHlc(nameClock, inserted.clock)).toBeGreaterThan(0);
    expect(parseHlc(nameClock).wallMs).toBe(Date.UTC(2026, 5, 1));
  });

  it('rejects an unknown id with storage.notFound', async () => {
    const portfolio = await open();
    const failure = await rejection(updateRecord(portfolio, 'providers', 'missing-id', { name: 'X' }, testContext()));
    expect(failure.appError.code).toBe('storage.notFound');
    expect(failure.appError.detail).toEqual({ table: 'providers', id: 'missing-id' });
  });
});

describe('deleteRecord', () => {
  it('leaves a tombstone with the deletion clock', async () => {
    const portfolio = await open();
    const context = testContext();
    const inserted = await insertRecord(portfolio, 'providers', northData, context);
    const tombstone = await deleteRecord(portfolio, 'providers', inserted.id, context);
    expect(await portfolio.providers.get(inserted.id)).toBeUndefined();
    expect(await portfolio.tombstones.get(inserted.id)).toEqual(tombstone);
    expect(tombstone.table).toBe('providers');
    expect(compareHlc(tombstone.clock, inserted.clock)).toBeGreaterThan(0);
  });

  it('adds an audit entry with the deleted values', async () => {
    const portfolio = await open();
    const context = testContext();
    const inserted = await insertRecord(portfolio, 'providers', northData, context);
    await deleteRecord(portfolio, 'providers', inserted.id, context);
    const entries = await portfolio.audit.where('recordId').equals(inserted.id).toArray();
    const deletion = entries.find((entry) => entry.kind === 'delete');
    expect(deletion?.changes.name).toEqual({ old: 'North Contact Centre', new: null });
  });

  it('rejects an unknown id with storage.notFound', async () => {
    const portfolio = await open();
    const failure = await rejection(deleteRecord(portfolio, 'providers', 'missing-id', testContext()));
    expect(failure.appError.code).toBe('storage.notFound');
    expect(await portfolio.tombstones.count()).toBe(0);
  });
});

describe('failed writes', () => {
  it('a failing audit write leaves no record behind', async () => {
    const portfolio = await open(failingWrites('audit', 'UnknownError'));
    const failure = await rejection(insertRecord(portfolio, 'providers', northData, testContext()));
    expect(failure.appError.code).toBe('storage.writeFailed');
    expect(await portfolio.providers.count()).toBe(0);
    expect(await portfolio.audit.count()).toBe(0);
  });

  it('a unique-key violation leaves no audit entry', async () => {
    const portfolio = await open();
    const context = testContext();
    await kpiRepository.insert(portfolio, answeredKpi, context);
    const failure = await rejection(kpiRepository.insert(portfolio, { ...answeredKpi, name: 'Copy' }, context));
    expect(failure.appError.code).toBe('storage.writeFailed');
    expect(failure.appError.detail?.table).toBe('kpis');
    expect(await portfolio.kpis.count()).toBe(1);
    expect(await portfolio.audit.count()).toBe(1);
  });

  it('a failing tombstone write keeps the record', async () => {
    const seeded = await open();
    const context = testContext();
    const inserted = await providerRepository.insert(seeded, northData, context);
    const name = seeded.name;
    seeded.close();

    db = await openNamedDb(name, failingWrites('tombstones'));

    const failure = await rejection(providerRepository.remove(db, inserted.id, context));
    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(await db.providers.get(inserted.id)).toEqual(inserted);
    expect(await db.tombstones.count()).toBe(0);
    expect(await db.audit.count()).toBe(1);
  });

  it('a quota error maps to storage.quotaExceeded and rolls back', async () => {
    const portfolio = await open(failingWrites('audit'));
    const failure = await rejection(
      measurementRepository.insert(
        portfolio,
        { providerId: 'p', kpiId: 'k', period: '2025-01', value: 90, numerator: 9, denominator: 10, sourceFile: null },
        testContext(),
      ),
    );
    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(failure.appError.detail).toMatchObject({ table: 'measurements' });
    expect(await portfolio.measurements.count()).toBe(0);
  });
});
