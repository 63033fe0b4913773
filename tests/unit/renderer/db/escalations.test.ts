import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EscalationEvent } from '../../../../shared/domain/escalation';
import { compareEvents } from '../../../../shared/kpi/escalationRules';
import { applyManualEscalationAction, manualActionProblem, runEscalationRules } from '../../../../renderer/src/db/escalations';
import { applyImportPlan } from '../../../../renderer/src/db/importMeasurements';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { updateRecord } from '../../../../renderer/src/db/repository';
import { readVersionVector } from '../../../../renderer/src/db/versionVector';
import {
  answeredKpi,
  failingWrites,
  freshName,
  makePlan,
  manualWall,
  months,
  openNamedDb,
  openTestDb,
  rejection,
  testContext,
} from './factories';

let db: PortfolioDb | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

const wall = manualWall(Date.UTC(2025, 5, 2, 9, 0, 0));
const context = testContext(wall, 'dev000000001', 'Priya Shah');
const today = '2025-06-02';

/**
 * Answered within 60 s per month for the first provider (the second always meets its minimum of
 * 90): 89% in February and April, so two misses within three months.
 */
function answeredNumerator(provider: number, period: number, kpi: number): number {
  if (kpi !== 0 || provider !== 0) return 960;
  return period === 1 || period === 3 ? 890 : 950;
}

async function openWithImport(periods = months(5)): Promise<PortfolioDb> {
  db = await openTestDb();
  await applyImportPlan(db, makePlan({ periods, numerator: () => 960 }), context);
  return db;
}

/** Makes the first provider's answered-calls level critical. */
async function makeCritical(database: PortfolioDb): Promise<string> {
  const kpi = await database.kpis.where('key').equals(answeredKpi.key).first();
  const provider = await database.providers.where('code').equals('RX1').first();
  const level = (await database.serviceLevels.toArray()).find(
    (candidate) => candidate.kpiId === kpi?.id && candidate.providerId === provider?.id,
  );
  if (level === undefined) throw new Error('no answered-calls level for RX1');
  await updateRecord(database, 'serviceLevels', level.id, { critical: true, allocationPercent: 20 }, context);
  return level.id;
}

async function sortedEvents(database: PortfolioDb): Promise<EscalationEvent[]> {
  return (await database.escalationEvents.toArray()).sort(compareEvents);
}

describe('runEscalationRules', () => {
  it('writes nothing without critical levels', async () => {
    const database = await openWithImport();
    const before = await readVersionVector(database);
    const auditCount = await database.audit.count();
    expect(await runEscalationRules(database, context, today)).toEqual([]);
    expect(await readVersionVector(database)).toEqual(before);
    expect(await database.audit.count()).toBe(auditCount);
  });

  it('opens, records and raises in order, once', async () => {
    const database = await openWithImport();
    const levelId = await makeCritical(database);
    await applyImportPlan(database, makePlan({ periods: months(5), numerator: answeredNumerator, fileName: 'may.csv' }), context);

    const escalations = await database.escalations.toArray();
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({
      serviceLevelId: levelId,
      openedPeriod: '2025-02',
      level: 2,
      status: 'open',
      owner: '',
      dueDate: '2025-07-02',
    });

    const events = await sortedEvents(database);
    expect(events.map((event) => [event.kind, event.period, event.level, event.rule])).toEqual([
      ['opened', '2025-02', 1, null],
      ['repeatMiss', '2025-04', 1, null],
      ['raised', null, 2, 'repeats'],
    ]);
    expect(events.every((event) => event.user === 'Priya Shah')).toBe(true);
    const clocks = events.map((event) => event.clock);
    expect([...clocks].sort()).toEqual(clocks);

    const audited = await database.audit
      .where('recordId')
      .anyOf(events.map((event) => event.id))
      .count();
    expect(audited).toBe(events.length);
    // The escalation was opened and raised in one run, so it is stored once, at its raised level.
    const escalationAudit = await database.audit
      .where('recordId')
      .equals(escalations[0]?.id ?? '')
      .toArray();
    expect(escalationAudit.map((entry) => entry.changes.level?.new)).toEqual([2]);

    const vector = await readVersionVector(database);
    const auditCount = await database.audit.count();
    expect(await runEscalationRules(database, context, today)).toEqual([]);
    expect(await database.escalationEvents.count()).toBe(3);
    expect(await database.audit.count()).toBe(auditCount);
    expect(await readVersionVector(database)).toEqual(vector);
  });

  it('raises by age when run days later', async () => {
    const database = await openWithImport(months(2));
    await makeCritical(database);
    await applyImportPlan(database, makePlan({ periods: months(2), numerator: answeredNumerator, fileName: 'feb.csv' }), context);
    expect((await database.escalations.toArray())[0]?.level).toBe(1);

    const later = manualWall(Date.UTC(2025, 6, 10, 9, 0, 0));
    const actions = await runEscalationRules(database, testContext(later, 'dev000000001', 'Priya Shah'), '2025-07-10');
    expect(actions).toEqual([expect.objectContaining({ kind: 'raise', level: 2, rule: 'age', amount: 38 })]);
    expect((await database.escalations.toArray())[0]).toMatchObject({ level: 2, dueDate: '2025-08-09' });
  });

  it('records a later miss on the stored escalation', async () => {
    const database = await openWithImport(months(2));
    await makeCritical(database);
    await applyImportPlan(database, makePlan({ periods: months(2), numerator: answeredNumerator, fileName: 'feb.csv' }), context);
    const opened = (await database.escalations.toArray())[0];
    expect(opened?.level).toBe(1);

    await applyImportPlan(database, makePlan({ periods: months(5), numerator: answeredNumerator, fileName: 'may.csv' }), context);
    expect(await database.escalations.count()).toBe(1);
    expect(await database.escalations.get(opened?.id ?? '')).toMatchObject({ level: 2, dueDate: '2025-07-02' });
    const events = await sortedEvents(database);
    expect(events.map((event) => [event.kind, event.period, event.level])).toEqual([
      ['opened', '2025-02', 1],
      ['repeatMiss', '2025-04', 1],
      ['raised', null, 2],
    ]);
    // The raise of a stored escalation is an update: its audit entry holds the old and new level.
    const writes = await database.audit
      .where('recordId')
      .equals(opened?.id ?? '')
      .toArray();
    expect(writes.map((entry) => entry.changes.level)).toEqual([
      { old: null, new: 1 },
      { old: 1, new: 2 },
    ]);
  });

  it('rolls the import back when escalation writes fail', async () => {
    const name = freshName('escalation-rollback');
    const setup = await openNamedDb(name);
    await applyImportPlan(setup, makePlan({ periods: months(5), numerator: () => 960 }), context);
    await makeCritical(setup);
    setup.close();

    db = await openNamedDb(name, failingWrites('escalationEvents'));
    const measurementsBefore = await db.measurements.toArray();
    const plan = makePlan({ periods: months(5), numerator: answeredNumerator, fileName: 'may.csv' });
    const failure = await rejection(applyImportPlan(db, plan, context));
    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(await db.escalations.count()).toBe(0);
    expect(await db.measurements.toArray()).toEqual(measurementsBefore);
  });
});

describe('applyManualEscalationAction', () => {
  async function opened(): Promise<{ database: PortfolioDb; id: string }> {
    const database = await openWithImport(months(2));
    await makeCritical(database);
    await applyImportPlan(database, makePlan({ periods: months(2), numerator: answeredNumerator, fileName: 'feb.csv' }), context);
    const escalation = (await database.escalations.toArray())[0];
    if (escalation === undefined) throw new Error('no escalation opened');
    return { database, id: escalation.id };
  }

  it('writes each change and its event', async () => {
    const { database, id } = await opened();
    await applyManualEscalationAction(database, id, { kind: 'raise', note: 'Third complaint this quarter' }, context, today);
    await applyManualEscalationAction(database, id, { kind: 'setOwner', owner: '  Sam Okafor ' }, context, today);
    await applyManualEscalationAction(database, id, { kind: 'setDueDate', dueDate: '2025-06-20' }, context, today);
    await applyManualEscalationAction(database, id, { kind: 'lower', note: 'Recovery plan agreed' }, context, today);
    await applyManualEscalationAction(database, id, { kind: 'note', note: 'Call with the provider on Friday' }, context, today);
    await applyManualEscalationAction(database, id, { kind: 'close', note: 'Back above the minimum' }, context, today);
    await applyManualEscalationAction(database, id, { kind: 'reopen', note: '' }, context, today);

    expect(await database.escalations.get(id)).toMatchObject({ level: 1, owner: 'Sam Okafor', status: 'open', dueDate: '2025-06-16' });
    const events = await sortedEvents(database);
    expect(events.map((event) => [event.kind, event.level, event.rule, event.note])).toEqual([
      ['opened', 1, null, ''],
      ['raised', 2, 'manual', 'Third complaint this quarter'],
      ['ownerChanged', 2, null, 'Sam Okafor'],
      ['dueDateChanged', 2, null, '2025-06-20'],
      ['lowered', 1, 'manual', 'Recovery plan agreed'],
      ['note', 1, null, 'Call with the provider on Friday'],
      ['closed', 1, null, 'Back above the minimum'],
      ['reopened', 1, null, ''],
    ]);
    const writes = await database.audit.where('recordId').equals(id).toArray();
    // The insert, then raise, owner, due date, lower, close and reopen; a note changes no field.
    expect(writes).toHaveLength(7);
  });

  it('rejects an invalid action and writes nothing', async () => {
    const { database, id } = await opened();
    const auditCount = await database.audit.count();
    await expect(applyManualEscalationAction(database, id, { kind: 'close', note: 'Fixed' }, context, today)).rejects.toThrow(
      /ownerBeforeClose/,
    );
    await expect(applyManualEscalationAction(database, id, { kind: 'lower', note: 'No' }, context, today)).rejects.toThrow(/lowestLevel/);
    await expect(applyManualEscalationAction(database, id, { kind: 'setDueDate', dueDate: '2025-02-30' }, context, today)).rejects.toThrow(
      /invalidDate/,
    );
    expect(await database.audit.count()).toBe(auditCount);
    expect(await database.escalationEvents.count()).toBe(1);
  });

  it('rejects a missing escalation', async () => {
    const { database } = await opened();
    const failure = await rejection(applyManualEscalationAction(database, 'missing', { kind: 'note', note: 'x' }, context, today));
    expect(failure.appError.code).toBe('storage.notFound');
  });
});

describe('manualActionProblem', () => {
  const open = { status: 'open' as const, level: 2 as const, owner: '' };
  it('checks each action', () => {
    expect(manualActionProblem(open, { kind: 'raise', note: '' })).toBeNull();
    expect(manualActionProblem({ ...open, level: 3 }, { kind: 'raise', note: '' })).toBe('highestLevel');
    expect(manualActionProblem(open, { kind: 'lower', note: ' ' })).toBe('reasonRequired');
    expect(manualActionProblem(open, { kind: 'setOwner', owner: ' ' })).toBe('ownerRequired');
    expect(manualActionProblem(open, { kind: 'close', note: 'Done' })).toBe('ownerBeforeClose');
    expect(manualActionProblem({ ...open, owner: 'Sam' }, { kind: 'close', note: '' })).toBe('resolutionRequired');
    expect(manualActionProblem({ ...open, status: 'closed' }, { kind: 'raise', note: '' })).toBe('closed');
    expect(manualActionProblem(open, { kind: 'reopen', note: '' })).toBe('alreadyOpen');
    expect(manualActionProblem(open, { kind: 'note', note: '' })).toBe('noteRequired');
  });
});
