/**
 * A full disk during an import, in Chromium. The test lowers the origin's storage quota through
 * the Chrome DevTools Protocol (`Storage.overrideQuotaForOrigin`) to a little more than the
 * sample portfolio already uses, then imports more data than fits. The import must fail with
 * the full-disk sentence, and after a reload the sample must be as it was.
 *
 * In Chromium 150 an override took effect only for IndexedDB storage opened after it was set:
 * with the app's databases already open, an import of about 40 MB committed under a 3 MB quota,
 * and plain IndexedDB writes after a page reload committed too. So each test fills the profile
 * first, restarts the browser, and sets the override before the app opens any database, as on
 * a computer whose disk filled up while the app was closed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { BrowserContext, CDPSession, Locator, Page } from '@playwright/test';
import Papa from 'papaparse';
import { freshProfile } from './browser';
import { chooseFile } from './importSteps';
import type { Profile } from './browser';
import { sampleBreachCount, sampleCsvPath } from './sampleData';

/** Space left above the usage when the quota is lowered, in bytes. Each large import below needs several MB. */
const quotaMarginBytes = 512 * 1024;
/** Copies of the sample's rows under new provider codes in the large CSV file. */
const largeCsvCopies = 10;

let laptopA: Profile;
let laptopB: Profile;

test.beforeEach(() => {
  laptopA = freshProfile();
  laptopB = freshProfile();
});

test.afterEach(() => {
  laptopA.dispose();
  laptopB.dispose();
});

/**
 * Writes the sample's rows with half of the calls answered within 60 seconds, so that every
 * sample provider breaches every month if any of it were written, followed by `copies` copies of
 * the rows under new provider codes and names. Returns the file's path.
 */
function writeLargeCsv(folder: string, copies: number): string {
  const parsed = Papa.parse<string[]>(readFileSync(sampleCsvPath, 'utf8'), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (header === undefined) throw new Error(`${sampleCsvPath} has no header row`);
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`${sampleCsvPath} has no column ${name}`);
    return index;
  };
  const code = column('Provider Org Code');
  const name = column('Provider Name');
  const answered = column('Nhs1 Answered Calls SUM');
  const within60s = column('Nhs1 Answered 60sec SUM');

  const output: string[][] = [header];
  for (const row of rows) {
    const changed = [...row];
    changed[within60s] = String(Math.floor(Number(row[answered]) / 2));
    output.push(changed);
  }
  for (let copy = 1; copy <= copies; copy += 1) {
    for (const row of rows) {
      const renamed = [...row];
      renamed[code] = `Q${String(copy)}${row[code] ?? ''}`;
      renamed[name] = `${row[name] ?? ''} COPY ${String(copy)}`;
      output.push(renamed);
    }
  }
  const path = join(folder, 'nhs111_large.csv');
  writeFileSync(path, Papa.unparse(output));
  return path;
}

async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
}

/** Checks the provider count and the Dashboard's breach total, both computed from the sample file. */
async function expectSampleIntact(page: Page): Promise<void> {
  const breaches = sampleBreachCount();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Providers' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('breach-total')).toHaveText(`${String(breaches.answered + breaches.abandoned)} breaches`);
}

async function expectFullDiskSentence(message: Locator): Promise<void> {
  await expect(message).toContainText('The computer has no room left for this data');
  await expect(message).toContainText('nothing was saved and the portfolio is as it was');
  await expect(message).toContainText('Free some disk space, for example by deleting old backups or portfolios you no longer need');
}

interface FullDisk {
  readonly context: BrowserContext;
  readonly page: Page;
  /** The session that set the override, which ends when the session detaches. */
  readonly session: CDPSession;
}

/** Returns the bytes the origin stores, as Chromium's quota manager counts them. */
async function storedBytes(context: BrowserContext, page: Page, origin: string): Promise<number> {
  const session = await context.newCDPSession(page);
  const { usage } = await session.send('Storage.getUsageAndQuota', { origin });
  await session.detach();
  return usage;
}

/**
 * Starts the browser on `profile` with the origin's quota `quotaMarginBytes` above `usageBytes`,
 * which the caller measured before the restart. Right after a restart, on a blank page,
 * Chromium 150 reported a usage of 0 for the origin, so the usage cannot be read then.
 */
async function launchWithFullDisk(profile: Profile, origin: string, usageBytes: number): Promise<FullDisk> {
  expect(usageBytes, 'the profile should already hold the sample').toBeGreaterThan(quotaMarginBytes);
  const context = await profile.launch();
  const page = context.pages()[0] ?? (await context.newPage());
  const session = await context.newCDPSession(page);

  await session.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usageBytes + quotaMarginBytes });
  const override = await session.send('Storage.getUsageAndQuota', { origin });
  expect(override.overrideActive).toBe(true);
  expect(override.quota).toBe(usageBytes + quotaMarginBytes);
  return { context, page, session };
}

function originOf(baseURL: string | undefined): string {
  if (baseURL === undefined) throw new Error('The Playwright configuration sets no baseURL');
  return new URL(baseURL).origin;
}

async function openSync(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Sync' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
}

async function exportPortfolioTo(page: Page, path: string): Promise<void> {
  await openSync(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export portfolio' }).click();
  await (await download).saveAs(path);
}

async function openPortfolioFileAt(page: Page, path: string) {
  await openSync(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooser).setFiles(path);
  const preview = page.getByTestId('sync-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  return preview;
}

async function importCsv(page: Page, path: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Providers' }).click();
  await page.getByRole('button', { name: 'Import from CSV or Excel' }).click();
  // The provider list's import starts on providers and contracts.
  await page.getByRole('radio', { name: 'Monthly measurements' }).check();
  await chooseFile(page, path);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-review')).toContainText('Ready to import', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

test('CSV import on a full disk keeps the portfolio', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const origin = originOf(baseURL);
  const csvPath = writeLargeCsv(laptopA.dir, largeCsvCopies);

  const setUp = await laptopA.launch();
  const setUpPage = await setUp.newPage();
  await openSample(setUpPage);
  const usage = await storedBytes(setUp, setUpPage, origin);
  await setUp.close();

  const { context, page } = await launchWithFullDisk(laptopA, origin, usage);
  await page.goto('/');
  await expectSampleIntact(page);
  await importCsv(page, csvPath);
  const message = page.getByTestId('import-error');
  // Waiting for either outcome makes a successful import fail here at once, not after a timeout.
  await expect(message.or(page.getByTestId('import-done'))).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-done')).toHaveCount(0);
  await expectFullDiskSentence(message);

  await page.reload();
  await expectSampleIntact(page);
  await context.close();
});

test('portfolio file merge on a full disk keeps the portfolio', async ({ baseURL }) => {
  test.setTimeout(240_000);
  const origin = originOf(baseURL);
  const original = join(laptopA.dir, 'sample.steerwise');
  const grown = join(laptopA.dir, 'sample-grown.steerwise');

  // Laptop A exports the sample, imports the large CSV into it and exports it again.
  const contextA = await laptopA.launch();
  const pageA = await contextA.newPage();
  await openSample(pageA);
  await exportPortfolioTo(pageA, original);
  await importCsv(pageA, writeLargeCsv(laptopA.dir, largeCsvCopies));
  await expect(pageA.getByTestId('import-done')).toBeVisible({ timeout: 60_000 });
  await exportPortfolioTo(pageA, grown);
  await contextA.close();

  // Laptop B opens the first export as a new portfolio, then its disk fills up.
  const setUp = await laptopB.launch();
  const setUpPage = await setUp.newPage();
  await setUpPage.goto('/');
  const created = await openPortfolioFileAt(setUpPage, original);
  await created.getByRole('button', { name: 'Create portfolio' }).click();
  await expect(setUpPage.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  const usage = await storedBytes(setUp, setUpPage, origin);
  await setUp.close();

  const { context, page } = await launchWithFullDisk(laptopB, origin, usage);
  await page.goto('/');
  await expectSampleIntact(page);
  const preview = await openPortfolioFileAt(page, grown);
  await preview.getByRole('button', { name: 'Apply' }).click();
  const message = page.getByRole('alert');
  await expect(message).toBeVisible({ timeout: 60_000 });
  await expectFullDiskSentence(message);

  await page.reload();
  await expectSampleIntact(page);
  await context.close();
});
