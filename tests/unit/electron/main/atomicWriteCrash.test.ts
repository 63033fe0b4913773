/**
 * Crash test of writeFileAtomic. A child process replaces a 2 MB file over and over and is
 * killed with SIGKILL at a random moment. The file must then be one whole payload: either the
 * last one the child reported or the one it was writing.
 *
 * A killed process leaves its written pages in the kernel's cache, so this covers process
 * crashes, not power loss. Durability across power loss rests on the fsync calls, which a test
 * on a running machine cannot observe.
 *
 * Set STEERWISE_CRASH_ROUNDS to run more rounds, for example 1000 for a soak run.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../electron/main/files';
import { buildPayload, checkPayload } from '../../../support/node/atomicWritePayload';

const rounds = Number(process.env['STEERWISE_CRASH_ROUNDS'] ?? '50');
const bodyBytes = 2 * 1024 * 1024;
/** Maximum wait between the child's first write and the kill, in milliseconds. */
const maxKillDelayMs = 80;
/** Children running at once; each has its own target file. */
const lanes = 2;
const childScript = resolve(import.meta.dirname, '../../../support/node/atomicWriteLoop.ts');

interface RoundOutcome {
  readonly round: number;
  readonly killDelayMs: number;
  /** Version in the file before the round. */
  readonly previousVersion: number;
  /** Last version the child reported as written, or `previousVersion` if none. */
  readonly lastReportedVersion: number;
  /** Version the child would have written after `lastReportedVersion`. */
  readonly nextVersion: number;
  readonly contents: Uint8Array;
}

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steerwise-crash-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Runs one child on `targetPath` from `firstVersion`, kills it after a random delay, and reads the file. */
async function runRound(round: number, targetPath: string, previousVersion: number): Promise<RoundOutcome> {
  const firstVersion = 2 + 2 * round;
  const killDelayMs = Math.floor(Math.random() * maxKillDelayMs);
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, targetPath, String(firstVersion), String(bodyBytes)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
  });

  const exited = new Promise<void>((resolveExit) => {
    child.on('close', () => {
      resolveExit();
    });
  });
  await new Promise<void>((resolveStart, rejectStart) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const started = !output.includes('writing\n');
      output += chunk;
      if (started && output.includes('writing\n')) {
        setTimeout(() => {
          child.kill('SIGKILL');
        }, killDelayMs);
        resolveStart();
      }
    });
    child.on('close', (code, signal) => {
      rejectStart(new Error(`child exited before writing (code ${String(code)}, signal ${String(signal)}): ${errors}`));
    });
  });
  await exited;

  const reported = [...output.matchAll(/^written (\d+)$/gm)].map((match) => Number(match[1]));
  const lastReportedVersion = reported.at(-1) ?? previousVersion;
  const nextVersion = lastReportedVersion === firstVersion ? firstVersion + 1 : firstVersion;
  const contents = new Uint8Array(await readFile(targetPath));
  return { round, killDelayMs, previousVersion, lastReportedVersion, nextVersion, contents };
}

describe('writeFileAtomic under SIGKILL', () => {
  it(`leaves a whole file in ${rounds} rounds`, { timeout: 60_000 + rounds * 2_000 }, async () => {
    const outcomes: RoundOutcome[] = [];

    await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        const targetPath = join(folder, `lane-${lane}.bin`);
        const initial = await writeFileAtomic(targetPath, buildPayload(1, bodyBytes));
        expect(initial.ok).toBe(true);

        let previousVersion = 1;
        for (let round = lane; round < rounds; round += lanes) {
          const outcome = await runRound(round, targetPath, previousVersion);
          outcomes.push(outcome);
          const check = checkPayload(outcome.contents);
          previousVersion = check.complete ? check.version : previousVersion;
        }
      }),
    );

    const torn = outcomes.filter((outcome) => !checkPayload(outcome.contents).complete);
    expect(torn.map((outcome) => ({ round: outcome.round, killDelayMs: outcome.killDelayMs, check: checkPayload(outcome.contents) }))).toEqual([]);

    const unexpected = outcomes.filter((outcome) => {
      const check = checkPayload(outcome.contents);
      return check.complete && check.version !== outcome.lastReportedVersion && check.version !== outcome.nextVersion;
    });
    expect(unexpected.map((outcome) => outcome.round)).toEqual([]);

    // The test is meaningful only if kills landed both after writes and in the middle of one.
    const roundsThatWrote = outcomes.filter((outcome) => outcome.lastReportedVersion !== outcome.previousVersion);
    expect(roundsThatWrote.length).toBeGreaterThan(0);
    const strayTempFiles = (await readdir(folder)).filter((name) => name.endsWith('.tmp'));
    expect(strayTempFiles.length).toBeGreaterThan(0);
  });
});
