/**
 * Commands for the chart's drags: move a bar (a new start-no-earlier-than constraint, snapped to
 * the working days of the task's calendar), drag its right edge (a new duration), and drag from
 * one bar's end to another bar (a new dependency). Each drag becomes one undoable command.
 */
import type { DependencyType, DurationUnit } from '@shared/domain/plan';
import type { Id } from '@shared/domain/types';
import { updateTaskCommand } from '@shared/schedule/commands';
import { linkTasks, setDuration, shiftTask } from '@shared/schedule/edits';
import type { WorkingCalendar } from '@shared/schedule/workingCalendar';
import { checkCommand, issueMessage, rejected } from './editCheck';
import type { EditResult } from './editCheck';
import { calendarOfTask, workingCalendarOf } from './ganttModel';
import type { GanttModel } from './ganttModel';
import type { TaskEnd } from './hitTest';

const unchanged: EditResult = { ok: true, command: null };

/**
 * Moves a task so that it starts on the first working day at or after its scheduled start plus
 * `dayDelta` calendar days. A drop on a weekend or holiday therefore lands on the next working day.
 */
export function moveTaskCommand(model: GanttModel, taskId: Id, dayDelta: number): EditResult {
  const task = model.tasksById.get(taskId);
  const days = model.daysById.get(taskId);
  const calendar = calendarOfTask(model, taskId);
  const working = workingCalendarOf(model, taskId);
  if (task === undefined || days === undefined || calendar === undefined || working === null) return rejected('gantt.edit.outOfDate');
  const delta = Math.round(dayDelta);
  if (delta === 0) return unchanged;
  const target = working.startOnOrAfter(days.startDay + delta);
  const workingDays = working.workingDaysBetween(days.startDay, target);
  if (workingDays === 0) return unchanged;
  const moved = shiftTask(task, days.scheduled.earlyStart, workingDays, calendar);
  if (!moved.ok) return { ok: false, message: issueMessage(moved.issue, model.state.tasks) };
  if (moved.value.startNoEarlierThan === task.startNoEarlierThan) return unchanged;
  return checkCommand(model, updateTaskCommand(task, { startNoEarlierThan: moved.value.startNoEarlierThan }));
}

/**
 * Sets a task's duration so that it finishes on day `finishDay` (included). The duration is
 * counted in the task's unit from its scheduled start and is at least one day.
 */
export function resizeTaskCommand(model: GanttModel, taskId: Id, finishDay: number): EditResult {
  const task = model.tasksById.get(taskId);
  const days = model.daysById.get(taskId);
  const working = workingCalendarOf(model, taskId);
  if (task === undefined || days === undefined || working === null) return rejected('gantt.edit.outOfDate');
  const duration = durationToFinish(task.durationUnit, days.startDay, finishDay, working);
  if (duration === task.duration) return unchanged;
  const resized = setDuration(task, duration);
  if (!resized.ok) return { ok: false, message: issueMessage(resized.issue, model.state.tasks) };
  return checkCommand(model, updateTaskCommand(task, { duration: resized.value.duration }));
}

/** Returns the duration in `unit` of a task from `startDay` to `finishDay` (included), at least one day. */
export function durationToFinish(unit: DurationUnit, startDay: number, finishDay: number, working: WorkingCalendar): number {
  const lastDay = Math.max(startDay, Math.round(finishDay));
  return unit === 'calendarDays' ? lastDay - startDay + 1 : Math.max(1, working.workingDaysBetween(startDay, lastDay + 1));
}

/** Returns the dependency type that ties the predecessor's `from` end to the successor's `to` end. */
export function linkTypeFor(from: TaskEnd, to: TaskEnd): DependencyType {
  if (from === 'finish') return to === 'start' ? 'FS' : 'FF';
  return to === 'start' ? 'SS' : 'SF';
}

/** Adds a dependency without lag from the end `from` of one task to the end `to` of another. */
export function linkTaskCommand(
  model: GanttModel,
  predecessorId: Id,
  from: TaskEnd,
  successorId: Id,
  to: TaskEnd,
  newId: () => Id,
): EditResult {
  const linked = linkTasks(model.state.dependencies, {
    planId: model.plan.id,
    predecessorId,
    successorId,
    type: linkTypeFor(from, to),
    lag: 0,
    lagUnit: 'workingDays',
  });
  if (!linked.ok) return { ok: false, message: issueMessage(linked.issue, model.state.tasks) };
  return checkCommand(model, { kind: 'addDependency', dependency: { id: newId(), ...linked.value } });
}
