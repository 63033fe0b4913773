import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { reportedLevelTerms } from '../../../../../../shared/domain/serviceTerms';
import type { UserKpi } from '../../../../../../shared/kpi/kpiSchema';
import { findLibraryKpi } from '../../../../../../shared/kpi/library';
import type { LibraryKpi } from '../../../../../../shared/kpi/library';
import { applyImportPlan } from '../../../../../../renderer/src/db/importMeasurements';
import type { PortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { kpiRepository, serviceLevelRepository } from '../../../../../../renderer/src/db/records';
import {
  addLibraryKpi,
  createUserKpi,
  deleteUnusedKpi,
  editUserKpi,
  kpiUsage,
} from '../../../../../../renderer/src/features/kpis/kpiWrites';
import { abandonedKpi, answeredKpi, makePlan, openTestDb, rejection, testContext } from '../../../db/factories';

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

async function open(): Promise<PortfolioDb> {
  db = await openTestDb();
  return db;
}

/** Adds a library KPI and returns the stored record, failing the test when the add is turned down. */
async function addFromLibrary(portfolio: PortfolioDb, key: string, text = serviceLevelText) {
  const result = await addLibraryKpi(portfolio, library(key), text, testContext());
  if (!result.ok) throw new Error(`${key} was not added`);
  return result.value;
}

function library(key: string): LibraryKpi {
  const entry = findLibraryKpi(key);
  if (entry === undefined) throw new Error(`${key} is not in the library`);
  return entry;
}

const serviceLevelText = { name: 'Service level', description: 'Share of calls answered within the threshold.' };

const backlogAge: UserKpi = {
  name: 'Backlog age',
  description: 'Mean age of open items at month end.',
  unit: 'seconds',
  direction: 'lowerIsBetter',
  kind: 'duration',
  aggregation: 'mean',
};

describe('addLibraryKpi', () => {
  it('stores the library key and measure', async () => {
    const portfolio = await open();
    const { kpi, added } = await addFromLibrary(portfolio, 'library.serviceLevel');
    expect(added).toBe(true);
    expect(await portfolio.kpis.get(kpi.id)).toEqual(kpi);
    expect(kpi).toMatchObject({
      key: 'library.serviceLevel',
      name: 'Service level',
      description: 'Share of calls answered within the threshold.',
      unit: 'percent',
      direction: 'higherIsBetter',
      kind: 'ratio',
      aggregation: 'ratioOfSums',
    });
  });

  it('adds one audit entry', async () => {
    const portfolio = await open();
    const { kpi } = await addFromLibrary(portfolio, 'library.serviceLevel');
    const entries = await portfolio.audit.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.recordId).toBe(kpi.id);
  });

  it('adding twice writes nothing', async () => {
    const portfolio = await open();
    const first = await addFromLibrary(portfolio, 'library.serviceLevel');
    const second = await addFromLibrary(portfolio, 'library.serviceLevel');
    expect(second.added).toBe(false);
    expect(second.kpi).toEqual(first.kpi);
    expect(await portfolio.kpis.count()).toBe(1);
    expect(await portfolio.audit.count()).toBe(1);
  });

  it('rejects a user KPI name', async () => {
    const portfolio = await open();
    await createUserKpi(portfolio, { ...backlogAge, name: 'backlog' }, testContext());
    const result = await addLibraryKpi(portfolio, library('library.backlog'), { name: 'Backlog', description: '' }, testContext());
    expect(result).toEqual({ ok: false, problem: 'nameTaken' });
    expect(await portfolio.kpis.where('key').equals('library.backlog').count()).toBe(0);
  });

  it('adding again after a delete works', async () => {
    const portfolio = await open();
    const first = await addFromLibrary(portfolio, 'library.backlog', { name: 'Backlog', description: '' });
    await deleteUnusedKpi(portfolio, first.kpi.id, testContext());
    const second = await addFromLibrary(portfolio, 'library.backlog', { name: 'Backlog', description: '' });
    expect(second.added).toBe(true);
    expect(second.kpi.id).not.toBe(first.kpi.id);
  });
});

describe('createUserKpi', () => {
  it('stores the KPI under a custom key', async () => {
    const portfolio = await open();
    const result = await createUserKpi(portfolio, backlogAge, testContext());
    if (!result.ok) throw new Error('the KPI was not created');
    expect(result.value).toMatchObject({ key: 'custom.backlog-age', ...backlogAge });
    expect(await portfolio.kpis.get(result.value.id)).toEqual(result.value);
  });

  it('rejects a stored name in other case', async () => {
    const portfolio = await open();
    await createUserKpi(portfolio, backlogAge, testContext());
    const result = await createUserKpi(portfolio, { ...backlogAge, name: 'BACKLOG  age' }, testContext());
    expect(result).toEqual({ ok: false, problem: 'nameTaken' });
    expect(await portfolio.kpis.count()).toBe(1);
  });

  it('gives a clashing slug a suffix', async () => {
    const portfolio = await open();
    await createUserKpi(portfolio, { ...backlogAge, name: 'Backlog (age)' }, testContext());
    const result = await createUserKpi(portfolio, backlogAge, testContext());
    expect(result.ok).toBe(true);
    expect(result.ok ? result.value.key : null).toBe('custom.backlog-age-2');
  });

  it('skips the key of a renamed KPI', async () => {
    const portfolio = await open();
    const first = await createUserKpi(portfolio, backlogAge, testContext());
    if (!first.ok) throw new Error('the KPI was not created');
    await editUserKpi(portfolio, first.value.id, { name: 'Open item age', description: '' }, testContext());
    const second = await createUserKpi(portfolio, backlogAge, testContext());
    expect(second.ok).toBe(true);
    expect(second.ok ? second.value.key : null).toBe('custom.backlog-age-2');
  });
});

describe('editUserKpi', () => {
  it('changes name and description only', async () => {
    const portfolio = await open();
    const created = await createUserKpi(portfolio, backlogAge, testContext());
    if (!created.ok) throw new Error('the KPI was not created');
    const result = await editUserKpi(portfolio, created.value.id, { name: 'Open item age', description: 'Days.' }, testContext());
    const stored = await portfolio.kpis.get(created.value.id);
    expect(result.ok).toBe(true);
    expect(stored).toMatchObject({ key: 'custom.backlog-age', name: 'Open item age', description: 'Days.', unit: 'seconds' });
  });

  it('rejects another KPI name', async () => {
    const portfolio = await open();
    await createUserKpi(portfolio, { ...backlogAge, name: 'Invoice backlog' }, testContext());
    const created = await createUserKpi(portfolio, backlogAge, testContext());
    if (!created.ok) throw new Error('the KPI was not created');
    const result = await editUserKpi(portfolio, created.value.id, { name: 'invoice backlog', description: '' }, testContext());
    expect(result).toEqual({ ok: false, problem: 'nameTaken' });
    expect((await portfolio.kpis.get(created.value.id))?.name).toBe('Backlog age');
  });

  it('keeps its own name in other case', async () => {
    const portfolio = await open();
    const created = await createUserKpi(portfolio, backlogAge, testContext());
    if (!created.ok) throw new Error('the KPI was not created');
    const result = await editUserKpi(portfolio, created.value.id, { name: 'Backlog Age', description: '' }, testContext());
    expect(result.ok).toBe(true);
    expect(result.ok ? result.value.name : null).toBe('Backlog Age');
  });

  it('rejects a library KPI', async () => {
    const portfolio = await open();
    const { kpi } = await addFromLibrary(portfolio, 'library.serviceLevel');
    const failure = await rejection(editUserKpi(portfolio, kpi.id, { name: 'Renamed', description: '' }, testContext()));
    expect(failure.appError.code).toBe('unexpected');
    expect((await portfolio.kpis.get(kpi.id))?.name).toBe('Service level');
  });

  it('rejects a missing KPI', async () => {
    const portfolio = await open();
    const failure = await rejection(editUserKpi(portfolio, 'no-such-id', { name: 'X', description: '' }, testContext()));
    expect(failure.appError.code).toBe('storage.notFound');
  });
});

describe('deleteUnusedKpi', () => {
  it('deletes an unused KPI with a tombstone', async () => {
    const portfolio = await open();
    const created = await createUserKpi(portfolio, backlogAge, testContext());
    if (!created.ok) throw new Error('the KPI was not created');
    expect(await deleteUnusedKpi(portfolio, created.value.id, testContext())).toEqual({ ok: true });
    expect(await portfolio.kpis.count()).toBe(0);
    expect(await portfolio.tombstones.get(created.value.id)).toMatchObject({ table: 'kpis' });
  });

  it('keeps a KPI with levels and measurements', async () => {
    const portfolio = await open();
    await applyImportPlan(portfolio, makePlan(), testContext());
    const answered = await portfolio.kpis.where('key').equals(answeredKpi.key).first();
    if (answered === undefined) throw new Error('the import stored no KPI');
    const result = await deleteUnusedKpi(portfolio, answered.id, testContext());
    expect(result).toEqual({ ok: false, usage: { serviceLevels: 2, measurements: 6 } });
    expect(await portfolio.kpis.get(answered.id)).toEqual(answered);
    expect(await portfolio.tombstones.count()).toBe(0);
  });

  it('keeps a KPI with measurements only', async () => {
    const portfolio = await open();
    await applyImportPlan(portfolio, makePlan({ serviceLevels: [] }), testContext());
    const abandoned = await portfolio.kpis.where('key').equals(abandonedKpi.key).first();
    if (abandoned === undefined) throw new Error('the import stored no KPI');
    const result = await deleteUnusedKpi(portfolio, abandoned.id, testContext());
    expect(result).toEqual({ ok: false, usage: { serviceLevels: 0, measurements: 6 } });
  });

  it('keeps a KPI with a service level only', async () => {
    const portfolio = await open();
    const { kpi } = await addFromLibrary(portfolio, 'library.serviceLevel');
    await applyImportPlan(portfolio, makePlan({ serviceLevels: [] }), testContext());
    const provider = await portfolio.providers.toCollection().first();
    if (provider === undefined) throw new Error('the import stored no provider');
    const level = { providerId: provider.id, kpiId: kpi.id, contractId: null, expected: 80, minimum: 75, ...reportedLevelTerms };
    await serviceLevelRepository.insert(portfolio, level, testContext());
    const result = await deleteUnusedKpi(portfolio, kpi.id, testContext());
    expect(result).toEqual({ ok: false, usage: { serviceLevels: 1, measurements: 0 } });
  });

  it('rejects a missing KPI', async () => {
    const portfolio = await open();
    const failure = await rejection(deleteUnusedKpi(portfolio, 'no-such-id', testContext()));
    expect(failure.appError.code).toBe('storage.notFound');
  });
});

describe('kpiUsage', () => {
  it('counts per KPI', async () => {
    const portfolio = await open();
    await applyImportPlan(portfolio, makePlan({ serviceLevels: [{ kpiKey: answeredKpi.key, expected: 95, minimum: 90 }] }), testContext());
    const kpis = await portfolio.kpis.toArray();
    const usage = new Map(await Promise.all(kpis.map(async (kpi) => [kpi.key, await kpiUsage(portfolio, kpi.id)] as const)));
    expect(usage.get(answeredKpi.key)).toEqual({ serviceLevels: 2, measurements: 6 });
    expect(usage.get(abandonedKpi.key)).toEqual({ serviceLevels: 0, measurements: 6 });
  });

  it('is zero for a new KPI', async () => {
    const portfolio = await open();
    const inserted = await kpiRepository.insert(portfolio, { key: 'custom.x', ...backlogAge }, testContext());
    expect(await kpiUsage(portfolio, inserted.id)).toEqual({ serviceLevels: 0, measurements: 0 });
  });
});
