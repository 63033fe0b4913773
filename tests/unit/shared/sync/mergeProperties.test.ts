/**
 * Property tests of the merge over simulated laptops. `STEERWISE_MERGE_RUNS` sets the runs of
 * each property (the soak script sets 10,000); the defaults add up to 1,100 runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeSnapshots } from '../../../../shared/sync/merge';
import { naturalKey } from '../../../../shared/sync/mergeNaturalKeys';
import type { PortfolioSnapshot } from '../../../../shared/sync/snapshot';
import { recordTables } from '../../../../shared/sync/snapshot';
import { runScenario, scenarioArbitrary } from './mergeSimulation';
import type { Scenario } from './mergeSimulation';
import { baseWallMs, normalized } from './mergeTestKit';

const configuredRuns = Number.parseInt(process.env.STEERWISE_MERGE_RUNS ?? '', 10);

/** Runs of one property: the configured count, or the default when the variable is unset. */
function runs(defaultRuns: number): number {
  return Number.isInteger(configuredRuns) && configuredRuns > 0 ? configuredRuns : defaultRuns;
}

const strict = { avoidConcurrentTwinDeletes: true } as const;
const options = { now: baseWallMs };

function merge(a: PortfolioSnapshot, b: PortfolioSnapshot): PortfolioSnapshot {
  return mergeSnapshots(a, b, options).snapshot;
}

function duplicateNaturalKeys(value: PortfolioSnapshot): string[] {
  const duplicates: string[] = [];
  for (const table of recordTables) {
    const seen = new Set<string>();
    for (const record of value.records[table]) {
      const key = naturalKey(table, record as unknown as Readonly<Record<string, unknown>>);
      if (key === null) continue;
      if (seen.has(key)) duplicates.push(`${table} ${key}`);
      seen.add(key);
    }
  }
  return duplicates;
}

describe('merge properties over three laptops', () => {
  it('scenarios include RFP scores', () => {
    // Guards the generator: the properties below prove convergence for scores only if scenarios contain them.
    const scenarios = fc.sample(scenarioArbitrary, { numRuns: 300, seed: 20260401 });
    const scored = scenarios.filter((scenario) =>
      runScenario(scenario, strict)
        .snapshots()
        .some((state) => state.records.rfpScores.length > 0),
    );
    const several = scenarios.filter((scenario) => runScenario(scenario, strict).finalExchange()[0]!.records.rfpScores.length > 1);
    expect(scored.length).toBeGreaterThanOrEqual(30);
    expect(several.length).toBeGreaterThanOrEqual(5);
  });

  it('scenarios include escalations', () => {
    // Guards the generator: escalations fold by service level and month, so scenarios must open some.
    const scenarios = fc.sample(scenarioArbitrary, { numRuns: 300, seed: 20260401 });
    const escalated = scenarios.filter((scenario) => runScenario(scenario, strict).finalExchange()[0]!.records.escalations.length > 0);
    expect(escalated.length).toBeGreaterThanOrEqual(15);
  });

  it('scenarios include moved meetings', () => {
    // Guards the generator: a moved meeting leaves a cancelled occurrence and a meeting without a cadence.
    const scenarios = fc.sample(scenarioArbitrary, { numRuns: 300, seed: 20260401 });
    const moved = scenarios.filter((scenario) =>
      runScenario(scenario, strict)
        .finalExchange()[0]!
        .records.meetings.some((meeting) => meeting.cadenceId === null),
    );
    expect(moved.length).toBeGreaterThanOrEqual(5);
  });

  it('converges after one final exchange', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const [first, second, third] = runScenario(scenario, strict).finalExchange().map(normalized);
        expect(second).toEqual(first);
        expect(third).toEqual(first);
      }),
      { numRuns: runs(300) },
    );
  });

  it('leaves no duplicate natural keys', () => {
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        for (const state of runScenario(scenario, { avoidConcurrentTwinDeletes: false }).finalExchange()) {
          expect(duplicateNaturalKeys(state)).toEqual([]);
        }
      }),
      { numRuns: runs(100) },
    );
  });

  it('is commutative', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat({ max: 2 }), (scenario, shift) => {
        const states = runScenario(scenario, strict).snapshots();
        const a = states[shift % 3]!;
        const b = states[(shift + 1) % 3]!;
        expect(normalized(merge(a, b))).toEqual(normalized(merge(b, a)));
      }),
      { numRuns: runs(150) },
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat({ max: 5 }), (scenario, order) => {
        const states = runScenario(scenario, strict).snapshots();
        const permutation = [
          [0, 1, 2],
          [0, 2, 1],
          [1, 0, 2],
          [1, 2, 0],
          [2, 0, 1],
          [2, 1, 0],
        ][order]!;
        const [a, b, c] = permutation.map((index) => states[index]!) as [PortfolioSnapshot, PortfolioSnapshot, PortfolioSnapshot];
        expect(normalized(merge(merge(a, b), c))).toEqual(normalized(merge(a, merge(b, c))));
      }),
      { numRuns: runs(200) },
    );
  });

  it('merges a snapshot with itself to itself', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat({ max: 2 }), (scenario, index) => {
        const state = runScenario(scenario, strict).snapshots()[index]!;
        expect(normalized(merge(state, state))).toEqual(normalized(state));
      }),
      { numRuns: runs(100) },
    );
  });

  it('ignores the same remote snapshot twice', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.nat({ max: 2 }), (scenario, shift) => {
        const states = runScenario(scenario, strict).snapshots();
        const local = states[shift]!;
        const remote = states[(shift + 1) % 3]!;
        const once = merge(local, remote);
        const again = mergeSnapshots(once, remote, options);
        expect(normalized(again.snapshot)).toEqual(normalized(once));
        expect(again.delta.tombstones).toEqual([]);
        for (const table of recordTables) expect(again.delta.tables[table]).toEqual({ put: [], delete: [] });
      }),
      { numRuns: runs(100) },
    );
  });

  it('converges within three exchanges with any deletions', () => {
    // Found against an earlier merge-join that kept a local copy when a fold had given the remote
    // copy its twin's later fields, whose writes the local side had seen on the deleted twin.
    // prettier-ignore
    const found = JSON.parse('[{"wallOffsetsMs":[0,0,0],"operations":[{"kind":"import","laptop":1,"code":0,"key":0,"period":0,"value":0},{"kind":"import","laptop":1,"code":1,"key":0,"period":0,"value":0},{"kind":"addProvider","laptop":2,"code":1,"name":0},{"kind":"sync","from":1,"to":0,"keepOther":false},{"kind":"consensus","laptop":0,"pick":0,"value":0},{"kind":"priceBid","laptop":0,"pick":0,"round":1},{"kind":"delete","laptop":0,"table":0,"pick":571},{"kind":"addServiceLevel","laptop":0,"pick":0,"minimum":0},{"kind":"update","laptop":0,"table":0,"pick":0,"fields":1,"choice":0}]}]') as [Scenario];
    fc.assert(
      fc.property(scenarioArbitrary, (scenario) => {
        const simulation = runScenario(scenario, { avoidConcurrentTwinDeletes: false });
        const rounds = simulation.exchangeUntilEqual(3, (a, b) => JSON.stringify(normalized(a)) === JSON.stringify(normalized(b)));
        expect(rounds).toBeLessThanOrEqual(3);
      }),
      { numRuns: runs(150), examples: [found] },
    );
  });
});
