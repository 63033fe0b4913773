import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dependency, Plan, Task } from '../../../../shared/domain/plan';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { naturalKey, referenceFields } from '../../../../shared/sync/mergeNaturalKeys';
import { planTables } from '../../../../shared/sync/snapshot';
import { runScenario, scenarioArbitrary } from './mergeSimulation';
import { at, provider, recordOf, snapshot, tombstone } from './mergeTestKit';

const now = Date.UTC(2026, 0, 2);

function plan(id: string, clock: string, data: Partial<Plan> = {}): Plan {
  return {
    id,
    clock,
    fieldClocks: {},
    providerId: null,
    contractId: null,
    title: `Plan ${id}`,
    description: '',
    startOn: '2026-03-02',
    calendarId: 'cal1',
    templateKey: 'bpoTransition',
    ...data,
  };
}

function task(id: string, clock: string, planId: string, data: Partial<Task> = {}): Task {
  return {
    id,
    clock,
    fieldClocks: {},
    planId,
    parentId: null,
    order: 1,
    name: `Task ${id}`,
    duration: 5,
    durationUnit: 'workingDays',
    startNoEarlierThan: null,
    progress: 0,
    owner: '',
    notes: '',
    calendarId: null,
    goNoGo: false,
    templateKey: null,
    ...data,
  };
}

function link(id: string, clock: string, planId: string, predecessorId: string, successorId: string): Dependency {
  return { id, clock, fieldClocks: {}, planId, predecessorId, successorId, type: 'FS', lag: 0, lagUnit: 'workingDays' };
}

describe('merge of transition plans', () => {
  it('keeps two plans made from one template', () => {
    const local = snapshot({ records: { plans: [plan('planL', at(1, 'devL'), { title: 'Payroll transition' })] } });
    const remote = snapshot({ records: { plans: [plan('planR', at(1, 'devR'), { title: 'Payroll transition' })] } });

    const result = mergeSnapshots(local, remote, { now });

    expect(result.snapshot.records.plans.map((record) => record.id)).toEqual(['planL', 'planR']);
    expect(result.preview.tables.plans).toEqual({ added: 1, changed: 0, deleted: 0, mergedByNaturalKey: 0 });
  });

  it('gives plan records no natural key', () => {
    expect(naturalKey('plans', { ...plan('p1', at(1, 'devL')) })).toBeNull();
    expect(naturalKey('planTasks', { ...task('t1', at(1, 'devL'), 'p1') })).toBeNull();
  });

  it('rewrites the provider of a plan to the folded provider', () => {
    const local = snapshot({
      records: {
        providers: [provider('pB', { clock: at(1, 'devL') }, { code: 'RX1' })],
        plans: [plan('plan1', at(2, 'devL'), { providerId: 'pB' })],
      },
    });
    const remote = snapshot({ records: { providers: [provider('pA', { clock: at(3, 'devR') }, { code: 'RX1' })] } });

    const merged = mergeSnapshots(local, remote, { now }).snapshot;

    expect(merged.records.providers.map((record) => record.id)).toEqual(['pA']);
    expect(recordOf(merged, 'plans', 'plan1')?.providerId).toBe('pA');
  });

  it('merges task edits field by field', () => {
    const base = task('t1', at(1, 'devL'), 'plan1');
    const local = snapshot({ records: { planTasks: [{ ...base, progress: 50, fieldClocks: { progress: at(4, 'devL') } }] } });
    const remote = snapshot({ records: { planTasks: [{ ...base, owner: 'Ann', fieldClocks: { owner: at(5, 'devR') } }] } });

    const merged = mergeSnapshots(local, remote, { now }).snapshot;

    expect(recordOf(merged, 'planTasks', 't1')).toMatchObject({ progress: 50, owner: 'Ann' });
  });

  it('keeps a deleted plan deleted with its tasks and links', () => {
    const records = {
      plans: [plan('plan1', at(1, 'devL'))],
      planTasks: [task('t1', at(1, 'devL'), 'plan1'), task('t2', at(1, 'devL'), 'plan1')],
      planDependencies: [link('d1', at(1, 'devL'), 'plan1', 't1', 't2')],
    };
    const deletion = [
      tombstone('plan1', 'plans', at(3, 'devL')),
      tombstone('t1', 'planTasks', at(3, 'devL')),
      tombstone('t2', 'planTasks', at(3, 'devL')),
      tombstone('d1', 'planDependencies', at(3, 'devL')),
    ];
    const local = snapshot({ tombstones: deletion });
    const edited = {
      ...records,
      planTasks: records.planTasks.map((record) => ({ ...record, progress: 30, fieldClocks: { progress: at(4, 'devR') } })),
    };
    const remote = snapshot({ records: edited });

    const merged = mergeSnapshots(local, remote, { now }).snapshot;

    for (const table of planTables) expect(merged.records[table], table).toEqual([]);
  });

  it('lists a reference for every id field of the plan tables', () => {
    expect(referenceFields.plans).toEqual({ providerId: 'providers', contractId: 'contracts', calendarId: 'planCalendars' });
    expect(referenceFields.planTasks).toEqual({ planId: 'plans', parentId: 'planTasks', calendarId: 'planCalendars' });
    expect(referenceFields.planDependencies).toEqual({ planId: 'plans', predecessorId: 'planTasks', successorId: 'planTasks' });
    expect(referenceFields.planBaselines).toEqual({ planId: 'plans' });
  });
});

describe('merge simulation with plans', () => {
  it('scenarios include plans with tasks and links', () => {
    // Guards the generator: the merge properties prove convergence for plans only if scenarios contain them.
    const scenarios = fc.sample(scenarioArbitrary, { numRuns: 200, seed: 20260405 });
    const states = scenarios.map((scenario) => runScenario(scenario, { avoidConcurrentTwinDeletes: true }).finalExchange()[0]);
    const withPlans = states.filter((state) => state !== undefined && state.records.plans.length > 0);
    const withLinks = states.filter((state) => state !== undefined && state.records.planDependencies.length > 1);
    const withProviderPlans = states.filter((state) => state?.records.plans.some((record) => record.providerId !== null) === true);
    expect(withPlans.length).toBeGreaterThanOrEqual(40);
    expect(withLinks.length).toBeGreaterThanOrEqual(20);
    expect(withProviderPlans.length).toBeGreaterThanOrEqual(10);
  });
});
