/**
 * Rows of the Gantt view: the plan's tasks in outline order, with their depth and WBS code, and
 * the rows left visible when summary tasks are collapsed. Each summary task comes before its
 * children, and siblings follow `order`, then id, as the scheduling engine orders them.
 */
import type { PlanTask } from '@shared/schedule/commands';
import type { Id } from '@shared/domain/types';

export interface TaskRow {
  readonly task: PlanTask;
  /** Index of the task in the plan state's task list. */
  readonly taskIndex: number;
  /** 0 for a top-level task. */
  readonly depth: number;
  /** Work breakdown structure code: positions among siblings joined by dots, for example `2.3`. */
  readonly wbs: string;
  readonly childCount: number;
}

function compareSiblings(left: PlanTask, right: PlanTask): number {
  if (left.order !== right.order) return left.order - right.order;
  if (left.id === right.id) return 0;
  return left.id < right.id ? -1 : 1;
}

/**
 * Lists every task once in outline order. A task whose parent is missing, or that sits in a
 * loop of parents, is listed at the top level after the others, so no task disappears from the
 * view while the engine reports the broken hierarchy.
 */
export function buildTaskRows(tasks: readonly PlanTask[]): TaskRow[] {
  const indexById = new Map<Id, number>();
  tasks.forEach((task, index) => indexById.set(task.id, index));
  const children = new Map<Id | null, number[]>();
  tasks.forEach((task, index) => {
    const parent = task.parentId !== null && indexById.has(task.parentId) ? task.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(index);
    children.set(parent, list);
  });
  for (const list of children.values()) {
    list.sort((a, b) => compareSiblings(tasks[a] as PlanTask, tasks[b] as PlanTask));
  }

  const rows: TaskRow[] = [];
  const listed = new Uint8Array(tasks.length);
  let topLevelCount = 0;
  // An explicit stack instead of recursion, because an imported outline can be thousands of levels deep.
  const visit = (rootIndexes: readonly number[]): void => {
    const stack: { indexes: readonly number[]; position: number; prefix: string; depth: number }[] = [
      { indexes: rootIndexes, position: 0, prefix: '', depth: 0 },
    ];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as (typeof stack)[number];
      if (frame.position >= frame.indexes.length) {
        stack.pop();
        continue;
      }
      const index = frame.indexes[frame.position] as number;
      frame.position += 1;
      const task = tasks[index];
      if (task === undefined || listed[index] === 1) continue;
      listed[index] = 1;
      if (frame.depth === 0) topLevelCount += 1;
      const number = frame.depth === 0 ? topLevelCount : frame.position;
      const wbs = frame.prefix === '' ? String(number) : `${frame.prefix}.${number}`;
      const own = children.get(task.id) ?? [];
      rows.push({ task, taskIndex: index, depth: frame.depth, wbs, childCount: own.length });
      if (own.length > 0) stack.push({ indexes: own, position: 0, prefix: wbs, depth: frame.depth + 1 });
    }
  };
  visit(children.get(null) ?? []);
  // Tasks in a loop of parents are not reachable from the top level.
  for (let index = 0; index < tasks.length; index += 1) {
    if (listed[index] === 0) visit([index]);
  }
  return rows;
}

/** Returns the rows left when the summary tasks in `collapsed` hide the tasks below them. */
export function visibleRows(rows: readonly TaskRow[], collapsed: ReadonlySet<Id>): TaskRow[] {
  if (collapsed.size === 0) return [...rows];
  const visible: TaskRow[] = [];
  let hiddenBelowDepth = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    if (row.depth > hiddenBelowDepth) continue;
    hiddenBelowDepth = Number.POSITIVE_INFINITY;
    visible.push(row);
    if (row.childCount > 0 && collapsed.has(row.task.id)) hiddenBelowDepth = row.depth;
  }
  return visible;
}
