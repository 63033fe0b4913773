/**
 * KPI analytics on the provider page of the NHS 111 sample: control limits, forecast and breach
 * probability sentences, and months without data drawn as breaks in the result line.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { sampleRows } from './sampleData';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

/** 111AF5 reported April to September 2015 only, so October 2015 to March 2016 are gaps on its chart. */
const providerCode = '111AF5';
const kpiKey = 'nhs111.answeredWithin60s';

async function openProviderCard(page: Page): Promise<Locator> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await page.getByRole('searchbox', { name: 'Search providers' }).fill(providerCode);
  await page.getByTestId('providers-table').locator('tbody tr').first().click();
  const card = page.getByTestId(`kpi-card-${kpiKey}`);
  await expect(card.getByTestId(`kpi-chart-${kpiKey}`).locator('svg')).toBeVisible();
  return card;
}

/** Percentages of calls answered within 60 seconds, by month, computed from the CSV without the app. */
function monthlyResults(): number[] {
  return sampleRows()
    .filter((row) => row.code === providerCode)
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((row) => (100 * row.answeredWithin60s) / row.answered);
}

const percent = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

test('card explains control limits and forecast', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  const card = await openProviderCard(page);

  // Individuals chart by hand: mean, and sigma from the average moving range / 1.128.
  const results = monthlyResults();
  expect(results).toHaveLength(6);
  const mean = results.reduce((total, value) => total + value, 0) / results.length;
  let rangeTotal = 0;
  for (let index = 1; index < results.length; index += 1) rangeTotal += Math.abs((results[index] ?? 0) - (results[index - 1] ?? 0));
  const sigma = rangeTotal / (results.length - 1) / 1.128;
  const format = (value: number) => percent.format(value / 100);

  const analysis = card.getByTestId('kpi-analysis');
  await expect(analysis).toContainText(
    `Control chart: mean ${format(mean)}, control limits ${format(mean - 3 * sigma)} to ${format(mean + 3 * sigma)}, from 6 months with data.`,
  );
  await expect(analysis).toContainText(
    /Forecast for Oct 2015: \d+\.\d\d% \(80% interval \d+\.\d\d% to \d+\.\d\d%\), trend (rising|falling) [\d.]+ points a month, from the last 6 months with data\./,
  );
  await expect(analysis).toContainText(/Probability that Oct 2015 misses the minimum service level of 95\.00%: (\d{1,2}%|less than 1%|more than 99%)\./);

  await analysis.getByText(/^Analysis: \d+ more lines?$/).click();
  await expect(analysis).toContainText('The control limits are provisional: they settle once 20 months have data.');
  await expect(analysis).toContainText(/Forecast for Dec 2015: /);

  const chartText = card.getByTestId(`kpi-chart-${kpiKey}`).locator('svg text');
  await expect(chartText.filter({ hasText: /^Upper control limit$/ })).toHaveCount(1);
  await expect(chartText.filter({ hasText: /^Forecast$/ })).toHaveCount(1);
  await context.close();
});

test('months without data are breaks, not zeros', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  const card = await openProviderCard(page);
  const svg = card.getByTestId(`kpi-chart-${kpiKey}`).locator('svg');

  // The axis runs April 2015 to March 2016 for every provider of the sample.
  await expect(svg.locator('text').filter({ hasText: 'Mar 2016' })).toHaveCount(1);

  // The result line (its colour is set in kpiChartOption.ts) has one vertex per month with data.
  // Were the six months without data drawn as 0, it would have twelve.
  const resultLine = svg.locator('path[stroke="#1f5fbf"][fill="none"]');
  await expect(resultLine).toHaveCount(1);
  const path = (await resultLine.getAttribute('d')) ?? '';
  const vertices = path.match(/[ML]/g) ?? [];
  expect(vertices).toHaveLength(6);

  // A zero would also pull the value axis down to 0%.
  await expect(svg.locator('text').filter({ hasText: /^0\.00%$/ })).toHaveCount(0);
  await context.close();
});
