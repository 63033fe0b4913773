/**
 * Edits behind the Gantt chart's drag interactions: move a task by working days, change its
 * duration, link two tasks. Each function is pure and returns the changed data (or an issue),
 * which the caller wraps in an undoable command (`commands.ts`) and stores.
 */
import type { CalendarData, DependencyData, DependencyType, DurationUnit, TaskData } from '../domain/plan';
import type { CalendarDate, Id } from '../domain/types';
import { fromDayNumber, isCalendarDate, toDayNumber } from './days';
import type { ScheduleIssue } from './issues';
import { scheduleError } from './issues';
import { WorkingCalendar } from './workingCalendar';

export type EditOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: ScheduleIssue };

/**
 * Moves a task by `workingDays` working days of `calendar` (negative moves it earlier), from
 * its scheduled start `scheduledStart`, by setting its start-no-earlier-than constraint. A start
 * on a non-working day first snaps to the next working day. Because the move only sets a
 * constraint, moving a task earlier than its predecessors allow does not change the schedule.
 */
export function shiftTask<T extends Pick<TaskData, 'startNoEarlierThan'>>(
  task: T,
  scheduledStart: CalendarDate,
  workingDays: number,
  calendar: Pick<CalendarData, 'workingWeekdays' | 'holidays'>,
): EditOutcome<T> {
  if (!isCalendarDate(scheduledStart)) {
    return { ok: false, issue: scheduleError('schedule.invalidDate', null, 'startNoEarlierThan', { value: scheduledStart }) };
  }
  if (!Number.isInteger(workingDays)) {
    return { ok: false, issue: scheduleError('schedule.invalidDuration', null, 'startNoEarlierThan', { value: workingDays }) };
  }
  const day = toDayNumber(scheduledStart);
  const working = new WorkingCalendar(calendar, day);
  const start = working.startOnOrAfter(day);
  const moved = working.startOnOrAfter(working.shift(start, workingDays));
  return { ok: true, value: { ...task, startNoEarlierThan: fromDayNumber(moved) } };
}

/** Sets a task's duration, a whole number of days from 0 (a milestone) to 100,000, and optionally its unit. */
export function setDuration<T extends Pick<TaskData, 'duration' | 'durationUnit'> & { readonly id: Id }>(
  task: T,
  duration: number,
  unit: DurationUnit = task.durationUnit,
): EditOutcome<T> {
  if (!Number.isInteger(duration) || duration < 0 || duration > 100_000) {
    return { ok: false, issue: scheduleError('schedule.invalidDuration', task.id, 'duration', { value: duration, max: 100_000 }) };
  }
  return { ok: true, value: { ...task, duration, durationUnit: unit } };
}

export interface LinkRequest {
  readonly planId: Id;
  readonly predecessorId: Id;
  readonly successorId: Id;
  readonly type: DependencyType;
  readonly lag: number;
  readonly lagUnit: DurationUnit;
}

/**
 * Builds a new dependency after checking it against the plan's existing ones: no link from a
 * task to itself, no second link between the same two tasks, no cycle.
 * NOTE: the cycle check follows the links between the named tasks only. A cycle that closes
 * through a summary task and a task below it is caught by `schedulePlan` instead.
 */
export function linkTasks(
  existing: readonly Pick<DependencyData, 'predecessorId' | 'successorId'>[],
  request: LinkRequest,
): EditOutcome<DependencyData> {
  if (request.predecessorId === request.successorId) {
    return { ok: false, issue: scheduleError('schedule.selfDependency', request.successorId, 'successorId') };
  }
  if (!Number.isInteger(request.lag) || Math.abs(request.lag) > 100_000) {
    return { ok: false, issue: scheduleError('schedule.invalidLag', null, 'lag', { value: request.lag, max: 100_000 }) };
  }
  const duplicate = existing.some(
    (link) =>
      (link.predecessorId === request.predecessorId && link.successorId === request.successorId) ||
      (link.predecessorId === request.successorId && link.successorId === request.predecessorId),
  );
  if (duplicate) {
    return {
      ok: false,
      issue: scheduleError('schedule.duplicateDependency', request.successorId, 'predecessorId', { predecessorId: request.predecessorId }),
    };
  }
  const path = findPath(existing, request.successorId, request.predecessorId);
  if (path !== null) {
    return {
      ok: false,
      issue: scheduleError('schedule.dependencyCycle', request.successorId, null, { taskIds: [request.predecessorId, ...path].join(',') }),
    };
  }
  const { planId, predecessorId, successorId, type, lag, lagUnit } = request;
  return { ok: true, value: { planId, predecessorId, successorId, type, lag, lagUnit } };
}

/** Returns the tasks on a chain of links from `from` to `to` (both included), breadth first, or `null` when there is none. */
function findPath(links: readonly Pick<DependencyData, 'predecessorId' | 'successorId'>[], from: Id, to: Id): Id[] | null {
  const successors = new Map<Id, Id[]>();
  for (const link of links) {
    const list = successors.get(link.predecessorId) ?? [];
    list.push(link.successorId);
    successors.set(link.predecessorId, list);
  }
  const cameFrom = new Map<Id, Id | null>([[from, null]]);
  const queue: Id[] = [from];
  for (let head = 0; head < queue.length; head += 1) {
    const current = queue[head] ?? from;
    if (current === to) {
      const path: Id[] = [];
      for (let step: Id | null = current; step !== null; step = cameFrom.get(step) ?? null) {
        path.push(step);
      }
      return path.reverse();
    }
    for (const next of successors.get(current) ?? []) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}
