/**
 * Time axis of the Gantt chart: zoom levels, the mapping between day numbers (see
 * `shared/schedule/days.ts`) and pixels, and the two rows of header labels. A day occupies the
 * pixels from `dayToX(day)` to `dayToX(day + 1)`. Everything works on whole day numbers, so no
 * time zone or daylight-saving change can move a bar or a label.
 */
import { dayNumberFromParts, fromDayNumber, isoWeekday } from '@shared/schedule/days';

export type ZoomLevel = 'days' | 'weeks' | 'months' | 'quarters';

/** Zoom levels from the most detailed to the widest. */
export const zoomLevels: readonly ZoomLevel[] = ['days', 'weeks', 'months', 'quarters'];

/** Width of one day in CSS pixels at each zoom level. */
export const dayWidths: Readonly<Record<ZoomLevel, number>> = { days: 28, weeks: 7, months: 1.8, quarters: 0.66 };

export interface TimeScale {
  readonly zoom: ZoomLevel;
  /** CSS pixels per day. */
  readonly dayWidth: number;
  /** Day number at x = 0. */
  readonly firstDay: number;
  /** Day number of the first day after the axis. */
  readonly endDay: number;
}

/** Returns the next zoom level towards more detail (`direction` -1) or a wider view (+1), staying at either end. */
export function stepZoom(zoom: ZoomLevel, direction: -1 | 1): ZoomLevel {
  const index = zoomLevels.indexOf(zoom) + direction;
  return zoomLevels[Math.max(0, Math.min(zoomLevels.length - 1, index))] ?? zoom;
}

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function partsOf(dayNumber: number): DateParts {
  const text = fromDayNumber(dayNumber);
  return { year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)), day: Number(text.slice(8, 10)) };
}

function monthStart(dayNumber: number): number {
  const { year, month } = partsOf(dayNumber);
  return dayNumberFromParts(year, month, 1);
}

function addMonths(monthStartDay: number, months: number): number {
  const { year, month } = partsOf(monthStartDay);
  const zeroBased = month - 1 + months;
  return dayNumberFromParts(year + Math.floor(zeroBased / 12), (((zeroBased % 12) + 12) % 12) + 1, 1);
}

function quarterStart(dayNumber: number): number {
  const { year, month } = partsOf(dayNumber);
  return dayNumberFromParts(year, month - ((month - 1) % 3), 1);
}

function yearStart(dayNumber: number): number {
  return dayNumberFromParts(partsOf(dayNumber).year, 1, 1);
}

function weekStart(dayNumber: number): number {
  return dayNumber - (isoWeekday(dayNumber) - 1);
}

/**
 * Builds the axis for the days `firstDay` to `lastDay` (both included), padded to whole periods
 * of the lower header row and by a margin so that bars never touch the edges.
 */
export function createTimeScale(zoom: ZoomLevel, firstDay: number, lastDay: number): TimeScale {
  const dayWidth = dayWidths[zoom];
  switch (zoom) {
    case 'days':
      return { zoom, dayWidth, firstDay: weekStart(firstDay - 3), endDay: weekStart(lastDay + 3) + 7 };
    case 'weeks':
      return { zoom, dayWidth, firstDay: weekStart(firstDay - 7), endDay: weekStart(lastDay + 7) + 7 };
    case 'months':
      return { zoom, dayWidth, firstDay: monthStart(firstDay - 14), endDay: addMonths(monthStart(lastDay + 14), 1) };
    case 'quarters':
      return { zoom, dayWidth, firstDay: quarterStart(firstDay - 30), endDay: addMonths(quarterStart(lastDay + 30), 3) };
  }
}

export function dayToX(scale: TimeScale, day: number): number {
  return (day - scale.firstDay) * scale.dayWidth;
}

/** Returns the fractional day number at pixel `x`; its floor is the day under the pixel. */
export function xToDay(scale: TimeScale, x: number): number {
  return scale.firstDay + x / scale.dayWidth;
}

export function axisWidth(scale: TimeScale): number {
  return (scale.endDay - scale.firstDay) * scale.dayWidth;
}

/** One label cell of a header row, from day `startDay` to the day before `endDay`. */
export interface HeaderBand {
  readonly startDay: number;
  readonly endDay: number;
  readonly label: string;
}

/** Label texts of the header, so that the layout stays free of a locale. */
export interface AxisLabels {
  /** Returns the short month name, for example `Feb`, of month 1 to 12. */
  readonly month: (month: number) => string;
  /** Returns the month and year, for example `Feb 2021`. */
  readonly monthYear: (year: number, month: number) => string;
  /** Returns the quarter label, for example `Q1`. */
  readonly quarter: (quarter: number) => string;
}

export interface AxisHeader {
  readonly upper: readonly HeaderBand[];
  readonly lower: readonly HeaderBand[];
}

/** Lists the header bands that overlap the days `fromDay` to `toDay` (excluded). */
export function axisHeader(scale: TimeScale, fromDay: number, toDay: number, labels: AxisLabels): AxisHeader {
  const from = Math.max(fromDay, scale.firstDay);
  const to = Math.min(toDay, scale.endDay);
  switch (scale.zoom) {
    case 'days':
      return {
        upper: bands(
          monthStart(from),
          to,
          (day) => addMonths(day, 1),
          (day) => monthYearLabel(day, labels),
        ),
        lower: bands(
          from,
          to,
          (day) => day + 1,
          (day) => String(partsOf(day).day),
        ),
      };
    case 'weeks':
      return {
        upper: bands(
          monthStart(from),
          to,
          (day) => addMonths(day, 1),
          (day) => monthYearLabel(day, labels),
        ),
        lower: bands(
          weekStart(from),
          to,
          (day) => day + 7,
          (day) => String(partsOf(day).day),
        ),
      };
    case 'months':
      return {
        upper: yearBands(from, to),
        lower: bands(
          monthStart(from),
          to,
          (day) => addMonths(day, 1),
          (day) => labels.month(partsOf(day).month),
        ),
      };
    case 'quarters':
      return {
        upper: yearBands(from, to),
        lower: bands(
          quarterStart(from),
          to,
          (day) => addMonths(day, 3),
          (day) => labels.quarter(Math.ceil(partsOf(day).month / 3)),
        ),
      };
  }
}

function monthYearLabel(day: number, labels: AxisLabels): string {
  const { year, month } = partsOf(day);
  return labels.monthYear(year, month);
}

/** Returns one header band per calendar year from the year of `from` to `to`. */
function yearBands(from: number, to: number): HeaderBand[] {
  return bands(
    yearStart(from),
    to,
    (day) => addMonths(day, 12),
    (day) => String(partsOf(day).year),
  );
}

function bands(first: number, to: number, next: (day: number) => number, label: (day: number) => string): HeaderBand[] {
  const result: HeaderBand[] = [];
  for (let day = first; day < to;) {
    const end = next(day);
    result.push({ startDay: day, endDay: end, label: label(day) });
    day = end;
  }
  return result;
}

/**
 * Returns the scroll offset that keeps day `anchorDay` at `pointerX` pixels from the left edge of
 * the view after a zoom change.
 */
export function anchoredScrollLeft(scale: TimeScale, anchorDay: number, pointerX: number): number {
  return Math.max(0, dayToX(scale, anchorDay) - pointerX);
}
