import { describe, expect, it } from 'vitest';
import type { GanttExcerpt, LevelChart } from '../../../../../../shared/reports';
import {
  buildGanttOption,
  buildLevelChartOption,
  ganttHeight,
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
    { taskId: 'a', name: 'Knowledge transfer', start: '2026-03-02', finish: '2026-03-13', milestone: false, critical: true, progress: 50, baselineFinish: '2026-03-11' },
    { taskId: 'b', name: 'Go-live', start: '2026-03-16', finish: '2026-03-16', milestone: true, critical: true, progress: 0, baselineFinish: null },
  ],
};

describe('level chart', () => {
  it('draws an SVG with the provider name', () => {
    const svg = renderChartSvg(buildLevelChartOption(chart, text), 330, 190);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Expected');
  });

  it('leaves a gap for a month without data', () => {
    const option = buildLevelChartOption(chart, text) as { series: { data: (number | null)[] }[] };
    expect(option.series[0]?.data).toEqual([96.5, null, 91.2]);
  });
});

describe('Gantt excerpt', () => {
  it('draws a row per bar', () => {
    const svg = renderChartSvg(buildGanttOption(excerpt, { title: 'Plan', date: String }), 680, ganttHeight(2));
    expect(svg).toContain('Knowledge transfer');
    expect(svg).toContain('Go-live');
    expect(svg).toContain('<path');
  });

  it('grows with the bars', () => {
    expect(ganttHeight(10)).toBeGreaterThan(ganttHeight(2));
  });
});
