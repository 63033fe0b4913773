/**
 * The Gantt bench's plan: the seeded plan of `bench/schedule/workload.ts` at a chosen task
 * count, turned into the records that the app's `GanttView` takes, and the same scheduled plan
 * as frappe-gantt tasks.
 */
import type { CalendarData, PlanData } from '../../shared/domain/plan';
import type { PlanState, PlanTask } from '../../shared/schedule/commands';
import type { Schedule } from '../../shared/schedule/engine';
import type { DependencyInput, ScheduleInput, WithId } from '../../shared/schedule/model';
import { buildTaskRows } from '../../renderer/src/features/plans/gantt/rowTree';
import { benchPlanShape } from '../schedule/workload';
import type { PlanShape } from '../schedule/workload';

/** Tasks in one wave of the bench plan: a summary task and its leaf tasks. */
export const tasksPerWave = 1 + benchPlanShape.leavesPerSummary;
/** Dependencies per task in the bench plan: 6,000 for 5,000 tasks. */
const dependenciesPerTask = benchPlanShape.dependencies / (benchPlanShape.summaries * tasksPerWave);
export const defaultGanttTasks = benchPlanShape.summaries * tasksPerWave;

/** Requirement on the task count of the bench plan, for error messages. */
export const taskCountRequirement = `expected a positive multiple of ${String(tasksPerWave)} (one summary task and ${String(benchPlanShape.leavesPerSummary)} leaf tasks per wave)`;

export function isValidTaskCount(taskCount: number): boolean {
  return Number.isSafeInteger(taskCount) && taskCount >= tasksPerWave && taskCount % tasksPerWave === 0;
}

/**
 * Returns the shape of a bench plan of `taskCount` tasks with the bench's proportions: waves of
 * one summary and 19 leaf tasks, and 1.2 dependencies per task. Throws a `RangeError` unless
 * `taskCount` is a positive multiple of the wave size.
 */
export function ganttPlanShape(taskCount: number): PlanShape {
  if (!isValidTaskCount(taskCount)) throw new RangeError(`Invalid task count ${String(taskCount)}: ${taskCountRequirement}.`);
  return {
    summaries: taskCount / tasksPerWave,
    leavesPerSummary: benchPlanShape.leavesPerSummary,
    dependencies: Math.round(taskCount * dependenciesPerTask),
  };
}

/** The plan, tasks, dependencies and calendars that `GanttView` takes. */
export interface GanttViewRecords {
  readonly plan: WithId<PlanData>;
  readonly state: PlanState;
  readonly calendars: readonly WithId<CalendarData>[];
}

const benchPlanId = 'bench-plan';

/** Completes the scheduling input with the fields that stored records have and the engine ignores. */
export function ganttViewRecords(input: ScheduleInput): GanttViewRecords {
  const plan: WithId<PlanData> = {
    id: benchPlanId,
    providerId: null,
    contractId: null,
    title: 'Bench transition plan',
    description: '',
    startOn: input.plan.startOn,
    calendarId: input.plan.calendarId,
    templateKey: null,
  };
  const tasks: PlanTask[] = input.tasks.map((task) => ({
    ...task,
    planId: benchPlanId,
    owner: '',
    notes: '',
    goNoGo: false,
    templateKey: null,
  }));
  const dependencies = input.dependencies.map((dependency) => ({ ...dependency, planId: benchPlanId }));
  const calendars = input.calendars.map((calendar) => ({ ...calendar, name: calendar.id, site: calendar.id }));
  return { plan, state: { tasks, dependencies }, calendars };
}

/**
 * A task as frappe-gantt 1.2.2 takes it. `start` and `end` are local calendar dates, and an end
 * without a time counts as the whole day, so `end` is the last day of work. The library adds
 * fields of its own to the object, so every chart needs fresh tasks.
 */
export interface FrappeTask {
  readonly id: string;
  readonly name: string;
  readonly start: string;
  readonly end: string;
  /** Percent complete, 0 to 100. */
  readonly progress: number;
  /** Ids of the predecessors, one entry per dependency into this task. */
  readonly dependencies: string[];
}

/**
 * Converts a scheduled plan to frappe-gantt tasks in the app's row order (outline order), each
 * with its scheduled start and finish and one predecessor entry per dependency.
 * frappe-gantt draws every dependency as a finish-to-start arrow and has no summary tasks or
 * milestones, so link types, lags and the hierarchy are lost. A summary task becomes a plain bar
 * over its rolled-up dates, and a milestone a one-day bar. Throws an `Error` when the schedule
 * lacks a task of the plan.
 */
export function toFrappeTasks(tasks: readonly PlanTask[], dependencies: readonly DependencyInput[], schedule: Schedule): FrappeTask[] {
  const scheduled = new Map(schedule.tasks.map((entry) => [entry.taskId, entry]));
  const predecessors = new Map<string, string[]>();
  for (const dependency of dependencies) {
    const list = predecessors.get(dependency.successorId) ?? [];
    list.push(dependency.predecessorId);
    predecessors.set(dependency.successorId, list);
  }
  return buildTaskRows(tasks).map(({ task }) => {
    const dates = scheduled.get(task.id);
    if (dates === undefined) throw new Error(`The schedule has no dates for task ${task.id} (${task.name}).`);
    return {
      id: task.id,
      name: task.name,
      start: dates.earlyStart,
      end: dates.earlyFinish,
      progress: dates.progress,
      dependencies: [...(predecessors.get(task.id) ?? [])],
    };
  });
}
