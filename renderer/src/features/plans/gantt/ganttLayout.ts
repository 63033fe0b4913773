/**
 * Geometry of the Gantt chart in the pixels of the drawing surface: bars, milestones, summary
 * brackets, baseline bars, dependency arrows, header bands, non-working-day shading and the
 * today line. Only the rows and days inside the viewport are laid out, so the cost of a frame
 * depends on the size of the view, not of the plan. The ECharts option (`ganttOption.ts`) and
 * hit testing (`hitTest.ts`) both read this scene.
 */
import type { DependencyType } from '@shared/domain/plan';
import type { Id } from '@shared/domain/types';
import { isCalendarDate, toDayNumber } from '@shared/schedule/days';
import type { WorkingCalendar } from '@shared/schedule/workingCalendar';
import type { BaselineComparison, GanttModel, TaskDays } from './ganttModel';
import type { TaskRow } from './rowTree';
import { axisHeader, dayToX, xToDay } from './timeScale';
import type { AxisLabels, TimeScale } from './timeScale';

/** Height of one task row in CSS pixels; the grid uses the same height so that rows line up. */
export const rowHeight = 32;
/** Height of the two header rows of the time axis; the grid's header has the same height. */
export const headerHeight = 48;

const barTop = 6;
const barHeight = 14;
const baselineTop = 22;
const baselineHeight = 5;
const milestoneHalf = 7;
const summaryTop = 8;
const summaryHeight = 6;
/** Horizontal run of a dependency arrow before it turns, in pixels. */
const linkGap = 8;
/** Radius of the round handles at the ends of the selected bar, from which a link is dragged. */
export const handleRadius = 5;
/** Distance of a link handle's centre from the bar's end. */
export const handleOffset = 9;
/** Fonts of the chart's texts, in CSS font syntax; `SceneText.measure` is asked about these. */
export const chartFont = '12px system-ui, sans-serif';
export const chartBoldFont = 'bold 12px system-ui, sans-serif';
export const chartSmallFont = '11px system-ui, sans-serif';
/** Gap in pixels between a bar and its label. */
const labelGap = 6;

export type BarKind = 'task' | 'summary' | 'milestone';

export interface BarShape {
  readonly taskId: Id;
  /** Position in the list of rows shown. */
  readonly row: number;
  readonly kind: BarKind;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Width of the completed part, from the left end. */
  readonly progressWidth: number;
  readonly critical: boolean;
  readonly selected: boolean;
  /** Task name beside the bar; shortened at a word or empty when `keepLabelsInside` leaves no room for it. */
  readonly label: string;
  /** Left edge of the label: right of the bar, or left of it when `keepLabelsInside` moved it there. */
  readonly labelX: number;
  readonly centerY: number;
  /** Top edge of the bar's row. */
  readonly rowTop: number;
  /** X of the start of the task's own start-no-earlier-than date, or `null` for a task without one. */
  readonly constraintX: number | null;
}

export interface BaselineShape {
  readonly taskId: Id;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly milestone: boolean;
  /** Variance text such as `+3 wd`, or `null` for a task without variance. */
  readonly label: string | null;
  readonly labelX: number;
  /** True when the task now finishes later than in the baseline. */
  readonly late: boolean;
}

export type Point = readonly [number, number];

export interface LinkShape {
  readonly dependencyId: Id;
  readonly type: DependencyType;
  readonly critical: boolean;
  /** Polyline from the predecessor's end to the arrow tip. */
  readonly points: readonly Point[];
  /** Triangle of the arrowhead, its first point being the tip. */
  readonly arrow: readonly [Point, Point, Point];
}

export interface AxisBand {
  readonly x: number;
  readonly width: number;
  /** Label drawn at `labelX`, or empty when the whole label does not fit the part of the band in view. */
  readonly label: string;
  readonly labelX: number;
}

export interface Shade {
  readonly x: number;
  readonly width: number;
}

export interface RowLine {
  readonly y: number;
  readonly selected: boolean;
}

export interface GanttScene {
  readonly width: number;
  readonly height: number;
  /** X of the time axis origin and y of the first row in the surface, before scrolling. */
  readonly left: number;
  readonly top: number;
  readonly bars: readonly BarShape[];
  readonly baselines: readonly BaselineShape[];
  readonly links: readonly LinkShape[];
  readonly upperBands: readonly AxisBand[];
  readonly lowerBands: readonly AxisBand[];
  readonly shades: readonly Shade[];
  /** Top edge of each row shown, and whether it is the selected row. */
  readonly rowLines: readonly RowLine[];
  /** X of the start of today, or `null` when today is outside the view. */
  readonly todayX: number | null;
  /** Rows shown, as positions in the list of rows: `firstRow` to `lastRow`, both included; `lastRow < firstRow` when none. */
  readonly firstRow: number;
  readonly lastRow: number;
}

export interface Viewport {
  /** X of the time axis origin in the surface (a column of task names in print sits left of it). */
  readonly left: number;
  /** Y of the first row in the surface, below the header. */
  readonly top: number;
  readonly scrollLeft: number;
  readonly scrollTop: number;
  readonly width: number;
  readonly height: number;
}

export interface SceneText {
  readonly axis: AxisLabels;
  /** Formats a variance in working days, for example `+3 wd`. */
  readonly variance: (workingDays: number) => string;
  /** Returns the width in pixels of `text` drawn in `font`; `approximateTextWidth` when omitted. */
  readonly measure?: (text: string, font: string) => number;
}

/**
 * Estimates the width of a text from its length and the pixel size in `font`, at 0.6 em per
 * character. That is wider than the average character of system-ui fonts, so the estimate errs
 * towards hiding a label rather than cutting it.
 */
export function approximateTextWidth(text: string, font: string): number {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  return text.length * size * 0.6;
}

/**
 * Shortens `text` to the words that fit `maxWidth` pixels, followed by an ellipsis, and returns an
 * empty string when not even the first word fits: a label is never cut inside a word.
 */
export function fitWords(text: string, maxWidth: number, font: string, measure: (text: string, font: string) => number): string {
  if (measure(text, font) <= maxWidth) return text;
  const words = text.split(/\s+/).filter((word) => word !== '');
  for (let count = words.length - 1; count > 0; count -= 1) {
    const shortened = `${words.slice(0, count).join(' ')}…`;
    if (measure(shortened, font) <= maxWidth) return shortened;
  }
  return '';
}

export interface SceneInput {
  readonly model: GanttModel;
  /** Rows shown, after collapsing. */
  readonly rows: readonly TaskRow[];
  /** Position of each task in `rows`; see `indexRows`. */
  readonly rowIndex: ReadonlyMap<Id, number>;
  readonly scale: TimeScale;
  readonly viewport: Viewport;
  readonly comparison: BaselineComparison | null;
  readonly selectedTaskId: Id | null;
  /** Today's day number in the user's calendar, or `null` to leave out the today line. */
  readonly today: number | null;
  /** Calendar whose non-working days are shaded at day zoom, or `null` for none. */
  readonly shading: WorkingCalendar | null;
  readonly text: SceneText;
  /**
   * Keeps every bar label inside the viewport, for print, where nothing can be scrolled into view.
   * A label that does not fit right of its bar goes left of it, and one that fits neither side is
   * shortened at a word. When omitted, labels always sit right of their bars.
   */
  readonly keepLabelsInside?: boolean;
}

export function indexRows(rows: readonly TaskRow[]): Map<Id, number> {
  return new Map(rows.map((row, index) => [row.task.id, index]));
}

/** Horizontal extent and kind of a task's bar, in surface pixels. */
interface BarExtent {
  readonly kind: BarKind;
  readonly startX: number;
  readonly finishX: number;
}

function barKind(row: TaskRow, days: TaskDays): BarKind {
  if (row.childCount > 0) return 'summary';
  return days.milestone ? 'milestone' : 'task';
}

function extentOf(kind: BarKind, days: TaskDays, xOf: (day: number) => number): BarExtent {
  if (kind === 'milestone') {
    const center = xOf(days.startDay);
    return { kind, startX: center - milestoneHalf, finishX: center + milestoneHalf };
  }
  return { kind, startX: xOf(days.startDay), finishX: xOf(days.finishDay + 1) };
}

export function buildScene(input: SceneInput): GanttScene {
  const { model, rows, scale, viewport } = input;
  const xOf = (day: number): number => viewport.left + dayToX(scale, day) - viewport.scrollLeft;
  const rowTopOf = (row: number): number => viewport.top + row * rowHeight - viewport.scrollTop;
  const firstRow = Math.max(0, Math.floor(viewport.scrollTop / rowHeight));
  const lastRow = Math.min(rows.length - 1, Math.floor((viewport.scrollTop + viewport.height - viewport.top) / rowHeight));
  const firstDay = Math.floor(xToDay(scale, viewport.scrollLeft));
  const endDay = Math.ceil(xToDay(scale, viewport.scrollLeft + viewport.width - viewport.left)) + 1;

  const measure = input.text.measure ?? approximateTextWidth;
  const labelRoom = input.keepLabelsInside === true ? { left: viewport.left, right: viewport.width, measure } : null;
  const bars: BarShape[] = [];
  const baselines: BaselineShape[] = [];
  const rowLines: RowLine[] = [];
  for (let position = firstRow; position <= lastRow; position += 1) {
    const row = rows[position];
    if (row === undefined) continue;
    const top = rowTopOf(position);
    const selected = row.task.id === input.selectedTaskId;
    rowLines.push({ y: top, selected });
    const days = model.daysById.get(row.task.id);
    if (days === undefined) continue;
    bars.push(layoutBar(row, position, days, top, selected, xOf, labelRoom));
    const baseline = layoutBaseline(row, days, top, input.comparison, xOf, input.text);
    if (baseline !== null) baselines.push(baseline);
  }

  const links = layoutLinks(input, firstRow, lastRow, xOf, rowTopOf);
  const header = axisHeader(scale, firstDay, endDay, input.text.axis);
  const toBand =
    (font: string) =>
    (band: { startDay: number; endDay: number; label: string }): AxisBand => {
      const x = xOf(band.startDay);
      const width = (band.endDay - band.startDay) * scale.dayWidth;
      // A band scrolled partly out of view keeps its label at the view's edge, if the whole label fits there.
      const labelX = Math.max(x, viewport.left) + 4;
      const fits = measure(band.label, font) <= x + width - labelX - 2;
      return { x, width, label: fits ? band.label : '', labelX };
    };
  const todayX = input.today !== null && input.today >= firstDay && input.today < endDay ? xOf(input.today) : null;
  return {
    width: viewport.width,
    height: viewport.height,
    left: viewport.left,
    top: viewport.top,
    bars,
    baselines,
    links,
    upperBands: header.upper.map(toBand(chartFont)),
    lowerBands: header.lower.map(toBand(chartSmallFont)),
    shades:
      scale.zoom === 'days' && input.shading !== null ? shadeNonWorkingDays(input.shading, firstDay, endDay, xOf, scale.dayWidth) : [],
    rowLines,
    todayX,
    firstRow,
    lastRow,
  };
}

/** Horizontal room for bar labels and how to measure them, when labels must stay inside the viewport. */
interface LabelRoom {
  readonly left: number;
  readonly right: number;
  readonly measure: (text: string, font: string) => number;
}

function placeLabel(name: string, kind: BarKind, extent: BarExtent, room: LabelRoom | null): { label: string; labelX: number } {
  const gap = kind === 'milestone' ? 4 : labelGap;
  const rightX = extent.finishX + gap;
  if (room === null) return { label: name, labelX: rightX };
  const font = kind === 'summary' ? chartBoldFont : chartFont;
  const width = room.measure(name, font);
  const rightRoom = room.right - rightX - 2;
  const leftRoom = extent.startX - gap - room.left - 2;
  if (width <= rightRoom) return { label: name, labelX: rightX };
  if (width <= leftRoom) return { label: name, labelX: extent.startX - gap - width };
  if (rightRoom >= leftRoom) return { label: fitWords(name, rightRoom, font, room.measure), labelX: rightX };
  const label = fitWords(name, leftRoom, font, room.measure);
  return { label, labelX: extent.startX - gap - room.measure(label, font) };
}

function layoutBar(
  row: TaskRow,
  position: number,
  days: TaskDays,
  top: number,
  selected: boolean,
  xOf: (day: number) => number,
  room: LabelRoom | null,
): BarShape {
  const kind = barKind(row, days);
  const extent = extentOf(kind, days, xOf);
  const width = extent.finishX - extent.startX;
  const progress = Math.max(0, Math.min(100, days.scheduled.progress));
  const constraint = row.task.startNoEarlierThan;
  const base = {
    taskId: row.task.id,
    row: position,
    rowTop: top,
    kind,
    x: extent.startX,
    width,
    critical: days.scheduled.critical,
    selected,
    constraintX: constraint !== null && isCalendarDate(constraint) ? xOf(toDayNumber(constraint)) : null,
  };
  const { label, labelX } = placeLabel(row.task.name, kind, extent, room);
  if (kind === 'milestone') {
    const centerY = top + barTop + milestoneHalf;
    return { ...base, y: centerY - milestoneHalf, height: milestoneHalf * 2, progressWidth: 0, label, labelX, centerY };
  }
  if (kind === 'summary') {
    const y = top + summaryTop;
    return { ...base, y, height: summaryHeight, progressWidth: (width * progress) / 100, label, labelX, centerY: y + summaryHeight / 2 };
  }
  const y = top + barTop;
  return { ...base, y, height: barHeight, progressWidth: (width * progress) / 100, label, labelX, centerY: y + barHeight / 2 };
}

function layoutBaseline(
  row: TaskRow,
  days: TaskDays,
  top: number,
  comparison: BaselineComparison | null,
  xOf: (day: number) => number,
  text: SceneText,
): BaselineShape | null {
  if (comparison === null) return null;
  const before = comparison.baselineDays.get(row.task.id);
  if (before === undefined) return null;
  const milestone = days.milestone;
  const x = milestone ? xOf(before.startDay) - baselineHeight : xOf(before.startDay);
  const end = milestone ? xOf(before.startDay) + baselineHeight : xOf(before.finishDay + 1);
  const variance = comparison.byTask.get(row.task.id)?.finishVariance ?? null;
  const currentEnd = milestone ? xOf(days.startDay) + milestoneHalf : xOf(days.finishDay + 1);
  return {
    taskId: row.task.id,
    x,
    y: top + baselineTop,
    width: end - x,
    height: baselineHeight,
    milestone,
    label: variance === null || variance === 0 ? null : text.variance(variance),
    labelX: Math.max(end, currentEnd) + 4,
    late: variance !== null && variance > 0,
  };
}

function shadeNonWorkingDays(
  calendar: WorkingCalendar,
  firstDay: number,
  endDay: number,
  xOf: (day: number) => number,
  dayWidth: number,
): Shade[] {
  const shades: Shade[] = [];
  let runStart: number | null = null;
  for (let day = firstDay; day <= endDay; day += 1) {
    const working = day === endDay || calendar.isWorkingDay(day);
    if (!working && runStart === null) runStart = day;
    if (working && runStart !== null) {
      shades.push({ x: xOf(runStart), width: (day - runStart) * dayWidth });
      runStart = null;
    }
  }
  return shades;
}

/**
 * Routes a dependency arrow between two bars in the style of desktop planning tools. `from` is
 * the predecessor's driving end (its finish for FS and FF, its start for SS and SF) and `to` the
 * successor's driven end. Arrows into a start point right; arrows into a finish point left. When
 * the successor's end lies behind the turn, the line runs along the row boundary (`betweenY`)
 * before it turns back.
 */
export function routeLink(type: DependencyType, from: Point, to: Point, betweenY: number): Point[] {
  const [fromX, fromY] = from;
  const [toX, toY] = to;
  const leavesRight = type === 'FS' || type === 'FF';
  const entersStart = type === 'FS' || type === 'SS';
  if (type === 'SS') {
    const turn = Math.min(fromX, toX) - linkGap;
    return [from, [turn, fromY], [turn, toY], to];
  }
  if (type === 'FF') {
    const turn = Math.max(fromX, toX) + linkGap;
    return [from, [turn, fromY], [turn, toY], to];
  }
  const out = leavesRight ? fromX + linkGap : fromX - linkGap;
  const into = entersStart ? toX - linkGap : toX + linkGap;
  const direct = entersStart ? into >= out : into <= out;
  if (direct) return [from, [into, fromY], [into, toY], to];
  return [from, [out, fromY], [out, betweenY], [into, betweenY], [into, toY], to];
}

/** Returns the arrowhead at the end of `points`, pointing along the last segment. */
export function arrowHead(points: readonly Point[], size = 5): [Point, Point, Point] {
  const tip = points[points.length - 1] ?? [0, 0];
  const before = points[points.length - 2] ?? [tip[0] - 1, tip[1]];
  const direction = Math.sign(tip[0] - before[0]) || 1;
  return [tip, [tip[0] - direction * size, tip[1] - size * 0.8], [tip[0] - direction * size, tip[1] + size * 0.8]];
}

function layoutLinks(
  input: SceneInput,
  firstRow: number,
  lastRow: number,
  xOf: (day: number) => number,
  rowTopOf: (row: number) => number,
): LinkShape[] {
  const { model, rows, rowIndex, viewport } = input;
  const links: LinkShape[] = [];
  if (lastRow < firstRow) return links;
  for (const dependency of model.state.dependencies) {
    const fromRow = rowIndex.get(dependency.predecessorId);
    const toRow = rowIndex.get(dependency.successorId);
    // A link into or out of a collapsed summary has no row to attach to.
    if (fromRow === undefined || toRow === undefined) continue;
    if (Math.max(fromRow, toRow) < firstRow || Math.min(fromRow, toRow) > lastRow) continue;
    const fromDays = model.daysById.get(dependency.predecessorId);
    const toDays = model.daysById.get(dependency.successorId);
    const fromTask = rows[fromRow];
    const toTask = rows[toRow];
    if (fromDays === undefined || toDays === undefined || fromTask === undefined || toTask === undefined) continue;
    const fromExtent = extentOf(barKind(fromTask, fromDays), fromDays, xOf);
    const toExtent = extentOf(barKind(toTask, toDays), toDays, xOf);
    const type = dependency.type;
    const fromX = type === 'FS' || type === 'FF' ? fromExtent.finishX : fromExtent.startX;
    const toX = type === 'FS' || type === 'SS' ? toExtent.startX : toExtent.finishX;
    const left = Math.min(fromX, toX) - linkGap * 2;
    const right = Math.max(fromX, toX) + linkGap * 2;
    if (right < 0 || left > viewport.width) continue;
    const fromY = rowTopOf(fromRow) + barTop + barHeight / 2;
    const toY = rowTopOf(toRow) + barTop + barHeight / 2;
    const betweenY = toRow > fromRow ? rowTopOf(toRow) : rowTopOf(toRow) + rowHeight;
    const points = routeLink(type, [fromX, fromY], [toX, toY], betweenY);
    const critical = fromDays.scheduled.critical && toDays.scheduled.critical;
    links.push({ dependencyId: dependency.id, type, critical, points, arrow: arrowHead(points) });
  }
  return links;
}
