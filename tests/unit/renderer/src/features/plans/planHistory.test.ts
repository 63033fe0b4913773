import { describe, expect, it } from 'vitest';
import { emptyHistory, execute, invertCommand, undo } from '../../../../../../shared/schedule/commands';
import type { EditCommand, PlanDependency, PlanTask } from '../../../../../../shared/schedule/commands';
import { initialStep, planStateOf, renamePlanIds, sameState, toPlanTask } from '../../../../../../renderer/src/features/plans/planHistory';
import { goldenSnapshot } from '../../../../shared/file/goldenSnapshot';

const tasks = goldenSnapshot.records.planTasks;
const dependencies = goldenSnapshot.records.planDependencies;

function task(id: string, parentId: string | null = null): PlanTask {
  return { ...toPlanTask(tasks[1]!), id, parentId, name: `Task ${id}` };
}

describe('planStateOf', () => {
  it('drops sync fields', () => {
    const state = planStateOf({ tasks, dependencies });
    expect(Object.keys(state.tasks[0] ?? {})).not.toContain('clock');
    expect(Object.keys(state.dependencies[0] ?? {})).not.toContain('fieldClocks');
  });

  it('compares equal in any order', () => {
    expect(sameState({ tasks: [...tasks].reverse(), dependencies }, { tasks, dependencies: [...dependencies].reverse() })).toBe(true);
  });

  it('tells a changed task apart', () => {
    const changed = tasks.map((record, index) => (index === 0 ? { ...record, progress: 10 } : record));
    expect(sameState({ tasks: changed, dependencies }, { tasks, dependencies })).toBe(false);
  });

  it('starts with an empty history', () => {
    expect(initialStep({ tasks, dependencies }).history).toEqual(emptyHistory);
  });
});

describe('renamePlanIds', () => {
  const parent = task('p');
  const child = task('c', 'p');
  const link: PlanDependency = { ...dependencies[0]!, id: 'l', predecessorId: 'p', successorId: 'x' };

  it('renames ids in the state and both histories', () => {
    const add: EditCommand = {
      kind: 'batch',
      commands: [
        { kind: 'addTask', task: child },
        { kind: 'addDependency', dependency: { ...link, id: 'l2', predecessorId: 'c' } },
      ],
    };
    const step = undo(execute({ state: { tasks: [parent, task('x')], dependencies: [link] }, history: emptyHistory }, add));
    const renamed = renamePlanIds(
      step,
      new Map([
        ['c', 'c2'],
        ['p', 'p2'],
      ]),
    );
    expect(renamed.state.tasks.map((entry) => entry.id)).toEqual(['p2', 'x']);
    expect(renamed.state.dependencies[0]).toMatchObject({ predecessorId: 'p2', successorId: 'x' });
    const redo = renamed.history.undone[0];
    expect(redo?.kind).toBe('batch');
    if (redo?.kind !== 'batch') return;
    expect(redo.commands[0]).toMatchObject({ kind: 'addTask', task: { id: 'c2', parentId: 'p2' } });
    expect(redo.commands[1]).toMatchObject({ kind: 'addDependency', dependency: { predecessorId: 'c2' } });
  });

  it('renames an update and its parent change', () => {
    const update: EditCommand = { kind: 'updateTask', taskId: 'c', before: { parentId: 'p' }, after: { parentId: null } };
    const step = { state: { tasks: [parent, child], dependencies: [] }, history: { done: [update, invertCommand(update)], undone: [] } };
    const renamed = renamePlanIds(
      step,
      new Map([
        ['c', 'c2'],
        ['p', 'p2'],
      ]),
    );
    expect(renamed.history.done[0]).toEqual({ kind: 'updateTask', taskId: 'c2', before: { parentId: 'p2' }, after: { parentId: null } });
    expect(renamed.history.done[1]).toEqual({ kind: 'updateTask', taskId: 'c2', before: { parentId: null }, after: { parentId: 'p2' } });
  });

  it('returns the same step without renames', () => {
    const step = initialStep({ tasks, dependencies });
    expect(renamePlanIds(step, new Map())).toBe(step);
  });
});
