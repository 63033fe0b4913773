/**
 * Toolbar of the Gantt view: zoom levels, undo and redo, and the print panel's toggle.
 */
import { useTranslation } from 'react-i18next';
import { zoomLevels } from './timeScale';
import type { ZoomLevel } from './timeScale';

export interface GanttToolbarProps {
  readonly zoom: ZoomLevel;
  readonly onZoom: (zoom: ZoomLevel) => void;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly printOpen: boolean;
  readonly onTogglePrint: () => void;
}

export function GanttToolbar(props: GanttToolbarProps) {
  const { t } = useTranslation();
  return (
    <div className="gantt-toolbar" role="toolbar" aria-label={t('gantt.toolbar.label')}>
      <div className="gantt-zoom" role="group" aria-label={t('gantt.toolbar.zoom')}>
        {zoomLevels.map((zoom) => (
          <button
            key={zoom}
            type="button"
            className="button"
            aria-pressed={props.zoom === zoom}
            onClick={() => {
              props.onZoom(zoom);
            }}
          >
            {t(`gantt.zoom.${zoom}`)}
          </button>
        ))}
      </div>
      <div className="gantt-history" role="group" aria-label={t('gantt.toolbar.history')}>
        <button type="button" className="button" disabled={!props.canUndo} onClick={props.onUndo} aria-keyshortcuts="Control+Z Meta+Z">
          {t('gantt.toolbar.undo')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!props.canRedo}
          onClick={props.onRedo}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        >
          {t('gantt.toolbar.redo')}
        </button>
      </div>
      <button type="button" className="button toolbar-end" aria-expanded={props.printOpen} onClick={props.onTogglePrint}>
        {t('gantt.toolbar.print')}
      </button>
    </div>
  );
}
