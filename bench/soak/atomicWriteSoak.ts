/**
 * Crash soak of the atomic `.steerwise` write: 1,000 rounds of the crash test that `npm test` runs
 * 200 times (`tests/unit/electron/main/atomicWriteCrash.test.ts`, rounds in
 * `tests/support/node/atomicWriteCrash.ts`). Each round kills a writer process at a random moment
 * and checks that the file is the whole old or new portfolio file and opens with the shared reader.
 *
 * `npm run bench` runs it after the import bench. Alone: `npx tsx bench/soak/atomicWriteSoak.ts`,
 * with `--rounds N` for another number of rounds. Prints the counts, writes
 * `bench/results/crash-soak.json`, and exits with 1 when a round leaves a damaged file or the
 * kills never landed inside a write.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runCrashRounds } from '../../tests/support/node/atomicWriteCrash';
import type { RoundOutcome } from '../../tests/support/node/atomicWriteCrash';

export const defaultCrashSoakRounds = 1_000;
const recordPath = resolve(import.meta.dirname, '../results/crash-soak.json');
/** Same settings as the unit test, so the soak differs only in the number of rounds. */
const lanes = 2;
const maxKillDelayMs = 40;

interface CrashSoakSummary {
  readonly rounds: number;
  readonly damaged: number;
  readonly killedMidWrite: number;
  readonly endedOld: number;
  readonly endedNew: number;
  readonly killedBeforeFirstWrite: number;
  readonly medianReadMs: number;
  readonly wallSeconds: number;
}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

function summarize(outcomes: readonly RoundOutcome[], wallSeconds: number): CrashSoakSummary {
  const readTimes = outcomes.map((outcome) => outcome.readMs).sort((first, second) => first - second);
  return {
    rounds: outcomes.length,
    damaged: outcomes.filter((outcome) => outcome.after === null).length,
    killedMidWrite: outcomes.filter((outcome) => outcome.killedMidWrite).length,
    endedOld: outcomes.filter((outcome) => outcome.after === 'old').length,
    endedNew: outcomes.filter((outcome) => outcome.after === 'new').length,
    killedBeforeFirstWrite: outcomes.filter((outcome) => outcome.writesReported === 0).length,
    medianReadMs: readTimes[Math.floor(readTimes.length / 2)] ?? 0,
    wallSeconds,
  };
}

/** Lists why the run fails: damaged files, or kills that never tested the moment inside a write. */
function problemsOf(summary: CrashSoakSummary, outcomes: readonly RoundOutcome[]): string[] {
  const problems = outcomes
    .filter((outcome) => outcome.after === null)
    .map((outcome) => `round ${String(outcome.round)} (kill after ${String(outcome.killDelayMs)} ms): ${outcome.problem}`);
  if (summary.killedMidWrite === 0) problems.push('no kill landed inside a write, so the rounds tested nothing');
  if (summary.endedOld === 0 || summary.endedNew === 0) problems.push('the kills never left one of the two versions in place');
  return problems;
}

/** Runs the soak and returns the exit code: 0 when every round left a whole file, else 1. */
export async function runAtomicWriteSoak(rounds = defaultCrashSoakRounds): Promise<number> {
  write(`Crash soak: ${String(rounds)} rounds of SIGKILL during atomic .steerwise writes, ${String(lanes)} writers at a time`);
  const folder = await mkdtemp(join(tmpdir(), 'steerwise-crash-soak-'));
  const loadAtStart = loadavg()[0] ?? 0;
  const started = performance.now();
  let outcomes: RoundOutcome[];
  try {
    outcomes = await runCrashRounds({ folder, rounds, lanes, maxKillDelayMs });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }

  const summary = summarize(outcomes, (performance.now() - started) / 1000);
  const machine = {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
    date: new Date().toISOString(),
  };
  mkdirSync(dirname(recordPath), { recursive: true });
  writeFileSync(recordPath, `${JSON.stringify({ machine, summary }, null, 2)}\n`);

  write(`  damaged files           ${String(summary.damaged)}`);
  write(`  kills inside a write    ${String(summary.killedMidWrite)}`);
  write(`  kills before any write  ${String(summary.killedBeforeFirstWrite)}`);
  write(`  ended with old / new    ${String(summary.endedOld)} / ${String(summary.endedNew)}`);
  write(`  median read and check   ${summary.medianReadMs.toFixed(1)} ms`);
  write(`  wall time               ${summary.wallSeconds.toFixed(1)} s (load average ${loadAtStart.toFixed(2)} at start)`);
  write(`wrote ${recordPath}`);

  const problems = problemsOf(summary, outcomes);
  for (const problem of problems) process.stderr.write(`crash soak failed: ${problem}\n`);
  return problems.length > 0 ? 1 : 0;
}

function parseRounds(): number {
  const { values } = parseArgs({ options: { rounds: { type: 'string' } } });
  const rounds = values.rounds === undefined ? defaultCrashSoakRounds : Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new RangeError(`Invalid --rounds value ${JSON.stringify(values.rounds)}: expected a positive whole number.`);
  }
  return rounds;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runAtomicWriteSoak(parseRounds()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`crash soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
