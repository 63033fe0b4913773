import { expect, test } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import {
  answeredKey,
  answeredMonthsBelow,
  callBackKey,
  callBackMonthsBelow,
  fillServiceLevel,
  kpiCard,
  mostBreachedProviderCode,
  openProvider,
  openSample,
  openSection,
  setServiceLevel,
} from './providerEditing';
import { sampleBreachCount, sampleProviders } from './sampleData';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

const code = mostBreachedProviderCode();

test('rename keeps the old name findable', async () => {
  const oldName = sampleProviders().get(code) ?? '';
  const otherName = [...sampleProviders().values()].find((name) => name !== oldName) ?? '';
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openProvider(page, code);

  await page.getByRole('button', { name: 'Rename' }).click();
  const form = page.getByTestId('rename-form');
  const nameInput = form.getByLabel('Provider name');
  await expect(nameInput).toHaveValue(oldName);

  await nameInput.fill('   ');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('Provider name is empty. Type a name.');
  await expect(nameInput).toHaveAttribute('aria-invalid', 'true');

  await nameInput.fill(otherName.toLowerCase());
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    `Provider name: another provider is already called “${otherName}”. Type a different name.`,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(oldName);

  await nameInput.fill('  Alpha Health Line ');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Alpha Health Line');
  await expect(page.getByText(`Formerly: ${oldName}`)).toBeVisible();
  await expect(form).toHaveCount(0);

  await openSection(page, 'Providers');
  const search = page.getByRole('searchbox', { name: 'Search providers' });
  const rows = page.getByTestId('providers-table').locator('tbody tr');
  await search.fill('Alpha Health Line');
  await expect(rows).toHaveCount(1);
  await search.fill(oldName);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Alpha Health Line');

  await page.reload();
  await search.fill(oldName);
  await expect(page.getByTestId('provider-count')).toHaveText('1 provider');
  await expect(rows.first()).toContainText('Alpha Health Line');
  await context.close();
});

test('changed minimum changes the breach count', async () => {
  const sample = sampleBreachCount();
  const before = answeredMonthsBelow(code, 95);
  const after = answeredMonthsBelow(code, 90);
  // The chosen provider must have months between 90% and 95%, or the edit would change nothing.
  expect(after).toBeLessThan(before);

  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openSection(page, 'Dashboard');
  await expect(page.getByTestId('breach-total')).toHaveText(`${sample.answered + sample.abandoned} breaches`);

  await openProvider(page, code);
  const card = kpiCard(page, answeredKey);
  await expect(card.getByTestId('months-below')).toHaveText(`${before} months missed the minimum`);

  const form = await fillServiceLevel(page, answeredKey, '95', '96');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'Minimum level: 96 is above the expected level 95. Higher results are better for this KPI, so the minimum must be at most the expected level.',
  );
  await form.getByLabel(/^Minimum level/).fill('ninety');
  await form.getByLabel(/^Expected level/).fill('101');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toContainText('Expected level: 101 is outside 0 to 100. Type a percentage from 0 to 100.');
  await expect(form.getByRole('alert')).toContainText('Minimum level: “ninety” is not a number.');
  await expect(form.getByLabel(/^Expected level/)).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByTestId('service-level')).toContainText('minimum service level 95.00%');

  await form.getByLabel(/^Expected level/).fill('95');
  await form.getByLabel(/^Minimum level/).fill('90');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect(card.getByTestId('service-level')).toHaveText(
    'Expected at least 95.00%; minimum service level 90.00%: a month below it is a breach.',
  );
  await expect(card.getByTestId('months-below')).toHaveText(`${after} months missed the minimum`);

  await openSection(page, 'Dashboard');
  const total = sample.answered + sample.abandoned - before + after;
  await expect(page.getByTestId('breach-total')).toHaveText(`${total} breaches`);
  await expect(page.getByTestId(`breach-count-${answeredKey}`)).toContainText(String(sample.answered - before + after));
  await context.close();
});

test('service level can be added where none exists', async () => {
  const sample = sampleBreachCount();
  const below = callBackMonthsBelow(code, 50);
  expect(below).toBeGreaterThan(0);

  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openProvider(page, code);
  const card = kpiCard(page, callBackKey);
  await expect(card.getByTestId('service-level')).toHaveText('Reported KPI with no service level');

  await card.getByRole('button', { name: 'Add service level' }).click();
  const form = card.getByTestId('service-level-form');
  await expect(form.getByLabel('Expected level (%)')).toHaveValue('');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toContainText('Expected level is empty. Type a number.');
  await expect(form.getByRole('alert')).toContainText('Minimum level is empty. Type a number.');

  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByTestId('service-level')).toHaveText('Reported KPI with no service level');

  await setServiceLevel(page, callBackKey, '80', '50');
  await expect(card.getByTestId('service-level')).toHaveText(
    'Expected at least 80.00%; minimum service level 50.00%: a month below it is a breach.',
  );
  await expect(card.getByTestId('months-below')).toHaveText(`${below} months missed the minimum`);

  await openSection(page, 'Dashboard');
  await expect(page.getByTestId('breach-total')).toHaveText(`${sample.answered + sample.abandoned + below} breaches`);
  await expect(page.getByTestId(`breach-count-${callBackKey}`)).toContainText(String(below));
  await context.close();
});
