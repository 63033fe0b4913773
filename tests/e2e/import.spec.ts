import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { freshProfile } from './browser';
import { chooseFile, startImport } from './importSteps';
import type { Profile } from './browser';

const fixtures = resolve(import.meta.dirname, '../fixtures/csv');

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

test('malformed row is reported by line and nothing is written', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await startImport(page);
  await chooseFile(page, join(fixtures, 'nhs111_small.csv'));

  await expect(page.getByTestId('import-delimiter')).toHaveText('Delimiter: comma (detected)');
  await expect(page.getByTestId('import-detected')).toContainText('with byte order mark');
  await expect(page.getByText('The columns match the preset “NHS 111 Minimum Data Set”.')).toBeVisible();
  await page.getByRole('button', { name: 'Check the file' }).click();

  const issues = page.getByTestId('import-issues');
  await expect(issues).toContainText('Line 9 has 55 cells where the header has 56');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible();
  await context.close();
});

test('clean file imports once, then changes nothing', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await startImport(page);
  await chooseFile(page, join(fixtures, 'nhs111_small_clean.csv'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-review')).toContainText('Ready to import 44 results for 5 providers and 4 KPIs.');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('44 results added, 0 changed');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('5 providers');

  await page.getByRole('searchbox', { name: 'Search providers' }).fill('111AF5');
  await expect(page.getByTestId('providers-table').locator('tbody tr')).toContainText('NORTH WEST EXC BLACKPOOL NHS 111');

  await page.getByRole('button', { name: 'Import from CSV or Excel' }).click();
  // The provider list's import starts on providers and contracts.
  await page.getByRole('radio', { name: 'Monthly measurements' }).check();
  await chooseFile(page, join(fixtures, 'nhs111_small_clean.csv'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('nothing changed');
  await context.close();
});

const badFiles: readonly { file: string; message: RegExp }[] = [
  { file: 'empty.csv', message: /empty\.csv is empty/ },
  { file: 'binary.csv', message: /binary\.csv contains binary data, not text/ },
];

for (const { file, message } of badFiles) {
  test(`${file} is rejected with a clear message`, async () => {
    const context = await profile.launch();
    const page = await context.newPage();
    await startImport(page);
    await chooseFile(page, join(fixtures, file));
    await expect(page.getByTestId('import-error')).toHaveText(message);
    await context.close();
  });
}

test('file over the size limit is rejected before reading', async () => {
  const bigFile = join(profile.dir, 'too-big.csv');
  writeFileSync(bigFile, Buffer.alloc(64 * 1024 * 1024 + 1, 'a'));
  const context = await profile.launch();
  const page = await context.newPage();
  await startImport(page);
  await chooseFile(page, bigFile);
  await expect(page.getByTestId('import-error')).toContainText('too-big.csv is 64.0 MB, over the 64 MB limit');
  await context.close();
});

test('missing mapped column and non-numeric value are named', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await startImport(page);
  await chooseFile(page, join(fixtures, 'non_numeric.csv'));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-issues')).toContainText('Line 3, column “Nhs1 Answered Calls SUM”: “n/a” is not a number');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();

  await chooseFile(page, join(fixtures, 'missing_column.csv'));
  await expect(page.getByTestId('preset-near')).toContainText('it lacks these columns: “Nhs1 Answered 60sec SUM”');
  await expect(page.getByTestId('preset-select')).toHaveValue('builtIn.nhs111');
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-issues')).toContainText('Column “Nhs1 Answered 60sec SUM” is mapped but not in missing_column.csv');
  await context.close();
});

test('hand-made mapping is saved as a preset and reused', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await startImport(page);
  await chooseFile(page, join(fixtures, 'supplier_scorecard.csv'));
  await expect(page.getByTestId('preset-select')).toHaveValue('');

  await page.getByRole('combobox', { name: 'Provider code (optional)' }).selectOption('Supplier ID');
  await page.getByRole('combobox', { name: 'Provider name' }).selectOption('Supplier');
  await page.getByRole('combobox', { name: 'Month' }).selectOption('Month');

  const resolution = page.getByTestId('kpi-draft-0');
  await resolution.getByRole('textbox', { name: 'KPI name' }).fill('First-contact resolution');
  await resolution.getByRole('combobox', { name: 'Numerator column' }).selectOption('Resolved first time');
  await resolution.getByRole('combobox', { name: 'Denominator column' }).selectOption('Contacts');
  await resolution.getByRole('textbox', { name: 'Expected level' }).fill('85');
  await resolution.getByRole('textbox', { name: 'Minimum level' }).fill('80');

  await page.getByRole('button', { name: 'Add a KPI' }).click();
  const satisfaction = page.getByTestId('kpi-draft-1');
  await satisfaction.getByRole('textbox', { name: 'KPI name' }).fill('Customer satisfaction');
  await satisfaction.getByRole('combobox', { name: 'Kind' }).selectOption('value');
  await satisfaction.getByRole('combobox', { name: 'Value column' }).selectOption('CSAT');
  await satisfaction.getByRole('combobox', { name: 'Unit' }).selectOption('percent');

  await page.getByRole('button', { name: 'Add a KPI' }).click();
  const handleTime = page.getByTestId('kpi-draft-2');
  await handleTime.getByRole('textbox', { name: 'KPI name' }).fill('Average handle time');
  await handleTime.getByRole('combobox', { name: 'Kind' }).selectOption('duration');
  await handleTime.getByRole('combobox', { name: 'Value column' }).selectOption('Avg handle time');
  await handleTime.getByRole('combobox', { name: 'Better when' }).selectOption('lowerIsBetter');

  await page.getByRole('textbox', { name: 'Preset name' }).fill('Supplier scorecard');
  await page.getByRole('button', { name: 'Save mapping as preset' }).click();
  await expect(page.getByText('Saved the mapping as “Supplier scorecard”.')).toBeVisible();

  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-review')).toContainText('Ready to import 12 results for 2 providers and 3 KPIs.');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('12 results added');
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('searchbox', { name: 'Search providers' }).fill('S-02');
  const row = page.getByTestId('providers-table').locator('tbody tr');
  await expect(row).toContainText('Bravo Services, Inc');
  // April 700 of 900 and May 650 of 910: 1,350 of 1,810 is 74.59% over both months, below 80 twice.
  await expect(row).toContainText('74.59%');
  await row.click();
  await expect(page.getByTestId('kpi-card-custom.customer-satisfaction')).toContainText('Whole period: 89.60%');

  await page.getByRole('button', { name: 'All providers' }).click();
  await page.getByRole('button', { name: 'Import from CSV or Excel' }).click();
  await page.getByRole('radio', { name: 'Monthly measurements' }).check();
  await chooseFile(page, join(fixtures, 'supplier_scorecard.csv'));
  await expect(page.getByText('The columns match the preset “Supplier scorecard”.')).toBeVisible();
  await page.getByRole('button', { name: 'Check the file' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('nothing changed');
  await context.close();
});
