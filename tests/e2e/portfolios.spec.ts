import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { readPortfolioFile } from '../../shared/file';
import { freshProfile } from './browser';
import type { Profile } from './browser';

const sampleName = 'NHS 111 sample (2015-16)';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

async function openPortfoliosScreen(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Portfolios' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolios' })).toBeVisible();
}

/** Escapes `text` for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function portfolioRow(page: Page, name: string): Locator {
  return page
    .getByTestId('portfolio-table')
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name, exact: false }) });
}

/** Names of the portfolios in the header switcher, in order. */
function switcherNames(page: Page): Promise<string[]> {
  return page.getByTestId('portfolio-switcher').locator('option').allTextContents();
}

/**
 * Collects the page's console warnings. Dexie warns when a delete finds the database still open
 * in the app, which means the app did not switch away from the portfolio first.
 */
function consoleWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  return warnings;
}

/** Names of the IndexedDB databases of the page's origin. */
function databaseNames(page: Page): Promise<string[]> {
  // A string, because the tests compile without the DOM types that `indexedDB` needs.
  return page.evaluate<string[]>("indexedDB.databases().then((list) => list.map((info) => info.name ?? ''))");
}

async function deleteWithConfirmation(page: Page, name: string): Promise<void> {
  await portfolioRow(page, name)
    .getByRole('button', { name: `Delete ${name}`, exact: true })
    .click();
  const dialog = page.getByTestId('delete-portfolio-dialog');
  await expect(dialog.getByRole('heading')).toHaveText(`Delete the portfolio ${name}?`);
  await dialog.getByLabel(`Type the name ${name} to confirm`).fill(name);
  await dialog.getByRole('button', { name: 'Delete portfolio' }).click();
  await expect(page.getByRole('status')).toHaveText(`Deleted ${name}. Its final backup is listed under Backups.`, { timeout: 30_000 });
  await expect(dialog).toHaveCount(0);
}

test('create, rename, switch, delete and restore', async () => {
  const savedPath = join(profile.dir, 'saved-backup.steerwise');
  const context = await profile.launch();
  const page = await context.newPage();
  const warnings = consoleWarnings(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
  await openPortfoliosScreen(page);
  await expect(portfolioRow(page, 'Portfolio 1')).toContainText('Open now');

  // Create, with the name checks first.
  const newName = page.getByLabel('Name of the new portfolio');
  await newName.fill('   ');
  await page.getByRole('button', { name: 'Create empty portfolio' }).click();
  await expect(page.getByTestId('create-portfolio-form').getByRole('alert')).toHaveText(
    'A portfolio name must have between 1 and 200 characters. Type another name.',
  );
  await newName.fill(' portfolio 1 ');
  await page.getByRole('button', { name: 'Create empty portfolio' }).click();
  await expect(page.getByTestId('create-portfolio-form').getByRole('alert')).toHaveText(
    'Another portfolio is already called “Portfolio 1”. Type a different name, so that the two cannot be mixed up.',
  );
  await newName.fill('Acme Insurance');
  await page.getByRole('button', { name: 'Create empty portfolio' }).click();
  await expect(page.getByRole('status')).toHaveText('Created the portfolio Acme Insurance. Choose Open to work in it.');
  await expect(portfolioRow(page, 'Acme Insurance').locator('td').first()).toHaveText('0');
  await expect(newName).toHaveValue('');

  // Rename, with an empty name rejected first.
  await portfolioRow(page, 'Portfolio 1').getByRole('button', { name: 'Rename Portfolio 1', exact: true }).click();
  const renameField = page.getByLabel('New name for Portfolio 1');
  await renameField.fill('');
  await page.getByTestId('rename-form').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('rename-form').getByRole('alert')).toHaveText(
    'A portfolio name must have between 1 and 200 characters. Type another name.',
  );
  await renameField.fill('Bravo Bank');
  await page.getByTestId('rename-form').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Renamed Portfolio 1 to Bravo Bank.');
  await expect(page.getByTestId('rename-form')).toHaveCount(0);
  expect(await switcherNames(page)).toEqual(['Acme Insurance', 'Bravo Bank']);

  // Switch to Acme Insurance, then fill a third portfolio with the sample and open it.
  await portfolioRow(page, 'Acme Insurance').getByRole('button', { name: 'Open Acme Insurance', exact: true }).click();
  await expect(page.getByTestId('portfolio-switcher').locator('option:checked')).toHaveText('Acme Insurance');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await openPortfoliosScreen(page);
  const sampleRow = portfolioRow(page, sampleName);
  await expect(sampleRow).toContainText('Open now');
  const sampleId = await sampleRow.getAttribute('data-portfolio-id');
  expect(sampleId).not.toBeNull();
  // The count is read after the row appears, so wait for it before keeping it.
  await expect(sampleRow.locator('td').first()).toHaveText(/^\d{1,3}(,\d{3})+$/);
  const sampleRecords = (await sampleRow.locator('td').first().textContent()) ?? '';

  // A cancelled delete changes nothing; the confirm button waits for the exact name.
  await sampleRow.getByRole('button', { name: `Delete ${sampleName}`, exact: true }).click();
  const dialog = page.getByTestId('delete-portfolio-dialog');
  await expect(dialog).toContainText(`This deletes ${sampleName} and all its data from this computer. A final backup is kept`);
  await expect(dialog).toContainText(`${sampleName} is open now, so Steerwise switches to another portfolio first.`);
  const confirmButton = dialog.getByRole('button', { name: 'Delete portfolio' });
  await expect(confirmButton).toBeDisabled();
  await dialog.getByLabel(`Type the name ${sampleName} to confirm`).fill('NHS 111 sample');
  await expect(confirmButton).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(sampleRow).toBeVisible();

  // Delete the open sample: it switches to another portfolio and keeps a final backup.
  await deleteWithConfirmation(page, sampleName);
  await expect(portfolioRow(page, sampleName)).toHaveCount(0);
  expect(await switcherNames(page)).toEqual(['Acme Insurance', 'Bravo Bank']);
  await expect(page.getByTestId('portfolio-switcher').locator('option:checked')).toHaveText('Acme Insurance');
  expect(await databaseNames(page)).not.toContain(`steerwise-portfolio-${sampleId}`);
  expect(warnings.filter((warning) => warning.includes('delete'))).toEqual([]);
  const backupRow = page.getByTestId('backup-table').locator('tbody tr');
  await expect(backupRow).toHaveCount(1);
  await expect(backupRow.getByRole('rowheader')).toHaveText(`${sampleName} (deleted)`);
  await expect(backupRow).toContainText('Before deleting the portfolio');
  await expect(backupRow.locator('td').nth(3)).toHaveText(sampleRecords);

  // A restart reopens the remembered screen, never the deleted portfolio.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolios' })).toBeVisible();
  await expect(page.getByTestId('portfolio-switcher').locator('option:checked')).toHaveText('Acme Insurance');
  await expect(portfolioRow(page, sampleName)).toHaveCount(0);
  expect(await databaseNames(page)).not.toContain(`steerwise-portfolio-${sampleId}`);

  // Save the backup as a file and read it back with the app's own reader.
  const download = page.waitForEvent('download');
  await backupRow.getByRole('button', { name: new RegExp(`^Save as file: backup of ${escapeRegExp(sampleName)} taken .+$`) }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^NHS 111 sample \(2015-16\) backup \d{4}-\d{2}-\d{2} \d{2}-\d{2}\.steerwise$/);
  await saved.saveAs(savedPath);
  await expect(page.getByRole('status')).toHaveText(`Saved ${saved.suggestedFilename()}.`);
  const parsed = await readPortfolioFile(new Uint8Array(readFileSync(savedPath)), 'saved-backup.steerwise');
  if (!parsed.ok) throw new Error(`saved backup does not read: ${parsed.error.code}`);
  expect(parsed.value.snapshot.portfolioId).toBe(sampleId);
  expect(parsed.value.snapshot.records.providers).toHaveLength(46);

  // Restore brings the deleted portfolio back under its id and name.
  await backupRow.getByRole('button', { name: new RegExp(`^Restore the backup of ${escapeRegExp(sampleName)} taken .+$`) }).click();
  const restoreDialog = page.getByTestId('restore-dialog');
  await expect(restoreDialog).toContainText(`${sampleName} is no longer on this computer. Restoring brings it back`);
  await restoreDialog.getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.getByRole('status')).toContainText(`Restored ${sampleName} from the backup taken`, { timeout: 30_000 });
  await expect(portfolioRow(page, sampleName)).toHaveAttribute('data-portfolio-id', sampleId ?? '');
  await expect(portfolioRow(page, sampleName).locator('td').first()).toHaveText(sampleRecords);
  await portfolioRow(page, sampleName)
    .getByRole('button', { name: `Open ${sampleName}`, exact: true })
    .click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await context.close();
});

test('deleting the last portfolio opens a new empty one', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  const warnings = consoleWarnings(page);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
  await openPortfoliosScreen(page);
  const onlyId = await portfolioRow(page, 'Portfolio 1').getAttribute('data-portfolio-id');

  await deleteWithConfirmation(page, 'Portfolio 1');

  const rows = page.getByTestId('portfolio-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Open now');
  await expect(rows.first()).not.toHaveAttribute('data-portfolio-id', onlyId ?? '');
  await expect(page.getByTestId('backup-table').getByRole('rowheader')).toHaveText('Portfolio 1 (deleted)');
  expect(await databaseNames(page)).not.toContain(`steerwise-portfolio-${onlyId}`);
  expect(warnings.filter((warning) => warning.includes('delete'))).toEqual([]);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Providers' }).click();
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible();
  await context.close();
});

test('delete backup asks first', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
  await openPortfoliosScreen(page);
  await page.getByLabel('Name of the new portfolio').fill('Charlie Telecom');
  await page.getByRole('button', { name: 'Create empty portfolio' }).click();
  await deleteWithConfirmation(page, 'Charlie Telecom');

  const backupRows = page.getByTestId('backup-table').locator('tbody tr');
  await backupRows.getByRole('button', { name: /^Delete backup of Charlie Telecom taken .+$/ }).click();
  const dialog = page.getByTestId('delete-backup-dialog');
  await expect(dialog).toContainText('Charlie Telecom is no longer on this computer, so this backup may be its last copy.');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(backupRows).toHaveCount(1);

  await backupRows.getByRole('button', { name: /^Delete backup of Charlie Telecom taken .+$/ }).click();
  await dialog.getByRole('button', { name: 'Delete backup' }).click();
  await expect(page.getByRole('status')).toContainText('Deleted the backup of Charlie Telecom taken');
  await expect(page.getByTestId('backups')).toContainText('No backups yet.');
  await context.close();
});

test('header button opens the create form', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('banner').getByRole('button', { name: 'New empty portfolio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolios' })).toBeVisible();
  const newName = page.getByLabel('Name of the new portfolio');
  await expect(newName).toBeFocused();
  // Nothing is created until a name is typed.
  await expect(page.getByTestId('portfolio-switcher').locator('option')).toHaveText(['Portfolio 1']);

  await page.keyboard.type('Delta Logistics');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Created the portfolio Delta Logistics. Choose Open to work in it.');
  await expect(page.getByTestId('portfolio-switcher').locator('option')).toHaveText(['Delta Logistics', 'Portfolio 1']);

  // Asking again from another screen focuses the field again.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Sync' }).click();
  await page.getByRole('banner').getByRole('button', { name: 'New empty portfolio' }).click();
  await expect(newName).toBeFocused();
  await context.close();
});
