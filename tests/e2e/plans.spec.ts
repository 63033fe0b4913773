/**
 * Transition plans as a vendor manager uses them. A plan from the BPO template for a provider of
 * the sample portfolio shows in the list and on the roadmap. A project file is imported with its
 * report, and a plan is exported as Microsoft Project XML and imported again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { sampleProviders } from './sampleData';

const fixtureFolder = resolve(import.meta.dirname, '../fixtures/project-plans');

let profile: Profile;
let downloads: string;

test.beforeEach(() => {
  profile = freshProfile();
  downloads = mkdtempSync(join(tmpdir(), 'steerwise-plans-'));
});

test.afterEach(() => {
  profile.dispose();
  rmSync(downloads, { recursive: true, force: true });
});

async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
}

async function openPlans(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Transition plans' }).click();
  await expect(page.getByRole('heading', { name: 'Transition plans', level: 1 })).toBeVisible();
}

/** Imports a project file through the file picker and waits for its report. */
async function importFile(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: 'Import project file' }).click();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a project file' }).click();
  await (await choosing).setFiles(path);
  await expect(page.getByTestId('import-report')).toBeVisible();
}

test('plan from the template shows in the list and on the roadmap', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  const providerName = [...sampleProviders().values()].sort((a, b) => a.localeCompare(b))[0] ?? '';
  await openPlans(page);

  await page.getByRole('button', { name: 'New plan from template' }).click();
  const form = page.getByRole('form', { name: 'New plan from the BPO transition template' });
  await form.getByLabel('Provider').selectOption({ label: providerName });
  await form.getByLabel('Title').fill('NHS 111 call handling transition');
  await form.getByLabel('Start date').fill('2026-03-02');
  await form.getByLabel('Processes that move, one per line (each gets a wave)').fill('Call handling\nClinical call-backs');
  await form.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByTestId('plan-title')).toHaveText('NHS 111 call handling transition');

  await page.getByRole('button', { name: 'Back to the transition plans' }).click();
  const row = page.getByTestId('plan-table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('NHS 111 call handling transition');
  await expect(row).toContainText(providerName);
  await expect(row).toContainText('2026-03-02');
  await expect(row).toContainText('0%');

  await page.getByRole('tab', { name: 'Roadmap' }).click();
  const chart = page.getByTestId('roadmap-chart');
  await expect(chart.locator('text', { hasText: 'NHS 111 call handling transition' })).toBeVisible();
  await chart.locator('text', { hasText: 'NHS 111 call handling transition' }).click();
  await expect(page.getByTestId('plan-title')).toHaveText('NHS 111 call handling transition');
  await context.close();
});

test('project file import shows its report before and after', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await openPlans(page);

  await importFile(page, join(fixtureFolder, 'german-locale.mpx'));
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('german-locale.mpx was read as MPX (windows-1252)');
  await expect(report.getByRole('row', { name: /^Tasks/ })).toBeVisible();
  await expect(page.getByTestId('import-dropped')).toBeVisible();

  await page.getByRole('button', { name: 'Create plan from this file' }).click();
  await expect(page.getByTestId('plan-import-status')).toContainText('from german-locale.mpx');
  await expect(report).toBeVisible();

  await page.getByRole('button', { name: 'Open the plan' }).click();
  await expect(page.getByTestId('plan-screen')).toBeVisible();
  await context.close();
});

test('malformed project file names its line', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await openPlans(page);
  await page.getByRole('button', { name: 'Import project file' }).click();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a project file' }).click();
  await (await choosing).setFiles(join(fixtureFolder, 'malformed.xml'));
  await expect(page.getByTestId('plan-import').getByRole('alert')).toContainText(/malformed\.xml, line \d+: the XML is malformed/);
  await context.close();
});

test('exported MSPDI imports again with every task', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await openPlans(page);
  await importFile(page, join(fixtureFolder, 'service-desk.xml'));
  const taskCount = await page
    .getByTestId('import-report')
    .getByRole('row', { name: /^Tasks/ })
    .locator('td')
    .textContent();
  await page.getByRole('button', { name: 'Create plan from this file' }).click();
  await page.getByRole('button', { name: 'Open the plan' }).click();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as Microsoft Project XML' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xml$/);
  const exported = join(downloads, download.suggestedFilename());
  await download.saveAs(exported);

  await page.getByRole('button', { name: 'Back to the transition plans' }).click();
  await importFile(page, exported);
  await expect(page.getByTestId('import-report')).toContainText('was read as Microsoft Project XML');
  await expect(
    page
      .getByTestId('import-report')
      .getByRole('row', { name: /^Tasks/ })
      .locator('td'),
  ).toHaveText(taskCount ?? '');
  await page.getByRole('button', { name: 'Create plan from this file' }).click();
  await expect(page.getByTestId('plan-import-status')).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('plan-table').locator('tbody tr')).toHaveCount(2);
  await context.close();
});
