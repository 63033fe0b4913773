import { describe, expect, test } from 'vitest';
import { buildKpiChartOption, buildKpiPoints } from '../../../../../../renderer/src/features/kpi/kpiChartOption';
import type { KpiChartText } from '../../../../../../renderer/src/features/kpi/kpiChartOption';
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
