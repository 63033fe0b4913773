/** Writing XLSX import plans: a workbook with errors writes nothing, a clean one writes once. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyImportPlan } from '../../../../renderer/src/db/importMeasurements';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { nhs111Preset } from '../../../../shared/import/presets/nhs111';
import { planOf, scorecardPreset, tableOf, workbookOf } from '../src/features/import/workbookKit';
import { openTestDb, rejection, testContext } from './factories';

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

async function countAll(portfolio: PortfolioDb): Promise<number[]> {
  return [
    await portfolio.kpis.count(),
    await portfolio.providers.count(),
    await portfolio.serviceLevels.count(),
    await portfolio.measurements.count(),
    await portfolio.audit.count(),
  ];
}

describe('applyImportPlan with workbooks', () => {
  it('writes nothing for errors.xlsx', async () => {
    db = await openTestDb();
    const plan = planOf(tableOf(await workbookOf('errors.xlsx')), scorecardPreset);
    const failure = await rejection(applyImportPlan(db, plan, testContext()));
    expect(failure.appError.detail).toMatchObject({ file: 'errors.xlsx', errorCount: 5 });
    expect(await countAll(db)).toEqual([0, 0, 0, 0, 0]);
  });

  it('writes nhs_like.xlsx in its months', async () => {
    db = await openTestDb();
    const plan = planOf(tableOf(await workbookOf('nhs_like.xlsx')), nhs111Preset);
    const summary = await applyImportPlan(db, plan, testContext());
    expect(summary.added.measurements).toBe(28);
    const periods = [...new Set((await db.measurements.toArray()).map((measurement) => measurement.period))].sort();
    expect(periods).toEqual(['2015-04', '2015-05', '2015-06']);
  });
});
