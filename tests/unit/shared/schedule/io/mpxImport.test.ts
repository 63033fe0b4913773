import { describe, expect, it } from 'vitest';
import { importBytes, importError, importFixture, linkLines, notesWithCode, planFinish, schedule, taskNamed } from './projectFiles';

describe('MPX import, German locale', () => {
  const { plan, report } = importFixture('german-locale.mpx');

  it('decodes Windows-1252 text', () => {
    expect(report.format).toBe('mpx');
    expect(report.encoding).toBe('windows-1252');
    expect(plan.plan.title).toBe('Übergabe Lohnbuchhaltung');
    expect(taskNamed(plan, 'Abnahme prüfen').duration).toBe(3);
  });

  it('reads dates in day.month.year order', () => {
    expect(plan.plan.startOn).toBe('2025-06-02');
    expect(taskNamed(plan, 'Stabilisierung').startNoEarlierThan).toBe('2025-07-01');
  });

  it('maps German link types and day units', () => {
    expect(linkLines(plan)).toEqual([
      'Abnahme prüfen FS 3 calendarDays -> Go-live-Entscheidung',
      'Go-live-Entscheidung FS 0 workingDays -> Stabilisierung',
      'Parallelbetrieb FF 0 workingDays -> Abnahme prüfen',
      'Parallelbetrieb SF 0 workingDays -> Go-live-Entscheidung',
      'Schulung durchführen SS -1 workingDays -> Parallelbetrieb',
      'Wissenstransfer planen FS 2 workingDays -> Schulung durchführen',
    ]);
  });

  it('converts weeks, hours and decimal commas', () => {
    expect(taskNamed(plan, 'Stabilisierung').duration).toBe(5);
    expect(taskNamed(plan, 'Berichtswesen übergeben').duration).toBe(2);
    expect(taskNamed(plan, 'Schulung durchführen').duration).toBe(3);
    expect(notesWithCode(report.notes, 'durationRounded')).toEqual([
      { kind: 'changed', code: 'durationRounded', detail: { task: 'Schulung durchführen', value: 2.5, rounded: 3, unit: 'workingDays' } },
    ]);
    expect(taskNamed(plan, 'Schulung durchführen').progress).toBe(40);
  });

  it('keeps hierarchy, milestones and notes', () => {
    const summary = taskNamed(plan, 'Übergabe');
    expect(plan.tasks.filter((task) => task.parentId === summary.id).map((task) => task.name)).toEqual([
      'Wissenstransfer planen',
      'Schulung durchführen',
      'Parallelbetrieb',
      'Abnahme prüfen',
      'Go-live-Entscheidung',
    ]);
    expect(taskNamed(plan, 'Go-live-Entscheidung').duration).toBe(0);
    expect(taskNamed(plan, 'Wissenstransfer planen').notes).toBe('Ablauf mit dem Dienstleister abstimmen');
    expect(report.converted).toEqual({ tasks: 8, summaryTasks: 1, milestones: 1, dependencies: 6, calendars: 1, startConstraints: 1 });
  });

  it('reads non-working exceptions as holidays', () => {
    expect(plan.calendars).toHaveLength(1);
    expect(plan.calendars[0]?.workingWeekdays).toEqual([1, 2, 3, 4, 5]);
    expect(plan.calendars[0]?.holidays).toEqual(['2025-06-09', '2025-12-24', '2025-12-25', '2025-12-26']);
    expect(plan.plan.calendarId).toBe(plan.calendars[0]?.id);
  });

  it('reports what it dropped', () => {
    expect(notesWithCode(report.notes, 'selfDependency')).toEqual([
      { kind: 'dropped', code: 'selfDependency', detail: { task: 'Go-live-Entscheidung' } },
    ]);
    expect(notesWithCode(report.notes, 'unsupportedConstraint')).toEqual([
      {
        kind: 'dropped',
        code: 'unsupportedConstraint',
        detail: { task: 'Berichtswesen übergeben', constraint: 'Ende nicht später als', date: '2025-07-04' },
      },
    ]);
    expect(notesWithCode(report.notes, 'calendarExceptionDropped')[0]?.detail).toEqual({
      calendar: 'Standard',
      from: '2025-12-06',
      to: '2025-12-06',
    });
    expect(notesWithCode(report.notes, 'resourcesDropped')[0]?.detail).toEqual({ count: 1 });
    expect(notesWithCode(report.notes, 'costsDropped')[0]?.detail).toEqual({ count: 1 });
    expect(notesWithCode(report.notes, 'calendarExceptionDropped')).toHaveLength(1);
  });

  it('schedules without errors', () => {
    const outcome = schedule(plan);
    expect(outcome.issues).toEqual([]);
    expect(planFinish(outcome)).toBe('2025-07-07');
  });
});

describe('MPX import, English locale', () => {
  const { plan, report } = importFixture('english.mpx');

  it('reads every link type and lag', () => {
    expect(linkLines(plan)).toEqual([
      'Document payroll runs FS -1 workingDays -> Shadow the team',
      'Document payroll runs FS 1 workingDays -> Reverse shadow',
      'Knowledge transfer FS 0 workingDays -> Weekly review',
      'Parallel run SF 0 workingDays -> Go-live',
      'Pilot run FF 2 calendarDays -> Parallel run',
      'Reverse shadow SS 0 workingDays -> Pilot run',
      'Shadow the team FS 0 workingDays -> Go-live',
      'Shadow the team FS 0 workingDays -> Reverse shadow',
    ]);
  });

  it('drops the project summary task', () => {
    expect(plan.tasks.map((task) => task.name)).not.toContain('Payroll transition');
    expect(notesWithCode(report.notes, 'projectSummaryTask')).toHaveLength(1);
    expect(plan.plan.title).toBe('Payroll transition');
  });

  it('reads quoted notes and pound signs', () => {
    expect(taskNamed(plan, 'Document payroll runs').notes).toBe('Notes with a comma, and "quotes"');
    expect(notesWithCode(report.notes, 'costsDropped')[0]?.detail).toEqual({ count: 1 });
  });

  it('reports percent lags and other constraints', () => {
    expect(notesWithCode(report.notes, 'unsupportedLagUnit')).toEqual([
      { kind: 'dropped', code: 'unsupportedLagUnit', detail: { task: 'Go-live', value: '3FS+10%' } },
    ]);
    expect(notesWithCode(report.notes, 'unsupportedConstraint')[0]?.detail).toEqual({
      task: 'Go-live',
      constraint: 'Must Start On',
      date: '2025-05-12',
    });
    expect(taskNamed(plan, 'Go-live').startNoEarlierThan).toBeNull();
    expect(taskNamed(plan, 'Weekly review').startNoEarlierThan).toBe('2025-04-21');
  });

  it('keeps the recurring task as an ordinary task', () => {
    expect(notesWithCode(report.notes, 'recurringTasksKept')).toEqual([
      { kind: 'changed', code: 'recurringTasksKept', detail: { count: 1, tasks: 'Weekly review' } },
    ]);
    expect(taskNamed(plan, 'Weekly review').duration).toBe(1);
  });

  it('makes the assigned resource the owner', () => {
    expect(taskNamed(plan, 'Document payroll runs').owner).toBe('Transition lead');
    expect(notesWithCode(report.notes, 'resourcesAsOwners')[0]?.detail).toEqual({ count: 1 });
    expect(notesWithCode(report.notes, 'resourcesDropped')).toEqual([]);
    expect(notesWithCode(report.notes, 'assignmentsDropped')).toEqual([]);
  });

  it('leaves out 8-hour working days unreported', () => {
    expect(notesWithCode(report.notes, 'workingHoursDropped')).toEqual([]);
  });

  it('converts 1.5 weeks to 8 working days', () => {
    expect(taskNamed(plan, 'Parallel run').duration).toBe(8);
  });

  it('schedules without errors', () => {
    const outcome = schedule(plan);
    expect(outcome.ok).toBe(true);
    expect(outcome.issues).toEqual([]);
  });
});

describe('MPX import errors', () => {
  it('rejects a bad duration with its line', () => {
    const text = 'MPX,Microsoft Project for Windows,4.0,ANSI\r\n61,1,40,90\r\n70,Task,5 fortnights,1\r\n';
    const outcome = importBytes(new TextEncoder().encode(text), 'bad.mpx');
    expect(outcome.ok).toBe(false);
    expect(importError(outcome)).toEqual({
      code: 'projectFile.invalidValue',
      detail: { file: 'bad.mpx', line: 3, field: 'Duration', value: '5 fortnights' },
    });
  });

  it('rejects a task before its field list', () => {
    const outcome = importBytes(new TextEncoder().encode('MPX,x,4.0,ANSI\r\n70,Task\r\n'), 'nofields.mpx');
    expect(importError(outcome).code).toBe('projectFile.invalidRecord');
  });

  it('rejects an unknown code page', () => {
    const outcome = importBytes(new TextEncoder().encode('MPX,x,4.0,EBCDIC\r\n'), 'ebcdic.mpx');
    expect(importError(outcome)).toEqual({
      code: 'projectFile.unsupportedEncoding',
      detail: { file: 'ebcdic.mpx', value: 'EBCDIC' },
    });
  });

  it('rejects a file without tasks', () => {
    const outcome = importBytes(new TextEncoder().encode('MPX;x;4.0;ANSI\r\n10;€;1;2;.;,\r\n20;Standard;0;1;1;1;1;1;0\r\n'), 'short.mpx');
    expect(importError(outcome).code).toBe('projectFile.noTasks');
  });
});
