import { describe, expect, it } from 'vitest';
import type { Escalation } from '../../../../shared/domain/escalation';
import type { Measurement, ServiceLevel, ServiceLevelData } from '../../../../shared/domain/types';
import {
  buildHeatmap,
  buildStatusBoard,
  countOpenEscalations,
  judgeMonth,
  monthsWithResults,
  statusIn,
  summarizeQuarterCredits,
  trackLevels,
} from '../../../../shared/kpi/controlTower';
import type { TrackedLevel } from '../../../../shared/kpi/controlTower';
import { computePortfolioCredits } from '../../../../shared/kpi/credits';
import { makeContract, makeKpi, makeLevel, makeMeasurement } from './creditsFixtures';

const answered = makeKpi('answered');
const abandoned = makeKpi('abandoned', 'lowerIsBetter');
const kpis = [answered, abandoned];
const providers = [
  { id: 'p-a', name: 'Alpha' },
  { id: 'p-b', name: 'Bravo' },
];

function level(id: string, providerId: string, kpiId: string, data: Partial<ServiceLevelData> = {}): ServiceLevel {
  return makeLevel(id, kpiId, { providerId, contractId: null, ...data });
}

function month(providerId: string, kpiId: string, period: string, value: number | null): Measurement {
  return { ...makeMeasurement(kpiId, period, value), providerId };
}

describe('trackLevels', () => {
  const levels = [level('l1', 'p-a', 'answered', { expected: 96, minimum: 95 }), level('l2', 'p-a', 'abandoned', { critical: false, expected: 2, minimum: 5 })];

  it('critical scope keeps critical levels', () => {
    const tracked = trackLevels('critical', levels, kpis, []);
    expect(tracked.map((entry) => entry.level.id)).toEqual(['l1']);
  });

  it('all scope keeps every level', () => {
    const tracked = trackLevels('all', levels, kpis, []);
    expect(tracked.map((entry) => entry.level.id)).toEqual(['l1', 'l2']);
  });

  it('skips levels of unknown KPIs', () => {
    const tracked = trackLevels('all', [level('l3', 'p-a', 'missing')], kpis, []);
    expect(tracked).toEqual([]);
  });

  it('treats a non-finite value as a gap', () => {
    const tracked = trackLevels('critical', levels, kpis, [month('p-a', 'answered', '2016-01', Number.NaN)]);
    expect(tracked[0]?.results.get('2016-01')).toBeNull();
    expect(monthsWithResults(tracked)).toEqual([]);
  });

  it('combines two measurements of one month by ratio of sums', () => {
    const first = { ...month('p-a', 'answered', '2016-01', 90), numerator: 90, denominator: 100 };
    const second = { ...month('p-a', 'answered', '2016-01', 100), numerator: 300, denominator: 300 };
    const tracked = trackLevels('critical', levels, kpis, [first, second]);
    expect(tracked[0]?.results.get('2016-01')).toBe(97.5);
  });
});

describe('judgeMonth', () => {
  const higher = level('l1', 'p-a', 'answered', { expected: 96, minimum: 95 });
  const lower = level('l2', 'p-a', 'abandoned', { expected: 2, minimum: 5 });
  const measurements = [
    month('p-a', 'answered', '2016-01', 97),
    month('p-a', 'answered', '2016-02', 95.5),
    month('p-a', 'answered', '2016-03', 94.9),
    month('p-a', 'answered', '2016-04', 95),
    month('p-a', 'abandoned', '2016-01', 1.5),
    month('p-a', 'abandoned', '2016-02', 3),
    month('p-a', 'abandoned', '2016-03', 5.1),
    month('p-a', 'abandoned', '2016-04', null),
  ];
  const [answeredLevel, abandonedLevel] = trackLevels('all', [higher, lower], kpis, measurements);
  const statusOf = (tracked: TrackedLevel | undefined, period: string) => {
    if (tracked === undefined) throw new Error('level not tracked');
    return judgeMonth(tracked, period).status;
  };

  it('green when the expected level is met', () => {
    expect(statusOf(answeredLevel, '2016-01')).toBe('green');
    expect(statusOf(abandonedLevel, '2016-01')).toBe('green');
  });

  it('amber between minimum and expected', () => {
    expect(statusOf(answeredLevel, '2016-02')).toBe('amber');
    expect(statusOf(abandonedLevel, '2016-02')).toBe('amber');
  });

  it('red below the minimum', () => {
    expect(statusOf(answeredLevel, '2016-03')).toBe('red');
    expect(statusOf(abandonedLevel, '2016-03')).toBe('red');
  });

  it('reaching the minimum exactly is amber', () => {
    expect(statusOf(answeredLevel, '2016-04')).toBe('amber');
  });

  it('a null value or a missing month is no data', () => {
    expect(statusOf(abandonedLevel, '2016-04')).toBe('noData');
    expect(statusOf(answeredLevel, '2016-05')).toBe('noData');
  });

  it('statusIn agrees with judgeMonth', () => {
    for (const tracked of [answeredLevel, abandonedLevel]) {
      if (tracked === undefined) throw new Error('level not tracked');
      for (const period of ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05']) {
        expect(statusIn(tracked, period), `${tracked.level.id} ${period}`).toBe(judgeMonth(tracked, period).status);
      }
    }
  });

  it('follows the glide path and skips months before go-live', () => {
    const glide = level('l3', 'p-a', 'answered', {
      expected: 96,
      minimum: 95,
      goLive: '2016-02',
      glidePath: [{ month: 1, expected: 90, minimum: 85 }],
    });
    const [tracked] = trackLevels('all', [glide], kpis, measurements);
    if (tracked === undefined) throw new Error('level not tracked');
    expect(judgeMonth(tracked, '2016-01').status).toBe('beforeGoLive');
    expect(judgeMonth(tracked, '2016-02')).toEqual({ status: 'green', result: 95.5, expected: 90, minimum: 85 });
    expect(judgeMonth(tracked, '2016-03').status).toBe('red');
    expect(statusIn(tracked, '2016-01')).toBe('beforeGoLive');
    expect(statusIn(tracked, '2016-02')).toBe('green');
  });
});

describe('buildStatusBoard', () => {
  const levels = [
    level('a1', 'p-a', 'answered', { expected: 96, minimum: 95 }),
    level('a2', 'p-a', 'abandoned', { expected: 2, minimum: 5 }),
    level('b1', 'p-b', 'answered', { expected: 96, minimum: 95 }),
  ];
  const measurements = [
    month('p-a', 'answered', '2016-03', 97),
    month('p-a', 'abandoned', '2016-03', 3),
    month('p-b', 'answered', '2016-03', 90),
    month('p-b', 'answered', '2016-02', 99),
  ];
  const tracked = trackLevels('critical', levels, kpis, measurements);
  const board = buildStatusBoard(tracked, providers, '2016-03');

  it('has one column per tracked KPI, by name', () => {
    expect(board.kpis.map((kpi) => kpi.id)).toEqual(['abandoned', 'answered']);
  });

  it('puts the provider with red first', () => {
    expect(board.rows.map((row) => row.providerName)).toEqual(['Bravo', 'Alpha']);
  });

  it('leaves a cell empty without a level', () => {
    expect(board.rows[0]?.cells[0]).toBeNull();
    expect(board.rows[0]?.cells[1]?.status).toBe('red');
  });

  it('counts statuses', () => {
    expect(board.counts).toEqual({ green: 1, amber: 1, red: 1, noData: 0, beforeGoLive: 0 });
  });

  it('shows a gap as no data', () => {
    const earlier = buildStatusBoard(tracked, providers, '2016-02');
    expect(earlier.rows.find((row) => row.providerId === 'p-a')?.cells.map((cell) => cell?.status)).toEqual(['noData', 'noData']);
  });
});

describe('buildHeatmap', () => {
  const levels = [level('a1', 'p-a', 'answered', { expected: 96, minimum: 95 }), level('a2', 'p-a', 'abandoned', { expected: 2, minimum: 5 }), level('b1', 'p-b', 'answered')];
  const measurements = [
    month('p-a', 'answered', '2015-12', 97),
    month('p-a', 'abandoned', '2015-12', 9),
    // January 2016 has no result for Alpha: a gap.
    month('p-a', 'answered', '2016-02', 95.5),
    month('p-a', 'abandoned', '2016-02', 1),
    month('p-b', 'answered', '2016-01', 99),
  ];
  const tracked = trackLevels('critical', levels, kpis, measurements);

  it('spans first result to reporting month', () => {
    const heatmap = buildHeatmap(tracked, providers, '2016-03');
    expect(heatmap.periods).toEqual(['2015-12', '2016-01', '2016-02', '2016-03']);
    expect(heatmap.providers.map((provider) => provider.id)).toEqual(['p-a', 'p-b']);
  });

  it('takes the worst status of a month', () => {
    const heatmap = buildHeatmap(tracked, providers, '2016-03');
    expect(heatmap.cells[0]?.[0]).toEqual({ worst: 'red', green: 1, amber: 0, red: 1, noData: 0 });
    expect(heatmap.cells[0]?.[2]).toEqual({ worst: 'amber', green: 1, amber: 1, red: 0, noData: 0 });
  });

  it('leaves a month without data empty', () => {
    const heatmap = buildHeatmap(tracked, providers, '2016-03');
    expect(heatmap.cells[0]?.[1]).toEqual({ worst: null, green: 0, amber: 0, red: 0, noData: 2 });
    expect(heatmap.cells[1]?.[0]?.worst).toBeNull();
    expect(heatmap.cells[1]?.[3]?.worst).toBeNull();
  });

  it('caps the months shown', () => {
    const heatmap = buildHeatmap(tracked, providers, '2016-03', 2);
    expect(heatmap.periods).toEqual(['2016-02', '2016-03']);
  });

  it('handles a portfolio without results', () => {
    const heatmap = buildHeatmap(trackLevels('critical', levels, kpis, []), providers, '2016-03');
    expect(heatmap.periods).toHaveLength(36);
    expect(heatmap.cells.flat().every((cell) => cell.worst === null)).toBe(true);
  });
});

describe('summarizeQuarterCredits', () => {
  const gbp = makeContract({ id: 'c-gbp', providerId: 'p-a' });
  const gbpTwo = makeContract({ id: 'c-gbp-2', providerId: 'p-b' });
  const eur = makeContract({ id: 'c-eur', providerId: 'p-b', currency: 'EUR', monthlyChargesMinor: 10_000_000 });
  const noTerms = makeContract({ id: 'c-none', providerId: 'p-b', monthlyChargesMinor: null });
  const levels = [
    makeLevel('l-gbp', 'answered', { providerId: 'p-a', contractId: 'c-gbp', allocationPercent: 50 }),
    makeLevel('l-gbp-2', 'abandoned', { providerId: 'p-b', contractId: 'c-gbp-2', allocationPercent: 50, minimum: 5, expected: 5 }),
    makeLevel('l-eur', 'answered', { providerId: 'p-b', contractId: 'c-eur', allocationPercent: 100 }),
    makeLevel('l-none', 'answered', { providerId: 'p-b', contractId: 'c-none', allocationPercent: 100 }),
  ];
  const measurements = [
    month('p-a', 'answered', '2015-12', 90),
    month('p-a', 'answered', '2016-01', 90),
    month('p-a', 'answered', '2016-02', 99),
    month('p-b', 'abandoned', '2016-02', 7),
    month('p-b', 'answered', '2016-03', 80),
  ];
  const credits = computePortfolioCredits([gbp, gbpTwo, eur, noTerms], levels, kpis, measurements);
  const summary = summarizeQuarterCredits(credits.values(), '2016-03');

  it('labels the calendar quarter', () => {
    expect(summary.label).toBe('2016-Q1');
  });

  it('sums each currency apart', () => {
    // GBP: 250,000.00 x 12% x 50% = 15,000.00 for January (Alpha) and for February (Bravo).
    expect(summary.totals).toEqual([
      { currency: 'EUR', dueMinor: 1_200_000, pendingMinor: 0, bonusMinor: 0, contracts: 1 },
      { currency: 'GBP', dueMinor: 3_000_000, pendingMinor: 0, bonusMinor: 0, contracts: 2 },
    ]);
  });

  it('leaves out the previous quarter', () => {
    const december = summarizeQuarterCredits(credits.values(), '2015-12');
    expect(december.totals).toEqual([{ currency: 'GBP', dueMinor: 1_500_000, pendingMinor: 0, bonusMinor: 0, contracts: 1 }]);
  });

  it('lists contracts with an amount', () => {
    expect(summary.contracts.map((entry) => entry.contractId)).toEqual(['c-eur', 'c-gbp', 'c-gbp-2']);
  });

  it('counts contracts without terms', () => {
    expect(summary.notCalculable).toBe(1);
  });
});

describe('countOpenEscalations', () => {
  const base = { status: 'open', level: 1, dueDate: '2026-05-01' } as const;
  const escalations: Pick<Escalation, 'status' | 'level' | 'dueDate'>[] = [
    base,
    { ...base, level: 2 },
    { ...base, level: 3, dueDate: '2026-04-01' },
    { ...base, level: 3, status: 'closed', dueDate: '2026-01-01' },
  ];

  it('counts open ones by level', () => {
    expect(countOpenEscalations(escalations, '2026-04-15')).toEqual({ byLevel: { 1: 1, 2: 1, 3: 1 }, total: 3, overdue: 1 });
  });

  it('is not overdue on the due date', () => {
    expect(countOpenEscalations(escalations, '2026-04-01').overdue).toBe(0);
  });
});
