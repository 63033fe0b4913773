import { describe, expect, it } from 'vitest';
import type { PlanDependency, PlanTask } from '../../../../../../../shared/schedule/commands';
import { calendarDayFloatSource, floatNotes } from '../../../../../../../renderer/src/features/plans/gantt/floatNotes';
import { buildGanttModel } from '../../../../../../../renderer/src/features/plans/gantt/ganttModel';
import type { GanttModel } from '../../../../../../../renderer/src/features/plans/gantt/ganttModel';
import { gridText, link, phasedModel, plan, sundayToThursday, task } from './ganttFixture';

/**
 * Builds a Sunday-to-Thursday plan from Sunday 1 March 2026: knowledge transfer (5 wd), then a
 * 90-calendar-day hypercare that ends on Friday 5 June, then the exit milestone on Sunday 7 June.
 * A review of 3 working days runs beside the hypercare with plenty of float of its own.
 */
function hypercarePlan(tasks: readonly PlanTask[] = [], dependencies: readonly PlanDependency[] = []): GanttModel {
  return buildGanttModel(
    { ...plan, startOn: '2026-03-01', calendarId: sundayToThursday.id },
    {
      tasks: [
        task('S', 0, { name: 'Stabilisation', order: 1 }),
        task('K', 5, { name: 'Knowledge transfer', parentId: 'S', order: 1 }),
        task('H', 90, { name: 'Hypercare', parentId: 'S', order: 2, durationUnit: 'calendarDays' }),
        task('E', 0, { name: 'Hypercare exit', parentId: 'S', order: 3 }),
        task('R', 3, { name: 'Service review', parentId: 'S', order: 4 }),
        ...tasks,
      ],
      dependencies: [link('K', 'H'), link('H', 'E'), link('K', 'R'), link('R', 'E'), ...dependencies],
    },
    [sundayToThursday],
  );
}

describe('calendarDayFloatSource', () => {
  const model = hypercarePlan();

  it('finds the hypercare behind the chain’s float', () => {
    expect(calendarDayFloatSource(model, 'K')).toBe('H');
    expect(calendarDayFloatSource(model, 'H')).toBe('H');
  });

  it('finds nothing for a critical task', () => {
    expect(calendarDayFloatSource(model, 'E')).toBeNull();
  });

  it('finds nothing for float that parallel work leaves', () => {
    expect(model.daysById.get('R')?.scheduled.totalFloat).toBeGreaterThan(1);
    expect(calendarDayFloatSource(model, 'R')).toBeNull();
  });

  it('finds nothing in a plan on working days only', () => {
    expect(calendarDayFloatSource(phasedModel(), 'C')).toBeNull();
  });

  it('follows a link from a summary task to its tasks', () => {
    // A week of walkthrough first moves the hypercare a week later, to end on Friday 12 June.
    const linked = hypercarePlan(
      [task('T', 0, { name: 'Transition', order: 0 }), task('W', 5, { name: 'Walkthrough', parentId: 'T', order: 1 })],
      [link('T', 'K')],
    );
    expect(linked.daysById.get('W')?.scheduled.totalFloat).toBe(1);
    expect(calendarDayFloatSource(linked, 'W')).toBe('H');
  });
});

describe('floatNotes', () => {
  const model = hypercarePlan();

  it('explains the chain’s float by the hypercare', () => {
    expect(floatNotes(model, 'K', gridText)).toEqual([
      {
        key: 'gantt.float.slack',
        values: { task: 'Knowledge transfer', float: '1 wd', lateStart: '2026-03-02', finish: '2026-06-07' },
      },
      {
        key: 'gantt.float.calendarDaysChain',
        values: { source: 'Hypercare', earlyFinish: '2026-06-05', lateFinish: '2026-06-06' },
      },
    ]);
  });

  it('explains the hypercare’s own float', () => {
    expect(floatNotes(model, 'H', gridText)[1]).toEqual({
      key: 'gantt.float.calendarDaysOwn',
      values: { source: 'Hypercare', earlyFinish: '2026-06-05', lateFinish: '2026-06-06' },
    });
  });

  it('calls a task without float critical', () => {
    expect(floatNotes(model, 'E', gridText)).toEqual([
      { key: 'gantt.float.critical', values: { task: 'Hypercare exit', finish: '2026-06-07' } },
    ]);
  });

  it('gives ordinary float its latest start only', () => {
    const notes = floatNotes(model, 'R', gridText);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.key).toBe('gantt.float.slack');
  });

  it('gives a summary task the least float below it', () => {
    expect(floatNotes(model, 'S', gridText)).toEqual([{ key: 'gantt.float.summary', values: { task: 'Stabilisation', float: '0 wd' } }]);
  });
});
