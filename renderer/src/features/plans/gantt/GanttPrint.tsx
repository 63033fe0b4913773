/**
 * Print output of the Gantt chart, for the Gantt view's Print button and for reports.
 *
 * `<GanttPrint>` renders the whole plan (every task, summaries expanded) as page-sized sections
 * for the chosen paper size and orientation. Each page has a title line with the plan title, the
 * dates shown and the page number, then an SVG chart with the time axis and a task grid (task,
 * start, finish, duration). The component sets the CSS `@page` size and margin to match. To print
 * only these pages, mount it inside an element with the class `gantt-print-root` placed directly
 * in `<body>` (see `gantt.css`):
 * the print stylesheet then hides the rest of the app. For a PDF without a component, call
 * `renderGanttForPrint` from `ganttPrint.ts`, which returns the same pages as SVG strings.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaselineComparison, GanttModel } from './ganttModel';
import { printMarginMm, printTitleHeight, renderGanttForPrint } from './ganttPrint';
import type { PageOrientation, PageSize } from './ganttPrint';
import type { ZoomLevel } from './timeScale';
import { useGanttText } from './useGanttText';
import './gantt.css';

export interface GanttPrintSettings {
  readonly pageSize: PageSize;
  readonly orientation: PageOrientation;
  readonly zoom: ZoomLevel | 'fit';
}

export interface GanttPrintProps {
  readonly model: GanttModel;
  readonly comparison: BaselineComparison | null;
  readonly settings: GanttPrintSettings;
  /** Title printed on every page, usually the plan title. */
  readonly title: string;
  /** Today's day number for the today line, or `null` to leave it out. */
  readonly today: number | null;
}

export function GanttPrint({ model, comparison, settings, title, today }: GanttPrintProps) {
  const { t } = useTranslation();
  const text = useGanttText();
  const layout = useMemo(
    () =>
      renderGanttForPrint(model, {
        ...settings,
        comparison,
        today,
        text: text.scene,
        grid: text.grid,
        columnTitles: {
          name: t('gantt.print.taskColumn'),
          start: t('gantt.columns.start'),
          finish: t('gantt.columns.finish'),
          duration: t('gantt.columns.duration'),
        },
        describePage: (page, pages) => t('gantt.print.pageLabel', { title, page, pages }),
      }),
    [model, comparison, settings, today, text, t, title],
  );
  const pageRule = `@page { size: ${settings.pageSize} ${settings.orientation}; margin: ${printMarginMm}mm; }`;

  return (
    <div className="gantt-print" data-testid="gantt-print">
      <style>{pageRule}</style>
      {layout.pages.map((page) => (
        <section key={page.number} className="gantt-print-page" style={{ width: layout.area.width }}>
          <header className="gantt-print-title" style={{ height: printTitleHeight }}>
            <strong>{title}</strong>
            <span>{t('gantt.print.dates', { first: text.grid.date(page.firstDate), last: text.grid.date(page.lastDate) })}</span>
            <span>{t('gantt.print.pageOf', { page: page.number, pages: layout.pages.length })}</span>
          </header>
          {/* The SVG comes from ECharts' server-side renderer, which escapes every text it draws. */}
          <div className="gantt-print-chart" role="img" aria-label={page.label} dangerouslySetInnerHTML={{ __html: page.svg }} />
        </section>
      ))}
    </div>
  );
}
