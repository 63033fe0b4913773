/**
 * Rows of the Transition plans list and the data of the roadmap: each plan scheduled with the
 * engine, with its provider, contract, start, finish, critical-path finish and progress. Pure.
 */
import type { Calendar, Dependency, Plan, Task } from '@shared/domain/plan';
import type { CalendarDate, Contract, Id, Provider } from '@shared/domain/types';
import type { Schedule } from '@shared/schedule/engine';
import { schedulePlan } from '@shared/schedule/engine';
import type { PlanTask } from '@shared/schedule/commands';
import type { ScheduleIssue } from '@shared/schedule/issues';
import { repairPlanState, scheduleInputOf } from '../../db/plansSupport';
import { formatCalendarDate } from './gantt/useGanttText';

/** Every plan record of the portfolio, as the list's live query reads them. */
export interface PortfolioPlans {
  readonly plans: readonly Plan[];
  readonly tasks: readonly Task[];
  readonly dependencies: readonly Dependency[];
  readonly calendars: readonly Calendar[];
  readonly providers: readonly Provider[];
  readonly contracts: readonly Contract[];
}

/** Names of the providers and titles of the contracts that plans refer to, by id. */
export interface PlanOwnerNames {
  readonly providers: ReadonlyMap<Id, string>;
  readonly contracts: ReadonlyMap<Id, string>;
}

/** Provider and contract of one plan, as the list and the roadmap show them. */
export interface PlanOwners {
  /** Provider name, or `null` for a plan without a provider or whose provider is gone. */
  readonly providerName: string | null;
  /** Contract title, or `null` for a plan without a contract or whose contract is gone. */
  readonly contractTitle: string | null;
  /** Whether the plan names a contract that is no longer in the portfolio, for example after a merge deleted it. */
  readonly contractMissing: boolean;
}

/** One plan with its tasks and its schedule, or the first error that stops scheduling it. */
export interface ScheduledPlan {
  readonly plan: Plan;
  /** Tasks after `repairPlanState`. */
  readonly tasks: readonly PlanTask[];
  readonly schedule: Schedule | null;
  readonly error: ScheduleIssue | null;
}

export interface PlanListRow extends PlanOwners {
  readonly id: Id;
  readonly title: string;
  readonly start: CalendarDate | null;
  readonly finish: CalendarDate | null;
  /** Latest finish among the tasks on the critical path. */
  readonly criticalFinish: CalendarDate | null;
  /** Percent complete, 0 to 100, rounded to a whole number. */
  readonly progress: number | null;
  readonly taskCount: number;
  /** Error that stops the plan from being scheduled, or `null`. */
  readonly error: ScheduleIssue | null;
}

/** Highest progress a plan shows while any of its tasks is open, as for summary tasks. */
const openPlanCap = 99;

/** Groups records by `planId`. */
function byPlan<R extends { readonly planId: Id }>(records: readonly R[]): Map<Id, R[]> {
  const groups = new Map<Id, R[]>();
  for (const record of records) {
    const group = groups.get(record.planId);
    if (group === undefined) groups.set(record.planId, [record]);
    else group.push(record);
  }
  return groups;
}

/** Schedules every plan; a plan that cannot be scheduled keeps its first error. */
export function schedulePlans(data: PortfolioPlans): ScheduledPlan[] {
  const tasksByPlan = byPlan(data.tasks);
  const linksByPlan = byPlan(data.dependencies);
  const calendarIds = new Set(data.calendars.map((calendar) => calendar.id));
  return data.plans.map((plan) => {
    const tasks = tasksByPlan.get(plan.id) ?? [];
    const state = repairPlanState(tasks, linksByPlan.get(plan.id) ?? [], calendarIds);
    const outcome = schedulePlan(scheduleInputOf(plan, state, data.calendars));
    if (outcome.ok) return { plan, tasks: state.tasks, schedule: outcome.schedule, error: null };
    const error = outcome.issues.find((issue) => issue.severity === 'error') ?? null;
    return { plan, tasks: state.tasks, schedule: null, error };
  });
}

/**
 * Returns the progress of a whole plan: the mean of its leaf tasks' progress weighted by their
 * working days, capped at 99 while any leaf task is open, as the engine rolls up summary tasks.
 * A plan of milestones only takes their plain mean; a plan without tasks has none.
 */
export function planProgress(schedule: Schedule): number | null {
  const leaves = schedule.tasks.filter((task) => !task.summary);
  if (leaves.length === 0) return null;
  let weighted = 0;
  let weight = 0;
  let plain = 0;
  for (const task of leaves) {
    weighted += task.workingDays * task.progress;
    weight += task.workingDays;
    plain += task.progress;
  }
  const mean = weight > 0 ? weighted / weight : plain / leaves.length;
  const open = leaves.some((task) => task.progress < 100);
  return Math.round(open ? Math.min(mean, openPlanCap) : mean);
}

/** Returns the latest early finish of the tasks on the critical path, or `null` when it is empty. */
export function criticalFinish(schedule: Schedule): CalendarDate | null {
  const critical = new Set(schedule.criticalPath);
  let latest: CalendarDate | null = null;
  for (const task of schedule.tasks) {
    if (critical.has(task.taskId) && (latest === null || task.earlyFinish > latest)) latest = task.earlyFinish;
  }
  return latest;
}

/** Indexes the names of `providers` and the titles of `contracts` by id. */
export function planOwnerNames(providers: readonly Provider[], contracts: readonly Contract[]): PlanOwnerNames {
  return {
    providers: new Map(providers.map((provider) => [provider.id, provider.name])),
    contracts: new Map(contracts.map((contract) => [contract.id, contract.title])),
  };
}

/** Looks up the provider name and the contract title of `plan`. */
export function planOwners(plan: Pick<Plan, 'providerId' | 'contractId'>, names: PlanOwnerNames): PlanOwners {
  const contractTitle = plan.contractId === null ? null : (names.contracts.get(plan.contractId) ?? null);
  return {
    providerName: plan.providerId === null ? null : (names.providers.get(plan.providerId) ?? null),
    contractTitle,
    contractMissing: plan.contractId !== null && contractTitle === null,
  };
}

/** Builds the list rows of scheduled plans. */
export function buildPlanRows(scheduled: readonly ScheduledPlan[], names: PlanOwnerNames): PlanListRow[] {
  return scheduled.map(({ plan, tasks, schedule, error }) => {
    const empty = schedule === null || tasks.length === 0;
    return {
      id: plan.id,
      title: plan.title,
      ...planOwners(plan, names),
      start: empty ? null : schedule.planStart,
      finish: empty ? null : schedule.planFinish,
      criticalFinish: schedule === null ? null : criticalFinish(schedule),
      progress: schedule === null ? null : planProgress(schedule),
      taskCount: tasks.length,
      error,
    };
  });
}

/**
 * Formats a date of the list in the user's locale, as the plan screen's task grid shows dates
 * (for example `5 Jan 2026` in British English), so one plan's dates read the same on both
 * screens. The rows keep `YYYY-MM-DD`, which sorts by date.
 */
export function planDateText(date: CalendarDate, locale: string): string {
  return formatCalendarDate(date, locale);
}
