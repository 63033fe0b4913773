import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../../../../../shared/schedule/commands';
import type { EditCommand } from '../../../../../../../shared/schedule/commands';
import { editCell, editedMessage } from '../../../../../../../renderer/src/features/plans/gantt/cellEdits';
import type { EditResult } from '../../../../../../../renderer/src/features/plans/gantt/editCheck';
import { buildGanttModel } from '../../../../../../../renderer/src/features/plans/gantt/ganttModel';
import type { GanttModel } from '../../../../../../../renderer/src/features/plans/gantt/ganttModel';
import {
  calendarChoices,
  calendarLabel,
  cellText,
  draftText,
  isChoiceColumn,
  isEditableColumn,
} from '../../../../../../../renderer/src/features/plans/gantt/gridCells';
import type { GanttColumnId } from '../../../../../../../renderer/src/features/plans/gantt/gridCells';
import { gridText, model, plan, sundayToThursday, task, weekdays } from './ganttFixture';

const calendars = [weekdays, sundayToThursday];

/** Builds a phase with two tasks in a row and a task at the top level, from Monday 1 February 2021. */
function sitePlan(overrides: Readonly<Record<string, Partial<Parameters<typeof task>[2]>>> = {}): GanttModel {
  return model(
    [
      task('P', 0, { name: 'Knowledge transfer', order: 1, ...overrides.P }),
      task('A', 5, { name: 'Shadowing', parentId: 'P', order: 1, ...overrides.A }),
      task('B', 5, { name: 'Reverse shadowing', parentId: 'P', order: 2, ...overrides.B }),
      task('C', 3, { name: 'Go-live', order: 2, ...overrides.C }),
    ],
    [{ id: 'A-B', planId: plan.id, predecessorId: 'A', successorId: 'B', type: 'FS', lag: 0, lagUnit: 'workingDays' }],
    calendars,
  );
}

function text(ganttModel: GanttModel, taskId: string, column: GanttColumnId): string {
  const row = ganttModel.rowById.get(taskId);
  if (row === undefined) throw new Error(`no row ${taskId}`);
  return cellText(ganttModel, row, column, null, gridText);
}

function edit(ganttModel: GanttModel, taskId: string, typed: string): EditResult {
  const row = ganttModel.rowById.get(taskId);
  if (row === undefined) throw new Error(`no row ${taskId}`);
  return editCell({ model: ganttModel, text: gridText, newId: () => 'new-id' }, row, 'calendar', typed);
}

function commandOf(result: EditResult): EditCommand {
  if (!result.ok || result.command === null) throw new Error(`expected a command, got ${JSON.stringify(result)}`);
  return result.command;
}

function applied(ganttModel: GanttModel, result: EditResult): GanttModel {
  return buildGanttModel(plan, applyCommand(ganttModel.state, commandOf(result)), calendars);
}

describe('calendar column', () => {
  it('is edited by choosing from a list', () => {
    expect(isEditableColumn('calendar')).toBe(true);
    expect(isChoiceColumn('calendar')).toBe(true);
    expect(isChoiceColumn('owner')).toBe(false);
  });

  it('shows the plan calendar for a task without its own', () => {
    expect(text(sitePlan(), 'A', 'calendar')).toBe('Plan calendar');
  });

  it('shows a task’s own calendar with its site', () => {
    expect(text(sitePlan({ C: { calendarId: sundayToThursday.id } }), 'C', 'calendar')).toBe('Riyadh site (Riyadh)');
  });

  it('shows a calendar inherited from the summary task', () => {
    const inherited = sitePlan({ P: { calendarId: sundayToThursday.id } });
    expect(text(inherited, 'P', 'calendar')).toBe('Riyadh site (Riyadh)');
    expect(text(inherited, 'A', 'calendar')).toBe('Riyadh site (Riyadh), inherited');
  });

  it('shows a calendar no longer in the portfolio', () => {
    const missing = model([task('A', 5, { calendarId: 'cal-gone' })], [], calendars);
    expect(text(missing, 'A', 'calendar')).toBe('Missing calendar');
  });

  it('starts an edit from the stored calendar id', () => {
    const own = sitePlan({ C: { calendarId: sundayToThursday.id } });
    const row = own.rowById.get('C');
    const plain = own.rowById.get('A');
    if (row === undefined || plain === undefined) throw new Error('no rows');
    expect(draftText(own, row, 'calendar', gridText)).toBe(sundayToThursday.id);
    expect(draftText(own, plain, 'calendar', gridText)).toBe('');
  });
});

describe('calendarChoices', () => {
  it('lists the plan calendar first, then the calendars by name', () => {
    expect(calendarChoices([sundayToThursday, weekdays], gridText)).toEqual([
      { value: '', label: 'Plan calendar' },
      { value: weekdays.id, label: 'Head office' },
      { value: sundayToThursday.id, label: 'Riyadh site (Riyadh)' },
    ]);
  });

  it('leaves out a site equal to the name', () => {
    expect(calendarLabel({ name: 'Manila', site: 'Manila' })).toBe('Manila');
  });
});

describe('editCell calendar', () => {
  it('puts a task on a site calendar', () => {
    expect(commandOf(edit(sitePlan(), 'C', sundayToThursday.id))).toEqual({
      kind: 'updateTask',
      taskId: 'C',
      before: { calendarId: null },
      after: { calendarId: sundayToThursday.id },
    });
  });

  it('moves the dates to the site’s working days', () => {
    // A five-day task from Monday 1 February crosses the site's Friday and Saturday weekend.
    const before = sitePlan();
    expect(text(before, 'A', 'finish')).toBe('2021-02-05');
    expect(text(before, 'B', 'start')).toBe('2021-02-08');
    const after = applied(before, edit(before, 'A', sundayToThursday.id));
    expect(text(after, 'A', 'start')).toBe('2021-02-01');
    expect(text(after, 'A', 'finish')).toBe('2021-02-07');
    // B stays on the plan calendar, so it starts on the Monday after.
    expect(text(after, 'B', 'start')).toBe('2021-02-08');
  });

  it('puts the tasks below a summary on its calendar', () => {
    const before = sitePlan();
    const after = applied(before, edit(before, 'P', sundayToThursday.id));
    expect(text(after, 'A', 'finish')).toBe('2021-02-07');
    // B follows the summary's calendar too: five days from Monday 8 February end on Sunday 14 February.
    expect(text(after, 'B', 'finish')).toBe('2021-02-14');
  });

  it('keeps a child’s own calendar under a summary’s', () => {
    const before = sitePlan({ B: { calendarId: weekdays.id } });
    const after = applied(before, edit(before, 'P', sundayToThursday.id));
    expect(text(after, 'B', 'calendar')).toBe('Head office');
    // B starts on Sunday 7 February after A, yet works Monday to Friday: 8 to 12 February.
    expect(text(after, 'B', 'finish')).toBe('2021-02-12');
  });

  it('returns a task to the plan calendar for an empty choice', () => {
    const own = sitePlan({ C: { calendarId: sundayToThursday.id } });
    expect(commandOf(edit(own, 'C', ''))).toMatchObject({ after: { calendarId: null } });
  });

  it('changes nothing for the same calendar', () => {
    expect(edit(sitePlan(), 'C', '')).toEqual({ ok: true, command: null });
  });

  it('rejects a calendar that is not in the portfolio', () => {
    expect(edit(sitePlan(), 'C', 'cal-gone')).toEqual({
      ok: false,
      message: { key: 'gantt.input.unknownCalendar', values: { task: 'Go-live', value: 'cal-gone' } },
    });
  });
});

describe('editedMessage', () => {
  const ganttModel = sitePlan({ A: { startNoEarlierThan: '2021-02-03' } });
  const message = (taskId: string, column: GanttColumnId, command: EditCommand) => {
    const row = ganttModel.rowById.get(taskId);
    if (row === undefined) throw new Error(`no row ${taskId}`);
    return editedMessage(ganttModel, row, column, command, gridText, 'Column');
  };

  it('names the calendar a task now follows', () => {
    expect(message('C', 'calendar', commandOf(edit(ganttModel, 'C', sundayToThursday.id)))).toEqual({
      key: 'gantt.status.calendar',
      values: { task: 'Go-live', calendar: 'Riyadh site (Riyadh)' },
    });
  });

  it('says when a task returns to the plan calendar', () => {
    const command: EditCommand = {
      kind: 'updateTask',
      taskId: 'C',
      before: { calendarId: sundayToThursday.id },
      after: { calendarId: null },
    };
    expect(message('C', 'calendar', command)).toEqual({ key: 'gantt.status.planCalendar', values: { task: 'Go-live' } });
  });

  it('says when a start constraint is removed', () => {
    const row = ganttModel.rowById.get('A');
    if (row === undefined) throw new Error('no row A');
    const cleared = editCell({ model: ganttModel, text: gridText, newId: () => 'x' }, row, 'start', '');
    expect(message('A', 'start', commandOf(cleared))).toEqual({ key: 'gantt.status.constraintCleared', values: { task: 'Shadowing' } });
  });

  it('names the new start constraint', () => {
    const command: EditCommand = { kind: 'updateTask', taskId: 'A', before: {}, after: { startNoEarlierThan: '2021-02-04' } };
    expect(message('A', 'start', command)).toEqual({ key: 'gantt.status.moved', values: { task: 'Shadowing', date: '2021-02-04' } });
  });

  it('names the column for other edits', () => {
    const command: EditCommand = { kind: 'updateTask', taskId: 'A', before: { owner: '' }, after: { owner: 'Ana' } };
    expect(message('A', 'owner', command)).toEqual({ key: 'gantt.status.edited', values: { task: 'Shadowing', column: 'Column' } });
  });
});
