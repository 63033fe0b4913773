import { describe, expect, test } from 'vitest';
import { compareToBaseline, takeBaseline } from '../../../../shared/schedule/baseline';
import type { Schedule } from '../../../../shared/schedule/engine';
import { schedulePlan } from '../../../../shared/schedule/engine';
import type { ScheduleInput } from '../../../../shared/schedule/model';
import { makeInput, makeLink, makeTask } from './factories';

function scheduleOf(input: ScheduleInput): Schedule {
  const outcome = schedulePlan(input);
  if (!outcome.ok) {
    throw new Error(JSON.stringify(outcome.issues));
  }
  return outcome.schedule;
}

const original = makeInput([makeTask('a', 5), makeTask('b', 3), makeTask('end', 0)], [makeLink('a', 'b'), makeLink('b', 'end')]);

describe('baselines', () => {
  test('snapshot holds task dates', () => {
    const baseline = takeBaseline('plan', 'Signed off', '2021-01-20T09:00:00.000Z', scheduleOf(original));
    // The end milestone falls on the day after B's last day of work.
    expect(baseline.planFinish).toBe('2021-02-11');
    expect(baseline.tasks.find((task) => task.taskId === 'b')).toEqual({ taskId: 'b', start: '2021-02-08', finish: '2021-02-10' });
  });

  test('slip counted in working days', () => {
    const baseline = takeBaseline('plan', 'Signed off', '2021-01-20T09:00:00.000Z', scheduleOf(original));
    // A grows from 5 to 8 days: B moves from Mon 02-08 to Thu 02-11, over no weekend: 3 days.
    const slipped = makeInput(
      [makeTask('a', 8), makeTask('b', 3), makeTask('end', 0), makeTask('new', 1)],
      [makeLink('a', 'b'), makeLink('b', 'end')],
    );
    const variance = compareToBaseline(slipped, scheduleOf(slipped), baseline);
    const byId = new Map(variance.tasks.map((task) => [task.taskId, task]));
    expect(byId.get('a')).toEqual({ taskId: 'a', startVariance: 0, finishVariance: 3 });
    expect(byId.get('b')).toEqual({ taskId: 'b', startVariance: 3, finishVariance: 3 });
    expect(byId.get('end')?.startVariance).toBe(3);
    expect(byId.get('new')).toEqual({ taskId: 'new', startVariance: null, finishVariance: null });
    expect(variance.planFinishVariance).toBe(3);
  });

  test('earlier finish is negative', () => {
    const baseline = takeBaseline('plan', 'Signed off', '2021-01-20T09:00:00.000Z', scheduleOf(original));
    const faster = makeInput([makeTask('a', 2), makeTask('b', 3), makeTask('end', 0)], [makeLink('a', 'b'), makeLink('b', 'end')]);
    expect(compareToBaseline(faster, scheduleOf(faster), baseline).planFinishVariance).toBe(-3);
  });
});
