/**
 * Export and open of a portfolio with 150,000 measurements on the Sync screen: the progress bar
 * appears, Cancel stops the work and changes nothing, the window stays responsive while the file
 * worker runs, and the same work without Cancel still succeeds.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { writePortfolioFile } from '../../shared/file';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { largePortfolioSize, largePortfolioSnapshot } from './largePortfolio';
import { exportPortfolioTo, openSample, openSection } from './providerEditing';
import { readPortfolio } from './syncFiles';

const largeName = 'Large synthetic portfolio';
const largeRecordCount = largePortfolioSize.providers + 1 + largePortfolioSize.providers * largePortfolioSize.months;

let fileFolder: string;
let largeFilePath: string;
let profile: Profile;

test.beforeAll(async () => {
  fileFolder = mkdtempSync(join(tmpdir(), 'steerwise-large-'));
  largeFilePath = join(fileFolder, 'large.steerwise');
  const bytes = await writePortfolioFile(largePortfolioSnapshot(largeName), { appVersion: '0.1.0', exportedAt: new Date().toISOString() });
  writeFileSync(largeFilePath, bytes);
});

test.afterAll(() => {
  rmSync(fileFolder, { recursive: true, force: true });
});

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

async function chooseFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooser).setFiles(path);
}

async function portfolioNames(page: Page): Promise<string[]> {
  return page.getByTestId('portfolio-switcher').locator('option').allTextContents();
}

/**
 * Milliseconds until the page runs a callback on its next animation frame. It stays small only
 * while the main thread is free, and a synchronous export on the main thread makes it take seconds.
 */
async function frameDelayMs(page: Page): Promise<number> {
  const started = Date.now();
  // A string, because the e2e tests compile without the DOM types.
  await page.evaluate<null>('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
  return Date.now() - started;
}

test('large file open shows progress and cancels', async () => {
  test.setTimeout(180_000);
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openSection(page, 'Sync');
  const namesBefore = await portfolioNames(page);

  // The worker's script is held back until the test has clicked Cancel, so the open cannot finish
  // first on a fast machine; the progress bar and Cancel must already work while the worker starts.
  let releaseWorker = (): void => undefined;
  const workerHeld = new Promise<void>((resolve) => {
    releaseWorker = resolve;
  });
  await page.route('**/fileWorker*.js', async (route) => {
    await workerHeld;
    // Cancel terminated the worker, so its request is usually gone by now.
    await route.continue().catch((error: unknown) => {
      if (!String(error).includes('already handled')) throw error;
    });
  });
  await chooseFile(page, largeFilePath);
  const bar = page.getByRole('progressbar', { name: 'Opening progress' });
  await expect(bar).toBeVisible();
  expect(await frameDelayMs(page)).toBeLessThan(1_000);
  await page.getByTestId('file-progress').getByRole('button', { name: 'Cancel' }).click();
  releaseWorker();
  await page.unroute('**/fileWorker*.js');

  await expect(page.getByTestId('cancel-notice')).toHaveText('Opening cancelled. Nothing was changed.');
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('sync-preview')).toHaveCount(0);
  expect(await portfolioNames(page)).toEqual(namesBefore);

  await chooseFile(page, largeFilePath);
  await expect(page.getByTestId('sync-preview')).toContainText(
    `New portfolio ${largeName} with ${largeRecordCount.toLocaleString('en-GB')} records.`,
    {
      timeout: 60_000,
    },
  );
  await context.close();
});

test('large export shows progress and cancels', async () => {
  test.setTimeout(300_000);
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openSection(page, 'Sync');
  await chooseFile(page, largeFilePath);
  const preview = page.getByTestId('sync-preview');
  await preview.getByRole('button', { name: 'Create portfolio' }).click({ timeout: 60_000 });
  await expect(page.getByTestId('provider-count')).toHaveText(`${largePortfolioSize.providers} providers`, { timeout: 120_000 });
  await openSection(page, 'Sync');

  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  await page.getByRole('button', { name: 'Export portfolio' }).click();
  const bar = page.getByRole('progressbar', { name: 'Export progress' });
  const progress = page.getByTestId('file-progress');
  await expect(bar).toBeVisible();
  // Serializing and compressing run in the worker; the main thread must stay free meanwhile.
  await expect(progress).toContainText(/^(Serializing|Compressing) /, { timeout: 30_000 });
  const frameDelays = [await frameDelayMs(page), await frameDelayMs(page), await frameDelayMs(page)];
  expect(Math.max(...frameDelays)).toBeLessThan(1_000);

  const cancelClicked = Date.now();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('cancel-notice')).toHaveText('Export cancelled. No file was saved.');
  expect(Date.now() - cancelClicked).toBeLessThan(2_000);
  await expect(bar).toHaveCount(0);
  expect(downloads).toBe(0);

  const exportedPath = join(profile.dir, 'large-export.steerwise');
  await exportPortfolioTo(page, exportedPath);
  const exported = await readPortfolio(exportedPath);
  expect(exported.portfolioName).toBe(largeName);
  expect(exported.records.measurements).toHaveLength(largePortfolioSize.providers * largePortfolioSize.months);
  await context.close();
});
