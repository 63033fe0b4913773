/**
 * Print settings of the Gantt view (paper size, orientation, zoom) and the print itself: the
 * pages are mounted in a `gantt-print-root` element directly in `<body>`, the browser's print
 * dialog opens, and the pages are removed again after printing.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { BaselineComparison, GanttModel } from './ganttModel';
import { GanttPrint } from './GanttPrint';
import type { GanttPrintSettings } from './GanttPrint';
import { zoomLevels } from './timeScale';

export interface GanttPrintPanelProps {
  readonly model: GanttModel;
  readonly comparison: BaselineComparison | null;
  readonly title: string;
  readonly today: number | null;
}

export function GanttPrintPanel(props: GanttPrintPanelProps) {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<GanttPrintSettings>({ pageSize: 'A4', orientation: 'landscape', zoom: 'fit' });
  const [printing, setPrinting] = useState(false);

  useEffect(() => {
    if (!printing) return;
    const done = () => {
      setPrinting(false);
    };
    window.addEventListener('afterprint', done);
    // One frame lets the pages reach the document before the print dialog takes its snapshot.
    // Chromium's `window.print()` returns once the dialog is closed, and some browsers fire
    // `afterprint` only then, so the pages are removed on whichever comes first.
    const frame = requestAnimationFrame(() => {
      window.print();
      setPrinting(false);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', done);
    };
  }, [printing]);

  return (
    <section className="gantt-print-panel" aria-label={t('gantt.print.panel')}>
      <label>
        {t('gantt.print.pageSize')}
        <select
          value={settings.pageSize}
          onChange={(event) => {
            setSettings({ ...settings, pageSize: event.target.value === 'Letter' ? 'Letter' : 'A4' });
          }}
        >
          <option value="A4">{t('gantt.print.a4')}</option>
          <option value="Letter">{t('gantt.print.letter')}</option>
        </select>
      </label>
      <label>
        {t('gantt.print.orientation')}
        <select
          value={settings.orientation}
          onChange={(event) => {
            setSettings({ ...settings, orientation: event.target.value === 'portrait' ? 'portrait' : 'landscape' });
          }}
        >
          <option value="landscape">{t('gantt.print.landscape')}</option>
          <option value="portrait">{t('gantt.print.portrait')}</option>
        </select>
      </label>
      <label>
        {t('gantt.print.zoom')}
        <select
          value={settings.zoom}
          onChange={(event) => {
            const zoom = zoomLevels.find((level) => level === event.target.value) ?? 'fit';
            setSettings({ ...settings, zoom });
          }}
        >
          <option value="fit">{t('gantt.print.fit')}</option>
          {zoomLevels.map((zoom) => (
            <option key={zoom} value={zoom}>
              {t(`gantt.zoom.${zoom}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button primary"
        disabled={props.model.schedule === null || printing}
        onClick={() => {
          setPrinting(true);
        }}
      >
        {t('gantt.print.print')}
      </button>
      {printing
        ? createPortal(
            <div className="gantt-print-root">
              <GanttPrint model={props.model} comparison={props.comparison} settings={settings} title={props.title} today={props.today} />
            </div>,
            document.body,
          )
        : null}
    </section>
  );
}
