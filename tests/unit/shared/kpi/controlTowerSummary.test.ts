import { providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import { describe, expect, it } from 'vitest';
import type { Escalation } from '../../../../shared/domain/escalation';
import { listBreaches } from '../../../../shared/domain/kpiBreaches';
import type { Measurement, Provider, ServiceLevel, ServiceLevelData } from '../../../../shared/domain/types';
import {
  buildHeatmap,
  buildStatusBoard,
  countOpenEscalations,
  summarizeQuarterCredits,
  trackLevels,
} from '../../../../shared/kpi/controlTower';
import { rankInsights } from '../../../../shared/kpi/controlTowerInsights';
import { packHeatmap } from '../../../../shared/kpi/controlTowerPackedHeatmap';
import { breachRowLimit, buildControlTowerSummary, defaultSelection } from '../../../../shared/kpi/controlTowerSummary';
import type { ControlTowerSummaryInput } from '../../../../shared/kpi/controlTowerSummary';
import { computePortfolioCredits } from '../../../../shared/kpi/credits';
import { makeContract, makeKpi, makeLevel, makeMeasurement } from './creditsFixtures';

const syncFields = { clock: '0000000000000-0000-test', fieldClocks: {} } as const;
const today = '2016-07-10';

function provider(id: string, name: string): Provider {
  return { ...syncFields, id, code: null, name, formerNames: [], ...providerProfileDefaults };
}

function level(id: string, providerId: string, kpiId: string, data: Partial<ServiceLevelData> = {}): ServiceLevel {
  return makeLevel(id, kpiId, { providerId, contractId: `contract-${providerId}`, ...data });
}

function month(providerId: string, kpiId: string, period: string, value: number | null): Measurement {
  return { ...makeMeasurement(kpiId, period, value), providerId };
}

function escalation(id: string, providerId: string, serviceLevelId: string, level: 1 | 2 | 3, dueDate: string): Escalation {
  return {
    ...syncFields,
    id,
    providerId,
    serviceLevelId,
    openedPeriod: '2016-05',
    level,
    status: 'open',
    owner: '',
    dueDate,
    openedAt: '2016-06-01T09:00:00.000Z',
  };
}

const answered = makeKpi('answered');
const abandoned = makeKpi('abandoned', 'lowerIsBetter');

/** Two providers, two KPIs, one critical level each and one reported level, six months with misses. */
function portfolio(): ControlTowerSummaryInput {
  const providers = [provider('p-a', 'Alpha'), provider('p-b', 'Bravo')];
  const serviceLevels = [
    level('l-a1', 'p-a', 'answered', { expected: 96, minimum: 95 }),
    level('l-a2', 'p-a', 'abandoned', { expected: 2, minimum: 5, critical: false }),
    level('l-b1', 'p-b', 'answered', { expected: 96, minimum: 95 }),
  ];
  const periods = ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06'];
  const measurements = [
    ...periods.map((period, index) => month('p-a', 'answered', period, 90 + index)),
    ...periods.map((period) => month('p-a', 'abandoned', period, 4)),
    // Bravo has no result in June: a gap, not a miss.
    ...periods.slice(0, 5).map((period) => month('p-b', 'answered', period, 97)),
  ];
  const contracts = [
    makeContract({ id: 'contract-p-a', providerId: 'p-a', title: 'Alpha services' }),
    makeContract({ id: 'contract-p-b', providerId: 'p-b', title: 'Bravo services' }),
  ];
  const escalations = [escalation('e1', 'p-a', 'l-a1', 2, '2016-07-01'), escalation('e2', 'p-a', 'l-a1', 1, '2016-08-01')];
  return { providers, kpis: [answered, abandoned], serviceLevels, measurements, contracts, escalations, today };
}

describe('buildControlTowerSummary', () => {
  const input = portfolio();
  const summary = buildControlTowerSummary(input, defaultSelection);
  const tracked = trackLevels('critical', input.serviceLevels, input.kpis, input.measurements);

  it('defaults to critical scope and latest month', () => {
    expect(summary.scope).toBe('critical');
    expect(summary.reportingMonth).toBe('2016-06');
    expect(summary.months).toEqual(['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06']);
    expect(summary.trackedLevels).toBe(2);
  });

  it('defaults to all scope without critical levels', () => {
    const reported = input.serviceLevels.map((entry) => ({ ...entry, critical: false }));
    const all = buildControlTowerSummary({ ...input, serviceLevels: reported }, defaultSelection);
    expect(all.scope).toBe('all');
    expect(all.trackedLevels).toBe(3);
  });

  it('board and heatmap match their builders', () => {
    expect(summary.board).toEqual(
      buildStatusBoard(
        tracked,
        input.providers.map(({ id, name }) => ({ id, name })),
        '2016-06',
      ),
    );
    expect(summary.heatmap).toEqual(
      packHeatmap(
        buildHeatmap(
          tracked,
          input.providers.map(({ id, name }) => ({ id, name })),
          '2016-06',
        ),
      ),
    );
  });

  it('quarter credits match the credits ledger', () => {
    const credits = computePortfolioCredits(input.contracts, input.serviceLevels, input.kpis, input.measurements);
    expect(summary.quarterCredits).toEqual(summarizeQuarterCredits(credits.values(), '2016-06'));
    expect(summary.quarterCredits?.totals.length).toBeGreaterThan(0);
  });

  it('escalation counts use today', () => {
    expect(summary.escalationCounts).toEqual(countOpenEscalations(input.escalations, today));
    expect(summary.escalationCounts.overdue).toBe(1);
  });

  it('insights match rankInsights', () => {
    const providers = input.providers.map(({ id, name }) => ({ id, name }));
    expect(summary.insights.length).toBeGreaterThan(0);
    expect(summary.insights).toEqual(
      rankInsights({ tracked, providers, reportingMonth: '2016-06', escalations: input.escalations, today, deadlines: [] }),
    );
  });

  it('lists KPIs with levels, most first', () => {
    expect(summary.comparisonKpis.map((choice) => [choice.kpi.id, choice.levelCount])).toEqual([
      ['answered', 2],
      ['abandoned', 1],
    ]);
  });

  it('breach totals match listBreaches', () => {
    const breaches = listBreaches(input.providers, input.kpis, input.serviceLevels, input.measurements);
    expect(summary.breaches.total).toBe(breaches.rows.length);
    expect(summary.breaches.rows).toEqual(breaches.rows);
    expect(summary.breaches.countByKpi).toEqual([...breaches.countByKpi]);
    expect(summary.breaches.countByProvider).toEqual([...breaches.countByProvider]);
  });

  it('counts measured months of levelled pairs', () => {
    expect(summary.breaches.measuredMonths).toBe(17);
  });

  it('survives a structured clone unchanged', () => {
    expect(structuredClone(summary)).toEqual(summary);
  });

  it('honours a chosen scope and month', () => {
    const chosen = buildControlTowerSummary(input, { scope: 'all', month: '2016-03' });
    expect(chosen.scope).toBe('all');
    expect(chosen.reportingMonth).toBe('2016-03');
    expect(chosen.board?.period).toBe('2016-03');
    expect(chosen.quarterCredits?.label).toBe('2016-Q1');
  });

  it('falls back from a month without results', () => {
    expect(buildControlTowerSummary(input, { scope: null, month: '2015-12' }).reportingMonth).toBe('2016-06');
  });
});

describe('buildControlTowerSummary limits', () => {
  it('caps breach rows but counts all', () => {
    const input = portfolio();
    const periods = Array.from(
      { length: 130 },
      (_, index) => `${String(2000 + Math.floor(index / 12))}-${String((index % 12) + 1).padStart(2, '0')}`,
    );
    const misses = [
      ...periods.map((period) => month('p-a', 'answered', period, 80)),
      ...periods.map((period) => month('p-b', 'answered', period, 80)),
    ];
    const summary = buildControlTowerSummary({ ...input, measurements: misses }, defaultSelection);
    const breaches = listBreaches(input.providers, input.kpis, input.serviceLevels, misses);
    expect(breaches.rows.length).toBe(260);
    expect(summary.breaches.total).toBe(260);
    expect(summary.breaches.rows).toEqual(breaches.rows.slice(0, breachRowLimit));
  });

  it('empty portfolio has no content', () => {
    const summary = buildControlTowerSummary(
      { providers: [], kpis: [], serviceLevels: [], measurements: [], contracts: [], escalations: [], today },
      defaultSelection,
    );
    expect(summary.providers).toEqual([]);
    expect(summary.reportingMonth).toBeNull();
    expect(summary.board).toBeNull();
    expect(summary.heatmap).toBeNull();
    expect(summary.quarterCredits).toBeNull();
    expect(summary.insights).toEqual([]);
    expect(summary.comparisonKpis).toEqual([]);
    expect(summary.breaches.total).toBe(0);
  });
});
