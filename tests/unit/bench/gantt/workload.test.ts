import { describe, expect, test } from 'vitest';
import { schedulePlan } from '../../../../shared/schedule/engine';
import type { Schedule } from '../../../../shared/schedule/engine';
import type { DependencyInput, ScheduleInput, TaskInput } from '../../../../shared/schedule/model';
import { parseGanttTasks } from '../../../../bench/gantt/options';
import { ganttPlanShape, ganttViewRecords, toFrappeTasks } from '../../../../bench/gantt/workload';
import type { FrappeTask } from '../../../../bench/gantt/workload';
import { benchPlanSeed, buildPlanWorkload } from '../../../../bench/schedule/workload';

function scheduleOf(input: ScheduleInput): Schedule {
  const outcome = schedulePlan(input);
  if (!outcome.ok) throw new Error(`The test plan did not schedule: ${JSON.stringify(outcome.issues)}`);
  return outcome.schedule;
}

function convert(input: ScheduleInput): { schedule: Schedule; frappe: FrappeTask[] } {
  const schedule = scheduleOf(input);
  const records = ganttViewRecords(input);
  return { schedule, frappe: toFrappeTasks(records.state.tasks, input.dependencies, schedule) };
}

/** Returns the links as sorted `predecessor>successor` strings, one per dependency. */
function linkList(pairs: readonly (readonly [string, string])[]): string[] {
  return pairs.map(([predecessor, successor]) => `${predecessor}>${successor}`).sort();
}

function frappeLinks(tasks: readonly FrappeTask[]): string[] {
  return linkList(tasks.flatMap((task) => task.dependencies.map((predecessor) => [predecessor, task.id] as const)));
}

function inputLinks(dependencies: readonly DependencyInput[]): string[] {
  return linkList(dependencies.map((dependency) => [dependency.predecessorId, dependency.successorId] as const));
}

function task(id: string, parentId: string | null, order: number, duration: number): TaskInput {
  return {
    id,
    parentId,
    order,
    name: `Task ${id}`,
    duration,
    durationUnit: 'workingDays',
    startNoEarlierThan: null,
    progress: 40,
    calendarId: null,
  };
}

function link(id: string, predecessorId: string, successorId: string): DependencyInput {
  return { id, predecessorId, successorId, type: 'FS', lag: 0, lagUnit: 'workingDays' };
}

/** A small plan listed out of outline order: children before their summary task, siblings in reverse `order`. */
const handPlan: ScheduleInput = {
  plan: { startOn: '2027-01-04', calendarId: 'office' },
  calendars: [{ id: 'office', workingWeekdays: [1, 2, 3, 4, 5], holidays: [] }],
  tasks: [
    task('b2', 'b', 2, 0),
    task('b1', 'b', 1, 4),
    task('a2', 'a', 2, 3),
    task('a1', 'a', 1, 5),
    task('b', null, 2, 0),
    task('a', null, 1, 0),
  ],
  dependencies: [link('d1', 'a1', 'a2'), link('d2', 'a2', 'b1'), link('d3', 'a2', 'b1'), link('d4', 'b1', 'b2'), link('d5', 'a', 'b')],
};

describe('toFrappeTasks', () => {
  test('keeps every task of the bench plan', () => {
    const input = buildPlanWorkload(ganttPlanShape(200), benchPlanSeed);
    const { frappe } = convert(input);

    expect(frappe).toHaveLength(input.tasks.length);
    expect(frappe.map((entry) => entry.id).sort()).toEqual(input.tasks.map((entry) => entry.id).sort());
    expect(new Set(frappe.map((entry) => entry.id)).size).toBe(input.tasks.length);
  });

  test('keeps every scheduled date and progress', () => {
    const input = buildPlanWorkload(ganttPlanShape(200), benchPlanSeed);
    const { schedule, frappe } = convert(input);
    const byId = new Map(frappe.map((entry) => [entry.id, entry]));

    for (const scheduled of schedule.tasks) {
      const converted = byId.get(scheduled.taskId);
      expect(converted?.start, scheduled.taskId).toBe(scheduled.earlyStart);
      expect(converted?.end, scheduled.taskId).toBe(scheduled.earlyFinish);
      expect(converted?.progress, scheduled.taskId).toBe(scheduled.progress);
    }
  });

  test('keeps every dependency of the bench plan', () => {
    const input = buildPlanWorkload(ganttPlanShape(200), benchPlanSeed);
    const { frappe } = convert(input);

    expect(input.dependencies).toHaveLength(240);
    expect(frappeLinks(frappe)).toEqual(inputLinks(input.dependencies));
  });

  test('keeps duplicate and summary links', () => {
    const { frappe } = convert(handPlan);

    expect(frappeLinks(frappe)).toEqual(inputLinks(handPlan.dependencies));
    expect(frappe.find((entry) => entry.id === 'b1')?.dependencies).toEqual(['a2', 'a2']);
    expect(frappe.find((entry) => entry.id === 'b')?.dependencies).toEqual(['a']);
  });

  test('lists tasks in outline order', () => {
    const { frappe } = convert(handPlan);

    expect(frappe.map((entry) => entry.id)).toEqual(['a', 'a1', 'a2', 'b', 'b1', 'b2']);
  });

  test('dates working-day tasks, summaries and milestones', () => {
    const { frappe } = convert(handPlan);
    const dates = Object.fromEntries(frappe.map((entry) => [entry.id, `${entry.start}..${entry.end}`]));

    // a1 takes 5 working days from Monday 4 January, a2 3 more, and b1 4 more across the weekend.
    expect(dates.a1).toBe('2027-01-04..2027-01-08');
    expect(dates.a2).toBe('2027-01-11..2027-01-13');
    expect(dates.b1).toBe('2027-01-14..2027-01-19');
    expect(dates.a).toBe('2027-01-04..2027-01-13');
    // The milestone after b1 is dated on the next working day, and frappe-gantt gets it as a one-day task.
    expect(dates.b2).toBe('2027-01-20..2027-01-20');
    expect(dates.b).toBe('2027-01-14..2027-01-20');
  });

  test('gives every chart fresh objects', () => {
    const input = buildPlanWorkload(ganttPlanShape(20), benchPlanSeed);
    const schedule = scheduleOf(input);
    const { state } = ganttViewRecords(input);
    const first = toFrappeTasks(state.tasks, input.dependencies, schedule);
    const second = toFrappeTasks(state.tasks, input.dependencies, schedule);

    expect(second).toEqual(first);
    expect(second[0]).not.toBe(first[0]);
    expect(second[0]?.dependencies).not.toBe(first[0]?.dependencies);
  });

  test('rejects a schedule without a task', () => {
    const schedule = scheduleOf(handPlan);
    const { state } = ganttViewRecords(handPlan);
    const partial: Schedule = { ...schedule, tasks: schedule.tasks.filter((entry) => entry.taskId !== 'b1') };

    expect(() => toFrappeTasks(state.tasks, handPlan.dependencies, partial)).toThrow(/task b1/);
  });
});

describe('ganttViewRecords', () => {
  test('schedules like the input', () => {
    const input = buildPlanWorkload(ganttPlanShape(200), benchPlanSeed);
    const records = ganttViewRecords(input);
    const fromRecords = scheduleOf({
      plan: records.plan,
      tasks: records.state.tasks,
      dependencies: records.state.dependencies,
      calendars: records.calendars,
    });

    expect(records.state.tasks).toHaveLength(input.tasks.length);
    expect(records.state.dependencies).toHaveLength(input.dependencies.length);
    expect(fromRecords).toEqual(scheduleOf(input));
  });
});

describe('ganttPlanShape', () => {
  test('5,000 tasks give the bench plan', () => {
    expect(ganttPlanShape(5_000)).toEqual({ summaries: 250, leavesPerSummary: 19, dependencies: 6_000 });
  });

  test('scales dependencies with tasks', () => {
    const shape = ganttPlanShape(1_000);
    const input = buildPlanWorkload(shape, benchPlanSeed);

    expect(shape.dependencies).toBe(1_200);
    expect(input.tasks).toHaveLength(1_000);
  });

  test.each([0, 19, 30, 5_001, -20, 20.5, Number.NaN])('rejects %s tasks', (count) => {
    expect(() => ganttPlanShape(count)).toThrow(RangeError);
  });
});

describe('parseGanttTasks', () => {
  test('defaults to 5,000 tasks', () => {
    expect(parseGanttTasks(undefined)).toBe(5_000);
  });

  test('reads a multiple of 20', () => {
    expect(parseGanttTasks('400')).toBe(400);
  });

  test('names the option and value', () => {
    expect(() => parseGanttTasks('450')).toThrow(/--gantt-tasks value "450".*multiple of 20/);
    expect(() => parseGanttTasks('many')).toThrow(/--gantt-tasks value "many"/);
  });
});
