import { describe, expect, it } from 'vitest';
import {
  fixtureBytes,
  importBytes,
  importError,
  importFixture,
  linkLines,
  notesWithCode,
  planFinish,
  schedule,
  taskNamed,
} from './projectFiles';

describe('MSPDI import', () => {
  const { plan, report } = importFixture('service-desk.xml');

  it('reads plan fields and entities', () => {
    expect(report.format).toBe('mspdi');
    expect(plan.plan.title).toBe('Service desk transition & wave 1');
    expect(plan.plan.startOn).toBe('2025-03-03');
    expect(taskNamed(plan, 'Run KT sessions').notes).toBe('Sessions <recorded> \u2013 see wiki');
  });

  it('converts durations by format', () => {
    expect(taskNamed(plan, 'Run KT sessions').duration).toBe(5);
    expect(taskNamed(plan, 'Pilot')).toMatchObject({ duration: 4, durationUnit: 'calendarDays' });
    expect(taskNamed(plan, 'Hypercare')).toMatchObject({ duration: 3, durationUnit: 'workingDays' });
    expect(taskNamed(plan, 'Go-live')).toMatchObject({ duration: 0, startNoEarlierThan: '2025-04-01' });
    expect(taskNamed(plan, 'Run KT sessions').progress).toBe(60);
  });

  it('reads links with lags in tenths of minutes', () => {
    expect(linkLines(plan)).toEqual([
      'Go-live FS 0 workingDays -> Hypercare',
      'Knowledge transfer SF 0 workingDays -> Go-live',
      'Pilot FF 2 calendarDays -> Go-live',
      'Reverse KT in Pune SS -1 workingDays -> Pilot',
      'Run KT sessions FS 1 workingDays -> Reverse KT in Pune',
    ]);
  });

  it('reads base calendars and task calendars', () => {
    expect(plan.calendars.map((calendar) => calendar.name)).toEqual(['Standard', 'Pune site']);
    const [standard, pune] = plan.calendars;
    expect(standard?.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect(standard?.holidays).toEqual(['2025-04-18', '2025-04-19', '2025-04-20', '2025-04-21', '2025-05-05']);
    expect(pune?.workingWeekdays).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pune?.holidays).toEqual(['2025-03-14']);
    expect(plan.plan.calendarId).toBe(standard?.id);
    expect(taskNamed(plan, 'Reverse KT in Pune').calendarId).toBe(pune?.id);
  });

  it('skips blank rows and the project summary task', () => {
    expect(plan.tasks).toHaveLength(6);
    expect(notesWithCode(report.notes, 'projectSummaryTask')[0]?.detail).toEqual({ task: 'Service desk transition' });
  });

  it('reports what it dropped', () => {
    const dropped = Object.fromEntries(report.notes.filter((note) => note.kind === 'dropped').map((note) => [note.code, note.detail]));
    expect(dropped).toEqual({
      workingHoursDropped: { calendar: 'Standard' },
      resourceCalendarDropped: { count: 1 },
      unsupportedConstraint: { task: 'Hypercare', constraint: 'finishNoLaterThan', date: '2025-05-30' },
      costsDropped: { count: 1 },
      baselineDropped: { count: 1 },
      customFieldsDropped: { count: 1 },
      selfDependency: { task: 'Pilot' },
      unknownPredecessor: { task: 'Hypercare', predecessor: '99' },
    });
  });

  it('makes the assigned resource the owner', () => {
    expect(taskNamed(plan, 'Run KT sessions').owner).toBe('Asha');
    expect(taskNamed(plan, 'Go-live').owner).toBe('');
    expect(notesWithCode(report.notes, 'resourcesAsOwners')[0]?.detail).toEqual({ count: 1 });
  });

  it('schedules without errors', () => {
    const outcome = schedule(plan);
    expect(outcome.issues).toEqual([]);
    expect(planFinish(outcome)).toBe('2025-04-03');
  });

  it('compares no finish the file does not give', () => {
    expect(notesWithCode(report.notes, 'planFinishEarlier')).toEqual([]);
    expect(notesWithCode(report.notes, 'planFinishLater')).toEqual([]);
    expect(notesWithCode(report.notes, 'taskFinishesDiffer')).toEqual([]);
  });
});

describe.each(['hours-calendar.xml', 'hours-calendar.mpx'])('import of %s, a half-day calendar', (fixture) => {
  const { plan, report } = importFixture(fixture);

  it('reports recurring tasks as kept', () => {
    expect(notesWithCode(report.notes, 'recurringTasksKept')).toEqual([
      {
        kind: 'changed',
        code: 'recurringTasksKept',
        detail: { count: 3, tasks: 'Steering review\nSteering review 1\nSteering review 2' },
      },
    ]);
    expect(plan.tasks.map((task) => task.name)).toEqual([
      'Steering review',
      'Steering review 1',
      'Steering review 2',
      'Knowledge transfer',
      'Shadow run',
      'Go-live',
    ]);
  });

  it('joins several resources into the owner', () => {
    expect(taskNamed(plan, 'Knowledge transfer').owner).toBe('Asha, Ravi');
    expect(taskNamed(plan, 'Shadow run').owner).toBe('Asha');
    expect(notesWithCode(report.notes, 'ownersJoined')).toEqual([
      { kind: 'changed', code: 'ownersJoined', detail: { task: 'Knowledge transfer', count: 2, owner: 'Asha, Ravi' } },
    ]);
    expect(notesWithCode(report.notes, 'resourcesAsOwners')[0]?.detail).toEqual({ count: 2 });
  });

  it('counts resources and assignments left out', () => {
    expect(notesWithCode(report.notes, 'resourcesDropped')[0]?.detail).toEqual({ count: 1 });
    expect(notesWithCode(report.notes, 'assignmentsDropped')[0]?.detail).toEqual({ count: 1 });
  });

  it('reports the working hours', () => {
    expect(notesWithCode(report.notes, 'workingHoursDropped')).toEqual([
      { kind: 'dropped', code: 'workingHoursDropped', detail: { calendar: 'Mornings' } },
    ]);
  });

  it('reports the finish in working days', () => {
    // The Go-live milestone is dated on the next working day; the comparison uses the last day of work.
    expect(planFinish(schedule(plan))).toBe('2025-03-13');
    expect(notesWithCode(report.notes, 'planFinishEarlier')).toEqual([
      {
        kind: 'changed',
        code: 'planFinishEarlier',
        detail: { fileFinish: '2025-03-25', finish: '2025-03-12', count: 8, reason: 'hours' },
      },
    ]);
  });

  it('reports the task with the largest difference', () => {
    expect(notesWithCode(report.notes, 'taskFinishesDiffer')).toEqual([
      {
        kind: 'changed',
        code: 'taskFinishesDiffer',
        detail: { count: 4, task: 'Shadow run', fileFinish: '2025-03-25', finish: '2025-03-12', reason: '' },
      },
    ]);
  });
});

describe('MSPDI finish comparison', () => {
  /** Returns a one-task plan of 5 working days from Monday 2025-03-03 whose file gives the task finish `finish`. */
  function planFinishing(finish: string, projectFinish = ''): string {
    return [
      '<Project><StartDate>2025-03-03T08:00:00</StartDate>',
      projectFinish === '' ? '' : `<FinishDate>${projectFinish}</FinishDate>`,
      '<Tasks><Task><UID>1</UID><Name>Run</Name><OutlineLevel>1</OutlineLevel><Duration>PT40H0M0S</Duration>',
      `<Finish>${finish}</Finish></Task></Tasks></Project>`,
    ].join('');
  }

  function notesOf(xml: string): ReturnType<typeof importFixture>['report']['notes'] {
    const outcome = importBytes(new TextEncoder().encode(xml), 'finish.xml');
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    return outcome.report.notes.filter((note) => note.code.includes('Finish'));
  }

  it('reports nothing when the finish matches', () => {
    expect(notesOf(planFinishing('2025-03-07T17:00:00', '2025-03-07T17:00:00'))).toEqual([]);
  });

  it('counts working days over a weekend', () => {
    expect(notesOf(planFinishing('2025-03-07T17:00:00', '2025-03-10T17:00:00'))).toEqual([
      {
        kind: 'changed',
        code: 'planFinishEarlier',
        detail: { fileFinish: '2025-03-10', finish: '2025-03-07', count: 1, reason: 'hours' },
      },
    ]);
  });

  it('gives the reason with the tasks when the plan finish matches', () => {
    expect(notesOf(planFinishing('2025-03-05T17:00:00'))).toEqual([
      {
        kind: 'changed',
        code: 'taskFinishesDiffer',
        detail: { count: 1, task: 'Run', fileFinish: '2025-03-05', finish: '2025-03-07', reason: 'hours' },
      },
    ]);
  });

  it('ignores a malformed finish', () => {
    expect(notesOf(planFinishing('soon', 'later'))).toEqual([]);
  });
});

describe('MSPDI import errors', () => {
  it('rejects a DOCTYPE with entities', () => {
    const outcome = importBytes(fixtureBytes('doctype-entities.xml'), 'doctype-entities.xml');
    expect(outcome.ok).toBe(false);
    expect(importError(outcome).code).toBe('projectFile.doctypeRejected');
    expect(importError(outcome).detail.line).toBe(2);
  });

  it('rejects malformed XML with its line', () => {
    const outcome = importBytes(fixtureBytes('malformed.xml'), 'malformed.xml');
    expect(importError(outcome).code).toBe('projectFile.invalidXml');
    expect(importError(outcome).detail.line).toBe(5);
  });

  it('rejects an unknown root element', () => {
    const outcome = importBytes(new TextEncoder().encode('<Workbook><Sheet/></Workbook>'), 'sheet.xml');
    expect(importError(outcome)).toEqual({ code: 'projectFile.unknownFormat', detail: { file: 'sheet.xml', value: 'Workbook' } });
  });

  it('rejects an empty file', () => {
    const outcome = importBytes(new Uint8Array(), 'empty.xml');
    expect(importError(outcome).code).toBe('projectFile.empty');
  });

  it('rejects a bad duration', () => {
    const xml =
      '<Project><Tasks><Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>5 days</Duration></Task></Tasks></Project>';
    const outcome = importBytes(new TextEncoder().encode(xml), 'bad.xml');
    expect(importError(outcome)).toEqual({
      code: 'projectFile.invalidValue',
      detail: { file: 'bad.xml', line: 1, field: 'Duration', value: '5 days' },
    });
  });
});
