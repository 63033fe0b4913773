/**
 * The bar between the task grid and the chart: drag it to share the width between them, or focus
 * it and use the keys of `splitterKey`. Double-click widens the grid until every column shows. It
 * is an ARIA window splitter, a focusable `separator` whose value is the grid's width in pixels.
 */
import { useRef } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { splitterKey } from './ganttSplit';
import type { SplitBounds } from './ganttSplit';

export interface GanttSplitterProps {
  /** Current grid width in CSS pixels. */
  readonly width: number;
  readonly bounds: SplitBounds;
  /** Id of the grid's scroll container, which the splitter resizes. */
  readonly controls: string;
  readonly onChange: (width: number) => void;
}

interface SplitDrag {
  readonly pointerId: number;
  readonly startX: number;
  readonly startWidth: number;
}

export function GanttSplitter({ width, bounds, controls, onChange }: GanttSplitterProps) {
  const { t } = useTranslation();
  const dragRef = useRef<SplitDrag | null>(null);
  const clamp = (value: number) => Math.min(bounds.max, Math.max(bounds.min, Math.round(value)));

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const drag = dragRef.current;
    if (drag?.pointerId !== event.pointerId) return;
    onChange(clamp(drag.startWidth + event.clientX - drag.startX));
  };
  const endDrag = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (dragRef.current?.pointerId !== event.pointerId) return;
    dragRef.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };

  return (
    <div
      className="gantt-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('gantt.grid.splitter')}
      aria-controls={controls}
      aria-valuenow={width}
      aria-valuemin={bounds.min}
      aria-valuemax={bounds.max}
      aria-valuetext={t('gantt.grid.splitterValue', { width })}
      tabIndex={0}
      data-testid="gantt-splitter"
      onKeyDown={(event) => {
        const next = splitterKey(event.key, event.shiftKey, width, bounds);
        if (next === null) return;
        event.preventDefault();
        onChange(next);
      }}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.focus();
        event.currentTarget.setPointerCapture(event.pointerId);
        dragRef.current = { pointerId: event.pointerId, startX: event.clientX, startWidth: width };
      }}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onDoubleClick={() => {
        onChange(bounds.fit);
      }}
    />
  );
}
