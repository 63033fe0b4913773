/** The "Providers and contracts" import from the committed fixtures: counts, the records on screen, a re-import and a bad file. */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { chooseFile, startImport } from './importSteps';

const fixtures = join(import.meta.dirname, '../fixtures/import');
let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

test('providers CSV imports, then is unchanged', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await startImport(page);

  await page.getByRole('radio', { name: 'Providers and contracts' }).check();
  await chooseFile(page, join(fixtures, 'providers-contracts.csv'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-review').getByRole('status')).toHaveText(
    'Providers: 2 added, 0 changed, 0 unchanged. Contracts: 2 added, 0 changed, 0 unchanged.',
  );
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('Providers: 2 added');
  await page.getByRole('button', { name: 'Close' }).click();

  await expect(page.getByTestId('provider-count')).toHaveText('2 providers');
  await page.getByTestId('providers-table').locator('tbody tr').filter({ hasText: 'Northwind Contact' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northwind Contact');
  await expect(page.getByText('Customer service').first()).toBeVisible();
  await expect(page.getByText('Back office').first()).toBeVisible();

  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Providers' }).click();
  await page.getByRole('button', { name: 'Import measurements (CSV or Excel)' }).click();
  await page.getByRole('radio', { name: 'Providers and contracts' }).check();
  await chooseFile(page, join(fixtures, 'providers-contracts.csv'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-review').getByRole('status')).toHaveText(
    'Providers: 0 added, 0 changed, 2 unchanged. Contracts: 0 added, 0 changed, 2 unchanged.',
  );
  await context.close();
});

test('bad tier names row and column', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await startImport(page);

  await page.getByRole('radio', { name: 'Providers and contracts' }).check();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import providers and contracts');
  await chooseFile(page, join(fixtures, 'providers-contracts-bad.csv'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-issues')).toContainText(
    'providers-contracts-bad.csv, line 2, column “Tier”: “Tier 9” is not a valid value.',
  );
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await context.close();
});
