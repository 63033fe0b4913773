import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { DependencyType, DurationUnit } from '../../../../shared/domain/plan';
import { schedulePlan } from '../../../../shared/schedule/engine';
import type { DependencyInput, TaskInput } from '../../../../shared/schedule/model';
import { makeInput, makeTask } from './factories';

const siteCalendar = { id: 'pune', workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: ['2021-02-10', '2021-03-01'] };
const plainCalendar = { id: 'cal-weekdays', workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2021-02-15'] };

const planArbitrary = fc
  .record({
    tasks: fc.array(
      fc.record({
        duration: fc.integer({ min: 0, max: 15 }),
        calendarDays: fc.boolean(),
        site: fc.boolean(),
      }),
      { minLength: 1, maxLength: 14 },
    ),
    links: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        type: fc.constantFrom<DependencyType>('FS', 'SS', 'FF', 'SF'),
        lag: fc.integer({ min: -4, max: 6 }),
        unit: fc.constantFrom<DurationUnit>('workingDays', 'calendarDays'),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ tasks, links }) => {
    const taskInputs: TaskInput[] = tasks.map((task, index) =>
      makeTask(`t${String(index)}`, task.duration, {
        durationUnit: task.calendarDays ? 'calendarDays' : 'workingDays',
        calendarId: task.site ? 'pune' : null,
      }),
    );
    // Links only run from a lower to a higher index, so the graph has no cycle.
    const linkInputs: DependencyInput[] = [];
    links.forEach((link, index) => {
      const from = link.from % tasks.length;
      const to = link.to % tasks.length;
      if (from < to) {
        linkInputs.push({
          id: `l${String(index)}`,
          predecessorId: `t${String(from)}`,
          successorId: `t${String(to)}`,
          type: link.type,
          lag: link.lag,
          lagUnit: link.unit,
        });
      }
    });
    return makeInput(taskInputs, linkInputs, { calendars: [plainCalendar, siteCalendar] });
  });

describe('schedule properties', () => {
  test('late dates never before early', () => {
    fc.assert(
      fc.property(planArbitrary, (input) => {
        const outcome = schedulePlan(input);
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) {
          return;
        }
        for (const task of outcome.schedule.tasks) {
          expect(task.lateStart >= task.earlyStart, task.taskId).toBe(true);
          expect(task.totalFloat, task.taskId).toBeGreaterThanOrEqual(0);
          expect(task.earlyStart >= '2021-02-01', task.taskId).toBe(true);
        }
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  test('some task is critical', () => {
    fc.assert(
      fc.property(planArbitrary, (input) => {
        const outcome = schedulePlan(input);
        if (!outcome.ok) {
          throw new Error(JSON.stringify(outcome.issues));
        }
        expect(outcome.schedule.criticalPath.length).toBeGreaterThan(0);
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  test('plain FS successors start after finish', () => {
    fc.assert(
      fc.property(planArbitrary, (input) => {
        const plain = { ...input, dependencies: input.dependencies.map((link) => ({ ...link, type: 'FS' as const, lag: 0 })) };
        const outcome = schedulePlan(plain);
        if (!outcome.ok) {
          throw new Error(JSON.stringify(outcome.issues));
        }
        const byId = new Map(outcome.schedule.tasks.map((task) => [task.taskId, task]));
        const durationOf = new Map(plain.tasks.map((task) => [task.id, task.duration]));
        for (const link of plain.dependencies) {
          const predecessor = byId.get(link.predecessorId);
          const successor = byId.get(link.successorId);
          // A milestone predecessor is dated on the day its successor may start.
          const later =
            (durationOf.get(link.predecessorId) ?? 0) === 0
              ? successor!.earlyStart >= predecessor!.earlyStart
              : successor!.earlyStart > predecessor!.earlyFinish;
          expect(later, `${link.predecessorId} -> ${link.successorId}`).toBe(true);
        }
      }),
      { numRuns: 400, seed: 3 },
    );
  });
});
