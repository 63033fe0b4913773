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
 * - `--crash-rounds N` runs the crash soak of atomic portfolio file writes
 *   (`soak/atomicWriteSoak.ts`) with N rounds instead of 1,000 after the import bench; 0 skips it.
 *   `--memory-detail` skips it too.
 *
 * After the import bench it runs the portfolio file bench (`portfolio/portfolioBench.ts`):
 * export, import and merge of a generated portfolio against their baselines, with peak heaps.
 * It writes `bench/results/portfolio.json`. Its options:
 * - `--providers N`, `--measurements N`, `--seed N` set the generated portfolio (default 200
 *   providers, 150,000 measurements).
 * - `--quick` uses 20 providers and 15,000 measurements, and 5 copies for the import bench.
 * - `--automerge-measurements N` scales the Automerge comparison down to N measurements
 *   (default: the whole portfolio), `--merge-warmups N` sets the runs of each merge before the
 *   timed ones (default 1), `--merge-repeats N` the timed runs whose median counts (default 5),
 *   and `--automerge-saved` adds a comparison with saved and loaded Automerge documents.
 * - `--skip-import` skips the CSV import bench and `--skip-portfolio` the portfolio bench.
 *
 * Then it runs the RFP re-ranking bench (`rfp/rfpBench.ts`): one score edit, re-rank and
 * sensitivity analysis for 10 bidders, 200 criteria and 10 evaluators, against 16 ms. It writes
 * `bench/results/rfp.json`. `--rfp-iterations N` sets the timed edits (default 200) and
 * `--skip-rfp` skips it.
 *
 * Then it runs the Gantt bench (`gantt/ganttBench.ts`): scheduling, first render, zoom and scroll of
 * a 5,000-task plan with 6,000 dependencies in the app's Gantt view, against frappe-gantt in the
 * same page. It writes `bench/results/gantt.json`. `--gantt-tasks N` sets the plan's tasks (a
 * multiple of 20, with 1.2 dependencies per task) and `--skip-gantt` skips it.
 *
 * Then it runs the service level bench (`serviceLevels/serviceLevelBench.ts`): credits, analytics
 * and escalation rules for 200 providers with 20 service levels over 36 months in Node, and the
 * control tower dashboard's time to interactive in the browser-mode app against an empty portfolio,
 * with the renderer's peak heap. It writes `bench/results/serviceLevels.json`.
 * `--dashboard-loads N` sets the timed loads of each portfolio (default 3) and
 * `--skip-service-levels` skips it.
 *
 * Then it runs the report bench (`reports/reportBench.ts`): the full steering committee pack of the
 * portfolio bench's generated portfolio, with its charts, workbook and CSV files, timed in a child
 * process with its peak memory. It writes `bench/results/reports.json`. `--skip-reports` skips it.
 *
 * `--only STEP` runs one step: `import`, `portfolio`, `rfp`, `gantt`, `serviceLevels`, `reports` or `crash` (the crash soak).
 *   `--memory-detail` skips the portfolio bench too, and the RFP and Gantt benches below.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from '@playwright/test';
import { withBenchPage } from './benchPage';
import type { BenchPage } from './benchPage';
import type { BenchPageApi, BenchRunnerApi, ImportBenchRequest, ImportBenchResult } from './benchTypes';
import { benchFigures, bytesPerMb, checkTargets, countWrites, heapFigures } from './figures';
import { runGanttBench } from './gantt/ganttBench';
import { parseGanttTasks } from './gantt/options';
import type { GanttBenchOptions } from './gantt/options';
import { gcTraceCategories, tracedCollections } from './gcTrace';
import { readUsedHeap, startHeapSampler } from './heapSampler';
import { formatMemoryDetail, StepMemoryRecorder } from './memoryDetail';
import { portfolioOptionConfig, portfolioOptionsFrom } from './portfolio/options';
import type { PortfolioBenchOptions } from './portfolio/options';
import { runPortfolioBench } from './portfolio/portfolioBench';
import { currentLoadAverage, describeMachine, formatTable, writeRecord } from './report';
import { runReportBench } from './reports/reportBench';
import { defaultRfpIterations, runRfpBench } from './rfp/rfpBench';
import type { RfpBenchOptions } from './rfp/rfpBench';
import { defaultDashboardLoads, runServiceLevelBench } from './serviceLevels/serviceLevelBench';
import type { ServiceLevelBenchOptions } from './serviceLevels/serviceLevelBench';
import { defaultCrashSoakRounds, runAtomicWriteSoak } from './soak/atomicWriteSoak';
import { buildWorkload } from './workload';
import type { Workload } from './workload';

const benchDir = import.meta.dirname;
const samplePath = resolve(benchDir, '../resources/sample/nhs111_calls_2015-16.csv');
const recordPath = resolve(benchDir, 'results/import.json');
const memoryRecordPath = resolve(benchDir, 'results/import-memory.json');
const workloadFileName = 'workload.csv';
const defaultCopies = 100;
/** Copies of the sample with `--quick`. */
const quickCopies = 5;
/** Copies `buildWorkload` accepts: copy numbers have three digits. */
const maxCopies = 999;
/** Time between heap readings, in ms. */
const heapSampleIntervalMs = 50;

/** Steps that `--only` accepts, in the order they run. */
const benchSteps = ['import', 'portfolio', 'rfp', 'gantt', 'serviceLevels', 'reports', 'crash'];

interface Options {
  readonly copies: number;
  readonly memoryDetail: boolean;
  readonly keepProfile: boolean;
  readonly crashRounds: number;
  readonly skipImport: boolean;
  /** Options of the RFP re-ranking bench, or `null` with `--skip-rfp`. */
  readonly rfp: RfpBenchOptions | null;
  /** Options of the portfolio bench, or `null` with `--skip-portfolio`. */
  readonly portfolio: PortfolioBenchOptions | null;
  /** Options of the Gantt bench, or `null` with `--skip-gantt`. */
  readonly gantt: GanttBenchOptions | null;
  /** Options of the service level bench, or `null` with `--skip-service-levels`. */
  readonly serviceLevels: ServiceLevelBenchOptions | null;
  /** Whether the report bench runs; `false` with `--skip-reports`. */
  readonly reports: boolean;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      copies: { type: 'string' },
      'memory-detail': { type: 'boolean' },
      'keep-profile': { type: 'boolean' },
      'crash-rounds': { type: 'string' },
      'skip-import': { type: 'boolean' },
      'skip-portfolio': { type: 'boolean' },
      'skip-rfp': { type: 'boolean' },
      'rfp-iterations': { type: 'string' },
      'skip-gantt': { type: 'boolean' },
      'gantt-tasks': { type: 'string' },
      'skip-service-levels': { type: 'boolean' },
      'skip-reports': { type: 'boolean' },
      'dashboard-loads': { type: 'string' },
      only: { type: 'string' },
      ...portfolioOptionConfig,
    },
  });
  let copies = values.quick === true ? quickCopies : defaultCopies;
  if (values.copies !== undefined) copies = Number(values.copies);
  if (!Number.isInteger(copies) || copies < 1 || copies > maxCopies) {
    throw new RangeError(`Invalid --copies value ${JSON.stringify(values.copies)}: expected a whole number from 1 to ${maxCopies}.`);
  }
  const only = values.only ?? null;
  if (only !== null && !benchSteps.includes(only)) {
    throw new RangeError(`Invalid --only value ${JSON.stringify(only)}: expected one of ${benchSteps.join(', ')}.`);
  }
  const runs = (step: string, skipped: boolean | undefined): boolean => (only === null ? skipped !== true : only === step);
  const crashRounds = values['crash-rounds'] === undefined ? defaultCrashSoakRounds : Number(values['crash-rounds']);
  if (!Number.isInteger(crashRounds) || crashRounds < 0) {
    throw new RangeError(`Invalid --crash-rounds value ${JSON.stringify(values['crash-rounds'])}: expected a whole number, 0 to skip.`);
  }
  const rfpIterations = values['rfp-iterations'] === undefined ? defaultRfpIterations : Number(values['rfp-iterations']);
  if (!Number.isInteger(rfpIterations) || rfpIterations < 1) {
    throw new RangeError(
      `Invalid --rfp-iterations value ${JSON.stringify(values['rfp-iterations'])}: expected a whole number of 1 or more.`,
    );
  }
  const ganttTasks = parseGanttTasks(values['gantt-tasks']);
  const dashboardLoads = values['dashboard-loads'] === undefined ? defaultDashboardLoads : Number(values['dashboard-loads']);
  if (!Number.isInteger(dashboardLoads) || dashboardLoads < 1) {
    throw new RangeError(
      `Invalid --dashboard-loads value ${JSON.stringify(values['dashboard-loads'])}: expected a whole number of 1 or more.`,
    );
  }
  const keepProfile = values['keep-profile'] ?? false;
  return {
    copies,
    memoryDetail: values['memory-detail'] ?? false,
    keepProfile,
    crashRounds: runs('crash', false) ? crashRounds : 0,
    skipImport: !runs('import', values['skip-import']),
    rfp: runs('rfp', values['skip-rfp']) ? { iterations: rfpIterations, keepProfile } : null,
    portfolio: runs('portfolio', values['skip-portfolio']) ? portfolioOptionsFrom(values, keepProfile) : null,
    gantt: runs('gantt', values['skip-gantt']) ? { tasks: ganttTasks, keepProfile } : null,
    serviceLevels: runs('serviceLevels', values['skip-service-levels']) ? { loads: dashboardLoads } : null,
    reports: runs('reports', values['skip-reports']),
  };
}

/** Opens the import bench page with the workload beside it, through `withBenchPage`. */
function withImportPage<T>(workload: Workload, options: Options, work: (bench: BenchPage) => Promise<T>): Promise<T> {
  const setup = {
    pagePath: '',
    files: new Map([[workloadFileName, workload.csv]]),
    readyFunction: 'runImportBench',
    keepProfile: options.keepProfile,
  };
  return withBenchPage(setup, work);
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
  return withImportPage(workload, options, async ({ context, page, session }) => {
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
  return withImportPage(workload, options, async ({ context, page, session }) => {
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
  if (options.memoryDetail) return measureMemoryDetail(workload, options, startLoadAverage);

  const importCode = options.skipImport ? 0 : await measureAgainstTargets(workload, options, startLoadAverage);
  const portfolioCode = options.portfolio === null ? 0 : await runPortfolioBench(options.portfolio, currentLoadAverage());
  if (options.rfp !== null) process.stdout.write('\n');
  const rfpCode = options.rfp === null ? 0 : await runRfpBench(options.rfp, currentLoadAverage());
  if (options.gantt !== null) process.stdout.write('\n');
  const ganttCode = options.gantt === null ? 0 : await runGanttBench(options.gantt, currentLoadAverage());
  if (options.serviceLevels !== null) process.stdout.write('\n');
  const serviceLevelCode = options.serviceLevels === null ? 0 : await runServiceLevelBench(options.serviceLevels, currentLoadAverage());
  if (options.reports) process.stdout.write('\n');
  const reportCode = options.reports ? runReportBench(currentLoadAverage()) : 0;
  const codes = [importCode, portfolioCode, rfpCode, ganttCode, serviceLevelCode, reportCode];
  if (options.crashRounds === 0) return Math.max(...codes);
  process.stdout.write('\n');
  const soakCode = await runAtomicWriteSoak(options.crashRounds);
  return Math.max(...codes, soakCode);
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
