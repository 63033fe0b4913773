/**
 * The Gantt view of a transition plan: a keyboard-editable task grid beside an ECharts chart,
 * sharing one vertical scroll position, with zoom, undo and redo, baselines and printing. The
 * view schedules the plan it is given and turns every edit (typed in the grid or dragged in the
 * chart) into one `EditCommand` for the screen, which applies, stores and records it for undo.
 * Input that would break the schedule is rejected here with the engine's message, before any
 * command is sent.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
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
import { editCell } from './cellEdits';
import type { EditResult, GanttMessage } from './editCheck';
import { issueMessage } from './editCheck';
import { GanttBaselines } from './GanttBaselines';
import { GanttChart } from './GanttChart';
import { GanttGrid } from './GanttGrid';
import { indexRows } from './ganttLayout';
import { buildGanttModel, compareWithBaseline } from './ganttModel';
import { GanttLegend } from './GanttLegend';
import { GanttPrintPanel } from './GanttPrintPanel';
import { GanttToolbar } from './GanttToolbar';
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
  const gridScrollRef = useRef<HTMLDivElement>(null);
  const chartScrollRef = useRef<HTMLDivElement>(null);
  const [today] = useState(todayDayNumber);
  const helpId = useId();

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
  const shading = useMemo(() => {
    const calendar = calendars.find((entry) => entry.id === plan.calendarId);
    return calendar === undefined ? null : new WorkingCalendar(calendar, model.firstDay);
  }, [calendars, plan.calendarId, model.firstDay]);

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
        say('status', done);
      }
      return true;
    },
    [onCommand, say],
  );

  const onCommit = (row: TaskRow, columnId: GanttColumnId, typed: string): boolean => {
    const result = editCell({ model, text: text.grid, newId: uuidv7 }, row, columnId, typed);
    return apply(result, { key: 'gantt.status.edited', values: { task: row.task.name, column: t(`gantt.columns.${columnId}`) } });
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

  const onSaveBaseline = (name: string): string | null => {
    if (name === '') return t('gantt.baseline.nameRequired');
    if (baselines.some((entry) => entry.name.trim().toLowerCase() === name.toLowerCase())) return t('gantt.baseline.nameTaken', { name });
    if (model.schedule === null) return t('gantt.baseline.notScheduled');
    // The screen stores the baseline and reports whether that worked.
    pendingBaselineName.current = name;
    props.onSaveBaseline(name);
    return null;
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
    if (key === 'z' && !event.shiftKey && props.canUndo) {
      event.preventDefault();
      props.onUndo();
    } else if (((key === 'z' && event.shiftKey) || (key === 'y' && event.ctrlKey)) && props.canRedo) {
      event.preventDefault();
      props.onRedo();
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
        canUndo={props.canUndo}
        canRedo={props.canRedo}
        onUndo={props.onUndo}
        onRedo={props.onRedo}
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
        className={message?.tone === 'error' ? 'alert error gantt-message' : 'muted gantt-message'}
        role={message?.tone === 'error' ? 'alert' : 'status'}
        data-testid="gantt-message"
      >
        {message?.text ?? ''}
      </p>
      <div className="gantt-body">
        <GanttGrid
          model={model}
          rows={rows}
          comparison={comparison}
          text={text}
          collapsed={collapsed}
          selectedTaskId={selectedTaskId}
          label={t('gantt.grid.label', { plan: plan.title })}
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
      <GanttLegend showBaseline={comparison !== null} />
      <p id={helpId} className="muted gantt-help">
        {t('gantt.grid.keyboardHelp')}
      </p>
    </div>
  );
}
