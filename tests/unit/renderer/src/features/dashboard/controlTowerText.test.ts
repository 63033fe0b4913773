import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Heatmap } from '../../../../../../shared/kpi/controlTower';
import type { ControlTowerInsight } from '../../../../../../shared/kpi/controlTowerInsights';
import { buildHeatmapOption } from '../../../../../../renderer/src/features/dashboard/heatmapOption';
import { insightSentence } from '../../../../../../renderer/src/features/dashboard/insightSentences';
import type { InsightFormatters } from '../../../../../../renderer/src/features/dashboard/insightSentences';
import { en } from '../../../../../../renderer/src/i18n/en';

let t: TFunction;

beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  t = instance.t;
});

const format: InsightFormatters = {
  providerName: (providerId) => (providerId === 'p-a' ? 'Alpha' : providerId),
  kpi: (kpiId) => (kpiId === 'answered' ? { name: 'Answered within 60 s', unit: 'percent' } : null),
  value: (value) => `${value.toFixed(2)}%`,
  period: (period) => period,
  probability: (share) => `${String(Math.round(share * 100))}%`,
  list: (items) => items.join(', '),
  date: (date) => date,
};

const common = { providerId: 'p-a', serviceLevelId: 'l1', kpiId: 'answered' } as const;

describe('insightSentence', () => {
  it('writes repeated misses', () => {
    const insight: ControlTowerInsight = { ...common, kind: 'repeatedMisses', score: 55, misses: 2, windowMonths: 6, missedPeriods: ['2016-01', '2016-03'] };
    expect(insightSentence(t, insight, format)).toBe('Alpha: Answered within 60 s missed its minimum in 2 of the last 6 months (2016-01, 2016-03).');
  });

  it('writes a probability of a miss', () => {
    const insight: ControlTowerInsight = { ...common, kind: 'trendingToBreach', score: 62, probability: 0.73, nextPeriod: '2016-04', forecastBreach: null };
    expect(insightSentence(t, insight, format)).toBe('Alpha: Answered within 60 s is trending to a breach, with a 73% chance of missing its minimum in 2016-04.');
  });

  it('writes a forecast breach', () => {
    const insight: ControlTowerInsight = {
      ...common,
      kind: 'trendingToBreach',
      score: 52,
      probability: 0.4,
      nextPeriod: '2016-04',
      forecastBreach: { period: '2016-06', predicted: 94.2, minimum: 95 },
    };
    expect(insightSentence(t, insight, format)).toBe(
      'Alpha: Answered within 60 s is trending to a breach: the trend reaches 94.20% in 2016-06, worse than the minimum of 95.00%.',
    );
  });

  it('writes an overdue escalation', () => {
    const insight: ControlTowerInsight = { ...common, kind: 'escalation', score: 72, escalationId: 'e1', level: 2, openedPeriod: '2016-01', daysOverdue: 14 };
    expect(insightSentence(t, insight, format)).toBe('Alpha: the escalation of Answered within 60 s opened for 2016-01 (Management) is 14 days past its due date.');
  });

  it('writes a certification expiry', () => {
    const insight: ControlTowerInsight = {
      kind: 'deadline',
      score: 80,
      providerId: 'p-a',
      daysLeft: 1,
      deadline: { kind: 'certificationExpiry', providerId: 'p-a', date: '2016-04-21', subject: 'ISO 27001' },
    };
    expect(insightSentence(t, insight, format)).toBe('Alpha: ISO 27001 expires on 2016-04-21, in 1 day.');
  });
});

describe('buildHeatmapOption', () => {
  const heatmap: Heatmap = {
    periods: ['2016-01', '2016-02'],
    providers: [
      { id: 'p-a', name: 'Alpha' },
      { id: 'p-b', name: 'Bravo' },
    ],
    cells: [
      [
        { worst: 'red', green: 1, amber: 0, red: 1, noData: 0 },
        { worst: null, green: 0, amber: 0, red: 0, noData: 2 },
      ],
      [
        { worst: 'green', green: 1, amber: 0, red: 0, noData: 0 },
        { worst: 'amber', green: 0, amber: 1, red: 0, noData: 0 },
      ],
    ],
  };
  const labels = { month: (period: string) => period, status: { red: 'Missed', amber: 'Below expected', green: 'Met' }, tooltip: () => '' };

  it('leaves empty cells out of the data', () => {
    const option = buildHeatmapOption(heatmap, labels) as { series: { data: number[][] }[] };
    expect(option.series[0]?.data).toEqual([
      [0, 0, 0],
      [0, 1, 2],
      [1, 1, 1],
    ]);
  });
});
