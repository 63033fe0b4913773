/**
 * Building blocks of the plan repository (`plans.ts`): the one transaction a plan write runs in,
 * reading a plan's records, checks of calendar input, and coded failures.
 */
import type { Baseline, Calendar, CalendarData, Dependency, Plan, Task } from '@shared/domain/plan';
import type { CalendarDate, Id, RecordTable, RecordTypes } from '@shared/domain/types';
import { AppFailure } from '@shared/errors';
import type { ErrorCode, ErrorDetail } from '@shared/errors';
import type { PlanState } from '@shared/schedule/commands';
import { isCalendarDate } from '@shared/schedule/days';
import type { ScheduleIssue } from '@shared/schedule/issues';
import type { ScheduleInput } from '@shared/schedule/model';
import { planTables } from '@shared/sync/snapshot';
import type { PortfolioDb } from './portfolioDb';
import { toStorageFailure } from './storageErrors';

/** Every stored record of one plan, and every calendar of the portfolio, which its tasks may choose from. */
export interface PlanRecords {
  readonly plan: Plan;
  readonly tasks: readonly Task[];
  readonly dependencies: readonly Dependency[];
  readonly baselines: readonly Baseline[];
  readonly calendars: readonly Calendar[];
}

/** Fields of a calendar as a form or an import supplies them, before they are checked and normalized. */
export interface CalendarInput {
  readonly name: string;
  readonly workingWeekdays: readonly number[];
  readonly holidays: readonly CalendarDate[];
  readonly site?: string;
}

/**
 * Runs `body` in one read-write transaction over every table a plan write may touch: the plan
 * tables, providers and contracts (to check a plan's provider and contract), the audit trail,
 * tombstones and `meta`. The
 * repository writes inside it join this transaction, so on any failure nothing is stored.
 * Failures other than `AppFailure` become storage failures naming `detail`.
 */
export async function inPlanTransaction<R>(db: PortfolioDb, detail: ErrorDetail, body: () => Promise<R>): Promise<R> {
  const tables = [...planTables, 'providers', 'contracts', 'audit', 'tombstones', 'meta'];
  try {
    return await db.transaction('rw', tables, body);
  } catch (error) {
    throw toStorageFailure(error, detail);
  }
}

/** Builds an `AppFailure` from a code and detail. */
export function planFailure(code: ErrorCode, detail: ErrorDetail, cause?: string): AppFailure {
  return new AppFailure({ code, detail, ...(cause === undefined ? {} : { cause }) });
}

/** Reads one record, or throws `storage.notFound` naming the table and id. */
export async function getOrFail<T extends RecordTable>(db: PortfolioDb, table: T, id: Id): Promise<RecordTypes[T]> {
  const record = await db.recordTable(table).get(id);
  if (record === undefined) throw new AppFailure({ code: 'storage.notFound', detail: { table, id } });
  return record;
}

/** Throws `plan.textMissing` naming `field` when `text` is empty or only white space; returns it trimmed. */
export function requireText(text: string, field: 'title' | 'name'): string {
  const trimmed = text.trim();
  if (trimmed === '') throw planFailure('plan.textMissing', { field, reason: field });
  return trimmed;
}

/** Throws `schedule.invalidDate` naming `field` unless `date` is a real `YYYY-MM-DD` date. */
export function requireDate(date: string, field: string): CalendarDate {
  if (!isCalendarDate(date)) throw planFailure('schedule.invalidDate', { field, value: date, reason: field });
  return date;
}

/**
 * Turns a scheduling issue into a coded failure. The detail adds `field` (also as `reason`, which
 * picks a field-specific sentence) and `recordId` where the issue names them. A `reason` that the
 * engine put in the detail, such as the text of a date error, moves to the cause for the log.
 */
export function scheduleFailure(issue: ScheduleIssue): AppFailure {
  const { reason, ...rest } = issue.detail;
  const detail: Record<string, string | number> = { ...rest };
  if (issue.field !== null) {
    detail.field = issue.field;
    detail.reason = issue.field;
  }
  if (issue.recordId !== null) detail.recordId = issue.recordId;
  const cause = reason === undefined ? undefined : `${issue.code}: ${String(reason)}`;
  return planFailure(issue.code, detail, cause);
}

/**
 * Checks a calendar's fields and returns them normalized: the name trimmed, weekdays and holidays
 * ascending without repeats, the site trimmed. Throws `plan.textMissing` (name),
 * `schedule.invalidWeekday`, `schedule.noWorkingWeekday` or `schedule.invalidDate` (field
 * `holidays`).
 */
export function checkCalendarInput(input: CalendarInput): CalendarData {
  const name = requireText(input.name, 'name');
  const badWeekday = input.workingWeekdays.find((weekday) => !Number.isInteger(weekday) || weekday < 1 || weekday > 7);
  if (badWeekday !== undefined) throw planFailure('schedule.invalidWeekday', { field: 'workingWeekdays', value: badWeekday });
  if (input.workingWeekdays.length === 0) throw planFailure('schedule.noWorkingWeekday', { field: 'workingWeekdays' });
  const badHoliday = input.holidays.find((holiday): boolean => !isCalendarDate(holiday));
  if (badHoliday !== undefined) throw planFailure('schedule.invalidDate', { field: 'holidays', value: badHoliday, reason: 'holidays' });
  return {
    name,
    workingWeekdays: [...new Set(input.workingWeekdays)].sort((a, b) => a - b),
    holidays: [...new Set(input.holidays)].sort(),
    site: input.site?.trim() ?? '',
  };
}

/**
 * Returns the plan's tasks and dependencies as the screens and edits see them. A merge can leave
 * references to records another laptop deleted: such a task's parent becomes the top level, its
 * missing calendar the plan's calendar, and a link to a missing task is left out. The stored
 * records keep their values until an edit writes them.
 */
export function repairPlanState(tasks: readonly Task[], dependencies: readonly Dependency[], calendarIds: ReadonlySet<Id>): PlanState {
  const taskIds = new Set(tasks.map((task) => task.id));
  const repaired = tasks.map((task): Task => {
    const parentId = task.parentId !== null && taskIds.has(task.parentId) ? task.parentId : null;
    const calendarId = task.calendarId !== null && calendarIds.has(task.calendarId) ? task.calendarId : null;
    return parentId === task.parentId && calendarId === task.calendarId ? task : { ...task, parentId, calendarId };
  });
  const links = dependencies.filter((link) => taskIds.has(link.predecessorId) && taskIds.has(link.successorId));
  return { tasks: repaired, dependencies: links };
}

/** Builds the scheduling engine's input from a plan and its edit state. */
export function scheduleInputOf(
  plan: Pick<Plan, 'startOn' | 'calendarId'>,
  state: PlanState,
  calendars: readonly Calendar[],
): ScheduleInput {
  return { plan: { startOn: plan.startOn, calendarId: plan.calendarId }, tasks: state.tasks, dependencies: state.dependencies, calendars };
}

/** Reads one plan's records and every calendar; `null` when there is no plan with `planId`. Call it inside a transaction for a consistent view. */
export async function readPlanRecords(db: PortfolioDb, planId: Id): Promise<PlanRecords | null> {
  const plan = await db.plans.get(planId);
  if (plan === undefined) return null;
  const [tasks, dependencies, baselines, calendars] = await Promise.all([
    db.planTasks.where('planId').equals(planId).toArray(),
    db.planDependencies.where('planId').equals(planId).toArray(),
    db.planBaselines.where('planId').equals(planId).toArray(),
    db.planCalendars.toArray(),
  ]);
  return { plan, tasks, dependencies, baselines, calendars };
}
