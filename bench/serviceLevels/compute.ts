/**
 * The service level computations the bench times in Node, on the portfolio of `workload.ts`:
 * credits of every contract, the analytics (control chart, anomalies, forecast, breach
 * probability) of every series, and one run of the escalation rules over every critical level.
 */
import type { Escalation, EscalationEvent } from '../../shared/domain/escalation';
import type { Id, Measurement, ServiceLevel } from '../../shared/domain/types';
import { analyzeKpiSeries } from '../../shared/kpi/analytics';
import { computePortfolioCredits } from '../../shared/kpi/credits';
import { effectiveLevels } from '../../shared/kpi/creditsGlidePath';
import { computeEscalationActions } from '../../shared/kpi/escalationRules';
import type { ServiceLevelPortfolio } from './workload';

/** Counts of what one pass produced, so that the timed work cannot be optimised away and the table reports how much there was. */
export interface ComputeCounts {
  readonly contracts: number;
  readonly creditLines: number;
  readonly series: number;
  readonly anomalies: number;
  readonly forecasts: number;
  readonly trendingToBreach: number;
  readonly escalationActions: number;
}

/** Measurements by provider and KPI, grouped once. */
export function seriesOf(portfolio: ServiceLevelPortfolio): Map<string, Measurement[]> {
  const groups = new Map<string, Measurement[]>();
  for (const measurement of portfolio.measurements) {
    const key = `${measurement.providerId}|${measurement.kpiId}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [measurement]);
    else group.push(measurement);
  }
  return groups;
}

export function computeCredits(portfolio: ServiceLevelPortfolio): Pick<ComputeCounts, 'contracts' | 'creditLines'> {
  const credits = computePortfolioCredits(portfolio.contracts, portfolio.serviceLevels, portfolio.kpis, portfolio.measurements);
  let creditLines = 0;
  for (const contract of credits.values()) {
    for (const month of contract.months) creditLines += month.lines.length;
  }
  return { contracts: credits.size, creditLines };
}

/** Runs the analytics of every service level's series, with the minimum in force each month. */
export function computeAnalytics(
  portfolio: ServiceLevelPortfolio,
  series: ReadonlyMap<string, readonly Measurement[]>,
): Pick<ComputeCounts, 'series' | 'anomalies' | 'forecasts' | 'trendingToBreach'> {
  const kpisById = new Map(portfolio.kpis.map((kpi) => [kpi.id, kpi]));
  let anomalies = 0;
  let forecasts = 0;
  let trendingToBreach = 0;
  for (const level of portfolio.serviceLevels) {
    const kpi = kpisById.get(level.kpiId);
    if (kpi === undefined) continue;
    const points = series.get(`${level.providerId}|${level.kpiId}`) ?? [];
    const analytics = analyzeKpiSeries({ points, kpi, minimumFor: (period) => effectiveLevels(level, period).minimum });
    anomalies += analytics.anomalies.flags.length;
    if (analytics.forecast.status === 'ready') forecasts += 1;
    if (analytics.trendingToBreach) trendingToBreach += 1;
  }
  return { series: portfolio.serviceLevels.length, anomalies, forecasts, trendingToBreach };
}

/** Runs the escalation rules once over every critical level with no escalation yet, as the first run after an import does. */
export function computeEscalations(portfolio: ServiceLevelPortfolio, today: string): Pick<ComputeCounts, 'escalationActions'> {
  const escalations: Escalation[] = [];
  const events: EscalationEvent[] = [];
  const actions = computeEscalationActions({
    serviceLevels: portfolio.serviceLevels,
    kpis: portfolio.kpis,
    measurements: portfolio.measurements,
    escalations,
    events,
    now: `${today}T09:00:00.000Z`,
    today,
  });
  return { escalationActions: actions.length };
}

/** Critical levels by id, for the report. */
export function criticalLevelIds(levels: readonly ServiceLevel[]): Set<Id> {
  return new Set(levels.filter((level) => level.critical).map((level) => level.id));
}
