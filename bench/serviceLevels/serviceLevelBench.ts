/**
 * The service level bench: on 200 providers with 20 service levels each over 36 months (144,000
 * measurements, `workload.ts`), it times in Node the credits of every contract, the analytics of
 * every series and one run of the escalation rules (`compute.ts`), and in Chromium the control
 * tower dashboard's time to interactive against the same dashboard on an empty portfolio, with the
 * renderer's peak JavaScript heap (`dashboardBench.ts`). Targets: at most 2 times the empty
 * portfolio's time to interactive, and a peak heap under 400 MB. Prints a table, writes
 * `bench/results/serviceLevels.json`, and returns 1 when a target is missed.
 */
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/browser';
import { alignRows, describeMachine, fixed, machineLine, writeJsonRecord } from '../report';
import type { Row } from '../report';
import { computeAnalytics, computeCredits, computeEscalations, seriesOf } from './compute';
import type { ComputeCounts } from './compute';
import { quietWindowMs, runDashboardBench } from './dashboardBench';
import type { DashboardLoad } from './dashboardBench';
import { buildServiceLevelPortfolio, issueShape, serviceLevelBenchSeed } from './workload';

const recordPath = resolve(import.meta.dirname, '../results/serviceLevels.json');
export const maxInteractiveRatio = 2;
export const maxPeakHeapMb = 400;
export const defaultDashboardLoads = 3;
const computeRuns = 5;
/** The day the escalation rules run on: after the portfolio's last month. */
const benchToday = '2026-01-15';

export interface ServiceLevelBenchOptions {
  /** Reloads of the dashboard timed on each portfolio. */
  readonly loads: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Runs `work` once to warm up, then `computeRuns` times, and returns the median time and the last result. */
function timed<T>(work: () => T): { readonly medianMs: number; readonly times: number[]; readonly result: T } {
  let result = work();
  const times: number[] = [];
  for (let run = 0; run < computeRuns; run += 1) {
    const started = performance.now();
    result = work();
    times.push(performance.now() - started);
  }
  return { medianMs: median(times), times, result };
}

async function chromiumVersion(): Promise<string> {
  const executablePath = chromiumPath();
  const browser = await chromium.launch({
    headless: true,
    args: chromiumArgs,
    ...(executablePath === undefined ? {} : { executablePath }),
  });
  try {
    return browser.version();
  } finally {
    await browser.close();
  }
}

function summarise(loads: readonly DashboardLoad[]) {
  return {
    interactiveMs: median(loads.map((load) => load.interactiveMs)),
    contentMs: median(loads.map((load) => load.contentMs)),
    interactiveDetectedMs: median(loads.map((load) => load.interactiveDetectedMs)),
    peakHeapMb: Math.max(...loads.map((load) => load.peakHeapMb)),
    longestTaskMs: Math.max(...loads.map((load) => load.longestTaskMs)),
  };
}

/** Runs the bench, prints and records its figures, and returns the exit code. */
export async function runServiceLevelBench(options: ServiceLevelBenchOptions, startLoadAverage: number): Promise<number> {
  const builtAt = performance.now();
  const portfolio = buildServiceLevelPortfolio(issueShape, serviceLevelBenchSeed);
  const buildMs = performance.now() - builtAt;

  const credits = timed(() => computeCredits(portfolio));
  const analytics = timed(() => computeAnalytics(portfolio, seriesOf(portfolio)));
  const escalations = timed(() => computeEscalations(portfolio, benchToday));
  const counts: ComputeCounts = { ...credits.result, ...analytics.result, ...escalations.result };

  const dashboard = await runDashboardBench(portfolio, options.loads);
  const empty = summarise(dashboard.empty);
  const large = summarise(dashboard.large);
  const ratio = large.interactiveMs / empty.interactiveMs;
  // The ratio as runs before the in-page content time measured it (see `dashboardBench.ts`). It is reported, not a target.
  const detectedRatio = large.interactiveDetectedMs / empty.interactiveDetectedMs;
  const targets = [
    {
      name: 'dashboard time to interactive, large / empty',
      requirement: `<= ${String(maxInteractiveRatio)}`,
      value: ratio,
      met: ratio <= maxInteractiveRatio,
    },
    {
      name: 'renderer peak JavaScript heap, large portfolio',
      requirement: `< ${String(maxPeakHeapMb)} MB`,
      value: large.peakHeapMb,
      met: large.peakHeapMb < maxPeakHeapMb,
    },
  ];
  const machine = describeMachine(await chromiumVersion(), startLoadAverage);
  writeJsonRecord(recordPath, {
    machine,
    shape: issueShape,
    seed: serviceLevelBenchSeed,
    counts,
    node: { buildMs, credits: credits.times, analytics: analytics.times, escalations: escalations.times },
    dashboard: { ...dashboard, quietWindowMs, empty: dashboard.empty, large: dashboard.large },
    summary: { empty, large, ratio, detectedRatio },
    targets,
  });

  const rows: Row[] = [
    [
      'providers / levels each / months',
      `${String(issueShape.providers)} / ${String(issueShape.levelsPerProvider)} / ${String(issueShape.months)}`,
      '',
    ],
    ['measurements', portfolio.measurements.length.toLocaleString('en-GB'), ''],
    ['credits of every contract, median (Node)', fixed(credits.medianMs, 1), 'ms'],
    ['  contracts / credit lines', `${String(counts.contracts)} / ${counts.creditLines.toLocaleString('en-GB')}`, ''],
    ['analytics of every series, median (Node)', fixed(analytics.medianMs, 1), 'ms'],
    [
      '  series / anomaly flags / forecasts / trending to a breach',
      `${String(counts.series)} / ${String(counts.anomalies)} / ${String(counts.forecasts)} / ${String(counts.trendingToBreach)}`,
      '',
    ],
    ['escalation rules, first run, median (Node)', fixed(escalations.medianMs, 1), 'ms'],
    ['  escalation actions', String(counts.escalationActions), ''],
    ['large portfolio file', fixed(dashboard.fileBytes / (1024 * 1024), 1), 'MB'],
    ['large portfolio created from the file (Sync screen)', fixed(dashboard.fileImportMs / 1000, 1), 's'],
    ['dashboard content, empty portfolio, median', fixed(empty.contentMs, 0), 'ms'],
    ['dashboard interactive, empty portfolio, median', fixed(empty.interactiveMs, 0), 'ms'],
    ['dashboard content, large portfolio, median', fixed(large.contentMs, 0), 'ms'],
    ['dashboard interactive, large portfolio, median', fixed(large.interactiveMs, 0), 'ms'],
    [
      '  with the content time Playwright noticed: empty / large / ratio',
      `${fixed(empty.interactiveDetectedMs, 0)} / ${fixed(large.interactiveDetectedMs, 0)} / ${fixed(detectedRatio, 2)}`,
      'ms',
    ],
    ['longest task, large portfolio', fixed(large.longestTaskMs, 0), 'ms'],
    ['peak JavaScript heap, empty / large', `${fixed(empty.peakHeapMb, 0)} / ${fixed(large.peakHeapMb, 0)}`, 'MB'],
    ['loads timed per portfolio', String(options.loads), ''],
  ];
  const lines = ['Service levels: credits, analytics, escalations and the control tower', machineLine(machine), ...alignRows(rows)];
  for (const target of targets)
    lines.push(`target ${target.name} ${target.requirement}: ${fixed(target.value, 2)}, ${target.met ? 'met' : 'MISSED'}`);
  process.stdout.write(`${lines.join('\n')}\nwrote ${recordPath}\n`);

  const missed = targets.filter((target) => !target.met);
  for (const target of missed) {
    process.stderr.write(`bench target missed: ${target.name} must be ${target.requirement}, was ${fixed(target.value, 2)}\n`);
  }
  return missed.length > 0 ? 1 : 0;
}
