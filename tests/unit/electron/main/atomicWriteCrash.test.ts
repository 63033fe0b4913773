/**
 * Crash test of writeFileAtomic on real `.steerwise` files: a child process replaces a portfolio
 * file of a few hundred KB over and over and is killed with SIGKILL at a random moment, 200 times.
 * After every kill the file must be the complete old or new version, byte for byte, and open
 * with the shared reader. The rounds run in `tests/support/node/atomicWriteCrash.ts`.
 *
 * Set STEERWISE_CRASH_ROUNDS to run more rounds. The soak in `npm run bench` runs 1,000.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCrashRounds } from '../../../support/node/atomicWriteCrash';
import type { RoundOutcome } from '../../../support/node/atomicWriteCrash';

const rounds = Number(process.env['STEERWISE_CRASH_ROUNDS'] ?? '200');

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'steerwise-crash-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

function describeOutcome(outcome: RoundOutcome) {
  const { round, killDelayMs, before, writesReported, problem } = outcome;
  return { round, killDelayMs, before, writesReported, problem };
}

describe('writeFileAtomic under SIGKILL', () => {
  it(`leaves a whole portfolio file in ${rounds} rounds`, { timeout: 60_000 + rounds * 1_000 }, async () => {
    const outcomes = await runCrashRounds({ folder, rounds, lanes: 2, maxKillDelayMs: 40 });

    expect(outcomes).toHaveLength(rounds);
    const broken = outcomes.filter((outcome) => outcome.after === null);
    expect(broken.map(describeOutcome)).toEqual([]);

    // The rounds prove something only if kills landed both between writes and inside one, and
    // left each version in place at least once.
    expect(outcomes.filter((outcome) => outcome.writesReported > 0).length).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome.killedMidWrite).length).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome.after === 'old').length).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome.after === 'new').length).toBeGreaterThan(0);
  });
});
