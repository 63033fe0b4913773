/**
 * One KPI compared across providers as a percentage of each provider's target. The target is the
 * provider's expected level in force in the reporting month (glide path included). The percentage
 * is direction-aware, so 100% or more always means the target is met:
 * `result / target` for a higher-is-better KPI and `target / result` for a lower-is-better one.
 * A zero or negative result or target has no meaningful ratio and is reported as not comparable.
 */
import { aggregateMeasurements, type MeasuredMonth } from '../domain/kpiMath';
import { addMonths } from '../domain/period';
import type { Id, Period, ServiceLevel } from '../domain/types';
import { effectiveLevels } from './creditsGlidePath';
import { compareText, type ControlTowerKpi, type ControlTowerMeasurement, type ControlTowerProvider } from './controlTower';

/**
 * Period of the compared result: the reporting month (`month`), or the twelve months up to the
 * reporting month combined by the KPI's aggregation (`trailingYear`). A ratio KPI's year is the
 * ratio of its summed counts. Months without data are left out of the year, never taken as 0.
 */
export type ComparisonBasis = 'month' | 'trailingYear';

/** Months combined by the `trailingYear` basis. */
export const trailingYearMonths = 12;

export type ComparisonStatus = 'compared' | 'noData' | 'notComparable';

export interface KpiComparisonRow {
  readonly providerId: Id;
  readonly providerName: string;
  readonly serviceLevelId: Id;
  readonly critical: boolean;
  /** Result in the KPI's unit, or `null` without data. */
  readonly result: number | null;
  /** Months with a value that the result combines: 0 or 1 for `month`. */
  readonly months: number;
  /** Expected level in force in the reporting month. */
  readonly target: number;
  /** Result as a percentage of the target (100 is on target), or `null` unless `status` is `compared`. */
  readonly percentOfTarget: number | null;
  readonly status: ComparisonStatus;
}

export interface KpiComparisonInput {
  readonly kpi: ControlTowerKpi;
  /** Service levels of any KPI; only those of `kpi` are compared, critical or not. */
  readonly serviceLevels: readonly ServiceLevel[];
  readonly providers: readonly ControlTowerProvider[];
  readonly measurements: readonly ControlTowerMeasurement[];
  readonly reportingMonth: Period;
  readonly basis: ComparisonBasis;
}

/** Compares the KPI across the providers that have a service level for it: lowest percentage of target first, rows without one last. */
export function compareKpiAcrossProviders(input: KpiComparisonInput): KpiComparisonRow[] {
  const { kpi, reportingMonth, basis } = input;
  const names = new Map(input.providers.map((provider) => [provider.id, provider.name]));
  const levels = input.serviceLevels.filter((level) => level.kpiId === kpi.id && names.has(level.providerId));
  const providerIds = new Set(levels.map((level) => level.providerId));
  const first = basis === 'month' ? reportingMonth : addMonths(reportingMonth, 1 - trailingYearMonths);

  const monthsByProvider = new Map<Id, MeasuredMonth[]>();
  for (const measurement of input.measurements) {
    if (measurement.kpiId !== kpi.id || !providerIds.has(measurement.providerId)) continue;
    if (measurement.period < first || measurement.period > reportingMonth) continue;
    const value = measurement.value !== null && Number.isFinite(measurement.value) ? measurement.value : null;
    const month: MeasuredMonth = {
      period: measurement.period,
      value,
      numerator: measurement.numerator,
      denominator: measurement.denominator,
    };
    const group = monthsByProvider.get(measurement.providerId);
    if (group === undefined) monthsByProvider.set(measurement.providerId, [month]);
    else group.push(month);
  }

  const rows = levels.map((level): KpiComparisonRow => {
    const aggregate = aggregateMeasurements(kpi, monthsByProvider.get(level.providerId) ?? []);
    const target = effectiveLevels(level, reportingMonth).expected;
    const result = aggregate.value;
    const base = {
      providerId: level.providerId,
      providerName: names.get(level.providerId) ?? level.providerId,
      serviceLevelId: level.id,
      critical: level.critical,
      result,
      months: aggregate.months,
      target,
    };
    if (result === null) return { ...base, percentOfTarget: null, status: 'noData' };
    const percentOfTarget = percentOf(kpi.direction, result, target);
    return percentOfTarget === null
      ? { ...base, percentOfTarget, status: 'notComparable' }
      : { ...base, percentOfTarget, status: 'compared' };
  });

  rows.sort((a, b) => {
    if (a.percentOfTarget !== null && b.percentOfTarget !== null && a.percentOfTarget !== b.percentOfTarget) {
      return a.percentOfTarget - b.percentOfTarget;
    }
    if ((a.percentOfTarget === null) !== (b.percentOfTarget === null)) return a.percentOfTarget === null ? 1 : -1;
    return compareText(a.providerName, b.providerName);
  });
  return rows;
}

/** Returns the result as a percentage of the target, direction-aware, or `null` when either is zero or negative. */
export function percentOf(direction: ControlTowerKpi['direction'], result: number, target: number): number | null {
  if (result <= 0 || target <= 0 || !Number.isFinite(result) || !Number.isFinite(target)) return null;
  return direction === 'higherIsBetter' ? (100 * result) / target : (100 * target) / result;
}
