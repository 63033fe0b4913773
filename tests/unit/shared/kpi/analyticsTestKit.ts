/** Builders of KPI series for the analytics tests. */
import { addMonths } from '../../../../shared/domain/period';
import type { KpiSeriesPoint, ObservedMonth } from '../../../../shared/kpi/analyticsSeries';
import { observedMonths } from '../../../../shared/kpi/analyticsSeries';

/** Returns one point per value, in consecutive months from `start`; `null` is a gap. */
export function seriesFrom(start: string, values: readonly (number | null)[]): KpiSeriesPoint[] {
  return values.map((value, index) => ({ period: addMonths(start, index), value }));
}

/** Returns the months with data of `seriesFrom(start, values)`. */
export function monthsFrom(start: string, values: readonly (number | null)[]): ObservedMonth[] {
  return observedMonths(seriesFrom(start, values));
}
