/**
 * The Gantt view of a transition plan: a keyboard-editable task grid beside an ECharts chart,
 * sharing one vertical scroll position, with zoom, undo and redo, baselines and printing. The
 * view schedules the plan it is given and turns every edit (typed in the grid or dragged in the
 * chart) into one `EditCommand` for the screen, which applies, stores and records it for undo.
 * Input that would break the schedule is rejected here with the engine's message, before any
 * command is sent. One status line reports the last edit, undo, redo or rejection, each replacing
 * the one before. Non-working days are shaded for the selected task's calendar, or for the plan
 * calendar while no task is selected.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { BaselineData, CalendarData, PlanData } from '@shared/domain/plan';
import type { Id } from '@shared/domain/types';
import type { EditCommand, PlanState } from '@shared/schedule/commands';
import { dayNumberFromParts } from '@shared/schedule/days';
import type { WithId } from '@shared/schedule/model';
import { WorkingCalendar } from '@shared/schedule/workingCalendar';
import { translateDynamic } from '../../../i18n/dynamic';
import { editCell, editedMessage } from './cellEdits';
import type { EditResult, GanttMessage } from './editCheck';
import { issueMessage } from './editCheck';
import { emptyEditLog, logEdit, logRedo, logUndo, syncEditLog } from './editLog';
import { GanttBaselines } from './GanttBaselines';
import { GanttChart } from './GanttChart';
import { GanttGrid } from './GanttGrid';
import { indexRows } from './ganttLayout';
import { buildGanttModel, calendarOfTask, compareWithBaseline } from './ganttModel';
import { GanttLegend } from './GanttLegend';
import type { ShadingNote } from './GanttLegend';
import { GanttPrintPanel } from './GanttPrintPanel';
import { gridWidthIn, selectGridWidth, selectSetGridWidth, splitBounds, useGanttSplitStore } from './ganttSplit';
import { GanttSplitter } from './GanttSplitter';
import { GanttToolbar } from './GanttToolbar';
import { calendarLabel } from './gridCells';
import type { GanttColumnId } from './gridCells';
import type { TaskRow } from './rowTree';
import { visibleRows } from './rowTree';
import { createTimeScale, stepZoom } from './timeScale';
import type { ZoomLevel } from './timeScale';
import { useGanttText } from './useGanttText';
import './gantt.css';

export interface GanttViewProps {
  readonly plan: WithId<PlanData>;
  readonly state: PlanState; // tasks + dependencies (shared/schedule/commands.ts)
  readonly calendars: readonly WithId<CalendarData>[];
  readonly baselines: readonly WithId<BaselineData>[];
  readonly onCommand: (command: EditCommand) => void; // the screen applies + persists + pushes history
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly onSaveBaseline: (name: string) => void;
}

/** Days of room after the plan's finish at each zoom, so bars can be dragged later than the current finish. */
const trailingDays: Readonly<Record<ZoomLevel, number>> = { days: 28, weeks: 91, months: 183, quarters: 365 };

interface ViewMessage {
  readonly tone: 'status' | 'error';
  readonly text: string;
  /** Set for a rejected baseline name, which marks the name field invalid. */
  readonly source?: 'baseline';
}

/** Returns today's date in the user's time zone as a day number: the calendar date on the user's wall clock. */
function todayDayNumber(): number {
  const now = new Date();
  return dayNumberFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function isTextField(target: EventTarget): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function GanttView(props: GanttViewProps) {
  const { plan, state, calendars, baselines, onCommand } = props;
  const { t } = useTranslation();
  const text = useGanttText();
  const [zoom, setZoom] = useState<ZoomLevel>('weeks');
  const [collapsed, setCollapsed] = useState<ReadonlySet<Id>>(() => new Set());
  const [selectedTaskId, setSelectedTaskId] = useState<Id | null>(null);
  const [baselineId, setBaselineId] = useState<Id | null>(null);
  const [message, setMessage] = useState<ViewMessage | null>(null);
  const [printOpen, setPrintOpen] = useState(false);
  const pendingBaselineName = useRef<string | null>(null);
  const editLog = useRef(emptyEditLog);
  const gridScrollRef = useRef<HTMLDivElement>(null);
  const chartScrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [today] = useState(todayDayNumber);
  const helpId = useId();
  const messageId = useId();
  const gridScrollId = useId();
  const storedGridWidth = useGanttSplitStore(selectGridWidth);
  const setGridWidth = useGanttSplitStore(selectSetGridWidth);
  const [bodyWidth, setBodyWidth] = useState(0);
  const [gridContentWidth, setGridContentWidth] = useState(0);

  const model = useMemo(() => buildGanttModel(plan, state, calendars), [plan, state, calendars]);
  const rows = useMemo(() => visibleRows(model.rows, collapsed), [model, collapsed]);
  const rowIndex = useMemo(() => indexRows(rows), [rows]);
  const baseline = baselines.find((entry) => entry.id === baselineId) ?? null;
  const comparison = useMemo(() => (baseline === null ? null : compareWithBaseline(model, baseline)), [model, baseline]);
  // The axis starts at the plan start, which no task can precede, so edits never shift it.
  const scale = useMemo(
    () => createTimeScale(zoom, Math.min(model.planStartDay, model.firstDay), model.lastDay + trailingDays[zoom]),
    [zoom, model.planStartDay, model.firstDay, model.lastDay],
  );
  // The selected task's calendar, else the plan's: the days a drag of that task snaps to.
  const shadingCalendar = useMemo(() => {
    const planCalendar = calendars.find((entry) => entry.id === plan.calendarId);
    const taskCalendar = selectedTaskId === null ? undefined : calendarOfTask(model, selectedTaskId);
    return taskCalendar ?? planCalendar;
  }, [calendars, plan.calendarId, model, selectedTaskId]);
  const shading = useMemo(
    () => (shadingCalendar === undefined ? null : new WorkingCalendar(shadingCalendar, model.firstDay)),
    [shadingCalendar, model.firstDay],
  );
  const shadingNote: ShadingNote | null =
    shadingCalendar === undefined
      ? null
      : { calendar: calendarLabel(shadingCalendar), fromTask: selectedTaskId !== null && shadingCalendar.id !== plan.calendarId };

  // The body's width and the grid's full width bound the splitter; both change with the window and the columns.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    const grid = gridScrollRef.current;
    if (body === null || grid === null) return;
    const measure = () => {
      setBodyWidth(body.clientWidth);
      setGridContentWidth(grid.scrollWidth + grid.offsetWidth - grid.clientWidth);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(body);
    const table = grid.firstElementChild;
    if (table !== null) observer.observe(table);
    return () => {
      observer.disconnect();
    };
  }, []);
  const bounds = splitBounds(bodyWidth, gridContentWidth);
  const gridWidth = bodyWidth === 0 ? null : gridWidthIn(storedGridWidth, bodyWidth, bounds);

  const say = useCallback(
    (tone: ViewMessage['tone'], sentence: GanttMessage) => {
      setMessage({ tone, text: translateDynamic(t, sentence.key, sentence.values) });
    },
    [t],
  );

  /** Sends an accepted edit to the screen, or shows why it was rejected; returns whether the input was accepted. */
  const apply = useCallback(
    (result: EditResult, done: GanttMessage): boolean => {
      if (!result.ok) {
        say('error', result.message);
        return false;
      }
      if (result.command !== null) {
        onCommand(result.command);
        const sentence = translateDynamic(t, done.key, done.values);
        editLog.current = logEdit(editLog.current, sentence);
        setMessage({ tone: 'status', text: sentence });
      }
      return true;
    },
    [onCommand, say, t],
  );

  const { canUndo, canRedo, onUndo: undo, onRedo: redo } = props;
  useEffect(() => {
    editLog.current = syncEditLog(editLog.current, canUndo, canRedo);
  }, [canUndo, canRedo]);

  const onUndo = () => {
    if (!canUndo) return;
    const { log, sentence } = logUndo(editLog.current);
    editLog.current = log;
    setMessage({ tone: 'status', text: sentence === null ? t('gantt.status.undidLast') : t('gantt.status.undid', { change: sentence }) });
    undo();
  };
  const onRedo = () => {
    if (!canRedo) return;
    const { log, sentence } = logRedo(editLog.current);
    editLog.current = log;
    setMessage({ tone: 'status', text: sentence === null ? t('gantt.status.redidLast') : t('gantt.status.redid', { change: sentence }) });
    redo();
  };

  const onCommit = (row: TaskRow, columnId: GanttColumnId, typed: string): boolean => {
    const result = editCell({ model, text: text.grid, newId: uuidv7 }, row, columnId, typed);
    // `apply` shows a rejection's own message and no sentence for an edit that changes nothing.
    const done =
      result.ok && result.command !== null
        ? editedMessage(model, row, columnId, result.command, text.grid, t(`gantt.columns.${columnId}`))
        : { key: 'gantt.status.edited', values: {} };
    return apply(result, done);
  };

  const onToggle = (taskId: Id, expand: boolean) => {
    const next = new Set(collapsed);
    if (expand) next.delete(taskId);
    else next.add(taskId);
    setCollapsed(next);
    // A selected task hidden by the collapse hands the selection to its summary task.
    if (!expand && selectedTaskId !== null && !visibleRows(model.rows, next).some((row) => row.task.id === selectedTaskId)) {
      setSelectedTaskId(taskId);
    }
  };

  /** Checks a baseline name and passes it to the screen to save. A rejected name goes to the status line. */
  const onSaveBaseline = (name: string): boolean => {
    const problem =
      name === ''
        ? t('gantt.baseline.nameRequired')
        : baselines.some((entry) => entry.name.trim().toLowerCase() === name.toLowerCase())
          ? t('gantt.baseline.nameTaken', { name })
          : model.schedule === null
            ? t('gantt.baseline.notScheduled')
            : null;
    if (problem !== null) {
      setMessage({ tone: 'error', text: problem, source: 'baseline' });
      return false;
    }
    // The screen stores the baseline and reports whether that worked, so the line about the last edit goes.
    setMessage(null);
    pendingBaselineName.current = name;
    props.onSaveBaseline(name);
    return true;
  };

  // A baseline just saved becomes the one compared with, once the screen has stored it.
  useEffect(() => {
    const name = pendingBaselineName.current;
    if (name === null) return;
    const saved = baselines.find((entry) => entry.name === name);
    if (saved === undefined) return;
    pendingBaselineName.current = null;
    setBaselineId(saved.id);
  }, [baselines]);

  const syncScroll = (from: HTMLDivElement | null, to: HTMLDivElement | null) => {
    if (from === null || to === null) return;
    if (Math.abs(to.scrollTop - from.scrollTop) >= 1) to.scrollTop = from.scrollTop;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey && canUndo) {
      event.preventDefault();
      onUndo();
    } else if (((key === 'z' && event.shiftKey) || (key === 'y' && event.ctrlKey)) && canRedo) {
      event.preventDefault();
      onRedo();
    }
  };

  const scheduleErrors = model.schedule === null ? model.issues.filter((issue) => issue.severity === 'error') : [];
  const warnings = model.issues.filter((issue) => issue.severity === 'warning');
  const describe = (issue: (typeof model.issues)[number]) => {
    const sentence = issueMessage(issue, state.tasks);
    return translateDynamic(t, sentence.key, sentence.values);
  };

  return (
    <div className="gantt-view" data-testid="gantt-view" onKeyDown={onKeyDown}>
      <GanttToolbar
        zoom={zoom}
        onZoom={setZoom}
        canUndo={canUndo}
        canRedo={canRedo}
        onUndo={onUndo}
        onRedo={onRedo}
        printOpen={printOpen}
        onTogglePrint={() => {
          setPrintOpen(!printOpen);
        }}
      />
      {printOpen ? <GanttPrintPanel model={model} comparison={comparison} title={plan.title} today={today} /> : null}
      <GanttBaselines
        model={model}
        baselines={baselines}
        selectedId={baseline === null ? null : baseline.id}
        comparison={comparison}
        text={text}
        messageId={messageId}
        invalidName={message?.tone === 'error' && message.source === 'baseline'}
        onSelect={setBaselineId}
        onSave={onSaveBaseline}
      />
      {scheduleErrors.length > 0 ? (
        <div className="alert error" role="alert" data-testid="gantt-schedule-errors">
          <p>{t('gantt.scheduleFailed')}</p>
          <ul>
            {scheduleErrors.map((issue, index) => (
              <li key={index}>{describe(issue)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <details className="alert warning" data-testid="gantt-schedule-warnings">
          <summary>{t('gantt.droppedDependencies', { count: warnings.length })}</summary>
          <ul>
            {warnings.map((issue, index) => (
              <li key={index}>{describe(issue)}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <p
        id={messageId}
        className={message?.tone === 'error' ? 'alert error gantt-message' : 'muted gantt-message'}
        role={message?.tone === 'error' ? 'alert' : 'status'}
        data-testid="gantt-message"
      >
        {message?.text ?? ''}
      </p>
      <div ref={bodyRef} className="gantt-body">
        <GanttGrid
          model={model}
          rows={rows}
          comparison={comparison}
          text={text}
          collapsed={collapsed}
          selectedTaskId={selectedTaskId}
          label={t('gantt.grid.label', { plan: plan.title })}
          scrollId={gridScrollId}
          width={gridWidth}
          scrollRef={gridScrollRef}
          onScroll={() => {
            syncScroll(gridScrollRef.current, chartScrollRef.current);
          }}
          onSelect={setSelectedTaskId}
          onToggle={onToggle}
          onCommit={onCommit}
          onCancel={() => {
            if (message?.tone === 'error') setMessage(null);
          }}
          helpId={helpId}
        />
        {gridWidth === null ? null : <GanttSplitter width={gridWidth} bounds={bounds} controls={gridScrollId} onChange={setGridWidth} />}
        <GanttChart
          model={model}
          rows={rows}
          rowIndex={rowIndex}
          scale={scale}
          comparison={comparison}
          selectedTaskId={selectedTaskId}
          today={today}
          shading={shading}
          text={text}
          label={t('gantt.chart.label', { plan: plan.title, count: rows.length })}
          scrollRef={chartScrollRef}
          onScroll={() => {
            syncScroll(chartScrollRef.current, gridScrollRef.current);
          }}
          onSelect={setSelectedTaskId}
          onEdit={apply}
          onZoom={(direction) => {
            setZoom((current) => stepZoom(current, direction));
          }}
        />
      </div>
      <GanttLegend showBaseline={comparison !== null} shading={shadingNote} />
      <p id={helpId} className="muted gantt-help">
        {t('gantt.grid.keyboardHelp')}
      </p>
    </div>
  );
}
