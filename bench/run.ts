/**
 * `npm run bench`: imports the NHS 111 sample repeated 100 times (about 53,400 rows) through
 * the app's import path in Chromium, against raw IndexedDB puts of the same records. Meanwhile
 * it follows the renderer's JavaScript heap with CDP samples and a garbage collection trace. Prints a table, writes
 * `bench/results/import.json`, and exits with 1 when a target is missed or the run fails.
 *
 * Options (after `npm run bench --`):
 * - `--copies N` repeats the sample N times instead of 100, for a quick check.
 * - `--memory-detail` measures where memory goes instead of checking the targets: the heap
 *   retained after each step and the functions that allocate the most. Writes
 *   `bench/results/import-memory.json`.
 * - `--keep-profile` keeps the Chromium profile folder and prints its path.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';
import { chromiumArgs, chromiumPath } from '../tests/e2e/browser';
import type { BenchPageApi, BenchRunnerApi, ImportBenchRequest, ImportBenchResult } from './benchTypes';
import { benchFigures, bytesPerMb, checkTargets, countWrites, heapFigures } from './figures';
import { gcTraceCategories, tracedCollections } from './gcTrace';
import { readUsedHeap, startHeapSampler } from './heapSampler';
import { formatMemoryDetail, StepMemoryRecorder } from './memoryDetail';
import { currentLoadAverage, describeMachine, formatTable, writeRecord } from './report';
import { benchPageOutDir } from './vite.config';
import { buildWorkload } from './workload';
import type { Workload } from './workload';

const benchDir = import.meta.dirname;
const viteConfigFile = resolve(benchDir, 'vite.config.ts');
const samplePath = resolve(benchDir, '../resources/sample/nhs111_calls_2015-16.csv');
const recordPath = resolve(benchDir, 'results/import.json');
const memoryRecordPath = resolve(benchDir, 'results/import-memory.json');
const workloadFileName = 'workload.csv';
const defaultCopies = 100;
/** Copies `buildWorkload` accepts: copy numbers have three digits. */
const maxCopies = 999;
/** Time between heap readings, in ms. */
const heapSampleIntervalMs = 50;

interface Options {
  readonly copies: number;
  readonly memoryDetail: boolean;
  readonly keepProfile: boolean;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: { copies: { type: 'string' }, 'memory-detail': { type: 'boolean' }, 'keep-profile': { type: 'boolean' } },
  });
  const copies = values.copies === undefined ? defaultCopies : Number(values.copies);
  if (!Number.isInteger(copies) || copies < 1 || copies > maxCopies) {
    throw new RangeError(`Invalid --copies value ${JSON.stringify(values.copies)}: expected a whole number from 1 to ${maxCopies}.`);
  }
  return {
    copies,
    memoryDetail: values['memory-detail'] ?? false,
    keepProfile: values['keep-profile'] ?? false,
  };
}

function serverUrl(server: PreviewServer): string {
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('The preview server has no TCP address');
  return `http://127.0.0.1:${address.port}/`;
}

interface BenchPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly session: CDPSession;
}

/**
 * Builds and serves the bench page with the workload beside it, opens it in Chromium with a
 * fresh profile, runs `work`, and removes the server, browser, workload file and profile.
 */
async function withBenchPage<T>(workload: Workload, options: Options, work: (bench: BenchPage) => Promise<T>): Promise<T> {
  await build({ configFile: viteConfigFile });
  writeFileSync(join(benchPageOutDir, workloadFileName), workload.csv);
  const server = await preview({ configFile: viteConfigFile, preview: { port: 0 } });
  const profileDir = mkdtempSync(join(tmpdir(), 'steerwise-bench-'));
  let context: BrowserContext | null = null;

  try {
    const executablePath = chromiumPath();
    context = await chromium.launchPersistentContext(profileDir, {
      headless: true,
      args: chromiumArgs,
      ...(executablePath === undefined ? {} : { executablePath }),
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(serverUrl(server));
    await page.waitForFunction(() => typeof (globalThis as unknown as Partial<BenchPageApi>).runImportBench === 'function');
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    return await work({ context, page, session });
  } finally {
    await context?.close();
    await server.close();
    rmSync(join(benchPageOutDir, workloadFileName), { force: true });
    if (options.keepProfile) process.stdout.write(`kept the Chromium profile in ${profileDir}\n`);
    else rmSync(profileDir, { recursive: true, force: true });
  }
}

function benchRequest(options: Options): ImportBenchRequest {
  return { workloadUrl: workloadFileName, fileName: `nhs111_calls_2015-16_x${options.copies}.csv`, reportSteps: options.memoryDetail };
}

function runImportBench(page: Page, request: ImportBenchRequest): Promise<ImportBenchResult> {
  return page.evaluate((input) => (globalThis as unknown as BenchPageApi).runImportBench(input), request);
}

async function collectedBaseline(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  return readUsedHeap(session);
}

/** Checks what the figures rely on: every planned measurement written once, and nothing written again. */
function checkConsistency(result: ImportBenchResult): string[] {
  const problems: string[] = [];
  const added = result.firstImport.added.measurements ?? 0;
  if (added !== result.measurements) problems.push(`the first import added ${added} measurements, the plan has ${result.measurements}`);
  if (result.rawRecords !== added) problems.push(`${result.rawRecords} measurements were read back after the import, ${added} were added`);
  const rewritten = countWrites(result.reimport);
  if (rewritten > 0) {
    problems.push(
      `the re-import of the same plan added or changed ${rewritten} records, expected none: ${JSON.stringify(result.reimport)}`,
    );
  }
  return problems;
}

/** Runs the bench with the heap sampler, checks the targets and returns the exit code. */
async function measureAgainstTargets(workload: Workload, options: Options, startLoadAverage: number): Promise<number> {
  return withBenchPage(workload, options, async ({ context, page, session }) => {
    const browser = context.browser();
    if (browser === null) throw new Error('Playwright returned no browser for the persistent context, so it cannot trace');
    const baselineBytes = await collectedBaseline(session);
    await browser.startTracing(page, { categories: gcTraceCategories });
    const sampler = startHeapSampler(session, heapSampleIntervalMs);
    let result: ImportBenchResult;
    try {
      result = await runImportBench(page, benchRequest(options));
    } catch (error) {
      // The page's error is the one to report, because a failed heap reading after it adds nothing.
      await sampler.stop().catch(() => undefined);
      throw error;
    }
    const samples = await sampler.stop();
    const collections = tracedCollections(await browser.stopTracing());
    const machine = describeMachine(browser.version(), startLoadAverage);

    const problems = checkConsistency(result);
    if (problems.length > 0) {
      process.stderr.write(`bench failed: ${problems.join('; ')}\n`);
      return 1;
    }

    const figures = benchFigures(result, heapFigures(baselineBytes, samples, collections, result.steps));
    const targets = checkTargets(figures);
    const { csv, ...workloadCounts } = workload;
    const firstStart = result.steps[0]?.start ?? 0;
    const heapSamples = samples.map((sample) => [Math.round(sample.at - firstStart), sample.usedBytes / bytesPerMb] as const);
    writeRecord(recordPath, {
      machine,
      workload: { ...workloadCounts, bytes: Buffer.byteLength(csv) },
      result,
      figures,
      targets,
      heapSamples,
    });
    process.stdout.write(formatTable(workload, result, figures, targets, machine));
    process.stdout.write(`\nwrote ${recordPath}\n`);

    const missed = targets.filter((target) => !target.met);
    for (const target of missed) {
      process.stderr.write(`bench target missed: ${target.name} must be ${target.requirement}, was ${target.value.toFixed(2)}\n`);
    }
    return missed.length > 0 ? 1 : 0;
  });
}

/** Runs the bench with a pause after every step for heap readings and allocation profiles, and returns the exit code. */
async function measureMemoryDetail(workload: Workload, options: Options, startLoadAverage: number): Promise<number> {
  return withBenchPage(workload, options, async ({ context, page, session }) => {
    const recorder = new StepMemoryRecorder(session);
    const stepEnded: BenchRunnerApi['benchStepEnded'] = (step) => recorder.stepEnded(step);
    await page.exposeFunction('benchStepEnded', stepEnded);

    const baselineMb = await recorder.start();
    await runImportBench(page, benchRequest(options));
    await recorder.finish();
    const machine = describeMachine(context.browser()?.version() ?? 'unknown', startLoadAverage);

    writeFileSync(memoryRecordPath, `${JSON.stringify({ machine, baselineMb, steps: recorder.steps }, null, 2)}\n`);
    process.stdout.write(formatMemoryDetail(baselineMb, recorder.steps));
    process.stdout.write(`\nwrote ${memoryRecordPath}\n`);
    return 0;
  });
}

async function main(): Promise<number> {
  const options = parseOptions();
  const startLoadAverage = currentLoadAverage();
  const workload = buildWorkload(readFileSync(samplePath, 'utf8'), options.copies);
  return options.memoryDetail
    ? measureMemoryDetail(workload, options, startLoadAverage)
    : measureAgainstTargets(workload, options, startLoadAverage);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
