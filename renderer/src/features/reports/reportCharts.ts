/**
 * Charts of a pack as SVG strings, drawn by ECharts' SVG renderer in server-side mode (no DOM, so
 * they stay vectors in the PDF): a critical level's months against its expected and minimum
 * levels, and a plan's Gantt excerpt. The option builders are pure and tested; `renderChartSvg`
 * only draws.
 */
import * as echarts from 'echarts/core';
import { CustomChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import type { GanttExcerpt, LevelChart } from '@shared/reports';
import { toDayNumber } from '@shared/schedule/days';

echarts.use([LineChart, CustomChart, GridComponent, LegendComponent, AriaComponent, SVGRenderer]);

/** Size of a level chart in CSS pixels; two fit side by side on a portrait A4 or Letter page. */
export const levelChartSize = { width: 330, height: 190 } as const;

/** Width of a Gantt excerpt, and the height of one bar's row, in CSS pixels. */
export const ganttWidth = 680;
export const ganttRowHeight = 22;

/** Font the charts draw their text in: the pack's embedded font, so CJK names print. */
export const chartFontFamily = "'Noto Sans SC', sans-serif";

export interface LevelChartText {
  readonly title: string;
  readonly result: string;
  readonly expected: string;
  readonly minimum: string;
  readonly month: (period: string) => string;
  readonly value: (value: number) => string;
}

const textStyle = { fontFamily: chartFontFamily, fontSize: 10, color: '#1d2433' };

export function buildLevelChartOption(chart: LevelChart, text: LevelChartText): EChartsCoreOption {
  const line = (name: string, data: readonly (number | null)[], color: string, dashed: boolean) => ({
    name,
    type: 'line',
    data: [...data],
    step: dashed ? 'middle' : undefined,
    symbol: dashed ? 'none' : 'circle',
    symbolSize: 4,
    connectNulls: false,
    animation: false,
    lineStyle: { color, width: dashed ? 1 : 2, type: dashed ? 'dashed' : 'solid' },
    itemStyle: { color },
  });
  const values = [...chart.results, ...chart.expected, ...chart.minimum].filter((value) => value !== null);
  // Percentages of at most 100 are charted on an axis that stops at 100%, not on ECharts' next nice step past it.
  const percentCap = chart.unit === 'percent' && values.length > 0 && values.every((value) => value <= 100) ? percentAxis(values) : {};
  return {
    animation: false,
    textStyle,
    aria: { enabled: true, label: { description: text.title } },
    legend: { bottom: 0, itemWidth: 14, itemHeight: 6, textStyle },
    grid: { left: 48, right: 8, top: 8, bottom: 40 },
    xAxis: { type: 'category', data: chart.months.map(text.month), axisLabel: { ...textStyle, fontSize: 8, interval: 2 } },
    yAxis: { type: 'value', scale: true, ...percentCap, axisLabel: { ...textStyle, fontSize: 8, showMaxLabel: true, formatter: (value: number) => text.value(value) } },
    series: [
      line(text.result, chart.results, '#1f5fbf', false),
      line(text.expected, chart.expected, '#1e7d45', true),
      line(text.minimum, chart.minimum, '#b3261e', true),
    ],
  };
}

/** Returns the smallest axis step of 1, 2, 2.5 or 5 times a power of ten that is at least `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  return ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power;
}

/**
 * Returns the bounds and step of a percent axis for `values`, all at most 100: about four even
 * steps, from a multiple of the step up to at most 100. Every step divides 100, so an axis that
 * ends at 100% ends on a step and never shows 99% and 100% side by side.
 */
export function percentAxis(values: readonly number[]): { readonly min: number; readonly max: number; readonly interval: number } {
  const low = Math.min(...values);
  const high = Math.max(...values);
  // A span of at least 4 percentage points, so that a flat line still gets a readable axis.
  const interval = niceStep(Math.max(high - low, 4) / 4);
  const max = Math.min(100, Math.ceil(high / interval) * interval);
  let min = Math.floor(low / interval) * interval;
  if (min === max) min = max - interval;
  return { min, max, interval };
}

export interface GanttText {
  readonly title: string;
  readonly date: (day: number) => string;
  /** Legend entries: a critical task, another task, a milestone and the baseline finish mark. */
  readonly legend: { readonly critical: string; readonly task: string; readonly milestone: string; readonly baseline: string };
}

/** Height of a Gantt excerpt with `bars` rows and its legend, in CSS pixels. */
export function ganttHeight(bars: number): number {
  return 60 + Math.max(bars, 1) * ganttRowHeight;
}

const criticalColor = '#b3261e';
const taskColor = '#1f5fbf';
const baselineColor = '#5a6478';
/** A thin upright bar, the legend icon of the baseline finish mark. */
const baselineIcon = 'path://M0,0 L2,0 L2,10 L0,10 Z';

/**
 * Builds a Gantt excerpt: one row per bar, a bar from start to the end of the finish day (a
 * diamond for a milestone), the critical ones in red, and the baseline finish as a grey tick.
 */
export function buildGanttOption(excerpt: GanttExcerpt, text: GanttText): EChartsCoreOption {
  const rows = excerpt.bars.map((bar, index) => ({
    value: [index, toDayNumber(bar.start), toDayNumber(bar.finish) + (bar.milestone ? 0 : 1), bar.baselineFinish === null ? -1 : toDayNumber(bar.baselineFinish) + 1],
    milestone: bar.milestone,
    critical: bar.critical,
  }));
  const days = rows.flatMap((row) => [row.value[1] ?? 0, row.value[2] ?? 0]);
  const first = Math.min(...days);
  const last = Math.max(...days);
  return {
    animation: false,
    textStyle,
    aria: { enabled: true, label: { description: text.title } },
    grid: { left: 200, right: 16, top: 8, bottom: 48 },
    // The legend names the bars and marks; its entries belong to the empty series below.
    legend: {
      bottom: 0,
      itemWidth: 12,
      itemHeight: 8,
      textStyle,
      data: [
        { name: text.legend.critical, icon: 'rect', itemStyle: { color: criticalColor } },
        { name: text.legend.task, icon: 'rect', itemStyle: { color: taskColor } },
        { name: text.legend.milestone, icon: 'diamond', itemStyle: { color: criticalColor } },
        { name: text.legend.baseline, icon: baselineIcon, itemStyle: { color: baselineColor } },
      ],
      selectedMode: false,
    },
    xAxis: { type: 'value', min: first, max: Math.max(last, first + 1), axisLabel: { ...textStyle, fontSize: 8, formatter: (day: number) => text.date(day) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: excerpt.bars.map((bar) => bar.name),
      axisLabel: { ...textStyle, fontSize: 9, width: 190, overflow: 'truncate' },
    },
    series: [
      {
        type: 'custom',
        animation: false,
        encode: { x: [1, 2], y: 0 },
        data: rows.map((row) => ({ value: row.value, milestone: row.milestone, critical: row.critical })),
        renderItem: (params: { dataIndex: number }, api: GanttApi) => renderBar(rows[params.dataIndex], api),
      },
      ...[text.legend.critical, text.legend.task, text.legend.milestone, text.legend.baseline].map((name) => ({
        type: 'custom',
        name,
        data: [],
        renderItem: () => null,
      })),
    ],
  };
}

interface GanttApi {
  value(dimension: number): number;
  coord(point: [number, number]): [number, number];
  size(value: [number, number]): [number, number];
}

function renderBar(row: { readonly milestone: boolean; readonly critical: boolean } | undefined, api: GanttApi) {
  if (row === undefined) return null;
  const index = api.value(0);
  const [startX, y] = api.coord([api.value(1), index]);
  const [endX] = api.coord([api.value(2), index]);
  const height = api.size([0, 1])[1] * 0.55;
  const color = row.critical ? criticalColor : taskColor;
  const children: object[] = [];
  if (row.milestone) {
    const half = height / 2;
    children.push({ type: 'polygon', shape: { points: [[startX, y - half], [startX + half, y], [startX, y + half], [startX - half, y]] }, style: { fill: color } });
  } else {
    children.push({ type: 'rect', shape: { x: startX, y: y - height / 2, width: Math.max(endX - startX, 1), height }, style: { fill: color } });
  }
  const baselineDay = api.value(3);
  if (baselineDay >= 0) {
    const [baselineX] = api.coord([baselineDay, index]);
    children.push({ type: 'line', shape: { x1: baselineX, y1: y - height, x2: baselineX, y2: y + height }, style: { stroke: baselineColor, lineWidth: 2 } });
  }
  return { type: 'group', children };
}

/** Draws `option` as an SVG string of `width` by `height` CSS pixels. */
export function renderChartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
