/**
 * The plan screen's edit state: tasks and dependencies as the Gantt edits them, with the undo
 * history (`EditStep` of `shared/schedule/commands.ts`). Pure helpers that build it from stored
 * records, compare it with them, and rename ids that the repository re-issued.
 */
import type { Dependency, Task } from '@shared/domain/plan';
import type { Id } from '@shared/domain/types';
import { emptyHistory } from '@shared/schedule/commands';
import type { EditStep, PlanDependency, PlanState, PlanTask } from '@shared/schedule/commands';
import { compareText } from '@shared/sync/mergeFields';
import { renameCommandIds } from '../../db/plansCommands';

/** Returns a task's data fields and id, without the sync fields the Gantt does not need. */
export function toPlanTask(task: Task | PlanTask): PlanTask {
  const {
    id,
    planId,
    parentId,
    order,
    name,
    duration,
    durationUnit,
    startNoEarlierThan,
    progress,
    owner,
    notes,
    calendarId,
    goNoGo,
    templateKey,
  } = task;
  return {
    id,
    planId,
    parentId,
    order,
    name,
    duration,
    durationUnit,
    startNoEarlierThan,
    progress,
    owner,
    notes,
    calendarId,
    goNoGo,
    templateKey,
  };
}

export function toPlanDependency(link: Dependency | PlanDependency): PlanDependency {
  const { id, planId, predecessorId, successorId, type, lag, lagUnit } = link;
  return { id, planId, predecessorId, successorId, type, lag, lagUnit };
}

/** Returns the edit state of stored (and repaired) records, sorted by id so two reads compare equal. */
export function planStateOf(state: PlanState): PlanState {
  const byId = (a: { readonly id: Id }, b: { readonly id: Id }) => compareText(a.id, b.id);
  return { tasks: state.tasks.map(toPlanTask).sort(byId), dependencies: state.dependencies.map(toPlanDependency).sort(byId) };
}

/** Starts the history of a plan's stored state. */
export function initialStep(state: PlanState): EditStep {
  return { state: planStateOf(state), history: emptyHistory };
}

/** Checks whether two edit states hold the same tasks and dependencies, in any order. */
export function sameState(a: PlanState, b: PlanState): boolean {
  return JSON.stringify(planStateOf(a)) === JSON.stringify(planStateOf(b));
}

/**
 * Returns `step` with every id of `renamed` replaced, in the state and in both history lists.
 * The repository re-issues the id of a task or link added again after its deletion, and later
 * undo and redo steps must name the stored id.
 */
export function renamePlanIds(step: EditStep, renamed: ReadonlyMap<Id, Id>): EditStep {
  if (renamed.size === 0) return step;
  const rename = (id: Id): Id => renamed.get(id) ?? id;
  const tasks = step.state.tasks.map((task) => ({
    ...task,
    id: rename(task.id),
    parentId: task.parentId === null ? null : rename(task.parentId),
  }));
  const dependencies = step.state.dependencies.map((link) => ({
    ...link,
    id: rename(link.id),
    predecessorId: rename(link.predecessorId),
    successorId: rename(link.successorId),
  }));
  return {
    state: { tasks, dependencies },
    history: {
      done: step.history.done.map((command) => renameCommandIds(command, renamed)),
      undone: step.history.undone.map((command) => renameCommandIds(command, renamed)),
    },
  };
}
