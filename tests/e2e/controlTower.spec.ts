/**
 * The Dashboard's control tower on the NHS 111 sample. The expected statuses are computed here from
 * the CSV file and the illustrative contract's levels, independently of the app.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { sampleProviders, sampleRows } from './sampleData';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

/** Providers with an illustrative contract, and the levels of its two critical service levels. */
const contractCodes = ['111AA7', '111AC9', '111AF8'];
const answeredLevels = { expected: 96, minimum: 95 };
const abandonedLevels = { expected: 2, minimum: 5 };

type Status = 'Met' | 'Below expected' | 'Missed';

/** Status labels of a provider in March 2016, answered within 60 s first, then abandoned. */
function marchStatuses(code: string): [Status, Status] {
  const row = sampleRows().find((candidate) => candidate.code === code && candidate.period === '2016-03');
  if (row === undefined) throw new Error(`no March 2016 row for ${code}`);
  const answered = (100 * row.answeredWithin60s) / row.answered;
  const abandoned = (100 * row.abandoned) / row.offered;
  return [statusOf(-answered, -answeredLevels.minimum, -answeredLevels.expected), statusOf(abandoned, abandonedLevels.minimum, abandonedLevels.expected)];
}

/** Judges a lower-is-better result; a higher-is-better one is judged with every number negated. */
function statusOf(result: number, minimum: number, expected: number): Status {
  if (result > minimum) return 'Missed';
  if (result > expected) return 'Below expected';
  return 'Met';
}

function providerName(code: string): string {
  const name = sampleProviders().get(code);
  if (name === undefined) throw new Error(`no provider ${code} in the sample`);
  return name;
}

async function openDashboard(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await page.getByRole('navigation').getByRole('button', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('status-board')).toBeVisible();
}

test('status board labels each contract level', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openDashboard(page);

  const board = page.getByTestId('status-board');
  await expect(board.getByRole('heading')).toHaveText('Status in March 2016');
  await expect(page.getByTestId('illustrative-note')).toContainText('illustrative');
  const rows = page.getByTestId('status-board-table').locator('tbody tr');
  await expect(rows).toHaveCount(contractCodes.length);

  const seen = new Set<string>();
  for (const code of contractCodes) {
    const row = rows.filter({ hasText: providerName(code) });
    await expect(row, code).toHaveCount(1);
    // Columns are by KPI name: "Calls abandoned" before "Calls answered within 60 seconds".
    const [answered, abandoned] = marchStatuses(code);
    const labels = row.locator('.rag-label');
    await expect(labels, code).toHaveText([abandoned, answered]);
    seen.add(answered);
    seen.add(abandoned);
  }
  // The sample's contracts were chosen to show every status.
  expect([...seen].sort()).toEqual(['Below expected', 'Met', 'Missed']);
  await context.close();
});

test('quarter credits match provider panel', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openDashboard(page);

  const credits = page.getByTestId('control-tower-credits');
  await expect(credits.getByRole('heading')).toHaveText('Service credits in 2016-Q1');
  const total = credits.getByTestId('credits-total-GBP').locator('strong');
  await expect(total).toHaveText(/^£[\d,]+\.\d{2}$/);
  expect(await total.textContent()).not.toBe('£0.00');

  // The headline's "owed" is the sum of the contracts' "owed", as the provider ledgers count it.
  const pence = (text: string | null) => Math.round(Number((text ?? '').replace(/[£,]/g, '')) * 100);
  const owedCells = await credits.getByTestId('credits-owed').allTextContents();
  expect(owedCells.reduce((sum, cell) => sum + pence(cell), 0)).toBe(pence(await total.textContent()));

  const name = providerName('111AC9');
  const row = credits.getByTestId('credits-contracts').locator('tbody tr').filter({ hasText: name });
  const owed = (await row.getByTestId('credits-owed').textContent()) ?? '';
  expect(owed).toMatch(/^£[\d,]+\.\d{2}$/);
  expect(owed).not.toBe('£0.00');

  await row.getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const ledgerRow = page.getByTestId('service-credits').getByTestId('credits-ledger').locator('tbody tr').filter({ hasText: '2016-Q1' });
  await expect(ledgerRow).toHaveCount(1);
  // The ledger's second column is "Credits owed".
  await expect(ledgerRow.locator('td').nth(1)).toHaveText(owed);
  await context.close();
});

test('heatmap spans the sample year', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openDashboard(page);

  const heatmap = page.getByTestId('control-tower-heatmap');
  // The chart renders once it is scrolled near the viewport.
  await heatmap.scrollIntoViewIfNeeded();
  await expect(heatmap.getByTestId('heatmap-chart').locator('svg')).toBeVisible();
  await heatmap.getByText('Show the heatmap as a table').click();
  const table = heatmap.getByTestId('heatmap-table');
  const months = table.locator('thead th').filter({ hasNotText: 'Provider' });
  await expect(months).toHaveCount(12);
  await expect(months.first()).toHaveText('Apr 2015');
  await expect(months.last()).toHaveText('Mar 2016');

  // North West including Blackpool has no result before October 2015: an empty cell, not a colour.
  const northWest = table.locator('tbody tr').filter({ hasText: providerName('111AF8') });
  const april = northWest.locator('td[data-period="2015-04"]');
  await expect(april).toHaveText('No data');
  await expect(april).toHaveClass(/rag-empty/);
  await expect(april).not.toHaveClass(/rag-(red|green|amber)/);
  await expect(northWest.locator('td[data-period="2016-03"]')).toHaveClass(/rag-red/);
  await context.close();
});

test('insights name repeated misses', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openDashboard(page);

  const insights = page.getByTestId('control-tower-insights');
  const items = insights.locator('li');
  await expect(items.first()).toBeVisible({ timeout: 30_000 });
  const analytic = insights.locator('li[data-kind="repeatedMisses"], li[data-kind="trendingToBreach"]');
  await expect(analytic.first()).toBeVisible();
  const westMidlands = insights.locator('li[data-kind="repeatedMisses"]').filter({ hasText: providerName('111AC9') });
  await expect(westMidlands.first()).toContainText('Calls answered within 60 seconds missed its minimum in 5 of the last 6 months');
  await context.close();
});

test('all service levels widen the board', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openDashboard(page);

  await page.getByTestId('control-tower').getByLabel('Show').selectOption('all');
  await expect(page.getByTestId('status-board-summary')).toContainText('without data');
  // Every provider has a service level, so every provider has a row; 111AF5 and 111AF6 end in September 2015 and show no data.
  await expect(page.getByTestId('status-board-table').locator('table')).toHaveAttribute('aria-rowcount', String(46 + 1));
  await context.close();
});

/**
 * Records in the page which panels the dashboard has at the first moment it contains no part
 * marked busy. The service level bench takes that moment as the one its content is shown.
 */
const contentAtReadyScript = `
  globalThis.__panelsAtReady = null;
  const observer = new MutationObserver(() => {
    const dashboard = document.querySelector('section[aria-labelledby="dashboard-title"]');
    if (dashboard === null || dashboard.querySelector('[aria-busy="true"]') !== null) return;
    observer.disconnect();
    globalThis.__panelsAtReady = [...dashboard.querySelectorAll('[data-testid]')].map((node) => node.getAttribute('data-testid'));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
`;

test('content is complete when not busy', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openDashboard(page);
  // The summary is cached now, so the reload below shows the dashboard from the cache.
  await expect(page.getByTestId('breach-total')).toBeVisible();
  await context.addInitScript({ content: contentAtReadyScript });

  await page.reload();
  // A function rather than a string, because the app's Content Security Policy blocks the eval that a string predicate needs while polling.
  const handle = await page.waitForFunction(() => (globalThis as unknown as { __panelsAtReady: string[] | null }).__panelsAtReady);
  const panels = await handle.jsonValue();
  const firstScreen = ['status-board', 'status-board-table', 'control-tower-credits', 'control-tower-escalations', 'control-tower-insights', 'control-tower-heatmap'];
  for (const panel of firstScreen) {
    expect(panels, panel).toContain(panel);
  }
  // The breach list below the control tower follows once the page is idle, without scrolling to it.
  expect(await page.evaluate<number>('window.scrollY')).toBe(0);
  await expect(page.getByTestId('breach-total')).toHaveText(/^\d+ breaches$/);
  await expect(page.getByTestId('breaches-table').locator('tbody tr').first()).toBeAttached();
  await context.close();
});

test('cached board refreshes after an edit', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openDashboard(page);
  const board = page.getByTestId('status-board-table');
  const oldName = providerName('111AC9');
  await expect(board).toContainText(oldName);

  // A reload reads the stored summary, which matches the data, so no update runs.
  await page.reload();
  await expect(board).toContainText(oldName);
  await expect(page.getByTestId('dashboard-updating')).toHaveCount(0);

  await board.getByRole('row').filter({ hasText: oldName }).click();
  await page.getByRole('button', { name: 'Rename' }).click();
  const form = page.getByTestId('rename-form');
  await form.getByLabel('Provider name').fill('Renamed Health Line');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Renamed Health Line');

  // The stored summary is now older than the data: the worker computes a new one.
  await page.getByRole('navigation').getByRole('button', { name: 'Dashboard' }).click();
  await expect(board).toContainText('Renamed Health Line');
  await expect(board).not.toContainText(oldName);
  await expect(page.getByTestId('dashboard-updating')).toHaveCount(0);

  await page.reload();
  await expect(board).toContainText('Renamed Health Line');
  await expect(page.getByTestId('dashboard-updating')).toHaveCount(0);
  await context.close();
});
