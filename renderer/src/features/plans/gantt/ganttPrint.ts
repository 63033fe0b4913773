/**
 * Print rendering of the Gantt chart. `renderGanttForPrint` cuts the whole plan (every task,
 * summaries expanded) into page-sized slices of rows and time windows. It renders each slice as
 * an SVG string with ECharts' SVG renderer in server-side mode, which needs no DOM, so reports can
 * put the pages into a PDF. Each page repeats the time axis header and a task grid (WBS code and
 * name, start, finish, duration with its unit). Pages run down the rows first, then across the
 * time windows. With the zoom `fit`, the time axis is stretched to the full printable width, so the
 * whole plan is one page wide.
 *
 * Sizes are CSS pixels at 96 per inch, the unit browsers and Electron's `printToPDF` use for
 * page layout.
 */
import type { CalendarDate } from '@shared/domain/types';
import { fromDayNumber } from '@shared/schedule/days';
import { WorkingCalendar } from '@shared/schedule/workingCalendar';
import { echarts } from './ganttEcharts';
import { approximateTextWidth, buildScene, chartBoldFont, headerHeight, indexRows, rowHeight } from './ganttLayout';
import type { SceneText } from './ganttLayout';
import type { BaselineComparison, GanttModel } from './ganttModel';
import { buildGanttOption } from './ganttOption';
import type { PrintGrid, PrintGridColumn } from './ganttOption';
import { cellText } from './gridCells';
import type { GridText } from './gridCells';
import { createTimeScale, zoomLevels } from './timeScale';
import type { TimeScale, ZoomLevel } from './timeScale';

export type PageSize = 'A4' | 'Letter';
export type PageOrientation = 'portrait' | 'landscape';

/** Paper sizes in millimetres, portrait. */
export const paperMillimetres: Readonly<Record<PageSize, readonly [number, number]>> = { A4: [210, 297], Letter: [215.9, 279.4] };

/** Page margin on every side, in millimetres. */
export const printMarginMm = 10;
/** Height of the title line above each page's chart, in CSS pixels. */
export const printTitleHeight = 28;

const pixelsPerMm = 96 / 25.4;

export interface PrintOptions {
  readonly pageSize: PageSize;
  readonly orientation: PageOrientation;
  /** Zoom of the time axis; `fit` stretches the axis over the page width (see `fitScale`). */
  readonly zoom: ZoomLevel | 'fit';
  readonly comparison: BaselineComparison | null;
  /** Today's day number, or `null` to leave out the today line. */
  readonly today: number | null;
  readonly text: SceneText;
  /** Formats of the printed grid's cells, as in the task grid on screen. */
  readonly grid: GridText;
  /** Headers of the printed grid's columns. */
  readonly columnTitles: { readonly name: string; readonly start: string; readonly finish: string; readonly duration: string };
  /** Returns the text alternative of a page's chart from its page number and page count. */
  readonly describePage: (page: number, pages: number) => string;
}

export interface PrintArea {
  /** Size of the printable area inside the margins, in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** Size of the chart on each page, below the title line. */
  readonly chartWidth: number;
  readonly chartHeight: number;
  /** Most of the chart width the printed task grid may take; the rest is the time axis. */
  readonly gridBudget: number;
}

export function printArea(pageSize: PageSize, orientation: PageOrientation): PrintArea {
  const [short, long] = paperMillimetres[pageSize];
  const widthMm = orientation === 'portrait' ? short : long;
  const heightMm = orientation === 'portrait' ? long : short;
  const width = Math.floor((widthMm - 2 * printMarginMm) * pixelsPerMm);
  const height = Math.floor((heightMm - 2 * printMarginMm) * pixelsPerMm);
  const chartHeight = height - printTitleHeight;
  // Portrait pages are narrow, so the grid gets a larger share to keep task names readable.
  const gridBudget = Math.round(width * (orientation === 'portrait' ? 0.58 : 0.42));
  return { width, height, chartWidth: width, chartHeight, gridBudget };
}

/** Narrowest and widest task name column of the printed grid, in pixels. */
const minNameWidth = 120;
const maxNameWidth = 280;
/** Padding inside a printed grid cell, both sides together, in pixels. */
const cellPadding = 12;
/**
 * Pixels added to a measured column so that the renderer's own text measure, which can differ
 * from `SceneText.measure` by a pixel or two, does not shorten the widest text.
 */
const measureSlack = 4;

/**
 * Sizes the printed grid's columns. Start, finish and duration are as wide as their widest text
 * in bold, the weight of summary rows, so they are never cut. The task name column gets the rest
 * of the area's grid budget, within 120 to 280 pixels.
 */
export function printGridColumns(
  model: GanttModel,
  area: PrintArea,
  options: Pick<PrintOptions, 'text' | 'grid' | 'columnTitles'>,
): PrintGridColumn[] {
  const measure = options.text.measure ?? approximateTextWidth;
  const widest = (column: 'start' | 'finish' | 'duration', title: string): number => {
    let width = measure(title, chartBoldFont);
    for (const row of model.rows) width = Math.max(width, measure(cellText(model, row, column, null, options.grid), chartBoldFont));
    return Math.ceil(width) + cellPadding + measureSlack;
  };
  const { columnTitles } = options;
  const start = widest('start', columnTitles.start);
  const finish = widest('finish', columnTitles.finish);
  const duration = widest('duration', columnTitles.duration);
  const name = Math.max(minNameWidth, Math.min(maxNameWidth, area.gridBudget - start - finish - duration));
  return [
    { title: columnTitles.name, width: name, align: 'left' },
    { title: columnTitles.start, width: start, align: 'left' },
    { title: columnTitles.finish, width: finish, align: 'left' },
    { title: columnTitles.duration, width: duration, align: 'right' },
  ];
}

/** One page: rows `firstRow` to `lastRow` (included, in outline order) over the days `firstDay` to `endDay` (excluded). */
export interface PageSlice {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstDay: number;
  readonly endDay: number;
}

/** Cuts `rowCount` rows and the time axis into page slices, down the rows first, then across; `gridWidth` is the printed grid's width. */
export function slicePages(rowCount: number, scale: TimeScale, area: PrintArea, gridWidth: number): PageSlice[] {
  const rowsPerPage = Math.max(1, Math.floor((area.chartHeight - headerHeight) / rowHeight));
  // The tolerance keeps an axis stretched to exactly the page width on one page despite rounding.
  const daysPerPage = Math.max(1, Math.floor((area.chartWidth - gridWidth) / scale.dayWidth + 1e-9));
  const pages: PageSlice[] = [];
  for (let firstDay = scale.firstDay; firstDay < scale.endDay; firstDay += daysPerPage) {
    for (let firstRow = 0; firstRow < Math.max(rowCount, 1); firstRow += rowsPerPage) {
      pages.push({
        firstRow,
        lastRow: Math.min(rowCount, firstRow + rowsPerPage) - 1,
        firstDay,
        endDay: Math.min(scale.endDay, firstDay + daysPerPage),
      });
    }
  }
  return pages;
}

/**
 * Narrowest day, in pixels, at which each zoom's header labels all fit: a two-digit day number in
 * 20 pixels a day, one in 21 pixels a week, a month name in 33 pixels a month. Quarters are the
 * fallback at any width, and a label that does not fit its band is left out.
 */
const minFitDayWidths: Readonly<Record<ZoomLevel, number>> = { days: 20, weeks: 3, months: 1.1, quarters: 0 };

/**
 * Returns the time axis for the days `firstDay` to `lastDay` stretched or squeezed to exactly
 * `width` pixels, at the most detailed zoom whose header stays readable at that scale.
 */
export function fitScale(firstDay: number, lastDay: number, width: number): TimeScale {
  for (const zoom of zoomLevels) {
    const scale = createTimeScale(zoom, firstDay, lastDay);
    const dayWidth = width / (scale.endDay - scale.firstDay);
    if (dayWidth >= minFitDayWidths[zoom]) return { ...scale, dayWidth };
  }
  const widest = createTimeScale('quarters', firstDay, lastDay);
  return { ...widest, dayWidth: width / (widest.endDay - widest.firstDay) };
}

export interface PrintPage {
  /** 1-based page number. */
  readonly number: number;
  readonly slice: PageSlice;
  /** First and last day shown, as calendar dates. */
  readonly firstDate: CalendarDate;
  readonly lastDate: CalendarDate;
  /** Text alternative of the page's chart, for `aria-label` or `alt`; SVG from server-side rendering carries none. */
  readonly label: string;
  /** The chart as a standalone SVG document, at most `area.chartWidth` by `area.chartHeight` pixels (the last row or column of pages may be smaller). */
  readonly svg: string;
}

export interface PrintLayout {
  readonly pageSize: PageSize;
  readonly orientation: PageOrientation;
  readonly zoom: ZoomLevel;
  readonly area: PrintArea;
  readonly pages: readonly PrintPage[];
}

/**
 * Renders the whole plan for print on pages of the chosen size and orientation. Returns no page
 * when the plan has no schedule (the view shows the scheduling error instead).
 */
export function renderGanttForPrint(model: GanttModel, options: PrintOptions): PrintLayout {
  const area = printArea(options.pageSize, options.orientation);
  const columns = printGridColumns(model, area, options);
  const gridWidth = columns.reduce((sum, column) => sum + column.width, 0);
  const scale =
    options.zoom === 'fit'
      ? fitScale(model.firstDay, model.lastDay, area.chartWidth - gridWidth)
      : createTimeScale(options.zoom, model.firstDay, model.lastDay);
  const base = { pageSize: options.pageSize, orientation: options.orientation, zoom: scale.zoom, area };
  if (model.schedule === null) return { ...base, pages: [] };

  const rows = model.rows;
  const rowIndex = indexRows(rows);
  const planCalendar = model.calendars.find((calendar) => calendar.id === model.plan.calendarId);
  const shading = planCalendar === undefined ? null : new WorkingCalendar(planCalendar, model.firstDay);
  const slices = slicePages(rows.length, scale, area, gridWidth);

  const pages = slices.map((slice, index): PrintPage => {
    const scene = buildScene({
      model,
      rows,
      rowIndex,
      scale,
      viewport: {
        left: gridWidth,
        top: headerHeight,
        scrollLeft: (slice.firstDay - scale.firstDay) * scale.dayWidth,
        scrollTop: slice.firstRow * rowHeight,
        // The slice ends exactly at its last row and day, so the next page does not repeat them.
        width: gridWidth + (slice.endDay - slice.firstDay) * scale.dayWidth,
        height: headerHeight + (slice.lastRow - slice.firstRow + 1) * rowHeight - 1,
      },
      comparison: options.comparison,
      selectedTaskId: null,
      today: options.today,
      shading,
      text: options.text,
      keepLabelsInside: true,
    });
    const printGrid: PrintGrid = {
      columns,
      rows: rows.slice(slice.firstRow, slice.lastRow + 1).map((row) => ({
        cells: [
          `${row.wbs}  ${row.task.name}`,
          cellText(model, row, 'start', null, options.grid),
          cellText(model, row, 'finish', null, options.grid),
          cellText(model, row, 'duration', null, options.grid),
        ],
        depth: row.depth,
        summary: row.childCount > 0,
      })),
    };
    const label = options.describePage(index + 1, slices.length);
    const option = buildGanttOption({ scene, overlay: null, printGrid, description: label });
    return {
      number: index + 1,
      slice,
      firstDate: fromDayNumber(slice.firstDay),
      lastDate: fromDayNumber(slice.endDay - 1),
      label,
      svg: renderSvg(option, Math.ceil(scene.width), Math.ceil(scene.height) + 1),
    };
  });
  return { ...base, pages };
}

function renderSvg(option: Parameters<echarts.EChartsType['setOption']>[0], width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
