/**
 * `npx tsx bench/soak/mergeSoak.ts`: runs the merge property tests and the check that
 * `mergeSnapshots` returns what `mergeSnapshotsFull` returns, with 10,000 runs per property
 * (through `STEERWISE_MERGE_RUNS`), then times both merges on two snapshots of 150,000
 * measurements each. Prints the results and exits with 1 when a property test fails.
 *
 * Options:
 * - `--runs N` runs each property N times instead of 10,000.
 * - `--skip-timing` skips the timing.
 *
 * The timing measures two shapes: "diverged", the same 150,000 records on both sides with a
 * different 10% edited on each, and "twins", the same rows imported independently on both
 * laptops, so every record folds into a twin. Times are CPU and wall time of the merge alone,
 * on records that went through a JSON round trip as records read from a file do.
 */
import { providerProfileDefaults } from '../../shared/domain/profileDefaults';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { KpiDefinition, Measurement, Provider } from '../../shared/domain/types';
import { packHlc } from '../../shared/sync/hlc';
import { mergeSnapshots } from '../../shared/sync/merge';
import { mergeSnapshotsFull } from '../../shared/sync/mergeFull';
import type { MergeOptions, MergeResult } from '../../shared/sync/mergeTypes';
import type { PortfolioSnapshot } from '../../shared/sync/snapshot';
import { emptyRecords } from '../../shared/sync/snapshot';

const rootDir = resolve(import.meta.dirname, '../..');
const propertyTestFiles = ['tests/unit/shared/sync/mergeProperties.test.ts', 'tests/unit/shared/sync/mergeEquivalence.test.ts'];
const defaultRuns = 10_000;
const measurementCount = 150_000;
const providerCount = 46;
const kpiCount = 7;
const timingRepeats = 5;
const baseWallMs = Date.UTC(2026, 0, 1);

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

function runPropertyTests(runs: number): boolean {
  write(`Property tests: ${runs} runs per property`);
  const vitest = resolve(rootDir, 'node_modules/vitest/vitest.mjs');
  const result = spawnSync(process.execPath, [vitest, 'run', ...propertyTestFiles, '--testTimeout=0'], {
    cwd: rootDir,
    env: { ...process.env, STEERWISE_MERGE_RUNS: String(runs) },
    stdio: 'inherit',
  });
  return result.status === 0;
}

/** Builds one laptop's import of `measurementCount` monthly results, with ids starting with `prefix` and clocks from `deviceId`. */
function importedSnapshot(deviceId: string, prefix: string, wallOffsetMs: number): PortfolioSnapshot {
  const clock = packHlc({ wallMs: baseWallMs + wallOffsetMs, counter: 0, deviceId });
  const providers: Provider[] = Array.from({ length: providerCount }, (_, index) => ({
    id: `${prefix}-provider-${String(index).padStart(3, '0')}`,
    clock,
    fieldClocks: {},
    code: `P${String(index)}`,
    name: `Provider ${String(index)}`,
    formerNames: [],
    ...providerProfileDefaults,
  }));
  const kpis: KpiDefinition[] = Array.from({ length: kpiCount }, (_, index) => ({
    id: `${prefix}-kpi-${String(index)}`,
    clock,
    fieldClocks: {},
    key: `kpi.${String(index)}`,
    name: `KPI ${String(index)}`,
    description: '',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
  }));
  const measurements: Measurement[] = [];
  for (let index = 0; index < measurementCount; index += 1) {
    const month = Math.floor(index / (providerCount * kpiCount));
    measurements.push({
      id: `${prefix}-measurement-${String(index).padStart(7, '0')}`,
      clock,
      fieldClocks: {},
      providerId: providers[index % providerCount]?.id ?? '',
      kpiId: kpis[Math.floor(index / providerCount) % kpiCount]?.id ?? '',
      period: `${String(1900 + Math.floor(month / 12))}-${String((month % 12) + 1).padStart(2, '0')}`,
      value: index % 100,
      numerator: index % 100,
      denominator: 100,
      sourceFile: 'results.csv',
    });
  }
  return {
    portfolioId: 'soak',
    portfolioName: 'Soak',
    deviceId,
    records: { ...emptyRecords(), providers, kpis, measurements },
    tombstones: [],
    versionVector: { [deviceId]: clock },
  };
}

/** Copies `base`, writing a new value by `deviceId` into every tenth measurement from `offset`. */
function editedCopy(base: PortfolioSnapshot, deviceId: string, offset: number): PortfolioSnapshot {
  const clock = packHlc({ wallMs: baseWallMs + 60_000, counter: 0, deviceId });
  const measurements = base.records.measurements.map((record, index) =>
    index % 10 === offset ? { ...record, value: 42, fieldClocks: { value: clock } } : record,
  );
  return { ...base, deviceId, records: { ...base.records, measurements }, versionVector: { ...base.versionVector, [deviceId]: clock } };
}

function viaJson(snapshot: PortfolioSnapshot): PortfolioSnapshot {
  return JSON.parse(JSON.stringify(snapshot)) as PortfolioSnapshot;
}

type Merge = (local: PortfolioSnapshot, remote: PortfolioSnapshot, options: MergeOptions) => MergeResult;

function timeMerge(label: string, merge: Merge, local: PortfolioSnapshot, remote: PortfolioSnapshot): void {
  const cpuMs: number[] = [];
  const wallMs: number[] = [];
  for (let repeat = 0; repeat < timingRepeats; repeat += 1) {
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    merge(local, remote, { now: baseWallMs });
    wallMs.push(performance.now() - wallStart);
    const cpu = process.cpuUsage(cpuStart);
    cpuMs.push((cpu.user + cpu.system) / 1000);
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  write(
    `${label}: median of ${timingRepeats} merges ${median(wallMs).toFixed(0)} ms wall, ${median(cpuMs).toFixed(0)} ms CPU (all threads)`,
  );
}

function runTiming(): void {
  write(
    `Timing on ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, load average ${loadavg()[0]?.toFixed(2) ?? '?'}`,
  );
  const base = importedSnapshot('aaaaaaaaaaaa', 'a', 0);
  const diverged = [viaJson(editedCopy(base, 'aaaaaaaaaaaa', 0)), viaJson(editedCopy(base, 'bbbbbbbbbbbb', 5))] as const;
  const twins = [viaJson(importedSnapshot('aaaaaaaaaaaa', 'b', 0)), viaJson(importedSnapshot('bbbbbbbbbbbb', 'a', 1000))] as const;
  for (const [name, merge] of [
    ['mergeSnapshots', mergeSnapshots],
    ['mergeSnapshotsFull', mergeSnapshotsFull],
  ] as const) {
    timeMerge(`${name}, diverged, ${measurementCount} measurements`, merge, ...diverged);
    timeMerge(`${name}, twins, ${measurementCount} measurements`, merge, ...twins);
  }
  write(`Load average after timing ${loadavg()[0]?.toFixed(2) ?? '?'}`);
}

const { values } = parseArgs({ options: { runs: { type: 'string' }, 'skip-timing': { type: 'boolean' } } });
const runs = values.runs === undefined ? defaultRuns : Number.parseInt(values.runs, 10);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`Invalid --runs value ${JSON.stringify(values.runs)}: expected a positive whole number.\n`);
  process.exit(2);
}

const passed = runPropertyTests(runs);
if (values['skip-timing'] !== true) runTiming();
process.exit(passed ? 0 : 1);
