/**
 * Seeded plan for the scheduling timing script: 5,000 tasks (250 summary tasks of 19 leaf
 * tasks each) and 6,000 dependencies of all four types with working-day and calendar-day lags,
 * on three calendars with different weekends and holidays. The same seed gives the same plan.
 */
import type { DependencyType } from '../../shared/domain/plan';
import type { CalendarInput, DependencyInput, ScheduleInput, TaskInput } from '../../shared/schedule/model';

/** Returns a pseudo-random generator of numbers in [0, 1) (mulberry32, 32-bit state). */
export function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface PlanShape {
  readonly summaries: number;
  readonly leavesPerSummary: number;
  readonly dependencies: number;
}

export const benchPlanShape: PlanShape = { summaries: 250, leavesPerSummary: 19, dependencies: 6_000 };

/** Seed of the bench plan in the Node timing script and the Gantt bench. */
export const benchPlanSeed = 20_270_104;

const calendars: readonly CalendarInput[] = [
  {
    id: 'london',
    workingWeekdays: [1, 2, 3, 4, 5],
    holidays: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  },
  { id: 'pune', workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: ['2027-01-26', '2027-03-22', '2027-08-15', '2027-10-02', '2027-10-29'] },
  { id: 'dubai', workingWeekdays: [7, 1, 2, 3, 4], holidays: ['2027-03-10', '2027-03-11', '2027-05-16', '2027-12-02'] },
];

const types: readonly DependencyType[] = ['FS', 'FS', 'FS', 'FS', 'SS', 'FF', 'SF'];

export function buildPlanWorkload(shape: PlanShape, seed: number): ScheduleInput {
  const random = makeRandom(seed);
  const pick = (count: number): number => Math.floor(random() * count);
  const tasks: TaskInput[] = [];
  const leafIds: string[] = [];
  for (let summary = 0; summary < shape.summaries; summary += 1) {
    const summaryId = `s${String(summary)}`;
    tasks.push({
      id: summaryId,
      parentId: null,
      order: summary,
      name: `Wave ${String(summary)}`,
      duration: 0,
      durationUnit: 'workingDays',
      startNoEarlierThan: null,
      progress: 0,
      calendarId: calendars[summary % 3]?.id ?? null,
    });
    for (let leaf = 0; leaf < shape.leavesPerSummary; leaf += 1) {
      const id = `t${String(summary)}-${String(leaf)}`;
      const milestone = random() < 0.05;
      tasks.push({
        id,
        parentId: summaryId,
        order: leaf,
        name: `Task ${id}`,
        duration: milestone ? 0 : 1 + pick(20),
        durationUnit: random() < 0.1 ? 'calendarDays' : 'workingDays',
        startNoEarlierThan: random() < 0.02 ? '2027-03-01' : null,
        progress: pick(101),
        calendarId: random() < 0.2 ? (calendars[pick(3)]?.id ?? null) : null,
      });
      leafIds.push(id);
    }
  }
  // Links always run from an earlier leaf to a later one, at most 60 leaves apart, so there is no cycle.
  const dependencies: DependencyInput[] = [];
  for (let index = 0; index < shape.dependencies; index += 1) {
    const successor = 1 + pick(leafIds.length - 1);
    const predecessor = Math.max(0, successor - 1 - pick(60));
    dependencies.push({
      id: `d${String(index)}`,
      predecessorId: leafIds[predecessor] ?? '',
      successorId: leafIds[successor] ?? '',
      type: types[pick(types.length)] ?? 'FS',
      lag: random() < 0.7 ? 0 : pick(11) - 3,
      lagUnit: random() < 0.2 ? 'calendarDays' : 'workingDays',
    });
  }
  return { plan: { startOn: '2027-01-04', calendarId: 'london' }, tasks, dependencies, calendars };
}
