/**
 * The control tower dashboard's time to interactive in Chromium, on the large service level
 * portfolio of `workload.ts` and on an empty portfolio in the same run. The app is the real
 * browser-mode build (`vite.web.config.ts`), served on 127.0.0.1. The large portfolio reaches it
 * the way a user's would: as a `.steerwise` file opened on the Sync screen and created as a new
 * portfolio. The two profiles then reload the app on the dashboard several times, taking turns.
 *
 * Time to interactive of one load: from navigation start to the later of (a) the dashboard showing
 * its content and (b) the end of the last long task (50 ms or more, from a `longtask`
 * PerformanceObserver installed before the app's scripts) that starts before a quiet window of
 * `quietWindowMs` with no long task. This follows the usual definition (first content, then a quiet
 * main thread), with a shorter quiet window than Lighthouse's 5 s, because nothing loads over the
 * network here.
 *
 * The time of (a) is taken in the page (`contentObserverScript`): the first frame painted after the
 * DOM matches `dashboardReady`. Playwright's `waitFor`, which `dashboardReady` uses to wait, checks
 * the page after 0, 20, 50, 100 and 100 ms and then every 500 ms (`retryWithProgressAndBackoff` in
 * playwright-core 1.65), so the moment it notices the content lags by up to that step. That moment
 * is kept as `detectedMs` for comparison with runs recorded before the in-page time.
 *
 * The renderer's used JavaScript heap is sampled over CDP from the reload to the end of the quiet
 * window; the peak is the largest reading. A reading waits for the main thread, so a peak inside a
 * long task can be missed by up to that task's allocations.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { build, preview } from 'vite';
import type { PreviewServer } from 'vite';
import { writePortfolioFile } from '../../shared/file';
import { deviceIdOfHlc, maxHlc } from '../../shared/sync/hlc';
import { emptyRecords } from '../../shared/sync/snapshot';
import type { PortfolioSnapshot } from '../../shared/sync/snapshot';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/browser';
import { startHeapSampler } from '../heapSampler';
import type { ServiceLevelPortfolio } from './workload';

const webConfigFile = resolve(import.meta.dirname, '../../vite.web.config.ts');
/** Build of the app for the bench, inside the git-ignored `bench/results`. */
const webOutDir = resolve(import.meta.dirname, '../results/web');
const viewport = { width: 1400, height: 900 };
/** A main thread free of long tasks for this long counts as interactive, in ms. */
export const quietWindowMs = 2_000;
/** Maximum wait for one load to become interactive, in ms. */
const loadTimeoutMs = 180_000;
const heapSampleIntervalMs = 50;
const bytesPerMb = 1024 * 1024;

export interface DashboardLoad {
  /** Navigation start to the first frame painted with the dashboard's content, in ms. */
  readonly contentMs: number;
  /** Navigation start to the moment Playwright's polling noticed the content, in ms. */
  readonly detectedMs: number;
  /** Navigation start to interactive, in ms, from `contentMs`. */
  readonly interactiveMs: number;
  /** Navigation start to interactive, in ms, from `detectedMs` as measured before the in-page time. */
  readonly interactiveDetectedMs: number;
  /** Long tasks between navigation start and interactive. */
  readonly longTasks: number;
  readonly longestTaskMs: number;
  /** Peak used JavaScript heap during the load, in MB. */
  readonly peakHeapMb: number;
}

export interface DashboardBenchResult {
  readonly empty: readonly DashboardLoad[];
  readonly large: readonly DashboardLoad[];
  /** Time to create the large portfolio from its file through the Sync screen, in ms. */
  readonly fileImportMs: number;
  readonly fileBytes: number;
}

interface LongTask {
  readonly start: number;
  readonly duration: number;
}

/**
 * Script that waits in the page until no long task has ended within the last `quietMs`, then
 * returns the long tasks recorded since navigation start. A script text for the reason given at
 * `longTaskObserverScript`, which also keeps the bundler's helpers out of the page.
 */
function quietWindowScript(quietMs: number): string {
  return `(async () => {
    const tasks = globalThis.__steerwiseLongTasks;
    for (;;) {
      const last = tasks.at(-1);
      const quietSince = last === undefined ? 0 : last.start + last.duration;
      const wait = quietSince + ${String(quietMs)} - performance.now();
      if (wait <= 0) return tasks;
      await new Promise((done) => setTimeout(done, Math.min(wait, 250)));
    }
  })()`;
}

/**
 * Records long tasks from the first script on, before the app's own code runs. A script text,
 * because it runs in the page, whose globals this Node module's types do not describe.
 */
const longTaskObserverScript = `
  globalThis.__steerwiseLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) globalThis.__steerwiseLongTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

/**
 * Records in the page, from the first script on, when the dashboard first shows its content. That
 * is when the DOM matches what `dashboardReady` waits for and the next frame has been painted,
 * because a task queued from `requestAnimationFrame` runs after that frame's style, layout and
 * paint. The check runs after every batch of DOM changes, so it sees the content in the task that
 * added it.
 */
const contentObserverScript = `
  globalThis.__steerwiseContentAt = null;
  const hasContent = () => {
    const dashboard = document.querySelector('section[aria-labelledby="dashboard-title"]');
    if (dashboard !== null) return dashboard.querySelector('[aria-busy="true"]') === null;
    return document.querySelector('section[aria-labelledby="empty-title"]') !== null;
  };
  const observer = new MutationObserver(() => {
    if (!hasContent()) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      setTimeout(() => {
        globalThis.__steerwiseContentAt = performance.now();
      }, 0);
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
`;

function serverUrl(server: PreviewServer): string {
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('The preview server has no TCP address');
  return `http://127.0.0.1:${String(address.port)}/`;
}

/** Returns the bench portfolio as the snapshot of a portfolio of its own. */
function snapshotOf(portfolio: ServiceLevelPortfolio): PortfolioSnapshot {
  const records = { ...emptyRecords(), ...portfolio };
  let newest = '';
  for (const table of Object.values(records)) {
    for (const record of table) newest = newest === '' ? record.clock : maxHlc(newest, record.clock);
  }
  const deviceId = deviceIdOfHlc(newest);
  return {
    portfolioId: '019cf000-0000-7000-8000-00000000be01',
    portfolioName: 'Service level bench',
    deviceId,
    records,
    tombstones: [],
    versionVector: { [deviceId]: newest },
  };
}

/**
 * Waits until the dashboard screen shows its content and returns the page's clock when Playwright
 * noticed it. On a portfolio with data that is the dashboard with no part of it still marked busy;
 * on an empty portfolio the app's dashboard route shows the empty-portfolio panel instead, with
 * "Open sample portfolio", and that panel is its content. `contentObserverScript` checks the same.
 */
async function dashboardReady(page: Page): Promise<number> {
  const dashboard = page.locator('section[aria-labelledby="dashboard-title"]');
  const empty = page.locator('section[aria-labelledby="empty-title"]');
  await dashboard.or(empty).first().waitFor({ timeout: loadTimeoutMs });
  await dashboard.locator('[aria-busy="true"]').first().waitFor({ state: 'detached', timeout: loadTimeoutMs });
  return page.evaluate(() => performance.now());
}

/** Waits for a quiet window after the dashboard's content and returns the load's figures. */
async function measureLoad(page: Page, reload: () => Promise<unknown>, context: BrowserContext): Promise<DashboardLoad> {
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  const sampler = startHeapSampler(session, heapSampleIntervalMs);
  try {
    await reload();
    const detectedMs = await dashboardReady(page);
    // A function rather than a string, because the app's Content Security Policy blocks the eval that a string predicate needs while polling.
    const contentAt = await page
      .waitForFunction(() => (globalThis as unknown as { __steerwiseContentAt: number | null }).__steerwiseContentAt, undefined, {
        timeout: loadTimeoutMs,
      })
      .then((handle) => handle.jsonValue());
    if (contentAt === null) throw new Error('The page recorded no content time');
    const contentMs = contentAt;
    const tasks = await page.evaluate<LongTask[]>(quietWindowScript(quietWindowMs));
    const lastTaskEnd = tasks.reduce((latest, task) => Math.max(latest, task.start + task.duration), 0);
    const samples = await sampler.stop();
    return {
      contentMs,
      detectedMs,
      interactiveMs: Math.max(contentMs, lastTaskEnd),
      interactiveDetectedMs: Math.max(detectedMs, lastTaskEnd),
      longTasks: tasks.length,
      longestTaskMs: tasks.reduce((longest, task) => Math.max(longest, task.duration), 0),
      peakHeapMb: samples.reduce((peak, sample) => Math.max(peak, sample.usedBytes), 0) / bytesPerMb,
    };
  } finally {
    await session.detach().catch(() => undefined);
  }
}

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Dashboard' }).click();
  await dashboardReady(page);
}

/** A Chromium profile of its own, showing the dashboard of one portfolio. */
interface DashboardProfile {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** Opens a fresh profile on the app, prepares it with `prepare`, and opens the dashboard. */
async function openProfile(url: string, prepare: (page: Page) => Promise<void>): Promise<DashboardProfile> {
  const profileDir = mkdtempSync(join(tmpdir(), 'steerwise-bench-dashboard-'));
  const executablePath = chromiumPath();
  const context = await chromium.launchPersistentContext(profileDir, {
    headless: true,
    args: chromiumArgs,
    viewport,
    ...(executablePath === undefined ? {} : { executablePath }),
  });
  const close = async () => {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    await context.addInitScript({ content: longTaskObserverScript });
    await context.addInitScript({ content: contentObserverScript });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.getByRole('button', { name: 'Open sample portfolio' }).waitFor({ timeout: loadTimeoutMs });
    await prepare(page);
    await openDashboard(page);
    return { context, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Times `loads` reloads of each profile's dashboard, taking turns: empty, large, empty, large and
 * so on. Taking turns exposes both to the same machine load, which on a shared machine drifts over
 * the minutes that timing one profile after the other would take.
 */
async function timeInTurns(empty: DashboardProfile, large: DashboardProfile, loads: number) {
  const results = { empty: [] as DashboardLoad[], large: [] as DashboardLoad[] };
  for (let load = 0; load < loads; load += 1) {
    results.empty.push(await measureLoad(empty.page, () => empty.page.reload(), empty.context));
    results.large.push(await measureLoad(large.page, () => large.page.reload(), large.context));
  }
  return results;
}

/** Builds and serves the app, then times the dashboard on an empty and on the large portfolio. */
export async function runDashboardBench(portfolio: ServiceLevelPortfolio, loads: number): Promise<DashboardBenchResult> {
  await build({ configFile: webConfigFile, logLevel: 'warn', build: { outDir: webOutDir, emptyOutDir: true } });
  const fileDir = mkdtempSync(join(tmpdir(), 'steerwise-bench-file-'));
  const filePath = join(fileDir, 'service-level-bench.steerwise');
  const bytes = await writePortfolioFile(snapshotOf(portfolio), { appVersion: 'bench', exportedAt: new Date().toISOString() });
  writeFileSync(filePath, bytes);
  const server = await preview({ configFile: webConfigFile, logLevel: 'warn', build: { outDir: webOutDir }, preview: { port: 0 } });
  try {
    const url = serverUrl(server);
    const empty = await openProfile(url, () => Promise.resolve());
    let fileImportMs = 0;
    const large = await openProfile(url, async (page) => {
      const started = performance.now();
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Sync' }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open portfolio file' }).click();
      await (await chooser).setFiles(filePath);
      await page.getByTestId('sync-preview').getByRole('button', { name: 'Create portfolio' }).click({ timeout: loadTimeoutMs });
      await page.getByTestId('provider-count').waitFor({ timeout: loadTimeoutMs });
      fileImportMs = performance.now() - started;
    }).catch(async (error: unknown) => {
      await empty.close();
      throw error;
    });
    try {
      const timed = await timeInTurns(empty, large, loads);
      return { ...timed, fileImportMs, fileBytes: bytes.length };
    } finally {
      await large.close();
      await empty.close();
    }
  } finally {
    await server.close();
    rmSync(fileDir, { recursive: true, force: true });
  }
}
