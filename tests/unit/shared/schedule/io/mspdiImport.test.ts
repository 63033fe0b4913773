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
      resourcesDropped: { count: 1 },
      assignmentsDropped: { count: 1 },
      selfDependency: { task: 'Pilot' },
      unknownPredecessor: { task: 'Hypercare', predecessor: '99' },
    });
  });

  it('schedules without errors', () => {
    const outcome = schedule(plan);
    expect(outcome.issues).toEqual([]);
    expect(planFinish(outcome)).toBe('2025-04-03');
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
