import { describe, expect, test } from 'vitest';
import { buildKpiChartOption, buildKpiPoints } from '../../../../../../renderer/src/features/kpi/kpiChartOption';
import type { KpiChartText } from '../../../../../../renderer/src/features/kpi/kpiChartOption';
import type { KpiAnalyticsChartText } from '../../../../../../renderer/src/features/kpi/analyticsChartSeries';
import { addMonths } from '../../../../../../shared/domain/period';
import { analyzeKpiSeries } from '../../../../../../shared/kpi/analytics';
import { makeMeasurement, makeServiceLevel } from '../../../../shared/domain/factories';

const text: KpiChartText = {
  result: 'Result',
  expected: 'Expected',
  minimum: 'Minimum',
  expectedAndMinimum: 'Expected and minimum',
  noData: 'No data',
  period: (period) => `label ${period}`,
  value: (value) => `${value.toFixed(1)}%`,
  ratio: (numerator, denominator) => `${numerator} of ${denominator}`,
};

const periods = ['2015-04', '2015-05', '2015-06'];
const measurements = [
  makeMeasurement('p', 'answered', '2015-04', 90, { numerator: 90, denominator: 100 }),
  makeMeasurement('p', 'answered', '2015-06', 97, { numerator: 97, denominator: 100 }),
];

interface SeriesOption {
  name: string;
  data: (number | null)[];
}

function seriesOf(option: Record<string, unknown>): SeriesOption[] {
  return option.series as SeriesOption[];
}

function tooltipOf(option: Record<string, unknown>): (params: { dataIndex: number }) => string {
  return (option.tooltip as { formatter: (params: { dataIndex: number }) => string }).formatter;
}

describe('buildKpiPoints', () => {
  test('missing month is a null gap', () => {
    expect(buildKpiPoints(measurements, periods).map((point) => point.value)).toEqual([90, null, 97]);
  });
});

describe('buildKpiChartOption', () => {
  test('axis labels come from the period formatter', () => {
    const option = buildKpiChartOption({ level: null, measurements, periods, text }) as Record<string, unknown>;
    expect((option.xAxis as { data: string[] }).data).toEqual(['label 2015-04', 'label 2015-05', 'label 2015-06']);
  });

  test('gaps are never drawn as zero', () => {
    const option = buildKpiChartOption({ level: null, measurements, periods, text }) as Record<string, unknown>;
    const result = seriesOf(option)[0]!;
    expect(result.data).toEqual([90, null, 97]);
    expect((result as unknown as { connectNulls: boolean }).connectNulls).toBe(false);
  });

  test('distinct levels draw two lines', () => {
    const level = makeServiceLevel('l', 'p', 'answered', 90, 95);
    const option = buildKpiChartOption({ level, measurements, periods, text }) as Record<string, unknown>;
    const names = seriesOf(option).map((series) => series.name);
    expect(names).toEqual(['Result', 'Expected', 'Minimum']);
    expect(seriesOf(option)[1]!.data).toEqual([95, 95, 95]);
    expect(seriesOf(option)[2]!.data).toEqual([90, 90, 90]);
  });

  test('equal levels draw one line', () => {
    const level = makeServiceLevel('l', 'p', 'answered', 95, 95);
    const option = buildKpiChartOption({ level, measurements, periods, text }) as Record<string, unknown>;
    expect(seriesOf(option).map((series) => series.name)).toEqual(['Result', 'Expected and minimum']);
  });

  test('tooltip shows numerator and denominator', () => {
    const option = buildKpiChartOption({ level: null, measurements, periods, text }) as Record<string, unknown>;
    expect(tooltipOf(option)({ dataIndex: 0 })).toBe('label 2015-04<br/>Result: 90.0%<br/>90 of 100');
  });

  test('tooltip says when a month has no data', () => {
    const option = buildKpiChartOption({ level: null, measurements, periods, text }) as Record<string, unknown>;
    expect(tooltipOf(option)({ dataIndex: 1 })).toBe('label 2015-05<br/>No data');
  });

  test('tooltip escapes provider text', () => {
    const option = buildKpiChartOption({
      level: null,
      measurements,
      periods,
      text: { ...text, period: () => '<b>A&E</b>' },
    }) as Record<string, unknown>;
    expect(tooltipOf(option)({ dataIndex: 1 })).toBe('&#60;b&#62;A&#38;E&#60;/b&#62;<br/>No data');
  });
});

describe('buildKpiChartOption with analytics', () => {
  const analyticsText: KpiAnalyticsChartText = {
    mean: 'Mean',
    upperLimit: 'UCL',
    lowerLimit: 'LCL',
    signal: 'Signal',
    anomaly: 'Anomaly',
    forecast: 'Forecast',
    interval: 'Interval',
    forecastTooltip: (value, lower, upper) => `Forecast ${value} (${lower} to ${upper})`,
  };
  // Apr 2015 to Mar 2016 with Jul 2015 missing and a collapse in Mar 2016.
  const values = [95, 96, 95, null, 95, 96, 95, 96, 95, 96, 95, 80];
  const axis = values.map((_, index) => addMonths('2015-04', index));
  const yearMeasurements = values.flatMap((value, index) => (value === null ? [] : [makeMeasurement('p', 'answered', axis[index]!, value)]));
  const result = analyzeKpiSeries({
    points: yearMeasurements.map((measurement) => ({ period: measurement.period, value: measurement.value })),
    kpi: { direction: 'higherIsBetter', unit: 'percent' },
    minimumFor: () => 90,
  });
  const option = buildKpiChartOption({
    level: null,
    measurements: yearMeasurements,
    periods: axis,
    text,
    analytics: { result, text: analyticsText, unit: 'percent' },
  }) as Record<string, unknown>;
  const byName = (name: string) => seriesOf(option).filter((series) => series.name === name);

  test('axis grows by the forecast months', () => {
    const labels = (option.xAxis as { data: string[] }).data;
    expect(labels).toHaveLength(15);
    expect(labels.slice(-3)).toEqual(['label 2016-04', 'label 2016-05', 'label 2016-06']);
  });

  test('gap stays null next to analytics', () => {
    const data = byName('Result')[0]!.data;
    expect(data[3]).toBeNull();
    expect(data.slice(-3)).toEqual([null, null, null]);
    expect(data.filter((value) => value === 0)).toEqual([]);
  });

  test('control limits span the months with data', () => {
    if (result.control.status !== 'ready') throw new Error('expected limits');
    const mean = byName('Mean')[0]!.data;
    expect(mean[0]).toBeCloseTo(result.control.limits.mean, 10);
    expect(mean[11]).toBeCloseTo(result.control.limits.mean, 10);
    expect(mean.slice(-3)).toEqual([null, null, null]);
    expect(byName('UCL')[0]!.data[0]).toBeCloseTo(Math.min(100, result.control.limits.upperLimit), 10);
    expect(byName('LCL')[0]!.data[0]).toBeCloseTo(Math.max(0, result.control.limits.lowerLimit), 10);
  });

  test('draws a limit beyond 100% at the edge of the percent scale', () => {
    if (result.control.status !== 'ready') throw new Error('expected limits');
    expect(result.control.limits.upperLimit).toBeGreaterThan(100);
    expect(byName('UCL')[0]!.data[0]).toBe(100);
  });

  test('marks the signalled and anomalous month', () => {
    expect(byName('Signal')[0]!.data[11]).toBe(80);
    expect(byName('Anomaly')[0]!.data[11]).toBe(80);
    expect(byName('Anomaly')[0]!.data.slice(0, 11).every((value) => value === null)).toBe(true);
  });

  test('forecast continues from the last result', () => {
    if (result.forecast.status !== 'ready') throw new Error('expected a forecast');
    const forecast = byName('Forecast')[0] as unknown as { data: (number | null)[]; lineStyle: { type: string } };
    expect(forecast.lineStyle.type).toBe('dashed');
    expect(forecast.data.slice(0, 11).every((value) => value === null)).toBe(true);
    expect(forecast.data[11]).toBe(80);
    expect(forecast.data.slice(-3)).toEqual(result.forecast.months.map((month) => month.value));
  });

  test('interval band stacks width on lower edge', () => {
    if (result.forecast.status !== 'ready') throw new Error('expected a forecast');
    const [lower, width] = byName('Interval');
    const first = result.forecast.months[0]!;
    expect(lower!.data[12]).toBeCloseTo(first.lower, 10);
    expect(width!.data[12]).toBeCloseTo(first.upper - first.lower, 10);
    expect(width!.data[11]).toBeNull();
  });

  test('tooltip of a forecast month', () => {
    if (result.forecast.status !== 'ready') throw new Error('expected a forecast');
    const first = result.forecast.months[0]!;
    const format = (value: number) => `${value.toFixed(1)}%`;
    expect(tooltipOf(option)({ dataIndex: 12 })).toBe(
      `label 2016-04<br/>Forecast ${format(first.value)} (${format(first.lower)} to ${format(first.upper)})`,
    );
  });
});
