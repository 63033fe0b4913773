/**
 * Task order shared by the exporters: depth first, each summary task before its children,
 * siblings by `order` and then id, as the plan model orders them.
 */
import type { TaskData } from '../../domain/plan';
import type { Id } from '../../domain/types';
import type { WithId } from '../model';

export type OrderableTask = WithId<Pick<TaskData, 'parentId' | 'order'>>;

/** Returns the tasks depth first with the outline level of each, 1 at the top. Tasks under an unknown parent are placed at the top. */
export function outlineOrder<T extends OrderableTask>(tasks: readonly T[]): { task: T; level: number }[] {
  const ids = new Set(tasks.map((task) => task.id));
  const childrenOf = new Map<Id | null, T[]>();
  for (const task of tasks) {
    const parent = task.parentId !== null && ids.has(task.parentId) ? task.parentId : null;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(task);
    childrenOf.set(parent, siblings);
  }
  for (const siblings of childrenOf.values()) {
    siblings.sort((a, b) => a.order - b.order || compareIds(a.id, b.id));
  }
  const ordered: { task: T; level: number }[] = [];
  const visit = (parent: Id | null, level: number): void => {
    for (const task of childrenOf.get(parent) ?? []) {
      ordered.push({ task, level });
      visit(task.id, level + 1);
    }
  };
  visit(null, 1);
  return ordered;
}

function compareIds(a: Id, b: Id): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
