/**
 * Builds the Providers table rows: for each provider and each KPI that has a service level, the
 * latest month with data, the whole-period result and the number of months below the minimum.
 */
import type { Id, KpiDefinition, Period, Provider, ProviderCriticality, ProviderLifecycle, ProviderTier } from '@shared/domain/types';
import { summarizeProvider } from '@shared/domain/kpiBreaches';
import type { PortfolioData } from './usePortfolioData';

export interface ProviderKpiCell {
  readonly latestPeriod: Period | null;
  readonly latestValue: number | null;
  readonly wholePeriodValue: number | null;
  readonly monthsBelowMinimum: number;
  readonly monthsWithData: number;
}

export interface ProviderRow {
  readonly id: Id;
  readonly code: string | null;
  readonly name: string;
  readonly formerNames: readonly string[];
  readonly tier: ProviderTier | null;
  readonly lifecycle: ProviderLifecycle;
  readonly criticality: ProviderCriticality | null;
  /** Text the search box matches: code, current and former names. */
  readonly searchText: string;
  readonly byKpi: ReadonlyMap<Id, ProviderKpiCell>;
  readonly totalMonthsBelowMinimum: number;
  /** Whether any month of a KPI with a service level has a result. */
  readonly hasData: boolean;
}

/** Returns the KPIs that have a service level somewhere in the portfolio, in a stable display order. */
export function levelledKpis(data: PortfolioData): KpiDefinition[] {
  const withLevels = new Set(data.serviceLevels.map((level) => level.kpiId));
  return data.kpis.filter((kpi) => withLevels.has(kpi.id)).sort((a, b) => a.key.localeCompare(b.key));
}

function groupByProvider<T extends { readonly providerId: Id }>(items: readonly T[]): Map<Id, T[]> {
  const groups = new Map<Id, T[]>();
  for (const item of items) {
    const group = groups.get(item.providerId);
    if (group) group.push(item);
    else groups.set(item.providerId, [item]);
  }
  return groups;
}

export function buildProviderRows(data: PortfolioData): ProviderRow[] {
  const kpis = levelledKpis(data);
  // Grouping first keeps the whole build linear in the number of measurements.
  const measurementsByProvider = groupByProvider(data.measurements);
  const levelsByProvider = groupByProvider(data.serviceLevels);

  return data.providers.map((provider: Provider) => {
    const summaries = summarizeProvider(
      provider.id,
      kpis,
      levelsByProvider.get(provider.id) ?? [],
      measurementsByProvider.get(provider.id) ?? [],
    );
    const byKpi = new Map<Id, ProviderKpiCell>();
    let totalMonthsBelowMinimum = 0;
    for (const summary of summaries) {
      if (summary.serviceLevelId === null || byKpi.has(summary.kpiId)) continue;
      byKpi.set(summary.kpiId, {
        latestPeriod: summary.latest?.period ?? null,
        latestValue: summary.latest?.value ?? null,
        wholePeriodValue: summary.aggregate.value,
        monthsBelowMinimum: summary.monthsInBreach,
        monthsWithData: summary.monthsWithData,
      });
      totalMonthsBelowMinimum += summary.monthsInBreach;
    }
    const hasData = [...byKpi.values()].some((cell) => cell.monthsWithData > 0);
    return {
      hasData,
      id: provider.id,
      code: provider.code,
      name: provider.name,
      formerNames: provider.formerNames,
      tier: provider.tier,
      lifecycle: provider.lifecycle,
      criticality: provider.criticality,
      searchText: [provider.code ?? '', provider.name, ...provider.formerNames].join(' '),
      byKpi,
      totalMonthsBelowMinimum,
    };
  });
}

export type ProviderFilter = 'all' | 'breached' | 'met';

/** Keeps the rows whose code or names contain the search text (any case) and that pass the filter. */
export function filterProviderRows(rows: readonly ProviderRow[], search: string, filter: ProviderFilter): ProviderRow[] {
  const needle = search.trim().toLocaleLowerCase();
  return rows.filter((row) => {
    if (needle !== '' && !row.searchText.toLocaleLowerCase().includes(needle)) return false;
    if (filter === 'breached') return row.totalMonthsBelowMinimum > 0;
    // A provider without results has neither met nor missed its levels.
    if (filter === 'met') return row.hasData && row.totalMonthsBelowMinimum === 0;
    return true;
  });
}
