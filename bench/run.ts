/**
 * `npm run bench`: imports the NHS 111 sample repeated 100 times (about 53,400 rows) through
 * the app's import path in Chromium, against raw IndexedDB puts of the same records, and
 * samples the renderer's JavaScript heap meanwhile. Prints a table, writes
 * `bench/results/import.json`, and exits with 1 when a target is missed or the run fails.
 *
 * Options: `--copies N` repeats the sample N times instead of 100 (for a quick check; the
 * recorded figures use 100), `--keep-profile` keeps the Chromium profile folder.
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
import type { BenchPageApi, ImportBenchRequest, ImportBenchResult } from './benchTypes';
import { benchFigures, checkTargets, countWrites, heapFigures } from './figures';
import { readUsedHeap, startHeapSampler } from './heapSampler';
import { describeMachine, formatTable, writeRecord } from './report';
import { benchPageOutDir } from './vite.config';
import { buildWorkload } from './workload';

const benchDir = import.meta.dirname;
const viteConfigFile = resolve(benchDir, 'vite.config.ts');
const samplePath = resolve(benchDir, '../resources/sample/nhs111_calls_2015-16.csv');
const recordPath = resolve(benchDir, 'results/import.json');
const workloadFileName = 'workload.csv';
const defaultCopies = 100;
/** Time between heap readings, in ms. */
const heapSampleIntervalMs = 50;

function parseOptions(): { copies: number; keepProfile: boolean } {
  const { values } = parseArgs({ options: { copies: { type: 'string' }, 'keep-profile': { type: 'boolean' } } });
  const copies = values.copies === undefined ? defaultCopies : Number(values.copies);
  return { copies, keepProfile: values['keep-profile'] ?? false };
}

function serverUrl(server: PreviewServer): string {
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('The preview server has no TCP address');
  return `http://127.0.0.1:${address.port}/`;
}

async function launchChromium(profileDir: string): Promise<BrowserContext> {
  const executablePath = chromiumPath();
  return chromium.launchPersistentContext(profileDir, {
    headless: true,
    args: chromiumArgs,
    ...(executablePath === undefined ? {} : { executablePath }),
  });
}

/** Checks what the figures rely on: every planned measurement written once, and nothing written again. */
function checkConsistency(result: ImportBenchResult): string[] {
  const problems: string[] = [];
  const added = result.firstImport.added.measurements ?? 0;
  if (added !== result.measurements) problems.push(`the first import added ${added} measurements, the plan has ${result.measurements}`);
  if (result.rawRecords !== added) problems.push(`${result.rawRecords} measurements were read back after the import, ${added} were added`);
  const rewritten = countWrites(result.reimport);
  if (rewritten > 0) {
    problems.push(`the re-import of the same plan added or changed ${rewritten} records, expected none: ${JSON.stringify(result.reimport)}`);
  }
  return problems;
}

async function runInPage(page: Page, session: CDPSession, request: ImportBenchRequest) {
  await session.send('Performance.enable');
  await session.send('HeapProfiler.collectGarbage');
  const baselineBytes = await readUsedHeap(session);

  const sampler = startHeapSampler(session, heapSampleIntervalMs);
  let result: ImportBenchResult;
  try {
    result = await page.evaluate((input) => (globalThis as unknown as BenchPageApi).runImportBench(input), request);
  } catch (error) {
    // The page's error is the one to report; a failed heap reading after it adds nothing.
    await sampler.stop().catch(() => undefined);
    throw error;
  }
  const samples = await sampler.stop();
  return { result, baselineBytes, samples };
}

async function main(): Promise<number> {
  const options = parseOptions();
  const workload = buildWorkload(readFileSync(samplePath, 'utf8'), options.copies);

  await build({ configFile: viteConfigFile });
  writeFileSync(join(benchPageOutDir, workloadFileName), workload.csv);
  const server = await preview({ configFile: viteConfigFile, preview: { port: 0 } });
  const profileDir = mkdtempSync(join(tmpdir(), 'steerwise-bench-'));
  let context: BrowserContext | null = null;

  try {
    context = await launchChromium(profileDir);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(serverUrl(server));
    await page.waitForFunction(() => typeof (globalThis as unknown as Partial<BenchPageApi>).runImportBench === 'function');
    const session = await context.newCDPSession(page);

    const request: ImportBenchRequest = { workloadUrl: workloadFileName, fileName: `nhs111_calls_2015-16_x${options.copies}.csv` };
    const { result, baselineBytes, samples } = await runInPage(page, session, request);
    const machine = describeMachine(context.browser()?.version() ?? 'unknown');

    const problems = checkConsistency(result);
    if (problems.length > 0) {
      process.stderr.write(`bench failed: ${problems.join('; ')}\n`);
      return 1;
    }

    const figures = benchFigures(result, heapFigures(baselineBytes, samples, result.steps));
    const targets = checkTargets(figures);
    const { csv, ...workloadCounts } = workload;
    writeRecord(recordPath, { machine, workload: { ...workloadCounts, bytes: Buffer.byteLength(csv) }, result, figures, targets });
    process.stdout.write(formatTable(workload, result, figures, targets, machine));
    process.stdout.write(`\nwrote ${recordPath}\n`);

    const missed = targets.filter((target) => !target.met);
    for (const target of missed) {
      process.stderr.write(`bench target missed: ${target.name} must be ${target.requirement}, was ${target.value.toFixed(2)}\n`);
    }
    return missed.length > 0 ? 1 : 0;
  } finally {
    await context?.close();
    await server.close();
    rmSync(join(benchPageOutDir, workloadFileName), { force: true });
    if (!options.keepProfile) rmSync(profileDir, { recursive: true, force: true });
  }
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
