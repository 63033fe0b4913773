/**
 * Builds the ECharts option of one KPI's monthly chart for one provider: the monthly results as
 * a line with a gap for every month without data, the expected and minimum levels as dashed
 * lines, and, when given, the analytics (control limits, marked months, forecast band). Pure, so
 * the option is tested without a browser.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { KpiUnit, Measurement, Period, ServiceLevel } from '@shared/domain/types';
import type { KpiAnalytics } from '@shared/kpi/analytics';
import { axisWithForecast, buildAnalyticsSeries, forecastByPeriod, markedMonths } from './analyticsChartSeries';
import type { KpiAnalyticsChartText } from './analyticsChartSeries';

export interface KpiChartText {
  readonly result: string;
  readonly expected: string;
  readonly minimum: string;
  /** Name of the single level line drawn when the expected and minimum levels are equal. */
  readonly expectedAndMinimum: string;
  readonly noData: string;
  /** Formats a month label, for example `Apr 2015`. */
  readonly period: (period: Period) => string;
  /** Formats a value in the KPI's unit. */
  readonly value: (value: number) => string;
  /** Formats `numerator of denominator`. */
  readonly ratio: (numerator: number, denominator: number) => string;
}

export interface KpiChartInput {
  readonly level: ServiceLevel | null;
  readonly measurements: readonly Measurement[];
  /** Every month on the axis, in order; months without a measurement become gaps. */
  readonly periods: readonly Period[];
  readonly text: KpiChartText;
  /** Analytics of the same measurements, drawn over the results; the axis grows to the last forecast month. */
  readonly analytics?: { readonly result: KpiAnalytics; readonly text: KpiAnalyticsChartText; readonly unit: KpiUnit } | null;
}

/** One point of the result line; `value` is `null` for a month without data, which ECharts draws as a gap. */
export interface KpiPoint {
  readonly value: number | null;
  readonly period: Period;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export function buildKpiPoints(measurements: readonly Measurement[], periods: readonly Period[]): KpiPoint[] {
  const byPeriod = new Map(measurements.map((measurement) => [measurement.period, measurement]));
  return periods.map((period) => {
    const measurement = byPeriod.get(period);
    return {
      period,
      value: measurement?.value ?? null,
      numerator: measurement?.numerator ?? null,
      denominator: measurement?.denominator ?? null,
    };
  });
}

interface TooltipParam {
  readonly seriesIndex?: number;
  readonly dataIndex?: number;
}

export function buildKpiChartOption(input: KpiChartInput): EChartsCoreOption {
  const { level, text } = input;
  const analytics = input.analytics ?? null;
  const periods = axisWithForecast(input.periods, analytics?.result ?? null);
  const points = buildKpiPoints(input.measurements, periods);
  const values = points.map((point) => point.value);
  const labels = periods.map((period) => text.period(period));
  const forecasts = forecastByPeriod(analytics?.result ?? null);
  const { signalled, anomalous } = markedMonths(analytics?.result ?? null);
  const extra = analytics ? buildAnalyticsSeries(analytics.result, periods, values, analytics.text, analytics.unit) : { series: [], legend: [] };

  const tooltip = (params: TooltipParam | TooltipParam[]): string => {
    const first = Array.isArray(params) ? params[0] : params;
    const point = first?.dataIndex === undefined ? undefined : points[first.dataIndex];
    if (!point) return '';
    const lines = [text.period(point.period)];
    const forecast = forecasts.get(point.period);
    if (point.value === null && forecast === undefined) {
      lines.push(text.noData);
    } else if (point.value !== null) {
      lines.push(`${text.result}: ${text.value(point.value)}`);
      if (point.numerator !== null && point.denominator !== null) lines.push(text.ratio(point.numerator, point.denominator));
    }
    if (forecast !== undefined && analytics) {
      lines.push(analytics.text.forecastTooltip(text.value(forecast.value), text.value(forecast.lower), text.value(forecast.upper)));
    }
    if (analytics && signalled.has(point.period)) lines.push(analytics.text.signal);
    if (analytics && anomalous.has(point.period)) lines.push(analytics.text.anomaly);
    if (level) {
      lines.push(`${text.expected}: ${text.value(level.expected)}`);
      lines.push(`${text.minimum}: ${text.value(level.minimum)}`);
    }
    return lines.map(escapeHtml).join('<br/>');
  };

  const levelLine = (name: string, value: number, color: string) => ({
    name,
    type: 'line',
    data: periods.map(() => value),
    symbol: 'none',
    lineStyle: { type: 'dashed', width: 1.5 },
    color,
    silent: true,
  });
  // Equal levels would draw one line over the other, so they become one line with one name.
  const levelSeries = !level
    ? []
    : level.expected === level.minimum
      ? [levelLine(text.expectedAndMinimum, level.minimum, '#b3261e')]
      : [levelLine(text.expected, level.expected, '#1e7d45'), levelLine(text.minimum, level.minimum, '#b3261e')];

  return {
    animation: false,
    aria: { enabled: true },
    // The legend wraps to a second row when the analytics add their series.
    grid: { left: 56, right: 16, top: analytics ? 64 : 36, bottom: 40 },
    legend: { top: 0, data: [text.result, ...levelSeries.map((series) => series.name), ...extra.legend] },
    tooltip: { trigger: 'axis', formatter: tooltip },
    // Every month keeps its label up to two years; longer ranges let ECharts thin them out.
    xAxis: {
      type: 'category',
      data: labels,
      boundaryGap: false,
      axisLabel: periods.length <= 24 ? { interval: 0, rotate: 40 } : { hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { formatter: (value: number) => text.value(value) },
    },
    series: [
      {
        name: text.result,
        type: 'line',
        data: values,
        connectNulls: false,
        showSymbol: true,
        symbolSize: 6,
        color: '#1f5fbf',
      },
      ...levelSeries,
      ...extra.series,
    ],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
