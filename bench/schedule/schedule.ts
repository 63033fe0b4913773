/**
 * `npx tsx bench/schedule/schedule.ts`: times `schedulePlan` in Node on the seeded plan of
 * `workload.ts` (5,000 tasks, 6,000 dependencies). Each run schedules from the plain records,
 * so it includes validation, building the graph and calendars, both passes, the roll-up and the
 * date strings. Prints the cold first run and the median, 95th percentile and maximum of the
 * timed runs after a warm-up.
 *
 * Options: `--runs N` (default 50) and `--seed N` (default 20_270_104). The target is 50 ms in
 * Chromium; Node runs the same V8 engine, so its figure is an estimate for Chromium, not a
 * measurement there.
 */
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { schedulePlan } from '../../shared/schedule/engine';
import { benchPlanSeed, benchPlanShape, buildPlanWorkload } from './workload';

const warmUpRuns = 10;

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function main(): void {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '50' }, seed: { type: 'string', default: String(benchPlanSeed) } },
  });
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    throw new Error(`--runs must be a positive whole number and --seed a whole number, got ${values.runs} and ${values.seed}`);
  }
  const input = buildPlanWorkload(benchPlanShape, seed);

  const coldStart = performance.now();
  const first = schedulePlan(input);
  const cold = performance.now() - coldStart;
  if (!first.ok) {
    throw new Error(`The bench plan did not schedule: ${JSON.stringify(first.issues.slice(0, 3))}`);
  }
  for (let run = 0; run < warmUpRuns; run += 1) {
    schedulePlan(input);
  }
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    schedulePlan(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);

  const leaves = input.tasks.filter((task) => task.parentId !== null).length;
  write(
    `plan: ${String(input.tasks.length)} tasks (${String(leaves)} leaf tasks), ${String(input.dependencies.length)} dependencies, seed ${String(seed)}`,
  );
  write(
    `result: finish ${first.schedule.planFinish}, ${String(first.schedule.criticalPath.length)} critical leaf tasks, ${String(first.issues.length)} warnings`,
  );
  write(`machine: Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${String(cpus().length)}`);
  write(`cold first run: ${cold.toFixed(1)} ms`);
  write(
    `${String(runs)} runs after ${String(warmUpRuns)} warm-up: median ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, max ${(times.at(-1) ?? Number.NaN).toFixed(1)} ms`,
  );
}

main();
