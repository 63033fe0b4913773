/**
 * Values of leaf tasks from the two passes, and of summary tasks rolled up from their children.
 *
 * Summary progress is the mean of the progress of its leaf tasks weighted by their working days
 * (early start to early finish on each leaf's calendar). That weight does not depend on whether
 * the leaf tasks run one after another or side by side. A milestone weighs nothing, so an open
 * milestone (progress below 100) caps its summary tasks at 99 instead: a phase is not complete
 * until its gate is passed. A summary whose leaf tasks are all milestones takes their plain mean.
 */
import type { PlanGraph } from './model';

/** Day boundaries of each node, as used by `workingCalendar.ts`. */
export interface PassResult {
  readonly earlyStart: Int32Array;
  readonly earlyFinish: Int32Array;
  readonly lateStart: Int32Array;
  readonly lateFinish: Int32Array;
}

export interface RolledValues {
  /** Day boundaries, as in `workingCalendar.ts`. */
  readonly earlyStart: number;
  readonly earlyFinish: number;
  readonly lateStart: number;
  readonly lateFinish: number;
  readonly totalFloat: number;
  readonly workingDays: number;
  readonly progress: number;
}

export interface RolledSchedule {
  /** Values of each node. */
  readonly leaves: readonly RolledValues[];
  /** Values of each summary task, by task index. */
  readonly summaries: ReadonlyMap<number, RolledValues>;
  /** Earliest early start boundary of any task, or the plan start. */
  readonly planStart: number;
  /**
   * End of the last day any task occupies, or the plan start for an empty plan. A milestone
   * occupies the day it is dated on.
   */
  readonly planFinish: number;
}

/** Highest progress a summary task shows while any leaf task below it is open. */
const openSummaryCap = 99;

interface ProgressSums {
  weighted: number;
  weight: number;
  plain: number;
  leaves: number;
  open: boolean;
}

/** Returns the end of the last day a task occupies; a milestone occupies the day it is dated on. */
function dayEnd(start: number, finish: number): number {
  return finish > start ? finish : start + 1;
}

export function rollUpSummaries(graph: PlanGraph, passes: PassResult): RolledSchedule {
  const leaves: RolledValues[] = [];
  let planStart = Number.POSITIVE_INFINITY;
  let planFinish = graph.planStart;
  for (let node = 0; node < graph.leafTask.length; node += 1) {
    const calendar = graph.calendar[node];
    const task = graph.tasks[graph.leafTask[node] ?? 0];
    const earlyStart = passes.earlyStart[node] ?? 0;
    const earlyFinish = passes.earlyFinish[node] ?? 0;
    const lateStart = passes.lateStart[node] ?? 0;
    if (calendar === undefined || task === undefined) {
      throw new Error(`Node ${String(node)} has no task or calendar`);
    }
    leaves.push({
      earlyStart,
      earlyFinish,
      lateStart,
      lateFinish: passes.lateFinish[node] ?? 0,
      totalFloat: calendar.workingDaysBetween(earlyStart, lateStart),
      workingDays: calendar.workingDaysBetween(earlyStart, earlyFinish),
      progress: task.progress,
    });
    planStart = Math.min(planStart, earlyStart);
    planFinish = Math.max(planFinish, dayEnd(earlyStart, earlyFinish));
  }

  const summaries = new Map<number, RolledValues>();
  const visit = (index: number): { values: RolledValues; sums: ProgressSums } => {
    const node = graph.nodeOfTask[index] ?? -1;
    const leaf = leaves[node];
    if (leaf !== undefined) {
      const weight = leaf.workingDays;
      const sums = { weighted: weight * leaf.progress, weight, plain: leaf.progress, leaves: 1, open: leaf.progress < 100 };
      return { values: leaf, sums };
    }

    const sums: ProgressSums = { weighted: 0, weight: 0, plain: 0, leaves: 0, open: false };
    let earlyStart = Number.POSITIVE_INFINITY;
    let earlyFinish = Number.NEGATIVE_INFINITY;
    let lateStart = Number.POSITIVE_INFINITY;
    let lateFinish = Number.NEGATIVE_INFINITY;
    let totalFloat = Number.POSITIVE_INFINITY;

    for (const child of graph.children[index] ?? []) {
      const result = visit(child);
      earlyStart = Math.min(earlyStart, result.values.earlyStart);
      earlyFinish = Math.max(earlyFinish, dayEnd(result.values.earlyStart, result.values.earlyFinish));
      lateStart = Math.min(lateStart, result.values.lateStart);
      lateFinish = Math.max(lateFinish, dayEnd(result.values.lateStart, result.values.lateFinish));
      totalFloat = Math.min(totalFloat, result.values.totalFloat);
      sums.weighted += result.sums.weighted;
      sums.weight += result.sums.weight;
      sums.plain += result.sums.plain;
      sums.leaves += result.sums.leaves;
      sums.open ||= result.sums.open;
    }

    const mean = sums.weight > 0 ? sums.weighted / sums.weight : sums.plain / sums.leaves;
    const calendar = graph.taskCalendar[index];
    const values: RolledValues = {
      earlyStart,
      earlyFinish,
      lateStart,
      lateFinish,
      totalFloat,
      workingDays: calendar === undefined ? 0 : calendar.workingDaysBetween(earlyStart, earlyFinish),
      progress: sums.open ? Math.min(mean, openSummaryCap) : mean,
    };
    summaries.set(index, values);
    return { values, sums };
  };
  graph.tasks.forEach((task, index) => {
    if (task.parentId === null && (graph.nodeOfTask[index] ?? -1) === -1) {
      visit(index);
    }
  });

  return { leaves, summaries, planStart: Number.isFinite(planStart) ? planStart : graph.planStart, planFinish };
}
