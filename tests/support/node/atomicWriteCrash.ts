/**
 * Crash rounds of `writeFileAtomic` on real portfolio files, shared by the unit test and the soak
 * in `npm run bench`. In each round a child process replaces a `.steerwise` file over and over,
 * alternating two versions written by the shared writer, and is killed with SIGKILL at a random
 * moment. The file is then read back: it must be byte for byte one of the two versions, and the
 * shared reader (`openPortfolioFile`) must open it with that version's content.
 *
 * A killed process leaves its written pages in the kernel's cache, so this covers process
 * crashes, not power loss. Durability across power loss rests on the fsync calls, which a test
 * on a running machine cannot observe.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { build } from 'vite';
import { writeFileAtomic } from '../../../electron/main/files';
import { openPortfolioFile } from '../../../shared/file';
import type { PortfolioSnapshot } from '../../../shared/sync/snapshot';
import { buildCrashTestFiles } from './crashTestPortfolios';
import type { PortfolioVersion } from './crashTestPortfolios';

const childSource = resolve(import.meta.dirname, 'atomicWriteLoop.ts');
const targetName = 'portfolio.steerwise';

export type VersionLabel = PortfolioVersion['label'];

export interface CrashRunOptions {
  /** Empty folder for the child bundle, the two source files and one subfolder per lane. */
  readonly folder: string;
  readonly rounds: number;
  /** Children running at once, each replacing its own target file. */
  readonly lanes: number;
  /** Maximum wait between the child's first write and the kill, in milliseconds. */
  readonly maxKillDelayMs: number;
}

export interface RoundOutcome {
  readonly round: number;
  readonly lane: number;
  readonly killDelayMs: number;
  /** Version in the target before the round. The child's first write is the other one. */
  readonly before: VersionLabel;
  /** Writes the child reported as finished before it was killed. */
  readonly writesReported: number;
  /** Whether the round left a new temp file, so the kill landed inside a write before its rename. */
  readonly killedMidWrite: boolean;
  /** Version found in the target after the kill, or `null` when it is not a whole version. */
  readonly after: VersionLabel | null;
  /** What is wrong with the target when `after` is `null`, else `''`. */
  readonly problem: string;
  /** Time the shared reader took to open the target, in milliseconds. */
  readonly readMs: number;
}

/** Runs `options.rounds` crash rounds spread over `options.lanes` children and returns every outcome, by round. */
export async function runCrashRounds(options: CrashRunOptions): Promise<RoundOutcome[]> {
  const { folder, rounds, lanes } = options;
  const childPath = await bundleChild(join(folder, 'child'));
  const versions = await buildCrashTestFiles();
  const sources = new Map<VersionLabel, string>();
  for (const version of versions) {
    const path = join(folder, `${version.label}.source`);
    await writeFile(path, version.bytes);
    sources.set(version.label, path);
  }

  const outcomes: RoundOutcome[] = [];
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const laneFolder = join(folder, `lane-${String(lane)}`);
      await mkdir(laneFolder);
      const targetPath = join(laneFolder, targetName);
      const initial = await writeFileAtomic(targetPath, versions[0].bytes);
      if (!initial.ok) throw new Error(`the first write of ${targetPath} failed: ${initial.error.cause ?? initial.error.code}`);

      let current: VersionLabel = versions[0].label;
      for (let round = lane; round < rounds; round += lanes) {
        const other = current === 'old' ? 'new' : 'old';
        const outcome = await runRound({ ...options, round, lane, childPath, targetPath, before: current, versions }, [
          sources.get(other) ?? '',
          sources.get(current) ?? '',
        ]);
        outcomes.push(outcome);
        current = outcome.after ?? current;
      }
    }),
  );
  return outcomes.sort((first, second) => first.round - second.round);
}

/**
 * Bundles the child script into one plain JavaScript file. A child then starts in about 0.1 s,
 * against about 0.3 s through the tsx loader (measured with Node 20 on a 2-core machine), and
 * the start-up time decides how many rounds fit in the unit test's time.
 */
async function bundleChild(outDir: string): Promise<string> {
  const fileName = 'atomicWriteLoop.mjs';
  await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      ssr: childSource,
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rolldownOptions: { output: { entryFileNames: fileName } },
    },
  });
  return join(outDir, fileName);
}

interface RoundSetup extends CrashRunOptions {
  readonly round: number;
  readonly lane: number;
  readonly childPath: string;
  readonly targetPath: string;
  readonly before: VersionLabel;
  readonly versions: readonly PortfolioVersion[];
}

async function runRound(setup: RoundSetup, sourcePaths: readonly [string, string]): Promise<RoundOutcome> {
  const laneFolder = dirname(setup.targetPath);
  const tempFilesBefore = await countTempFiles(laneFolder);
  const killDelayMs = Math.floor(Math.random() * setup.maxKillDelayMs);
  const output = await runChildUntilKilled(setup.childPath, [setup.targetPath, ...sourcePaths], killDelayMs);
  const writesReported = [...output.matchAll(/^written (\d+)$/gm)].length;
  const killedMidWrite = (await countTempFiles(laneFolder)) > tempFilesBefore;

  const bytes = new Uint8Array(await readFile(setup.targetPath));
  const started = performance.now();
  const check = await checkTarget(bytes, setup.versions);
  const readMs = performance.now() - started;
  return { round: setup.round, lane: setup.lane, killDelayMs, before: setup.before, writesReported, killedMidWrite, readMs, ...check };
}

/** Starts the child, kills it `killDelayMs` after it reports its first write, and returns its output. */
async function runChildUntilKilled(childPath: string, args: readonly string[], killDelayMs: number): Promise<string> {
  const child = spawn(process.execPath, [childPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
      const startedBefore = output.includes('writing\n');
      output += chunk;
      if (!startedBefore && output.includes('writing\n')) {
        setTimeout(() => {
          child.kill('SIGKILL');
        }, killDelayMs);
        resolveStart();
      }
    });
    child.on('close', (code, signal) => {
      rejectStart(new Error(`the writer exited before writing (code ${String(code)}, signal ${String(signal)}): ${errors}`));
    });
  });
  await exited;
  return output;
}

async function countTempFiles(folder: string): Promise<number> {
  return (await readdir(folder)).filter((name) => name.endsWith('.tmp')).length;
}

/** Opens `bytes` with the shared reader and finds the version they are, byte for byte and by content. */
async function checkTarget(
  bytes: Uint8Array,
  versions: readonly PortfolioVersion[],
): Promise<{ after: VersionLabel | null; problem: string }> {
  const opened = await openPortfolioFile(bytes, targetName, null);
  if (!opened.ok) {
    const { code, detail } = opened.error;
    return { after: null, problem: `the reader rejected ${String(bytes.byteLength)} bytes: ${code} ${JSON.stringify(detail ?? {})}` };
  }

  const match = versions.find((version) => Buffer.compare(version.bytes, bytes) === 0);
  if (match === undefined) {
    return { after: null, problem: `${String(bytes.byteLength)} bytes open but equal neither version` };
  }
  if (contentKey(opened.value.snapshot) !== contentKey(match.snapshot)) {
    return { after: null, problem: `the bytes equal the ${match.label} version but read as other content` };
  }
  return { after: match.label, problem: '' };
}

/** Portfolio id, version vector and counts: enough to tell the two versions apart after a read. */
function contentKey(snapshot: PortfolioSnapshot): string {
  const counts = Object.entries(snapshot.records)
    .map(([table, records]) => `${table}=${String(records.length)}`)
    .sort();
  return JSON.stringify([snapshot.portfolioId, snapshot.versionVector, counts, snapshot.tombstones.length]);
}
