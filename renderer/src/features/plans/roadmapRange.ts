/**
 * The date range and the zoom of the roadmap. One old plan, such as an imported sample from 2003,
 * would otherwise stretch the single time axis over decades and shrink this year's plans to
 * slivers. The range picks the plans that the chart draws; the zoom narrows the visible part of
 * the axis. Pure.
 */
import type { CalendarDate } from '@shared/domain/types';
import { dayNumberFromParts, fromDayNumber } from '@shared/schedule/days';
import type { RoadmapRow } from './roadmapOption';

/**
 * Choice of the plans the roadmap draws:
 * - `current`: plans that finish on or after the same date a year before today, and every later plan.
 * - `all`: every plan.
 * - `custom`: plans with a day between `from` and `to`, both included. An empty end is open.
 */
export type RoadmapRangeMode = 'current' | 'all' | 'custom';

export interface RoadmapRange {
  readonly mode: RoadmapRangeMode;
  /** First day of a `custom` range, or `null` for no lower limit. */
  readonly from: CalendarDate | null;
  /** Last day of a `custom` range, included, or `null` for no upper limit. */
  readonly to: CalendarDate | null;
}

export const defaultRoadmapRange: RoadmapRange = { mode: 'current', from: null, to: null };

/** First and last day of a plan's bars and milestones, both included. */
export interface RowSpan {
  readonly start: CalendarDate;
  readonly finish: CalendarDate;
}

/** Returns the first and last day that `row` draws, or `null` for a row that draws nothing. */
export function rowSpan(row: RoadmapRow): RowSpan | null {
  const days = [...row.bars.flatMap((bar) => [bar.start, bar.finish]), ...row.milestones.map((milestone) => milestone.date)];
  const [first, ...rest] = days;
  if (first === undefined) return null;
  // `YYYY-MM-DD` strings compare as dates.
  let start = first;
  let finish = first;
  for (const day of rest) {
    if (day < start) start = day;
    if (day > finish) finish = day;
  }
  return { start, finish };
}

/**
 * Returns the same date a year before `today`. The 29th of February becomes the 28th, because
 * the year before a leap year has no 29th.
 */
export function yearBefore(today: CalendarDate): CalendarDate {
  const month = Number(today.slice(5, 7));
  const day = Number(today.slice(8, 10));
  return fromDayNumber(dayNumberFromParts(Number(today.slice(0, 4)) - 1, month, month === 2 && day === 29 ? 28 : day));
}

/** First and last day the range admits, both included. A `null` end is open. */
export interface DateLimits {
  readonly from: CalendarDate | null;
  readonly to: CalendarDate | null;
}

/** Returns the days that `range` admits on `today`. */
export function rangeLimits(range: RoadmapRange, today: CalendarDate): DateLimits {
  switch (range.mode) {
    case 'current':
      return { from: yearBefore(today), to: null };
    case 'all':
      return { from: null, to: null };
    case 'custom':
      return { from: range.from, to: range.to };
  }
}

/** Returns whether a custom range ends before it starts, which the form reports instead of drawing an empty chart. */
export function rangeReversed(range: RoadmapRange): boolean {
  return range.mode === 'custom' && range.from !== null && range.to !== null && range.to < range.from;
}

/** The rows that a range draws, and the rows it leaves out, both in the given order. */
export interface RangeSplit {
  readonly inside: readonly RoadmapRow[];
  readonly outside: readonly RoadmapRow[];
}

/**
 * Splits `rows` by whether any of their days fall within `limits`. A row that draws nothing (a
 * plan that cannot be scheduled, or has no tasks) is always inside, because no date places it
 * anywhere else and the list under the chart still has to offer it.
 */
export function splitByRange(rows: readonly RoadmapRow[], limits: DateLimits): RangeSplit {
  const inside: RoadmapRow[] = [];
  const outside: RoadmapRow[] = [];
  for (const row of rows) {
    const span = rowSpan(row);
    const overlaps =
      span === null || ((limits.from === null || span.finish >= limits.from) && (limits.to === null || span.start <= limits.to));
    (overlaps ? inside : outside).push(row);
  }
  return { inside, outside };
}

/**
 * Returns the axis ends for a custom range, which cut the chart at the chosen days. A `null` end
 * leaves the axis to fit the plans. The `current` and `all` ranges fit the axis to the plans they
 * draw, so that a plan that started before the cut-off shows whole.
 */
export function axisLimits(range: RoadmapRange): DateLimits {
  return range.mode === 'custom' ? { from: range.from, to: range.to } : { from: null, to: null };
}

/** Visible part of the time axis, as percentages of its length from the left end, as ECharts `dataZoom` takes them. */
export interface ZoomWindow {
  readonly start: number;
  readonly end: number;
}

export const fullZoom: ZoomWindow = { start: 0, end: 100 };

export type ZoomAction = 'in' | 'out' | 'earlier' | 'later' | 'reset';

/** Shortest visible part of the axis, in days, that the zoom buttons and the zoom slider stop at. */
export const minZoomDays = 14;

/** Returns the window from `start` to `end` moved, without changing its width, so that it lies within 0 to 100. */
function clampWindow(start: number, end: number): ZoomWindow {
  const width = Math.min(100, end - start);
  if (start < 0) return { start: 0, end: width };
  if (end > 100) return { start: 100 - width, end: 100 };
  return { start, end };
}

/**
 * Returns the zoom window that follows `current` after `action`. Zooming in halves the visible
 * part around its centre, but not below `minZoomDays` of an axis `axisDays` long; zooming out
 * doubles it. `earlier` and `later` move it by half its width, and `reset` shows the whole axis.
 */
export function zoomWindow(current: ZoomWindow, action: ZoomAction, axisDays: number): ZoomWindow {
  const width = current.end - current.start;
  const centre = (current.start + current.end) / 2;
  switch (action) {
    case 'reset':
      return fullZoom;
    case 'in': {
      const narrowest = Math.min(100, (minZoomDays / Math.max(axisDays, 1)) * 100);
      const narrower = Math.min(width, Math.max(width / 2, narrowest));
      return clampWindow(centre - narrower / 2, centre + narrower / 2);
    }
    case 'out': {
      const wider = Math.min(width * 2, 100);
      return clampWindow(centre - wider / 2, centre + wider / 2);
    }
    case 'earlier':
      return clampWindow(current.start - width / 2, current.end - width / 2);
    case 'later':
      return clampWindow(current.start + width / 2, current.end + width / 2);
  }
}

/** Returns whether `action` would change `current`, so that its button can be disabled when it would not. */
export function zoomChanges(current: ZoomWindow, action: ZoomAction, axisDays: number): boolean {
  const next = zoomWindow(current, action, axisDays);
  return Math.abs(next.start - current.start) > 1e-9 || Math.abs(next.end - current.end) > 1e-9;
}
