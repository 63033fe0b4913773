/**
 * Service level results across providers: one provider's summary per KPI, and the list of
 * breached months across a portfolio. Both take plain arrays and run in O(n log n).
 */
import { aggregateMeasurements, isBreach, latestWithValue, shortfall, type Aggregate } from './kpiMath';
import type { Id, KpiDefinition, Measurement, Period, Provider, ServiceLevel } from './types';

export interface ProviderKpiSummary {
  readonly kpiId: Id;
  /** The service level compared with, or `null` for a KPI the provider has no level for. */
  readonly serviceLevelId: Id | null;
  readonly expected: number | null;
  readonly minimum: number | null;
  /** Latest month with a value. */
  readonly latest: { readonly period: Period; readonly value: number } | null;
  /** All the given months combined by the KPI's aggregation. */
  readonly aggregate: Aggregate;
  /** Months that miss the minimum (below it, or above it for a lower-is-better KPI); 0 without a level. */
  readonly monthsInBreach: number;
  /** Months with a value. */
  readonly monthsWithData: number;
}

/**
 * Summarizes one provider's results: one entry per service level of the provider, plus one
 * with no level for each KPI that has measurements but no level, in the order of `kpis`.
 * Filter `measurements` to a period range first to summarize that range only.
 */
export function summarizeProvider(
  providerId: Id,
  kpis: readonly KpiDefinition[],
  serviceLevels: readonly ServiceLevel[],
  measurements: readonly Measurement[],
): ProviderKpiSummary[] {
  const monthsByKpi = groupBy(
    measurements.filter((measurement) => measurement.providerId === providerId),
    (measurement) => measurement.kpiId,
  );
  const levelsByKpi = groupBy(
    serviceLevels.filter((level) => level.providerId === providerId),
    (level) => level.kpiId,
  );

  const summaries: ProviderKpiSummary[] = [];
  for (const kpi of kpis) {
    const months = monthsByKpi.get(kpi.id) ?? [];
    const levels = levelsByKpi.get(kpi.id) ?? [];
    if (months.length === 0 && levels.length === 0) {
      continue;
    }

    const aggregate = aggregateMeasurements(kpi, months);
    const common = { kpiId: kpi.id, latest: latestWithValue(months), aggregate, monthsWithData: aggregate.months };
    if (levels.length === 0) {
      summaries.push({ ...common, serviceLevelId: null, expected: null, minimum: null, monthsInBreach: 0 });
    }
    for (const level of levels) {
      const monthsInBreach = months.filter((month) => isBreach(kpi, level, month.value)).length;
      summaries.push({ ...common, serviceLevelId: level.id, expected: level.expected, minimum: level.minimum, monthsInBreach });
    }
  }
  return summaries;
}

export interface BreachRow {
  readonly providerId: Id;
  readonly providerName: string;
  readonly kpiId: Id;
  readonly kpiName: string;
  readonly serviceLevelId: Id;
  readonly period: Period;
  readonly value: number;
  readonly minimum: number;
  /** Relative shortfall from `shortfall()`: positive, larger is worse. */
  readonly shortfall: number;
}

export interface BreachList {
  /** Worst first: largest shortfall, then the latest period, then provider name, then KPI name. */
  readonly rows: readonly BreachRow[];
  readonly countByKpi: ReadonlyMap<Id, number>;
  readonly countByProvider: ReadonlyMap<Id, number>;
}

/**
 * Lists every month that breaches a service level. Measurements of providers or KPIs not in
 * the given arrays (deleted ones, for example) are skipped.
 */
export function listBreaches(
  providers: readonly Provider[],
  kpis: readonly KpiDefinition[],
  serviceLevels: readonly ServiceLevel[],
  measurements: readonly Measurement[],
): BreachList {
  const providerById = new Map(providers.map((provider) => [provider.id, provider]));
  const kpiById = new Map(kpis.map((kpi) => [kpi.id, kpi]));
  const levelsByPair = groupBy(serviceLevels, (level) => pairKey(level.providerId, level.kpiId));

  const rows: BreachRow[] = [];
  for (const measurement of measurements) {
    const provider = providerById.get(measurement.providerId);
    const kpi = kpiById.get(measurement.kpiId);
    const levels = levelsByPair.get(pairKey(measurement.providerId, measurement.kpiId));
    if (provider === undefined || kpi === undefined || levels === undefined || measurement.value === null) {
      continue;
    }
    for (const level of levels) {
      if (!isBreach(kpi, level, measurement.value)) {
        continue;
      }
      rows.push({
        providerId: provider.id,
        providerName: provider.name,
        kpiId: kpi.id,
        kpiName: kpi.name,
        serviceLevelId: level.id,
        period: measurement.period,
        value: measurement.value,
        minimum: level.minimum,
        shortfall: shortfall(kpi, level, measurement.value) ?? 0,
      });
    }
  }

  rows.sort(compareBreaches);
  return { rows, countByKpi: countBy(rows, (row) => row.kpiId), countByProvider: countBy(rows, (row) => row.providerId) };
}

/** Orders by code units rather than locale, so the order is the same on every machine. */
function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function compareBreaches(a: BreachRow, b: BreachRow): number {
  return (
    b.shortfall - a.shortfall ||
    compareText(b.period, a.period) ||
    compareText(a.providerName, b.providerName) ||
    compareText(a.kpiName, b.kpiName)
  );
}

function pairKey(providerId: Id, kpiId: Id): string {
  return `${providerId}\u0000${kpiId}`;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [item]);
    } else {
      group.push(item);
    }
  }
  return groups;
}

function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
