/** Runs the KPI analytics on one provider's measurements of one KPI, for its card. */
import type { TFunction } from 'i18next';
import type { KpiDefinition, Measurement, ServiceLevel } from '@shared/domain/types';
import { analyzeKpiSeries } from '@shared/kpi/analytics';
import type { KpiAnalytics } from '@shared/kpi/analytics';
import { effectiveLevels } from '@shared/kpi/creditsGlidePath';
import type { KpiAnalyticsChartText } from './analyticsChartSeries';

/** Analytics of a card, or `failed` when the measurements hold two results for one month or a non-finite value. */
export type CardAnalytics = { readonly status: 'ready'; readonly result: KpiAnalytics } | { readonly status: 'failed' };

/**
 * Analyses the measurements against the minimum in force each month (glide path included).
 * A month whose value is `null` stays a gap.
 */
export function analyzeMeasurements(kpi: KpiDefinition, level: ServiceLevel | null, measurements: readonly Measurement[]): CardAnalytics {
  try {
    const result = analyzeKpiSeries({
      points: measurements.map((measurement) => ({ period: measurement.period, value: measurement.value })),
      kpi,
      minimumFor: level === null ? null : (period) => effectiveLevels(level, period).minimum,
    });
    return { status: 'ready', result };
  } catch (error) {
    // Only the input checks of `observedMonths` throw `RangeError`; anything else is a bug to surface.
    if (error instanceof RangeError) return { status: 'failed' };
    throw error;
  }
}

/** Names and tooltip lines of the analytics series on the chart. */
export function analyticsChartText(t: TFunction): KpiAnalyticsChartText {
  return {
    mean: t('analytics.seriesMean'),
    upperLimit: t('analytics.seriesUpperLimit'),
    lowerLimit: t('analytics.seriesLowerLimit'),
    signal: t('analytics.seriesSignal'),
    anomaly: t('analytics.seriesAnomaly'),
    forecast: t('analytics.seriesForecast'),
    interval: t('analytics.seriesInterval'),
    forecastTooltip: (value, lower, upper) => t('analytics.tooltipForecast', { value, lower, upper }),
  };
}
