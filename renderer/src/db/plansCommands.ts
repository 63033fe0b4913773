/**
 * Stores the edit commands of the plan screen (`EditCommand` of `shared/schedule/commands.ts`).
 * One command, a batch included, is checked as a whole against the stored plan and then written
 * in one transaction through `insertRecord`, `updateRecord` and `deleteRecord`. So each changed
 * task and link gets field clocks and an audit entry like any other record.
 */
import type { TaskData } from '@shared/domain/plan';
import type { Id } from '@shared/domain/types';
import { applyCommand } from '@shared/schedule/commands';
import type { EditCommand, PlanDependency, PlanState, PlanTask } from '@shared/schedule/commands';
import { isCalendarDate } from '@shared/schedule/days';
import { schedulePlan } from '@shared/schedule/engine';
import type { ScheduleIssue } from '@shared/schedule/issues';
import { sameValue } from '@shared/sync/fieldClocks';
import { v7 as uuidv7 } from 'uuid';
import type { DeviceContext } from './clockStore';
import type { PortfolioDb } from './portfolioDb';
import { deleteRecord, insertRecord, updateRecord } from './repository';
import { getOrFail, inPlanTransaction, planFailure, repairPlanState, scheduleFailure, scheduleInputOf } from './plansSupport';

/** Leaf commands: every kind but `batch`. */
type LeafCommand = Exclude<EditCommand, { readonly kind: 'batch' }>;

/** Result of a stored command. */
export interface StoredCommand {
  /**
   * New ids of records the command added again after they were deleted, by the id the command
   * gave them. A deleted id stays deleted for good once other laptops merge its tombstone, so
   * such a record is stored under a fresh id, and the screen renames it in its history
   * (`renamePlanIds`).
   */
  readonly renamedIds: ReadonlyMap<Id, Id>;
}

/** Largest duration and lag the scheduling engine accepts, in days. */
const maxDays = 100_000;

/** Returns the leaf commands of `command` in the order they apply. */
export function leafCommands(command: EditCommand): LeafCommand[] {
  return command.kind === 'batch' ? command.commands.flatMap(leafCommands) : [command];
}

/** Returns `command` with every id in `renamed` replaced: record ids, parents and link ends. */
export function renameCommandIds<C extends EditCommand>(command: C, renamed: ReadonlyMap<Id, Id>): C {
  if (renamed.size === 0) return command;
  const rename = (id: Id): Id => renamed.get(id) ?? id;
  const renameTask = (task: PlanTask): PlanTask => ({
    ...task,
    id: rename(task.id),
    parentId: task.parentId === null ? null : rename(task.parentId),
  });
  const renameLink = (link: PlanDependency): PlanDependency => ({
    ...link,
    id: rename(link.id),
    predecessorId: rename(link.predecessorId),
    successorId: rename(link.successorId),
  });
  const renamePatch = (patch: Partial<TaskData>): Partial<TaskData> =>
    typeof patch.parentId === 'string' ? { ...patch, parentId: rename(patch.parentId) } : patch;
  const renamedCommand: EditCommand = (() => {
    switch (command.kind) {
      case 'updateTask':
        return { ...command, taskId: rename(command.taskId), before: renamePatch(command.before), after: renamePatch(command.after) };
      case 'addTask':
      case 'removeTask':
        return { ...command, task: renameTask(command.task) };
      case 'addDependency':
      case 'removeDependency':
        return { ...command, dependency: renameLink(command.dependency) };
      case 'batch':
        return { ...command, commands: command.commands.map((inner) => renameCommandIds(inner, renamed)) };
    }
  })();
  return renamedCommand as C;
}

/** Throws the failure of the first invalid field of a task, as the scheduling engine names them. */
function checkTaskFields(task: Partial<TaskData>, name: string, taskId: Id): void {
  const fail = (code: ScheduleIssue['code'], field: string, value: string | number): never => {
    throw planFailure(code, { task: name, field, value, recordId: taskId, reason: field });
  };
  if (task.duration !== undefined && (!Number.isInteger(task.duration) || task.duration < 0 || task.duration > maxDays)) {
    fail('schedule.invalidDuration', 'duration', task.duration);
  }
  if (task.progress !== undefined && (!Number.isFinite(task.progress) || task.progress < 0 || task.progress > 100)) {
    fail('schedule.invalidProgress', 'progress', task.progress);
  }
  if (task.startNoEarlierThan !== undefined && task.startNoEarlierThan !== null && !isCalendarDate(task.startNoEarlierThan)) {
    fail('schedule.invalidDate', 'startNoEarlierThan', task.startNoEarlierThan);
  }
}

/** Checks one link's own fields: two different tasks and a whole lag within the engine's range. */
function checkLinkFields(link: PlanDependency): void {
  if (link.predecessorId === link.successorId) {
    throw planFailure('schedule.selfDependency', { field: 'successorId', recordId: link.id });
  }
  if (!Number.isInteger(link.lag) || Math.abs(link.lag) > maxDays) {
    throw planFailure('schedule.invalidLag', { field: 'lag', value: link.lag, recordId: link.id });
  }
}

/** The plan's stored records and what the command does to them, built before anything is written. */
class CommandCheck {
  state: PlanState;
  readonly removedTaskIds = new Set<Id>();
  readonly renamedIds = new Map<Id, Id>();

  constructor(
    private readonly planId: Id,
    stored: PlanState,
    private readonly calendarIds: ReadonlySet<Id>,
    private readonly usedIds: ReadonlySet<Id>,
  ) {
    this.state = stored;
  }

  private task(id: Id): PlanTask | undefined {
    return this.state.tasks.find((task) => task.id === id);
  }

  private taskName(id: Id): string {
    return this.task(id)?.name ?? id;
  }

  /** Returns a fresh id for `id` when the database already used it, so a deleted record never comes back under its old id. */
  private storedId(id: Id): Id {
    if (!this.usedIds.has(id)) return id;
    const fresh = uuidv7();
    this.renamedIds.set(id, fresh);
    return fresh;
  }

  private outdated(taskId: Id, name: string): never {
    throw planFailure('plan.editOutdated', { task: name, recordId: taskId });
  }

  private checkReferences(task: Partial<TaskData>, taskId: Id, name: string): void {
    if (task.planId !== undefined && task.planId !== this.planId) {
      throw planFailure('plan.wrongPlan', { table: 'planTasks', id: taskId, planId: this.planId });
    }
    if (typeof task.parentId === 'string' && this.task(task.parentId) === undefined) {
      throw planFailure('schedule.unknownParent', { task: name, parentId: task.parentId, field: 'parentId', recordId: taskId });
    }
    if (typeof task.calendarId === 'string' && !this.calendarIds.has(task.calendarId)) {
      throw planFailure('schedule.unknownCalendar', { task: name, calendarId: task.calendarId, field: 'calendarId', recordId: taskId });
    }
  }

  /** Checks one leaf command against the state so far and applies it; returns the command as it will be stored. */
  apply(original: LeafCommand): LeafCommand {
    const command = renameCommandIds(original, this.renamedIds);
    switch (command.kind) {
      case 'updateTask': {
        const current = this.task(command.taskId);
        if (current === undefined) this.outdated(command.taskId, command.taskId);
        for (const [field, value] of Object.entries(command.before)) {
          if (!sameValue(current[field as keyof TaskData], value)) this.outdated(current.id, current.name);
        }
        checkTaskFields(command.after, current.name, current.id);
        this.checkReferences(command.after, current.id, current.name);
        break;
      }
      case 'addTask': {
        if (this.task(command.task.id) !== undefined) this.outdated(command.task.id, command.task.name);
        const stored = this.storedId(command.task.id);
        const added = renameCommandIds(command, new Map(stored === command.task.id ? [] : [[command.task.id, stored]]));
        checkTaskFields(added.task, added.task.name, added.task.id);
        this.checkReferences(added.task, added.task.id, added.task.name);
        this.removedTaskIds.delete(added.task.id);
        this.state = applyCommand(this.state, added);
        return added;
      }
      case 'removeTask':
        if (this.task(command.task.id) === undefined) this.outdated(command.task.id, command.task.name);
        this.removedTaskIds.add(command.task.id);
        break;
      case 'addDependency': {
        const link = command.dependency;
        if (link.planId !== this.planId)
          throw planFailure('plan.wrongPlan', { table: 'planDependencies', id: link.id, planId: this.planId });
        if (this.state.dependencies.some((existing) => existing.id === link.id))
          this.outdated(link.successorId, this.taskName(link.successorId));
        for (const end of [link.predecessorId, link.successorId]) {
          if (this.task(end) === undefined) throw planFailure('schedule.unknownTask', { taskId: end, recordId: link.id });
        }
        checkLinkFields(link);
        const linked = this.state.dependencies.some(
          (existing) =>
            (existing.predecessorId === link.predecessorId && existing.successorId === link.successorId) ||
            (existing.predecessorId === link.successorId && existing.successorId === link.predecessorId),
        );
        if (linked) throw planFailure('schedule.duplicateDependency', { predecessorId: link.predecessorId, recordId: link.successorId });
        const stored = this.storedId(link.id);
        const added = renameCommandIds(command, new Map(stored === link.id ? [] : [[link.id, stored]]));
        this.state = applyCommand(this.state, added);
        return added;
      }
      case 'removeDependency':
        if (!this.state.dependencies.some((existing) => existing.id === command.dependency.id)) {
          this.outdated(command.dependency.successorId, this.taskName(command.dependency.successorId));
        }
        break;
    }
    this.state = applyCommand(this.state, command);
    return command;
  }

  /** Throws `plan.taskInUse` when a removed task still has tasks below it or links in the final state. */
  checkRemovedTasks(names: ReadonlyMap<Id, string>): void {
    for (const id of this.removedTaskIds) {
      const child = this.state.tasks.some((task) => task.parentId === id);
      const linked = this.state.dependencies.some((link) => link.predecessorId === id || link.successorId === id);
      if (child || linked) throw planFailure('plan.taskInUse', { task: names.get(id) ?? id, recordId: id });
    }
  }
}

/** Returns the errors of a schedule outcome, or none when it could be scheduled. */
function scheduleErrors(issues: readonly ScheduleIssue[], ok: boolean): ScheduleIssue[] {
  return ok ? [] : issues.filter((issue) => issue.severity === 'error');
}

/** Writes one checked leaf command. */
async function writeCommand(db: PortfolioDb, command: LeafCommand, context: DeviceContext): Promise<void> {
  switch (command.kind) {
    case 'updateTask':
      await updateRecord(db, 'planTasks', command.taskId, command.after, context);
      return;
    case 'addTask': {
      const { id, ...data } = command.task;
      await insertRecord(db, 'planTasks', data, context, id);
      return;
    }
    case 'removeTask':
      await deleteRecord(db, 'planTasks', command.task.id, context);
      return;
    case 'addDependency': {
      const { id, ...data } = command.dependency;
      await insertRecord(db, 'planDependencies', data, context, id);
      return;
    }
    case 'removeDependency':
      await deleteRecord(db, 'planDependencies', command.dependency.id, context);
      return;
  }
}

/**
 * Stores one edit command of the plan `planId` in one transaction. The command must match the
 * stored plan: a task it updates must still have the values of `before`, and records it removes
 * must still exist. Otherwise it rejects with `plan.editOutdated`, because another window or an
 * import changed the plan since the command was made. Other rejections, which also write
 * nothing: a task or link of another plan (`plan.wrongPlan`), an invalid value (`schedule.*`),
 * and a removed task that keeps tasks below it or links (`plan.taskInUse`). A command is also
 * rejected when it makes a plan that could be scheduled unschedulable, for example by closing a
 * loop of links (`schedule.dependencyCycle`, naming the tasks of the loop).
 */
export async function applyPlanCommand(db: PortfolioDb, planId: Id, command: EditCommand, context: DeviceContext): Promise<StoredCommand> {
  return await inPlanTransaction(db, { table: 'plans', id: planId }, async () => {
    const plan = await getOrFail(db, 'plans', planId);
    const [tasks, dependencies, calendars] = await Promise.all([
      db.planTasks.where('planId').equals(planId).toArray(),
      db.planDependencies.where('planId').equals(planId).toArray(),
      db.planCalendars.toArray(),
    ]);
    const calendarIds = new Set(calendars.map((calendar) => calendar.id));
    const stored = repairPlanState(tasks, dependencies, calendarIds);
    const leaves = leafCommands(command);
    const addedIds: Id[] = [];
    for (const leaf of leaves) {
      if (leaf.kind === 'addTask') addedIds.push(leaf.task.id);
      if (leaf.kind === 'addDependency') addedIds.push(leaf.dependency.id);
    }
    const usedIds = await storedIds(db, addedIds);

    const check = new CommandCheck(planId, stored, calendarIds, usedIds);
    const checked = leaves.map((leaf) => check.apply(leaf));
    check.checkRemovedTasks(new Map(tasks.map((task) => [task.id, task.name])));

    const before = schedulePlan(scheduleInputOf(plan, stored, calendars));
    const after = schedulePlan(scheduleInputOf(plan, check.state, calendars));
    const known = new Set(scheduleErrors(before.issues, before.ok).map((issue) => issue.code));
    const introduced = scheduleErrors(after.issues, after.ok).find((issue) => !known.has(issue.code));
    if (introduced !== undefined) throw scheduleFailure(introduced);

    for (const leaf of checked) await writeCommand(db, leaf, context);
    return { renamedIds: check.renamedIds };
  });
}

/** Returns those of `ids` that a record or a tombstone of this database already uses. */
async function storedIds(db: PortfolioDb, ids: readonly Id[]): Promise<Set<Id>> {
  if (ids.length === 0) return new Set();
  const [tombstones, tasks, dependencies] = await Promise.all([
    db.tombstones.bulkGet([...ids]),
    db.planTasks.bulkGet([...ids]),
    db.planDependencies.bulkGet([...ids]),
  ]);
  const used = new Set<Id>();
  for (const record of [...tombstones, ...tasks, ...dependencies]) {
    if (record !== undefined) used.add(record.id);
  }
  return used;
}
