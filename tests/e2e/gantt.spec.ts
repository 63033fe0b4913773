/**
 * The Gantt view as a vendor manager drives it. The browser runs in New York time, so the plan
 * crosses a daylight-saving change (14 March 2021). The test creates a plan from the BPO template
 * for a sample provider and drags a task by one working day with the mouse. Its successor and the
 * critical path follow, undo and redo restore them, and after a baseline and a change to the plan
 * the grid and the summary line show the variance. A second test adds a Sunday-to-Thursday site
 * calendar, puts a task on it from the keyboard and reads the dates that follow, and a third
 * resizes the grid with the splitter.
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

/** Adds a site calendar in the plan's Calendars panel, as a user fills its form. */
async function addSiteCalendar(page: Page, name: string, site: string, weekdays: { add: string[]; remove: string[] }): Promise<void> {
  const form = page.getByTestId('calendar-new');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Site (empty for a plan-wide calendar)').fill(site);
  for (const day of weekdays.add) await form.getByLabel(day, { exact: true }).check();
  for (const day of weekdays.remove) await form.getByLabel(day, { exact: true }).uncheck();
  await form.getByRole('button', { name: 'Add calendar' }).click();
  await expect(page.getByTestId('plan-calendars').getByRole('status')).toHaveText(`Saved the calendar “${name}”.`);
}

test('put a task on a site calendar from the keyboard', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await createPlanFromTemplate(page, 'Riyadh hub transition', '2021-02-01');
  await addSiteCalendar(page, 'Riyadh hub', 'Riyadh', { add: ['Sun'], remove: ['Fri'] });

  const inventory = taskRow(page, 'Process inventory and volumes');
  const requirements = taskRow(page, 'Requirements and target service levels');
  // Ten working days from Monday 1 February on the plan's Monday-to-Friday calendar.
  await expect(cell(inventory, 'finish')).toHaveText('12 Feb 2021');
  await expect(cell(inventory, 'calendar')).toHaveText('Plan calendar');
  await expect(cell(requirements, 'finish')).toHaveText('12 Feb 2021');

  // Escape leaves the calendar as it was.
  await cell(inventory, 'name').click();
  await page.keyboard.press('End');
  await expect(cell(inventory, 'calendar')).toBeFocused();
  await page.keyboard.press('Enter');
  const list = page.getByRole('combobox', { name: 'Calendar of Process inventory and volumes' });
  await expect(list).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(list.locator('option:checked')).toHaveText('Riyadh hub (Riyadh)');
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(cell(inventory, 'calendar')).toHaveText('Plan calendar');
  await expect(cell(inventory, 'finish')).toHaveText('12 Feb 2021');

  // Enter on the chosen calendar moves the task onto the site's Sunday-to-Thursday week.
  await expect(cell(inventory, 'calendar')).toBeFocused();
  await page.keyboard.press('F2');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('gantt-message')).toHaveText(
    '“Process inventory and volumes” now follows the calendar “Riyadh hub (Riyadh)”.',
  );
  await expect(cell(inventory, 'calendar')).toHaveText('Riyadh hub (Riyadh)');
  await expect(cell(inventory, 'start')).toHaveText('1 Feb 2021');
  // 1–4, 7–11 and 14 February: the site works Sundays and rests on Fridays and Saturdays.
  await expect(cell(inventory, 'finish')).toHaveText('14 Feb 2021');
  // The requirements stay on the plan calendar: 5 of its working days after the inventory starts, to 12 February.
  await expect(cell(requirements, 'start')).toHaveText('8 Feb 2021');
  await expect(cell(requirements, 'finish')).toHaveText('12 Feb 2021');

  // Selecting the task shades its calendar's weekend, and the legend names whose calendar that is.
  await cell(inventory, 'name').click();
  await expect(page.getByTestId('gantt-legend')).toContainText('Non-working day of “Riyadh hub (Riyadh)”, the selected task’s calendar');

  // Undo names the change it reverts and restores the dates.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('gantt-message')).toHaveText(
    'Undid: “Process inventory and volumes” now follows the calendar “Riyadh hub (Riyadh)”.',
  );
  await expect(cell(inventory, 'finish')).toHaveText('12 Feb 2021');
  await expect(cell(inventory, 'calendar')).toHaveText('Plan calendar');
  await context.close();
});

test('resize the task grid with the splitter', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await createPlanFromTemplate(page, 'Wide grid transition', '2021-02-01');

  // The plan screen takes the whole 1400-pixel window.
  const main = await page.locator('main').boundingBox();
  expect(main?.width).toBeGreaterThan(1380);

  const splitter = page.getByRole('separator', { name: 'Width of the task grid' });
  const grid = page.getByTestId('gantt-grid-scroll');
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 16));

  // End widens the grid until every column shows, so the last one ends inside the grid.
  await page.keyboard.press('End');
  const gridBox = await grid.boundingBox();
  const lastHeader = await grid.locator('th[data-column="calendar"]').boundingBox();
  if (gridBox === null || lastHeader === null) throw new Error('The grid is not on screen');
  expect(lastHeader.x + lastHeader.width).toBeLessThanOrEqual(gridBox.x + gridBox.width);
  const widened = await splitter.getAttribute('aria-valuenow');

  // A summary task's dates show whole at the fitted column width.
  const phase = taskRow(page, 'Needs assessment');
  for (const column of ['start', 'finish']) {
    const overflow = await cell(phase, column)
      .locator('.gantt-cell-text')
      .evaluate((element: { scrollWidth: number; clientWidth: number }) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBe(0);
  }

  // The width stays for the session, across a reload.
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Width of the task grid' })).toHaveAttribute('aria-valuenow', widened ?? '');
  await context.close();
});
