/**
 * The scheduled plan behind the Gantt view: the schedule of the current tasks and dependencies,
 * the rows in outline order, lookups by id, each task's calendar, and the comparison with a
 * baseline. Built once per change of the plan, then shared by the grid, the chart and printing.
 */
import type { BaselineData, CalendarData, PlanData } from '@shared/domain/plan';
import type { Id } from '@shared/domain/types';
import { compareToBaseline } from '@shared/schedule/baseline';
import type { TaskVariance } from '@shared/schedule/baseline';
import type { PlanDependency, PlanState, PlanTask } from '@shared/schedule/commands';
import { toDayNumber } from '@shared/schedule/days';
import { schedulePlan } from '@shared/schedule/engine';
import type { Schedule, ScheduledTask } from '@shared/schedule/engine';
import type { ScheduleIssue } from '@shared/schedule/issues';
import type { ScheduleInput, WithId } from '@shared/schedule/model';
import { WorkingCalendar } from '@shared/schedule/workingCalendar';
import { buildTaskRows } from './rowTree';
import type { TaskRow } from './rowTree';

/** Scheduled dates of one task as day numbers. */
export interface TaskDays {
  readonly scheduled: ScheduledTask;
  readonly startDay: number;
  /** Last day of work, included; the start day for a milestone. */
  readonly finishDay: number;
  /** True for a leaf task of zero duration. */
  readonly milestone: boolean;
}

export interface GanttModel {
  readonly plan: WithId<PlanData>;
  readonly state: PlanState;
  readonly calendars: readonly WithId<CalendarData>[];
  readonly input: ScheduleInput;
  /** The schedule, or `null` when the plan cannot be scheduled (see `issues`). */
  readonly schedule: Schedule | null;
  /** Errors that stopped the schedule, or warnings about dependencies the engine dropped. */
  readonly issues: readonly ScheduleIssue[];
  readonly rows: readonly TaskRow[];
  readonly tasksById: ReadonlyMap<Id, PlanTask>;
  readonly daysById: ReadonlyMap<Id, TaskDays>;
  /** Row of each task in `rows`. */
  readonly rowById: ReadonlyMap<Id, TaskRow>;
  /** Dependencies into each task, in the order stored. */
  readonly incoming: ReadonlyMap<Id, readonly PlanDependency[]>;
  /** Day number of the plan's start date. */
  readonly planStartDay: number;
  /** First and last scheduled day of the plan; the plan start when nothing is scheduled. */
  readonly firstDay: number;
  readonly lastDay: number;
}

export function scheduleInputOf(
  plan: Pick<PlanData, 'startOn' | 'calendarId'>,
  state: PlanState,
  calendars: readonly WithId<CalendarData>[],
): ScheduleInput {
  return { plan: { startOn: plan.startOn, calendarId: plan.calendarId }, tasks: state.tasks, dependencies: state.dependencies, calendars };
}

export function buildGanttModel(plan: WithId<PlanData>, state: PlanState, calendars: readonly WithId<CalendarData>[]): GanttModel {
  const input = scheduleInputOf(plan, state, calendars);
  const outcome = schedulePlan(input);
  const schedule = outcome.ok ? outcome.schedule : null;
  const rows = buildTaskRows(state.tasks);
  const tasksById = new Map(state.tasks.map((task) => [task.id, task]));
  const rowById = new Map(rows.map((row) => [row.task.id, row]));

  const daysById = new Map<Id, TaskDays>();
  if (schedule !== null) {
    for (const scheduled of schedule.tasks) {
      const task = tasksById.get(scheduled.taskId);
      daysById.set(scheduled.taskId, {
        scheduled,
        startDay: toDayNumber(scheduled.earlyStart),
        finishDay: toDayNumber(scheduled.earlyFinish),
        milestone: !scheduled.summary && task?.duration === 0,
      });
    }
  }

  const incoming = new Map<Id, PlanDependency[]>();
  for (const dependency of state.dependencies) {
    const list = incoming.get(dependency.successorId) ?? [];
    list.push(dependency);
    incoming.set(dependency.successorId, list);
  }

  const planStartDay = toDayNumberOr(plan.startOn, 0);
  const firstDay = schedule === null ? planStartDay : toDayNumber(schedule.planStart);
  const lastDay = schedule === null ? planStartDay : toDayNumber(schedule.planFinish);
  return {
    plan,
    state,
    calendars,
    input,
    schedule,
    issues: outcome.issues,
    rows,
    tasksById,
    daysById,
    rowById,
    incoming,
    planStartDay,
    firstDay,
    lastDay,
  };
}

function toDayNumberOr(date: string, fallback: number): number {
  try {
    return toDayNumber(date);
  } catch {
    return fallback;
  }
}

/** Returns the calendar a task is scheduled on: its own, else its nearest summary task's, else the plan's. */
export function calendarOfTask(model: GanttModel, taskId: Id): WithId<CalendarData> | undefined {
  const byId = (calendarId: Id) => model.calendars.find((calendar) => calendar.id === calendarId);
  // The step limit stops at a loop of parents, which the engine reports separately.
  let task = model.tasksById.get(taskId);
  for (let steps = 0; task !== undefined && steps <= model.state.tasks.length; steps += 1) {
    if (task.calendarId !== null) return byId(task.calendarId);
    task = task.parentId === null ? undefined : model.tasksById.get(task.parentId);
  }
  return byId(model.plan.calendarId);
}

/** Returns the working-day arithmetic of a task's calendar, centred on the plan's dates. */
export function workingCalendarOf(model: GanttModel, taskId: Id): WorkingCalendar | null {
  const calendar = calendarOfTask(model, taskId);
  return calendar === undefined ? null : new WorkingCalendar(calendar, model.firstDay);
}

export interface BaselineComparison {
  readonly baseline: WithId<BaselineData>;
  readonly byTask: ReadonlyMap<Id, TaskVariance>;
  /** Baseline dates of each task as day numbers. */
  readonly baselineDays: ReadonlyMap<Id, { readonly startDay: number; readonly finishDay: number }>;
  /** Working days of the plan's calendar by which the plan finish (the end milestone) moved; positive is later. */
  readonly planFinishVariance: number;
}

/** Compares the current schedule with a baseline, or returns `null` when the plan has no schedule. */
export function compareWithBaseline(model: GanttModel, baseline: WithId<BaselineData>): BaselineComparison | null {
  if (model.schedule === null) return null;
  const variance = compareToBaseline(model.input, model.schedule, baseline);
  const baselineDays = new Map<Id, { startDay: number; finishDay: number }>();
  for (const entry of baseline.tasks) {
    baselineDays.set(entry.taskId, { startDay: toDayNumber(entry.start), finishDay: toDayNumber(entry.finish) });
  }
  return {
    baseline,
    byTask: new Map(variance.tasks.map((entry) => [entry.taskId, entry])),
    baselineDays,
    planFinishVariance: variance.planFinishVariance,
  };
}
