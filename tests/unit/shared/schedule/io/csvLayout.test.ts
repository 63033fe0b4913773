import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPlanCsv } from '../../../../../shared/schedule/io/csvExport';
import type { ImportedPlan, ProjectImportOutcome } from '../../../../../shared/schedule/io/types';
import { transitionPlan } from './planFactory';
import { fixtureFolder, importBytes, importError, importFixture, linkLines, notesWithCode, schedule, taskNamed } from './projectFiles';

const golden = readFileSync(join(fixtureFolder, 'transition-plan.csv'), 'utf8');
const goldenLines = golden.split('\r\n');

function importText(text: string, fileName = 'plan.csv'): ProjectImportOutcome {
  return importBytes(new TextEncoder().encode(text), fileName);
}

function imported(text: string): Extract<ProjectImportOutcome, { ok: true }> {
  const outcome = importText(text);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome;
}

function csvOf(plan: ImportedPlan): string {
  const outcome = schedule(plan);
  return exportPlanCsv(plan, outcome.ok ? outcome.schedule : undefined);
}

/**
 * Returns the golden file with one row replaced. Rows count from 1 with the header. The notes of
 * row 3 span two lines, so from row 4 on, row n starts on line n + 1.
 */
function withRow(row: number, text: string): string {
  return goldenLines.map((current, index) => (index === row - 1 ? text : current)).join('\r\n');
}

describe('plan CSV export', () => {
  it('writes the golden file', () => {
    expect(csvOf(transitionPlan())).toBe(golden);
  });

  it('writes the task header', () => {
    expect(goldenLines[0]).toBe('WBS,Name,Duration,Start no earlier than,Progress,Predecessors,Owner,Notes,Calendar,Start,Finish');
  });

  it('writes WBS codes, units and predecessors as the plan screen', () => {
    expect(goldenLines).toContain('1.2,Shadow the team,4 wd,,0,1.1FS+1 wd,"Ravi Kumar, Asha Rao",,,2026-03-09,2026-03-12');
    expect(goldenLines).toContain('1.3,Reverse shadow,3 cd,,0,1.2SS-1 wd,,,,2026-03-07,2026-03-09');
    expect(goldenLines).toContain('4,Hypercare,15 wd,,0,"3FS+3 cd, 1SS+10 wd",Ops team,,,2026-03-23,2026-04-14');
    expect(goldenLines).toContain('3,Go-live decision,0 wd,,0,2SF,,,,2026-03-20,2026-03-20');
  });

  it('writes a summary duration in brackets', () => {
    expect(goldenLines[1]).toBe('1,Knowledge transfer,(9 wd),,0,,,,Pune site,2026-03-02,2026-03-12');
  });

  it('leaves a summary duration empty without a schedule', () => {
    expect(exportPlanCsv(transitionPlan()).split('\r\n')[1]).toBe('1,Knowledge transfer,,,0,,,,Pune site,,');
  });

  it('writes the calendar section after an empty row', () => {
    const start = goldenLines.indexOf('');
    expect(goldenLines.slice(start)).toEqual([
      '',
      'Calendar,Site,Plan calendar,Working days,Holidays',
      'UK office,,yes,Mon Tue Wed Thu Fri,2026-04-03 2026-04-06 2026-05-04',
      'Pune site,Pune,,Mon Tue Wed Thu Fri Sat,2026-03-04 2026-03-26',
      'Manila site,Manila,,Mon Tue Wed Thu Sun,2026-04-09',
      '',
    ]);
  });

  it('names calendars with the same name apart', () => {
    const plan = transitionPlan();
    const renamed = { ...plan, calendars: plan.calendars.map((calendar) => ({ ...calendar, name: 'Site' })) };
    const again = imported(csvOf(renamed)).plan;
    expect(again.calendars.map((calendar) => calendar.name)).toEqual(['Site', 'Site (2)', 'Site (3)']);
    expect(again.plan.calendarId).toBe(again.calendars[0]?.id);
    expect(taskNamed(again, 'Stabilisation report').calendarId).toBe(again.calendars[2]?.id);
  });
});

describe('plan CSV import', () => {
  const { plan, report } = importFixture('transition-plan.csv');

  it('reads the calendars and the plan calendar', () => {
    expect(plan.calendars.map(({ name, site, workingWeekdays }) => [name, site, workingWeekdays])).toEqual([
      ['UK office', '', [1, 2, 3, 4, 5]],
      ['Pune site', 'Pune', [1, 2, 3, 4, 5, 6]],
      ['Manila site', 'Manila', [1, 2, 3, 4, 7]],
    ]);
    expect(plan.calendars[0]?.holidays).toEqual(['2026-04-03', '2026-04-06', '2026-05-04']);
    expect(plan.plan.calendarId).toBe(plan.calendars[0]?.id);
  });

  it('reads task calendars by name', () => {
    expect(taskNamed(plan, 'Knowledge transfer').calendarId).toBe(plan.calendars[1]?.id);
    expect(taskNamed(plan, 'Document payroll runs').calendarId).toBe(plan.calendars[0]?.id);
    expect(taskNamed(plan, 'Shadow the team').calendarId).toBeNull();
  });

  it('reads the outline from WBS codes', () => {
    const summary = taskNamed(plan, 'Knowledge transfer');
    expect(plan.tasks.filter((task) => task.parentId === summary.id).map((task) => task.name)).toEqual([
      'Document payroll runs',
      'Shadow the team',
      'Reverse shadow',
    ]);
    expect(summary.duration).toBe(0);
  });

  it('reads predecessors by WBS code', () => {
    expect(linkLines(plan)).toEqual(linkLines(transitionPlan()));
  });

  it('reports nothing', () => {
    expect(report.notes).toEqual([]);
  });

  it('exports the same file again', () => {
    expect(csvOf(plan)).toBe(golden);
  });
});

describe('plan CSV of the first layout', () => {
  const { plan, report } = importFixture('legacy-layout.csv');

  it('reads IDs, parent IDs and d and ed units', () => {
    expect(linkLines(plan)).toEqual(linkLines(transitionPlan()));
    expect(taskNamed(plan, 'Reverse shadow')).toMatchObject({ duration: 3, durationUnit: 'calendarDays' });
    expect(plan.tasks.filter((task) => task.parentId === taskNamed(plan, 'Knowledge transfer').id)).toHaveLength(3);
  });

  it('reports the assumed calendar', () => {
    expect(plan.calendars.map(({ name, workingWeekdays, holidays }) => ({ name, workingWeekdays, holidays }))).toEqual([
      { name: 'Standard', workingWeekdays: [1, 2, 3, 4, 5], holidays: [] },
    ]);
    expect(notesWithCode(report.notes, 'noCalendar')).toEqual([{ kind: 'changed', code: 'noCalendar', detail: {} }]);
  });

  it('reports the earlier finish', () => {
    expect(notesWithCode(report.notes, 'planFinishEarlier')).toEqual([
      {
        kind: 'changed',
        code: 'planFinishEarlier',
        detail: { fileFinish: '2026-04-14', finish: '2026-04-13', count: 1, reason: 'csv' },
      },
    ]);
    expect(notesWithCode(report.notes, 'taskFinishesDiffer')[0]?.detail).toEqual({
      count: 3,
      task: 'Reverse shadow',
      fileFinish: '2026-03-09',
      finish: '2026-03-11',
      reason: '',
    });
  });
});

describe('plan CSV edited in a spreadsheet', () => {
  it('reads semicolons and padded rows', () => {
    const padded = golden
      .split('\r\n')
      .map((line) => (line === '' ? ';;;;;;;;;;' : `${line.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';')};;`))
      .join('\r\n');
    const again = imported(padded).plan;
    expect(csvOf(again)).toBe(golden);
  });

  it('ignores an edited summary duration', () => {
    const again = imported(withRow(2, '1,Knowledge transfer,99 wd,,0,,,,Pune site,2026-03-02,2026-03-12')).plan;
    expect(taskNamed(again, 'Knowledge transfer').duration).toBe(0);
  });

  it('uses a rolled-up duration on a task without children', () => {
    const text = [
      'WBS,Name,Duration,Start no earlier than,Progress,Predecessors,Owner,Notes,Calendar,Start,Finish',
      '1,Wave 1,(21 wd),,0,,,,,,',
      '',
    ].join('\r\n');
    const outcome = imported(text);
    expect(taskNamed(outcome.plan, 'Wave 1')).toMatchObject({ duration: 21, durationUnit: 'workingDays' });
    expect(notesWithCode(outcome.report.notes, 'rolledUpDurationUsed')[0]?.detail).toEqual({
      task: 'Wave 1',
      value: 21,
      unit: 'workingDays',
    });
  });

  it('reads links without type, old units and semicolons', () => {
    const again = imported(withRow(6, "2,Pilot run,10d,2026-03-20,0,1.3 FF +2ed; 01.1FS-2d,'=Ops lead,,,,")).plan;
    expect(linkLines(again)).toEqual(linkLines(transitionPlan()));
    const plain = imported(withRow(7, '3,Go-live decision,0 wd,,0,2,,,,,')).plan;
    expect(linkLines(plain)).toContain('Pilot run FS 0 workingDays -> Go-live decision');
  });

  it('reads weekday numbers and names in any case', () => {
    const again = imported(withRow(12, 'UK OFFICE,,Yes,1 2 3 4 5,2026-04-03;2026-04-06')).plan;
    expect(again.calendars[0]).toMatchObject({
      name: 'UK OFFICE',
      workingWeekdays: [1, 2, 3, 4, 5],
      holidays: ['2026-04-03', '2026-04-06'],
    });
    expect(taskNamed(again, 'Document payroll runs').calendarId).toBe(again.calendars[0]?.id);
  });

  it('uses the first calendar when none is marked', () => {
    const outcome = imported(withRow(12, 'UK office,,,Mon Tue Wed Thu Fri,2026-04-03'));
    expect(outcome.plan.plan.calendarId).toBe(outcome.plan.calendars[0]?.id);
    expect(notesWithCode(outcome.report.notes, 'planCalendarAssumed')[0]?.detail).toEqual({ calendar: 'UK office' });
  });

  it('assumes Monday to Friday without a calendar section', () => {
    const taskPart = goldenLines.slice(0, goldenLines.indexOf('')).map((line) => line.replace(/,(Pune site|UK office|Manila site),/, ',,'));
    const outcome = imported(taskPart.join('\r\n'));
    expect(outcome.plan.calendars.map((calendar) => calendar.name)).toEqual(['Standard']);
    expect(notesWithCode(outcome.report.notes, 'noCalendar')).toHaveLength(1);
  });

  it('counts lines of notes with line breaks', () => {
    const outcome = importText(withRow(5, '1.3,Reverse shadow,3 fortnights,,0,1.2SS-1 wd,,,,,'));
    expect(importError(outcome)).toEqual({
      code: 'projectFile.invalidValue',
      detail: { file: 'plan.csv', line: 6, field: 'Duration', value: '3 fortnights' },
    });
  });
});

describe('plan CSV import errors', () => {
  it('rejects another header', () => {
    expect(importError(importText('Task,Days\r\nA,3\r\n')).code).toBe('projectFile.unknownFormat');
  });

  it('rejects a bad predecessor with its line', () => {
    expect(importError(importText(withRow(6, '2,Pilot run,10 wd,,0,2XX,,,,,')))).toEqual({
      code: 'projectFile.invalidValue',
      detail: { file: 'plan.csv', line: 7, field: 'Predecessors', value: '2XX' },
    });
  });

  it('rejects a WBS code that is not one', () => {
    expect(importError(importText(withRow(6, '1-Feb,Pilot run,10 wd,,0,,,,,,')))).toEqual({
      code: 'projectFile.invalidValue',
      detail: { file: 'plan.csv', line: 7, field: 'WBS', value: '1-Feb' },
    });
  });

  it('rejects a repeated WBS code', () => {
    expect(importError(importText(withRow(6, '1.1,Pilot run,10 wd,,0,,,,,,')))).toEqual({
      code: 'projectFile.duplicateKey',
      detail: { file: 'plan.csv', line: 7, field: 'WBS', value: '1.1', firstLine: 3 },
    });
  });

  it('rejects a task below a missing summary', () => {
    expect(importError(importText(withRow(6, '7.1,Pilot run,10 wd,,0,,,,,,')))).toEqual({
      code: 'projectFile.unknownParent',
      detail: { file: 'plan.csv', line: 7, value: '7.1', parent: '7' },
    });
  });

  it('rejects an unknown task calendar', () => {
    expect(importError(importText(withRow(9, '5,Stabilisation report,2 wd,,0,4FF-2 cd,,,Cebu site,,')))).toEqual({
      code: 'projectFile.unknownCalendar',
      detail: { file: 'plan.csv', line: 10, value: 'Cebu site' },
    });
  });

  it('rejects a second plan calendar', () => {
    expect(importError(importText(withRow(13, 'Pune site,Pune,yes,Mon Tue Wed Thu Fri Sat,')))).toEqual({
      code: 'projectFile.severalPlanCalendars',
      detail: { file: 'plan.csv', line: 14, firstLine: 13 },
    });
  });

  it('rejects an unknown weekday', () => {
    expect(importError(importText(withRow(13, 'Pune site,Pune,,Mon Holiday,')))).toEqual({
      code: 'projectFile.invalidValue',
      detail: { file: 'plan.csv', line: 14, field: 'Working days', value: 'Mon Holiday' },
    });
  });

  it('rejects a calendar without working days', () => {
    expect(importError(importText(withRow(13, 'Pune site,Pune,,,2026-03-04'))).detail).toMatchObject({ line: 14, field: 'Working days' });
  });

  it('rejects a holiday that is not a date', () => {
    expect(importError(importText(withRow(13, 'Pune site,Pune,,Mon,04/03/2026')))).toEqual({
      code: 'projectFile.invalidValue',
      detail: { file: 'plan.csv', line: 14, field: 'Holidays', value: '04/03/2026' },
    });
  });

  it('rejects a repeated calendar name', () => {
    expect(importError(importText(withRow(13, 'uk office,,,Mon,')))).toEqual({
      code: 'projectFile.duplicateKey',
      detail: { file: 'plan.csv', line: 14, field: 'Calendar', value: 'uk office', firstLine: 13 },
    });
  });

  it('rejects a row with extra cells', () => {
    expect(importError(importText(withRow(6, '2,Pilot run,10 wd,,0,,,,,,,extra')))).toEqual({
      code: 'projectFile.invalidRecord',
      detail: { file: 'plan.csv', line: 7, value: 12 },
    });
  });
});
