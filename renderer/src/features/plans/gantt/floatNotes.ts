/**
 * Sentences that explain a task's total float, for the tooltip of the grid's float cell: the
 * latest start that keeps the plan finish, and where the float comes from when a task counted in
 * calendar days causes it.
 *
 * That case surprises users. A task in calendar days may end on a non-working day of its
 * calendar, and the work after it still starts on the next working day. So the task, and the
 * chain of tasks that drives it, can slip until it ends on the last non-working day before that
 * working day without moving anything after it. In a Sunday-to-Thursday plan, a 90-calendar-day
 * hypercare that ends on a Friday can start one working day later and end on the Saturday. The
 * exit milestone after it stays on the Sunday, so the chain has 1 working day of float.
 */
import type { Id } from '@shared/domain/types';
import { toDayNumber } from '@shared/schedule/days';
import type { GanttMessage } from './editCheck';
import { workingCalendarOf } from './ganttModel';
import type { GanttModel } from './ganttModel';
import type { GridText } from './gridCells';

interface Links {
  /** Leaf tasks driven by each leaf task, after links from and to summary tasks are expanded to their leaf tasks. */
  readonly successors: ReadonlyMap<Id, readonly Id[]>;
}

const linksByModel = new WeakMap<GanttModel, Links>();
/** Sources found so far per model, because the grid renders the float tooltip of every row shown on every render. */
const sourcesByModel = new WeakMap<GanttModel, Map<Id, Id | null>>();

/** Expands the plan's links to links between leaf tasks, as the engine schedules them. Built once per model. */
function linksOf(model: GanttModel): Links {
  const cached = linksByModel.get(model);
  if (cached !== undefined) return cached;

  // Leaf tasks below each summary task, at any depth.
  const leavesBelow = new Map<Id, Id[]>();
  for (const row of model.rows) {
    if (row.childCount > 0) continue;
    // The step limit stops at a loop of parents, which the engine reports separately.
    let parentId = row.task.parentId;
    for (let steps = 0; parentId !== null && steps <= model.rows.length; steps += 1) {
      const list = leavesBelow.get(parentId) ?? [];
      list.push(row.task.id);
      leavesBelow.set(parentId, list);
      parentId = model.tasksById.get(parentId)?.parentId ?? null;
    }
  }
  const leavesOf = (taskId: Id): readonly Id[] => leavesBelow.get(taskId) ?? [taskId];

  const successors = new Map<Id, Id[]>();
  for (const dependency of model.state.dependencies) {
    for (const from of leavesOf(dependency.predecessorId)) {
      const list = successors.get(from) ?? [];
      list.push(...leavesOf(dependency.successorId));
      successors.set(from, list);
    }
  }
  const links = { successors };
  linksByModel.set(model, links);
  return links;
}

/**
 * Finds the task counted in calendar days whose float the task `taskId` shares, or returns `null`
 * when the float has another cause. The task found is `taskId` itself or one it drives through
 * links. It has the same float, and every day between its early and its late finish is a
 * non-working day of its calendar.
 */
export function calendarDayFloatSource(model: GanttModel, taskId: Id): Id | null {
  const sources = sourcesByModel.get(model) ?? new Map<Id, Id | null>();
  sourcesByModel.set(model, sources);
  const known = sources.get(taskId);
  if (known !== undefined) return known;
  const source = findCalendarDayFloatSource(model, taskId);
  sources.set(taskId, source);
  return source;
}

function findCalendarDayFloatSource(model: GanttModel, taskId: Id): Id | null {
  const float = model.daysById.get(taskId)?.scheduled.totalFloat;
  if (float === undefined || float <= 0) return null;
  const { successors } = linksOf(model);
  const seen = new Set<Id>([taskId]);
  const queue: Id[] = [taskId];
  for (let head = 0; head < queue.length; head += 1) {
    const current = queue[head] ?? taskId;
    const task = model.tasksById.get(current);
    const days = model.daysById.get(current);
    if (task !== undefined && days !== undefined && !days.scheduled.summary && task.durationUnit === 'calendarDays' && task.duration > 0) {
      // Float at the start but none at the finish: all the room lies in non-working days after the early finish.
      const working = workingCalendarOf(model, current);
      const earlyEnd = toDayNumber(days.scheduled.earlyFinish) + 1;
      const lateEnd = toDayNumber(days.scheduled.lateFinish) + 1;
      if (working !== null && lateEnd > earlyEnd && working.workingDaysBetween(earlyEnd, lateEnd) === 0) return current;
    }
    for (const next of successors.get(current) ?? []) {
      if (seen.has(next) || model.daysById.get(next)?.scheduled.totalFloat !== float) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return null;
}

/** Returns the sentences that explain the float of task `taskId`, or none for a task without a schedule. */
export function floatNotes(model: GanttModel, taskId: Id, text: GridText): GanttMessage[] {
  const days = model.daysById.get(taskId);
  const task = model.tasksById.get(taskId);
  if (days === undefined || task === undefined || model.schedule === null) return [];
  const { scheduled } = days;
  const finish = text.date(model.schedule.planFinish);
  if (scheduled.summary) {
    return [{ key: 'gantt.float.summary', values: { task: task.name, float: text.duration(scheduled.totalFloat, 'workingDays') } }];
  }
  if (scheduled.totalFloat <= 0) return [{ key: 'gantt.float.critical', values: { task: task.name, finish } }];

  const notes: GanttMessage[] = [
    {
      key: 'gantt.float.slack',
      values: {
        task: task.name,
        float: text.duration(scheduled.totalFloat, 'workingDays'),
        lateStart: text.date(scheduled.lateStart),
        finish,
      },
    },
  ];
  const sourceId = calendarDayFloatSource(model, taskId);
  const source = sourceId === null ? undefined : model.daysById.get(sourceId);
  const sourceTask = sourceId === null ? undefined : model.tasksById.get(sourceId);
  if (source !== undefined && sourceTask !== undefined) {
    notes.push({
      key: sourceId === taskId ? 'gantt.float.calendarDaysOwn' : 'gantt.float.calendarDaysChain',
      values: {
        source: sourceTask.name,
        earlyFinish: text.date(source.scheduled.earlyFinish),
        lateFinish: text.date(source.scheduled.lateFinish),
      },
    });
  }
  return notes;
}
