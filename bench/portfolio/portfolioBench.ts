/**
 * The portfolio file bench: generates a large portfolio and two diverged exports of it, runs
 * the import, export and merge steps in Chromium (`bench/page/portfolioBench.mts`) while
 * following the page's JavaScript heap, then compares the merge with Automerge in Node. Prints a
 * table, writes `bench/results/portfolio.json`, and returns 1 when a target is missed.
 */
import { resolve } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import type { PortfolioSnapshot } from '../../shared/sync/snapshot';
import { withBenchPage } from '../benchPage';
import { gcTraceCategories, tracedCollections } from '../gcTrace';
import { readUsedHeap, startHeapSampler } from '../heapSampler';
import { describeMachine } from '../report';
import type { Machine } from '../report';
import { countEdits, divergePortfolio } from './divergence';
import type { DivergedPortfolio } from './divergence';
import { generatePortfolio } from './generator';
import type { GeneratedPortfolio } from './generator';
import { compareMerges, exportRoundTrip, measureOurMergeHeap, timeOurMerge } from './mergeComparison';
import type { NodeMerges } from './mergeComparison';
import { comparedShape } from './options';
import type { PortfolioBenchOptions } from './options';
import { snapshotCounts } from './pageTypes';
import type { FileImportRequest, MergeRequest, PortfolioPageApi, PortfolioStep, TableCounts } from './pageTypes';
import { checkPortfolioConsistency, checkPortfolioTargets, portfolioFigures } from './portfolioFigures';
import type { PageRun } from './portfolioFigures';
import { formatPortfolioTable, writePortfolioRecord } from './portfolioReport';
import type { PortfolioWorkloadSummary } from './portfolioReport';

const recordPath = resolve(import.meta.dirname, '../results/portfolio.json');
/** Time between heap readings, in ms, as in the CSV import bench. */
const heapSampleIntervalMs = 50;
/** Offset of the divergence seed from the portfolio seed, so the edits do not repeat the portfolio's random draws. */
const divergenceSeedOffset = 1;

const fileNames = { base: 'portfolio-base.steerwise', local: 'portfolio-local.steerwise', remote: 'portfolio-remote.steerwise' } as const;

interface Workload {
  readonly portfolio: GeneratedPortfolio;
  readonly diverged: DivergedPortfolio;
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** The two diverged snapshots as read back from their files, the inputs of the merge in Node. */
  readonly exports: { readonly local: PortfolioSnapshot; readonly remote: PortfolioSnapshot };
  /** UTF-8 bytes of `JSON.stringify` of the base snapshot. */
  readonly jsonBytes: number;
  readonly fileCounts: TableCounts;
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function buildWorkload(options: PortfolioBenchOptions): Promise<Workload> {
  const portfolio = generatePortfolio(options.shape);
  const diverged = divergePortfolio(portfolio, options.shape.seed + divergenceSeedOffset);
  const exportedAt = new Date().toISOString();
  const base = await exportRoundTrip(portfolio.snapshot, exportedAt);
  const local = await exportRoundTrip(diverged.local, exportedAt);
  const remote = await exportRoundTrip(diverged.remote, exportedAt);
  const files = new Map<string, Uint8Array>([
    [fileNames.base, base.bytes],
    [fileNames.local, local.bytes],
    [fileNames.remote, remote.bytes],
  ]);
  const fileCounts = snapshotCounts(portfolio.snapshot);
  const jsonBytes = Buffer.byteLength(JSON.stringify(portfolio.snapshot));
  return { portfolio, diverged, files, exports: { local: local.snapshot, remote: remote.snapshot }, jsonBytes, fileCounts };
}

async function collectedHeap(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  return readUsedHeap(session);
}

/**
 * Calls the page's steps in order, each after a full collection, and returns their results. The
 * functions passed to `page.evaluate` run in the page, so they can use nothing from this module.
 */
async function callSteps(page: Page, session: CDPSession): Promise<Omit<PageRun, 'samples' | 'collections'>> {
  const importRequest: FileImportRequest = { fileUrl: fileNames.base, fileName: fileNames.base };
  const mergeRequest: MergeRequest = { localUrl: fileNames.local, remoteUrl: fileNames.remote };
  const startBytes = {} as Record<PortfolioStep, number>;

  startBytes.import = await collectedHeap(session);
  const fileImport = await page.evaluate((request) => (globalThis as unknown as PortfolioPageApi).runFileImport(request), importRequest);
  startBytes.rawWrite = await collectedHeap(session);
  const rawWrite = await page.evaluate((request) => (globalThis as unknown as PortfolioPageApi).runRawWrite(request), importRequest);
  await page.evaluate(() => (globalThis as unknown as PortfolioPageApi).warmUpRead());
  startBytes.export = await collectedHeap(session);
  const appExport = await page.evaluate(() => (globalThis as unknown as PortfolioPageApi).runExport());
  startBytes.baselineExport = await collectedHeap(session);
  const baselineExport = await page.evaluate(() => (globalThis as unknown as PortfolioPageApi).runBaselineExport());
  await page.evaluate((request) => (globalThis as unknown as PortfolioPageApi).prepareMerge(request), mergeRequest);
  startBytes.merge = await collectedHeap(session);
  const merge = await page.evaluate(() => (globalThis as unknown as PortfolioPageApi).runMerge());
  return { fileImport, rawWrite, appExport, baselineExport, merge, startBytes };
}

async function runPage(workload: Workload, keepProfile: boolean): Promise<{ run: PageRun; chromium: string }> {
  const setup = { pagePath: 'portfolio.html', files: workload.files, readyFunction: 'runFileImport', keepProfile };
  return withBenchPage(setup, async ({ context, page, session }) => {
    const browser = context.browser();
    if (browser === null) throw new Error('Playwright returned no browser for the persistent context, so it cannot trace');
    await browser.startTracing(page, { categories: gcTraceCategories });
    const sampler = startHeapSampler(session, heapSampleIntervalMs);
    let steps: Omit<PageRun, 'samples' | 'collections'>;
    try {
      steps = await callSteps(page, session);
    } catch (error) {
      // The page's error is the one to report, because a failed heap reading after it adds nothing.
      await sampler.stop().catch(() => undefined);
      throw error;
    }
    const samples = await sampler.stop();
    const collections = tracedCollections<PortfolioStep>(await browser.stopTracing());
    return { run: { ...steps, samples, collections }, chromium: browser.version() };
  });
}

async function runNodeMerges(workload: Workload, options: PortfolioBenchOptions): Promise<NodeMerges> {
  const now = Date.now();
  const { local, remote } = workload.exports;
  // Measured first, while Automerge's documents do not take up the heap yet.
  const fullHeap = measureOurMergeHeap(local, remote, now);

  const shape = comparedShape(options);
  const fullSize = shape === options.shape;
  const portfolio = fullSize ? workload.portfolio : generatePortfolio(shape);
  const diverged = fullSize ? workload.diverged : divergePortfolio(portfolio, shape.seed + divergenceSeedOffset);
  log(`comparing merges with Automerge at ${shape.providers} providers and ${shape.measurements} measurements`);
  const input = {
    diverged,
    devices: portfolio.devices,
    runs: options.mergeRuns,
    savedVariant: options.automergeSaved,
    ...(fullSize ? { exports: workload.exports } : {}),
  };
  const comparison = await compareMerges(input, now);
  const full = fullSize ? comparison.ours : timeOurMerge(local, remote, options.mergeRuns, now);
  return { full, fullHeap, comparison };
}

function workloadSummary(workload: Workload, options: PortfolioBenchOptions): PortfolioWorkloadSummary {
  return {
    shape: options.shape,
    comparedShape: comparedShape(options),
    counts: workload.fileCounts,
    history: workload.portfolio.history,
    jsonBytes: workload.jsonBytes,
    fileBytes: workload.files.get(fileNames.base)?.length ?? 0,
    localEdits: countEdits(workload.diverged.localEdits),
    remoteEdits: countEdits(workload.diverged.remoteEdits),
  };
}

/** Runs the whole portfolio bench and returns the exit code. */
export async function runPortfolioBench(options: PortfolioBenchOptions, startLoadAverage: number): Promise<number> {
  const { shape } = options;
  log(`portfolio bench: generating ${shape.providers} providers and ${shape.measurements} measurements (seed ${shape.seed})`);
  const workload = await buildWorkload(options);
  log('running import, export and merge in Chromium');
  const { run, chromium } = await runPage(workload, options.keepProfile);
  log('timing merges in Node');
  const merges = await runNodeMerges(workload, options);
  const machine: Machine = describeMachine(chromium, startLoadAverage);

  const problems = checkPortfolioConsistency(run, workload.fileCounts, merges.comparison, merges.full);
  if (problems.length > 0) {
    process.stderr.write(`portfolio bench failed: ${problems.join('; ')}\n`);
    return 1;
  }

  const figures = portfolioFigures(run, merges.comparison, workload.jsonBytes);
  const targets = checkPortfolioTargets(figures);
  const summary = workloadSummary(workload, options);
  writePortfolioRecord(recordPath, { machine, options, workload: summary, run, merges, figures, targets });
  process.stdout.write(formatPortfolioTable(summary, run, merges, figures, targets, machine));
  log(`\nwrote ${recordPath}`);

  const missed = targets.filter((target) => !target.met);
  for (const target of missed) {
    process.stderr.write(`portfolio bench target missed: ${target.name} must be ${target.requirement}, was ${target.value.toFixed(2)}\n`);
  }
  return missed.length > 0 ? 1 : 0;
}
