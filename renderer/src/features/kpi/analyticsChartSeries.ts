/**
 * ECharts series that draw a KPI's analytics on its monthly chart. The control chart's mean and
 * limits span the months with data, markers sit on signalled and anomalous months, and the
 * three-month forecast is a dashed line inside a shaded 80% interval band.
 */
import { addMonths, periodRange } from '@shared/domain/period';
import type { KpiUnit, Period } from '@shared/domain/types';
import type { KpiAnalytics } from '@shared/kpi/analytics';
import { clampForDisplay } from '@shared/kpi/forecast';
import type { ForecastMonth } from '@shared/kpi/forecast';

export interface KpiAnalyticsChartText {
  readonly mean: string;
  readonly upperLimit: string;
  readonly lowerLimit: string;
  readonly signal: string;
  readonly anomaly: string;
  readonly forecast: string;
  readonly interval: string;
  /** Tooltip line of a forecast month, given its formatted value and interval ends. */
  readonly forecastTooltip: (value: string, lower: string, upper: string) => string;
}

const limitColor = '#6b6b6b';
const signalColor = '#b3261e';
const anomalyColor = '#a35a00';
const forecastColor = '#7a4fbf';
const intervalStack = 'forecastInterval';

/** Months on the axis: `periods`, extended to the last forecast month when it comes later. */
export function axisWithForecast(periods: readonly Period[], analytics: KpiAnalytics | null): readonly Period[] {
  const lastForecast = analytics?.forecast.status === 'ready' ? analytics.forecast.months.at(-1)?.period : undefined;
  const first = periods[0];
  const last = periods.at(-1);
  if (lastForecast === undefined || first === undefined || last === undefined || lastForecast <= last) {
    return periods;
  }
  return [...periods, ...periodRange(addMonths(last, 1), lastForecast)];
}

/** Forecast months by period, for the tooltip. */
export function forecastByPeriod(analytics: KpiAnalytics | null): ReadonlyMap<Period, ForecastMonth> {
  return new Map(analytics?.forecast.status === 'ready' ? analytics.forecast.months.map((month) => [month.period, month]) : []);
}

/** Months named by a run rule signal, and months flagged as anomalies. */
export function markedMonths(analytics: KpiAnalytics | null): { readonly signalled: ReadonlySet<Period>; readonly anomalous: ReadonlySet<Period> } {
  const signalled = new Set<Period>();
  if (analytics?.control.status === 'ready') {
    for (const signal of analytics.control.signals) for (const period of signal.periods) signalled.add(period);
  }
  return { signalled, anomalous: new Set(analytics?.anomalies.flags.map((flag) => flag.period) ?? []) };
}

/**
 * Builds the analytics series over `axis`. `values` contains the result of each axis month
 * (`null` for a gap); markers sit on those values, and the forecast line starts at the last
 * month with data so that it continues the result line.
 */
export function buildAnalyticsSeries(
  analytics: KpiAnalytics,
  axis: readonly Period[],
  values: readonly (number | null)[],
  text: KpiAnalyticsChartText,
  unit: KpiUnit,
): { readonly series: Record<string, unknown>[]; readonly legend: string[] } {
  const series: Record<string, unknown>[] = [];
  const legend: string[] = [];

  const { control } = analytics;
  if (control.status === 'ready') {
    // Limits are drawn from the first to the last month with data, not over the forecast.
    let firstData = -1;
    let lastData = -1;
    values.forEach((value, index) => {
      if (value === null) return;
      if (firstData < 0) firstData = index;
      lastData = index;
    });
    const flatLine = (name: string, level: number, dashed: boolean) => ({
      name,
      type: 'line',
      data: axis.map((_, index) => (index >= firstData && index <= lastData ? level : null)),
      symbol: 'none',
      lineStyle: { type: dashed ? 'dotted' : 'solid', width: 1 },
      color: limitColor,
      silent: true,
    });
    series.push(flatLine(text.mean, control.limits.mean, false));
    // A limit beyond what the unit allows (below 0% or above 100%) is drawn at the edge, as the forecast is.
    series.push(flatLine(text.upperLimit, clampForDisplay(control.limits.upperLimit, unit), true));
    series.push(flatLine(text.lowerLimit, clampForDisplay(control.limits.lowerLimit, unit), true));
    legend.push(text.mean, text.upperLimit, text.lowerLimit);
  }

  const { signalled, anomalous } = markedMonths(analytics);
  const markers = (name: string, months: ReadonlySet<Period>, symbol: string, color: string) => ({
    name,
    type: 'line',
    data: axis.map((period, index) => (months.has(period) ? (values[index] ?? null) : null)),
    symbol,
    symbolSize: 13,
    showSymbol: true,
    lineStyle: { width: 0 },
    itemStyle: { color: 'transparent', borderColor: color, borderWidth: 2 },
    color,
    connectNulls: false,
  });
  if (signalled.size > 0) {
    series.push(markers(text.signal, signalled, 'circle', signalColor));
    legend.push(text.signal);
  }
  if (anomalous.size > 0) {
    series.push(markers(text.anomaly, anomalous, 'diamond', anomalyColor));
    legend.push(text.anomaly);
  }

  const { forecast } = analytics;
  if (forecast.status === 'ready') {
    const byPeriod = forecastByPeriod(analytics);
    const lastIndex = axis.indexOf(forecast.fittedTo);
    const forecastLine = axis.map((period, index) => {
      if (index === lastIndex) return values[index] ?? null;
      return byPeriod.get(period)?.value ?? null;
    });
    // The band is a stack of two series: an invisible lower edge and the interval's width on top of it.
    const lowerEdge = axis.map((period) => byPeriod.get(period)?.lower ?? null);
    const width = axis.map((period) => {
      const month = byPeriod.get(period);
      return month === undefined ? null : month.upper - month.lower;
    });
    series.push({
      name: text.interval,
      type: 'line',
      data: lowerEdge,
      stack: intervalStack,
      symbol: 'none',
      lineStyle: { opacity: 0 },
      silent: true,
      color: forecastColor,
    });
    series.push({
      name: text.interval,
      type: 'line',
      data: width,
      stack: intervalStack,
      symbol: 'none',
      lineStyle: { opacity: 0 },
      areaStyle: { color: forecastColor, opacity: 0.18 },
      silent: true,
      color: forecastColor,
    });
    series.push({
      name: text.forecast,
      type: 'line',
      data: forecastLine,
      connectNulls: false,
      symbol: 'emptyCircle',
      symbolSize: 6,
      lineStyle: { type: 'dashed', width: 2 },
      color: forecastColor,
    });
    legend.push(text.forecast, text.interval);
  }

  return { series, legend };
}
