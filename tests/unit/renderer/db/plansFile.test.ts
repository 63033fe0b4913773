import { providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Calendar } from '../../../../shared/domain/plan';
import { AppFailure } from '../../../../shared/errors';
import { schedulePlan } from '../../../../shared/schedule/engine';
import type { ImportedCalendar, ImportedPlan } from '../../../../shared/schedule/io/types';
import { planTables } from '../../../../shared/sync/snapshot';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { createPlanFromImport, createPlanFromTemplate, exportPlanFile, loadPlan, previewPlanFile } from '../../../../renderer/src/db/plans';
import type { PlanFilePreview } from '../../../../renderer/src/db/plans';
import { insertRecord } from '../../../../renderer/src/db/repository';
import { failingWrites, manualWall, openTestDb, rejection, testContext } from './factories';
import { databaseContents } from './rfpFactories';

const fixtureFolder = join(import.meta.dirname, '../../../fixtures/project-plans');
const readable = ['english.mpx', 'german-locale.mpx', 'service-desk.xml', 'contact-centre.gan', 'transition-plan.csv'] as const;

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

async function open(...middleware: Parameters<typeof openTestDb>): Promise<PortfolioDb> {
  db = await openTestDb(...middleware);
  return db;
}

const wall = manualWall(Date.UTC(2026, 2, 2, 10, 0, 0));
const context = testContext(wall);

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(fixtureFolder, name)));
}

function preview(name: string): PlanFilePreview {
  return previewPlanFile(fixture(name), name, '2026-03-02');
}

/** Scheduled early dates by task name; fails the test when the plan cannot be scheduled. */
function datesOf(records: Pick<ImportedPlan, 'plan' | 'tasks' | 'dependencies' | 'calendars'>): string[] {
  const outcome = schedulePlan(records);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  const nameOf = new Map(records.tasks.map((task) => [task.id, task.name]));
  return outcome.schedule.tasks.map((task) => `${nameOf.get(task.taskId) ?? '?'} ${task.earlyStart} ${task.earlyFinish}`);
}

/** Returns the coded failure that `run` throws. */
function thrown(run: () => unknown): AppFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe.each(readable)('import of %s', (name) => {
  it('stores the previewed counts', async () => {
    const portfolio = await open();
    const checked = preview(name);
    const plan = await createPlanFromImport(portfolio, checked, { providerId: null }, context);
    const records = await loadPlan(portfolio, plan.id);
    expect(records?.tasks).toHaveLength(checked.report.converted.tasks);
    expect(records?.dependencies).toHaveLength(checked.report.converted.dependencies);
    expect(await portfolio.planCalendars.count()).toBe(checked.report.converted.calendars);
  });

  it('adds one import audit entry', async () => {
    const portfolio = await open();
    const checked = preview(name);
    await createPlanFromImport(portfolio, checked, { providerId: null }, context);
    const entries = await portfolio.audit.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'import', importSummary: { fileName: name, rows: checked.report.converted.tasks } });
  });

  it('exports MSPDI that imports to the same tasks and links', async () => {
    const portfolio = await open();
    const plan = await createPlanFromImport(portfolio, preview(name), { providerId: null }, context);
    const exported = await exportPlanFile(portfolio, plan.id, 'mspdi');
    const again = previewPlanFile(exported.bytes, exported.fileName, '2026-03-02');
    const original = await loadPlan(portfolio, plan.id);
    expect(again.imported.tasks.map((task) => [task.name, task.duration, task.durationUnit])).toEqual(
      original?.tasks.map((task) => [task.name, task.duration, task.durationUnit]),
    );
    expect(again.imported.dependencies.map((link) => [link.type, link.lag, link.lagUnit])).toEqual(
      original?.dependencies.map((link) => [link.type, link.lag, link.lagUnit]),
    );
  });
});

describe('previewPlanFile', () => {
  it('reports what the MPX import changed or dropped', () => {
    const checked = preview('german-locale.mpx');
    expect(checked.report.format).toBe('mpx');
    expect(checked.report.notes.length).toBeGreaterThan(0);
  });

  it('rejects malformed XML naming the line', () => {
    const failure = thrown(() => preview('malformed.xml'));
    expect(failure.appError.code).toBe('projectFile.invalidXml');
    expect(failure.appError.detail).toMatchObject({ file: 'malformed.xml', reason: 'atLine' });
    expect(typeof failure.appError.detail?.line).toBe('number');
  });

  it('rejects a DOCTYPE', () => {
    expect(thrown(() => preview('doctype-entities.xml')).appError.code).toBe('projectFile.doctypeRejected');
  });

  it('rejects an empty file', () => {
    expect(thrown(() => previewPlanFile(new Uint8Array(), 'empty.xml', '2026-03-02')).appError).toMatchObject({
      code: 'projectFile.empty',
      detail: { file: 'empty.xml' },
    });
  });

  it('rejects a loop of links, naming its tasks', () => {
    const csv = [
      'ID,Parent ID,Name,Duration,Start no earlier than,Progress,Predecessors,Owner,Notes,Start,Finish',
      '1,,Assess,5d,,0,3FS,,,,',
      '2,,Select,5d,,0,1FS,,,,',
      '3,,Negotiate,5d,,0,2FS,,,,',
      '',
    ].join('\r\n');
    const failure = thrown(() => previewPlanFile(new TextEncoder().encode(csv), 'loop.csv', '2026-03-02'));
    expect(failure.appError.code).toBe('schedule.dependencyCycle');
    expect(String(failure.appError.detail?.tasks)).toContain('Assess');
    expect(String(failure.appError.detail?.tasks)).toContain('Select');
    expect(String(failure.appError.detail?.tasks)).toContain('Negotiate');
  });
});

describe('createPlanFromImport', () => {
  it('links the plan to its provider and titles it', async () => {
    const portfolio = await open();
    const provider = await insertRecord(
      portfolio,
      'providers',
      { code: null, name: 'Desk Co', formerNames: [], ...providerProfileDefaults },
      context,
    );
    const plan = await createPlanFromImport(
      portfolio,
      preview('service-desk.xml'),
      { providerId: provider.id, title: ' Desk move ' },
      context,
    );
    expect(plan).toMatchObject({ providerId: provider.id, title: 'Desk move' });
  });

  it('falls back to the file name for a title', async () => {
    const portfolio = await open();
    const checked = preview('english.mpx');
    const untitled = { ...checked, imported: { ...checked.imported, plan: { ...checked.imported.plan, title: '' } } };
    const plan = await createPlanFromImport(portfolio, untitled, { providerId: null }, context);
    expect(plan.title).toBe('english');
  });

  it('rejects an unknown provider and writes nothing', async () => {
    const portfolio = await open();
    const failure = await rejection(createPlanFromImport(portfolio, preview('english.mpx'), { providerId: 'gone' }, context));
    expect(failure.appError.code).toBe('storage.notFound');
    for (const table of planTables) expect(await portfolio.recordTable(table).count(), table).toBe(0);
  });

  it('rolls back when a write fails', async () => {
    const portfolio = await open(failingWrites('planDependencies'));
    const before = await databaseContents(portfolio);
    const failure = await rejection(createPlanFromImport(portfolio, preview('service-desk.xml'), { providerId: null }, context));
    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(await databaseContents(portfolio)).toEqual(before);
  });
});

describe('exportPlanFile', () => {
  it('writes CSV with scheduled dates and a safe file name', async () => {
    const portfolio = await open();
    const plan = await createPlanFromTemplate(portfolio, { providerId: null, title: 'Payroll: wave 1/2', startOn: '2026-03-02' }, context);
    const exported = await exportPlanFile(portfolio, plan.id, 'csv');
    expect(exported.fileName).toBe('Payroll- wave 1-2.csv');
    expect(exported.mimeType).toBe('text/csv');
    const lines = new TextDecoder().decode(exported.bytes).split('\r\n');
    expect(lines[1]).toMatch(/,2026-03-02,\d{4}-\d{2}-\d{2}$/);
  });

  it('carries only the calendars the plan uses', async () => {
    const portfolio = await open();
    const first = await createPlanFromTemplate(portfolio, { providerId: null, title: 'First', startOn: '2026-03-02' }, context);
    await createPlanFromTemplate(
      portfolio,
      {
        providerId: null,
        title: 'Second',
        startOn: '2026-03-02',
        calendar: { name: 'Other', workingWeekdays: [1, 2, 3, 4], holidays: [] },
      },
      context,
    );
    const text = new TextDecoder().decode((await exportPlanFile(portfolio, first.id, 'mspdi')).bytes);
    expect(text).toContain('<Name>Monday to Friday</Name>');
    expect(text).not.toContain('<Name>Other</Name>');
  });

  it('writes CSV that imports to the same calendars and dates', async () => {
    const portfolio = await open();
    const plan = await createPlanFromImport(portfolio, preview('transition-plan.csv'), { providerId: null, title: 'Payroll' }, context);
    const exported = await exportPlanFile(portfolio, plan.id, 'csv');
    const again = previewPlanFile(exported.bytes, exported.fileName, '2030-01-07');
    expect(again.report.notes).toEqual([]);

    const stored = await loadPlan(portfolio, plan.id);
    if (stored === null) throw new Error('the imported plan was not stored');
    const calendarOf = (calendars: readonly Calendar[] | readonly ImportedCalendar[], id: string | null): unknown => {
      const calendar = calendars.find((candidate) => candidate.id === id);
      return calendar === undefined ? null : [calendar.workingWeekdays, calendar.holidays, calendar.site];
    };
    expect(calendarOf(again.imported.calendars, again.imported.plan.calendarId)).toEqual(
      calendarOf(stored.calendars, stored.plan.calendarId),
    );
    expect(again.imported.tasks.map((task) => calendarOf(again.imported.calendars, task.calendarId))).toEqual(
      stored.tasks.map((task) => calendarOf(stored.calendars, task.calendarId)),
    );
    expect(datesOf(again.imported)).toEqual(datesOf(stored));
  });

  it('writes owners as MSPDI resources', async () => {
    const portfolio = await open();
    const plan = await createPlanFromImport(portfolio, preview('transition-plan.csv'), { providerId: null }, context);
    const exported = await exportPlanFile(portfolio, plan.id, 'mspdi');
    const again = previewPlanFile(exported.bytes, exported.fileName, '2030-01-07');
    const owners = (tasks: readonly { name: string; owner: string }[]): string[] => tasks.map((task) => `${task.name}: ${task.owner}`);
    expect(owners(again.imported.tasks)).toEqual(owners((await loadPlan(portfolio, plan.id))?.tasks ?? []));
    expect(again.imported.tasks.find((task) => task.name === 'Shadow the team')?.owner).toBe('Ravi Kumar, Asha Rao');
  });

  it('rejects an unknown plan', async () => {
    const portfolio = await open();
    expect((await rejection(exportPlanFile(portfolio, 'gone', 'mspdi'))).appError.code).toBe('storage.notFound');
  });
});
