/**
 * The roadmap: every transition plan of the portfolio on one time axis, one row per plan, with
 * its top-level phases as bars, its milestones as diamonds and a line for today. Pure builders
 * of the rows and the ECharts option; `RoadmapChart.tsx` only mounts it.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { CalendarDate, Id } from '@shared/domain/types';
import { dayNumberFromParts, fromDayNumber, toDayNumber } from '@shared/schedule/days';
import { planOwners } from './planList';
import type { PlanOwnerNames, ScheduledPlan } from './planList';
import { minZoomDays } from './roadmapRange';
import type { DateLimits, ZoomWindow } from './roadmapRange';

/** One bar of the roadmap: a top-level phase, from its first day to the end of its last day. */
export interface RoadmapBar {
  readonly name: string;
  readonly start: CalendarDate;
  /** Last day of work, included. */
  readonly finish: CalendarDate;
}

export interface RoadmapMilestone {
  readonly name: string;
  readonly date: CalendarDate;
  /** Go/no-go decision of the steering committee. */
  readonly goNoGo: boolean;
}

export interface RoadmapRow {
  readonly planId: Id;
  readonly title: string;
  /** Provider name, or `null` for a plan without a provider or whose provider is gone. */
  readonly providerName: string | null;
  /** Contract title, or `null` for a plan without a contract or whose contract is gone. */
  readonly contractTitle: string | null;
  readonly bars: readonly RoadmapBar[];
  readonly milestones: readonly RoadmapMilestone[];
  /** Whether the plan could not be scheduled, so the row stays empty. */
  readonly unscheduled: boolean;
}

/** Texts of the chart, already translated. */
export interface RoadmapLabels {
  readonly today: string;
  readonly phases: string;
  readonly milestones: string;
  /** Tooltip of a bar; `{{name}}`, `{{start}}` and `{{finish}}` are replaced. */
  readonly barTooltip: string;
  /** Tooltip of a milestone; `{{name}}` and `{{date}}` are replaced. */
  readonly milestoneTooltip: string;
  /** Tooltip line with the plan's provider; `{{name}}` is replaced. */
  readonly providerTooltip: string;
  /** Tooltip line with the plan's contract; `{{title}}` is replaced. */
  readonly contractTooltip: string;
  /** Accessible description of the whole chart. */
  readonly description: string;
  /** Formats a calendar date for reading, as the plan list and the plan screen do. */
  readonly date: (date: CalendarDate) => string;
}

const msPerDay = 86_400_000;
/** Height of one plan's row in pixels, and the space above and below the rows, which contains the legend, the axis labels and the zoom slider. */
export const roadmapRowHeight = 44;
const verticalPadding = 110;
/**
 * Width of the plan titles left of the grid, in pixels. About 36 characters of DejaVu Sans at
 * 12 px fit, an estimate for one of the widest sans-serif faces. A longer title ends in an
 * ellipsis, and the tooltip of its bars shows it whole.
 */
const titleColumnWidth = 250;

/** Returns the chart time of the start of a calendar date: midnight UTC, shown with `useUTC`, so no time zone moves it. */
export function dayStartMs(date: CalendarDate): number {
  return toDayNumber(date) * msPerDay;
}

/**
 * Builds one row per plan, in the given order, with the provider and contract from `names`.
 * Tasks below a top-level summary show only through its bar.
 */
export function roadmapRows(scheduled: readonly ScheduledPlan[], names: PlanOwnerNames): RoadmapRow[] {
  return scheduled.map(({ plan, tasks, schedule }) => {
    const { providerName, contractTitle } = planOwners(plan, names);
    const heading = { planId: plan.id, title: plan.title, providerName, contractTitle };
    if (schedule === null) return { ...heading, bars: [], milestones: [], unscheduled: true };
    const tasksById = new Map(tasks.map((task) => [task.id, task]));
    const bars: RoadmapBar[] = [];
    const milestones: RoadmapMilestone[] = [];
    for (const scheduledTask of schedule.tasks) {
      const task = tasksById.get(scheduledTask.taskId);
      if (task === undefined) continue;
      const milestone = !scheduledTask.summary && task.duration === 0;
      if (milestone) milestones.push({ name: task.name, date: scheduledTask.earlyStart, goNoGo: task.goNoGo });
      else if (task.parentId === null) bars.push({ name: task.name, start: scheduledTask.earlyStart, finish: scheduledTask.earlyFinish });
    }
    return { ...heading, bars, milestones, unscheduled: false };
  });
}

/** Height of the chart for `rowCount` plans, in pixels. */
export function roadmapHeight(rowCount: number): number {
  return Math.max(1, rowCount) * roadmapRowHeight + verticalPadding;
}

const htmlEscapes: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes the characters that HTML gives a meaning, because ECharts sets a tooltip's text as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

/** Fills the `{{key}}` placeholders of a translated template with `values`, escaped for HTML. */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return escapeHtml(template).replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : escapeHtml(value);
  });
}

function dateText(date: CalendarDate | undefined, labels: RoadmapLabels): string {
  return date === undefined ? '' : labels.date(date);
}

/** Item of either series as the tooltip reads it. */
interface TooltipItem {
  readonly planId: Id;
  readonly name: string;
  readonly start?: string;
  readonly finish?: string;
  readonly date?: string;
}

/**
 * Builds the HTML of a tooltip: the plan title in bold, the phase or milestone with its dates, then
 * the plan's provider and contract where it has them. Every text is escaped.
 */
function tooltipHtml(item: TooltipItem, isBar: boolean, row: RoadmapRow | undefined, labels: RoadmapLabels): string {
  const lines = [
    isBar
      ? fill(labels.barTooltip, { name: item.name, start: dateText(item.start, labels), finish: dateText(item.finish, labels) })
      : fill(labels.milestoneTooltip, { name: item.name, date: dateText(item.date, labels) }),
  ];
  if (row === undefined) return lines.join('<br/>');
  if (row.providerName !== null) lines.push(fill(labels.providerTooltip, { name: row.providerName }));
  if (row.contractTitle !== null) lines.push(fill(labels.contractTooltip, { title: row.contractTitle }));
  return [`<strong>${escapeHtml(row.title)}</strong>`, ...lines].join('<br/>');
}

/** Value of one bar in the custom series: row, start and end in ms, plan id, phase name and the phase's position in its plan. */
type BarValue = [number, number, number, Id, string, number];

/** Fills of neighbouring phases, which often overlap in time, so that each bar stays distinct. */
const phaseFills = ['rgba(37, 99, 235, 0.7)', 'rgba(14, 116, 144, 0.7)'] as const;

interface RenderApi {
  value(dimension: number): number;
  coord(value: readonly [number, number]): [number, number];
  size(value: readonly [number, number]): [number, number];
}

interface RenderParams {
  readonly coordSys: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/** Ends of the time axis, in chart time (ms since 1970-01-01 UTC). */
export interface RoadmapAxis {
  readonly min: number;
  readonly max: number;
}

/**
 * Returns the ends of the time axis: a margin around every bar, every milestone and today, unless
 * `limits` fixes an end, which cuts the axis at the start of `from` and the end of `to`.
 */
export function roadmapAxis(rows: readonly RoadmapRow[], today: CalendarDate, limits: DateLimits): RoadmapAxis {
  const times = rows.flatMap((row) => [
    ...row.bars.flatMap((bar) => [dayStartMs(bar.start), dayStartMs(bar.finish) + msPerDay]),
    ...row.milestones.map((milestone) => dayStartMs(milestone.date)),
  ]);
  const todayMs = dayStartMs(today);
  const first = Math.min(todayMs, ...times);
  const last = Math.max(todayMs + msPerDay, ...times);
  const margin = Math.max(7 * msPerDay, Math.round((last - first) * 0.03));
  const min = limits.from === null ? first - margin : dayStartMs(limits.from);
  const max = limits.to === null ? last + margin : dayStartMs(limits.to) + msPerDay;
  // A range that starts after every plan and today still gets an axis a month long.
  return { min, max: Math.max(max, min + 30 * msPerDay) };
}

/** Returns the length of the axis in days. */
export function axisDays(axis: RoadmapAxis): number {
  return (axis.max - axis.min) / msPerDay;
}

/** Returns the first and last day visible in the zoom window `zoom` of `axis`, both included. */
export function visibleDates(axis: RoadmapAxis, zoom: ZoomWindow): { readonly from: CalendarDate; readonly to: CalendarDate } {
  const at = (percent: number) => axis.min + ((axis.max - axis.min) * percent) / 100;
  const from = fromDayNumber(Math.floor(at(zoom.start) / msPerDay));
  // The end is exclusive: a window that ends at midnight shows the day before it.
  const to = fromDayNumber(Math.ceil(at(zoom.end) / msPerDay) - 1);
  return { from, to: to < from ? from : to };
}

/** Draws one phase bar, clipped to the grid; its name is in the tooltip. */
function renderBar(params: RenderParams, api: RenderApi): object | null {
  const row = api.value(0);
  const [startX, centreY] = api.coord([api.value(1), row]);
  const [endX] = api.coord([api.value(2), row]);
  const height = api.size([0, 1])[1] * 0.5;
  const { x, y, width, height: gridHeight } = params.coordSys;
  const left = Math.max(startX, x);
  const right = Math.min(endX, x + width);
  if (right <= left) return null;
  return {
    type: 'rect',
    shape: { x: left, y: centreY - height / 2, width: right - left, height },
    style: { fill: phaseFills[api.value(5) % 2], stroke: '#1e3a8a' },
    clipPath: { type: 'rect', shape: { x, y, width, height: gridHeight } },
  };
}

/**
 * Builds the ECharts option of the roadmap. The y axis lists plan ids and shows them as titles.
 * A click on a title carries the plan id as the event's `value`. A click on a bar or milestone
 * carries it in the data's value. `clickedPlanId` in `RoadmapChart.tsx` reads both.
 * The time axis runs from `axis.min` to `axis.max`. A zoom slider under it shows part of the
 * axis, starting at the whole of it.
 */
export function buildRoadmapOption(
  rows: readonly RoadmapRow[],
  labels: RoadmapLabels,
  today: CalendarDate,
  axis: RoadmapAxis,
): EChartsCoreOption {
  const titles = new Map(rows.map((row) => [row.planId, row.title]));
  const rowsById = new Map(rows.map((row) => [row.planId, row]));
  const bars = rows.flatMap((row, index) =>
    row.bars.map((bar, position) => ({
      value: [index, dayStartMs(bar.start), dayStartMs(bar.finish) + msPerDay, row.planId, bar.name, position] as BarValue,
      planId: row.planId,
      name: bar.name,
      start: bar.start,
      finish: bar.finish,
    })),
  );
  const milestones = rows.flatMap((row, index) =>
    row.milestones.map((milestone) => ({
      value: [dayStartMs(milestone.date), index, row.planId] as [number, number, Id],
      planId: row.planId,
      name: milestone.name,
      date: milestone.date,
      symbol: milestone.goNoGo ? 'diamond' : 'triangle',
    })),
  );
  const todayMs = dayStartMs(today);

  return {
    useUTC: true,
    animation: false,
    aria: { enabled: true, label: { description: labels.description } },
    grid: { left: titleColumnWidth + 15, right: 40, top: 40, bottom: 70 },
    legend: { top: 0, data: [labels.phases, labels.milestones] },
    tooltip: {
      trigger: 'item',
      formatter: (params: { seriesIndex?: number; data?: TooltipItem }) => {
        const data = params.data;
        if (data === undefined) return '';
        return tooltipHtml(data, params.seriesIndex === 0, rowsById.get(data.planId), labels);
      },
    },
    xAxis: {
      type: 'time',
      min: axis.min,
      max: axis.max,
      axisLabel: { hideOverlap: true },
      splitLine: { show: true, lineStyle: { color: '#e5e7eb' } },
    },
    yAxis: {
      type: 'category',
      data: rows.map((row) => row.planId),
      inverse: true,
      triggerEvent: true,
      axisTick: { show: false },
      axisLabel: { width: titleColumnWidth, overflow: 'truncate', formatter: (planId: string) => titles.get(planId) ?? planId },
    },
    dataZoom: [
      {
        type: 'slider',
        xAxisIndex: 0,
        // Bars that start or finish outside the visible part stay drawn, cut at the grid's edge.
        filterMode: 'none',
        start: 0,
        end: 100,
        minValueSpan: minZoomDays * msPerDay,
        // The slider lines up with the grid, so its ends sit under the axis ends.
        left: titleColumnWidth + 15,
        right: 40,
        height: 18,
        bottom: 12,
        showDataShadow: false,
        labelFormatter: (value: number) => labels.date(fromDayNumber(Math.floor(value / msPerDay))),
      },
    ],
    series: [
      {
        name: labels.phases,
        type: 'custom',
        renderItem: renderBar,
        encode: { x: [1, 2], y: 0 },
        data: bars,
        itemStyle: { color: 'rgba(37, 99, 235, 0.75)' },
        markLine: {
          symbol: 'none',
          silent: true,
          label: { formatter: `${labels.today} ${labels.date(today)}`, position: 'start' },
          lineStyle: { color: '#dc2626', type: 'dashed' },
          data: [{ xAxis: todayMs }],
        },
      },
      {
        name: labels.milestones,
        type: 'scatter',
        symbolSize: 14,
        clip: true,
        itemStyle: { color: '#f59e0b', borderColor: '#92400e' },
        data: milestones,
      },
    ],
  };
}

/** Returns today's calendar date on the user's wall clock. */
export function localToday(now: Date = new Date()): CalendarDate {
  return fromDayNumber(dayNumberFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()));
}
