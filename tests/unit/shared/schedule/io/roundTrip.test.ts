import { describe, expect, it } from 'vitest';
import { exportPlanCsv } from '../../../../../shared/schedule/io/csvExport';
import { exportMspdi } from '../../../../../shared/schedule/io/mspdiExport';
import type { ImportedPlan } from '../../../../../shared/schedule/io/types';
import { importBytes, importError, importFixture, linkLines, schedule } from './projectFiles';

const fixtures = ['german-locale.mpx', 'english.mpx', 'service-desk.xml', 'contact-centre.gan'];

/** Tasks as comparable rows: outline path of names, duration, unit, constraint, progress, notes, owner. */
function taskRows(plan: ImportedPlan): string[] {
  const byId = new Map(plan.tasks.map((task) => [task.id, task]));
  const path = (id: string | null): string => {
    const task = id === null ? undefined : byId.get(id);
    return task === undefined ? '' : `${path(task.parentId)}/${task.name}`;
  };
  return plan.tasks.map((task) =>
    [
      path(task.id),
      task.order,
      task.duration,
      task.durationUnit,
      task.startNoEarlierThan ?? '-',
      task.progress,
      task.notes,
      task.owner,
    ].join(' | '),
  );
}

/** Scheduled early dates by task path, for comparing two imports of the same plan. */
function scheduledDates(plan: ImportedPlan): string[] {
  const outcome = schedule(plan);
  expect(outcome.issues).toEqual([]);
  if (!outcome.ok) {
    return [];
  }
  const nameOf = new Map(plan.tasks.map((task) => [task.id, task.name]));
  return outcome.schedule.tasks.map((task) => `${nameOf.get(task.taskId) ?? '?'} ${task.earlyStart} ${task.earlyFinish}`);
}

function reimport(text: string, fileName: string): ImportedPlan {
  const outcome = importBytes(new TextEncoder().encode(text), fileName);
  if (!outcome.ok) {
    throw new Error(`${fileName} did not re-import: ${JSON.stringify(outcome.error)}`);
  }
  return outcome.plan;
}

describe.each(fixtures)('round trip of %s', (fixture) => {
  const original = importFixture(fixture).plan;

  it('MSPDI keeps tasks, links and lags', () => {
    const again = reimport(exportMspdi(original), 'export.xml');
    expect(taskRows(again)).toEqual(taskRows(original));
    expect(linkLines(again)).toEqual(linkLines(original));
    expect(again.plan.startOn).toBe(original.plan.startOn);
    expect(again.plan.title).toBe(original.plan.title);
  });

  it('MSPDI keeps calendars', () => {
    const again = reimport(exportMspdi(original), 'export.xml');
    const strip = (plan: ImportedPlan): unknown[] =>
      plan.calendars.map(({ name, workingWeekdays, holidays }) => ({ name, workingWeekdays, holidays }));
    expect(strip(again)).toEqual(strip(original));
    const calendarName = (plan: ImportedPlan, id: string | null): string | undefined =>
      plan.calendars.find((calendar) => calendar.id === id)?.name;
    expect(calendarName(again, again.plan.calendarId)).toBe(calendarName(original, original.plan.calendarId));
    expect(again.tasks.map((task) => calendarName(again, task.calendarId))).toEqual(
      original.tasks.map((task) => calendarName(original, task.calendarId)),
    );
  });

  it('MSPDI schedules to the same dates', () => {
    expect(scheduledDates(reimport(exportMspdi(original), 'export.xml'))).toEqual(scheduledDates(original));
  });

  it('CSV keeps tasks, links and lags', () => {
    const outcome = schedule(original);
    const text = exportPlanCsv(original, outcome.ok ? outcome.schedule : undefined);
    const again = reimport(text, 'export.csv');
    expect(taskRows(again)).toEqual(taskRows(original));
    expect(linkLines(again)).toEqual(linkLines(original));
    expect(again.plan.startOn).toBe(original.plan.startOn);
  });
});

describe('plan CSV export', () => {
  const { plan } = importFixture('english.mpx');
  const lines = exportPlanCsv(plan).split('\r\n');

  it('writes the header and one row per task', () => {
    expect(lines[0]).toBe('ID,Parent ID,Name,Duration,Start no earlier than,Progress,Predecessors,Owner,Notes,Start,Finish');
    expect(lines).toHaveLength(plan.tasks.length + 2);
    expect(lines.at(-1)).toBe('');
  });

  it('writes predecessors in MS Project notation', () => {
    expect(lines.find((line) => line.includes('Reverse shadow'))).toBe('4,1,Reverse shadow,2d,,0,2FS+1d;3FS,,,,');
    expect(lines.find((line) => line.includes('Parallel run'))).toBe('6,,Parallel run,8d,,0,5FF+2ed,,,,');
  });

  it('quotes notes with commas and quotes', () => {
    expect(lines[2]).toBe('2,1,Document payroll runs,5d,,50,,,"Notes with a comma, and ""quotes""",,');
  });

  it('rejects a CSV with another header', () => {
    const outcome = importBytes(new TextEncoder().encode('Task,Days\r\nA,3\r\n'), 'other.csv');
    expect(importError(outcome).code).toBe('projectFile.unknownFormat');
  });

  it('rejects a bad predecessor with its line', () => {
    const text = lines.join('\r\n').replace('2FS+1d;3FS', '2XX');
    const outcome = importBytes(new TextEncoder().encode(text), 'edited.csv');
    expect(importError(outcome)).toEqual({
      code: 'projectFile.invalidValue',
      detail: { file: 'edited.csv', line: 5, field: 'Predecessors', value: '2XX' },
    });
  });
});
