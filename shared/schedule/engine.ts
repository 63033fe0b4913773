/**
 * Critical path scheduling of a transition plan: a forward pass for early dates, a backward
 * pass for late dates, total float and the critical path, over the leaf tasks in topological
 * order (Kahn's algorithm). Summary tasks take their dates, float and progress from the tasks
 * below them. Date conventions are those of `shared/domain/plan.ts`.
 */
import type { CalendarDate, Id } from '../domain/types';
import { fromDayNumber } from './days';
import type { ScheduleIssue } from './issues';
import { scheduleError } from './issues';
import type { PlanGraph, ScheduleInput } from './model';
import { buildGraph, linkFF, linkFS, linkSF, linkSS } from './model';
import type { PassResult } from './rollup';
import { rollUpSummaries } from './rollup';
import type { WorkingCalendar } from './workingCalendar';

export interface ScheduledTask {
  readonly taskId: Id;
  /** True for a task with children, whose values roll up from them. */
  readonly summary: boolean;
  readonly earlyStart: CalendarDate;
  /** Last day of work, included; the start date for a milestone. */
  readonly earlyFinish: CalendarDate;
  readonly lateStart: CalendarDate;
  readonly lateFinish: CalendarDate;
  /**
   * Working days of the task's calendar by which the task can slip without moving the plan
   * finish. For a summary task it is the least float among its leaf tasks.
   */
  readonly totalFloat: number;
  /** Float of 0 or less. */
  readonly critical: boolean;
  /** Working days of the task's calendar from early start to early finish; 0 for a milestone. */
  readonly workingDays: number;
  /** Percent complete, 0 to 100; for a summary the duration-weighted mean of its leaf tasks (see `rollup.ts`). */
  readonly progress: number;
}

export interface Schedule {
  /** Scheduled values of every task, in the order of the input tasks. */
  readonly tasks: readonly ScheduledTask[];
  /** Earliest early start of any task, or the plan start when the plan has no task. */
  readonly planStart: CalendarDate;
  /** Latest early finish of any task, or the plan start when the plan has no task. */
  readonly planFinish: CalendarDate;
  /** Critical leaf tasks in topological order. */
  readonly criticalPath: readonly Id[];
}

export type ScheduleOutcome =
  | { readonly ok: true; readonly schedule: Schedule; readonly issues: readonly ScheduleIssue[] }
  | { readonly ok: false; readonly issues: readonly ScheduleIssue[] };

/**
 * Schedules a plan. Returns the errors instead of a schedule when the input is invalid or the
 * dependencies form a cycle. The cycle error lists the ids of its tasks in link order in
 * `detail.taskIds` (comma-separated) and their names in `detail.tasks`.
 */
export function schedulePlan(input: ScheduleInput): ScheduleOutcome {
  const built = buildGraph(input);
  if (!built.ok) {
    return built;
  }
  const graph = built.graph;
  const order = topologicalOrder(graph);
  if (order.length < graph.leafTask.length) {
    return { ok: false, issues: [...built.issues, cycleIssue(graph, order)] };
  }
  let passes: PassResult;
  try {
    passes = runPasses(graph, order);
  } catch (error) {
    if (error instanceof RangeError) {
      return { ok: false, issues: [...built.issues, scheduleError('schedule.dateOutOfRange', null, null, { reason: error.message })] };
    }
    throw error;
  }
  return { ok: true, schedule: assemble(graph, order, passes), issues: built.issues };
}

/** Orders the nodes so that every link goes forward (Kahn's algorithm); shorter than the node count when there is a cycle. */
function topologicalOrder(graph: PlanGraph): Int32Array {
  const count = graph.leafTask.length;
  const remaining = new Int32Array(count);
  for (let node = 0; node < count; node += 1) {
    remaining[node] = (graph.inStart[node + 1] ?? 0) - (graph.inStart[node] ?? 0);
  }
  const order = new Int32Array(count);
  let head = 0;
  let tail = 0;
  for (let node = 0; node < count; node += 1) {
    if (remaining[node] === 0) {
      order[tail++] = node;
    }
  }
  while (head < tail) {
    const node = order[head++] ?? 0;
    for (let slot = graph.outStart[node] ?? 0; slot < (graph.outStart[node + 1] ?? 0); slot += 1) {
      const next = graph.outTo[slot] ?? 0;
      const left = (remaining[next] ?? 0) - 1;
      remaining[next] = left;
      if (left === 0) {
        order[tail++] = next;
      }
    }
  }
  return order.subarray(0, tail);
}

/**
 * Finds one cycle among the nodes Kahn's algorithm left. Every one of them has a predecessor
 * that was also left, so walking back from any of them must revisit a node.
 */
function cycleIssue(graph: PlanGraph, order: Int32Array): ScheduleIssue {
  const placed = new Uint8Array(graph.leafTask.length);
  for (const node of order) {
    placed[node] = 1;
  }
  const start = placed.indexOf(0);
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  let node = start;
  while (!seenAt.has(node)) {
    seenAt.set(node, walk.length);
    walk.push(node);
    for (let slot = graph.inStart[node] ?? 0; slot < (graph.inStart[node + 1] ?? 0); slot += 1) {
      const previous = graph.inFrom[slot] ?? 0;
      if (placed[previous] === 0) {
        node = previous;
        break;
      }
    }
  }
  const cycle = walk.slice(seenAt.get(node)).reverse();
  const tasks = cycle.map((member) => graph.tasks[graph.leafTask[member] ?? 0]);
  const first = tasks[0];
  return scheduleError('schedule.dependencyCycle', first?.id ?? null, null, {
    taskIds: tasks.map((task) => task?.id ?? '').join(','),
    tasks: tasks.map((task) => task?.name ?? '').join(' → '),
  });
}

function shiftByLag(boundary: number, lag: number, calendarLag: boolean, calendar: WorkingCalendar): number {
  return calendarLag ? boundary + lag : calendar.shift(boundary, lag);
}

function finishFromStart(graph: PlanGraph, node: number, start: number): number {
  const duration = graph.duration[node] ?? 0;
  if (graph.calendarDuration[node] === 1) {
    return start + duration;
  }
  return duration === 0 ? start : (graph.calendar[node]?.shift(start, duration) ?? start);
}

/**
 * Returns the earliest start whose finish is at or after boundary `finish`. In working time the
 * end of Friday and the start of Monday are the same moment, so a finish bound on a Monday
 * morning is met by a finish on Friday evening.
 */
function startForFinish(graph: PlanGraph, node: number, finish: number, calendar: WorkingCalendar): number {
  const duration = graph.duration[node] ?? 0;
  if (graph.calendarDuration[node] === 1) {
    return finish - duration;
  }
  return duration === 0 ? finish : calendar.shift(calendar.finishOnOrBefore(finish), -duration);
}

/**
 * Returns the latest boundary for the predecessor's end of a link (its finish for FS and FF, its
 * start for SS and SF) that keeps the successor's driven end at or before `driven`. The forward
 * pass snaps the successor to working days of its calendar, and a shift by working days depends
 * only on how many working days precede a boundary. So every boundary up to the next working
 * day's start of the successor's calendar gives the same result, and the latest one is taken.
 */
function latestDriver(graph: PlanGraph, link: number, successor: number, driven: number): number {
  const calendar = graph.calendar[successor];
  const lag = graph.linkLag[link] ?? 0;
  if (calendar === undefined) {
    return driven;
  }
  if (graph.linkCalendarLag[link] === 0 && lag !== 0) {
    return calendar.startOnOrAfter(calendar.shift(driven, -lag));
  }
  // A lag of zero or in calendar days moves the boundary itself. Only a finish that the forward
  // pass snapped (a successor in working days driven at its finish) allows the same slack.
  const type = graph.linkType[link];
  const snappedFinish = (type === linkFF || type === linkSF) && graph.calendarDuration[successor] === 0;
  return (snappedFinish ? calendar.startOnOrAfter(driven) : driven) - lag;
}

/** Runs the forward and the backward pass. Throws a `RangeError` when a date leaves the years 0001 to 9999. */
export function runPasses(graph: PlanGraph, order: Int32Array): PassResult {
  const count = graph.leafTask.length;
  const earlyStart = new Int32Array(count);
  const earlyFinish = new Int32Array(count);
  const lateStart = new Int32Array(count);
  const lateFinish = new Int32Array(count);

  let planFinish = graph.planStart;
  for (const node of order) {
    const calendar = graph.calendar[node];
    if (calendar === undefined) {
      continue;
    }
    let start = graph.earliestStart[node] ?? graph.planStart;
    for (let slot = graph.inStart[node] ?? 0; slot < (graph.inStart[node + 1] ?? 0); slot += 1) {
      const predecessor = graph.inFrom[slot] ?? 0;
      const link = graph.inLink[slot] ?? 0;
      const type = graph.linkType[link];
      const driver = type === linkFS || type === linkFF ? (earlyFinish[predecessor] ?? 0) : (earlyStart[predecessor] ?? 0);
      const bound = shiftByLag(driver, graph.linkLag[link] ?? 0, graph.linkCalendarLag[link] === 1, calendar);
      const required = type === linkFS || type === linkSS ? bound : startForFinish(graph, node, bound, calendar);
      start = Math.max(start, required);
    }
    const snapped = calendar.startOnOrAfter(start);
    earlyStart[node] = snapped;
    const finish = finishFromStart(graph, node, snapped);
    earlyFinish[node] = finish;
    planFinish = Math.max(planFinish, finish);
  }

  for (let position = order.length - 1; position >= 0; position -= 1) {
    const node = order[position] ?? 0;
    const calendar = graph.calendar[node];
    if (calendar === undefined) {
      continue;
    }
    const duration = graph.duration[node] ?? 0;
    const calendarDays = graph.calendarDuration[node] === 1;
    let finish = planFinish;
    for (let slot = graph.outStart[node] ?? 0; slot < (graph.outStart[node + 1] ?? 0); slot += 1) {
      const successor = graph.outTo[slot] ?? 0;
      const link = graph.outLink[slot] ?? 0;
      const type = graph.linkType[link];
      const bound = latestDriver(
        graph,
        link,
        successor,
        type === linkFS || type === linkSS ? (lateStart[successor] ?? 0) : (lateFinish[successor] ?? 0),
      );
      // FS and FF limit this task's finish. SS and SF limit its start, hence its finish.
      const limit = type === linkFS || type === linkFF ? bound : finishFromStart(graph, node, calendar.startOnOrBefore(bound));
      finish = Math.min(finish, limit);
    }
    if (calendarDays || duration === 0) {
      const start = calendar.startOnOrBefore(finish - duration);
      lateStart[node] = start;
      lateFinish[node] = start + duration;
    } else {
      const snapped = calendar.finishOnOrBefore(finish);
      lateFinish[node] = snapped;
      lateStart[node] = calendar.shift(snapped, -duration);
    }
  }
  return { earlyStart, earlyFinish, lateStart, lateFinish };
}

/** Date of the last day of a span from boundary `start` to boundary `finish`; the start date for a milestone. */
export function finishDate(start: number, finish: number): CalendarDate {
  return fromDayNumber(Math.max(start, finish - 1));
}

function assemble(graph: PlanGraph, order: Int32Array, passes: PassResult): Schedule {
  const rolled = rollUpSummaries(graph, passes);
  const tasks: ScheduledTask[] = graph.tasks.map((task, index) => {
    const node = graph.nodeOfTask[index] ?? -1;
    const values = node === -1 ? rolled.summaries.get(index) : rolled.leaves[node];
    if (values === undefined) {
      throw new Error(`No schedule for task ${task.id}`);
    }
    return {
      taskId: task.id,
      summary: node === -1,
      earlyStart: fromDayNumber(values.earlyStart),
      earlyFinish: finishDate(values.earlyStart, values.earlyFinish),
      lateStart: fromDayNumber(values.lateStart),
      lateFinish: finishDate(values.lateStart, values.lateFinish),
      totalFloat: values.totalFloat,
      critical: values.totalFloat <= 0,
      workingDays: values.workingDays,
      progress: values.progress,
    };
  });
  const criticalPath: Id[] = [];
  for (const node of order) {
    const values = rolled.leaves[node];
    const task = graph.tasks[graph.leafTask[node] ?? 0];
    if (values !== undefined && task !== undefined && values.totalFloat <= 0) {
      criticalPath.push(task.id);
    }
  }
  return {
    tasks,
    planStart: fromDayNumber(rolled.planStart),
    planFinish: finishDate(rolled.planStart, rolled.planFinish),
    criticalPath,
  };
}
