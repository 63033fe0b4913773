import { contractGovernanceDefaults } from '../../../../shared/domain/profileDefaults';
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyImportPlan } from '../../../../renderer/src/db/importMeasurements';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import {
  listAudit,
  listContracts,
  listKpis,
  listMeasurements,
  listProviders,
  listRecordAudit,
  listServiceLevels,
} from '../../../../renderer/src/db/queries';
import { contractRepository, providerRepository } from '../../../../renderer/src/db/records';
import { makePlan, manualWall, months, openTestDb, testContext } from './factories';

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

/** Opens a portfolio with two providers, two KPIs and three months, imported with the periods shuffled. */
async function seeded(): Promise<PortfolioDb> {
  db = await openTestDb();
  const periods = months(3);
  await applyImportPlan(db, makePlan({ periods: [periods[2]!, periods[0]!, periods[1]!] }), testContext());
  return db;
}

describe('queries', () => {
  it('listProviders returns providers by name', async () => {
    const portfolio = await seeded();
    expect((await listProviders(portfolio)).map((provider) => provider.name)).toEqual(['North Contact Centre', 'South Contact Centre']);
  });

  it('listKpis returns KPIs by name', async () => {
    const portfolio = await seeded();
    expect((await listKpis(portfolio)).map((kpi) => kpi.name)).toEqual(['Calls abandoned', 'Calls answered within 60 seconds']);
  });

  it('listMeasurements of one provider returns its rows by period', async () => {
    const portfolio = await seeded();
    const [north] = await listProviders(portfolio);
    const rows = await listMeasurements(portfolio, north!.id);
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.providerId === north!.id)).toBe(true);
    expect(rows.map((row) => row.period)).toEqual(['2025-01', '2025-01', '2025-02', '2025-02', '2025-03', '2025-03']);
  });

  it('listMeasurements without a provider returns all rows', async () => {
    const portfolio = await seeded();
    expect(await listMeasurements(portfolio)).toHaveLength(12);
  });

  it('listServiceLevels of one provider returns only its levels', async () => {
    const portfolio = await seeded();
    const [, south] = await listProviders(portfolio);
    const levels = await listServiceLevels(portfolio, south!.id);
    expect(levels).toHaveLength(2);
    expect(levels.every((level) => level.providerId === south!.id)).toBe(true);
  });

  it('listServiceLevels without a provider returns all levels', async () => {
    const portfolio = await seeded();
    expect(await listServiceLevels(portfolio)).toHaveLength(4);
  });

  it('listContracts of one provider returns its contracts by title', async () => {
    const portfolio = await seeded();
    const [north, south] = await listProviders(portfolio);
    const context = testContext();
    const contract = {
      startDate: '2025-01-01',
      endDate: null,
      currency: 'GBP',
      annualValueMinor: null,
      monthlyChargesMinor: null,
      atRiskPercent: null,
      ...contractGovernanceDefaults,
    };
    await contractRepository.insert(portfolio, { ...contract, providerId: north!.id, title: 'Out of hours' }, context);
    await contractRepository.insert(portfolio, { ...contract, providerId: north!.id, title: 'Core hours' }, context);
    await contractRepository.insert(portfolio, { ...contract, providerId: south!.id, title: 'South' }, context);
    expect((await listContracts(portfolio, north!.id)).map((item) => item.title)).toEqual(['Core hours', 'Out of hours']);
  });

  it('listAudit returns the newest entry first', async () => {
    const portfolio = await seeded();
    const wall = manualWall(Date.UTC(2030, 0, 1));
    const [north] = await listProviders(portfolio);
    await providerRepository.update(portfolio, north!.id, { name: 'North Hub' }, testContext(wall));
    const entries = await listAudit(portfolio);
    expect(entries[0]?.kind).toBe('write');
    // The seeded import wrote one entry for the file and one for each KPI and provider it added.
    expect(entries.slice(1).every((entry) => entry.kind === 'import')).toBe(true);
    expect(entries.filter((entry) => entry.table === null)).toHaveLength(1);
  });

  it('listAudit stops at the limit', async () => {
    const portfolio = await seeded();
    const [north] = await listProviders(portfolio);
    await providerRepository.update(portfolio, north!.id, { name: 'North Hub' }, testContext());
    expect(await listAudit(portfolio, 1)).toHaveLength(1);
  });

  it('listRecordAudit returns the entries of one record', async () => {
    const portfolio = await seeded();
    const [north] = await listProviders(portfolio);
    const context = testContext();
    await providerRepository.update(portfolio, north!.id, { name: 'North Hub' }, context);
    await providerRepository.update(portfolio, north!.id, { name: 'North Hub 2' }, context);
    const entries = await listRecordAudit(portfolio, north!.id);
    expect(entries.map((entry) => entry.kind)).toEqual(['write', 'write', 'import']);
    // The oldest entry is the seeded import that added the provider under its first name.
    expect(entries.map((entry) => entry.changes.name?.new)).toEqual(['North Hub 2', 'North Hub', north!.name]);
  });
});
