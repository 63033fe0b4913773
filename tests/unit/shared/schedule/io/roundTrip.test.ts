import { describe, expect, it } from 'vitest';
import { exportPlanCsv } from '../../../../../shared/schedule/io/csvExport';
import { exportMspdi } from '../../../../../shared/schedule/io/mspdiExport';
import type { ImportedPlan, ProjectImportReport } from '../../../../../shared/schedule/io/types';
import { transitionPlan } from './planFactory';
import { importBytes, importFixture, linkLines, planFinish, schedule } from './projectFiles';

const fixtures = ['german-locale.mpx', 'english.mpx', 'service-desk.xml', 'contact-centre.gan', 'hours-calendar.xml'];

/** Tasks as comparable rows: outline path of names, order, duration, unit, constraint, progress, notes, owner, calendar name. */
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
      calendarName(plan, task.calendarId) ?? '-',
    ].join(' | '),
  );
}

function calendarName(plan: ImportedPlan, id: string | null): string | undefined {
  return plan.calendars.find((calendar) => calendar.id === id)?.name;
}

/** Calendars without ids, in the order of the file. */
function calendarRows(plan: ImportedPlan, withSite: boolean): unknown[] {
  return plan.calendars.map(({ name, workingWeekdays, holidays, site }) =>
    withSite ? { name, workingWeekdays, holidays, site } : { name, workingWeekdays, holidays },
  );
}

/** Scheduled early dates by task name, for comparing two imports of the same plan. */
function scheduledDates(plan: ImportedPlan): string[] {
  const outcome = schedule(plan);
  expect(outcome.issues).toEqual([]);
  if (!outcome.ok) {
    return [];
  }
  const nameOf = new Map(plan.tasks.map((task) => [task.id, task.name]));
  return outcome.schedule.tasks.map((task) => `${nameOf.get(task.taskId) ?? '?'} ${task.earlyStart} ${task.earlyFinish}`);
}

function reimport(text: string, fileName: string): { plan: ImportedPlan; report: ProjectImportReport } {
  const outcome = importBytes(new TextEncoder().encode(text), fileName);
  if (!outcome.ok) {
    throw new Error(`${fileName} did not re-import: ${JSON.stringify(outcome.error)}`);
  }
  return outcome;
}

function csvOf(plan: ImportedPlan): string {
  const outcome = schedule(plan);
  return exportPlanCsv(plan, outcome.ok ? outcome.schedule : undefined);
}

describe.each(fixtures)('round trip of %s', (fixture) => {
  const original = importFixture(fixture).plan;

  it('MSPDI keeps tasks, links and lags', () => {
    const again = reimport(exportMspdi(original), 'export.xml').plan;
    expect(taskRows(again)).toEqual(taskRows(original));
    expect(linkLines(again)).toEqual(linkLines(original));
    expect(again.plan.startOn).toBe(original.plan.startOn);
    expect(again.plan.title).toBe(original.plan.title);
  });

  it('MSPDI keeps calendars', () => {
    const again = reimport(exportMspdi(original), 'export.xml').plan;
    expect(calendarRows(again, false)).toEqual(calendarRows(original, false));
    expect(calendarName(again, again.plan.calendarId)).toBe(calendarName(original, original.plan.calendarId));
  });

  it('MSPDI schedules to the same dates', () => {
    expect(scheduledDates(reimport(exportMspdi(original), 'export.xml').plan)).toEqual(scheduledDates(original));
  });

  it('CSV keeps tasks, links and lags', () => {
    const again = reimport(csvOf(original), 'export.csv').plan;
    expect(taskRows(again)).toEqual(taskRows(original));
    expect(linkLines(again)).toEqual(linkLines(original));
    expect(again.plan.startOn).toBe(original.plan.startOn);
  });

  it('CSV keeps calendars', () => {
    const again = reimport(csvOf(original), 'export.csv').plan;
    expect(calendarRows(again, true)).toEqual(calendarRows(original, true));
    expect(calendarName(again, again.plan.calendarId)).toBe(calendarName(original, original.plan.calendarId));
  });

  it('CSV schedules to the same dates', () => {
    const again = reimport(csvOf(original), 'export.csv');
    expect(scheduledDates(again.plan)).toEqual(scheduledDates(original));
    expect(again.report.notes).toEqual([]);
  });
});

describe('round trip of a plan with holidays and site calendars', () => {
  const original = transitionPlan();

  it.each([
    ['CSV', (): string => csvOf(original), 'plan.csv'],
    ['MSPDI', (): string => exportMspdi(original), 'plan.xml'],
  ])('%s keeps every task field', (_format, write, fileName) => {
    const again = reimport(write(), fileName).plan;
    expect(taskRows(again)).toEqual(taskRows(original));
    expect(linkLines(again)).toEqual(linkLines(original));
    expect(again.plan.startOn).toBe(original.plan.startOn);
    expect(calendarName(again, again.plan.calendarId)).toBe('UK office');
  });

  it.each([
    ['CSV', (): string => csvOf(original), 'plan.csv'],
    ['MSPDI', (): string => exportMspdi(original), 'plan.xml'],
  ])('%s schedules to the same dates', (_format, write, fileName) => {
    const again = reimport(write(), fileName).plan;
    expect(scheduledDates(again)).toEqual(scheduledDates(original));
    expect(planFinish(schedule(again))).toBe(planFinish(schedule(original)));
  });

  it('CSV keeps calendars with their sites', () => {
    const again = reimport(csvOf(original), 'plan.csv').plan;
    expect(calendarRows(again, true)).toEqual(calendarRows(original, true));
  });

  it('MSPDI keeps weekdays and holidays', () => {
    const again = reimport(exportMspdi(original), 'plan.xml').plan;
    expect(calendarRows(again, false)).toEqual(calendarRows(original, false));
  });

  it('CSV import reports nothing', () => {
    expect(reimport(csvOf(original), 'plan.csv').report.notes).toEqual([]);
  });

  it('MSPDI import reports owners only', () => {
    const { report } = reimport(exportMspdi(original), 'plan.xml');
    expect(report.notes).toEqual([
      { kind: 'changed', code: 'resourcesAsOwners', detail: { count: 4 } },
      { kind: 'changed', code: 'ownersJoined', detail: { task: 'Shadow the team', count: 2, owner: 'Ravi Kumar, Asha Rao' } },
    ]);
  });

  it('MSPDI writes one resource per owner name', () => {
    const xml = exportMspdi(original);
    const names = [...xml.matchAll(/<Resource>\r\n<UID>\d+<\/UID>\r\n<ID>\d+<\/ID>\r\n<Name>([^<]*)<\/Name>/g)].map((match) => match[1]);
    expect(names).toEqual(['Asha Rao', 'Ravi Kumar', '=Ops lead', 'Ops team']);
    expect(xml.match(/<Assignment>/g)).toHaveLength(5);
  });

  it('MSPDI keeps notes with markup and line breaks', () => {
    const again = reimport(exportMspdi(original), 'plan.xml').plan;
    expect(again.tasks.find((task) => task.name === 'Pilot run')?.notes).toBe('<b>cut-over</b> & "dry run" -- see runbook');
    expect(again.tasks.find((task) => task.name === 'Document payroll runs')?.notes).toBe('Line one\nLine two, with a comma and "quotes"');
  });
});
