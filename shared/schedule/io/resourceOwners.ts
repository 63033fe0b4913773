/**
 * Resource assignments read from a project file, turned into task owners: a task's owner is
 * the names of the resources assigned to it, in the file's order, joined with ", ".
 */
import type { ImportNotes } from './planBuilder';

/** Separator between resource names in an owner, as the MSPDI export splits it again. */
export const ownerSeparator = ', ';

export interface SourceAssignment {
  /** Key of the task, as `SourceTask.key`. */
  readonly taskKey: string;
  /** Identifier of the resource in the file. */
  readonly resourceKey: string;
}

/**
 * Returns the owner of each task that has at least one named resource assigned, by task key,
 * and reports the conversion, each task whose owner joins several names, and what was left
 * out: an assignment to a task not in `taskNames` or to a resource without a name, and a named
 * resource without an assignment. `resources` maps resource keys to names, `taskNames` task
 * keys to task names.
 */
export function ownersFromAssignments(
  resources: ReadonlyMap<string, string>,
  assignments: readonly SourceAssignment[],
  taskNames: ReadonlyMap<string, string>,
  notes: ImportNotes,
): Map<string, string> {
  const namesByTask = new Map<string, string[]>();
  const usedResources = new Set<string>();
  let droppedAssignments = 0;
  for (const assignment of assignments) {
    const name = resources.get(assignment.resourceKey)?.trim() ?? '';
    if (name === '' || !taskNames.has(assignment.taskKey)) {
      droppedAssignments += 1;
      continue;
    }
    usedResources.add(assignment.resourceKey);
    const names = namesByTask.get(assignment.taskKey) ?? [];
    if (!names.includes(name)) {
      names.push(name);
    }
    namesByTask.set(assignment.taskKey, names);
  }

  if (namesByTask.size > 0) {
    notes.changed('resourcesAsOwners', { count: namesByTask.size });
  }
  const ownerByTask = new Map<string, string>();
  for (const [taskKey, names] of namesByTask) {
    const owner = names.join(ownerSeparator);
    ownerByTask.set(taskKey, owner);
    if (names.length > 1) {
      notes.changed('ownersJoined', { task: taskNames.get(taskKey)?.trim() ?? '', count: names.length, owner });
    }
  }
  const unusedResources = [...resources].filter(([key, name]) => name.trim() !== '' && !usedResources.has(key)).length;
  notes.droppedCount('resourcesDropped', unusedResources);
  notes.droppedCount('assignmentsDropped', droppedAssignments);
  return ownerByTask;
}
