/**
 * Checks an edit before it reaches the screen: the command is applied to a copy of the plan and
 * the copy is scheduled. An edit that adds a scheduling error (a cycle through summary tasks, a
 * bad duration) is rejected with the engine's message, and the plan stays as it was.
 */
import type { Id } from '@shared/domain/types';
import { applyCommand } from '@shared/schedule/commands';
import type { EditCommand, PlanState, PlanTask } from '@shared/schedule/commands';
import { schedulePlan } from '@shared/schedule/engine';
import type { ScheduleIssue } from '@shared/schedule/issues';
import type { GanttModel } from './ganttModel';
import { scheduleInputOf } from './ganttModel';

/** A sentence for the user as a translation key and its values, so that pure code stays free of i18n. */
export interface GanttMessage {
  readonly key: string;
  readonly values: Readonly<Record<string, string | number>>;
}

export type EditResult =
  /** `command` is `null` when the input changes nothing. */
  { readonly ok: true; readonly command: EditCommand | null } | { readonly ok: false; readonly message: GanttMessage };

export function rejected(key: string, values: Readonly<Record<string, string | number>> = {}): EditResult {
  return { ok: false, message: { key, values } };
}

/**
 * Turns a scheduling issue into its sentence `errors.<code>`, adding the names of the tasks it
 * names by id: `tasks` (joined by arrows, in link order) from `taskIds`, and `task` from the
 * record the issue is about.
 */
export function issueMessage(issue: ScheduleIssue, tasks: readonly PlanTask[]): GanttMessage {
  const nameOf = new Map<Id, string>(tasks.map((task) => [task.id, task.name]));
  const values: Record<string, string | number> = { ...issue.detail };
  const taskIds = issue.detail.taskIds;
  if (typeof taskIds === 'string' && values.tasks === undefined) {
    values.tasks = taskIds
      .split(',')
      .map((id) => nameOf.get(id) ?? id)
      .join(' → ');
  }
  if (values.task === undefined && issue.recordId !== null) {
    const name = nameOf.get(issue.recordId);
    if (name !== undefined) values.task = name;
  }
  const predecessorId = issue.detail.predecessorId;
  if (typeof predecessorId === 'string') values.predecessor = nameOf.get(predecessorId) ?? predecessorId;
  return { key: `errors.${issue.code}`, values };
}

function issueKey(issue: ScheduleIssue): string {
  return `${issue.code}|${issue.recordId ?? ''}|${issue.field ?? ''}`;
}

function addedDependencyIds(command: EditCommand, into: Set<Id>): Set<Id> {
  if (command.kind === 'addDependency') into.add(command.dependency.id);
  if (command.kind === 'batch') {
    for (const part of command.commands) addedDependencyIds(part, into);
  }
  return into;
}

/**
 * Accepts `command` unless the plan after it has a scheduling error that it did not have
 * before, or the engine would drop a dependency the command adds (a link between a summary task
 * and a task below it). An error the plan already had (for example from an imported file) does
 * not block edits that may fix it.
 */
export function checkCommand(model: GanttModel, command: EditCommand): EditResult {
  let after: PlanState;
  try {
    after = applyCommand(model.state, command);
  } catch {
    // The plan changed under the edit (another window, a merge); the user can retry on the fresh plan.
    return rejected('gantt.edit.outOfDate');
  }
  const outcome = schedulePlan(scheduleInputOf(model.plan, after, model.calendars));
  const addedIds = addedDependencyIds(command, new Set());
  const dropped = outcome.issues.find((issue) => issue.severity === 'warning' && issue.recordId !== null && addedIds.has(issue.recordId));
  if (dropped !== undefined) return { ok: false, message: issueMessage(dropped, after.tasks) };
  if (outcome.ok) return { ok: true, command };
  const known = new Set(model.issues.filter((issue) => issue.severity === 'error').map(issueKey));
  const added = outcome.issues.find((issue) => issue.severity === 'error' && !known.has(issueKey(issue)));
  if (added === undefined) return { ok: true, command };
  return { ok: false, message: issueMessage(added, after.tasks) };
}
