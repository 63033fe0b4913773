/**
 * Repository of transition plans: the writes and reads the plan screens use. Each function checks
 * its input first and then writes in one transaction through `insertRecord`, `updateRecord` and
 * `deleteRecord`, so every change gets field clocks and an audit entry. A rejected call throws a
 * coded `AppFailure` (`plan.*`, `schedule.*`, or `storage.notFound` for an unknown id) and writes
 * nothing.
 *
 * A plan's contract must be a contract with the plan's provider. A plan without a provider has no
 * contract.
 *
 * Calendars belong to the portfolio, not to one plan: a site calendar such as "Pune" can serve
 * several plans. Edit commands live in `plansCommands.ts` and project files in `plansFile.ts`;
 * this module re-exports them, so screens import from here only.
 */
import type { Baseline, Calendar, CalendarData, Plan, PlanData } from '@shared/domain/plan';
import type { CalendarDate, Id } from '@shared/domain/types';
import { takeBaseline } from '@shared/schedule/baseline';
import { schedulePlan } from '@shared/schedule/engine';
import { builtInPlanTemplates, instantiatePlanTemplate } from '@shared/schedule/templates';
import type { PlanStartAfter } from '@shared/schedule/templates';
import { v7 as uuidv7 } from 'uuid';
import { reusableCalendar, uniqueCalendarName, uniqueCalendarNames } from './calendarNaming';
import type { DeviceContext } from './clockStore';
import type { PortfolioDb } from './portfolioDb';
import { createPlanFromImport as storeImportedPlan } from './plansFile';
import type { ImportedPlanOptions, PlanFilePreview } from './plansFile';
import { deleteRecord, insertRecord, updateRecord } from './repository';
import type { CalendarInput, PlanRecords } from './plansSupport';
import {
  checkCalendarInput,
  getOrFail,
  inPlanTransaction,
  planFailure,
  readPlanRecords,
  repairPlanState,
  requireDate,
  requireText,
  scheduleFailure,
  scheduleInputOf,
} from './plansSupport';

export { applyPlanCommand, renameCommandIds } from './plansCommands';
export type { StoredCommand } from './plansCommands';
export { exportPlanFile, previewPlanFile } from './plansFile';
export type { ExportedPlanFile, ImportedPlanOptions, PlanExportFormat, PlanFilePreview } from './plansFile';
export { readPlanRecords, repairPlanState, scheduleInputOf } from './plansSupport';
export type { CalendarInput, PlanRecords } from './plansSupport';

/** Key of the template that "New plan from template" uses unless another is chosen. */
export const defaultPlanTemplateKey = 'bpoTransition';

/** ISO weekdays of a Monday-to-Friday week. */
export const mondayToFriday: readonly number[] = [1, 2, 3, 4, 5];

/** Provider, contract, title and start of a new plan, and the calendar it follows. */
export interface NewPlanInput {
  readonly providerId: Id | null;
  /** Contract with `providerId` whose transition the plan schedules; `null` when omitted. */
  readonly contractId?: Id | null;
  readonly title: string;
  readonly description?: string;
  readonly startOn: CalendarDate;
  /** Existing calendar of the plan. When omitted, the plan gets its calendar from `calendar`. */
  readonly calendarId?: Id;
  /**
   * Calendar of the plan when `calendarId` is omitted, and Monday to Friday without holidays when
   * both are omitted. An equal stored calendar is reused (see `reusableCalendar`). Otherwise a new
   * one is added, named after the plan when its name is taken (see `uniqueCalendarName`).
   */
  readonly calendar?: CalendarInput;
}

export interface NewPlanFromTemplate extends NewPlanInput {
  /** Key of a built-in plan template; `defaultPlanTemplateKey` when omitted. */
  readonly template?: string;
  /** Processes that move to the provider, in order: the first takes the main path, each further one a wave; blank entries are dropped. */
  readonly processes?: readonly string[];
  /** Leaves out the template's phases up to this one and starts the plan with a completed milestone, for example after an RFP award. */
  readonly startAfter?: PlanStartAfter;
  /**
   * Calendars of delivery sites to create with the plan. Its tasks still follow the plan's
   * calendar until a task is given a site calendar. A name that another calendar already has gets
   * the plan's title added.
   */
  readonly siteCalendars?: readonly CalendarInput[];
  /** Returns the text of a template translation key in the user's language; the default keeps the English. */
  readonly translate?: (key: string, english: string) => string;
}

/** Fields of a plan that `updatePlan` may change. */
export type PlanPatch = Partial<Pick<PlanData, 'title' | 'description' | 'startOn' | 'providerId' | 'contractId' | 'calendarId'>>;

/** Name of the calendar a new plan gets when the caller names none. */
const defaultCalendarName = 'Monday to Friday';

/**
 * Checks a plan's provider and contract. Throws `storage.notFound` for a provider or contract
 * that is not in the portfolio, and `plan.contractOfOtherProvider` for a contract with another
 * provider, or any contract while `providerId` is `null` (reason `noProvider`).
 */
async function assertProviderAndContract(db: PortfolioDb, providerId: Id | null, contractId: Id | null): Promise<void> {
  const provider = providerId === null ? null : await getOrFail(db, 'providers', providerId);
  if (contractId === null) return;
  const contract = await getOrFail(db, 'contracts', contractId);
  if (contract.providerId === providerId) return;

  const contractProvider = await db.providers.get(contract.providerId);
  throw planFailure('plan.contractOfOtherProvider', {
    field: 'contractId',
    recordId: contractId,
    contract: contract.title,
    // A contract whose provider another laptop deleted is named by the provider's id.
    contractProvider: contractProvider?.name ?? contract.providerId,
    provider: provider?.name ?? '',
    ...(provider === null ? { reason: 'noProvider' } : {}),
  });
}

/** Checks a new plan's fields; returns the trimmed title and description. */
function checkPlanInput(input: NewPlanInput): { title: string; description: string } {
  const title = requireText(input.title, 'title');
  requireDate(input.startOn, 'startOn');
  return { title, description: input.description?.trim() ?? '' };
}

/**
 * Returns the id of the plan's calendar: the chosen one after checking that it exists, an equal
 * stored calendar, or a new calendar whose name does not repeat another calendar's name.
 */
async function planCalendarId(db: PortfolioDb, input: NewPlanInput, planTitle: string, context: DeviceContext): Promise<Id> {
  if (input.calendarId !== undefined) return (await getOrFail(db, 'planCalendars', input.calendarId)).id;
  const calendar = checkCalendarInput(input.calendar ?? { name: defaultCalendarName, workingWeekdays: mondayToFriday, holidays: [] });
  const stored = await db.planCalendars.toArray();
  const reused = reusableCalendar(stored, calendar);
  if (reused !== undefined) return reused.id;
  const name = uniqueCalendarName(
    calendar.name,
    planTitle,
    stored.map((other) => other.name),
  );
  return (await insertRecord(db, 'planCalendars', { ...calendar, name }, context)).id;
}

/** Inserts the site calendars of a new plan, each under a name that no other calendar has. */
async function insertSiteCalendars(db: PortfolioDb, calendars: readonly CalendarData[], planTitle: string, context: DeviceContext) {
  const taken = (await db.planCalendars.toArray()).map((calendar) => calendar.name);
  const names = uniqueCalendarNames(
    calendars.map((calendar) => calendar.name),
    planTitle,
    taken,
  );
  for (const [index, calendar] of calendars.entries()) {
    await insertRecord(db, 'planCalendars', { ...calendar, name: names[index] ?? calendar.name }, context);
  }
}

/** Creates a plan without tasks, on a Monday-to-Friday calendar unless `input` names or describes another. */
export async function createEmptyPlan(db: PortfolioDb, input: NewPlanInput, context: DeviceContext): Promise<Plan> {
  const { title, description } = checkPlanInput(input);
  if (input.calendar !== undefined) checkCalendarInput(input.calendar);

  const contractId = input.contractId ?? null;

  return await inPlanTransaction(db, { table: 'plans' }, async () => {
    await assertProviderAndContract(db, input.providerId, contractId);
    const calendarId = await planCalendarId(db, input, title, context);
    const data: PlanData = {
      providerId: input.providerId,
      contractId,
      title,
      description,
      startOn: input.startOn,
      calendarId,
      templateKey: null,
    };
    return await insertRecord(db, 'plans', data, context);
  });
}

/**
 * Creates a plan from a built-in template for a provider and, optionally, one of its contracts, in
 * one transaction. It writes the plan's calendar, which is Monday to Friday unless `input` names
 * or describes another, and is an equal stored calendar where there is one. Then it writes the site
 * calendars, the plan, one summary task per phase and per process wave with their tasks, and the
 * template's dependencies. Rejects with `plan.textMissing`, `schedule.invalidDate`,
 * `plan.unknownTemplate`, a calendar's `schedule.*` code, `plan.contractOfOtherProvider` or
 * `storage.notFound` (provider, contract, calendar) before writing anything.
 */
export async function createPlanFromTemplate(db: PortfolioDb, input: NewPlanFromTemplate, context: DeviceContext): Promise<Plan> {
  const { title, description } = checkPlanInput(input);
  const templateKey = input.template ?? defaultPlanTemplateKey;
  const template = builtInPlanTemplates.find((candidate) => candidate.key === templateKey);
  if (template === undefined) throw planFailure('plan.unknownTemplate', { template: templateKey });
  if (input.calendar !== undefined) checkCalendarInput(input.calendar);
  const siteCalendars = (input.siteCalendars ?? []).map(checkCalendarInput);
  const processes = (input.processes ?? []).map((process) => process.trim()).filter((process) => process !== '');

  const planId = uuidv7();
  const copy = instantiatePlanTemplate(template, {
    planId,
    newId: uuidv7,
    processes,
    ...(input.translate === undefined ? {} : { translate: input.translate }),
    ...(input.startAfter === undefined ? {} : { startAfter: input.startAfter }),
  });

  const contractId = input.contractId ?? null;

  return await inPlanTransaction(db, { table: 'plans' }, async () => {
    await assertProviderAndContract(db, input.providerId, contractId);
    const calendarId = await planCalendarId(db, input, title, context);
    await insertSiteCalendars(db, siteCalendars, title, context);
    const data: PlanData = {
      providerId: input.providerId,
      contractId,
      title,
      description,
      startOn: input.startOn,
      calendarId,
      templateKey: template.key,
    };
    const plan = await insertRecord(db, 'plans', data, context, planId);
    for (const { id, ...task } of copy.tasks) await insertRecord(db, 'planTasks', task, context, id);
    for (const { id, ...dependency } of copy.dependencies) await insertRecord(db, 'planDependencies', dependency, context, id);
    return plan;
  });
}

/**
 * Changes a plan's title, description, start, provider, contract or calendar. A patch that
 * changes the provider or the contract must leave a contract with the plan's provider, or none.
 * Other patches do not check them, so a plan that a merge left on another provider's contract
 * can still be renamed. Rejects with `plan.textMissing` (empty title), `schedule.invalidDate`
 * (start), `plan.contractOfOtherProvider` or `storage.notFound` (plan, provider, contract or
 * calendar) and writes nothing.
 */
export async function updatePlan(db: PortfolioDb, planId: Id, patch: PlanPatch, context: DeviceContext): Promise<Plan> {
  const checked: Record<string, unknown> = { ...patch };
  if (patch.title !== undefined) checked.title = requireText(patch.title, 'title');
  if (patch.description !== undefined) checked.description = patch.description.trim();
  if (patch.startOn !== undefined) requireDate(patch.startOn, 'startOn');

  return await inPlanTransaction(db, { table: 'plans', id: planId }, async () => {
    const stored = await getOrFail(db, 'plans', planId);
    const providerId = patch.providerId === undefined ? stored.providerId : patch.providerId;
    const contractId = patch.contractId === undefined ? stored.contractId : patch.contractId;
    if (providerId !== stored.providerId || contractId !== stored.contractId) await assertProviderAndContract(db, providerId, contractId);
    if (patch.calendarId !== undefined) await getOrFail(db, 'planCalendars', patch.calendarId);
    return await updateRecord(db, 'plans', planId, checked as PlanPatch, context);
  });
}

/** Renames a plan; see `updatePlan`. */
export function renamePlan(db: PortfolioDb, planId: Id, title: string, context: DeviceContext): Promise<Plan> {
  return updatePlan(db, planId, { title }, context);
}

/**
 * Deletes a plan with its tasks, dependencies and baselines in one transaction, each with a
 * tombstone, so a merge deletes them on other laptops too. Calendars stay, because other plans
 * may use them. Rejects with `storage.notFound` when there is no plan with `planId`.
 */
export async function deletePlan(db: PortfolioDb, planId: Id, context: DeviceContext): Promise<void> {
  await inPlanTransaction(db, { table: 'plans', id: planId }, async () => {
    await getOrFail(db, 'plans', planId);
    const [tasks, dependencies, baselines] = await Promise.all([
      db.planTasks.where('planId').equals(planId).primaryKeys(),
      db.planDependencies.where('planId').equals(planId).primaryKeys(),
      db.planBaselines.where('planId').equals(planId).primaryKeys(),
    ]);
    for (const id of dependencies) await deleteRecord(db, 'planDependencies', id, context);
    for (const id of baselines) await deleteRecord(db, 'planBaselines', id, context);
    for (const id of tasks) await deleteRecord(db, 'planTasks', id, context);
    await deleteRecord(db, 'plans', planId, context);
  });
}

/** Reads every plan of the portfolio. */
export function listPlans(db: PortfolioDb): Promise<Plan[]> {
  return db.plans.toArray();
}

/** Reads one plan's records and every calendar; `null` when there is no plan with `planId`. */
export async function loadPlan(db: PortfolioDb, planId: Id): Promise<PlanRecords | null> {
  return await db.transaction('r', [db.plans, db.planTasks, db.planDependencies, db.planBaselines, db.planCalendars], () =>
    readPlanRecords(db, planId),
  );
}

/**
 * Stores a previewed project file as a new plan, as `createPlanFromImport` in `plansFile.ts`
 * does, and gives each of the file's calendars whose name another calendar of the portfolio
 * already has the plan's title in brackets, for example "Standard (Payroll transition)". Both
 * happen in one transaction. Rejects as that function does, and writes nothing.
 */
export async function createPlanFromImport(
  db: PortfolioDb,
  preview: PlanFilePreview,
  options: ImportedPlanOptions,
  context: DeviceContext,
): Promise<Plan> {
  return await inPlanTransaction(db, { table: 'plans', file: preview.fileName }, async () => {
    const taken = (await db.planCalendars.toArray()).map((calendar) => calendar.name);
    const plan = await storeImportedPlan(db, preview, options, context);

    const calendars = preview.imported.calendars;
    const names = uniqueCalendarNames(
      calendars.map((calendar) => calendar.name),
      plan.title,
      taken,
    );
    for (const [index, calendar] of calendars.entries()) {
      const name = names[index] ?? calendar.name;
      // The calendar was added a moment ago in this transaction, under the import's clock and
      // audit entry, so it takes the final name without a change entry of its own.
      if (name !== calendar.name) await db.planCalendars.update(calendar.id, { name });
    }
    return plan;
  });
}

/**
 * Adds a calendar to the portfolio. Rejects with `plan.textMissing` (name),
 * `schedule.invalidWeekday`, `schedule.noWorkingWeekday` or `schedule.invalidDate` (holidays).
 */
export async function createCalendar(db: PortfolioDb, input: CalendarInput, context: DeviceContext): Promise<Calendar> {
  const data = checkCalendarInput(input);
  return await inPlanTransaction(db, { table: 'planCalendars' }, () => insertRecord(db, 'planCalendars', data, context));
}

/** Changes a calendar's name, working weekdays, holidays or site, with the checks of `createCalendar`. */
export async function updateCalendar(
  db: PortfolioDb,
  calendarId: Id,
  patch: Partial<CalendarInput>,
  context: DeviceContext,
): Promise<Calendar> {
  return await inPlanTransaction(db, { table: 'planCalendars', id: calendarId }, async () => {
    const stored = await getOrFail(db, 'planCalendars', calendarId);
    const data = checkCalendarInput({ ...stored, ...patch });
    return await updateRecord(db, 'planCalendars', calendarId, data, context);
  });
}

/**
 * Deletes a calendar that no plan and no task uses. Rejects with `plan.calendarInUse`, naming a
 * plan that uses it, or `storage.notFound`.
 */
export async function deleteCalendar(db: PortfolioDb, calendarId: Id, context: DeviceContext): Promise<void> {
  await inPlanTransaction(db, { table: 'planCalendars', id: calendarId }, async () => {
    const calendar = await getOrFail(db, 'planCalendars', calendarId);
    const tasks = await db.planTasks.where('calendarId').equals(calendarId).toArray();
    // A task whose plan another laptop deleted does not count: no screen shows it.
    const taskPlans = await db.plans.bulkGet([...new Set(tasks.map((task) => task.planId))]);
    const user = (await db.plans.where('calendarId').equals(calendarId).first()) ?? taskPlans.find((plan) => plan !== undefined);
    if (user !== undefined) throw planFailure('plan.calendarInUse', { calendar: calendar.name, plan: user.title, recordId: calendarId });
    await deleteRecord(db, 'planCalendars', calendarId, context);
  });
}

/**
 * Takes a baseline of the plan's current schedule under `name` and stores it. Rejects with
 * `plan.textMissing` (name), `storage.notFound` (plan), or the first `schedule.*` error when the
 * plan cannot be scheduled.
 */
export async function saveBaseline(db: PortfolioDb, planId: Id, name: string, context: DeviceContext): Promise<Baseline> {
  const baselineName = requireText(name, 'name');
  return await inPlanTransaction(db, { table: 'planBaselines' }, async () => {
    const records = await readPlanRecords(db, planId);
    if (records === null) throw planFailure('storage.notFound', { table: 'plans', id: planId });
    const state = repairPlanState(records.tasks, records.dependencies, new Set(records.calendars.map((calendar) => calendar.id)));
    const outcome = schedulePlan(scheduleInputOf(records.plan, state, records.calendars));
    if (!outcome.ok) {
      const error = outcome.issues.find((issue) => issue.severity === 'error') ?? outcome.issues[0];
      throw error === undefined
        ? planFailure('unexpected', { id: planId }, 'schedulePlan failed without an issue')
        : scheduleFailure(error);
    }
    return await insertRecord(db, 'planBaselines', takeBaseline(planId, baselineName, context.now(), outcome.schedule), context);
  });
}

/** Deletes a baseline. Rejects with `storage.notFound` when there is none with `baselineId`. */
export async function deleteBaseline(db: PortfolioDb, baselineId: Id, context: DeviceContext): Promise<void> {
  await inPlanTransaction(db, { table: 'planBaselines', id: baselineId }, async () => {
    await deleteRecord(db, 'planBaselines', baselineId, context);
  });
}

/** Reads a plan's baselines, oldest first. */
export async function listBaselines(db: PortfolioDb, planId: Id): Promise<Baseline[]> {
  const baselines = await db.planBaselines.where('planId').equals(planId).toArray();
  // Instants are UTC ISO strings of one length, so they sort as text.
  return baselines.sort((a, b) => a.takenAt.localeCompare(b.takenAt, 'en'));
}
