/**
 * Plan files as a vendor manager moves them between tools. A plan CSV exported and imported again
 * keeps its calendars and dates. The report on an older CSV names the calendar the plan was
 * given, and the report on a Microsoft Project file states how its dates differ from the plan's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';

const fixtureFolder = resolve(import.meta.dirname, '../fixtures/project-plans');

let profile: Profile;
let downloads: string;

test.beforeEach(() => {
  profile = freshProfile();
  downloads = mkdtempSync(join(tmpdir(), 'steerwise-plan-files-'));
});

test.afterEach(() => {
  profile.dispose();
  rmSync(downloads, { recursive: true, force: true });
});

async function openPlans(page: Page): Promise<void> {
  await page.goto('/');
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

/** Texts of the Start and Finish cells of the plan list's rows. */
async function listedDates(page: Page): Promise<string[]> {
  const table = page.getByTestId('plan-table');
  const headers = await table.locator('thead th').allTextContents();
  const start = headers.findIndex((header) => header.startsWith('Start'));
  const finish = headers.findIndex((header) => header.startsWith('Finish'));
  const rows = await table.locator('tbody tr').all();
  const dates: string[] = [];
  for (const row of rows) {
    const cells = await row.locator('td, th').allTextContents();
    dates.push(`${cells[start] ?? '?'} – ${cells[finish] ?? '?'}`);
  }
  return dates;
}

test('plan CSV imports again with its calendars and dates', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openPlans(page);
  await importFile(page, join(fixtureFolder, 'transition-plan.csv'));
  await expect(page.getByTestId('import-report')).toContainText('Nothing was changed or left out.');
  await expect(page.getByTestId('import-report').getByRole('row', { name: /^Calendars/ })).toContainText('3');
  await page.getByRole('button', { name: 'Create plan from this file' }).click();
  await page.getByRole('button', { name: 'Open the plan' }).click();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as CSV' }).click();
  const download = await downloading;
  const exported = join(downloads, download.suggestedFilename());
  await download.saveAs(exported);

  await page.getByRole('button', { name: 'Back to the transition plans' }).click();
  await importFile(page, exported);
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('was read as Steerwise plan CSV');
  await expect(report).toContainText('Nothing was changed or left out.');
  await page.getByRole('button', { name: 'Create plan from this file' }).click();
  await expect(page.getByTestId('plan-import-status')).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();

  await expect(page.getByTestId('plan-table').locator('tbody tr')).toHaveCount(2);
  const [first, second] = await listedDates(page);
  expect(first).toBe('2 Mar 2026 – 14 Apr 2026');
  expect(second).toBe(first);
  await context.close();
});

test('older plan CSV names the calendar it was given', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openPlans(page);
  await importFile(page, join(fixtureFolder, 'legacy-layout.csv'));
  const changed = page.getByTestId('import-changed');
  await expect(changed).toContainText('No calendar in the file: used Monday to Friday without holidays.');
  await expect(changed).toContainText(
    'The file gives 14 Apr 2026 as the finish, but work in the imported plan ends on 13 Apr 2026, 1 working day earlier.',
  );
  await expect(page.getByTestId('import-report')).not.toContainText('Nothing was changed or left out.');
  await context.close();
});

test('Microsoft Project file reports recurring tasks, owners and dates', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openPlans(page);
  await importFile(page, join(fixtureFolder, 'hours-calendar.xml'));
  const changed = page.getByTestId('import-changed');
  await expect(changed).toContainText(
    '3 recurring tasks were imported as ordinary tasks: “Steering review”, “Steering review 1” and “Steering review 2”.',
  );
  await expect(changed).toContainText('“Knowledge transfer”: its 2 resources were joined into the owner “Asha, Ravi”.');
  await expect(changed).toContainText(
    'The file gives 25 Mar 2025 as the finish, but work in the imported plan ends on 12 Mar 2025, 8 working days earlier. The planning tool schedules in hours',
  );
  await expect(changed).toContainText(
    '4 tasks finish on other dates than the file gives, for example “Shadow run” on 12 Mar 2025 instead of 25 Mar 2025.',
  );
  await expect(page.getByTestId('import-dropped')).toContainText('Calendar “Mornings”: working hours were left out');
  await context.close();
});
