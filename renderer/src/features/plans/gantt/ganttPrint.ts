/**
 * Print rendering of the Gantt chart. `renderGanttForPrint` cuts the whole plan (every task,
 * summaries expanded) into page-sized slices of rows and time windows. It renders each slice as
 * an SVG string with ECharts' SVG renderer in server-side mode, which needs no DOM, so reports can
 * put the pages into a PDF. Each page repeats the time axis header and a column of WBS codes and
 * task names. Pages run down the rows first, then across the time windows.
 *
 * Sizes are CSS pixels at 96 per inch, the unit browsers and Electron's `printToPDF` use for
 * page layout.
 */
import type { CalendarDate } from '@shared/domain/types';
import { fromDayNumber } from '@shared/schedule/days';
import { WorkingCalendar } from '@shared/schedule/workingCalendar';
import { echarts } from './ganttEcharts';
import { buildScene, headerHeight, indexRows, rowHeight } from './ganttLayout';
import type { SceneText } from './ganttLayout';
import type { BaselineComparison, GanttModel } from './ganttModel';
import { buildGanttOption } from './ganttOption';
import { axisWidth, createTimeScale, dayWidths, zoomLevels } from './timeScale';
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
  /** Zoom of the time axis; `fit` picks the most detailed zoom at which the plan fits one page width. */
  readonly zoom: ZoomLevel | 'fit';
  readonly comparison: BaselineComparison | null;
  /** Today's day number, or `null` to leave out the today line. */
  readonly today: number | null;
  readonly text: SceneText;
  /** Header of the task name column, for example `Task`. */
  readonly nameTitle: string;
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
  readonly nameColumnWidth: number;
}

export function printArea(pageSize: PageSize, orientation: PageOrientation): PrintArea {
  const [short, long] = paperMillimetres[pageSize];
  const widthMm = orientation === 'portrait' ? short : long;
  const heightMm = orientation === 'portrait' ? long : short;
  const width = Math.floor((widthMm - 2 * printMarginMm) * pixelsPerMm);
  const height = Math.floor((heightMm - 2 * printMarginMm) * pixelsPerMm);
  const chartHeight = height - printTitleHeight;
  return { width, height, chartWidth: width, chartHeight, nameColumnWidth: Math.min(240, Math.round(width * 0.3)) };
}

/** One page: rows `firstRow` to `lastRow` (included, in outline order) over the days `firstDay` to `endDay` (excluded). */
export interface PageSlice {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstDay: number;
  readonly endDay: number;
}

/** Cuts `rowCount` rows and the time axis into page slices: down the rows first, then across. */
export function slicePages(rowCount: number, scale: TimeScale, area: PrintArea): PageSlice[] {
  const rowsPerPage = Math.max(1, Math.floor((area.chartHeight - headerHeight) / rowHeight));
  const daysPerPage = Math.max(1, Math.floor((area.chartWidth - area.nameColumnWidth) / scale.dayWidth));
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

/** Returns the most detailed zoom at which the plan's time axis fits `width` pixels, or the widest zoom. */
export function fitZoom(firstDay: number, lastDay: number, width: number): ZoomLevel {
  for (const zoom of zoomLevels) {
    if (axisWidth(createTimeScale(zoom, firstDay, lastDay)) <= width) return zoom;
  }
  return zoomLevels[zoomLevels.length - 1] ?? 'quarters';
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
  const timelineWidth = area.chartWidth - area.nameColumnWidth;
  const zoom = options.zoom === 'fit' ? fitZoom(model.firstDay, model.lastDay, timelineWidth) : options.zoom;
  const base = { pageSize: options.pageSize, orientation: options.orientation, zoom, area };
  if (model.schedule === null) return { ...base, pages: [] };

  const scale = createTimeScale(zoom, model.firstDay, model.lastDay);
  const rows = model.rows;
  const rowIndex = indexRows(rows);
  const planCalendar = model.calendars.find((calendar) => calendar.id === model.plan.calendarId);
  const shading = planCalendar === undefined ? null : new WorkingCalendar(planCalendar, model.firstDay);
  const slices = slicePages(rows.length, scale, area);

  const pages = slices.map((slice, index): PrintPage => {
    const scene = buildScene({
      model,
      rows,
      rowIndex,
      scale,
      viewport: {
        left: area.nameColumnWidth,
        top: headerHeight,
        scrollLeft: (slice.firstDay - scale.firstDay) * scale.dayWidth,
        scrollTop: slice.firstRow * rowHeight,
        // The slice ends exactly at its last row and day, so the next page does not repeat them.
        width: area.nameColumnWidth + (slice.endDay - slice.firstDay) * dayWidths[zoom],
        height: headerHeight + (slice.lastRow - slice.firstRow + 1) * rowHeight - 1,
      },
      comparison: options.comparison,
      selectedTaskId: null,
      today: options.today,
      shading,
      text: options.text,
    });
    const names = rows.slice(slice.firstRow, slice.lastRow + 1).map((row) => ({
      text: `${row.wbs}  ${row.task.name}`,
      depth: row.depth,
      summary: row.childCount > 0,
    }));
    const label = options.describePage(index + 1, slices.length);
    const option = buildGanttOption({ scene, overlay: null, nameColumn: { title: options.nameTitle, names }, description: label });
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
