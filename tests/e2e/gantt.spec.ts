/**
 * The Gantt view as a vendor manager drives it. The browser runs in New York time, so the plan
 * crosses a daylight-saving change (14 March 2021). The test creates a plan from the BPO template
 * for a sample provider and drags a task by one working day with the mouse. Its successor and the
 * critical path follow, undo and redo restore them, and after a baseline and a change to the plan
 * the grid and the summary line show the variance.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { sampleProviders } from './sampleData';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

const dayMs = 24 * 60 * 60 * 1000;

/** Whole days from one `YYYY-MM-DD` date to another, counted in UTC so no time zone enters. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

async function createPlanFromTemplate(page: Page, title: string, startOn: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  const providerName = [...sampleProviders().values()].sort((a, b) => a.localeCompare(b))[0] ?? '';

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Transition plans' }).click();
  await page.getByRole('button', { name: 'New plan from template' }).click();
  const form = page.getByRole('form', { name: 'New plan from the BPO transition template' });
  await form.getByLabel('Provider').selectOption({ label: providerName });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Start date').fill(startOn);
  await form.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByTestId('plan-title')).toHaveText(title);
  await expect(page.getByTestId('gantt-grid')).toBeVisible();
}

function taskRow(page: Page, name: string): Locator {
  return page.getByTestId('gantt-grid').locator('tbody tr', { hasText: name });
}

function cell(row: Locator, column: string): Locator {
  return row.locator(`td[data-column="${column}"]`);
}

/**
 * Drags a task's bar by `days` days with the mouse. The bar is at the height of its grid row. Its
 * horizontal place comes from the chart's time scale, published on the chart element as the date
 * at x = 0 (`data-first-day`) and the width of a day in pixels (`data-day-width`).
 */
async function dragBar(page: Page, row: Locator, start: string, days: number): Promise<void> {
  // Selecting the task in the grid scrolls its bar into view.
  await cell(row, 'name').click();
  const chart = page.getByTestId('gantt-chart');
  const firstDay = (await chart.getAttribute('data-first-day')) ?? '';
  const dayWidth = Number(await chart.getAttribute('data-day-width'));
  // The test's tsconfig has no DOM types, so the element is typed by the one property read.
  const scrollLeft = await page.getByTestId('gantt-chart-scroll').evaluate((element: { scrollLeft: number }) => element.scrollLeft);
  const chartBox = await chart.boundingBox();
  const rowBox = await row.boundingBox();
  if (chartBox === null || rowBox === null) throw new Error('The chart or the task row is not on screen');

  const x = chartBox.x + (daysBetween(firstDay, start) + 0.5) * dayWidth - scrollLeft;
  const y = rowBox.y + rowBox.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + (days * dayWidth) / 2, y, { steps: 4 });
  await page.mouse.move(x + days * dayWidth, y, { steps: 4 });
  await page.mouse.up();
}

test('drag, undo, baseline and variance in the Gantt view', async () => {
  const context = await profile.launch({ timezoneId: 'America/New_York' });
  const page = await context.newPage();
  await createPlanFromTemplate(page, 'NHS 111 call handling transition', '2021-02-01');

  const inventory = taskRow(page, 'Process inventory and volumes');
  const requirements = taskRow(page, 'Requirements and target service levels');
  const businessCase = taskRow(page, 'Business case');
  await expect(cell(requirements, 'start')).toHaveText('8 Feb 2021');
  await expect(cell(businessCase, 'start')).toHaveText('15 Feb 2021');
  // Requirements start 5 working days after the inventory starts and both end on 12 February, so both are critical.
  await expect(cell(inventory, 'totalFloat')).toHaveText('0 wd, critical');

  // Drag the requirements one day later at day zoom.
  await page.getByRole('button', { name: 'Days', exact: true }).click();
  await dragBar(page, requirements, '2021-02-08', 1);
  await expect(page.getByTestId('gantt-message')).toHaveText(
    '“Requirements and target service levels” now starts no earlier than 9 Feb 2021.',
  );
  await expect(cell(requirements, 'start')).toHaveText('9 Feb 2021');
  await expect(cell(businessCase, 'start')).toHaveText('16 Feb 2021');
  await expect(cell(requirements, 'totalFloat')).toHaveText('0 wd, critical');
  await expect(cell(inventory, 'totalFloat')).toHaveText('1 wd');

  // Undo from the keyboard, redo with the button.
  await page.keyboard.press('Control+z');
  await expect(cell(requirements, 'start')).toHaveText('8 Feb 2021');
  await expect(cell(businessCase, 'start')).toHaveText('15 Feb 2021');
  await expect(cell(inventory, 'totalFloat')).toHaveText('0 wd, critical');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(cell(requirements, 'start')).toHaveText('9 Feb 2021');
  await expect(cell(inventory, 'totalFloat')).toHaveText('1 wd');

  // A link that would close a loop is rejected with the tasks named, and nothing changes.
  await cell(requirements, 'predecessors').click();
  await page.keyboard.press('F2');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('1.3');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('gantt-message')).toContainText('These links would form a loop');
  await expect(page.getByTestId('gantt-message')).toContainText('Business case');
  await page.keyboard.press('Escape');
  await expect(cell(requirements, 'predecessors')).toHaveText('1.1SS+5 wd');

  // Save a baseline: it becomes the comparison, and nothing has moved yet.
  await page.getByLabel('Baseline name').fill('contract baseline');
  await page.getByRole('button', { name: 'Save baseline' }).click();
  await expect(page.getByLabel('Compare with baseline').locator('option:checked')).toContainText('contract baseline');
  await expect(page.getByTestId('gantt-finish-variance')).toContainText('as in “contract baseline”');
  await expect(cell(businessCase, 'variance')).toHaveText('0 wd');

  // Lengthen the business case by three working days from the keyboard and read the variance.
  await cell(businessCase, 'duration').click();
  await page.keyboard.type('8');
  await page.keyboard.press('Enter');
  await expect(cell(businessCase, 'duration')).toHaveText('8 wd');
  await expect(cell(businessCase, 'variance')).toHaveText('+3 wd');
  await expect(cell(requirements, 'variance')).toHaveText('0 wd');
  await expect(page.getByTestId('gantt-finish-variance')).toContainText('3 working days later than in “contract baseline”');
  await context.close();
});
