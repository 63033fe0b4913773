import { contractGovernanceDefaults, providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../../../shared/domain/plan';
import type { Contract, Provider } from '../../../../shared/domain/types';
import { invertCommand, updateTaskCommand } from '../../../../shared/schedule/commands';
import type { EditCommand } from '../../../../shared/schedule/commands';
import { schedulePlan } from '../../../../shared/schedule/engine';
import { bpoTransitionTemplate } from '../../../../shared/schedule/templates/bpoTransition';
import { instantiatePlanTemplate } from '../../../../shared/schedule/templates';
import { planTables } from '../../../../shared/sync/snapshot';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import {
  applyPlanCommand,
  createCalendar,
  createEmptyPlan,
  createPlanFromImport,
  createPlanFromTemplate,
  deleteBaseline,
  deleteCalendar,
  deletePlan,
  listBaselines,
  loadPlan,
  previewPlanFile,
  renamePlan,
  repairPlanState,
  saveBaseline,
  scheduleInputOf,
  updateCalendar,
  updatePlan,
} from '../../../../renderer/src/db/plans';
import type { PlanRecords } from '../../../../renderer/src/db/plans';
import { insertRecord } from '../../../../renderer/src/db/repository';
import { readVersionVector } from '../../../../renderer/src/db/versionVector';
import { failingWrites, manualWall, openTestDb, rejection, testContext } from './factories';
import { databaseContents } from './rfpFactories';

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

async function addProvider(portfolio: PortfolioDb): Promise<Provider> {
  return insertRecord(
    portfolio,
    'providers',
    { code: 'RX1', name: 'North Contact Centre', formerNames: [], ...providerProfileDefaults },
    context,
  );
}

async function templatePlan(portfolio: PortfolioDb, processes: readonly string[] = ['Payroll']): Promise<Plan> {
  const provider = await addProvider(portfolio);
  return createPlanFromTemplate(
    portfolio,
    { providerId: provider.id, title: 'Payroll transition', startOn: '2026-03-02', processes },
    context,
  );
}

async function recordsOf(portfolio: PortfolioDb, planId: string): Promise<PlanRecords> {
  const records = await loadPlan(portfolio, planId);
  if (records === null) throw new Error(`plan ${planId} not found`);
  return records;
}

/** Counts the records of every plan table. */
async function planCounts(portfolio: PortfolioDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of planTables) counts[table] = await portfolio.recordTable(table).count();
  return counts;
}

function taskNamed(records: PlanRecords, name: string) {
  const task = records.tasks.find((candidate) => candidate.name === name);
  if (task === undefined) throw new Error(`no task ${name}`);
  return task;
}

describe('createPlanFromTemplate', () => {
  it('copies the template tasks and links', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const copy = instantiatePlanTemplate(bpoTransitionTemplate, { planId: plan.id, newId: () => 'x', processes: ['Payroll'] });
    const records = await recordsOf(portfolio, plan.id);
    expect(records.tasks).toHaveLength(copy.tasks.length);
    expect(records.dependencies).toHaveLength(copy.dependencies.length);
    expect(records.plan.templateKey).toBe('bpoTransition');
  });

  it('gives the plan a Monday-to-Friday calendar', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const calendar = await portfolio.planCalendars.get(plan.calendarId);
    expect(calendar).toMatchObject({ workingWeekdays: [1, 2, 3, 4, 5], holidays: [], site: '' });
  });

  it('creates a plan that schedules', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const records = await recordsOf(portfolio, plan.id);
    const outcome = schedulePlan(scheduleInputOf(records.plan, records, records.calendars));
    expect(outcome.ok).toBe(true);
    expect(outcome.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('adds a wave per further process', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio, ['Payroll', 'Accounts payable']);
    const records = await recordsOf(portfolio, plan.id);
    const waves = records.tasks.filter((task) => task.parentId === null && task.templateKey === 'bpoTransition.wave');
    expect(waves.map((wave) => wave.name)).toEqual(['Wave: Accounts payable']);
    expect(taskNamed(records, 'Pilot of Payroll').parentId).toBeNull();
  });

  it('stores site calendars and translated names', async () => {
    const portfolio = await open();
    const provider = await addProvider(portfolio);
    const plan = await createPlanFromTemplate(
      portfolio,
      {
        providerId: provider.id,
        title: 'Service desk transition',
        startOn: '2026-03-02',
        siteCalendars: [{ name: 'Pune', workingWeekdays: [6, 1, 2, 3, 4, 5, 5], holidays: ['2026-10-02', '2026-01-26'], site: ' Pune ' }],
        translate: (key, english) => (key.endsWith('.name') ? `[${english}]` : english),
      },
      context,
    );
    const calendars = await portfolio.planCalendars.toArray();
    expect(calendars.find((calendar) => calendar.site === 'Pune')).toMatchObject({
      workingWeekdays: [1, 2, 3, 4, 5, 6],
      holidays: ['2026-01-26', '2026-10-02'],
    });
    const records = await recordsOf(portfolio, plan.id);
    expect(records.tasks.every((task) => task.name.startsWith('['))).toBe(true);
  });

  it('audits every record and raises the version vector', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const records = await recordsOf(portfolio, plan.id);
    const written = 1 + 1 + records.tasks.length + records.dependencies.length;
    // The provider's insert is one more entry.
    expect(await portfolio.audit.count()).toBe(written + 1);
    expect(Object.keys(await readVersionVector(portfolio))).toEqual([context.deviceId]);
  });

  it.each([
    [{ title: ' ' }, 'plan.textMissing'],
    [{ startOn: '2026-02-30' }, 'schedule.invalidDate'],
    [{ template: 'unknown' }, 'plan.unknownTemplate'],
    [{ providerId: 'gone' }, 'storage.notFound'],
    [{ calendarId: 'gone' }, 'storage.notFound'],
    [{ siteCalendars: [{ name: 'Weekend', workingWeekdays: [], holidays: [] }] }, 'schedule.noWorkingWeekday'],
  ])('rejects %j with %s and writes nothing', async (change, code) => {
    const portfolio = await open();
    const input = { providerId: null, title: 'Transition', startOn: '2026-03-02', ...change };
    const failure = await rejection(createPlanFromTemplate(portfolio, input, context));
    expect(failure.appError.code).toBe(code);
    expect(await planCounts(portfolio)).toEqual(Object.fromEntries(planTables.map((table) => [table, 0])));
    expect(await portfolio.audit.count()).toBe(0);
  });

  it('rolls back every record when a write fails', async () => {
    const portfolio = await open(failingWrites('planDependencies'));
    const provider = await addProvider(portfolio);
    const before = await databaseContents(portfolio);
    const failure = await rejection(
      createPlanFromTemplate(portfolio, { providerId: provider.id, title: 'Transition', startOn: '2026-03-02' }, context),
    );
    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(await databaseContents(portfolio)).toEqual(before);
  });
});

describe('plan updates', () => {
  it('creates an empty plan on an existing calendar', async () => {
    const portfolio = await open();
    const calendar = await createCalendar(portfolio, { name: 'UK', workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2026-12-25'] }, context);
    const plan = await createEmptyPlan(
      portfolio,
      { providerId: null, title: 'Blank plan', startOn: '2026-03-02', calendarId: calendar.id },
      context,
    );
    expect(plan.calendarId).toBe(calendar.id);
    expect(await portfolio.planCalendars.count()).toBe(1);
    expect((await recordsOf(portfolio, plan.id)).tasks).toEqual([]);
  });

  it('renames a plan with a field clock', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    wall.set(wall() + 1000);
    const renamed = await renamePlan(portfolio, plan.id, '  Payroll move  ', context);
    expect(renamed.title).toBe('Payroll move');
    expect(Object.keys(renamed.fieldClocks)).toEqual(['title']);
  });

  it('rejects an empty title', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const failure = await rejection(renamePlan(portfolio, plan.id, '', context));
    expect(failure.appError).toMatchObject({ code: 'plan.textMissing', detail: { field: 'title' } });
    expect((await portfolio.plans.get(plan.id))?.title).toBe('Payroll transition');
  });

  it('rejects an unknown calendar', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const failure = await rejection(updatePlan(portfolio, plan.id, { calendarId: 'gone' }, context));
    expect(failure.appError).toMatchObject({ code: 'storage.notFound', detail: { table: 'planCalendars', id: 'gone' } });
  });

  it('deletes a plan with tombstones for its records', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    await saveBaseline(portfolio, plan.id, 'Contract baseline', context);
    const records = await recordsOf(portfolio, plan.id);
    await deletePlan(portfolio, plan.id, context);
    const counts = await planCounts(portfolio);
    expect(counts).toMatchObject({ plans: 0, planTasks: 0, planDependencies: 0, planBaselines: 0, planCalendars: 1 });
    const tombstoned = new Set((await portfolio.tombstones.toArray()).map((tombstone) => tombstone.id));
    for (const record of [records.plan, ...records.tasks, ...records.dependencies, ...records.baselines]) {
      expect(tombstoned.has(record.id), record.id).toBe(true);
    }
  });

  it('rolls back a delete that fails halfway', async () => {
    const portfolio = await open(failingWrites('tombstones'));
    const plan = await templatePlan(portfolio);
    const before = await databaseContents(portfolio);
    await rejection(deletePlan(portfolio, plan.id, context));
    expect(await databaseContents(portfolio)).toEqual(before);
  });
});

async function addContract(portfolio: PortfolioDb, providerId: string, title: string): Promise<Contract> {
  const data = {
    providerId,
    title,
    startDate: null,
    endDate: null,
    currency: 'GBP',
    annualValueMinor: null,
    monthlyChargesMinor: null,
    atRiskPercent: null,
    ...contractGovernanceDefaults,
  };
  return insertRecord(portfolio, 'contracts', data, context);
}

/** Adds two providers with one contract each. */
async function twoProvidersWithContracts(portfolio: PortfolioDb) {
  const provider = await addProvider(portfolio);
  const other = await insertRecord(
    portfolio,
    'providers',
    { code: 'RX2', name: 'South Payroll Services', formerNames: [], ...providerProfileDefaults },
    context,
  );
  const contract = await addContract(portfolio, provider.id, 'Contact centre 2026');
  const otherContract = await addContract(portfolio, other.id, 'Payroll 2026');
  return { provider, other, contract, otherContract };
}

describe('plan contracts', () => {
  it('creates a template plan for a contract', async () => {
    const portfolio = await open();
    const { provider, contract } = await twoProvidersWithContracts(portfolio);
    const plan = await createPlanFromTemplate(
      portfolio,
      { providerId: provider.id, contractId: contract.id, title: 'Transition', startOn: '2026-03-02' },
      context,
    );
    expect((await portfolio.plans.get(plan.id))?.contractId).toBe(contract.id);
    expect(await portfolio.plans.where('contractId').equals(contract.id).primaryKeys()).toEqual([plan.id]);
  });

  it('gives no contract by default', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    expect(plan.contractId).toBeNull();
  });

  it('creates an empty plan for a contract', async () => {
    const portfolio = await open();
    const { provider, contract } = await twoProvidersWithContracts(portfolio);
    const plan = await createEmptyPlan(
      portfolio,
      { providerId: provider.id, contractId: contract.id, title: 'Blank', startOn: '2026-03-02' },
      context,
    );
    expect(plan.contractId).toBe(contract.id);
  });

  it('rejects another provider contract', async () => {
    const portfolio = await open();
    const { provider, other, otherContract } = await twoProvidersWithContracts(portfolio);
    const auditBefore = await portfolio.audit.count();
    const failure = await rejection(
      createPlanFromTemplate(
        portfolio,
        { providerId: provider.id, contractId: otherContract.id, title: 'Transition', startOn: '2026-03-02' },
        context,
      ),
    );
    expect(failure.appError.code).toBe('plan.contractOfOtherProvider');
    expect(failure.appError.detail).toEqual({
      field: 'contractId',
      recordId: otherContract.id,
      contract: 'Payroll 2026',
      contractProvider: other.name,
      provider: provider.name,
    });
    expect(await planCounts(portfolio)).toEqual(Object.fromEntries(planTables.map((table) => [table, 0])));
    expect(await portfolio.audit.count()).toBe(auditBefore);
  });

  it('rejects a contract without a provider', async () => {
    const portfolio = await open();
    const { provider, contract } = await twoProvidersWithContracts(portfolio);
    const failure = await rejection(
      createEmptyPlan(portfolio, { providerId: null, contractId: contract.id, title: 'Blank', startOn: '2026-03-02' }, context),
    );
    expect(failure.appError).toMatchObject({
      code: 'plan.contractOfOtherProvider',
      detail: { reason: 'noProvider', contract: 'Contact centre 2026', contractProvider: provider.name, provider: '' },
    });
    expect(await portfolio.plans.count()).toBe(0);
  });

  it('rejects an unknown contract', async () => {
    const portfolio = await open();
    const provider = await addProvider(portfolio);
    const failure = await rejection(
      createPlanFromTemplate(
        portfolio,
        { providerId: provider.id, contractId: 'gone', title: 'Transition', startOn: '2026-03-02' },
        context,
      ),
    );
    expect(failure.appError).toMatchObject({ code: 'storage.notFound', detail: { table: 'contracts', id: 'gone' } });
    expect(await portfolio.plans.count()).toBe(0);
  });

  it('sets a contract with a field clock', async () => {
    const portfolio = await open();
    const { provider, contract } = await twoProvidersWithContracts(portfolio);
    const plan = await createEmptyPlan(portfolio, { providerId: provider.id, title: 'Blank', startOn: '2026-03-02' }, context);
    wall.set(wall() + 1000);
    const updated = await updatePlan(portfolio, plan.id, { contractId: contract.id }, context);
    expect(updated.contractId).toBe(contract.id);
    expect(Object.keys(updated.fieldClocks)).toEqual(['contractId']);
  });

  it('rejects a provider change keeping the contract', async () => {
    const portfolio = await open();
    const { provider, other, contract } = await twoProvidersWithContracts(portfolio);
    const plan = await createEmptyPlan(
      portfolio,
      { providerId: provider.id, contractId: contract.id, title: 'Blank', startOn: '2026-03-02' },
      context,
    );
    const failure = await rejection(updatePlan(portfolio, plan.id, { providerId: other.id }, context));
    expect(failure.appError).toMatchObject({
      code: 'plan.contractOfOtherProvider',
      detail: { provider: other.name, recordId: contract.id },
    });
    expect(await portfolio.plans.get(plan.id)).toEqual(plan);
  });

  it('changes provider and contract together', async () => {
    const portfolio = await open();
    const { provider, other, contract, otherContract } = await twoProvidersWithContracts(portfolio);
    const plan = await createEmptyPlan(
      portfolio,
      { providerId: provider.id, contractId: contract.id, title: 'Blank', startOn: '2026-03-02' },
      context,
    );
    const updated = await updatePlan(portfolio, plan.id, { providerId: other.id, contractId: otherContract.id }, context);
    expect(updated).toMatchObject({ providerId: other.id, contractId: otherContract.id });
  });

  it('renames a plan on a mismatched contract', async () => {
    const portfolio = await open();
    const { provider, otherContract } = await twoProvidersWithContracts(portfolio);
    const plan = await createEmptyPlan(portfolio, { providerId: provider.id, title: 'Blank', startOn: '2026-03-02' }, context);
    // A merge writes records as they come, without the repository's checks.
    await portfolio.plans.put({ ...plan, contractId: otherContract.id });
    const renamed = await updatePlan(
      portfolio,
      plan.id,
      { title: 'Renamed', providerId: provider.id, contractId: otherContract.id },
      context,
    );
    expect(renamed).toMatchObject({ title: 'Renamed', contractId: otherContract.id });
  });
});

describe('applyPlanCommand', () => {
  it('stores a task move with a field clock and an audit entry', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const task = taskNamed(await recordsOf(portfolio, plan.id), 'Pilot on a sample of transactions');
    const auditBefore = await portfolio.audit.count();
    wall.set(wall() + 1000);
    await applyPlanCommand(portfolio, plan.id, updateTaskCommand(task, { startNoEarlierThan: '2026-09-01' }), context);
    const stored = await portfolio.planTasks.get(task.id);
    expect(stored?.startNoEarlierThan).toBe('2026-09-01');
    expect(Object.keys(stored?.fieldClocks ?? {})).toEqual(['startNoEarlierThan']);
    expect(await portfolio.audit.count()).toBe(auditBefore + 1);
  });

  it('removes a task with its links in one batch', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const records = await recordsOf(portfolio, plan.id);
    const task = taskNamed(records, 'Pilot on a sample of transactions');
    const links = records.dependencies.filter((link) => link.predecessorId === task.id || link.successorId === task.id);
    expect(links.length).toBeGreaterThan(0);
    const command: EditCommand = {
      kind: 'batch',
      commands: [...links.map((dependency) => ({ kind: 'removeDependency' as const, dependency })), { kind: 'removeTask', task }],
    };
    await applyPlanCommand(portfolio, plan.id, command, context);
    expect(await portfolio.planTasks.get(task.id)).toBeUndefined();
    expect(await portfolio.tombstones.get(task.id)).toMatchObject({ table: 'planTasks' });
  });

  it('adds a task again under a new id after undo', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const parent = taskNamed(await recordsOf(portfolio, plan.id), 'Pilot of Payroll');
    const task = {
      ...parent,
      id: '019c9999-0000-7000-8000-000000000001',
      parentId: parent.id,
      name: 'Extra check',
      duration: 2,
      templateKey: null,
    };
    const add: EditCommand = { kind: 'addTask', task };
    expect((await applyPlanCommand(portfolio, plan.id, add, context)).renamedIds.size).toBe(0);
    await applyPlanCommand(portfolio, plan.id, invertCommand(add), context);
    const redone = await applyPlanCommand(portfolio, plan.id, add, context);
    const newId = redone.renamedIds.get(task.id);
    expect(newId).toBeDefined();
    expect(newId).not.toBe(task.id);
    expect(await portfolio.planTasks.get(newId ?? '')).toMatchObject({ name: 'Extra check', parentId: parent.id });
    expect(await portfolio.planTasks.get(task.id)).toBeUndefined();
  });

  it('renames a re-added task in the same batch', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const records = await recordsOf(portfolio, plan.id);
    const pilot = taskNamed(records, 'Pilot on a sample of transactions');
    const links = records.dependencies.filter((link) => link.predecessorId === pilot.id || link.successorId === pilot.id);
    const remove: EditCommand = {
      kind: 'batch',
      commands: [...links.map((dependency) => ({ kind: 'removeDependency' as const, dependency })), { kind: 'removeTask', task: pilot }],
    };
    await applyPlanCommand(portfolio, plan.id, remove, context);
    const undone = await applyPlanCommand(portfolio, plan.id, invertCommand(remove), context);
    const newId = undone.renamedIds.get(pilot.id) ?? '';
    const restored = await recordsOf(portfolio, plan.id);
    expect(restored.tasks.some((task) => task.id === newId)).toBe(true);
    const relinked = restored.dependencies.filter((link) => link.predecessorId === newId || link.successorId === newId);
    expect(relinked).toHaveLength(links.length);
  });

  it('rejects an edit made on outdated values', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const task = taskNamed(await recordsOf(portfolio, plan.id), 'Pilot on a sample of transactions');
    await applyPlanCommand(portfolio, plan.id, updateTaskCommand(task, { duration: 12 }), context);
    const before = await databaseContents(portfolio);
    const failure = await rejection(applyPlanCommand(portfolio, plan.id, updateTaskCommand(task, { duration: 20 }), context));
    expect(failure.appError).toMatchObject({ code: 'plan.editOutdated', detail: { task: 'Pilot on a sample of transactions' } });
    expect(await databaseContents(portfolio)).toEqual(before);
  });

  it('rejects a loop of links, naming its tasks', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const records = await recordsOf(portfolio, plan.id);
    const [link] = records.dependencies;
    if (link === undefined) throw new Error('template without links');
    const back: EditCommand = {
      kind: 'addDependency',
      dependency: { ...link, id: '019c9999-0000-7000-8000-000000000002', predecessorId: link.successorId, successorId: link.predecessorId },
    };
    // A link back between the same two tasks is a duplicate; link the successor's successor back instead.
    const next = records.dependencies.find((candidate) => candidate.predecessorId === link.successorId);
    if (next === undefined) throw new Error('template chain too short');
    const loop: EditCommand = {
      kind: 'addDependency',
      dependency: { ...link, id: '019c9999-0000-7000-8000-000000000003', predecessorId: next.successorId, successorId: link.predecessorId },
    };
    expect((await rejection(applyPlanCommand(portfolio, plan.id, back, context))).appError.code).toBe('schedule.duplicateDependency');
    const before = await databaseContents(portfolio);
    const failure = await rejection(applyPlanCommand(portfolio, plan.id, loop, context));
    expect(failure.appError.code).toBe('schedule.dependencyCycle');
    const names = [link.predecessorId, link.successorId, next.successorId].map(
      (id) => records.tasks.find((task) => task.id === id)?.name ?? '',
    );
    for (const name of names) expect(String(failure.appError.detail?.tasks)).toContain(name);
    expect(await databaseContents(portfolio)).toEqual(before);
  });

  it('rejects removing a task that keeps its links', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const task = taskNamed(await recordsOf(portfolio, plan.id), 'Pilot on a sample of transactions');
    const failure = await rejection(applyPlanCommand(portfolio, plan.id, { kind: 'removeTask', task }, context));
    expect(failure.appError).toMatchObject({ code: 'plan.taskInUse', detail: { task: 'Pilot on a sample of transactions' } });
    expect(await portfolio.planTasks.get(task.id)).toBeDefined();
  });

  it.each([
    [{ duration: -1 }, 'schedule.invalidDuration'],
    [{ duration: 2.5 }, 'schedule.invalidDuration'],
    [{ progress: 101 }, 'schedule.invalidProgress'],
    [{ startNoEarlierThan: '2026-13-01' }, 'schedule.invalidDate'],
    [{ parentId: 'gone' }, 'schedule.unknownParent'],
    [{ calendarId: 'gone' }, 'schedule.unknownCalendar'],
    [{ planId: 'other' }, 'plan.wrongPlan'],
  ])('rejects the change %j with %s', async (change, code) => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const task = taskNamed(await recordsOf(portfolio, plan.id), 'Pilot on a sample of transactions');
    const failure = await rejection(applyPlanCommand(portfolio, plan.id, updateTaskCommand(task, change), context));
    expect(failure.appError.code).toBe(code);
  });

  it('rolls back a batch when its second write fails', async () => {
    const portfolio = await open(failingWrites('planDependencies'));
    const plan = await createEmptyPlan(portfolio, { providerId: null, title: 'Small plan', startOn: '2026-03-02' }, context);
    const first = { id: 'a1', planId: plan.id, parentId: null, order: 1, name: 'First', duration: 3, durationUnit: 'workingDays' as const };
    const task = {
      ...first,
      startNoEarlierThan: null,
      progress: 0,
      owner: '',
      notes: '',
      calendarId: null,
      goNoGo: false,
      templateKey: null,
    };
    const second = { ...task, id: 'a2', order: 2, name: 'Second' };
    const command: EditCommand = {
      kind: 'batch',
      commands: [
        { kind: 'addTask', task },
        { kind: 'addTask', task: second },
        {
          kind: 'addDependency',
          dependency: { id: 'l1', planId: plan.id, predecessorId: 'a1', successorId: 'a2', type: 'FS', lag: 0, lagUnit: 'workingDays' },
        },
      ],
    };
    const before = await databaseContents(portfolio);
    const failure = await rejection(applyPlanCommand(portfolio, plan.id, command, context));
    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(await databaseContents(portfolio)).toEqual(before);
  });
});

describe('calendars', () => {
  it('normalizes weekdays and holidays', async () => {
    const portfolio = await open();
    const calendar = await createCalendar(
      portfolio,
      { name: ' Manila ', workingWeekdays: [5, 1, 3, 3], holidays: ['2026-06-12', '2026-01-01'] },
      context,
    );
    expect(calendar).toMatchObject({ name: 'Manila', workingWeekdays: [1, 3, 5], holidays: ['2026-01-01', '2026-06-12'], site: '' });
  });

  it.each([
    [{ workingWeekdays: [0, 1] }, 'schedule.invalidWeekday'],
    [{ workingWeekdays: [] }, 'schedule.noWorkingWeekday'],
    [{ holidays: ['2026-02-29'] }, 'schedule.invalidDate'],
    [{ name: '' }, 'plan.textMissing'],
  ])('rejects %j with %s', async (change, code) => {
    const portfolio = await open();
    const failure = await rejection(
      createCalendar(portfolio, { name: 'UK', workingWeekdays: [1, 2, 3, 4, 5], holidays: [], ...change }, context),
    );
    expect(failure.appError.code).toBe(code);
    expect(await portfolio.planCalendars.count()).toBe(0);
  });

  it('updates holidays with a field clock', async () => {
    const portfolio = await open();
    const calendar = await createCalendar(portfolio, { name: 'UK', workingWeekdays: [1, 2, 3, 4, 5], holidays: [] }, context);
    wall.set(wall() + 1000);
    const updated = await updateCalendar(portfolio, calendar.id, { holidays: ['2026-12-28', '2026-12-25'] }, context);
    expect(updated.holidays).toEqual(['2026-12-25', '2026-12-28']);
    expect(Object.keys(updated.fieldClocks)).toEqual(['holidays']);
  });

  it('refuses to delete a calendar in use', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const failure = await rejection(deleteCalendar(portfolio, plan.calendarId, context));
    expect(failure.appError).toMatchObject({ code: 'plan.calendarInUse', detail: { plan: 'Payroll transition' } });
    expect(await portfolio.planCalendars.get(plan.calendarId)).toBeDefined();
  });

  it('refuses to delete a site calendar a task uses', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const site = await createCalendar(
      portfolio,
      { name: 'Pune', workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: [], site: 'Pune' },
      context,
    );
    const task = taskNamed(await recordsOf(portfolio, plan.id), 'Pilot on a sample of transactions');
    await applyPlanCommand(portfolio, plan.id, updateTaskCommand(task, { calendarId: site.id }), context);
    const failure = await rejection(deleteCalendar(portfolio, site.id, context));
    expect(failure.appError.code).toBe('plan.calendarInUse');
  });

  it('deletes an unused calendar with a tombstone', async () => {
    const portfolio = await open();
    const calendar = await createCalendar(portfolio, { name: 'Spare', workingWeekdays: [1, 2, 3, 4, 5], holidays: [] }, context);
    await deleteCalendar(portfolio, calendar.id, context);
    expect(await portfolio.planCalendars.count()).toBe(0);
    expect(await portfolio.tombstones.get(calendar.id)).toMatchObject({ table: 'planCalendars' });
  });
});

describe('calendar sharing and names', () => {
  const englishMpx = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../fixtures/project-plans/english.mpx')));

  async function plainPlan(portfolio: PortfolioDb, title: string, holidays: readonly string[] = []): Promise<Plan> {
    const calendar = { name: 'Monday to Friday', workingWeekdays: [1, 2, 3, 4, 5], holidays };
    return createPlanFromTemplate(portfolio, { providerId: null, title, startOn: '2026-03-02', calendar }, context);
  }

  async function calendarNames(portfolio: PortfolioDb): Promise<string[]> {
    return (await portfolio.planCalendars.toArray()).map((calendar) => calendar.name).sort();
  }

  it('second template plan reuses the calendar', async () => {
    const portfolio = await open();
    const first = await plainPlan(portfolio, 'Devon transition');
    const second = await plainPlan(portfolio, 'Cornwall offshore move');
    expect(second.calendarId).toBe(first.calendarId);
    expect(await portfolio.planCalendars.count()).toBe(1);
  });

  it('empty plan reuses the calendar', async () => {
    const portfolio = await open();
    const first = await plainPlan(portfolio, 'Devon transition');
    const empty = await createEmptyPlan(portfolio, { providerId: null, title: 'Blank plan', startOn: '2026-03-02' }, context);
    expect(empty.calendarId).toBe(first.calendarId);
  });

  it('plan with holidays gets a calendar named after it', async () => {
    const portfolio = await open();
    const first = await plainPlan(portfolio, 'Devon transition');
    const second = await plainPlan(portfolio, 'Cornwall offshore move', ['2026-12-25']);
    expect(second.calendarId).not.toBe(first.calendarId);
    expect(await portfolio.planCalendars.get(second.calendarId)).toMatchObject({
      name: 'Monday to Friday (Cornwall offshore move)',
      holidays: ['2026-12-25'],
    });
  });

  it('first plan with holidays keeps the plain name', async () => {
    const portfolio = await open();
    const plan = await plainPlan(portfolio, 'Devon transition', ['2026-12-25']);
    expect((await portfolio.planCalendars.get(plan.calendarId))?.name).toBe('Monday to Friday');
  });

  it('skips a calendar that gained holidays', async () => {
    const portfolio = await open();
    const first = await plainPlan(portfolio, 'Devon transition');
    await updateCalendar(portfolio, first.calendarId, { holidays: ['2026-12-25'] }, context);
    const second = await plainPlan(portfolio, 'Cornwall offshore move');
    expect(second.calendarId).not.toBe(first.calendarId);
    expect(await calendarNames(portfolio)).toEqual(['Monday to Friday', 'Monday to Friday (Cornwall offshore move)']);
  });

  it('names taken site calendars after the plan', async () => {
    const portfolio = await open();
    await createCalendar(portfolio, { name: 'Pune', workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: [], site: 'Pune' }, context);
    await createPlanFromTemplate(
      portfolio,
      {
        providerId: null,
        title: 'Service desk transition',
        startOn: '2026-03-02',
        siteCalendars: [{ name: 'Pune', workingWeekdays: [1, 2, 3, 4, 5], holidays: [], site: 'Pune' }],
      },
      context,
    );
    expect(await calendarNames(portfolio)).toEqual(['Monday to Friday', 'Pune', 'Pune (Service desk transition)']);
  });

  it('imported calendar with a taken name gets the plan title', async () => {
    const portfolio = await open();
    const first = await createPlanFromImport(
      portfolio,
      previewPlanFile(englishMpx, 'english.mpx', '2026-03-02'),
      { providerId: null },
      context,
    );
    const second = await createPlanFromImport(
      portfolio,
      previewPlanFile(englishMpx, 'english.mpx', '2026-03-02'),
      { providerId: null, title: 'Payroll wave 2' },
      context,
    );
    expect((await portfolio.planCalendars.get(first.calendarId))?.name).toBe('Standard');
    expect((await portfolio.planCalendars.get(second.calendarId))?.name).toBe('Standard (Payroll wave 2)');
  });

  it('renamed import keeps one audit entry', async () => {
    const portfolio = await open();
    await createPlanFromImport(portfolio, previewPlanFile(englishMpx, 'english.mpx', '2026-03-02'), { providerId: null }, context);
    await createPlanFromImport(portfolio, previewPlanFile(englishMpx, 'english.mpx', '2026-03-02'), { providerId: null }, context);
    const entries = await portfolio.audit.toArray();
    expect(entries.map((entry) => entry.kind)).toEqual(['import', 'import']);
  });

  it('failed import renames nothing', async () => {
    const portfolio = await open();
    await createPlanFromImport(portfolio, previewPlanFile(englishMpx, 'english.mpx', '2026-03-02'), { providerId: null }, context);
    const before = await databaseContents(portfolio);
    const failure = await rejection(
      createPlanFromImport(portfolio, previewPlanFile(englishMpx, 'english.mpx', '2026-03-02'), { providerId: 'gone' }, context),
    );
    expect(failure.appError.code).toBe('storage.notFound');
    expect(await databaseContents(portfolio)).toEqual(before);
  });
});

describe('baselines', () => {
  it('stores the current schedule dates', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const baseline = await saveBaseline(portfolio, plan.id, ' Contract baseline ', context);
    const records = await recordsOf(portfolio, plan.id);
    const outcome = schedulePlan(scheduleInputOf(records.plan, records, records.calendars));
    if (!outcome.ok) throw new Error('template plan did not schedule');
    expect(baseline.name).toBe('Contract baseline');
    expect(baseline.planFinish).toBe(outcome.schedule.planFinish);
    expect(baseline.tasks).toHaveLength(records.tasks.length);
    expect(baseline.takenAt).toBe(new Date(wall()).toISOString());
  });

  it('lists baselines oldest first and deletes one', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const first = await saveBaseline(portfolio, plan.id, 'Contract baseline', context);
    wall.set(wall() + 60_000);
    const second = await saveBaseline(portfolio, plan.id, 'Re-plan 1', context);
    expect((await listBaselines(portfolio, plan.id)).map((baseline) => baseline.id)).toEqual([first.id, second.id]);
    await deleteBaseline(portfolio, first.id, context);
    expect((await listBaselines(portfolio, plan.id)).map((baseline) => baseline.name)).toEqual(['Re-plan 1']);
  });

  it('rejects a baseline without a name', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    expect((await rejection(saveBaseline(portfolio, plan.id, '  ', context))).appError.code).toBe('plan.textMissing');
    expect(await portfolio.planBaselines.count()).toBe(0);
  });
});

describe('repairPlanState', () => {
  it('moves orphans to the top and drops broken links', async () => {
    const portfolio = await open();
    const plan = await templatePlan(portfolio);
    const records = await recordsOf(portfolio, plan.id);
    const orphan = { ...records.tasks[3]!, parentId: 'deleted-parent', calendarId: 'deleted-calendar' };
    const broken = { ...records.dependencies[0]!, predecessorId: 'deleted-task' };
    const state = repairPlanState(
      [...records.tasks.slice(0, 3), orphan],
      [broken, ...records.dependencies.slice(1)],
      new Set([plan.calendarId]),
    );
    expect(state.tasks[3]).toMatchObject({ parentId: null, calendarId: null });
    expect(state.dependencies.some((link) => link.id === broken.id)).toBe(false);
  });
});
