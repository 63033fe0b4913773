import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Measurement } from '../../../../shared/domain/types';
import { AppFailure } from '../../../../shared/errors';
import { saveMeasurementCells } from '../../../../renderer/src/db/measurementsGrid';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { insertRecord } from '../../../../renderer/src/db/repository';
import { failingWrites, openTestDb, rejection, testContext } from './factories';

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

const providerId = 'provider-1';
const kpiId = 'kpi-answered';

/** Opens a database with three stored months of one ratio KPI: Jan, Feb and Mar 2025. */
async function openWithMonths(...middleware: Parameters<typeof openTestDb>): Promise<{ portfolio: PortfolioDb; stored: Measurement[] }> {
  const portfolio = await openTestDb(...middleware);
  db = portfolio;
  const context = testContext();
  const stored: Measurement[] = [];
  for (const [period, numerator] of [
    ['2025-01', 950],
    ['2025-02', 930],
    ['2025-03', 910],
  ] as const) {
    stored.push(
      await insertRecord(
        portfolio,
        'measurements',
        { providerId, kpiId, period, value: numerator / 10, numerator, denominator: 1000, sourceFile: 'calls.csv' },
        context,
      ),
    );
  }
  return { portfolio, stored };
}

async function byPeriod(portfolio: PortfolioDb): Promise<Map<string, Measurement>> {
  const all = await portfolio.measurements.toArray();
  return new Map(all.map((measurement) => [measurement.period, measurement]));
}

describe('saveMeasurementCells', () => {
  it('adds, changes and deletes in one save', async () => {
    const { portfolio } = await openWithMonths();
    const summary = await saveMeasurementCells(
      portfolio,
      [
        { providerId, kpiId, period: '2025-01', value: 96.5 },
        { providerId, kpiId, period: '2025-02', value: null },
        { providerId, kpiId, period: '2025-04', value: 88 },
      ],
      testContext(),
    );
    expect(summary).toEqual({ added: 1, changed: 1, deleted: 1, unchanged: 0 });

    const months = await byPeriod(portfolio);
    expect([...months.keys()].sort()).toEqual(['2025-01', '2025-03', '2025-04']);
    expect(months.get('2025-04')?.value).toBe(88);
    expect(months.get('2025-04')?.sourceFile).toBeNull();
  });

  it('clears numerator and denominator of a changed ratio', async () => {
    const { portfolio } = await openWithMonths();
    await saveMeasurementCells(portfolio, [{ providerId, kpiId, period: '2025-01', value: 96.5 }], testContext());
    const january = (await byPeriod(portfolio)).get('2025-01');
    expect(january?.value).toBe(96.5);
    expect(january?.numerator).toBeNull();
    expect(january?.denominator).toBeNull();
    expect(january?.sourceFile).toBeNull();
  });

  it('deletes an emptied cell, never stores 0', async () => {
    const { portfolio, stored } = await openWithMonths();
    const february = stored[1];
    await saveMeasurementCells(portfolio, [{ providerId, kpiId, period: '2025-02', value: null }], testContext());
    expect(await portfolio.measurements.get(february?.id ?? '')).toBeUndefined();
    const tombstone = await portfolio.tombstones.get(february?.id ?? '');
    expect(tombstone?.table).toBe('measurements');
    expect((await portfolio.measurements.toArray()).some((measurement) => measurement.value === 0)).toBe(false);
  });

  it('writes nothing for unchanged cells', async () => {
    const { portfolio, stored } = await openWithMonths();
    const auditBefore = await portfolio.audit.count();
    const summary = await saveMeasurementCells(
      portfolio,
      [
        { providerId, kpiId, period: '2025-01', value: 95 },
        { providerId, kpiId, period: '2025-05', value: null },
      ],
      testContext(),
    );
    expect(summary).toEqual({ added: 0, changed: 0, deleted: 0, unchanged: 2 });
    expect(await portfolio.audit.count()).toBe(auditBefore);
    const january = (await byPeriod(portfolio)).get('2025-01');
    expect(january).toEqual(stored[0]);
  });

  it('adds one audit entry per written cell', async () => {
    const { portfolio } = await openWithMonths();
    const auditBefore = await portfolio.audit.count();
    await saveMeasurementCells(
      portfolio,
      [
        { providerId, kpiId, period: '2025-01', value: 90 },
        { providerId, kpiId, period: '2025-03', value: null },
        { providerId, kpiId, period: '2025-06', value: 80 },
      ],
      testContext(),
    );
    const entries = (await portfolio.audit.toArray()).slice(auditBefore);
    expect(entries.map((entry) => entry.kind).sort()).toEqual(['delete', 'insert', 'write']);
    const change = entries.find((entry) => entry.kind === 'write' && entry.changes.value?.old === 95);
    expect(change?.changes.value).toEqual({ old: 95, new: 90 });
  });

  it('writes nothing when one write fails', async () => {
    const { portfolio } = await openWithMonths(failingWrites('tombstones'));
    const before = await portfolio.measurements.toArray();
    const auditBefore = await portfolio.audit.count();
    const failure = await rejection(
      saveMeasurementCells(
        portfolio,
        [
          { providerId, kpiId, period: '2025-01', value: 90 },
          { providerId, kpiId, period: '2025-04', value: 80 },
          { providerId, kpiId, period: '2025-02', value: null },
        ],
        testContext(),
      ),
    );
    expect(failure).toBeInstanceOf(AppFailure);
    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(await portfolio.measurements.toArray()).toEqual(before);
    expect(await portfolio.audit.count()).toBe(auditBefore);
  });

  it('rejects a cell listed twice before writing', async () => {
    const { portfolio } = await openWithMonths();
    const edits = [
      { providerId, kpiId, period: '2025-04', value: 80 },
      { providerId, kpiId, period: '2025-04', value: 81 },
    ];
    await expect(saveMeasurementCells(portfolio, edits, testContext())).rejects.toThrow(RangeError);
    expect(await portfolio.measurements.count()).toBe(3);
  });

  it('rejects a non-finite value before writing', async () => {
    const { portfolio } = await openWithMonths();
    await expect(
      saveMeasurementCells(portfolio, [{ providerId, kpiId, period: '2025-04', value: Number.NaN }], testContext()),
    ).rejects.toThrow(RangeError);
    expect(await portfolio.measurements.count()).toBe(3);
  });
});
