import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { answeredKey, kpiCard, mostBreachedProviderCode, openProvider, openSample } from './providerEditing';
import { sampleProviders, sampleRows } from './sampleData';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

const code = mostBreachedProviderCode();
const contractTitle = 'NHS 111 call handling';

/** Months of the sample in which the provider has a row, which is also its months with data for every KPI it reports. */
function sampleMonths(providerCode: string): number {
  return new Set(
    sampleRows()
      .filter((row) => row.code === providerCode)
      .map((row) => row.period),
  ).size;
}

async function addContractWithCharges(page: Page): Promise<void> {
  const section = page.getByTestId('provider-contracts');
  await section.getByRole('button', { name: 'Add contract' }).click();
  const addForm = section.getByTestId('add-contract-form');
  await addForm.getByLabel('Contract title').fill(contractTitle);
  await addForm.getByLabel('Currency (ISO 4217 code)').fill('GBP');
  await addForm.getByRole('button', { name: 'Add' }).click();
  await expect(section.getByRole('row', { name: new RegExp(contractTitle) })).toBeVisible();

  await section.getByRole('button', { name: `Edit charges of ${contractTitle}` }).click();
  const form = section.getByTestId('contract-terms-form');
  await form.getByLabel('Monthly charges (GBP)').fill('250000');
  await form.getByLabel('At risk (% of the monthly charges)').fill('30');
  await expect(form.getByRole('status')).toContainText('More than 25%');
  await form.getByLabel('At risk (% of the monthly charges)').fill('12');
  await expect(form.getByTestId('at-risk-amount')).toContainText('£30,000.00');
  await form.getByRole('button', { name: 'Save charges' }).click();
  await expect(form).toHaveCount(0);
}

async function makeAnsweredCritical(page: Page): Promise<void> {
  const card = kpiCard(page, answeredKey);
  await card.getByText('Credit terms', { exact: true }).click();
  const form = card.getByTestId('service-terms-form');
  await form.getByLabel('Contract').selectOption({ label: contractTitle });
  await form.getByLabel('Critical service level (carries service credits)').check();
  await form.getByLabel('Allocation of the at-risk amount (%)').fill('40');
  await form.getByLabel('Credit rule').selectOption({ label: 'Tiered by result' });
  await form.getByLabel('Tier 1: worse than (%)').fill('95');
  await form.getByLabel('Tier 1: share of the allocation (%)').fill('50');
  await form.getByRole('button', { name: 'Add tier' }).click();
  await form.getByLabel('Tier 2: worse than (%)').fill('90');
  await form.getByLabel('Tier 2: share of the allocation (%)').fill('100');
  await form.getByLabel('Go-live month').fill('2015-04');
  await form.getByRole('button', { name: 'Add month' }).click();
  await form.getByLabel('Step 1: expected level').fill('90');
  await form.getByLabel('Step 1: minimum level').fill('85');
  await form.getByRole('button', { name: 'Save credit terms' }).click();
}

const expectedSummary = 'Critical: 40% of the at-risk amount, tiered credit (2 tiers), no earn-back, glide path of 1 month from Apr 2015.';

test('contract charges and credit terms survive a reload', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openProvider(page, code);

  await addContractWithCharges(page);
  const row = page.getByTestId('provider-contracts').getByRole('row', { name: new RegExp(contractTitle) });
  await expect(row.getByTestId('monthly-charges')).toHaveText('£250,000.00');
  await expect(row.getByTestId('monthly-cap')).toHaveText('£30,000.00');

  await makeAnsweredCritical(page);
  const card = kpiCard(page, answeredKey);
  await expect(card.getByTestId('terms-summary')).toHaveText(expectedSummary);
  await expect(row.getByTestId('critical-allocation')).toHaveText('40% (1 level)');

  await page.reload();
  await expect(page.getByText(`Code ${code}`)).toBeVisible({ timeout: 30_000 });
  await expect(row.getByTestId('at-risk-percent')).toHaveText('12%');
  await expect(row.getByTestId('monthly-cap')).toHaveText('£30,000.00');
  await expect(card.getByTestId('terms-summary')).toHaveText(expectedSummary);
  await card.getByText('Credit terms', { exact: true }).click();
  const form = card.getByTestId('service-terms-form');
  await expect(form.getByLabel('Critical service level (carries service credits)')).toBeChecked();
  await expect(form.getByLabel('Tier 2: worse than (%)')).toHaveValue('90');
  await expect(form.getByLabel('Step 1: minimum level')).toHaveValue('85');
  await expect(form.getByLabel('Go-live month')).toHaveValue('2015-04');
  await context.close();
});

test('terms form names invalid fields and saves nothing', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openProvider(page, code);
  const card = kpiCard(page, answeredKey);
  await card.getByText('Credit terms', { exact: true }).click();
  const form = card.getByTestId('service-terms-form');
  await form.getByLabel('Critical service level (carries service credits)').check();
  await form.getByLabel('Earn-back (months)').fill('13');
  await form.getByRole('button', { name: 'Save credit terms' }).click();

  await expect(form.getByRole('alert')).toHaveText('Nothing was saved: 3 fields need correcting.');
  await expect(form.getByLabel('Earn-back (months)')).toHaveAttribute('aria-invalid', 'true');
  await expect(form).toContainText('Earn-back (months) is outside 0 to 12.');
  await expect(form).toContainText('Contract: a critical service level needs a contract.');
  await expect(card.getByTestId('terms-summary')).toHaveText('Reported KPI: no service credits.');
  await context.close();
});

test('grid entry shows on the chart; invalid cell saves nothing', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  const name = sampleProviders().get(code) ?? '';

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Measurements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Measurements' })).toBeVisible();
  await page.getByRole('combobox', { name: /^Provider/ }).selectOption({ label: `${name} (${code})` });
  await expect(page.getByLabel('From month')).toHaveValue('2015-04');
  await expect(page.getByLabel('To month')).toHaveValue('2016-03');
  await page.getByLabel('To month').fill('2016-04');

  const grid = page.getByTestId('measurement-grid');
  const april = grid.getByRole('textbox', { name: /^Calls answered within 60 seconds, April 2016$/ });
  await expect(april).toHaveValue('');
  await april.fill('97.5');
  await page.getByRole('button', { name: 'Save 1 change' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved: 1 added, 0 changed, 0 deleted.');

  // An invalid cell blocks the whole save, including a valid change made with it.
  const march = grid.getByRole('textbox', { name: /^Calls answered within 60 seconds, March 2016$/ });
  const marchStored = await march.inputValue();
  await april.fill('98');
  await march.fill('ninety');
  await expect(march).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Save 1 change' }).click();
  await expect(page.getByRole('alert')).toHaveText('Nothing was saved: 1 cell is not a valid result. Correct it or clear it.');
  await expect(page.getByTestId('grid-errors')).toContainText('“ninety” is not a number.');
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(march).toHaveValue(marchStored);
  await expect(april).toHaveValue('97.5');

  await openProvider(page, code);
  const card = kpiCard(page, answeredKey);
  await expect(card).toContainText(`${String(sampleMonths(code) + 1)} months with data`);
  await context.close();
});
