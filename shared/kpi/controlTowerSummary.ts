/**
 * Everything the dashboard shows for one choice of scope and reporting month, built from plain
 * records into one serializable object. A worker builds it off the main thread and the renderer
 * caches it, so opening the dashboard reads one small record instead of every measurement. It
 * only combines the pure builders of `controlTower.ts`, `controlTowerInsights.ts`, `credits.ts`
 * and `kpiBreaches.ts`, so its numbers are theirs. The comparison of one KPI across providers
 * (`controlTowerComparison.ts`) is not in it: the panel requests one KPI's rows at a time, which
 * keeps the summary small.
 */
import type { Escalation } from '../domain/escalation';
import { listBreaches } from '../domain/kpiBreaches';
import type { BreachRow } from '../domain/kpiBreaches';
import type { CalendarDate, Contract, Id, KpiDefinition, Measurement, Period, Provider, ServiceLevel } from '../domain/types';
import {
  buildHeatmap,
  buildStatusBoard,
  countOpenEscalations,
  monthsWithResults,
  summarizeQuarterCredits,
  trackLevels,
} from './controlTower';
import type { ControlTowerProvider, ControlTowerScope, OpenEscalationCounts, QuarterCreditsSummary, StatusBoard } from './controlTower';
import { rankInsights } from './controlTowerInsights';
import type { ControlTowerInsight } from './controlTowerInsights';
import { packHeatmap } from './controlTowerPackedHeatmap';
import type { PackedHeatmap } from './controlTowerPackedHeatmap';
import { computePortfolioCredits } from './credits';

/** Breach rows a summary keeps, worst first; the totals still count every breach. */
export const breachRowLimit = 200;

/** The user's choice on the dashboard. `null` picks the default: `critical` when any level is critical, and the latest month with a result. */
export interface ControlTowerSelection {
  readonly scope: ControlTowerScope | null;
  readonly month: Period | null;
}

export const defaultSelection: ControlTowerSelection = { scope: null, month: null };

export interface ControlTowerSummaryInput {
  readonly providers: readonly Provider[];
  readonly kpis: readonly KpiDefinition[];
  readonly serviceLevels: readonly ServiceLevel[];
  readonly measurements: readonly Measurement[];
  readonly contracts: readonly Contract[];
  readonly escalations: readonly Escalation[];
  /** Today's date where the user is; escalation ages and due dates count from it. */
  readonly today: CalendarDate;
}

/** Every breach of the portfolio, all months, with the rows capped at `breachRowLimit`. */
export interface BreachSummary {
  /** The worst rows, in `listBreaches` order (largest shortfall first). */
  readonly rows: readonly BreachRow[];
  /** Count of every breach, including the rows left out. */
  readonly total: number;
  /** Breaches per KPI id, in order of first appearance in the full list. */
  readonly countByKpi: readonly (readonly [Id, number])[];
  readonly countByProvider: readonly (readonly [Id, number])[];
  /** Months with a value for a pair of provider and KPI that has a service level. */
  readonly measuredMonths: number;
}

/** A KPI the comparison panel offers. Its rows are computed on request, per KPI, from the measurements of that KPI only. */
export interface ComparisonKpi {
  readonly kpi: KpiDefinition;
  /** Service levels of the KPI: the choice list puts the KPI with the most first. */
  readonly levelCount: number;
}

export interface ControlTowerSummary {
  /** The date the summary was computed for. */
  readonly today: CalendarDate;
  /** Every provider of the portfolio; an empty list means an empty portfolio. */
  readonly providers: readonly ControlTowerProvider[];
  readonly kpis: readonly KpiDefinition[];
  /** The scope shown: the selection's, or the default. */
  readonly scope: ControlTowerScope;
  readonly trackedLevels: number;
  /** Months in which a tracked level has a result, oldest first: the month choices. */
  readonly months: readonly Period[];
  /** The month shown, or `null` when no tracked level has a result. */
  readonly reportingMonth: Period | null;
  readonly board: StatusBoard | null;
  /** The heatmap of providers by months, packed into a typed array because its cells as objects were about half of the summary. */
  readonly heatmap: PackedHeatmap | null;
  readonly quarterCredits: QuarterCreditsSummary | null;
  readonly escalationCounts: OpenEscalationCounts;
  /** Ranked insights of the reporting month, most urgent first; empty without a reporting month. */
  readonly insights: readonly ControlTowerInsight[];
  /** Every KPI with a service level, the one with the most levels first and ties by name. */
  readonly comparisonKpis: readonly ComparisonKpi[];
  readonly breaches: BreachSummary;
  readonly contractTitles: readonly (readonly [Id, string])[];
}

/** Counts the months with a value for a pair of provider and KPI that has a service level. */
function countMeasuredMonths(serviceLevels: readonly ServiceLevel[], measurements: readonly Measurement[]): number {
  const levelled = new Set(serviceLevels.map((level) => `${level.providerId}|${level.kpiId}`));
  let count = 0;
  for (const measurement of measurements) {
    if (measurement.value !== null && levelled.has(`${measurement.providerId}|${measurement.kpiId}`)) count += 1;
  }
  return count;
}

function summarizeBreaches(input: ControlTowerSummaryInput): BreachSummary {
  const breaches = listBreaches(input.providers, input.kpis, input.serviceLevels, input.measurements);
  return {
    rows: breaches.rows.slice(0, breachRowLimit),
    total: breaches.rows.length,
    countByKpi: [...breaches.countByKpi],
    countByProvider: [...breaches.countByProvider],
    measuredMonths: countMeasuredMonths(input.serviceLevels, input.measurements),
  };
}

/** Lists every KPI with a service level, the KPI with the most levels first and ties by name. */
function listComparisonKpis(input: ControlTowerSummaryInput): ComparisonKpi[] {
  const levelCount = new Map<Id, number>();
  for (const level of input.serviceLevels) levelCount.set(level.kpiId, (levelCount.get(level.kpiId) ?? 0) + 1);
  return input.kpis
    .filter((kpi) => levelCount.has(kpi.id))
    .map((kpi) => ({ kpi, levelCount: levelCount.get(kpi.id) ?? 0 }))
    .sort((a, b) => b.levelCount - a.levelCount || compareCodeUnits(a.kpi.name, b.kpi.name));
}

function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Builds the dashboard's content for `selection`. A chosen month without a result falls back to
 * the latest month with one, as the month picker does.
 */
export function buildControlTowerSummary(input: ControlTowerSummaryInput, selection: ControlTowerSelection): ControlTowerSummary {
  const hasCritical = input.serviceLevels.some((level) => level.critical);
  const scope: ControlTowerScope = selection.scope ?? (hasCritical ? 'critical' : 'all');
  const tracked = trackLevels(scope, input.serviceLevels, input.kpis, input.measurements);
  const months = monthsWithResults(tracked);
  const reportingMonth = selection.month !== null && months.includes(selection.month) ? selection.month : (months.at(-1) ?? null);

  const credits =
    reportingMonth === null ? null : computePortfolioCredits(input.contracts, input.serviceLevels, input.kpis, input.measurements);
  const providers = input.providers.map((provider) => ({ id: provider.id, name: provider.name }));

  return {
    today: input.today,
    providers,
    kpis: input.kpis,
    scope,
    trackedLevels: tracked.length,
    months,
    reportingMonth,
    board: reportingMonth === null ? null : buildStatusBoard(tracked, providers, reportingMonth),
    heatmap: reportingMonth === null ? null : packHeatmap(buildHeatmap(tracked, providers, reportingMonth)),
    quarterCredits: credits === null || reportingMonth === null ? null : summarizeQuarterCredits(credits.values(), reportingMonth),
    escalationCounts: countOpenEscalations(input.escalations, input.today),
    insights:
      reportingMonth === null
        ? []
        : rankInsights({ tracked, providers, reportingMonth, escalations: input.escalations, today: input.today, deadlines: [] }),
    comparisonKpis: listComparisonKpis(input),
    breaches: summarizeBreaches(input),
    contractTitles: input.contracts.map((contract) => [contract.id, contract.title] as const),
  };
}
