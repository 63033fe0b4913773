/**
 * Validation of a plan's tasks, dependencies and calendars, and their translation into the
 * graph the engine schedules: only leaf tasks are nodes, and a dependency on a summary task
 * stands for the same dependency on every leaf task below it.
 */
import type { CalendarData, DependencyData, PlanData, TaskData } from '../domain/plan';
import type { Id } from '../domain/types';
import { isCalendarDate, toDayNumber } from './days';
import type { ScheduleIssue } from './issues';
import { scheduleError, scheduleWarning } from './issues';
import { WorkingCalendar } from './workingCalendar';

export type WithId<T> = { readonly id: Id } & T;

export type TaskInput = WithId<
  Pick<TaskData, 'parentId' | 'order' | 'name' | 'duration' | 'durationUnit' | 'startNoEarlierThan' | 'progress' | 'calendarId'>
>;
export type DependencyInput = WithId<Pick<DependencyData, 'predecessorId' | 'successorId' | 'type' | 'lag' | 'lagUnit'>>;
export type CalendarInput = WithId<Pick<CalendarData, 'workingWeekdays' | 'holidays'>>;

export interface ScheduleInput {
  readonly plan: Pick<PlanData, 'startOn' | 'calendarId'>;
  readonly tasks: readonly TaskInput[];
  readonly dependencies: readonly DependencyInput[];
  readonly calendars: readonly CalendarInput[];
}

/** Dependency types as small integers for the typed arrays. */
export const linkFS = 0;
export const linkSS = 1;
export const linkFF = 2;
export const linkSF = 3;
const linkCodes = { FS: linkFS, SS: linkSS, FF: linkFF, SF: linkSF } as const;

/** Leaf-task graph in compressed sparse row form. The links into node v are the slots `inStart[v]` to `inStart[v + 1]` (excluded), and likewise for `outStart`. */
export interface PlanGraph {
  readonly tasks: readonly TaskInput[];
  /** Index in `tasks` of each node. */
  readonly leafTask: Int32Array;
  /** Node of each task, or -1 for a summary task. */
  readonly nodeOfTask: Int32Array;
  /** Children of each task in `order`, then id order. */
  readonly children: readonly (readonly number[])[];
  /** Calendar of each node. */
  readonly calendar: readonly WorkingCalendar[];
  /** Calendar of each task: its own, else the nearest summary task's, else the plan's. */
  readonly taskCalendar: readonly WorkingCalendar[];
  /** Earliest start boundary of each node from the plan start and the start-no-earlier-than constraints on it and its summary tasks. */
  readonly earliestStart: Int32Array;
  readonly duration: Int32Array;
  /** 1 when the node's duration is in calendar days, 0 for working days. */
  readonly calendarDuration: Uint8Array;
  readonly inStart: Int32Array;
  readonly inFrom: Int32Array;
  readonly inLink: Int32Array;
  readonly outStart: Int32Array;
  readonly outTo: Int32Array;
  readonly outLink: Int32Array;
  /** Type, lag and lag unit of each expanded link, indexed by `inLink` and `outLink`. */
  readonly linkType: Uint8Array;
  readonly linkLag: Int32Array;
  readonly linkCalendarLag: Uint8Array;
  readonly planStart: number;
}

export type GraphOutcome =
  | { readonly ok: true; readonly graph: PlanGraph; readonly issues: readonly ScheduleIssue[] }
  | { readonly ok: false; readonly issues: readonly ScheduleIssue[] };

/**
 * Checks the input and builds the leaf-task graph. Errors (bad dates, durations, progress,
 * calendars or parents) stop the build. Dependencies that cannot be scheduled (on an unknown
 * task, on the task itself, or between a summary task and a task below it) are dropped with a
 * warning, so that an imported plan still schedules.
 */
export function buildGraph(input: ScheduleInput): GraphOutcome {
  const issues: ScheduleIssue[] = [];
  const calendars = buildCalendars(input, issues);
  const taskIndex = new Map<Id, number>();
  input.tasks.forEach((task, index) => taskIndex.set(task.id, index));
  const parents = checkParents(input.tasks, taskIndex, issues);
  if (issues.some((issue) => issue.severity === 'error') || parents === null) {
    return { ok: false, issues };
  }
  const children = childLists(input.tasks, parents);
  const nodes = assignNodes(input, children, parents, calendars, issues);
  if (nodes === null) {
    return { ok: false, issues };
  }
  const links = expandLinks(input, taskIndex, parents, children, nodes.nodeOfTask, issues);
  if (issues.some((issue) => issue.severity === 'error')) {
    return { ok: false, issues };
  }
  const graph: PlanGraph = { tasks: input.tasks, children, ...nodes, ...links, planStart: toDayNumber(input.plan.startOn) };
  return { ok: true, graph, issues };
}

function buildCalendars(input: ScheduleInput, issues: ScheduleIssue[]): Map<Id, WorkingCalendar> {
  const calendars = new Map<Id, WorkingCalendar>();
  const startValid = isCalendarDate(input.plan.startOn);
  if (!startValid) {
    issues.push(scheduleError('schedule.invalidDate', null, 'startOn', { value: input.plan.startOn }));
  }
  const around = startValid ? toDayNumber(input.plan.startOn) : 0;
  for (const calendar of input.calendars) {
    const badWeekday = calendar.workingWeekdays.find((weekday) => !Number.isInteger(weekday) || weekday < 1 || weekday > 7);
    const badHoliday = calendar.holidays.find((holiday): boolean => !isCalendarDate(holiday));
    if (badWeekday !== undefined) {
      issues.push(scheduleError('schedule.invalidWeekday', calendar.id, 'workingWeekdays', { value: badWeekday }));
    } else if (calendar.workingWeekdays.length === 0) {
      issues.push(scheduleError('schedule.noWorkingWeekday', calendar.id, 'workingWeekdays'));
    } else if (badHoliday !== undefined) {
      issues.push(scheduleError('schedule.invalidDate', calendar.id, 'holidays', { value: badHoliday }));
    } else {
      calendars.set(calendar.id, new WorkingCalendar(calendar, around));
    }
  }
  if (!input.calendars.some((calendar) => calendar.id === input.plan.calendarId)) {
    issues.push(scheduleError('schedule.unknownCalendar', null, 'calendarId', { calendarId: input.plan.calendarId }));
  }
  return calendars;
}

/** Returns the parent index of each task (-1 at the top), or `null` when the hierarchy has a loop. */
function checkParents(tasks: readonly TaskInput[], taskIndex: ReadonlyMap<Id, number>, issues: ScheduleIssue[]): Int32Array | null {
  const parents = new Int32Array(tasks.length).fill(-1);
  tasks.forEach((task, index) => {
    if (task.parentId === null) {
      return;
    }
    const parent = taskIndex.get(task.parentId);
    if (parent === undefined) {
      issues.push(scheduleError('schedule.unknownParent', task.id, 'parentId', { task: task.name, parentId: task.parentId }));
    } else {
      parents[index] = parent;
    }
  });
  // A chain of parents longer than the number of tasks must revisit a task.
  for (let index = 0; index < tasks.length; index += 1) {
    let current = parents[index] ?? -1;
    for (let steps = 0; current !== -1; steps += 1) {
      if (steps > tasks.length) {
        issues.push(scheduleError('schedule.parentCycle', tasks[index]?.id ?? null, 'parentId', { task: tasks[index]?.name ?? '' }));
        return null;
      }
      current = parents[current] ?? -1;
    }
  }
  return parents;
}

function childLists(tasks: readonly TaskInput[], parents: Int32Array): number[][] {
  const children: number[][] = tasks.map(() => []);
  parents.forEach((parent, index) => {
    if (parent !== -1) {
      children[parent]?.push(index);
    }
  });
  const byOrder = (a: number, b: number): number => {
    const left = tasks[a];
    const right = tasks[b];
    if (left === undefined || right === undefined) {
      return 0;
    }
    if (left.order !== right.order) {
      return left.order - right.order;
    }
    if (left.id === right.id) {
      return 0;
    }
    return left.id < right.id ? -1 : 1;
  };
  for (const list of children) {
    list.sort(byOrder);
  }
  return children;
}

type NodeArrays = Pick<
  PlanGraph,
  'leafTask' | 'nodeOfTask' | 'calendar' | 'taskCalendar' | 'earliestStart' | 'duration' | 'calendarDuration'
>;

/** Numbers the leaf tasks and resolves each one's calendar, duration and earliest start. */
function assignNodes(
  input: ScheduleInput,
  children: readonly (readonly number[])[],
  parents: Int32Array,
  calendars: ReadonlyMap<Id, WorkingCalendar>,
  issues: ScheduleIssue[],
): NodeArrays | null {
  const tasks = input.tasks;
  const nodeOfTask = new Int32Array(tasks.length).fill(-1);
  const leafTask: number[] = [];
  tasks.forEach((_task, index) => {
    if ((children[index]?.length ?? 0) === 0) {
      nodeOfTask[index] = leafTask.length;
      leafTask.push(index);
    }
  });
  const planStart = toDayNumber(input.plan.startOn);
  const count = leafTask.length;
  const calendar: WorkingCalendar[] = [];
  const earliestStart = new Int32Array(count);
  const duration = new Int32Array(count);
  const calendarDuration = new Uint8Array(count);

  tasks.forEach((task, index) => {
    if (task.startNoEarlierThan !== null && !isCalendarDate(task.startNoEarlierThan)) {
      issues.push(
        scheduleError('schedule.invalidDate', task.id, 'startNoEarlierThan', { task: task.name, value: task.startNoEarlierThan }),
      );
    }
    if (task.calendarId !== null && !calendars.has(task.calendarId) && !input.calendars.some((entry) => entry.id === task.calendarId)) {
      issues.push(scheduleError('schedule.unknownCalendar', task.id, 'calendarId', { task: task.name, calendarId: task.calendarId }));
    }
    if (nodeOfTask[index] === -1) {
      return;
    }
    if (!Number.isInteger(task.duration) || task.duration < 0 || task.duration > 100_000) {
      issues.push(scheduleError('schedule.invalidDuration', task.id, 'duration', { task: task.name, value: task.duration, max: 100_000 }));
    }
    if (!Number.isFinite(task.progress) || task.progress < 0 || task.progress > 100) {
      issues.push(scheduleError('schedule.invalidProgress', task.id, 'progress', { task: task.name, value: task.progress }));
    }
  });
  if (issues.some((issue) => issue.severity === 'error')) {
    return null;
  }

  const taskCalendar: WorkingCalendar[] = [];
  for (let index = 0; index < tasks.length; index += 1) {
    const resolved = calendars.get(nearestCalendarId(tasks, parents, index) ?? input.plan.calendarId);
    if (resolved === undefined) {
      return null;
    }
    taskCalendar.push(resolved);
  }

  for (let node = 0; node < count; node += 1) {
    const taskIndex = leafTask[node] ?? 0;
    const task = tasks[taskIndex];
    const workingCalendar = taskCalendar[taskIndex];
    if (task === undefined || workingCalendar === undefined) {
      return null;
    }
    // Every start-no-earlier-than constraint on the way up to the top-level task applies.
    let start = planStart;
    for (let current = taskIndex; current !== -1; current = parents[current] ?? -1) {
      const constraint = tasks[current]?.startNoEarlierThan ?? null;
      if (constraint !== null) {
        start = Math.max(start, toDayNumber(constraint));
      }
    }
    calendar.push(workingCalendar);
    earliestStart[node] = start;
    duration[node] = task.duration;
    calendarDuration[node] = task.durationUnit === 'calendarDays' ? 1 : 0;
  }
  return { leafTask: Int32Array.from(leafTask), nodeOfTask, calendar, taskCalendar, earliestStart, duration, calendarDuration };
}

function nearestCalendarId(tasks: readonly TaskInput[], parents: Int32Array, index: number): Id | null {
  for (let current = index; current !== -1; current = parents[current] ?? -1) {
    const calendarId = tasks[current]?.calendarId ?? null;
    if (calendarId !== null) {
      return calendarId;
    }
  }
  return null;
}

type LinkArrays = Pick<
  PlanGraph,
  'inStart' | 'inFrom' | 'inLink' | 'outStart' | 'outTo' | 'outLink' | 'linkType' | 'linkLag' | 'linkCalendarLag'
>;

/** Lists the nodes at or below task `index`. */
function leavesBelow(index: number, children: readonly (readonly number[])[], nodeOfTask: Int32Array, into: number[]): number[] {
  const node = nodeOfTask[index] ?? -1;
  if (node !== -1) {
    into.push(node);
    return into;
  }
  for (const child of children[index] ?? []) {
    leavesBelow(child, children, nodeOfTask, into);
  }
  return into;
}

function isAncestor(ancestor: number, index: number, parents: Int32Array): boolean {
  for (let current = parents[index] ?? -1; current !== -1; current = parents[current] ?? -1) {
    if (current === ancestor) {
      return true;
    }
  }
  return false;
}

/**
 * Turns the dependencies into links between nodes.
 * NOTE: a start-to-start or start-to-finish link from a summary task ties the successor to the
 * latest start among the summary's leaf tasks, where Microsoft Project uses the summary's
 * (earliest) start.
 */
function expandLinks(
  input: ScheduleInput,
  taskIndex: ReadonlyMap<Id, number>,
  parents: Int32Array,
  children: readonly (readonly number[])[],
  nodeOfTask: Int32Array,
  issues: ScheduleIssue[],
): LinkArrays {
  const from: number[] = [];
  const to: number[] = [];
  const types: number[] = [];
  const lags: number[] = [];
  const calendarLags: number[] = [];
  for (const dependency of input.dependencies) {
    const predecessor = taskIndex.get(dependency.predecessorId);
    const successor = taskIndex.get(dependency.successorId);
    if (predecessor === undefined || successor === undefined) {
      const missing = predecessor === undefined ? dependency.predecessorId : dependency.successorId;
      issues.push(
        scheduleWarning('schedule.unknownTask', dependency.id, predecessor === undefined ? 'predecessorId' : 'successorId', {
          taskId: missing,
        }),
      );
      continue;
    }
    if (predecessor === successor) {
      issues.push(scheduleWarning('schedule.selfDependency', dependency.id, 'successorId', { task: input.tasks[predecessor]?.name ?? '' }));
      continue;
    }
    if (isAncestor(predecessor, successor, parents) || isAncestor(successor, predecessor, parents)) {
      issues.push(
        scheduleWarning('schedule.dependencyWithinSummary', dependency.id, null, {
          predecessor: input.tasks[predecessor]?.name ?? '',
          successor: input.tasks[successor]?.name ?? '',
        }),
      );
      continue;
    }
    if (!Number.isInteger(dependency.lag) || Math.abs(dependency.lag) > 100_000) {
      issues.push(scheduleError('schedule.invalidLag', dependency.id, 'lag', { value: dependency.lag, max: 100_000 }));
      continue;
    }
    const predecessorNodes = leavesBelow(predecessor, children, nodeOfTask, []);
    const successorNodes = leavesBelow(successor, children, nodeOfTask, []);
    for (const source of predecessorNodes) {
      for (const target of successorNodes) {
        from.push(source);
        to.push(target);
        types.push(linkCodes[dependency.type]);
        lags.push(dependency.lag);
        calendarLags.push(dependency.lagUnit === 'calendarDays' ? 1 : 0);
      }
    }
  }
  const nodeCount = nodeOfTask.reduce((count, node) => (node === -1 ? count : count + 1), 0);
  const incoming = compress(nodeCount, to, from);
  const outgoing = compress(nodeCount, from, to);
  return {
    inStart: incoming.start,
    inFrom: incoming.other,
    inLink: incoming.link,
    outStart: outgoing.start,
    outTo: outgoing.other,
    outLink: outgoing.link,
    linkType: Uint8Array.from(types),
    linkLag: Int32Array.from(lags),
    linkCalendarLag: Uint8Array.from(calendarLags),
  };
}

/** Groups links by `key` node (counting sort), keeping each link's other end and its index. */
function compress(
  nodeCount: number,
  key: readonly number[],
  otherEnd: readonly number[],
): { start: Int32Array; other: Int32Array; link: Int32Array } {
  const start = new Int32Array(nodeCount + 1);
  for (const node of key) {
    start[node + 1] = (start[node + 1] ?? 0) + 1;
  }
  for (let node = 0; node < nodeCount; node += 1) {
    start[node + 1] = (start[node + 1] ?? 0) + (start[node] ?? 0);
  }
  const next = start.slice(0, nodeCount);
  const other = new Int32Array(key.length);
  const link = new Int32Array(key.length);
  key.forEach((node, index) => {
    const slot = next[node] ?? 0;
    next[node] = slot + 1;
    other[slot] = otherEnd[index] ?? 0;
    link[slot] = index;
  });
  return { start, other, link };
}
