/**
 * Columns of the Gantt task grid and the text of each cell: what the grid shows, and the text an
 * edit starts from. Formatting is passed in (`GridText`), so these functions stay pure.
 */
import type { CalendarData, DependencyType, DurationUnit } from '@shared/domain/plan';
import type { CalendarDate, Id } from '@shared/domain/types';
import type { PlanDependency } from '@shared/schedule/commands';
import type { WithId } from '@shared/schedule/model';
import type { BaselineComparison, GanttModel } from './ganttModel';
import type { TaskRow } from './rowTree';

export type GanttColumnId =
  'wbs' | 'name' | 'duration' | 'start' | 'finish' | 'totalFloat' | 'progress' | 'owner' | 'predecessors' | 'calendar' | 'variance';

/** Columns in display order; `variance` is shown only while a baseline is chosen. */
export const ganttColumns: readonly GanttColumnId[] = [
  'wbs',
  'name',
  'duration',
  'start',
  'finish',
  'totalFloat',
  'progress',
  'owner',
  'predecessors',
  'calendar',
  'variance',
];

const editable: ReadonlySet<GanttColumnId> = new Set([
  'name',
  'duration',
  'start',
  'finish',
  'progress',
  'owner',
  'predecessors',
  'calendar',
]);

export function isEditableColumn(column: GanttColumnId): boolean {
  return editable.has(column);
}

/** Checks whether a column is edited by choosing from a list (a `<select>`) rather than by typing. */
export function isChoiceColumn(column: GanttColumnId): boolean {
  return column === 'calendar';
}

export interface GridText {
  /** Formats a calendar date for reading, for example `1 Feb 2021`. */
  readonly date: (date: CalendarDate) => string;
  /** Formats a whole number of days with its unit, for example `10 wd` or `90 cd`. */
  readonly duration: (value: number, unit: DurationUnit) => string;
  /** Unit words accepted in typed durations and lags, lower case; the first of each is the short form. */
  readonly unitWords: Readonly<Record<DurationUnit, readonly string[]>>;
  /** Codes of the dependency types as the user reads and types them, for example `FS`. */
  readonly linkTypes: Readonly<Record<DependencyType, string>>;
  /** Names of the dependency types in words, for example `finish-to-start`. */
  readonly linkTypeNames: Readonly<Record<DependencyType, string>>;
  readonly percent: (value: number) => string;
  /** Variance cell of a task added after the baseline was taken. */
  readonly addedAfterBaseline: string;
  /** Float cell of a critical task, given the float text. */
  readonly criticalFloat: (floatText: string) => string;
  /** Calendar cell of a task that follows the plan calendar. */
  readonly planCalendar: string;
  /** Calendar cell of a task that follows the calendar of a summary task above it. */
  readonly inheritedCalendar: (calendarName: string) => string;
  /** Calendar cell of a task whose calendar is no longer in the portfolio. */
  readonly missingCalendar: string;
}

/** Returns a calendar's name as the grid lists it: with its delivery site when it has one. */
export function calendarLabel(calendar: Pick<CalendarData, 'name' | 'site'>): string {
  return calendar.site === '' || calendar.site === calendar.name ? calendar.name : `${calendar.name} (${calendar.site})`;
}

/** One entry of the calendar column's list and its label. */
export interface CalendarChoice {
  /** Calendar id to store in `calendarId`, or the empty string for the plan calendar (`calendarId: null`). */
  readonly value: string;
  readonly label: string;
}

/**
 * Lists the calendars a task can follow: the plan calendar first (stored as `calendarId: null`),
 * then every calendar of the portfolio in name order. The plan's own calendar is listed too,
 * because a task pinned to it keeps it when the plan calendar changes later.
 */
export function calendarChoices(calendars: readonly WithId<CalendarData>[], text: GridText): CalendarChoice[] {
  const sorted = [...calendars].sort((left, right) => calendarLabel(left).localeCompare(calendarLabel(right)));
  return [{ value: '', label: text.planCalendar }, ...sorted.map((calendar) => ({ value: calendar.id, label: calendarLabel(calendar) }))];
}

/** Returns the text of a task's calendar cell: its own calendar, else a summary task's above it, else the plan calendar. */
export function calendarText(model: GanttModel, taskId: Id, text: GridText): string {
  const byId = (calendarId: Id) => model.calendars.find((calendar) => calendar.id === calendarId);
  let task = model.tasksById.get(taskId);
  if (task === undefined) return '';
  if (task.calendarId !== null) {
    const own = byId(task.calendarId);
    return own === undefined ? text.missingCalendar : calendarLabel(own);
  }
  // The step limit stops at a loop of parents, which the engine reports separately.
  for (let steps = 0; task.parentId !== null && steps <= model.state.tasks.length; steps += 1) {
    const parent = model.tasksById.get(task.parentId);
    if (parent === undefined) break;
    if (parent.calendarId !== null) {
      const inherited = byId(parent.calendarId);
      return inherited === undefined ? text.missingCalendar : text.inheritedCalendar(calendarLabel(inherited));
    }
    task = parent;
  }
  return text.planCalendar;
}

/** Formats a signed number of working days, for example `+3 wd`, `−2 wd` or `0 wd`. */
export function signedDays(value: number, text: GridText, unit: DurationUnit = 'workingDays'): string {
  const magnitude = text.duration(Math.abs(value), unit);
  if (value > 0) return `+${magnitude}`;
  if (value < 0) return `−${magnitude}`;
  return magnitude;
}

/** Formats one dependency as the predecessor column shows it: `2.3`, `2.3SS`, `2.3FS+2 wd`. */
export function formatPredecessor(dependency: PlanDependency, model: GanttModel, text: GridText): string {
  const wbs = model.rowById.get(dependency.predecessorId)?.wbs ?? '?';
  const plain = dependency.type === 'FS' && dependency.lag === 0;
  const type = plain ? '' : text.linkTypes[dependency.type];
  const lag = dependency.lag === 0 ? '' : signedDays(dependency.lag, text, dependency.lagUnit).replace('−', '-');
  return `${wbs}${type}${lag}`;
}

export function predecessorText(model: GanttModel, taskId: string, text: GridText): string {
  return (model.incoming.get(taskId) ?? []).map((dependency) => formatPredecessor(dependency, model, text)).join(', ');
}

/** Returns the text a cell shows. */
export function cellText(
  model: GanttModel,
  row: TaskRow,
  column: GanttColumnId,
  comparison: BaselineComparison | null,
  text: GridText,
): string {
  const task = row.task;
  const days = model.daysById.get(task.id);
  switch (column) {
    case 'wbs':
      return row.wbs;
    case 'name':
      return task.name;
    case 'duration':
      if (row.childCount > 0) return days === undefined ? '' : text.duration(days.scheduled.workingDays, 'workingDays');
      return text.duration(task.duration, task.durationUnit);
    case 'start':
      return days === undefined ? '' : text.date(days.scheduled.earlyStart);
    case 'finish':
      return days === undefined ? '' : text.date(days.scheduled.earlyFinish);
    case 'totalFloat': {
      if (days === undefined) return '';
      const float = text.duration(days.scheduled.totalFloat, 'workingDays');
      return days.scheduled.critical ? text.criticalFloat(float) : float;
    }
    case 'progress':
      return text.percent(days === undefined ? task.progress : days.scheduled.progress);
    case 'owner':
      return task.owner;
    case 'predecessors':
      return predecessorText(model, task.id, text);
    case 'calendar':
      return calendarText(model, task.id, text);
    case 'variance': {
      if (comparison === null) return '';
      const variance = comparison.byTask.get(task.id);
      if (variance === undefined || variance.finishVariance === null) return text.addedAfterBaseline;
      return signedDays(variance.finishVariance, text);
    }
  }
}

/** Columns whose width follows their widest text, so that a date, duration or float is never cut. */
const fittedColumns = ['duration', 'start', 'finish', 'totalFloat'] as const;
/** Horizontal padding of a grid cell, both sides together, in CSS pixels (0.4rem a side), with a pixel to spare. */
const cellPadding = 14;
/** Width of the flag that marks a start-no-earlier-than date in the start column, with its gap, in CSS pixels. */
export const constraintFlagWidth = 16;

/**
 * Returns the width in CSS pixels of each column in `fittedColumns`: the widest of its header
 * (`titleOf`) and of its cells in every row, collapsed ones included, so widths do not change when
 * a summary task is collapsed. `measure` returns a text's width in the grid's bold font.
 */
export function fittedColumnWidths(
  model: GanttModel,
  text: GridText,
  measure: (text: string) => number,
  titleOf: (column: GanttColumnId) => string,
): Partial<Record<GanttColumnId, number>> {
  const widths: Partial<Record<GanttColumnId, number>> = {};
  for (const column of fittedColumns) {
    let widest = measure(titleOf(column));
    const flag = column === 'start' ? constraintFlagWidth : 0;
    for (const row of model.rows) {
      widest = Math.max(widest, measure(cellText(model, row, column, null, text)) + flag);
    }
    widths[column] = Math.ceil(widest) + cellPadding;
  }
  return widths;
}

/** Returns the text an edit of the cell starts from: the stored value in the form the parser reads back. */
export function draftText(model: GanttModel, row: TaskRow, column: GanttColumnId, text: GridText): string {
  const task = row.task;
  const days = model.daysById.get(task.id);
  switch (column) {
    case 'duration':
      return `${task.duration} ${text.unitWords[task.durationUnit][0] ?? ''}`.trim();
    case 'start':
      return days?.scheduled.earlyStart ?? task.startNoEarlierThan ?? '';
    case 'finish':
      return days?.scheduled.earlyFinish ?? '';
    case 'progress':
      return String(task.progress);
    case 'calendar':
      return task.calendarId ?? '';
    default:
      return cellText(model, row, column, null, text);
  }
}
