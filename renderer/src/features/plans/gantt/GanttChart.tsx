/**
 * The Gantt chart: an ECharts canvas that stays in view inside a scroll container whose spacer
 * has the size of the whole chart. On every scroll frame only the rows and days in view are laid
 * out and drawn, which keeps a frame's cost independent of the plan's size. ECharts' `large`
 * mode does not apply, because the custom series has none. Pointer input is hit-tested against
 * the laid-out scene: drag a bar to move it, its right edge to resize it, or a handle of the selected
 * bar to another bar to link them. While a link is dragged, a label beside the pointer names the
 * link type a drop there creates: the left half of a bar links to its start, the right half to its
 * finish. Ctrl or Cmd with the mouse wheel zooms around the pointer.
 * NOTE: a drag does not scroll the chart when it reaches an edge, so a link to a task out of
 * view needs the Predecessors column of the grid.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { Id } from '@shared/domain/types';
import { fromDayNumber } from '@shared/schedule/days';
import type { WorkingCalendar } from '@shared/schedule/workingCalendar';
import { durationToFinish, linkTaskCommand, linkTypeFor, moveTaskCommand, resizeTaskCommand } from './dragEdits';
import type { EditResult, GanttMessage } from './editCheck';
import { echarts } from './ganttEcharts';
import { buildScene, handleOffset, headerHeight, rowHeight } from './ganttLayout';
import type { BarShape, GanttScene } from './ganttLayout';
import { workingCalendarOf } from './ganttModel';
import type { BaselineComparison, GanttModel, TaskDays } from './ganttModel';
import { buildGanttOption } from './ganttOption';
import type { DragOverlay } from './ganttOption';
import { hitTest, linkTargetAt } from './hitTest';
import type { TaskEnd } from './hitTest';
import type { TaskRow } from './rowTree';
import { anchoredScrollLeft, axisWidth, dayToX, xToDay } from './timeScale';
import type { TimeScale } from './timeScale';
import type { GanttText } from './useGanttText';

/** Pointer travel in pixels before a press on a bar counts as a drag rather than a click. */
const dragThreshold = 3;
/** Wheel travel (in `deltaY` units) per zoom step, so that a trackpad does not race through every level. */
const wheelStep = 100;

export interface GanttChartProps {
  readonly model: GanttModel;
  readonly rows: readonly TaskRow[];
  readonly rowIndex: ReadonlyMap<Id, number>;
  readonly scale: TimeScale;
  readonly comparison: BaselineComparison | null;
  readonly selectedTaskId: Id | null;
  readonly today: number | null;
  readonly shading: WorkingCalendar | null;
  readonly text: GanttText;
  readonly label: string;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  /** Called on every scroll of the chart, so the grid can follow. */
  readonly onScroll: () => void;
  readonly onSelect: (taskId: Id) => void;
  /** Called once at the end of each drag with the resulting edit and the sentence that describes it. */
  readonly onEdit: (result: EditResult, done: GanttMessage) => void;
  /** Asks for the next zoom level towards more detail (-1) or a wider view (+1). */
  readonly onZoom: (direction: -1 | 1) => void;
}

interface DragState {
  readonly zone: 'move' | 'resize' | 'linkFromStart' | 'linkFromFinish';
  readonly bar: BarShape;
  readonly days: TaskDays;
  readonly working: WorkingCalendar | null;
  readonly startX: number;
  readonly startY: number;
  moved: boolean;
}

interface ZoomAnchor {
  readonly day: number;
  readonly pointerX: number;
}

function localPoint(event: { clientX: number; clientY: number }, element: HTMLElement): { x: number; y: number } {
  const rect = element.getBoundingClientRect();
  return { x: event.clientX - rect.left, y: event.clientY - rect.top };
}

export function GanttChart(props: GanttChartProps) {
  const { t } = useTranslation();
  const { model, rows, scale, scrollRef } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.EChartsType | null>(null);
  const sceneRef = useRef<GanttScene | null>(null);
  const overlayRef = useRef<DragOverlay | null>(null);
  const dragRef = useRef<DragState | null>(null);
  const frameRef = useRef(0);
  const anchorRef = useRef<ZoomAnchor | null>(null);
  const previousScaleRef = useRef<TimeScale>(scale);
  // The latest props for drawing from scroll frames and native listeners, which outlive a render.
  const propsRef = useRef(props);
  useLayoutEffect(() => {
    propsRef.current = props;
  });
  const [size, setSize] = useState({ width: 0, height: 0 });

  const draw = useCallback(() => {
    const chart = chartRef.current;
    const scroller = scrollRef.current;
    if (chart === null || scroller === null || scroller.clientWidth === 0) return;
    const current = propsRef.current;
    const scene = buildScene({
      model: current.model,
      rows: current.rows,
      rowIndex: current.rowIndex,
      scale: current.scale,
      viewport: {
        left: 0,
        top: headerHeight,
        scrollLeft: scroller.scrollLeft,
        scrollTop: scroller.scrollTop,
        width: scroller.clientWidth,
        height: scroller.clientHeight,
      },
      comparison: current.comparison,
      selectedTaskId: current.selectedTaskId,
      today: current.today,
      shading: current.shading,
      text: current.text.scene,
    });
    sceneRef.current = scene;
    chart.setOption(buildGanttOption({ scene, overlay: overlayRef.current, printGrid: null, description: current.label }), {
      replaceMerge: ['series'],
      silent: true,
    });
  }, [scrollRef]);

  const requestDraw = useCallback(() => {
    if (frameRef.current !== 0) return;
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = 0;
      draw();
    });
  }, [draw]);

  // The chart instance lives as long as the component; its size follows the scroll container.
  useEffect(() => {
    const host = hostRef.current;
    const scroller = scrollRef.current;
    if (host === null || scroller === null) return;
    const chart = echarts.init(host, null, {
      renderer: 'canvas',
      width: Math.max(1, scroller.clientWidth),
      height: Math.max(1, scroller.clientHeight),
    });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => {
      setSize({ width: scroller.clientWidth, height: scroller.clientHeight });
      chart.resize({ width: Math.max(1, scroller.clientWidth), height: Math.max(1, scroller.clientHeight) });
      draw();
    });
    observer.observe(scroller);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frameRef.current);
      frameRef.current = 0;
      chart.dispose();
      chartRef.current = null;
    };
  }, [scrollRef, draw]);

  // A new zoom keeps the day under the pointer (wheel) or in the middle of the view (buttons) in place.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const previous = previousScaleRef.current;
    previousScaleRef.current = scale;
    if (scroller === null || previous.zoom === scale.zoom) return;
    const anchor = anchorRef.current ?? {
      day: xToDay(previous, scroller.scrollLeft + scroller.clientWidth / 2),
      pointerX: scroller.clientWidth / 2,
    };
    anchorRef.current = null;
    scroller.scrollLeft = anchoredScrollLeft(scale, anchor.day, anchor.pointerX);
  }, [scale, scrollRef]);

  useEffect(() => {
    draw();
  }, [draw, model, rows, scale, props.comparison, props.selectedTaskId, props.today, props.shading, props.text, props.label, size]);

  // Bring the selected task's bar into view when it was chosen in the grid.
  useEffect(() => {
    const scroller = scrollRef.current;
    const days = props.selectedTaskId === null ? undefined : model.daysById.get(props.selectedTaskId);
    if (scroller === null || days === undefined || dragRef.current !== null) return;
    const start = dayToX(scale, days.startDay);
    const end = dayToX(scale, days.finishDay + 1);
    if (end < scroller.scrollLeft || start > scroller.scrollLeft + scroller.clientWidth - 40) {
      scroller.scrollLeft = Math.max(0, start - 60);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of selection scrolls, so edits of the selected task leave the view where the user put it
  }, [props.selectedTaskId]);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (scroller === null) return;
    let wheelTravel = 0;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      wheelTravel += event.deltaY;
      if (Math.abs(wheelTravel) < wheelStep) return;
      const direction = wheelTravel < 0 ? -1 : 1;
      wheelTravel = 0;
      const pointer = localPoint(event, scroller);
      anchorRef.current = { day: xToDay(propsRef.current.scale, scroller.scrollLeft + pointer.x), pointerX: pointer.x };
      propsRef.current.onZoom(direction);
    };
    scroller.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      scroller.removeEventListener('wheel', onWheel);
    };
  }, [scrollRef]);

  const overlayFor = (drag: DragState, x: number, y: number): DragOverlay | null => {
    const { bar, days } = drag;
    const dx = x - drag.startX;
    const { grid } = props.text;
    if (drag.zone === 'move') {
      const target = drag.working === null ? days.startDay : drag.working.startOnOrAfter(days.startDay + Math.round(dx / scale.dayWidth));
      const shift = (target - days.startDay) * scale.dayWidth;
      return { kind: 'ghost', x: bar.x + shift, y: bar.y, width: bar.width, height: bar.height, label: grid.date(fromDayNumber(target)) };
    }
    if (drag.zone === 'resize') {
      const finishDay = resizedFinishDay(drag, dx);
      const task = model.tasksById.get(bar.taskId);
      const duration =
        task === undefined || drag.working === null ? 0 : durationToFinish(task.durationUnit, days.startDay, finishDay, drag.working);
      const width = (Math.max(finishDay, days.startDay) + 1 - days.startDay) * scale.dayWidth;
      return {
        kind: 'ghost',
        x: bar.x,
        y: bar.y,
        width,
        height: bar.height,
        label: grid.duration(duration, task?.durationUnit ?? 'workingDays'),
      };
    }

    // A link: the line from the handle to the pointer, labelled with the type a drop there creates.
    const scene = sceneRef.current;
    const target = scene === null ? null : linkTargetAt(scene, x, y);
    const fromX = drag.zone === 'linkFromStart' ? bar.x - handleOffset : bar.x + bar.width + handleOffset;
    const valid = target !== null && target.taskId !== bar.taskId;
    const type = target === null ? null : linkTypeFor(drag.zone === 'linkFromStart' ? 'start' : 'finish', target.end);
    const label =
      valid && type !== null
        ? t('gantt.chart.linkType', { name: grid.linkTypeNames[type], code: grid.linkTypes[type] })
        : t('gantt.chart.linkHint');
    return { kind: 'link', from: [fromX, bar.centerY], to: [x, y], valid, label };
  };

  const resizedFinishDay = (drag: DragState, dx: number): number => {
    const scroller = scrollRef.current;
    const edge = drag.bar.x + drag.bar.width + dx + (scroller?.scrollLeft ?? 0);
    return Math.round(xToDay(scale, edge)) - 1;
  };

  const finishDrag = (drag: DragState, x: number, y: number) => {
    const taskName = model.tasksById.get(drag.bar.taskId)?.name ?? '';
    const { grid } = props.text;
    const dx = x - drag.startX;
    if (drag.zone === 'move') {
      const result = moveTaskCommand(model, drag.bar.taskId, dx / scale.dayWidth);
      const after = result.ok && result.command?.kind === 'updateTask' ? result.command.after.startNoEarlierThan : null;
      props.onEdit(result, { key: 'gantt.status.moved', values: { task: taskName, date: after ? grid.date(after) : '' } });
      return;
    }
    if (drag.zone === 'resize') {
      const result = resizeTaskCommand(model, drag.bar.taskId, resizedFinishDay(drag, dx));
      const task = model.tasksById.get(drag.bar.taskId);
      const duration = result.ok && result.command?.kind === 'updateTask' ? result.command.after.duration : undefined;
      const text = duration === undefined || task === undefined ? '' : grid.duration(duration, task.durationUnit);
      props.onEdit(result, { key: 'gantt.status.resized', values: { task: taskName, duration: text } });
      return;
    }

    // A link: its type follows the half of the target bar it was dropped on, and the status line names it.
    const scene = sceneRef.current;
    const target = scene === null ? null : linkTargetAt(scene, x, y);
    if (target === null || target.taskId === drag.bar.taskId) return;
    const from: TaskEnd = drag.zone === 'linkFromStart' ? 'start' : 'finish';
    const result = linkTaskCommand(model, drag.bar.taskId, from, target.taskId, target.end, uuidv7);
    const type = linkTypeFor(from, target.end);
    props.onEdit(result, {
      key: target.end === 'start' ? 'gantt.status.linkedToStart' : 'gantt.status.linkedToFinish',
      values: {
        predecessor: taskName,
        successor: model.tasksById.get(target.taskId)?.name ?? '',
        type: grid.linkTypes[type],
        typeName: grid.linkTypeNames[type],
      },
    });
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    const host = hostRef.current;
    const scene = sceneRef.current;
    if (event.button !== 0 || host === null || scene === null) return;
    // Focus stays in the view, so Ctrl+Z and Ctrl+Y reach it right after a drag.
    host.focus({ preventScroll: true });
    const point = localPoint(event, host);
    const hit = hitTest(scene, point.x, point.y);
    if (hit === null) return;
    props.onSelect(hit.taskId);
    const days = model.daysById.get(hit.taskId);
    if (hit.zone === 'select' || days === undefined) return;
    event.preventDefault();
    host.setPointerCapture(event.pointerId);
    dragRef.current = {
      zone: hit.zone,
      bar: hit.bar,
      days,
      working: workingCalendarOf(model, hit.taskId),
      startX: point.x,
      startY: point.y,
      moved: false,
    };
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const host = hostRef.current;
    const scene = sceneRef.current;
    if (host === null || scene === null) return;
    const point = localPoint(event, host);
    const drag = dragRef.current;
    if (drag === null) {
      host.style.cursor = cursorFor(hitTest(scene, point.x, point.y)?.zone);
      return;
    }
    if (!drag.moved && Math.abs(point.x - drag.startX) < dragThreshold && Math.abs(point.y - drag.startY) < dragThreshold) return;
    drag.moved = true;
    overlayRef.current = overlayFor(drag, point.x, point.y);
    requestDraw();
  };

  const endDrag = (event: ReactPointerEvent<HTMLDivElement>, commit: boolean) => {
    const host = hostRef.current;
    const drag = dragRef.current;
    dragRef.current = null;
    overlayRef.current = null;
    if (host === null || drag === null) return;
    if (host.hasPointerCapture(event.pointerId)) host.releasePointerCapture(event.pointerId);
    if (commit && drag.moved) {
      const point = localPoint(event, host);
      finishDrag(drag, point.x, point.y);
    }
    requestDraw();
  };

  // Escape abandons a drag in progress.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || dragRef.current === null) return;
      dragRef.current = null;
      overlayRef.current = null;
      requestDraw();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [requestDraw]);

  const totalHeight = headerHeight + rows.length * rowHeight;
  return (
    <div
      ref={scrollRef}
      className="gantt-chart-scroll"
      data-testid="gantt-chart-scroll"
      onScroll={() => {
        props.onScroll();
        requestDraw();
      }}
    >
      <div
        ref={hostRef}
        className="gantt-chart-surface"
        role="img"
        aria-label={props.label}
        tabIndex={-1}
        data-testid="gantt-chart"
        data-first-day={fromDayNumber(scale.firstDay)}
        data-day-width={scale.dayWidth}
        data-header-height={headerHeight}
        data-row-height={rowHeight}
        style={{ width: size.width, height: size.height }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={(event) => {
          endDrag(event, true);
        }}
        onPointerCancel={(event) => {
          endDrag(event, false);
        }}
      />
      <div className="gantt-chart-spacer" style={{ width: axisWidth(scale), height: Math.max(0, totalHeight - size.height) }} />
    </div>
  );
}

function cursorFor(zone: string | undefined): string {
  switch (zone) {
    case 'move':
      return 'grab';
    case 'resize':
      return 'ew-resize';
    case 'linkFromStart':
    case 'linkFromFinish':
      return 'crosshair';
    case 'select':
      return 'pointer';
    default:
      return 'default';
  }
}
