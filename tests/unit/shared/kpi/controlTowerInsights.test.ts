import { describe, expect, it } from 'vitest';
import type { Escalation } from '../../../../shared/domain/escalation';
import type { Measurement, ServiceLevel, ServiceLevelData } from '../../../../shared/domain/types';
import { addMonths } from '../../../../shared/domain/period';
import { trackLevels } from '../../../../shared/kpi/controlTower';
import { compareKpiAcrossProviders, percentOf } from '../../../../shared/kpi/controlTowerComparison';
import { rankInsights } from '../../../../shared/kpi/controlTowerInsights';
import type { ControlTowerInsight, InsightInput } from '../../../../shared/kpi/controlTowerInsights';
import { makeKpi, makeLevel, makeMeasurement } from './creditsFixtures';

const answered = makeKpi('answered');
const abandoned = makeKpi('abandoned', 'lowerIsBetter');
const kpis = [answered, abandoned];
const providers = [
  { id: 'p-a', name: 'Alpha' },
  { id: 'p-b', name: 'Bravo' },
  { id: 'p-c', name: 'Charlie' },
];

function level(id: string, providerId: string, kpiId: string, data: Partial<ServiceLevelData> = {}): ServiceLevel {
  return makeLevel(id, kpiId, { providerId, contractId: null, ...data });
}

/** Monthly results from `first` on, one per value; `null` is a gap. */
function series(providerId: string, kpiId: string, first: string, values: readonly (number | null)[]): Measurement[] {
  return values.map((value, index) => ({ ...makeMeasurement(kpiId, addMonths(first, index), value), providerId }));
}

function input(levels: ServiceLevel[], measurements: Measurement[], extra: Partial<InsightInput> = {}): InsightInput {
  return {
    tracked: trackLevels('critical', levels, kpis, measurements),
    providers,
    reportingMonth: '2016-03',
    escalations: [],
    today: '2016-04-20',
    deadlines: [],
    ...extra,
  };
}

function kinds(insights: readonly ControlTowerInsight[]): string[] {
  return insights.map((insight) => `${insight.kind}:${insight.providerId}`);
}

const steady = [97, 97.2, 96.8, 97.1, 96.9, 97, 97.2, 96.9, 97, 97.1, 96.8, 97];
const falling = [99, 98.6, 98.1, 97.7, 97.2, 96.8, 96.3, 95.9, 95.6, 95.3];

describe('rankInsights', () => {
  it('finds repeated misses in the window', () => {
    const levels = [level('a1', 'p-a', 'answered')];
    // September 2015 misses but falls outside the six months up to March 2016 (October to March).
    const measurements = series('p-a', 'answered', '2015-04', [97, 97, 97, 97, 97, 90, 97, 97, 97, 92, 96, 93]);
    const insights = rankInsights(input(levels, measurements));
    const repeated = insights.find((insight) => insight.kind === 'repeatedMisses');
    expect(repeated).toMatchObject({ misses: 2, windowMonths: 6, missedPeriods: ['2016-01', '2016-03'], score: 55 });
  });

  it('ignores a single miss', () => {
    const measurements = series('p-a', 'answered', '2015-04', [...steady.slice(0, 11), 90]);
    const insights = rankInsights(input([level('a1', 'p-a', 'answered')], measurements));
    expect(insights.filter((insight) => insight.kind === 'repeatedMisses')).toEqual([]);
  });

  it('never counts a gap as a miss', () => {
    const measurements = series('p-a', 'answered', '2015-10', [null, 90, null, null, null, null]);
    const insights = rankInsights(input([level('a1', 'p-a', 'answered')], measurements));
    expect(insights).toEqual([]);
  });

  it('flags a falling series trending to a breach', () => {
    const measurements = series('p-a', 'answered', '2015-06', falling);
    const insights = rankInsights(input([level('a1', 'p-a', 'answered')], measurements));
    const trending = insights.find((insight) => insight.kind === 'trendingToBreach');
    expect(trending).toBeDefined();
    if (trending?.kind !== 'trendingToBreach') return;
    expect(trending.nextPeriod).toBe('2016-04');
    expect(trending.probability).toBeGreaterThanOrEqual(0.5);
    expect(trending.score).toBe(Math.round(40 + 30 * (trending.probability ?? 0)));
  });

  it('leaves a steady series alone', () => {
    const measurements = series('p-a', 'answered', '2015-04', steady);
    expect(rankInsights(input([level('a1', 'p-a', 'answered')], measurements))).toEqual([]);
  });

  it('uses only months up to the reporting month', () => {
    const measurements = series('p-a', 'answered', '2015-06', [...falling, 90, 89]);
    const before = rankInsights(input([level('a1', 'p-a', 'answered')], measurements, { reportingMonth: '2015-09' }));
    expect(before).toEqual([]);
  });

  it('no trend insight for a missed month', () => {
    const measurements = series('p-a', 'answered', '2015-06', [...falling.slice(0, 9), 94]);
    const insights = rankInsights(input([level('a1', 'p-a', 'answered')], measurements));
    expect(insights.filter((insight) => insight.kind === 'trendingToBreach')).toEqual([]);
  });

  it('ranks escalations by level and overdue days', () => {
    const base = { serviceLevelId: 'a1', openedPeriod: '2016-01', status: 'open' } as const;
    const escalations: Pick<Escalation, 'id' | 'providerId' | 'serviceLevelId' | 'openedPeriod' | 'level' | 'status' | 'dueDate'>[] = [
      { ...base, id: 'e1', providerId: 'p-a', level: 3, dueDate: '2016-05-01' },
      { ...base, id: 'e2', providerId: 'p-b', level: 3, dueDate: '2016-04-01' },
      { ...base, id: 'e3', providerId: 'p-c', level: 2, dueDate: '2016-04-06' },
      { ...base, id: 'e4', providerId: 'p-c', level: 1, dueDate: '2016-05-06' },
      { ...base, id: 'e5', providerId: 'p-c', level: 3, dueDate: '2016-01-06', status: 'closed' },
    ];
    const insights = rankInsights(input([level('a1', 'p-a', 'answered')], [], { escalations }));
    expect(insights.map((insight) => [insight.kind, insight.providerId, insight.score])).toEqual([
      ['escalation', 'p-b', 90],
      ['escalation', 'p-a', 80],
      // 14 days overdue at level 2: 60 + 10 + 2 full weeks.
      ['escalation', 'p-c', 72],
    ]);
    expect(insights[0]).toMatchObject({ daysOverdue: 19, kpiId: 'answered', level: 3 });
  });

  it('scores deadlines by days left', () => {
    const deadlines = [
      { kind: 'certificationExpiry', providerId: 'p-a', date: '2016-05-20', subject: 'ISO 27001' },
      { kind: 'noticeDeadline', providerId: 'p-b', date: '2016-04-10', subject: 'Contact centre' },
      { kind: 'certificationExpiry', providerId: 'p-c', date: '2016-12-31', subject: 'SOC 2 Type II' },
    ] as const;
    const insights = rankInsights(input([], [], { deadlines }));
    expect(insights.map((insight) => [insight.providerId, insight.score])).toEqual([
      ['p-b', 85],
      ['p-a', 70],
    ]);
    expect(insights[1]).toMatchObject({ kind: 'deadline', daysLeft: 30 });
  });

  it('orders by score, then provider name', () => {
    const levels = [level('a1', 'p-a', 'answered'), level('b1', 'p-b', 'answered')];
    const measurements = [
      ...series('p-b', 'answered', '2015-10', [90, 90, 90, 90, 90, 90]),
      ...series('p-a', 'answered', '2015-10', [90, 90, 90, 90, 90, 90]),
    ];
    expect(kinds(rankInsights(input(levels, measurements)))).toEqual(['repeatedMisses:p-a', 'repeatedMisses:p-b']);
  });
});

describe('compareKpiAcrossProviders', () => {
  const levels = [
    level('a1', 'p-a', 'abandoned', { expected: 2, minimum: 5 }),
    level('b1', 'p-b', 'abandoned', { expected: 4, minimum: 5, critical: false }),
    level('c1', 'p-c', 'abandoned', { expected: 2, minimum: 5 }),
    level('x1', 'p-a', 'answered', { expected: 96 }),
  ];
  const measurements = [
    { ...series('p-a', 'abandoned', '2016-03', [4])[0]!, numerator: 4, denominator: 100 },
    { ...series('p-a', 'abandoned', '2016-02', [1])[0]!, numerator: 3, denominator: 300 },
    ...series('p-b', 'abandoned', '2016-03', [2]),
    ...series('p-a', 'answered', '2016-03', [99]),
  ];
  const common = { kpi: abandoned, serviceLevels: levels, providers, measurements, reportingMonth: '2016-03' } as const;

  it('uses target over result when lower is better', () => {
    const rows = compareKpiAcrossProviders({ ...common, basis: 'month' });
    expect(rows.map((row) => [row.providerId, row.percentOfTarget, row.status])).toEqual([
      ['p-a', 50, 'compared'],
      ['p-b', 200, 'compared'],
      ['p-c', null, 'noData'],
    ]);
  });

  it('combines the trailing year by ratio of sums', () => {
    const rows = compareKpiAcrossProviders({ ...common, basis: 'trailingYear' });
    const alpha = rows.find((row) => row.providerId === 'p-a');
    // (4 + 3) / (100 + 300) = 1.75%, so 2 / 1.75 = 114.29% of target.
    expect(alpha?.result).toBeCloseTo(1.75, 10);
    expect(alpha?.months).toBe(2);
    expect(alpha?.percentOfTarget).toBeCloseTo(114.2857, 3);
  });

  it('uses result over target when higher is better', () => {
    const rows = compareKpiAcrossProviders({ ...common, kpi: answered, basis: 'month' });
    expect(rows.map((row) => row.percentOfTarget)).toEqual([(100 * 99) / 96]);
  });

  it('reports a zero result as not comparable', () => {
    expect(percentOf('lowerIsBetter', 0, 2)).toBeNull();
    expect(percentOf('higherIsBetter', 90, 0)).toBeNull();
    const rows = compareKpiAcrossProviders({ ...common, measurements: series('p-a', 'abandoned', '2016-03', [0]), basis: 'month' });
    expect(rows.find((row) => row.providerId === 'p-a')?.status).toBe('notComparable');
  });
});
