/**
 * Undo and redo for plan edits. A command carries both the old and the new values, so that
 * applying its inverse restores the state exactly. Everything here is pure: the caller keeps the
 * history and writes the resulting tasks and dependencies.
 */
import type { DependencyData, TaskData } from '../domain/plan';
import type { Id } from '../domain/types';
import type { WithId } from './model';

export type PlanTask = WithId<TaskData>;
export type PlanDependency = WithId<DependencyData>;

export interface PlanState {
  readonly tasks: readonly PlanTask[];
  readonly dependencies: readonly PlanDependency[];
}

export type EditCommand =
  | { readonly kind: 'updateTask'; readonly taskId: Id; readonly before: Partial<TaskData>; readonly after: Partial<TaskData> }
  | { readonly kind: 'addTask'; readonly task: PlanTask }
  | { readonly kind: 'removeTask'; readonly task: PlanTask }
  | { readonly kind: 'addDependency'; readonly dependency: PlanDependency }
  | { readonly kind: 'removeDependency'; readonly dependency: PlanDependency }
  /** Several commands applied in order and undone as one, for example a task removed with its links. */
  | { readonly kind: 'batch'; readonly commands: readonly EditCommand[] };

/** Builds an update command from a task and the changed values, recording the task's current values as `before`. */
export function updateTaskCommand(task: PlanTask, changes: Partial<TaskData>): EditCommand {
  const before: Record<string, unknown> = {};
  for (const key of Object.keys(changes)) {
    before[key] = task[key as keyof TaskData];
  }
  return { kind: 'updateTask', taskId: task.id, before, after: changes };
}

/** Returns the command that undoes `command`. */
export function invertCommand(command: EditCommand): EditCommand {
  switch (command.kind) {
    case 'updateTask':
      return { kind: 'updateTask', taskId: command.taskId, before: command.after, after: command.before };
    case 'addTask':
      return { kind: 'removeTask', task: command.task };
    case 'removeTask':
      return { kind: 'addTask', task: command.task };
    case 'addDependency':
      return { kind: 'removeDependency', dependency: command.dependency };
    case 'removeDependency':
      return { kind: 'addDependency', dependency: command.dependency };
    case 'batch':
      return { kind: 'batch', commands: command.commands.map(invertCommand).reverse() };
  }
}

/** Applies a command. Throws an `Error` when it names a record that is missing, or adds one that exists, because the history no longer matches the state. */
export function applyCommand(state: PlanState, command: EditCommand): PlanState {
  switch (command.kind) {
    case 'updateTask': {
      requireRecord(state.tasks, command.taskId, 'task');
      return { ...state, tasks: state.tasks.map((task) => (task.id === command.taskId ? { ...task, ...command.after } : task)) };
    }
    case 'addTask':
      requireAbsent(state.tasks, command.task.id, 'task');
      return { ...state, tasks: [...state.tasks, command.task] };
    case 'removeTask':
      requireRecord(state.tasks, command.task.id, 'task');
      return { ...state, tasks: state.tasks.filter((task) => task.id !== command.task.id) };
    case 'addDependency':
      requireAbsent(state.dependencies, command.dependency.id, 'dependency');
      return { ...state, dependencies: [...state.dependencies, command.dependency] };
    case 'removeDependency':
      requireRecord(state.dependencies, command.dependency.id, 'dependency');
      return { ...state, dependencies: state.dependencies.filter((link) => link.id !== command.dependency.id) };
    case 'batch':
      return command.commands.reduce(applyCommand, state);
  }
}

function requireRecord(records: readonly { readonly id: Id }[], id: Id, kind: string): void {
  if (!records.some((record) => record.id === id)) {
    throw new Error(`Cannot apply the edit: ${kind} ${id} not found`);
  }
}

function requireAbsent(records: readonly { readonly id: Id }[], id: Id, kind: string): void {
  if (records.some((record) => record.id === id)) {
    throw new Error(`Cannot apply the edit: ${kind} ${id} already exists`);
  }
}

export interface EditHistory {
  /** Commands applied, oldest first. */
  readonly done: readonly EditCommand[];
  /** Commands undone, most recently undone last. */
  readonly undone: readonly EditCommand[];
}

export const emptyHistory: EditHistory = { done: [], undone: [] };

/** Oldest commands beyond this count are forgotten. */
export const maxHistory = 200;

export interface EditStep {
  readonly state: PlanState;
  readonly history: EditHistory;
}

/** Applies a new command and records it; the redo list is cleared, as in every editor. */
export function execute(step: EditStep, command: EditCommand): EditStep {
  const done = [...step.history.done, command].slice(-maxHistory);
  return { state: applyCommand(step.state, command), history: { done, undone: [] } };
}

/** Undoes the last command, or returns `step` unchanged when there is none. */
export function undo(step: EditStep): EditStep {
  const last = step.history.done.at(-1);
  if (last === undefined) {
    return step;
  }
  return {
    state: applyCommand(step.state, invertCommand(last)),
    history: { done: step.history.done.slice(0, -1), undone: [...step.history.undone, last] },
  };
}

/** Applies the last undone command again, or returns `step` unchanged when there is none. */
export function redo(step: EditStep): EditStep {
  const last = step.history.undone.at(-1);
  if (last === undefined) {
    return step;
  }
  return {
    state: applyCommand(step.state, last),
    history: { done: [...step.history.done, last], undone: step.history.undone.slice(0, -1) },
  };
}
