import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../../../shared/import/types';
import { compareHlc } from '../../../../shared/sync/hlc';
import { applyImportPlan } from '../../../../renderer/src/db/importMeasurements';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { getDeviceContext, openCatalogue } from '../../../../renderer/src/db/catalogue';
import { readSetting } from '../../../../renderer/src/db/catalogueDb';
import { openSessionClock } from '../../../../renderer/src/db/clockStore';
import { serviceLevelRepository } from '../../../../renderer/src/db/records';
import { failingWrites, freshName, makePlan, manualWall, months, openTestDb, rejection, testContext } from './factories';

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

async function open(...middleware: Parameters<typeof openTestDb>): Promise<PortfolioDb> {
  db = await openTestDb(...middleware);
  return db;
}

async function countAll(portfolio: PortfolioDb): Promise<Record<string, number>> {
  return {
    kpis: await portfolio.kpis.count(),
    providers: await portfolio.providers.count(),
    serviceLevels: await portfolio.serviceLevels.count(),
    measurements: await portfolio.measurements.count(),
    audit: await portfolio.audit.count(),
  };
}

describe('applyImportPlan into an empty portfolio', () => {
  it('creates KPIs, providers, levels and measurements', async () => {
    const portfolio = await open();
    await applyImportPlan(portfolio, makePlan(), testContext());
    // One entry for the file, and one for each KPI and provider the import added.
    expect(await countAll(portfolio)).toEqual({ kpis: 2, providers: 2, serviceLevels: 4, measurements: 12, audit: 5 });
  });

  it('returns the counts in the summary', async () => {
    const portfolio = await open();
    const summary = await applyImportPlan(portfolio, makePlan(), testContext());
    expect(summary.added).toEqual({ kpis: 2, providers: 2, serviceLevels: 4, measurements: 12 });
    expect(summary.changed).toEqual({ kpis: 0, providers: 0, serviceLevels: 0, measurements: 0 });
    expect(summary.unchanged).toEqual({ kpis: 0, providers: 0, serviceLevels: 0, measurements: 0 });
    expect(summary.rows).toBe(6);
  });

  it('adds one import audit entry for the file', async () => {
    const portfolio = await open();
    const summary = await applyImportPlan(portfolio, makePlan(), testContext());
    const entries = (await portfolio.audit.toArray()).filter((entry) => entry.recordId === null);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.kind).toBe('import');
    expect(entries[0]?.importSummary).toEqual(summary);
    expect(entries[0]?.table).toBeNull();
  });

  it('adds one import entry per provider and KPI', async () => {
    const portfolio = await open();
    await applyImportPlan(portfolio, makePlan(), testContext());
    const entries = (await portfolio.audit.toArray()).filter((entry) => entry.recordId !== null);
    const providerIds = (await portfolio.providers.toArray()).map((provider) => provider.id).sort();
    const providerEntries = entries.filter((entry) => entry.table === 'providers');

    expect(entries.every((entry) => entry.kind === 'import' && entry.importSummary?.fileName === 'calls.csv')).toBe(true);
    expect(providerEntries.map((entry) => entry.recordId).sort()).toEqual(providerIds);
    expect(entries.filter((entry) => entry.table === 'kpis')).toHaveLength(2);
    expect(entries.filter((entry) => entry.table === 'measurements')).toHaveLength(0);
  });

  it('stamps every new record with the audit entry clock', async () => {
    const portfolio = await open();
    await applyImportPlan(portfolio, makePlan(), testContext());
    const [entry] = await portfolio.audit.toArray();
    const clocks = new Set((await portfolio.measurements.toArray()).map((measurement) => measurement.clock));
    expect([...clocks]).toEqual([entry?.clock]);
  });

  it('stores value, ratio parts and source file', async () => {
    const portfolio = await open();
    await applyImportPlan(portfolio, makePlan({ fileName: 'march.csv' }), testContext());
    const north = await portfolio.providers.where('code').equals('RX1').first();
    const kpi = await portfolio.kpis.where('key').equals('test.answeredWithin60s').first();
    const january = await portfolio.measurements.where('[providerId+kpiId+period]').equals([north!.id, kpi!.id, '2025-01']).first();
    expect(january).toMatchObject({ value: 90, numerator: 900, denominator: 1000, sourceFile: 'march.csv' });
  });
});

describe('applyImportPlan twice', () => {
  it('changes nothing the second time', async () => {
    const portfolio = await open();
    const context = testContext();
    await applyImportPlan(portfolio, makePlan(), context);
    const before = await portfolio.measurements.toArray();
    const second = await applyImportPlan(portfolio, makePlan(), context);

    expect(second.added).toEqual({ kpis: 0, providers: 0, serviceLevels: 0, measurements: 0 });
    expect(second.changed).toEqual({ kpis: 0, providers: 0, serviceLevels: 0, measurements: 0 });
    expect(second.unchanged).toEqual({ kpis: 2, providers: 2, serviceLevels: 4, measurements: 12 });
    expect(await portfolio.measurements.toArray()).toEqual(before);
    expect(await portfolio.audit.count()).toBe(5);
  });

  it('renamed file with the same results changes nothing', async () => {
    const portfolio = await open();
    const context = testContext();
    await applyImportPlan(portfolio, makePlan({ fileName: 'march.csv' }), context);
    const second = await applyImportPlan(portfolio, makePlan({ fileName: 'march-copy.csv' }), context);

    expect(second.changed.measurements).toBe(0);
    expect(second.unchanged.measurements).toBe(12);
    expect(new Set((await portfolio.measurements.toArray()).map((measurement) => measurement.sourceFile))).toEqual(new Set(['march.csv']));
  });

  it('issues no clock the second time', async () => {
    const portfolio = await open();
    const context = testContext();
    let ticks = 0;
    const counting = {
      ...context,
      tick: () => {
        ticks += 1;
        return context.tick();
      },
    };
    await applyImportPlan(portfolio, makePlan(), counting);
    const afterFirst = ticks;
    await applyImportPlan(portfolio, makePlan(), counting);
    expect(afterFirst).toBe(1);
    expect(ticks).toBe(1);
  });

  it('restamps the whole reading of a changed result', async () => {
    const portfolio = await open();
    const context = testContext(manualWall());
    await applyImportPlan(portfolio, makePlan(), context);
    const revised = makePlan({
      numerator: (provider, period, kpi) => (provider === 0 && period === 0 && kpi === 0 ? 950 : 900 + provider * 10 + period + kpi),
    });
    const summary = await applyImportPlan(portfolio, revised, context);

    expect(summary.changed.measurements).toBe(1);
    const changed = (await portfolio.measurements.toArray()).filter((measurement) => Object.keys(measurement.fieldClocks).length > 0);
    expect(changed).toHaveLength(1);
    // Numerator, denominator, result and source file travel together (`fieldGroups.ts`).
    expect(Object.keys(changed[0]!.fieldClocks).sort()).toEqual(['denominator', 'numerator', 'sourceFile', 'value']);
    expect(compareHlc(changed[0]!.fieldClocks.value!, changed[0]!.clock)).toBeGreaterThan(0);
  });

  it('adds only the new months of a longer file', async () => {
    const portfolio = await open();
    const context = testContext();
    await applyImportPlan(portfolio, makePlan({ periods: months(3) }), context);
    const summary = await applyImportPlan(portfolio, makePlan({ periods: months(4) }), context);
    expect(summary.added.measurements).toBe(4);
    expect(summary.changed.measurements).toBe(0);
    expect(await portfolio.measurements.count()).toBe(16);
  });
});

describe('applyImportPlan with the catalogue device context', () => {
  it('stamps the device id and saves the import clock', async () => {
    const portfolio = await open();
    const catalogue = await openCatalogue(freshName('catalogue'));
    try {
      const context = await getDeviceContext(catalogue);
      await applyImportPlan(portfolio, makePlan(), context);
      const [entry] = await portfolio.audit.toArray();
      expect(entry?.deviceId).toBe(context.deviceId);
      await (await openSessionClock(catalogue)).flush();
      expect(await readSetting(catalogue, 'lastClock')).toBe(entry?.clock);
    } finally {
      catalogue.close();
    }
  });
});

describe('applyImportPlan with renamed providers', () => {
  it('keeps a renamed provider as one provider', async () => {
    const portfolio = await open();
    const context = testContext();
    await applyImportPlan(portfolio, makePlan({ providers: [{ code: 'RX1', name: 'North Contact Centre' }], periods: months(2) }), context);
    const later = makePlan({ providers: [{ code: 'RX1', name: 'North Hub' }], periods: months(3, 2026) });
    const summary = await applyImportPlan(portfolio, later, context);

    const providers = await portfolio.providers.toArray();
    expect(providers).toHaveLength(1);
    expect(providers[0]?.name).toBe('North Hub');
    expect(providers[0]?.formerNames).toEqual(['North Contact Centre']);
    expect(summary.changed.providers).toBe(1);
  });

  it('restamps only the name fields of a renamed provider', async () => {
    const portfolio = await open();
    const context = testContext();
    await applyImportPlan(portfolio, makePlan({ providers: [{ code: 'RX1', name: 'North Contact Centre' }] }), context);
    await applyImportPlan(portfolio, makePlan({ providers: [{ code: 'RX1', name: 'North Hub' }], periods: months(1, 2026) }), context);
    const [provider] = await portfolio.providers.toArray();
    expect(Object.keys(provider!.fieldClocks).sort()).toEqual(['formerNames', 'name']);
  });

  it('keeps the newer name when an older file is imported', async () => {
    const portfolio = await open();
    const context = testContext();
    await applyImportPlan(portfolio, makePlan({ providers: [{ code: 'RX1', name: 'North Hub' }], periods: months(2, 2026) }), context);
    await applyImportPlan(
      portfolio,
      makePlan({ providers: [{ code: 'RX1', name: 'North Contact Centre' }], periods: months(2, 2025) }),
      context,
    );
    const [provider] = await portfolio.providers.toArray();
    expect(provider?.name).toBe('North Hub');
    expect(provider?.formerNames).toEqual(['North Contact Centre']);
  });

  it('matches providers by name when the file has no codes', async () => {
    const portfolio = await open();
    const context = testContext();
    const codeless = [{ code: null, name: 'North Contact Centre' }];
    await applyImportPlan(portfolio, makePlan({ providers: codeless }), context);
    const summary = await applyImportPlan(portfolio, makePlan({ providers: codeless, periods: months(4) }), context);
    expect(await portfolio.providers.count()).toBe(1);
    expect(summary.added.measurements).toBe(2);
  });

  it('finds a codeless provider by a former name', async () => {
    const portfolio = await open();
    const context = testContext();
    await applyImportPlan(portfolio, makePlan({ providers: [{ code: null, name: 'Old Name' }] }), context);
    const renamed = makePlan({ providers: [{ code: null, name: 'New Name', formerNames: ['Old Name'] }], periods: months(1, 2026) });
    await applyImportPlan(portfolio, renamed, context);
    const providers = await portfolio.providers.toArray();
    expect(providers.map((provider) => provider.name)).toEqual(['New Name']);
    expect(providers[0]?.formerNames).toEqual(['Old Name']);
  });

  it('keeps two providers with different codes apart', async () => {
    const portfolio = await open();
    const context = testContext();
    await applyImportPlan(portfolio, makePlan({ providers: [{ code: 'RX1', name: 'Same Name' }] }), context);
    await applyImportPlan(portfolio, makePlan({ providers: [{ code: 'RX2', name: 'Same Name' }] }), context);
    expect(await portfolio.providers.count()).toBe(2);
  });
});

describe('applyImportPlan and service levels', () => {
  it('leaves a level the user changed as it is', async () => {
    const portfolio = await open();
    const context = testContext();
    await applyImportPlan(portfolio, makePlan(), context);
    const level = await portfolio.serviceLevels.toCollection().first();
    await serviceLevelRepository.update(portfolio, level!.id, { expected: 97 }, context);
    await applyImportPlan(portfolio, makePlan({ periods: months(4) }), context);
    expect((await portfolio.serviceLevels.get(level!.id))?.expected).toBe(97);
    expect(await portfolio.serviceLevels.count()).toBe(4);
  });

  it('adds levels for a provider met for the first time', async () => {
    const portfolio = await open();
    const context = testContext();
    await applyImportPlan(portfolio, makePlan({ providers: [{ code: 'RX1', name: 'North' }] }), context);
    const summary = await applyImportPlan(
      portfolio,
      makePlan({
        providers: [
          { code: 'RX1', name: 'North' },
          { code: 'RX3', name: 'East' },
        ],
      }),
      context,
    );
    expect(summary.added.serviceLevels).toBe(2);
  });
});

describe('applyImportPlan rejections', () => {
  const blocked: ImportPlan = makePlan({
    issues: [{ severity: 'error', code: 'csv.invalidNumber', row: 4, column: 'Calls answered', detail: { value: 'n/a' } }],
  });

  it('rejects a plan with error issues', async () => {
    const portfolio = await open();
    const failure = await rejection(applyImportPlan(portfolio, blocked, testContext()));
    expect(failure.appError.code).toBe('csv.invalidNumber');
    expect(failure.appError.detail).toMatchObject({ file: 'calls.csv', row: 4, column: 'Calls answered', value: 'n/a', errorCount: 1 });
    expect(await countAll(portfolio)).toEqual({ kpis: 0, providers: 0, serviceLevels: 0, measurements: 0, audit: 0 });
  });

  it('rejects a plan whose counted errors were not listed', async () => {
    const portfolio = await open();
    const plan = makePlan();
    const truncated: ImportPlan = { ...plan, issueCounts: { errors: 3, warnings: 0 } };
    const failure = await rejection(applyImportPlan(portfolio, truncated, testContext()));
    expect(failure.appError.detail).toMatchObject({ file: 'calls.csv', errorCount: 3 });
    expect(await portfolio.measurements.count()).toBe(0);
  });

  it('writes a plan that has only warnings', async () => {
    const portfolio = await open();
    const warned = makePlan({ issues: [{ severity: 'warning', code: 'csv.emptyValue', row: 3, column: 'Calls', detail: {} }] });
    const summary = await applyImportPlan(portfolio, warned, testContext());
    expect(summary.added.measurements).toBe(12);
  });

  it('rejects duplicate rows with csv.duplicateRow', async () => {
    const portfolio = await open();
    const plan = makePlan();
    const duplicated: ImportPlan = { ...plan, measurements: [...plan.measurements, { ...plan.measurements[0]!, row: 99 }] };
    const failure = await rejection(applyImportPlan(portfolio, duplicated, testContext()));
    expect(failure.appError.code).toBe('csv.duplicateRow');
    expect(failure.appError.detail).toMatchObject({ row: 99, firstRow: 2 });
  });

  it('rejects a row whose provider is not planned', async () => {
    const portfolio = await open();
    const plan = makePlan();
    const stray: ImportPlan = { ...plan, measurements: [{ ...plan.measurements[0]!, providerCode: 'ZZZ', row: 50 }] };
    const failure = await rejection(applyImportPlan(portfolio, stray, testContext()));
    expect(failure.appError.code).toBe('unexpected');
    expect(failure.appError.detail).toMatchObject({ row: 50, provider: 'ZZZ' });
  });

  it('rolls back everything when the last bulk write fails', async () => {
    const portfolio = await open(failingWrites('measurements'));
    const failure = await rejection(applyImportPlan(portfolio, makePlan(), testContext()));
    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(failure.appError.detail).toEqual({ file: 'calls.csv' });
    expect(await countAll(portfolio)).toEqual({ kpis: 0, providers: 0, serviceLevels: 0, measurements: 0, audit: 0 });
  });

  it('rolls back everything when the audit write fails', async () => {
    const portfolio = await open(failingWrites('audit', 'UnknownError'));
    const failure = await rejection(applyImportPlan(portfolio, makePlan(), testContext()));
    expect(failure.appError.code).toBe('storage.writeFailed');
    expect(await portfolio.measurements.count()).toBe(0);
    expect(await portfolio.providers.count()).toBe(0);
  });
});
