import { describe, expect, it } from 'vitest';
import { toDayNumber } from '../../../../../../../shared/schedule/days';
import { applyCommand } from '../../../../../../../shared/schedule/commands';
import type { EditCommand } from '../../../../../../../shared/schedule/commands';
import {
  linkTaskCommand,
  linkTypeFor,
  moveTaskCommand,
  resizeTaskCommand,
} from '../../../../../../../renderer/src/features/plans/gantt/dragEdits';
import type { EditResult } from '../../../../../../../renderer/src/features/plans/gantt/editCheck';
import { buildGanttModel } from '../../../../../../../renderer/src/features/plans/gantt/ganttModel';
import type { GanttModel } from '../../../../../../../renderer/src/features/plans/gantt/ganttModel';
import { model, phasedModel, plan, task, weekdays } from './ganttFixture';

const day = (date: string) => toDayNumber(date);

function commandOf(result: EditResult): EditCommand {
  if (!result.ok || result.command === null) throw new Error(`expected a command, got ${JSON.stringify(result)}`);
  return result.command;
}

function after(ganttModel: GanttModel, result: EditResult): GanttModel {
  return buildGanttModel(plan, applyCommand(ganttModel.state, commandOf(result)), [weekdays]);
}

describe('moveTaskCommand', () => {
  it('moves a task by one working day', () => {
    const phased = phasedModel();
    const moved = after(phased, moveTaskCommand(phased, 'D', 1));
    expect(moved.daysById.get('D')?.scheduled.earlyStart).toBe('2021-02-12');
  });

  it('snaps a drop on a weekend to the next Monday', () => {
    const phased = phasedModel();
    // D starts on Thursday 2021-02-11; two days later is Saturday.
    const result = moveTaskCommand(phased, 'D', 2);
    expect(commandOf(result)).toMatchObject({ kind: 'updateTask', taskId: 'D', after: { startNoEarlierThan: '2021-02-15' } });
  });

  it('records the old constraint for undo', () => {
    const phased = phasedModel();
    expect(commandOf(moveTaskCommand(phased, 'D', 1))).toMatchObject({ before: { startNoEarlierThan: null } });
  });

  it('moves the successors along', () => {
    const phased = phasedModel();
    const moved = after(phased, moveTaskCommand(phased, 'A', 3));
    expect(moved.daysById.get('A')?.scheduled.earlyStart).toBe('2021-02-04');
    expect(moved.daysById.get('B')?.scheduled.earlyStart).toBe('2021-02-11');
    expect(moved.daysById.get('D')?.scheduled.earlyStart).toBe('2021-02-16');
  });

  it('changes nothing for a drop inside the same day', () => {
    const phased = phasedModel();
    expect(moveTaskCommand(phased, 'D', 0.3)).toEqual({ ok: true, command: null });
  });

  it('changes nothing for a drop on the weekend before a Monday start', () => {
    const mondayStart = model([task('A', 2)]);
    expect(moveTaskCommand(mondayStart, 'A', -1)).toEqual({ ok: true, command: null });
  });

  it('moves earlier by working days', () => {
    const later = model([task('A', 2, { startNoEarlierThan: '2021-02-08' })]);
    const moved = after(later, moveTaskCommand(later, 'A', -3));
    expect(moved.daysById.get('A')?.scheduled.earlyStart).toBe('2021-02-05');
  });
});

describe('resizeTaskCommand', () => {
  it('sets the working days up to the dropped finish', () => {
    const phased = phasedModel();
    // A runs Monday 1 to Friday 5 February; a finish on Tuesday 9 February is 7 working days.
    expect(commandOf(resizeTaskCommand(phased, 'A', day('2021-02-09')))).toMatchObject({ after: { duration: 7 }, before: { duration: 5 } });
  });

  it('keeps at least one day', () => {
    const phased = phasedModel();
    expect(commandOf(resizeTaskCommand(phased, 'A', day('2021-01-20')))).toMatchObject({ after: { duration: 1 } });
  });

  it('counts calendar days for a task in calendar days', () => {
    const elapsed = model([task('H', 10, { durationUnit: 'calendarDays' })]);
    expect(commandOf(resizeTaskCommand(elapsed, 'H', day('2021-02-14')))).toMatchObject({ after: { duration: 14 } });
  });

  it('changes nothing for the same finish', () => {
    const phased = phasedModel();
    expect(resizeTaskCommand(phased, 'A', day('2021-02-05'))).toEqual({ ok: true, command: null });
  });
});

describe('linkTaskCommand', () => {
  const ids = () => 'new-link';

  it.each([
    ['finish', 'start', 'FS'],
    ['start', 'start', 'SS'],
    ['finish', 'finish', 'FF'],
    ['start', 'finish', 'SF'],
  ] as const)('links %s to %s as %s', (from, to, type) => {
    expect(linkTypeFor(from, to)).toBe(type);
    const separate = model([task('X', 2, { order: 1 }), task('Y', 2, { order: 2 })]);
    expect(commandOf(linkTaskCommand(separate, 'X', from, 'Y', to, ids))).toEqual({
      kind: 'addDependency',
      dependency: { id: 'new-link', planId: 'plan-1', predecessorId: 'X', successorId: 'Y', type, lag: 0, lagUnit: 'workingDays' },
    });
  });

  it('rejects a cycle and names its tasks', () => {
    const phased = phasedModel();
    const result = linkTaskCommand(phased, 'D', 'finish', 'A', 'start', ids);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message.key).toBe('errors.schedule.dependencyCycle');
    expect(result.message.values.tasks).toBe('Deploy → Analysis → Build → Gate → Deploy');
  });

  it('rejects a cycle through a summary task', () => {
    const phased = phasedModel();
    const result = linkTaskCommand(phased, 'D', 'finish', 'P', 'start', ids);
    expect(result).toMatchObject({ ok: false, message: { key: 'errors.schedule.dependencyCycle' } });
  });

  it('rejects a link from a summary to its own task', () => {
    const phased = phasedModel();
    const result = linkTaskCommand(phased, 'P', 'finish', 'A', 'start', ids);
    expect(result).toMatchObject({ ok: false, message: { key: 'errors.schedule.dependencyWithinSummary' } });
  });

  it('rejects a second link between the same tasks', () => {
    const phased = phasedModel();
    const result = linkTaskCommand(phased, 'A', 'start', 'B', 'start', ids);
    expect(result).toMatchObject({ ok: false, message: { key: 'errors.schedule.duplicateDependency' } });
  });

  it('rejects a link to the task itself', () => {
    const phased = phasedModel();
    expect(linkTaskCommand(phased, 'A', 'finish', 'A', 'start', ids)).toMatchObject({
      ok: false,
      message: { key: 'errors.schedule.selfDependency', values: { task: 'Analysis' } },
    });
  });
});

describe('moveTaskCommand on another calendar', () => {
  it('snaps to the working days of the task calendar', () => {
    const sundayToThursday = { id: 'cal-gulf', name: 'Dubai', workingWeekdays: [1, 2, 3, 4, 7], holidays: [], site: 'Dubai' };
    const offshore = buildGanttModel(
      plan,
      { tasks: [task('A', 2, { calendarId: 'cal-gulf', startNoEarlierThan: '2021-02-04' })], dependencies: [] },
      [weekdays, sundayToThursday],
    );
    // A starts Thursday 4 February; one day later is Friday, a weekend day in Dubai, so it lands on Sunday.
    const result = moveTaskCommand(offshore, 'A', 1);
    expect(commandOf(result)).toMatchObject({ after: { startNoEarlierThan: '2021-02-07' } });
  });
});
