import { describe, expect, test } from 'vitest';
import { buildProviderRows, filterProviderRows, levelledKpis } from '../../../../../../renderer/src/features/portfolio/providerRows';
import type { PortfolioData } from '../../../../../../renderer/src/features/portfolio/usePortfolioData';
import { makeKpi, makeMeasurement, makeProvider, makeServiceLevel } from '../../../../shared/domain/factories';

const answered = makeKpi('answered', { key: 'test.answered' });
const abandoned = makeKpi('abandoned', { key: 'test.abandoned', direction: 'lowerIsBetter' });
const reported = makeKpi('reported', { key: 'test.reported' });
const north = { ...makeProvider('north', 'North NHS 111', '111AF5'), formerNames: ['North West NHS 111'] };
const south = makeProvider('south', 'South NHS 111', '111AA2');

const data: PortfolioData = {
  providers: [north, south],
  kpis: [reported, answered, abandoned],
  serviceLevels: [
    makeServiceLevel('north-answered', 'north', 'answered', 95),
    makeServiceLevel('north-abandoned', 'north', 'abandoned', 5),
    makeServiceLevel('south-answered', 'south', 'answered', 95),
  ],
  measurements: [
    makeMeasurement('north', 'answered', '2015-04', 90, { numerator: 90, denominator: 100 }),
    makeMeasurement('north', 'answered', '2015-05', 99, { numerator: 297, denominator: 300 }),
    makeMeasurement('north', 'answered', '2015-06', null),
    makeMeasurement('north', 'abandoned', '2015-04', 6, { numerator: 6, denominator: 100 }),
    makeMeasurement('north', 'reported', '2015-04', 50, { numerator: 1, denominator: 2 }),
    makeMeasurement('south', 'answered', '2015-04', 96, { numerator: 96, denominator: 100 }),
  ],
};

describe('levelledKpis', () => {
  test('keeps KPIs with a level, sorted by key', () => {
    expect(levelledKpis(data).map((kpi) => kpi.id)).toEqual(['abandoned', 'answered']);
  });
});

describe('buildProviderRows', () => {
  const rows = buildProviderRows(data);
  const northRow = rows.find((row) => row.id === 'north')!;
  const southRow = rows.find((row) => row.id === 'south')!;

  test('latest month skips a month without data', () => {
    expect(northRow.byKpi.get('answered')?.latestPeriod).toBe('2015-05');
    expect(northRow.byKpi.get('answered')?.latestValue).toBe(99);
  });

  test('whole period is the ratio of sums', () => {
    // (90 + 297) / (100 + 300), not the mean of 90% and 99%.
    expect(northRow.byKpi.get('answered')?.wholePeriodValue).toBeCloseTo(96.75, 10);
  });

  test('months missed counts each direction', () => {
    expect(northRow.byKpi.get('answered')?.monthsBelowMinimum).toBe(1);
    expect(northRow.byKpi.get('abandoned')?.monthsBelowMinimum).toBe(1);
    expect(northRow.totalMonthsBelowMinimum).toBe(2);
  });

  test('reported KPI has no column', () => {
    expect(northRow.byKpi.has('reported')).toBe(false);
  });

  test('provider without a level has no cell', () => {
    expect(southRow.byKpi.has('abandoned')).toBe(false);
    expect(southRow.totalMonthsBelowMinimum).toBe(0);
  });

  test('search text holds code and former names', () => {
    expect(northRow.searchText).toContain('111AF5');
    expect(northRow.searchText).toContain('North West NHS 111');
  });
});

describe('filterProviderRows', () => {
  const rows = buildProviderRows(data);

  test('search matches code in any case', () => {
    expect(filterProviderRows(rows, '111af5', 'all').map((row) => row.id)).toEqual(['north']);
  });

  test('search matches a former name', () => {
    expect(filterProviderRows(rows, 'north west', 'all').map((row) => row.id)).toEqual(['north']);
  });

  test('breached filter keeps providers with misses', () => {
    expect(filterProviderRows(rows, '', 'breached').map((row) => row.id)).toEqual(['north']);
  });

  test('met filter keeps providers without misses', () => {
    expect(filterProviderRows(rows, '', 'met').map((row) => row.id)).toEqual(['south']);
  });

  test('blank search keeps every row', () => {
    expect(filterProviderRows(rows, '   ', 'all')).toHaveLength(2);
  });
});
