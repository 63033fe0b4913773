/**
 * KPI scorecards: every service level in scope judged in each month of the period, with the
 * period's result, and the monthly results of each critical level for its chart. The statuses
 * are the control tower's (`judgeMonth`), so the pack and the dashboard agree.
 */
import { aggregateMeasurements } from '../domain/kpiMath';
import type { MeasuredMonth } from '../domain/kpiMath';
import { addMonths } from '../domain/period';
import type { Period } from '../domain/types';
import { judgeMonth, trackLevels } from '../kpi/controlTower';
import type { RagStatus, TrackedLevel } from '../kpi/controlTower';
import type { RecordsByTable } from '../sync/snapshot';
import { effectiveLevels } from '../kpi/creditsGlidePath';
import { codeCell, compareText, integerCell, kpiValueCell, textCell } from './tableText';
import type { LevelChart, ReportCell, ScorecardsSection } from './types';

/** Months a level's chart shows, ending with the period's last month. */
export const chartMonths = 12;

/**
 * Most level charts a pack draws. A large portfolio has thousands of critical levels, and a
 * steering committee reads the worst few; the scorecard table still lists every level.
 */
export const maxLevelCharts = 24;

/** One service level judged over the period. */
export interface LevelScore {
  readonly tracked: TrackedLevel;
  readonly providerName: string;
  /** Status of each month of the period, in month order. */
  readonly statuses: readonly RagStatus[];
  /** Worst status of the period's judged months: `red` when any month missed the minimum. */
  readonly worst: RagStatus;
  /** The period's result by the KPI's aggregation, or `null` when no month has a value. */
  readonly result: number | null;
  readonly monthsMissed: number;
  readonly monthsWithData: number;
}

const statusOrder: readonly RagStatus[] = ['red', 'amber', 'green', 'noData', 'beforeGoLive'];

/**
 * Judges every service level of `records` whose KPI exists, in each of `months`, sorted by
 * provider name, KPI name and level id.
 */
export function scoreLevels(records: RecordsByTable, months: readonly Period[]): LevelScore[] {
  const tracked = trackLevels('all', records.serviceLevels, records.kpis, records.measurements);
  const providerNames = new Map(records.providers.map((provider) => [provider.id, provider.name]));
  const measured = measuredMonthsByLevel(records, new Set(months));

  const scores = tracked.map((entry): LevelScore => {
    const statuses = months.map((period) => judgeMonth(entry, period).status);
    const worst = statusOrder.find((status) => statuses.includes(status)) ?? 'noData';
    const inPeriod = measured.get(`${entry.level.providerId}|${entry.kpi.id}`) ?? [];
    return {
      tracked: entry,
      providerName: providerNames.get(entry.level.providerId) ?? '',
      statuses,
      worst,
      result: aggregateMeasurements(entry.kpi, inPeriod).value,
      monthsMissed: statuses.filter((status) => status === 'red').length,
      monthsWithData: statuses.filter((status) => status === 'red' || status === 'amber' || status === 'green').length,
    };
  });
  return scores.sort(
    (a, b) =>
      compareText(a.providerName, b.providerName) ||
      compareText(a.tracked.kpi.name, b.tracked.kpi.name) ||
      compareText(a.tracked.level.id, b.tracked.level.id),
  );
}

/** Measurements of the period's months by provider and KPI, in month order, so `last` aggregation reads the last month. */
function measuredMonthsByLevel(records: RecordsByTable, months: ReadonlySet<Period>): Map<string, MeasuredMonth[]> {
  const byPair = new Map<string, MeasuredMonth[]>();
  for (const measurement of records.measurements) {
    if (!months.has(measurement.period)) continue;
    const key = `${measurement.providerId}|${measurement.kpiId}`;
    const group = byPair.get(key) ?? [];
    group.push(measurement);
    byPair.set(key, group);
  }
  // The database keeps one measurement per provider, KPI and month (a unique index), so the month orders them fully.
  for (const group of byPair.values()) group.sort((a, b) => compareText(a.period, b.period));
  return byPair;
}

export function buildScorecardsSection(scores: readonly LevelScore[], months: readonly Period[]): ScorecardsSection {
  if (scores.length === 0) return { key: 'scorecards', state: 'empty', tables: [], charts: [], criticalLevels: 0 };
  const lastMonth = months[months.length - 1] ?? '';
  const rows = scores.map((score): ReportCell[] => {
    const { level, kpi } = score.tracked;
    const levels = effectiveLevels(level, lastMonth);
    return [
      textCell(score.providerName),
      { kind: 'kpi', key: kpi.key, name: kpi.name },
      codeCell('levelKind', level.critical ? 'critical' : 'reported'),
      kpiValueCell(levels.expected, kpi.unit),
      kpiValueCell(levels.minimum, kpi.unit),
      kpiValueCell(score.result, kpi.unit),
      codeCell('status', score.worst),
      integerCell(score.monthsMissed),
      integerCell(score.monthsWithData),
    ];
  });
  const critical = scores.filter((score) => score.tracked.level.critical);
  // Worst first: the order of `statusOrder`, then most months missed; the sort is stable, so ties keep the table's order.
  const worstFirst = [...critical].sort(
    (a, b) => statusOrder.indexOf(a.worst) - statusOrder.indexOf(b.worst) || b.monthsMissed - a.monthsMissed,
  );
  const charts = worstFirst.slice(0, maxLevelCharts).map((score) => levelChart(score, lastMonth));
  return {
    key: 'scorecards',
    state: 'ready',
    tables: [
      {
        key: 'scorecard',
        columns: ['provider', 'kpi', 'kind', 'expected', 'minimum', 'result', 'worstStatus', 'monthsMissed', 'monthsWithData'],
        rows,
      },
    ],
    charts,
    criticalLevels: critical.length,
  };
}

function levelChart(score: LevelScore, lastMonth: Period): LevelChart {
  const { level, kpi, results } = score.tracked;
  const months = Array.from({ length: chartMonths }, (_, index) => addMonths(lastMonth, index - chartMonths + 1));
  const levels = months.map((period) => effectiveLevels(level, period));
  return {
    serviceLevelId: level.id,
    providerName: score.providerName,
    kpiKey: kpi.key,
    kpiName: kpi.name,
    unit: kpi.unit,
    months,
    results: months.map((period) => results.get(period) ?? null),
    expected: levels.map((entry) => (entry.source === 'beforeGoLive' ? null : entry.expected)),
    minimum: levels.map((entry) => (entry.source === 'beforeGoLive' ? null : entry.minimum)),
  };
}
