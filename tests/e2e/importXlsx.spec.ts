import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import { chooseFile, startImport } from './importSteps';
import type { Profile } from './browser';

const xlsxFixtures = resolve(import.meta.dirname, '../fixtures/xlsx/measurements');
const csvFixtures = resolve(import.meta.dirname, '../fixtures/csv');

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

test('XLSX months stay in their month in Los Angeles', async () => {
  const context = await profile.launch({ timezoneId: 'America/Los_Angeles' });
  const page = await context.newPage();
  expect(await page.evaluate(() => new Date(Date.UTC(2015, 3, 1)).getTimezoneOffset())).toBe(420);
  await startImport(page);
  await chooseFile(page, join(xlsxFixtures, 'nhs_like.xlsx'));

  await expect(page.getByTestId('import-sheet')).toHaveText('Sheet: “Measurements”, one of 2 sheets');
  await expect(page.getByText('The columns match the preset “NHS 111 Minimum Data Set”.')).toBeVisible();
  await page.getByRole('button', { name: 'Check the file' }).click();
  // A date read through local time would put 2015-05-01 00:00 UTC into April and repeat a provider-month.
  await expect(page.getByTestId('import-review')).toContainText('Ready to import 28 results for 3 providers and 4 KPIs.');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('28 results added');
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('searchbox', { name: 'Search providers' }).fill('111AA2');
  const row = page.getByTestId('providers-table').locator('tbody tr').first();
  await expect(row).toContainText('Apr 2015');
  await row.click();
  const labels = page.getByTestId('kpi-chart-nhs111.answeredWithin60s').locator('svg text');
  await expect(labels.filter({ hasText: 'Apr 2015' }).first()).toBeAttached();
  await expect(labels.filter({ hasText: 'Mar 2015' })).toHaveCount(0);
  await expect(page.getByTestId('kpi-card-nhs111.answeredWithin60s')).toContainText('1 months with data');
  await context.close();
});

test('semicolon CSV shows and overrides its number format', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await startImport(page);
  await chooseFile(page, join(csvFixtures, 'decimal_comma.csv'));

  await expect(page.getByTestId('import-delimiter')).toHaveText('Delimiter: semicolon (detected)');
  await expect(page.getByTestId('import-numbers')).toHaveText('Numbers: 1.234,5 (detected)');
  const previewColumns = page.locator('.preview-table thead th');
  await expect(previewColumns).toHaveCount(8);

  await page.getByTestId('delimiter-select').selectOption(',');
  await expect(page.getByTestId('import-delimiter')).toHaveText('Delimiter: comma (chosen; detected: semicolon)');
  await expect(previewColumns).toHaveCount(1);
  await page.getByTestId('delimiter-select').selectOption('detected');
  await expect(previewColumns).toHaveCount(8);

  await page.getByTestId('number-locale-select').selectOption('point');
  await expect(page.getByTestId('import-numbers')).toHaveText('Numbers: 1,234.5 (chosen; detected: 1.234,5)');
  await mapBacklog(page);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-issues')).toContainText('Line 2, column “Backlog”: “312,5” is not a number.');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByTestId('number-locale-select').selectOption('detected');
  await expect(page.getByTestId('import-numbers')).toHaveText('Numbers: 1.234,5 (detected)');
  await mapBacklog(page);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('import-review')).toContainText('Ready to import 4 results for 2 providers and 1 KPI.');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-done')).toContainText('4 results added');
  await context.close();
});

async function mapBacklog(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Provider code (optional)' }).selectOption('Supplier ID');
  await page.getByRole('combobox', { name: 'Provider name' }).selectOption('Supplier');
  await page.getByRole('combobox', { name: 'Month' }).selectOption('Month');
  const backlog = page.getByTestId('kpi-draft-0');
  await backlog.getByRole('textbox', { name: 'KPI name' }).fill('Backlog');
  await backlog.getByRole('combobox', { name: 'Kind' }).selectOption('value');
  await backlog.getByRole('combobox', { name: 'Value column' }).selectOption('Backlog');
}

test('dropped workbook names sheet and cell of each problem', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await startImport(page);

  const base64 = readFileSync(join(xlsxFixtures, 'errors.xlsx')).toString('base64');
  // A string expression, because the Node-side type check has no DOM types such as DataTransfer.
  const transfer = await page.evaluateHandle(`(() => {
    const bytes = Uint8Array.from(atob('${base64}'), (character) => character.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'errors.xlsx'));
    return data;
  })()`);
  await page.getByTestId('import-drop-zone').dispatchEvent('drop', { dataTransfer: transfer });

  await expect(page.getByTestId('import-sheet')).toHaveText('Sheet: “Scorecard”');
  await expect(page.getByTestId('import-numbers')).toHaveText('Numbers: 1.234,5 (detected)');
  await page.getByRole('combobox', { name: 'Provider code (optional)' }).selectOption('Supplier ID');
  await page.getByRole('combobox', { name: 'Provider name' }).selectOption('Supplier');
  await page.getByRole('combobox', { name: 'Month' }).selectOption('Month');
  const contacts = page.getByTestId('kpi-draft-0');
  await contacts.getByRole('textbox', { name: 'KPI name' }).fill('Resolution');
  await contacts.getByRole('combobox', { name: 'Numerator column' }).selectOption('Resolved first time');
  await contacts.getByRole('combobox', { name: 'Denominator column' }).selectOption('Contacts');
  await page.getByRole('button', { name: 'Check the file' }).click();

  const issues = page.getByTestId('import-issues');
  await expect(issues).toContainText('Sheet “Scorecard”, cell C3 (column “Month”): “Q2 2015” is not a month.');
  await expect(issues).toContainText('Sheet “Scorecard”, cell E4 (column “Contacts”): “#N/A” is not a number for this KPI.');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await context.close();
});
