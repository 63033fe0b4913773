/**
 * Baselines: a snapshot of every task's scheduled dates, and the variance of a later schedule
 * against it in working days (positive when the task is now later than in the baseline).
 */
import type { BaselineData } from '../domain/plan';
import type { Id, Instant } from '../domain/types';
import { toDayNumber } from './days';
import type { Schedule } from './engine';
import type { ScheduleInput } from './model';
import { WorkingCalendar } from './workingCalendar';

/** Builds a baseline of every task in `schedule`; the caller stores it. */
export function takeBaseline(planId: Id, name: string, takenAt: Instant, schedule: Schedule): BaselineData {
  return {
    planId,
    name,
    takenAt,
    planFinish: schedule.planFinish,
    tasks: schedule.tasks.map((task) => ({ taskId: task.taskId, start: task.earlyStart, finish: task.earlyFinish })),
  };
}

export interface TaskVariance {
  readonly taskId: Id;
  /** Working days of the task's calendar from the baseline start to the current start; `null` for a task added after the baseline. */
  readonly startVariance: number | null;
  /** Working days of the task's calendar from the baseline finish to the current finish; `null` for a task added after the baseline. */
  readonly finishVariance: number | null;
}

export interface BaselineVariance {
  /** Variance of every task in the schedule, in its order. */
  readonly tasks: readonly TaskVariance[];
  /** Working days of the plan's calendar from the baseline plan finish to the current one: the end milestone's slip. */
  readonly planFinishVariance: number;
}

/**
 * Compares a schedule computed from `input` with a baseline. Each task is measured on its own
 * calendar (its own, else its nearest summary task's, else the plan's). `input` must be the
 * input the schedule came from, so every calendar it names exists.
 */
export function compareToBaseline(input: ScheduleInput, schedule: Schedule, baseline: BaselineData): BaselineVariance {
  const around = toDayNumber(input.plan.startOn);
  const calendars = new Map<Id, WorkingCalendar>();
  const calendarFor = (calendarId: Id): WorkingCalendar => {
    let calendar = calendars.get(calendarId);
    if (calendar === undefined) {
      const data = input.calendars.find((entry) => entry.id === calendarId);
      if (data === undefined) {
        throw new Error(`Calendar ${calendarId} not found in the schedule input`);
      }
      calendar = new WorkingCalendar(data, around);
      calendars.set(calendarId, calendar);
    }
    return calendar;
  };
  const tasksById = new Map(input.tasks.map((task) => [task.id, task]));
  const calendarIdOf = (taskId: Id): Id => {
    for (let task = tasksById.get(taskId); task !== undefined; task = task.parentId === null ? undefined : tasksById.get(task.parentId)) {
      if (task.calendarId !== null) {
        return task.calendarId;
      }
    }
    return input.plan.calendarId;
  };
  const baselineById = new Map(baseline.tasks.map((task) => [task.taskId, task]));

  const tasks = schedule.tasks.map((task): TaskVariance => {
    const before = baselineById.get(task.taskId);
    if (before === undefined) {
      return { taskId: task.taskId, startVariance: null, finishVariance: null };
    }
    const calendar = calendarFor(calendarIdOf(task.taskId));
    return {
      taskId: task.taskId,
      startVariance: calendar.workingDaysBetween(toDayNumber(before.start), toDayNumber(task.earlyStart)),
      // Finish dates are the last day of work, so the boundary after each is compared.
      finishVariance: calendar.workingDaysBetween(toDayNumber(before.finish) + 1, toDayNumber(task.earlyFinish) + 1),
    };
  });
  const planCalendar = calendarFor(input.plan.calendarId);
  const planFinishVariance = planCalendar.workingDaysBetween(toDayNumber(baseline.planFinish) + 1, toDayNumber(schedule.planFinish) + 1);
  return { tasks, planFinishVariance };
}
