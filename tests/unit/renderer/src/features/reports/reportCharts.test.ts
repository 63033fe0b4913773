import { describe, expect, it } from 'vitest';
import type { GanttExcerpt, LevelChart } from '../../../../../../shared/reports';
import {
  buildGanttOption,
  buildLevelChartOption,
  ganttHeight,
  percentAxis,
  renderChartSvg,
} from '../../../../../../renderer/src/features/reports/reportCharts';

const chart: LevelChart = {
  serviceLevelId: 'level-1',
  providerName: '上海客服中心',
  kpiKey: 'nhs111.answeredWithin60s',
  kpiName: 'Calls answered within 60 seconds',
  unit: 'percent',
  months: ['2016-01', '2016-02', '2016-03'],
  results: [96.5, null, 91.2],
  expected: [96, 96, 96],
  minimum: [95, 95, 95],
};

const text = {
  title: 'Answered within 60 s',
  result: 'Result',
  expected: 'Expected',
  minimum: 'Minimum',
  month: (period: string) => period,
  value: (value: number) => `${String(value)}%`,
};

const excerpt: GanttExcerpt = {
  planId: 'plan-1',
  title: 'Transition',
  bars: [
    {
      taskId: 'a',
      name: 'Knowledge transfer',
      start: '2026-03-02',
      finish: '2026-03-13',
      milestone: false,
      critical: true,
      progress: 50,
      baselineFinish: '2026-03-11',
    },
    {
      taskId: 'b',
      name: 'Go-live',
      start: '2026-03-16',
      finish: '2026-03-16',
      milestone: true,
      critical: true,
      progress: 0,
      baselineFinish: null,
    },
  ],
};

describe('level chart', () => {
  it('draws an SVG with the provider name', () => {
    const svg = renderChartSvg(buildLevelChartOption(chart, text), 330, 190);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Expected');
  });

  it('stops a percent axis at 100%', () => {
    // ECharts' own nice steps of 3 would end this axis at 102%.
    const high: LevelChart = {
      ...chart,
      months: ['2016-01', '2016-02', '2016-03', '2016-04'],
      results: [99.74, 82.67, 80.86, 83.31],
      expected: [96, 96, 96, 96],
      minimum: [95, 95, 95, 95],
    };
    const svg = renderChartSvg(buildLevelChartOption(high, text), 330, 190);
    const labels = [...svg.matchAll(/>(-?\d+(?:\.\d+)?)%</g)].map((match) => Number(match[1]));
    expect(labels.length).toBeGreaterThan(2);
    expect(Math.max(...labels)).toBeLessThanOrEqual(100);
    expect(Math.max(...labels)).toBeGreaterThanOrEqual(99.74);
  });

  it('steps a percent axis evenly up to 100%', () => {
    // ECharts' own steps from the data's minimum ended such an axis on 99% and then 100%.
    const cases: number[][] = [
      [99.74, 82.67, 80.86, 83.31, 96, 95],
      [91, 99.2],
      [100, 100],
      [0, 100],
      [37.5, 38.1],
      [99.9, 99.95],
    ];
    for (const values of cases) {
      const { min, max, interval } = percentAxis(values);
      expect(max, String(values)).toBeLessThanOrEqual(100);
      expect(max, String(values)).toBeGreaterThanOrEqual(Math.max(...values));
      expect(min, String(values)).toBeLessThanOrEqual(Math.min(...values));
      expect(Number.isInteger(Math.round(((max - min) / interval) * 1e9) / 1e9), String(values)).toBe(true);
      expect((max - min) / interval, String(values)).toBeLessThanOrEqual(8);
    }
    expect(percentAxis([99.74, 82.67, 80.86, 83.31, 96, 95])).toEqual({ min: 80, max: 100, interval: 5 });
  });

  it('labels a percent axis in even steps', () => {
    // ECharts' own steps labelled this axis 84, 87, 90, 93, 96, 99 and 100.
    const months = ['2016-01', '2016-02', '2016-03', '2016-04'];
    const near: LevelChart = { ...chart, months, results: [85.2, 95, 90, 99.9], expected: [95, 95, 95, 95], minimum: [90, 90, 90, 90] };
    const svg = renderChartSvg(buildLevelChartOption(near, text), 330, 190);
    const labels = [...svg.matchAll(/>(-?\d+(?:\.\d+)?)%</g)].map((match) => Number(match[1]));
    const steps = new Set(labels.slice(1).map((label, index) => Math.round((label - (labels[index] ?? 0)) * 1000) / 1000));
    expect(labels.length).toBeGreaterThan(2);
    expect(steps.size).toBe(1);
    expect(Math.max(...labels)).toBe(100);
  });

  it('keeps results above 100% in view', () => {
    const above: LevelChart = { ...chart, results: [104, 101, 99] };
    const svg = renderChartSvg(buildLevelChartOption(above, text), 330, 190);
    const labels = [...svg.matchAll(/>(-?\d+(?:\.\d+)?)%</g)].map((match) => Number(match[1]));
    expect(Math.max(...labels)).toBeGreaterThanOrEqual(104);
  });

  it('leaves a gap for a month without data', () => {
    const option = buildLevelChartOption(chart, text) as { series: { data: (number | null)[] }[] };
    expect(option.series[0]?.data).toEqual([96.5, null, 91.2]);
  });
});

const ganttText = {
  title: 'Plan',
  date: String,
  legend: { critical: 'Critical task', task: 'Other task', milestone: 'Milestone', baseline: 'Baseline finish' },
};

describe('Gantt excerpt', () => {
  it('draws a row per bar', () => {
    const svg = renderChartSvg(buildGanttOption(excerpt, ganttText), 680, ganttHeight(2));
    expect(svg).toContain('Knowledge transfer');
    expect(svg).toContain('Go-live');
    expect(svg).toContain('<path');
  });

  it('explains bars and marks in a legend', () => {
    const svg = renderChartSvg(buildGanttOption(excerpt, ganttText), 680, ganttHeight(2));
    for (const entry of Object.values(ganttText.legend)) expect(svg, entry).toContain(entry);
  });

  it('grows with the bars', () => {
    expect(ganttHeight(10)).toBeGreaterThan(ganttHeight(2));
  });
});
