/** View model of the provider page: one panel per KPI of the provider, and the months its charts span. */
import type { Id, KpiDefinition, Measurement, Period, ServiceLevel } from '@shared/domain/types';
import { summarizeProvider } from '@shared/domain/kpiBreaches';
import type { ProviderKpiSummary } from '@shared/domain/kpiBreaches';
import { addMonths, periodRange } from '@shared/domain/period';
import type { PortfolioData } from './usePortfolioData';

export interface KpiPanel {
  readonly kpi: KpiDefinition;
  readonly level: ServiceLevel | null;
  readonly summary: ProviderKpiSummary;
  readonly measurements: readonly Measurement[];
}

/** Returns one panel per service level and per reported KPI of the provider, levelled ones first. */
export function kpiPanels(data: PortfolioData, providerId: Id): KpiPanel[] {
  const measurements = data.measurements.filter((measurement) => measurement.providerId === providerId);
  const levels = data.serviceLevels.filter((level) => level.providerId === providerId);
  const kpisById = new Map(data.kpis.map((kpi) => [kpi.id, kpi]));
  const levelsById = new Map(levels.map((level) => [level.id, level]));
  const panels: KpiPanel[] = [];
  for (const summary of summarizeProvider(providerId, data.kpis, levels, measurements)) {
    const kpi = kpisById.get(summary.kpiId);
    if (!kpi) continue;
    const level = summary.serviceLevelId === null ? null : (levelsById.get(summary.serviceLevelId) ?? null);
    panels.push({ kpi, level, summary, measurements: measurements.filter((measurement) => measurement.kpiId === kpi.id) });
  }
  return panels.sort((a, b) => Number(b.level !== null) - Number(a.level !== null) || a.kpi.key.localeCompare(b.kpi.key));
}

/** How far past a provider's last month its charts run on, to show that newer months are missing. */
export const missingMonthsShown = 12;

/**
 * Returns the months a provider's charts span: from its first measured month to its last. When
 * the portfolio has later months and the latest is at most `missingMonthsShown` months after the
 * provider's last, the span runs on to it, so a provider that stopped reporting shows the months
 * it missed as gaps. Older data in a portfolio that also contains recent data keeps its own span.
 */
export function providerPeriods(measurements: readonly Measurement[], providerId: Id): Period[] {
  let first: Period | null = null;
  let last: Period | null = null;
  let portfolioLast: Period | null = null;
  for (const { period, providerId: owner } of measurements) {
    if (portfolioLast === null || period > portfolioLast) portfolioLast = period;
    if (owner !== providerId) continue;
    if (first === null || period < first) first = period;
    if (last === null || period > last) last = period;
  }
  if (first === null || last === null || portfolioLast === null) return [];
  const end = portfolioLast <= addMonths(last, missingMonthsShown) ? portfolioLast : last;
  return periodRange(first, end);
}
