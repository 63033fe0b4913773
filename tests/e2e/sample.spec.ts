import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { sampleBreachCount, sampleProviders, sampleProvidersWithoutBreaches, sampleWorstBreach } from './sampleData';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
}

test('sample lists every provider of the file', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await expect(page.getByText(/Open Government Licence v3\.0/)).toBeVisible();
  // The empty portfolio made at first start became the sample, so no empty "Portfolio 1" is left.
  await expect(page.getByTestId('portfolio-switcher').locator('option')).toHaveText(['NHS 111 sample (2015-16)']);

  const search = page.getByRole('searchbox', { name: 'Search providers' });
  for (const [code, name] of sampleProviders()) {
    await search.fill(code);
    const row = page.getByTestId('providers-table').locator('tbody tr');
    await expect(row, `provider ${code}`).toHaveCount(1);
    await expect(row).toContainText(name);
  }
  await context.close();
});

test('providers sort, filter and open from the keyboard', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  const rows = page.getByTestId('providers-table').locator('tbody tr');
  const names = [...sampleProviders().values()].sort((a, b) => a.localeCompare(b));

  await expect(rows.first()).toContainText(names[0]!);
  await page
    .getByRole('columnheader', { name: /^Provider/ })
    .getByRole('button')
    .click();
  await expect(rows.first()).toContainText(names.at(-1)!);

  const clean = sampleProvidersWithoutBreaches();
  await page.getByRole('combobox', { name: 'Show' }).selectOption('met');
  await expect(page.getByTestId('provider-count')).toHaveText(`${clean.length} ${clean.length === 1 ? 'provider' : 'providers'}`);
  await page.getByRole('combobox', { name: 'Show' }).selectOption('breached');
  await expect(page.getByTestId('provider-count')).toHaveText(`${46 - clean.length} providers`);
  await page.getByRole('combobox', { name: 'Show' }).selectOption('all');

  await page
    .getByRole('columnheader', { name: /^Provider/ })
    .getByRole('button')
    .click();
  // A row looks and reads as something that opens: pointer, the name as a link, a description.
  await expect(rows.first()).toHaveCSS('cursor', 'pointer');
  await expect(rows.first()).toHaveAccessibleDescription('Press Enter or click to open the provider.');
  const name = rows.nth(1).locator('.row-link');
  await expect(name).toHaveCSS('color', 'rgb(31, 95, 191)');
  await expect(name).toHaveCSS('text-decoration-line', 'none');
  await rows.nth(1).hover();
  await expect(name).toHaveCSS('text-decoration-line', 'underline');

  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  // The keyboard moves a visible focus ring to the next row.
  await expect(rows.nth(1)).toBeFocused();
  await expect(rows.nth(1)).toHaveCSS('outline-style', 'solid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(names[1]!);
  await context.close();
});

test('provider page shows its months and keeps a renamed provider whole', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);

  await page.getByRole('searchbox', { name: 'Search providers' }).fill('111AF5');
  await page.getByTestId('providers-table').locator('tbody tr').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('NORTH WEST EXC BLACKPOOL NHS 111');
  await expect(page.getByText('Formerly: NORTH WEST NHS 111')).toBeVisible();

  const chart = page.getByTestId('kpi-chart-nhs111.answeredWithin60s');
  await expect(chart.locator('svg')).toBeVisible();
  await expect(page.getByTestId('kpi-card-nhs111.answeredWithin60s')).toContainText('6 months with data');
  await expect(page.getByTestId('kpi-card-nhs111.answeredWithin60s')).toContainText(
    'Expected at least 95.00%; minimum service level 95.00%',
  );
  await context.close();
});

test('data survives a restart of the browser', async () => {
  let context = await profile.launch();
  let page = await context.newPage();
  await openSample(page);
  await context.close();

  context = await profile.launch();
  page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers');
  await expect(page.getByTestId('portfolio-switcher')).toContainText('NHS 111 sample (2015-16)');
  await context.close();
});

test('dashboard lists breaches worst first', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Dashboard' }).click();

  const expected = sampleBreachCount();
  const total = expected.answered + expected.abandoned;
  await expect(page.getByTestId('breach-total')).toHaveText(`${total} breaches`);
  await expect(page.getByTestId('breach-count-nhs111.answeredWithin60s')).toContainText(String(expected.answered));
  const worst = sampleWorstBreach();
  const [year = '', month = ''] = worst.period.split('-');
  const monthLabel = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(Number(year), Number(month) - 1, 1),
  );
  const firstRow = page.getByTestId('breaches-table').locator('tbody tr').first();
  await expect(firstRow).toContainText(worst.name);
  await expect(firstRow).toContainText(monthLabel);
  await context.close();
});

for (const timezoneId of ['Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
  test(`chart month labels exact in ${timezoneId}`, async () => {
    const context = await profile.launch({ timezoneId });
    const page = await context.newPage();
    await openSample(page);
    await page.getByRole('searchbox', { name: 'Search providers' }).fill('111AA1');
    await page.getByTestId('providers-table').locator('tbody tr').first().click();

    const labels = page.getByTestId('kpi-chart-nhs111.answeredWithin60s').locator('svg text');
    await expect(labels.filter({ hasText: 'Apr 2015' }).first()).toBeAttached();
    await expect(labels.filter({ hasText: 'Mar 2016' }).first()).toBeAttached();
    // A month shifted by the time zone would show March 2015; the axis goes on past March 2016 only for the forecast.
    await expect(labels.filter({ hasText: 'Mar 2015' })).toHaveCount(0);
    await context.close();
  });
}

test('sample brings governance records', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  const sections = page.getByRole('navigation', { name: 'Sections' });

  await sections.getByRole('button', { name: 'Risks' }).click();
  await expect(page.getByTestId('risk-count')).toHaveText('9 risks shown');

  await sections.getByRole('button', { name: 'Governance' }).click();
  await expect(page.getByTestId('past-meetings')).toContainText('Monthly service review, West Midlands');
  await expect(page.getByTestId('upcoming-meetings')).toContainText('Joint steering committee, West Midlands');
  await page.getByRole('tab', { name: 'Decision log' }).click();
  await expect(page.getByTestId('decision-row').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Actions' }).click();
  await expect(page.getByTestId('actions-tab').getByText('Overdue').first()).toBeVisible();

  await sections.getByRole('button', { name: 'Providers' }).click();
  await page.getByRole('searchbox', { name: 'Search providers' }).fill('111AC9');
  await page.getByTestId('providers-table').locator('tbody tr').first().click();
  await expect(page.getByTestId('provider-sites').getByTestId('site-row')).toHaveCount(2);
  await expect(page.getByTestId('provider-sites')).toContainText('Pune');

  // The contract has been renewed since the data's year: its term runs today, its notice
  // deadline lies ahead, and both standing meetings are linked to it.
  const contract = page.locator('[data-testid^="contract-details-"]');
  await expect(contract.getByTestId('contract-term').locator('time').first()).toHaveAttribute('datetime', '2015-04-01');
  const termEnd = await contract.getByTestId('contract-term').locator('time').last().getAttribute('datetime');
  expect(termEnd ?? '').toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect((termEnd ?? '') > localToday()).toBe(true);
  await expect(contract.getByTestId('notice-deadline')).toContainText(/in \d+ days/);
  await expect(contract.getByTestId('linked-cadences').getByRole('listitem')).toHaveText([
    'Monthly service review, West Midlands',
    'Joint steering committee, West Midlands',
  ]);
  await context.close();
});

/** Returns today's date on this computer as `YYYY-MM-DD`. */
function localToday(): string {
  const now = new Date();
  return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

test('section bar fits one row at 1280 px', async () => {
  const context = await profile.launch({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openSample(page);
  const sections = page.getByRole('navigation', { name: 'Sections' }).getByRole('button');
  expect(await sections.count()).toBeGreaterThan(10);
  const tops: number[] = [];
  for (const button of await sections.all()) tops.push(Math.round((await button.boundingBox())?.y ?? -1));
  expect(new Set(tops).size).toBe(1);
  await context.close();
});
