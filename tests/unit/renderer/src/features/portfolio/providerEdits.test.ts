import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { listBreaches } from '../../../../../../shared/domain/kpiBreaches';
import type { PortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { applyImportPlan } from '../../../../../../renderer/src/db/importMeasurements';
import { readVersionVector } from '../../../../../../renderer/src/db/versionVector';
import { renameProvider, saveServiceLevel } from '../../../../../../renderer/src/features/portfolio/providerEdits';
import { answeredKpi, makePlan, manualWall, openTestDb, rejection, testContext } from '../../../db/factories';

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

/** Opens a portfolio with two providers, two KPIs with levels (95/90 and 5/8) and three months. */
async function seeded(): Promise<PortfolioDb> {
  db = await openTestDb();
  await applyImportPlan(db, makePlan(), testContext());
  return db;
}

async function providerNamed(portfolio: PortfolioDb, name: string) {
  const found = await portfolio.providers.where('name').equals(name).first();
  if (found === undefined) throw new Error(`no provider named ${name}`);
  return found;
}

describe('renameProvider', () => {
  it('keeps the old name as a former name', async () => {
    const portfolio = await seeded();
    const north = await providerNamed(portfolio, 'North Contact Centre');
    const renamed = await renameProvider(portfolio, north.id, 'Alpha', testContext());
    expect(renamed.name).toBe('Alpha');
    expect(renamed.formerNames).toEqual(['North Contact Centre']);
    expect(renamed.code).toBe('RX1');
    expect(await portfolio.providers.get(north.id)).toEqual(renamed);
  });

  it('stamps only the name fields and writes one audit entry', async () => {
    const portfolio = await seeded();
    const north = await providerNamed(portfolio, 'North Contact Centre');
    const auditBefore = await portfolio.audit.count();
    const renamed = await renameProvider(portfolio, north.id, 'Alpha', testContext(manualWall(Date.UTC(2030, 0, 1))));
    expect(Object.keys(renamed.fieldClocks).sort()).toEqual(['formerNames', 'name']);
    expect(await portfolio.audit.count()).toBe(auditBefore + 1);
    const vector = await readVersionVector(portfolio);
    expect(Object.values(vector)).toContain(renamed.fieldClocks.name);
  });

  it('uses the stored former names, not a stale copy', async () => {
    const portfolio = await seeded();
    const north = await providerNamed(portfolio, 'North Contact Centre');
    await renameProvider(portfolio, north.id, 'Alpha', testContext());
    const again = await renameProvider(portfolio, north.id, 'Beta', testContext());
    expect(again.formerNames).toEqual(['North Contact Centre', 'Alpha']);
  });

  it('rejects a deleted provider with storage.notFound', async () => {
    const portfolio = await seeded();
    const failure = await rejection(renameProvider(portfolio, 'missing-id', 'Alpha', testContext()));
    expect(failure.appError.code).toBe('storage.notFound');
    expect(failure.appError.detail).toEqual({ table: 'providers', id: 'missing-id' });
  });
});

describe('saveServiceLevel', () => {
  it('updates expected and minimum of a level', async () => {
    const portfolio = await seeded();
    const north = await providerNamed(portfolio, 'North Contact Centre');
    const kpi = await portfolio.kpis.where('key').equals(answeredKpi.key).first();
    const level = (await portfolio.serviceLevels.toArray()).find((item) => item.providerId === north.id && item.kpiId === kpi?.id);
    if (kpi === undefined || level === undefined) throw new Error('seed has no level');

    const saved = await saveServiceLevel(
      portfolio,
      { providerId: north.id, kpiId: kpi.id, level },
      { expected: 97, minimum: 92 },
      testContext(),
    );
    expect(saved.id).toBe(level.id);
    expect(saved.expected).toBe(97);
    expect(saved.minimum).toBe(92);
    expect(saved.contractId).toBe(level.contractId);
    expect(await portfolio.serviceLevels.count()).toBe(4);
  });

  it('changes the breach count when the minimum moves', async () => {
    const portfolio = await seeded();
    const north = await providerNamed(portfolio, 'North Contact Centre');
    const kpi = await portfolio.kpis.where('key').equals(answeredKpi.key).first();
    const level = (await portfolio.serviceLevels.toArray()).find((item) => item.providerId === north.id && item.kpiId === kpi?.id);
    if (kpi === undefined || level === undefined) throw new Error('seed has no level');
    const breaches = async () =>
      listBreaches(
        await portfolio.providers.toArray(),
        await portfolio.kpis.toArray(),
        await portfolio.serviceLevels.toArray(),
        await portfolio.measurements.toArray(),
      ).rows.filter((row) => row.serviceLevelId === level.id).length;

    // North's answered results are 90.0%, 90.1% and 90.2%, so a minimum of 90.15 misses one month.
    expect(await breaches()).toBe(0);
    await saveServiceLevel(portfolio, { providerId: north.id, kpiId: kpi.id, level }, { expected: 95, minimum: 90.15 }, testContext());
    expect(await breaches()).toBe(2);
  });

  it('creates a level where none exists', async () => {
    db = await openTestDb();
    const portfolio = db;
    await applyImportPlan(portfolio, makePlan({ serviceLevels: [] }), testContext());
    const north = await providerNamed(portfolio, 'North Contact Centre');
    const kpi = await portfolio.kpis.where('key').equals(answeredKpi.key).first();
    if (kpi === undefined) throw new Error('seed has no KPI');

    const created = await saveServiceLevel(
      portfolio,
      { providerId: north.id, kpiId: kpi.id, level: null },
      { expected: 95, minimum: 90 },
      testContext(),
    );
    expect(created).toMatchObject({ providerId: north.id, kpiId: kpi.id, contractId: null, expected: 95, minimum: 90 });
    expect(await portfolio.serviceLevels.toArray()).toEqual([created]);
  });

  it('rejects a level deleted meanwhile', async () => {
    const portfolio = await seeded();
    const level = (await portfolio.serviceLevels.toArray())[0];
    if (level === undefined) throw new Error('seed has no level');
    await portfolio.serviceLevels.delete(level.id);
    const target = { providerId: level.providerId, kpiId: level.kpiId, level };
    const failure = await rejection(saveServiceLevel(portfolio, target, { expected: 90, minimum: 80 }, testContext()));
    expect(failure.appError.code).toBe('storage.notFound');
  });
});
