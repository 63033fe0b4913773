/**
 * Everything the analytics compute for one KPI series of one provider: control chart, anomaly
 * flags, trend forecast and the probability of missing the minimum next month. The KPI card
 * shows it, and `trendingToBreach` is meant for the dashboard's insights. Time is linear in the
 * series length, plus a sort that is skipped for series already in month order.
 */
import type { KpiDefinitionData, Period } from '../domain/types';
import { anomalyFlags } from './anomaly';
import type { AnomalyResult } from './anomaly';
import { observedMonths } from './analyticsSeries';
import type { KpiSeriesPoint } from './analyticsSeries';
import { controlChart } from './control';
import type { ControlChart } from './control';
import { missProbability, trendForecast } from './forecast';
import type { TrendForecast } from './forecast';

/** Probability of missing the minimum next month from which a KPI counts as trending to a breach. */
export const breachWarningProbability = 0.5;

export interface KpiAnalyticsInput {
  /** Monthly results in any order; `null` values and missing months are gaps. */
  readonly points: readonly KpiSeriesPoint[];
  readonly kpi: Pick<KpiDefinitionData, 'direction' | 'unit'>;
  /**
   * Minimum level in force in a month (a glide path can change it), or `null` for a reported
   * KPI with no service level.
   */
  readonly minimumFor: ((period: Period) => number) | null;
}

/** First forecast month whose point forecast misses the minimum in force that month. */
export interface ForecastBreach {
  readonly period: Period;
  readonly predicted: number;
  readonly minimum: number;
}

export interface KpiAnalytics {
  readonly control: ControlChart;
  readonly anomalies: AnomalyResult;
  readonly forecast: TrendForecast;
  /** Probability that next month misses the minimum, or `null` without a forecast or a service level. */
  readonly nextMonthMissProbability: number | null;
  /** Minimum in force next month, or `null` without a forecast or a service level. */
  readonly nextMonthMinimum: number | null;
  /** First of the three forecast months whose point forecast misses the minimum, or `null`. */
  readonly forecastBreach: ForecastBreach | null;
  /**
   * True when next month's miss probability is 50% or more, or the point forecast misses the
   * minimum within three months.
   */
  readonly trendingToBreach: boolean;
}

/** Analyses one series. Throws a `RangeError` on a non-finite value or two values for one month (see `observedMonths`). */
export function analyzeKpiSeries(input: KpiAnalyticsInput): KpiAnalytics {
  const { direction, unit } = input.kpi;
  const months = observedMonths(input.points);
  const control = controlChart(months, direction);
  const anomalies = anomalyFlags(months, direction);
  const forecast = trendForecast(months, unit);

  let nextMonthMissProbability: number | null = null;
  let nextMonthMinimum: number | null = null;
  let forecastBreach: ForecastBreach | null = null;
  if (forecast.status === 'ready' && input.minimumFor !== null) {
    const next = forecast.months[0];
    if (next !== undefined) {
      nextMonthMinimum = input.minimumFor(next.period);
      nextMonthMissProbability = missProbability(next, forecast.degreesOfFreedom, direction, nextMonthMinimum);
    }
    for (const month of forecast.months) {
      const minimum = input.minimumFor(month.period);
      const misses = direction === 'higherIsBetter' ? month.predicted < minimum : month.predicted > minimum;
      if (misses) {
        forecastBreach = { period: month.period, predicted: month.predicted, minimum };
        break;
      }
    }
  }

  const trendingToBreach =
    (nextMonthMissProbability !== null && nextMonthMissProbability >= breachWarningProbability) || forecastBreach !== null;
  return { control, anomalies, forecast, nextMonthMissProbability, nextMonthMinimum, forecastBreach, trendingToBreach };
}
