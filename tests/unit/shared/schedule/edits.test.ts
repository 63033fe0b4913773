import { describe, expect, test } from 'vitest';
import type { DependencyData, TaskData } from '../../../../shared/domain/plan';
import type { EditCommand, EditStep, PlanDependency, PlanTask } from '../../../../shared/schedule/commands';
import { applyCommand, emptyHistory, execute, invertCommand, redo, undo, updateTaskCommand } from '../../../../shared/schedule/commands';
import type { EditOutcome } from '../../../../shared/schedule/edits';
import { linkTasks, setDuration, shiftTask } from '../../../../shared/schedule/edits';
import type { ScheduleIssue } from '../../../../shared/schedule/issues';
import { mondayToFriday } from './factories';

function valueOf<T>(outcome: EditOutcome<T>): T {
  if (!outcome.ok) {
    throw new Error(`Edit rejected: ${JSON.stringify(outcome.issue)}`);
  }
  return outcome.value;
}

function issueOf(outcome: EditOutcome<unknown>): ScheduleIssue {
  if (outcome.ok) {
    throw new Error('Edit accepted, expected a rejection');
  }
  return outcome.issue;
}

function planTask(id: string, overrides: Partial<TaskData> = {}): PlanTask {
  return {
    id,
    planId: 'plan',
    parentId: null,
    order: 1,
    name: `Task ${id}`,
    duration: 5,
    durationUnit: 'workingDays',
    startNoEarlierThan: null,
    progress: 0,
    owner: '',
    notes: '',
    calendarId: null,
    goNoGo: false,
    templateKey: null,
    ...overrides,
  };
}

function planLink(predecessorId: string, successorId: string): PlanDependency {
  return { id: `${predecessorId}>${successorId}`, planId: 'plan', predecessorId, successorId, type: 'FS', lag: 0, lagUnit: 'workingDays' };
}

describe('shiftTask', () => {
  test('moves forward over a weekend', () => {
    // Thursday 2021-02-04 plus 3 working days is Tuesday 02-09.
    const outcome = shiftTask(planTask('a'), '2021-02-04', 3, mondayToFriday);
    expect(valueOf(outcome).startNoEarlierThan).toBe('2021-02-09');
  });

  test('moves back over a weekend', () => {
    const outcome = shiftTask(planTask('a'), '2021-02-09', -3, mondayToFriday);
    expect(valueOf(outcome).startNoEarlierThan).toBe('2021-02-04');
  });

  test('zero snaps weekend to Monday', () => {
    const outcome = shiftTask(planTask('a'), '2021-02-06', 0, mondayToFriday);
    expect(valueOf(outcome).startNoEarlierThan).toBe('2021-02-08');
  });

  test('skips holidays', () => {
    const calendar = { workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2021-02-08'] };
    const outcome = shiftTask(planTask('a'), '2021-02-05', 1, calendar);
    expect(valueOf(outcome).startNoEarlierThan).toBe('2021-02-09');
  });

  test('rejects fractional days', () => {
    expect(shiftTask(planTask('a'), '2021-02-05', 0.5, mondayToFriday).ok).toBe(false);
  });

  test('leaves input untouched', () => {
    const task = planTask('a');
    shiftTask(task, '2021-02-04', 3, mondayToFriday);
    expect(task.startNoEarlierThan).toBeNull();
  });
});

describe('setDuration', () => {
  test('sets value and unit', () => {
    const outcome = setDuration(planTask('a'), 90, 'calendarDays');
    expect(valueOf(outcome).duration).toBe(90);
    expect(valueOf(outcome).durationUnit).toBe('calendarDays');
  });

  test('zero makes a milestone', () => {
    const outcome = setDuration(planTask('a'), 0);
    expect(valueOf(outcome).duration).toBe(0);
  });

  test.each([-1, 1.5, Number.NaN, 100_001])('rejects %s', (value) => {
    const outcome = setDuration(planTask('a'), value);
    expect(issueOf(outcome).code).toBe('schedule.invalidDuration');
  });
});

describe('linkTasks', () => {
  const request = { planId: 'plan', type: 'SS', lag: -2, lagUnit: 'workingDays' } as const;

  test('builds dependency data', () => {
    const outcome = linkTasks([], { ...request, predecessorId: 'a', successorId: 'b' });
    const expected: DependencyData = { planId: 'plan', predecessorId: 'a', successorId: 'b', type: 'SS', lag: -2, lagUnit: 'workingDays' };
    expect(valueOf(outcome)).toEqual(expected);
  });

  test('rejects self link', () => {
    const outcome = linkTasks([], { ...request, predecessorId: 'a', successorId: 'a' });
    expect(issueOf(outcome).code).toBe('schedule.selfDependency');
  });

  test('rejects duplicate in either direction', () => {
    const outcome = linkTasks([planLink('b', 'a')], { ...request, predecessorId: 'a', successorId: 'b' });
    expect(issueOf(outcome).code).toBe('schedule.duplicateDependency');
  });

  test('rejects cycle naming path', () => {
    const outcome = linkTasks([planLink('a', 'b'), planLink('b', 'c')], { ...request, predecessorId: 'c', successorId: 'a' });
    expect(issueOf(outcome).code).toBe('schedule.dependencyCycle');
    expect(issueOf(outcome).detail.taskIds).toBe('c,a,b,c');
  });
});

describe('undo and redo', () => {
  const start: EditStep = { state: { tasks: [planTask('a'), planTask('b')], dependencies: [] }, history: emptyHistory };

  test('update inverts exactly', () => {
    const command = updateTaskCommand(planTask('a'), { duration: 8, owner: 'Priya' });
    const changed = applyCommand(start.state, command);
    expect(changed.tasks[0]?.duration).toBe(8);
    expect(applyCommand(changed, invertCommand(command))).toEqual(start.state);
  });

  test('undo then redo round trip', () => {
    const link = planLink('a', 'b');
    const commands: EditCommand[] = [
      updateTaskCommand(planTask('a'), { startNoEarlierThan: '2021-03-01' }),
      { kind: 'addDependency', dependency: link },
      { kind: 'addTask', task: planTask('c') },
    ];
    const done = commands.reduce(execute, start);
    expect(done.state.tasks).toHaveLength(3);
    const undoneAll = undo(undo(undo(done)));
    expect(undoneAll.state).toEqual(start.state);
    expect(undo(undoneAll)).toBe(undoneAll);
    const redoneAll = redo(redo(redo(undoneAll)));
    expect(redoneAll.state).toEqual(done.state);
    expect(redo(redoneAll)).toBe(redoneAll);
  });

  test('new command clears redo', () => {
    const once = execute(start, updateTaskCommand(planTask('a'), { progress: 50 }));
    const back = undo(once);
    const other = execute(back, updateTaskCommand(planTask('a'), { progress: 20 }));
    expect(other.history.undone).toEqual([]);
    expect(other.state.tasks[0]?.progress).toBe(20);
  });

  test('batch undone as one', () => {
    const withLink = execute(start, { kind: 'addDependency', dependency: planLink('a', 'b') });
    const removeTask: EditCommand = {
      kind: 'batch',
      commands: [
        { kind: 'removeDependency', dependency: planLink('a', 'b') },
        { kind: 'removeTask', task: planTask('b') },
      ],
    };
    const removed = execute(withLink, removeTask);
    expect(removed.state.tasks.map((task) => task.id)).toEqual(['a']);
    expect(undo(removed).state).toEqual(withLink.state);
  });

  test('missing record throws', () => {
    expect(() => applyCommand(start.state, { kind: 'removeTask', task: planTask('zzz') })).toThrow(/task zzz not found/);
    expect(() => applyCommand(start.state, { kind: 'addTask', task: planTask('a') })).toThrow(/already exists/);
  });
});
