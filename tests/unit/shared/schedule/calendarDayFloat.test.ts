/**
 * Float of a chain that ends in a task counted in calendar days, on a Sunday-to-Thursday
 * calendar. A 90-calendar-day hypercare from Sunday 8 March 2026 ends on Friday 5 June, a
 * non-working day, and the exit milestone after it falls on Sunday 7 June. The chain before the
 * milestone can slip one working day and the hypercare then ends on Saturday 6 June, still
 * before the milestone. These tests check that the engine's float of 1 working day is exactly the
 * slip that leaves the plan finish in place.
 */
import { describe, expect, it } from 'vitest';
import { schedulePlan } from '../../../../shared/schedule/engine';
import type { Schedule, ScheduledTask } from '../../../../shared/schedule/engine';
import type { CalendarInput, TaskInput } from '../../../../shared/schedule/model';
import { makeInput, makeLink, makeTask } from './factories';

const sundayToThursday: CalendarInput = { id: 'cal-riyadh', workingWeekdays: [1, 2, 3, 4, 7], holidays: [] };

function scheduleOf(tasks: readonly TaskInput[], withMilestone = true): Schedule {
  const all = withMilestone ? [...tasks, makeTask('exit', 0, { name: 'Hypercare exit' })] : tasks;
  const links = [makeLink('kt', 'hypercare'), ...(withMilestone ? [makeLink('hypercare', 'exit')] : [])];
  const outcome = schedulePlan(makeInput(all, links, { startOn: '2026-03-01', calendars: [sundayToThursday] }));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return outcome.schedule;
}

function taskOf(schedule: Schedule, id: string): ScheduledTask {
  const found = schedule.tasks.find((entry) => entry.taskId === id);
  if (found === undefined) throw new Error(`no task ${id}`);
  return found;
}

const chain = (knowledgeTransferStart: string | null = null): TaskInput[] => [
  makeTask('kt', 5, { name: 'Knowledge transfer', startNoEarlierThan: knowledgeTransferStart }),
  makeTask('hypercare', 90, { name: 'Hypercare', durationUnit: 'calendarDays' }),
];

describe('float before a calendar-day task that ends on a non-working day', () => {
  const schedule = scheduleOf(chain());

  it('ends the hypercare on a Friday and dates the exit on the Sunday', () => {
    expect(taskOf(schedule, 'hypercare').earlyStart).toBe('2026-03-08');
    expect(taskOf(schedule, 'hypercare').earlyFinish).toBe('2026-06-05');
    expect(taskOf(schedule, 'exit').earlyStart).toBe('2026-06-07');
  });

  it('gives the chain 1 working day of float and the exit none', () => {
    expect(taskOf(schedule, 'kt').totalFloat).toBe(1);
    expect(taskOf(schedule, 'hypercare').totalFloat).toBe(1);
    expect(taskOf(schedule, 'exit').totalFloat).toBe(0);
    expect(schedule.criticalPath).toEqual(['exit']);
  });

  it('keeps the exit date when the chain slips by its float', () => {
    // Late start of the knowledge transfer: Monday 2 March, one working day after Sunday 1 March.
    expect(taskOf(schedule, 'kt').lateStart).toBe('2026-03-02');
    const slipped = scheduleOf(chain('2026-03-02'));
    expect(taskOf(slipped, 'hypercare').earlyFinish).toBe('2026-06-06');
    expect(taskOf(slipped, 'exit').earlyStart).toBe('2026-06-07');
    expect(slipped.planFinish).toBe(schedule.planFinish);
  });

  it('moves the exit when the chain slips one working day more', () => {
    const slipped = scheduleOf(chain('2026-03-03'));
    expect(taskOf(slipped, 'exit').earlyStart).toBe('2026-06-08');
    expect(slipped.planFinish).toBe('2026-06-08');
  });

  it('leaves no float when nothing follows the hypercare', () => {
    const alone = scheduleOf(chain(), false);
    expect(taskOf(alone, 'kt').totalFloat).toBe(0);
    expect(taskOf(alone, 'hypercare').totalFloat).toBe(0);
  });
});
