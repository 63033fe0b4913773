/**
 * Turns text typed into a grid cell into an edit command. Input is checked before anything
 * changes: a value that cannot be read gets a message naming the task and the value, and a value
 * the engine rejects (a cycle, a duration out of range) gets the engine's message.
 *
 * The predecessor column lists dependencies by the predecessor's WBS code, each with an optional
 * type and lag: `2.3`, `2.3SS`, `2.3FS+2 wd`, `4FF-1 cd`, separated by commas or semicolons. A lag
 * without a unit is in working days.
 *
 * The calendar column stores a calendar id, or an empty value for the plan calendar. A summary
 * task's calendar applies to every task below it that has no calendar of its own.
 */
import type { DependencyType, DurationUnit, TaskData } from '@shared/domain/plan';
import type { Id } from '@shared/domain/types';
import { updateTaskCommand } from '@shared/schedule/commands';
import type { EditCommand, PlanDependency } from '@shared/schedule/commands';
import { isCalendarDate, toDayNumber } from '@shared/schedule/days';
import { setDuration } from '@shared/schedule/edits';
import { checkCommand, issueMessage, rejected } from './editCheck';
import type { EditResult, GanttMessage } from './editCheck';
import { workingCalendarOf } from './ganttModel';
import type { GanttModel } from './ganttModel';
import { calendarLabel } from './gridCells';
import type { GanttColumnId, GridText } from './gridCells';
import type { TaskRow } from './rowTree';

/** Largest duration or lag the engine accepts, in days. */
const maxDays = 100_000;

export interface CellEditContext {
  readonly model: GanttModel;
  readonly text: GridText;
  /** Returns a new record id (a UUIDv7 in the app) for an added dependency. */
  readonly newId: () => Id;
}

/** Reads `typed` as the new value of `column` for the task of `row`. */
export function editCell(context: CellEditContext, row: TaskRow, column: GanttColumnId, typed: string): EditResult {
  const task = row.task;
  const value = typed.trim();
  const summary = row.childCount > 0;
  const update = (changes: Partial<TaskData>): EditResult => {
    const keys = Object.keys(changes) as (keyof TaskData)[];
    if (keys.every((key) => task[key] === changes[key])) return { ok: true, command: null };
    return checkCommand(context.model, updateTaskCommand(task, changes));
  };
  switch (column) {
    case 'name':
      return value === '' ? rejected('gantt.input.nameRequired', { task: task.name }) : update({ name: value });
    case 'owner':
      return update({ owner: value });
    case 'duration':
      if (summary) return rejected('gantt.input.summaryDuration', { task: task.name });
      return editDuration(context, row, value);
    case 'start':
      if (value === '') return update({ startNoEarlierThan: null });
      if (!isCalendarDate(value)) return rejected('gantt.input.invalidDate', { task: task.name, value });
      return update({ startNoEarlierThan: value });
    case 'finish':
      return editFinish(context, row, value);
    case 'progress':
      if (summary) return rejected('gantt.input.summaryProgress', { task: task.name });
      return editProgress(row, value, update);
    case 'predecessors':
      return editPredecessors(context, row, value);
    case 'calendar':
      if (value === '') return update({ calendarId: null });
      if (!context.model.calendars.some((calendar) => calendar.id === value)) {
        return rejected('gantt.input.unknownCalendar', { task: task.name, value });
      }
      return update({ calendarId: value });
    case 'wbs':
    case 'totalFloat':
    case 'variance':
      return rejected('gantt.input.readOnly', { task: task.name });
  }
}

/**
 * Returns the sentence that reports an accepted cell edit: what the task follows or starts no
 * earlier than now for the calendar and start columns, else which column of which task changed.
 * `columnName` is the column's header as the user reads it.
 */
export function editedMessage(
  model: GanttModel,
  row: TaskRow,
  column: GanttColumnId,
  command: EditCommand,
  text: GridText,
  columnName: string,
): GanttMessage {
  const task = row.task.name;
  const after = command.kind === 'updateTask' ? command.after : {};
  if (column === 'calendar' && after.calendarId !== undefined) {
    const calendar = after.calendarId === null ? undefined : model.calendars.find((entry) => entry.id === after.calendarId);
    return calendar === undefined
      ? { key: 'gantt.status.planCalendar', values: { task } }
      : { key: 'gantt.status.calendar', values: { task, calendar: calendarLabel(calendar) } };
  }
  if (column === 'start' && after.startNoEarlierThan !== undefined) {
    return after.startNoEarlierThan === null
      ? { key: 'gantt.status.constraintCleared', values: { task } }
      : { key: 'gantt.status.moved', values: { task, date: text.date(after.startNoEarlierThan) } };
  }
  return { key: 'gantt.status.edited', values: { task, column: columnName } };
}

interface ParsedDays {
  readonly value: number;
  readonly unit: DurationUnit | null;
}

/** Reads a whole number of days with an optional unit word, for example `10`, `10 wd` or `90cd`. */
function parseDays(text: string, unitWords: GridText['unitWords']): ParsedDays | null {
  const match = /^([+-]?\d+)\s*(\p{L}[\p{L} ]*)?$/u.exec(text);
  if (match === null) return null;
  const word = (match[2] ?? '').trim().toLowerCase();
  if (word === '') return { value: Number(match[1]), unit: null };
  for (const unit of ['workingDays', 'calendarDays'] as const) {
    if (unitWords[unit].includes(word)) return { value: Number(match[1]), unit };
  }
  return null;
}

function editDuration(context: CellEditContext, row: TaskRow, value: string): EditResult {
  const task = row.task;
  const parsed = parseDays(value, context.text.unitWords);
  if (parsed === null || parsed.value < 0) return rejected('gantt.input.invalidDuration', { task: task.name, value });
  const result = setDuration(task, parsed.value, parsed.unit ?? task.durationUnit);
  if (!result.ok) return { ok: false, message: issueMessage({ ...result.issue, recordId: task.id }, context.model.state.tasks) };
  const { duration, durationUnit } = result.value;
  if (duration === task.duration && durationUnit === task.durationUnit) return { ok: true, command: null };
  return checkCommand(context.model, updateTaskCommand(task, { duration, durationUnit }));
}

/** Sets the duration so that the task finishes on the typed date, counted in its unit from its scheduled start. */
function editFinish(context: CellEditContext, row: TaskRow, value: string): EditResult {
  const task = row.task;
  if (row.childCount > 0) return rejected('gantt.input.summaryDuration', { task: task.name });
  if (!isCalendarDate(value)) return rejected('gantt.input.invalidDate', { task: task.name, value });
  const days = context.model.daysById.get(task.id);
  const working = workingCalendarOf(context.model, task.id);
  if (days === undefined || working === null) return rejected('gantt.input.notScheduled', { task: task.name });
  if (days.milestone) return rejected('gantt.input.milestoneFinish', { task: task.name });
  const finishDay = toDayNumber(value);
  const duration =
    task.durationUnit === 'calendarDays' ? finishDay - days.startDay + 1 : working.workingDaysBetween(days.startDay, finishDay + 1);
  if (duration < 1) return rejected('gantt.input.finishBeforeStart', { task: task.name, value, start: days.scheduled.earlyStart });
  return editDuration(context, row, String(duration));
}

function editProgress(row: TaskRow, value: string, update: (changes: Partial<TaskData>) => EditResult): EditResult {
  const number = Number(value.replace(/%$/, '').trim().replace(',', '.'));
  if (value === '' || !Number.isFinite(number) || number < 0 || number > 100) {
    return rejected('gantt.input.invalidProgress', { task: row.task.name, value });
  }
  return update({ progress: number });
}

interface ParsedLink {
  readonly predecessorId: Id;
  readonly type: DependencyType;
  readonly lag: number;
  readonly lagUnit: DurationUnit;
}

type ParsedLinks = { readonly ok: true; readonly links: readonly ParsedLink[] } | { readonly ok: false; readonly result: EditResult };

function parsePredecessors(context: CellEditContext, row: TaskRow, value: string): ParsedLinks {
  const { model, text } = context;
  const task = row.task;
  const byWbs = new Map(model.rows.map((entry) => [entry.wbs, entry.task.id]));
  const typeByCode = new Map<string, DependencyType>();
  for (const type of ['FS', 'SS', 'FF', 'SF'] as const) {
    typeByCode.set(type, type);
    typeByCode.set(text.linkTypes[type].toUpperCase(), type);
  }
  const links: ParsedLink[] = [];
  const entries = value === '' ? [] : value.split(/[,;]/).map((entry) => entry.trim());
  for (const entry of entries) {
    if (entry === '') continue;
    const match = /^(\d+(?:\.\d+)*)\s*(\p{L}{2})?\s*(?:([+\-−]\s*\d+\s*[\p{L} ]*))?$/u.exec(entry);
    const predecessorId = match === null ? undefined : byWbs.get(match[1] ?? '');
    const type = match?.[2] === undefined ? 'FS' : typeByCode.get(match[2].toUpperCase());
    const lag =
      match?.[3] === undefined ? { value: 0, unit: null } : parseDays(match[3].replace('−', '-').replace(/\s+/, ''), text.unitWords);
    if (match === null || type === undefined || lag === null) {
      return { ok: false, result: rejected('gantt.input.invalidPredecessor', { task: task.name, value: entry }) };
    }
    if (predecessorId === undefined) {
      return { ok: false, result: rejected('gantt.input.unknownWbs', { task: task.name, value: match[1] ?? entry }) };
    }
    if (Math.abs(lag.value) > maxDays) {
      return { ok: false, result: rejected('errors.schedule.invalidLag', { value: lag.value, max: maxDays }) };
    }
    if (links.some((link) => link.predecessorId === predecessorId)) {
      return { ok: false, result: rejected('gantt.input.repeatedPredecessor', { task: task.name, value: match[1] ?? entry }) };
    }
    links.push({ predecessorId, type, lag: lag.value, lagUnit: lag.unit ?? 'workingDays' });
  }
  return { ok: true, links };
}

function sameLink(dependency: PlanDependency, link: ParsedLink): boolean {
  return (
    dependency.predecessorId === link.predecessorId &&
    dependency.type === link.type &&
    dependency.lag === link.lag &&
    (dependency.lag === 0 || dependency.lagUnit === link.lagUnit)
  );
}

/**
 * Replaces the task's dependencies with the typed list as one command: links typed as they are
 * stay, missing ones are removed, and new or changed ones are added.
 */
function editPredecessors(context: CellEditContext, row: TaskRow, value: string): EditResult {
  const { model } = context;
  const parsed = parsePredecessors(context, row, value);
  if (!parsed.ok) return parsed.result;
  const current = model.incoming.get(row.task.id) ?? [];
  const removed = current.filter((dependency) => !parsed.links.some((link) => sameLink(dependency, link)));
  const added = parsed.links.filter((link) => !current.some((dependency) => sameLink(dependency, link)));
  if (removed.length === 0 && added.length === 0) return { ok: true, command: null };

  const commands: EditCommand[] = removed.map((dependency) => ({ kind: 'removeDependency', dependency }));
  for (const link of added) {
    if (link.predecessorId === row.task.id) {
      return rejected('errors.schedule.selfDependency', { task: row.task.name });
    }
    commands.push({
      kind: 'addDependency',
      dependency: { id: context.newId(), planId: model.plan.id, successorId: row.task.id, ...link },
    });
  }
  const command: EditCommand = commands.length === 1 && commands[0] !== undefined ? commands[0] : { kind: 'batch', commands };
  return checkCommand(model, command);
}
