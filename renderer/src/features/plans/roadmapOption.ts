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
}

const msPerDay = 86_400_000;
/** Height of one plan's row in pixels, and the space above and below the rows. */
export const roadmapRowHeight = 44;
const verticalPadding = 70;

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
      ? fill(labels.barTooltip, { name: item.name, start: item.start ?? '', finish: item.finish ?? '' })
      : fill(labels.milestoneTooltip, { name: item.name, date: item.date ?? '' }),
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
 * A click on a title carries the plan id as the event's `value`, and a click on a bar or
 * milestone carries it in the data's value; `clickedPlanId` in `RoadmapChart.tsx` reads both.
 */
export function buildRoadmapOption(rows: readonly RoadmapRow[], labels: RoadmapLabels, today: CalendarDate): EChartsCoreOption {
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

  const times = [...bars.flatMap((bar) => [bar.value[1], bar.value[2]]), ...milestones.map((milestone) => milestone.value[0])];
  const todayMs = dayStartMs(today);
  const first = Math.min(todayMs, ...times);
  const last = Math.max(todayMs + msPerDay, ...times);
  const margin = Math.max(7 * msPerDay, Math.round((last - first) * 0.03));

  return {
    useUTC: true,
    animation: false,
    aria: { enabled: true, label: { description: labels.description } },
    grid: { left: 200, right: 40, top: 40, bottom: 30 },
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
      min: first - margin,
      max: last + margin,
      axisLabel: { hideOverlap: true },
      splitLine: { show: true, lineStyle: { color: '#e5e7eb' } },
    },
    yAxis: {
      type: 'category',
      data: rows.map((row) => row.planId),
      inverse: true,
      triggerEvent: true,
      axisTick: { show: false },
      axisLabel: { width: 185, overflow: 'truncate', formatter: (planId: string) => titles.get(planId) ?? planId },
    },
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
          label: { formatter: `${labels.today} ${today}`, position: 'start' },
          lineStyle: { color: '#dc2626', type: 'dashed' },
          data: [{ xAxis: todayMs }],
        },
      },
      {
        name: labels.milestones,
        type: 'scatter',
        symbolSize: 14,
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
