/**
 * Transition status: each plan in scope scheduled by the engine and compared with its latest
 * baseline, its milestones, and a Gantt excerpt of its top-level tasks and milestones.
 */
import type { Baseline, Plan, Task } from '../domain/plan';
import type { CalendarDate, Id } from '../domain/types';
import { compareToBaseline } from '../schedule/baseline';
import type { BaselineVariance } from '../schedule/baseline';
import { schedulePlan } from '../schedule/engine';
import type { Schedule } from '../schedule/engine';
import type { ScheduleInput } from '../schedule/model';
import type { RecordsByTable } from '../sync/snapshot';
import { booleanCell, codeCell, compareText, dateCell, emptyCell, integerCell, shareCell, textCell } from './tableText';
import type { GanttBar, GanttExcerpt, ReportCell, TransitionsSection } from './types';

/** Most bars of one plan's Gantt excerpt; the earliest are kept. */
export const maxGanttBars = 30;

/** One plan with its schedule and its variance against the latest baseline. */
export interface PlanStatus {
  readonly plan: Plan;
  readonly providerName: string;
  /** The plan's tasks in outline order among siblings. */
  readonly tasks: readonly Task[];
  readonly input: ScheduleInput;
  /** `null` when the plan cannot be scheduled, for example because of a dependency cycle. */
  readonly schedule: Schedule | null;
  readonly baseline: Baseline | null;
  readonly variance: BaselineVariance | null;
}

/** Schedules every plan of `records`, sorted by title and id. */
export function planStatuses(records: RecordsByTable): PlanStatus[] {
  const providerNames = new Map(records.providers.map((provider) => [provider.id, provider.name]));
  const plans = [...records.plans].sort((a, b) => compareText(a.title, b.title) || compareText(a.id, b.id));
  return plans.map((plan): PlanStatus => {
    const tasks = records.planTasks.filter((task) => task.planId === plan.id).sort((a, b) => a.order - b.order || compareText(a.id, b.id));
    const input: ScheduleInput = {
      plan: { startOn: plan.startOn, calendarId: plan.calendarId },
      tasks,
      dependencies: records.planDependencies.filter((dependency) => dependency.planId === plan.id).sort((a, b) => compareText(a.id, b.id)),
      calendars: records.planCalendars,
    };
    const outcome = schedulePlan(input);
    const schedule = outcome.ok ? outcome.schedule : null;
    const baseline = latestBaseline(records.planBaselines.filter((entry) => entry.planId === plan.id));
    const variance = schedule !== null && baseline !== null ? compareToBaseline(input, schedule, baseline) : null;
    const providerName = plan.providerId === null ? '' : (providerNames.get(plan.providerId) ?? '');
    return { plan, providerName, tasks, input, schedule, baseline, variance };
  });
}

function latestBaseline(baselines: readonly Baseline[]): Baseline | null {
  let latest: Baseline | null = null;
  for (const baseline of baselines) {
    if (latest === null || baseline.takenAt > latest.takenAt || (baseline.takenAt === latest.takenAt && baseline.id > latest.id)) latest = baseline;
  }
  return latest;
}

export function buildTransitionsSection(statuses: readonly PlanStatus[]): TransitionsSection {
  if (statuses.length === 0) return { key: 'transitions', state: 'empty', tables: [], gantts: [] };
  const plans = statuses.map((status): ReportCell[] => {
    const { plan, schedule, baseline, variance } = status;
    const summaryProgress = schedule === null ? null : planProgress(schedule);
    return [
      textCell(plan.title),
      textCell(status.providerName),
      codeCell('schedule', schedule === null ? 'notScheduled' : 'scheduled'),
      dateCell(schedule?.planStart ?? null),
      dateCell(schedule?.planFinish ?? null),
      dateCell(baseline?.planFinish ?? null),
      variance === null ? emptyCell : integerCell(variance.planFinishVariance),
      shareCell(summaryProgress),
      schedule === null ? emptyCell : integerCell(schedule.criticalPath.length),
    ];
  });
  return {
    key: 'transitions',
    state: 'ready',
    tables: [
      { key: 'plans', columns: ['plan', 'provider', 'schedule', 'start', 'finish', 'baselineFinish', 'finishVariance', 'progress', 'criticalTasks'], rows: plans },
      { key: 'milestones', columns: ['plan', 'milestone', 'date', 'goNoGo', 'baselineDate', 'variance', 'done'], rows: statuses.flatMap(milestoneRows) },
    ],
    gantts: statuses.filter((status) => status.schedule !== null).map(ganttExcerpt),
  };
}

/** Progress of the whole plan from 0 to 1: the duration-weighted mean of the top-level tasks' rolled-up progress. */
function planProgress(schedule: Schedule): number | null {
  let weighted = 0;
  let days = 0;
  for (const task of schedule.tasks) {
    if (task.summary) continue;
    weighted += task.progress * task.workingDays;
    days += task.workingDays;
  }
  return days === 0 ? null : weighted / days / 100;
}

interface DatedTask {
  readonly id: Id;
  readonly name: string;
  readonly start: CalendarDate;
  readonly finish: CalendarDate;
  readonly milestone: boolean;
  readonly topLevel: boolean;
  readonly critical: boolean;
  readonly progress: number;
  readonly goNoGo: boolean;
  readonly baselineFinish: CalendarDate | null;
  readonly finishVariance: number | null;
}

/** Tasks of a scheduled plan with their dates, sorted by start, name and id. */
function datedTasks(status: PlanStatus): DatedTask[] {
  if (status.schedule === null) return [];
  const tasks = new Map(status.tasks.map((task) => [task.id, task]));
  const baselineTasks = new Map((status.baseline?.tasks ?? []).map((task) => [task.taskId, task]));
  const variances = new Map((status.variance?.tasks ?? []).map((task) => [task.taskId, task]));
  const dated: DatedTask[] = [];
  for (const scheduled of status.schedule.tasks) {
    const task = tasks.get(scheduled.taskId);
    if (task === undefined) continue;
    dated.push({
      id: task.id,
      name: task.name,
      start: scheduled.earlyStart,
      finish: scheduled.earlyFinish,
      milestone: !scheduled.summary && task.duration === 0,
      topLevel: task.parentId === null,
      critical: scheduled.critical,
      progress: scheduled.progress,
      goNoGo: task.goNoGo,
      baselineFinish: baselineTasks.get(task.id)?.finish ?? null,
      finishVariance: variances.get(task.id)?.finishVariance ?? null,
    });
  }
  return dated.sort((a, b) => compareText(a.start, b.start) || compareText(a.name, b.name) || compareText(a.id, b.id));
}

function milestoneRows(status: PlanStatus): ReportCell[][] {
  return datedTasks(status)
    .filter((task) => task.milestone)
    .map((task) => [
      textCell(status.plan.title),
      textCell(task.name),
      dateCell(task.start),
      booleanCell(task.goNoGo),
      dateCell(task.baselineFinish),
      task.finishVariance === null ? emptyCell : integerCell(task.finishVariance),
      booleanCell(task.progress >= 100),
    ]);
}

function ganttExcerpt(status: PlanStatus): GanttExcerpt {
  const bars = datedTasks(status)
    .filter((task) => task.topLevel || task.milestone)
    .slice(0, maxGanttBars)
    .map(
      (task): GanttBar => ({
        taskId: task.id,
        name: task.name,
        start: task.start,
        finish: task.finish,
        milestone: task.milestone,
        critical: task.critical,
        progress: task.progress,
        baselineFinish: task.baselineFinish,
      }),
    );
  return { planId: status.plan.id, title: status.plan.title, bars };
}
