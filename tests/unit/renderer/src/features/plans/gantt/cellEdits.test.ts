import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../../../../shared/schedule/commands';
import type { EditCommand } from '../../../../../../../shared/schedule/commands';
import { editCell } from '../../../../../../../renderer/src/features/plans/gantt/cellEdits';
import type { EditResult } from '../../../../../../../renderer/src/features/plans/gantt/editCheck';
import { buildGanttModel } from '../../../../../../../renderer/src/features/plans/gantt/ganttModel';
import type { GanttModel } from '../../../../../../../renderer/src/features/plans/gantt/ganttModel';
import type { GanttColumnId } from '../../../../../../../renderer/src/features/plans/gantt/gridCells';
import { cellText, draftText } from '../../../../../../../renderer/src/features/plans/gantt/gridCells';
import { gridText, link, model, phasedModel, plan, task, weekdays } from './ganttFixture';

let counter = 0;
const newId = () => `dep-${++counter}`;

function edit(ganttModel: GanttModel, taskId: string, column: GanttColumnId, typed: string): EditResult {
  const row = ganttModel.rowById.get(taskId);
  if (row === undefined) throw new Error(`no row ${taskId}`);
  return editCell({ model: ganttModel, text: gridText, newId }, row, column, typed);
}

function commandOf(result: EditResult): EditCommand {
  if (!result.ok || result.command === null) throw new Error(`expected a command, got ${JSON.stringify(result)}`);
  return result.command;
}

function applied(ganttModel: GanttModel, result: EditResult): GanttModel {
  return buildGanttModel(plan, applyCommand(ganttModel.state, commandOf(result)), [weekdays]);
}

describe('editCell duration', () => {
  it('reads a number with a unit', () => {
    expect(commandOf(edit(phasedModel(), 'A', 'duration', '8 wd'))).toMatchObject({ after: { duration: 8, durationUnit: 'workingDays' } });
    expect(commandOf(edit(phasedModel(), 'A', 'duration', '90cd'))).toMatchObject({
      after: { duration: 90, durationUnit: 'calendarDays' },
    });
  });

  it('keeps the unit when none is typed', () => {
    expect(commandOf(edit(phasedModel(), 'A', 'duration', '6'))).toMatchObject({ after: { duration: 6, durationUnit: 'workingDays' } });
  });

  it('turns a zero duration into a milestone', () => {
    const result = applied(phasedModel(), edit(phasedModel(), 'C', 'duration', '0'));
    expect(result.daysById.get('C')?.milestone).toBe(true);
  });

  it.each(['ten', '-3', '2.5', '5 weeks'])('rejects %s naming the task', (typed) => {
    expect(edit(phasedModel(), 'A', 'duration', typed)).toEqual({
      ok: false,
      message: { key: 'gantt.input.invalidDuration', values: { task: 'Analysis', value: typed } },
    });
  });

  it('rejects a duration over the engine limit with its message', () => {
    expect(edit(phasedModel(), 'A', 'duration', '100001')).toMatchObject({
      ok: false,
      message: { key: 'errors.schedule.invalidDuration', values: { task: 'Analysis', max: 100_000 } },
    });
  });

  it('refuses to edit a summary duration', () => {
    expect(edit(phasedModel(), 'P', 'duration', '3')).toMatchObject({ ok: false, message: { key: 'gantt.input.summaryDuration' } });
  });

  it('changes nothing for the same value', () => {
    expect(edit(phasedModel(), 'A', 'duration', '5 wd')).toEqual({ ok: true, command: null });
  });
});

describe('editCell dates', () => {
  it('sets a start-no-earlier-than constraint', () => {
    const result = applied(phasedModel(), edit(phasedModel(), 'D', 'start', '2021-03-01'));
    expect(result.daysById.get('D')?.scheduled.earlyStart).toBe('2021-03-01');
  });

  it('clears the constraint for an empty start', () => {
    const constrained = model([task('A', 2, { startNoEarlierThan: '2021-03-01' })]);
    expect(commandOf(edit(constrained, 'A', 'start', ''))).toMatchObject({ after: { startNoEarlierThan: null } });
  });

  it('rejects a date that does not exist', () => {
    expect(edit(phasedModel(), 'D', 'start', '2021-02-30')).toMatchObject({
      ok: false,
      message: { key: 'gantt.input.invalidDate', values: { task: 'Deploy', value: '2021-02-30' } },
    });
  });

  it('sets the duration from a finish date', () => {
    // Deploy starts Thursday 11 February; a finish on Wednesday 17 February is 5 working days.
    expect(commandOf(edit(phasedModel(), 'D', 'finish', '2021-02-17'))).toMatchObject({ after: { duration: 5 } });
  });

  it('rejects a finish before the start', () => {
    expect(edit(phasedModel(), 'D', 'finish', '2021-02-01')).toMatchObject({
      ok: false,
      message: { key: 'gantt.input.finishBeforeStart' },
    });
  });
});

describe('editCell other columns', () => {
  it('renames a task and rejects an empty name', () => {
    expect(commandOf(edit(phasedModel(), 'A', 'name', '  Discovery '))).toMatchObject({ after: { name: 'Discovery' } });
    expect(edit(phasedModel(), 'A', 'name', '   ')).toMatchObject({ ok: false, message: { key: 'gantt.input.nameRequired' } });
  });

  it('reads progress with a percent sign', () => {
    expect(commandOf(edit(phasedModel(), 'A', 'progress', '40%'))).toMatchObject({ after: { progress: 40 } });
  });

  it.each(['120', '-1', 'half', ''])('rejects progress %s', (typed) => {
    expect(edit(phasedModel(), 'A', 'progress', typed)).toMatchObject({ ok: false, message: { key: 'gantt.input.invalidProgress' } });
  });

  it('sets the owner', () => {
    expect(commandOf(edit(phasedModel(), 'A', 'owner', 'Priya'))).toMatchObject({ after: { owner: 'Priya' }, before: { owner: '' } });
  });

  it('refuses read-only columns', () => {
    expect(edit(phasedModel(), 'A', 'totalFloat', '3')).toMatchObject({ ok: false, message: { key: 'gantt.input.readOnly' } });
  });
});

describe('editCell predecessors', () => {
  it('shows predecessors by WBS code with type and lag', () => {
    const linked = model(
      [task('X', 2, { order: 1 }), task('Y', 2, { order: 2 }), task('Z', 2, { order: 3 })],
      [link('X', 'Z', 'SS', 2), link('Y', 'Z', 'FS', -1, 'calendarDays')],
    );
    const row = linked.rowById.get('Z');
    if (row === undefined) throw new Error('no row');
    expect(cellText(linked, row, 'predecessors', null, gridText)).toBe('1SS+2 wd, 2FS-1 cd');
    expect(draftText(linked, row, 'predecessors', gridText)).toBe('1SS+2 wd, 2FS-1 cd');
  });

  it('adds a typed predecessor with type and lag', () => {
    const phased = phasedModel();
    const command = commandOf(edit(phased, 'D', 'predecessors', '1.4, 1.3SS+2 wd'));
    expect(command).toMatchObject({
      kind: 'addDependency',
      dependency: { predecessorId: 'C', successorId: 'D', type: 'SS', lag: 2, lagUnit: 'workingDays' },
    });
  });

  it('removes predecessors left out', () => {
    const phased = phasedModel();
    const command = commandOf(edit(phased, 'M', 'predecessors', '1.2'));
    expect(command).toMatchObject({ kind: 'removeDependency', dependency: { predecessorId: 'C', successorId: 'M' } });
  });

  it('replaces a changed link in one command', () => {
    const phased = phasedModel();
    const command = commandOf(edit(phased, 'B', 'predecessors', '1.1FF'));
    expect(command.kind).toBe('batch');
    const result = applied(phased, { ok: true, command });
    expect(result.incoming.get('B')?.map((dependency) => dependency.type)).toEqual(['FF']);
  });

  it('rejects a cycle with the engine message naming the tasks', () => {
    const phased = phasedModel();
    const result = edit(phased, 'A', 'predecessors', '2');
    expect(result).toMatchObject({ ok: false, message: { key: 'errors.schedule.dependencyCycle' } });
    if (result.ok) return;
    expect(String(result.message.values.tasks)).toContain('Deploy');
    expect(String(result.message.values.tasks)).toContain('Analysis');
  });

  it('rejects an unknown WBS code', () => {
    expect(edit(phasedModel(), 'D', 'predecessors', '9.9')).toMatchObject({
      ok: false,
      message: { key: 'gantt.input.unknownWbs', values: { task: 'Deploy', value: '9.9' } },
    });
  });

  it('rejects text that is not a predecessor', () => {
    expect(edit(phasedModel(), 'D', 'predecessors', 'after build')).toMatchObject({
      ok: false,
      message: { key: 'gantt.input.invalidPredecessor' },
    });
    expect(edit(phasedModel(), 'D', 'predecessors', '1.4XY')).toMatchObject({
      ok: false,
      message: { key: 'gantt.input.invalidPredecessor' },
    });
  });

  it('rejects the same predecessor twice', () => {
    expect(edit(phasedModel(), 'D', 'predecessors', '1.4, 1.4SS')).toMatchObject({
      ok: false,
      message: { key: 'gantt.input.repeatedPredecessor' },
    });
  });

  it('rejects the task as its own predecessor', () => {
    expect(edit(phasedModel(), 'D', 'predecessors', '1.4, 2')).toMatchObject({
      ok: false,
      message: { key: 'errors.schedule.selfDependency' },
    });
  });

  it('changes nothing for the same list', () => {
    expect(edit(phasedModel(), 'M', 'predecessors', '1.2, 1.3')).toEqual({ ok: true, command: null });
  });
});

describe('cellText', () => {
  const phased = phasedModel();
  const text = (id: string, column: GanttColumnId) => {
    const row = phased.rowById.get(id);
    if (row === undefined) throw new Error('no row');
    return cellText(phased, row, column, null, gridText);
  };

  it('always shows the duration unit', () => {
    expect(text('A', 'duration')).toBe('5 wd');
    expect(text('M', 'duration')).toBe('0 wd');
    // The gate milestone occupies Thursday 11 February, the day it is dated on, so the phase spans 9 working days.
    expect(text('P', 'duration')).toBe('9 wd');
  });

  it('marks critical float in words', () => {
    expect(text('A', 'totalFloat')).toBe('0 wd (critical)');
    expect(text('C', 'totalFloat')).toBe('1 wd');
  });

  it('shows the scheduled dates', () => {
    expect(text('B', 'start')).toBe('2021-02-08');
    expect(text('B', 'finish')).toBe('2021-02-10');
  });
});
