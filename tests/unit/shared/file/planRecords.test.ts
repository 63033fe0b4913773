import { describe, expect, test } from 'vitest';
import type { Contract } from '../../../../shared/domain/types';
import { AppFailure } from '../../../../shared/errors';
import { readPortfolioFile, scopeSnapshot, writePortfolioFile } from '../../../../shared/file';
import type { ExportScope } from '../../../../shared/file';
import { fieldClock, placeholderClock } from '../../../../shared/sync/fieldClocks';
import { packHlc } from '../../../../shared/sync/hlc';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { planTables } from '../../../../shared/sync/snapshot';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';
import { errorOf, valueOf } from '../../../support/node/results';
import { editRecord, repack, unzipEntries } from './craft';
import { goldenPlanIds } from './goldenPlan';
import { goldenIds, goldenMetadata, goldenSnapshot } from './goldenSnapshot';

const [firstDependency] = goldenSnapshot.records.planDependencies;
const [baseline] = goldenSnapshot.records.planBaselines;
const northEastOnly: ExportScope = { providerIds: [goldenIds.northEast] };

/** A second contract, with the Lincolnshire provider, which a North East export must leave out. */
const lincolnshireContract: Contract = {
  ...(goldenSnapshot.records.contracts[0] as Contract),
  id: '019c1d94-9250-7284-8a03-2d84eb45dfa0',
  providerId: goldenIds.lincolnshire,
  title: 'NHS 111 call handling, Lincolnshire',
};

async function goldenEntries(): Promise<Map<string, Uint8Array>> {
  return unzipEntries(await writePortfolioFile(goldenSnapshot, goldenMetadata));
}

/** Reads the golden file after `edit` changed one record of `entry`, and returns the error. */
async function errorAfterEdit(entry: string, id: string, edit: (record: Record<string, unknown>) => void) {
  const entries = await goldenEntries();
  editRecord(entries, entry, id, edit);
  return errorOf(await readPortfolioFile(repack(entries), 'plans.steerwise'));
}

/** Writes `snapshot` under `scope` and returns the writer's error. */
async function writeError(snapshot: PortfolioSnapshot, scope: ExportScope) {
  const failure = await writePortfolioFile(snapshot, { ...goldenMetadata, scope }).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(AppFailure);
  return (failure as AppFailure).appError;
}

describe('plan records in a portfolio file', () => {
  test('round-trip unchanged', async () => {
    const parsed = valueOf(await readPortfolioFile(await writePortfolioFile(goldenSnapshot, goldenMetadata), 'plans.steerwise'));
    for (const table of planTables) expect(parsed.snapshot.records[table], table).toEqual(goldenSnapshot.records[table]);
  });

  test.each([
    ['records/planCalendars.json', goldenPlanIds.englandCalendar, 'workingWeekdays', 'weekdays', 'weekdayList'],
    ['records/planCalendars.json', goldenPlanIds.puneCalendar, 'holidays', '2026-01-26', 'calendarDateList'],
    ['records/plans.json', goldenPlanIds.northEastPlan, 'startOn', null, 'calendarDate'],
    ['records/plans.json', goldenPlanIds.northEastPlan, 'calendarId', '', 'nonEmptyText'],
    ['records/plans.json', goldenPlanIds.payrollPlan, 'providerId', '', 'idOrNull'],
    ['records/plans.json', goldenPlanIds.northEastPlan, 'contractId', '', 'idOrNull'],
    ['records/planTasks.json', goldenPlanIds.documentation, 'duration', -1, 'nonNegativeInteger'],
    ['records/planTasks.json', goldenPlanIds.documentation, 'duration', 2.5, 'nonNegativeInteger'],
    ['records/planTasks.json', goldenPlanIds.documentation, 'durationUnit', 'hours', 'oneOf'],
    ['records/planTasks.json', goldenPlanIds.goLive, 'goNoGo', 'yes', 'boolean'],
    ['records/planTasks.json', goldenPlanIds.shadowing, 'startNoEarlierThan', '2026-13-01', 'calendarDateOrNull'],
    ['records/planDependencies.json', firstDependency?.id ?? '', 'type', 'XX', 'oneOf'],
    ['records/planDependencies.json', firstDependency?.id ?? '', 'lag', 0.5, 'integer'],
    ['records/planBaselines.json', baseline?.id ?? '', 'takenAt', '2026-02-06', 'instant'],
    ['records/planBaselines.json', baseline?.id ?? '', 'tasks', {}, 'list'],
  ] as const)('%s rejects %s %s %j', async (entry, id, field, value, reason) => {
    const error = await errorAfterEdit(entry, id, (record) => (record[field] = value));
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({ entry, recordId: id, field, reason });
  });

  test.each([
    ['workingWeekdays', [1, 8], 'workingWeekdays.1', 'weekdayList'],
    ['workingWeekdays', [1.5], 'workingWeekdays.0', 'weekdayList'],
    ['holidays', ['2026-01-26', '2026-02-29'], 'holidays.1', 'calendarDateList'],
  ] as const)('calendar %s %j names element %s', async (field, value, path, reason) => {
    const error = await errorAfterEdit('records/planCalendars.json', goldenPlanIds.puneCalendar, (record) => (record[field] = value));
    expect(error.detail).toMatchObject({ recordId: goldenPlanIds.puneCalendar, field: path, reason });
  });

  test('rejects a baseline entry without a finish', async () => {
    const error = await errorAfterEdit('records/planBaselines.json', baseline?.id ?? '', (record) => {
      record.tasks = [{ taskId: goldenPlanIds.goLive, start: '2026-04-07' }];
    });
    expect(error.detail).toMatchObject({ field: 'tasks.0.finish', reason: 'required' });
  });

  test('rejects an unknown task field', async () => {
    const error = await errorAfterEdit('records/planTasks.json', goldenPlanIds.goLive, (record) => (record.cost = 100));
    expect(error.detail).toMatchObject({ field: 'cost', reason: 'unknownField' });
  });
});

describe('plan records in a scoped file', () => {
  const scoped = scopeSnapshot(goldenSnapshot, northEastOnly);

  test('one provider keeps its plan', () => {
    expect(scoped.records.plans.map((plan) => plan.id)).toEqual([goldenPlanIds.northEastPlan]);
  });

  test('one provider keeps the plan contract', () => {
    const [plan] = scoped.records.plans;
    expect(plan?.contractId).toBe(goldenIds.contract);
    expect(plan?.fieldClocks).toEqual({});
    expect(scoped.records.contracts.map((contract) => contract.id)).toEqual([goldenIds.contract]);
  });

  test('one provider keeps the plan tasks, links and baselines', () => {
    expect(scoped.records.planTasks.map((task) => task.id)).not.toContain(goldenPlanIds.providerSelected);
    expect(scoped.records.planTasks).toHaveLength(5);
    expect(scoped.records.planDependencies).toEqual(goldenSnapshot.records.planDependencies);
    expect(scoped.records.planBaselines).toEqual(goldenSnapshot.records.planBaselines);
  });

  test('one provider keeps the plan and site calendars only', () => {
    expect(scoped.records.planCalendars.map((calendar) => calendar.id)).toEqual([
      goldenPlanIds.englandCalendar,
      goldenPlanIds.puneCalendar,
    ]);
  });

  test('the other provider gets no plan', () => {
    const other = scopeSnapshot(goldenSnapshot, { providerIds: [goldenIds.lincolnshire] });
    for (const table of planTables) expect(other.records[table], table).toEqual([]);
  });

  test('without commercial terms keeps every plan record', () => {
    const withoutTerms = scopeSnapshot(goldenSnapshot, { withoutCommercialTerms: true });
    for (const table of planTables) expect(withoutTerms.records[table], table).toEqual(goldenSnapshot.records[table]);
  });

  test('one provider reads back', async () => {
    const bytes = await writePortfolioFile(scoped, { ...goldenMetadata, scope: northEastOnly });
    const parsed = valueOf(await readPortfolioFile(bytes, 'north-east.steerwise'));
    for (const table of planTables) expect(parsed.snapshot.records[table], table).toEqual(scoped.records[table]);
  });

  test('one provider rejects a plan without a provider', async () => {
    const withPayroll = { ...scoped, records: { ...scoped.records, plans: goldenSnapshot.records.plans } };
    const error = await writeError(withPayroll, northEastOnly);
    expect(error.code).toBe('portfolioFile.invalidRecord');
    expect(error.detail).toMatchObject({ table: 'plans', recordId: goldenPlanIds.payrollPlan, field: 'providerId', reason: 'outOfScope' });
  });

  test('one provider rejects a task of a plan it leaves out', async () => {
    const withTask = { ...scoped, records: { ...scoped.records, planTasks: goldenSnapshot.records.planTasks } };
    const error = await writeError(withTask, northEastOnly);
    expect(error.detail).toMatchObject({
      table: 'planTasks',
      recordId: goldenPlanIds.providerSelected,
      field: 'planId',
      reason: 'outOfScope',
    });
  });

  test('one provider rejects an unused calendar', async () => {
    const withCalendar = { ...scoped, records: { ...scoped.records, planCalendars: goldenSnapshot.records.planCalendars } };
    const error = await writeError(withCalendar, northEastOnly);
    expect(error.detail).toMatchObject({
      table: 'planCalendars',
      recordId: goldenPlanIds.weekdayCalendar,
      field: 'id',
      reason: 'outOfScope',
    });
  });

  test('one provider rejects an outside contract', async () => {
    const [plan] = scoped.records.plans;
    if (plan === undefined) throw new Error('the scoped golden file has a plan');
    const withOtherContract = { ...scoped, records: { ...scoped.records, plans: [{ ...plan, contractId: lincolnshireContract.id }] } };
    const error = await writeError(withOtherContract, northEastOnly);
    expect(error.detail).toMatchObject({
      table: 'plans',
      recordId: goldenPlanIds.northEastPlan,
      field: 'contractId',
      reason: 'outOfScope',
      value: lincolnshireContract.id,
    });
  });

  test('an evaluator file rejects a plan', async () => {
    const [evaluator] = goldenSnapshot.records.rfpEvaluators;
    const [event] = goldenSnapshot.records.rfpEvents;
    const scope: ExportScope = { rfp: { rfpId: event?.id ?? '', evaluatorId: evaluator?.id ?? '' } };
    const evaluatorFile = scopeSnapshot(goldenSnapshot, scope);
    for (const table of planTables) expect(evaluatorFile.records[table], table).toEqual([]);
    const withPlan = { ...evaluatorFile, records: { ...evaluatorFile.records, plans: scoped.records.plans } };
    const error = await writeError(withPlan, scope);
    expect(error.detail).toMatchObject({ table: 'plans', reason: 'outOfScope' });
  });
});

/**
 * A merge of concurrent edits can leave the North East plan on a Lincolnshire contract: one laptop
 * moved the plan to that contract while the plan still had North East as its provider.
 */
describe('plan on a contract of another provider', () => {
  const pairedAt = packHlc({ wallMs: Date.parse('2026-02-12T09:00:00.000Z'), counter: 0, deviceId: goldenSnapshot.deviceId });
  const mismatched: PortfolioSnapshot = {
    ...goldenSnapshot,
    records: {
      ...goldenSnapshot.records,
      contracts: [...goldenSnapshot.records.contracts, lincolnshireContract],
      plans: goldenSnapshot.records.plans.map((plan) =>
        plan.id === goldenPlanIds.northEastPlan
          ? { ...plan, contractId: lincolnshireContract.id, fieldClocks: { ...plan.fieldClocks, contractId: pairedAt } }
          : plan,
      ),
    },
  };
  const scoped = scopeSnapshot(mismatched, northEastOnly);
  const [plan] = scoped.records.plans;

  test('one provider export drops the contract', () => {
    expect(scoped.records.contracts.map((contract) => contract.id)).toEqual([goldenIds.contract]);
    expect(plan?.contractId).toBeNull();
  });

  test('one provider export stamps the placeholder clock', () => {
    expect(plan === undefined ? null : fieldClock(plan, 'contractId')).toBe(placeholderClock);
  });

  test('one provider export keeps other fields', () => {
    const original = mismatched.records.plans.find((candidate) => candidate.id === goldenPlanIds.northEastPlan);
    if (original === undefined || plan === undefined) throw new Error('the North East plan is missing');
    for (const field of ['providerId', 'title', 'description', 'startOn', 'calendarId', 'templateKey'] as const) {
      expect(plan[field], field).toEqual(original[field]);
      expect(fieldClock(plan, field), field).toBe(fieldClock(original, field));
    }
  });

  test('merged back it keeps the real contract', async () => {
    const bytes = await writePortfolioFile(scoped, { ...goldenMetadata, scope: northEastOnly });
    const remote = valueOf(await readPortfolioFile(bytes, 'north-east.steerwise')).snapshot;
    const merged = mergeSnapshots(mismatched, remote, { now: Date.parse('2026-03-01T12:00:00.000Z') });
    const after = merged.snapshot.records.plans.find((candidate) => candidate.id === goldenPlanIds.northEastPlan);
    expect(after?.contractId).toBe(lincolnshireContract.id);
    expect(merged.preview.tables.plans.changed).toBe(0);
  });
});
