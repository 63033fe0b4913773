/**
 * Comparison of the finish dates a project file states with the dates the imported plan is
 * scheduled to, so the import report can state which dates differ and by how many working days.
 */
import type { CalendarDate, Id } from '../../domain/types';
import { toDayNumber } from '../days';
import { schedulePlan } from '../engine';
import { WorkingCalendar } from '../workingCalendar';
import type { ImportNotes } from './planBuilder';
import type { ImportedPlan } from './types';

/** Finish dates as the file states them, the last day of work included. */
export interface StatedFinishes {
  /** Finish of the whole project, or `null` when the file gives none. */
  readonly plan: CalendarDate | null;
  /** Finish of each task that states one, by imported task id. */
  readonly tasks: ReadonlyMap<Id, CalendarDate>;
}

/**
 * Why dates can differ, as a key of `projectImport.reasons`: `hours` for files from planning
 * tools that schedule in hours, `csv` for a plan CSV whose dates were written at export.
 */
export type FinishReason = 'hours' | 'csv';

/**
 * Schedules `plan` and adds a note when the end of its work (the latest finish of a task with a
 * duration), or the finish of any such task, differs by at least one working day from what the
 * file states. Milestones are left out of the comparison, because other tools date a milestone
 * on the finish of its predecessor and plans on the next working day. Does nothing when the
 * plan cannot be scheduled; the caller rejects such a plan anyway.
 */
export function compareStatedFinishes(plan: ImportedPlan, stated: StatedFinishes, reason: FinishReason, notes: ImportNotes): void {
  if (stated.plan === null && stated.tasks.size === 0) {
    return;
  }
  const outcome = schedulePlan({ plan: plan.plan, tasks: plan.tasks, dependencies: plan.dependencies, calendars: plan.calendars });
  if (!outcome.ok) {
    return;
  }
  const calendarOf = taskCalendars(plan);
  const nameOf = new Map(plan.tasks.map((task) => [task.id, task.name]));
  const durationOf = new Map(plan.tasks.map((task) => [task.id, task.duration]));
  const worked = outcome.schedule.tasks.filter((task) => !task.summary && (durationOf.get(task.taskId) ?? 0) > 0);

  let planNoted = false;
  if (stated.plan !== null) {
    const finish =
      worked.length === 0
        ? outcome.schedule.planFinish
        : worked
            .map((task) => task.earlyFinish)
            .sort()
            .at(-1);
    const days = finish === undefined ? 0 : workingDaysAfter(calendarOf(null), stated.plan, finish);
    if (finish !== undefined && days !== 0) {
      notes.changed(days > 0 ? 'planFinishLater' : 'planFinishEarlier', { fileFinish: stated.plan, finish, count: Math.abs(days), reason });
      planNoted = true;
    }
  }

  let differing = 0;
  let largest: { taskId: Id; fileFinish: CalendarDate; finish: CalendarDate; days: number } | null = null;
  for (const task of worked) {
    const fileFinish = stated.tasks.get(task.taskId);
    if (fileFinish === undefined) {
      continue;
    }
    const days = workingDaysAfter(calendarOf(task.taskId), fileFinish, task.earlyFinish);
    if (days === 0) {
      continue;
    }
    differing += 1;
    if (largest === null || Math.abs(days) > Math.abs(largest.days)) {
      largest = { taskId: task.taskId, fileFinish, finish: task.earlyFinish, days };
    }
  }
  if (largest !== null) {
    notes.changed('taskFinishesDiffer', {
      count: differing,
      task: nameOf.get(largest.taskId) ?? '',
      fileFinish: largest.fileFinish,
      finish: largest.finish,
      // The reason is given once: with the plan's finish when that differs too.
      reason: planNoted ? '' : reason,
    });
  }
}

/** Working days after `from` up to and including `to`; negative when `to` is earlier. */
function workingDaysAfter(calendar: WorkingCalendar, from: CalendarDate, to: CalendarDate): number {
  return calendar.workingDaysBetween(toDayNumber(from) + 1, toDayNumber(to) + 1);
}

/**
 * Returns a lookup of the working calendar of a task: its own, else its nearest summary task's,
 * else the plan's, as the engine schedules it. `null` gives the plan's calendar.
 */
function taskCalendars(plan: ImportedPlan): (taskId: Id | null) => WorkingCalendar {
  const around = toDayNumber(plan.plan.startOn);
  const built = new Map<Id, WorkingCalendar>();
  const tasksById = new Map(plan.tasks.map((task) => [task.id, task]));
  const calendarById = new Map(plan.calendars.map((calendar) => [calendar.id, calendar]));
  const build = (calendarId: Id): WorkingCalendar => {
    let calendar = built.get(calendarId);
    if (calendar === undefined) {
      const data = calendarById.get(calendarId) ?? calendarById.get(plan.plan.calendarId);
      calendar = new WorkingCalendar(data ?? { workingWeekdays: [1, 2, 3, 4, 5], holidays: [] }, around);
      built.set(calendarId, calendar);
    }
    return calendar;
  };
  return (taskId) => {
    let task = taskId === null ? undefined : tasksById.get(taskId);
    for (let steps = 0; task !== undefined && steps <= plan.tasks.length; steps += 1) {
      if (task.calendarId !== null) {
        return build(task.calendarId);
      }
      task = task.parentId === null ? undefined : tasksById.get(task.parentId);
    }
    return build(plan.plan.calendarId);
  };
}
