/** The "Providers and contracts" import from the committed fixtures: counts, the records on screen, a re-import and a bad file. */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
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
  const context = await profile.launch({ timezoneId: 'UTC' });
  const page = await context.newPage();
  await startImport(page);

  await page.getByRole('radio', { name: 'Providers and contracts' }).check();
  // One step indicator, above the buttons, marking the step the user is on.
  const steps = page.getByTestId('wizard-steps');
  const currentStep = steps.locator('[aria-current="step"]');
  await expect(steps).toHaveCount(1);
  await expect(currentStep).toHaveText('1. File');
  const stepsBox = await steps.boundingBox();
  const chooseBox = await page.getByRole('button', { name: 'Choose a CSV file or Excel workbook' }).boundingBox();
  expect(stepsBox?.y ?? Infinity).toBeLessThan(chooseBox?.y ?? 0);
  await chooseFile(page, join(fixtures, 'providers-contracts.csv'));
  await expect(currentStep).toHaveText('2. Columns');
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-review').getByRole('status')).toHaveText(
    'Providers: 2 added, 0 changed, 0 unchanged. Contracts: 2 added, 0 changed, 0 unchanged.',
  );
  await expect(currentStep).toHaveText('3. Review');
  // The review names every record the import adds, with the fields it sets, before anything is written.
  const changes = page.getByTestId('import-record-changes');
  await expect(changes.locator('tbody tr')).toHaveCount(4);
  const customerService = changes.getByRole('row', { name: /Customer service \(Northwind Contact\)/ });
  await expect(customerService.getByRole('cell').first()).toHaveText('Added');
  await expect(customerService.locator('[data-field="noticePeriod"]')).toHaveText('Notice period: 90 days');
  await expect(customerService.locator('[data-field="endDate"]')).toHaveText('End date: 31 Dec 2027');
  await expect(changes.getByRole('row', { name: /Fabrikam Finance/ }).locator('[data-field="tier"]')).toHaveText(
    'Tier: Tier 2 (important)',
  );
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('Providers: 2 added');
  await page.getByRole('button', { name: 'Close' }).click();

  await expect(page.getByTestId('provider-count')).toHaveText('2 providers');
  await page.getByTestId('providers-table').locator('tbody tr').filter({ hasText: 'Northwind Contact' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Northwind Contact');
  await expect(page.getByText('Customer service').first()).toBeVisible();
  await expect(page.getByText('Back office').first()).toBeVisible();

  // The provider's history names the file it came from and the fields it set.
  const history = page.locator('[data-testid="record-history"][data-table="providers"]');
  await history.getByRole('button', { name: /^History/ }).click();
  const imported = history.getByRole('listitem').first();
  const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date());
  await expect(imported).toContainText(`Imported from providers-contracts.csv on ${today}`);
  await expect(imported.getByRole('row', { name: /^Tier/ }).getByRole('cell').nth(1)).toHaveText('Tier 1 (strategic)');

  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Providers' }).click();
  await page.getByRole('button', { name: 'Import from CSV or Excel' }).click();
  // The import opened from the provider list starts on providers and contracts.
  await expect(page.getByRole('radio', { name: 'Providers and contracts' })).toBeChecked();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import providers and contracts');
  await chooseFile(page, join(fixtures, 'providers-contracts.csv'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-review').getByRole('status')).toHaveText(
    'Providers: 0 added, 0 changed, 2 unchanged. Contracts: 0 added, 0 changed, 2 unchanged.',
  );
  await expect(page.getByText('The file matches the portfolio: the import would add or update nothing.')).toBeVisible();
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
  await expect(page.getByTestId('import-issues')).toHaveText(
    'providers-contracts-bad.csv, line 2, column “Tier”: “Tier 9” is not a valid value. Use one of: 1, 2, 3, Tier 1, Tier 2, Tier 3, Strategic, Important, Transactional. Or leave the cell blank to keep the stored value.',
  );
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await context.close();
});

test('term ending before its start and a renamed provider code are both reported', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await startImport(page);

  await page.getByRole('radio', { name: 'Providers and contracts' }).check();
  await chooseFile(page, join(fixtures, 'providers-contracts-conflicts.csv'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  const issues = page.getByTestId('import-issues').getByRole('listitem');
  await expect(issues).toHaveText([
    'providers-contracts-conflicts.csv, line 2, column “End date”: the contract ends on 2025-12-31, before it starts on 2027-01-01 (column “Start date”). Correct one of the two dates.',
    'providers-contracts-conflicts.csv, line 3, column “Provider name”: provider “NW1” has “Northwind Contact Centre” here but “Northwind Contact” on line 2. Make the two lines agree, or give the providers different codes.',
  ]);
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await context.close();
});

/** Imports providers-contracts.csv (providers NW1 and FB2) into an empty portfolio and returns to the provider list. */
async function importProviderFixture(page: Page): Promise<void> {
  await startImport(page);
  await page.getByRole('radio', { name: 'Providers and contracts' }).check();
  await chooseFile(page, join(fixtures, 'providers-contracts.csv'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('button', { name: 'Close' }).click();
}

test('contracts by provider code join stored providers', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await importProviderFixture(page);

  // The file has a code column but no name or notice unit column.
  await page.getByRole('button', { name: 'Import from CSV or Excel' }).click();
  await chooseFile(page, join(fixtures, 'contracts-by-code.csv'));
  const wizard = page.getByTestId('provider-contract-import');
  const check = wizard.getByRole('button', { name: 'Check the file' });
  await wizard.getByRole('combobox', { name: /^Provider code/ }).selectOption({ label: '(none)' });
  await expect(wizard.getByTestId('mapping-problems')).toContainText('Choose the provider code column, the provider name column or both');
  await expect(check).toBeDisabled();
  await wizard.getByRole('combobox', { name: /^Provider code/ }).selectOption('Provider code');
  await expect(wizard.getByTestId('mapping-problems')).toHaveCount(0);

  await check.click();
  await expect(wizard.getByTestId('import-issues')).toContainText(
    'contracts-by-code.csv, line 2, column “Notice period”: the notice period 3 has no unit.',
  );
  await wizard.getByRole('button', { name: 'Back' }).click();
  await wizard.getByLabel('Notice period unit for every line').selectOption({ label: 'months' });
  await check.click();
  await expect(wizard.getByTestId('import-review').getByRole('status')).toHaveText(
    'Providers: 0 added, 0 changed, 2 unchanged. Contracts: 2 added, 0 changed, 0 unchanged.',
  );
  const payables = wizard.getByTestId('import-record-changes').getByRole('row', { name: /Accounts payable \(Fabrikam Finance\)/ });
  await expect(payables.locator('[data-field="noticePeriod"]')).toHaveText('Notice period: 2 months');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('Contracts: 2 added');
  await context.close();
});

test('unknown provider code without a name is reported', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await importProviderFixture(page);

  await page.getByRole('button', { name: 'Import from CSV or Excel' }).click();
  await chooseFile(page, join(fixtures, 'contracts-unknown-code.csv'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-error')).toHaveText(
    'contracts-unknown-code.csv, line 3, column “Provider code”: no provider in the portfolio has the code “ZZ9”, and the line gives no provider name. Correct the code, or add the provider’s name to import it as a new provider.',
  );
  await context.close();
});
