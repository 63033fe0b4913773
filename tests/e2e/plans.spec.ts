/**
 * Transition plans as a vendor manager uses them. A plan from the BPO template for a provider of
 * the sample portfolio shows in the list and on the roadmap. A project file is imported with its
 * report, and a plan is exported as Microsoft Project XML and imported again. The roadmap's date
 * range leaves out a plan from 2003 until the user asks for all plans. Plans share a calendar,
 * and form errors describe their field without becoming part of its name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { sampleProviders } from './sampleData';

const fixtureFolder = resolve(import.meta.dirname, '../fixtures/project-plans');
/** A GanttProject plan that ran from 6 January to 10 February 2003. */
const legacyPlan = resolve(import.meta.dirname, '../fixtures/roadmap/legacy-2003.gan');
const legacyTitle = 'Legacy payroll outsourcing 2003';

/**
 * Returns the first Monday to Friday on or after today on this computer's clock, as `YYYY-MM-DD`.
 * A plan starting then stays inside the roadmap's default range, and starts on that very day.
 */
function nextWorkingDay(): string {
  const day = new Date();
  while (day.getDay() === 0 || day.getDay() === 6) day.setDate(day.getDate() + 1);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(day.getFullYear())}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/** Formats a `YYYY-MM-DD` date as the app shows it to an en-GB user, for example `2 Mar 2026`. */
function britishDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)),
  );
}

let profile: Profile;
let downloads: string;

test.beforeEach(() => {
  profile = freshProfile();
  downloads = mkdtempSync(join(tmpdir(), 'steerwise-plans-'));
});

test.afterEach(() => {
  profile.dispose();
  rmSync(downloads, { recursive: true, force: true });
});

async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
}

async function openPlans(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Transition plans' }).click();
  await expect(page.getByRole('heading', { name: 'Transition plans', level: 1 })).toBeVisible();
}

/** Creates a plan from the template with no provider, starting on `startOn`, and goes back to the list. */
async function createTemplatePlan(page: Page, title: string, startOn: string): Promise<void> {
  await page.getByRole('button', { name: 'New plan from template' }).click();
  const form = page.getByRole('form', { name: 'New plan from the BPO transition template' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Start date').fill(startOn);
  await form.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByTestId('plan-title')).toHaveText(title);
  await page.getByRole('button', { name: 'Back to the transition plans' }).click();
}

/** Imports a project file through the file picker and waits for its report. */
async function importFile(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: 'Import project file' }).click();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a project file' }).click();
  await (await choosing).setFiles(path);
  await expect(page.getByTestId('import-report')).toBeVisible();
}

test('plan from the template shows in the list and on the roadmap', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  const providerName = [...sampleProviders().values()].sort((a, b) => a.localeCompare(b))[0] ?? '';
  await openPlans(page);

  await page.getByRole('button', { name: 'New plan from template' }).click();
  const form = page.getByRole('form', { name: 'New plan from the BPO transition template' });
  await form.getByLabel('Provider').selectOption({ label: providerName });
  await form.getByLabel('Title').fill('NHS 111 call handling transition');
  const startOn = nextWorkingDay();
  await form.getByLabel('Start date').fill(startOn);
  await form.getByLabel('Processes that move, one per line (the first takes the main path, each further one gets a wave)').fill('Call handling\nClinical call-backs');
  await form.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByTestId('plan-title')).toHaveText('NHS 111 call handling transition');

  await page.getByRole('button', { name: 'Back to the transition plans' }).click();
  const row = page.getByTestId('plan-table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('NHS 111 call handling transition');
  await expect(row).toContainText(providerName);
  await expect(row).toContainText(britishDate(startOn));
  await expect(row).toContainText('0%');

  await page.getByRole('tab', { name: 'Roadmap' }).click();
  const chart = page.getByTestId('roadmap-chart');
  await expect(chart.locator('text', { hasText: 'NHS 111 call handling transition' })).toBeVisible();
  await chart.locator('text', { hasText: 'NHS 111 call handling transition' }).click();
  await expect(page.getByTestId('plan-title')).toHaveText('NHS 111 call handling transition');
  await context.close();
});

test('project file import shows its report before and after', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await openPlans(page);

  await importFile(page, join(fixtureFolder, 'german-locale.mpx'));
  const report = page.getByTestId('import-report');
  await expect(report).toContainText('german-locale.mpx was read as MPX (windows-1252)');
  await expect(report.getByRole('row', { name: /^Tasks/ })).toBeVisible();
  await expect(page.getByTestId('import-dropped')).toBeVisible();

  await page.getByRole('button', { name: 'Create plan from this file' }).click();
  await expect(page.getByTestId('plan-import-status')).toContainText('from german-locale.mpx');
  await expect(report).toBeVisible();

  await page.getByRole('button', { name: 'Open the plan' }).click();
  await expect(page.getByTestId('plan-screen')).toBeVisible();
  await context.close();
});

test('malformed project file names its line', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await openPlans(page);
  await page.getByRole('button', { name: 'Import project file' }).click();
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a project file' }).click();
  await (await choosing).setFiles(join(fixtureFolder, 'malformed.xml'));
  await expect(page.getByTestId('plan-import').getByRole('alert')).toContainText(/malformed\.xml, line \d+: the XML is malformed/);
  await context.close();
});

test('exported MSPDI imports again with every task', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await openPlans(page);
  await importFile(page, join(fixtureFolder, 'service-desk.xml'));
  const taskCount = await page
    .getByTestId('import-report')
    .getByRole('row', { name: /^Tasks/ })
    .locator('td')
    .textContent();
  await page.getByRole('button', { name: 'Create plan from this file' }).click();
  await page.getByRole('button', { name: 'Open the plan' }).click();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as Microsoft Project XML' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xml$/);
  const exported = join(downloads, download.suggestedFilename());
  await download.saveAs(exported);

  await page.getByRole('button', { name: 'Back to the transition plans' }).click();
  await importFile(page, exported);
  await expect(page.getByTestId('import-report')).toContainText('was read as Microsoft Project XML');
  await expect(
    page
      .getByTestId('import-report')
      .getByRole('row', { name: /^Tasks/ })
      .locator('td'),
  ).toHaveText(taskCount ?? '');
  await page.getByRole('button', { name: 'Create plan from this file' }).click();
  await expect(page.getByTestId('plan-import-status')).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('plan-table').locator('tbody tr')).toHaveCount(2);
  await context.close();
});

test('roadmap range leaves out a 2003 plan', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await openPlans(page);
  await createTemplatePlan(page, 'Devon contact centre transition', nextWorkingDay());
  await importFile(page, legacyPlan);
  await page.getByRole('button', { name: 'Create plan from this file' }).click();
  await expect(page.getByTestId('plan-import-status')).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();

  // The list shows dates as the plan screen does.
  const legacyRow = page.getByTestId('plan-table').locator('tbody tr', { hasText: legacyTitle });
  await expect(legacyRow.locator('td').nth(3)).toHaveText('6 Jan 2003');

  // By default the roadmap draws current and future plans only.
  await page.getByRole('tab', { name: 'Roadmap' }).click();
  const chart = page.getByTestId('roadmap-chart');
  await expect(page.getByTestId('roadmap-range')).toHaveValue('current');
  await expect(chart.locator('text', { hasText: 'Devon contact centre transition' })).toBeVisible();
  await expect(chart.locator('text', { hasText: legacyTitle })).toHaveCount(0);
  const outside = page.getByTestId('roadmap-outside');
  await expect(outside).toContainText('1 plan outside the range');
  await outside.getByText('1 plan outside the range').click();
  await expect(outside.getByRole('button', { name: legacyTitle })).toBeVisible();
  const onRoadmap = page.getByRole('list', { name: 'Plans on the roadmap' });
  await expect(onRoadmap.getByRole('button')).toHaveText(['Devon contact centre transition']);

  // "Show all plans" puts the 2003 plan back on the chart.
  await outside.getByRole('button', { name: 'Show all plans' }).click();
  await expect(page.getByTestId('roadmap-range')).toHaveValue('all');
  await expect(chart.locator('text', { hasText: legacyTitle })).toBeVisible();
  await expect(outside).toHaveCount(0);
  await expect(onRoadmap.getByRole('button')).toHaveText([legacyTitle, 'Devon contact centre transition']);

  // The zoom buttons work from the keyboard: zoom in twice to the middle quarter of the axis, then
  // move back to its start. The sentence next to them names the days in view.
  const showing = page.getByTestId('roadmap-showing');
  const whole = (await showing.textContent()) ?? '';
  const [, axisStart = '', axisEnd = ''] = /^Showing (.+) to (.+)\.$/.exec(whole) ?? [];
  expect(new Date(`${axisStart} UTC`).getTime()).toBeLessThan(Date.UTC(2003, 0, 6));
  await expect(page.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
  await page.getByRole('button', { name: 'Zoom in' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(showing).not.toContainText(axisStart);
  await expect(showing).not.toContainText(axisEnd);
  await page.getByRole('button', { name: 'Earlier' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(showing).toContainText(`Showing ${axisStart} to`);
  await expect(page.getByRole('button', { name: 'Earlier' })).toBeDisabled();
  await page.getByRole('button', { name: 'Whole range' }).click();
  await expect(showing).toHaveText(whole);
  await expect(page.getByRole('button', { name: 'Zoom out' })).toBeDisabled();

  // Dragging the slider's left handle zooms too, and the buttons follow it. The handle is the
  // leftmost narrow, tall shape in the bottom 40 pixels of the chart.
  const box = await chart.boundingBox();
  if (box === null) throw new Error('the roadmap chart has no box');
  const shapes = await Promise.all((await chart.locator('path').all()).map((path) => path.boundingBox()));
  const leftHandle = shapes
    .flatMap((shape) => (shape !== null && shape.width < 10 && shape.height >= 15 ? [shape] : []))
    .map((shape) => ({ x: shape.x + shape.width / 2, y: shape.y + shape.height / 2 }))
    .filter((handle) => handle.y > box.y + box.height - 40)
    .sort((a, b) => a.x - b.x)[0];
  if (leftHandle === undefined) throw new Error('the zoom slider has no handle');
  await page.mouse.move(leftHandle.x, leftHandle.y);
  await page.mouse.down();
  await page.mouse.move(leftHandle.x + 300, leftHandle.y, { steps: 10 });
  await page.mouse.up();
  await expect(showing).not.toContainText(`Showing ${axisStart} to`);
  await expect(showing).toContainText(`to ${axisEnd}.`);
  await expect(page.getByRole('button', { name: 'Zoom out' })).toBeEnabled();

  // A range of chosen dates draws only the plans with a day in it.
  await page.getByTestId('roadmap-range').selectOption({ label: 'Dates of your choice' });
  const rangeGroup = page.getByRole('group', { name: 'Date range of the roadmap' });
  await rangeGroup.getByLabel('From').fill('2003-01-01');
  await rangeGroup.getByLabel('To').fill('2003-12-31');
  await expect(onRoadmap.getByRole('button')).toHaveText([legacyTitle]);
  await expect(page.getByTestId('roadmap-outside')).toContainText('1 plan outside the range');

  // An end before the start is reported on the To field, outside its label.
  await rangeGroup.getByLabel('To').fill('2002-12-31');
  const to = rangeGroup.getByRole('textbox', { name: 'To', exact: true });
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(to).toHaveAccessibleName('To');
  await expect(to).toHaveAccessibleDescription('The end date is before the start date. Choose an end date on or after 1 Jan 2003.');
  await expect(chart).toHaveCount(0);
  await context.close();
});

test('new plan form keeps errors out of labels', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await openPlans(page);
  await page.getByRole('button', { name: 'New plan from template' }).click();
  const form = page.getByRole('form', { name: 'New plan from the BPO transition template' });
  await form.getByLabel('Holidays of the plan calendar, one date per line (YYYY-MM-DD)').fill('2026-12-25\nBoxing Day');
  await form.getByRole('button', { name: 'Create plan' }).click();

  const title = form.getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveAccessibleName('Title');
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(title).toHaveAccessibleDescription('Enter a title for the plan.');
  await expect(title).toBeFocused();
  const holidays = form.getByRole('textbox', { name: 'Holidays of the plan calendar, one date per line (YYYY-MM-DD)', exact: true });
  await expect(holidays).toHaveAccessibleDescription('“Boxing” is not a date. Use the form YYYY-MM-DD, one date per line.');
  await expect(form.getByLabel('Start date', { exact: true })).toHaveAccessibleDescription('Enter the date on which the plan starts.');

  // Correcting the title clears its error on the next submit.
  await title.fill('Devon contact centre transition');
  await form.getByRole('button', { name: 'Create plan' }).click();
  await expect(title).toHaveAttribute('aria-invalid', 'false');
  await expect(title).toHaveAccessibleDescription('');
  await context.close();
});

test('template plans share one calendar', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await openPlans(page);
  await createTemplatePlan(page, 'Devon contact centre transition', '2026-03-02');

  // The second plan's form picks the stored Monday-to-Friday calendar and names its plan.
  await page.getByRole('button', { name: 'New plan from template' }).click();
  const form = page.getByRole('form', { name: 'New plan from the BPO transition template' });
  await expect(form.getByTestId('new-plan-calendar').locator('option:checked')).toHaveText(
    'Monday to Friday – used by Devon contact centre transition',
  );
  await expect(form.getByLabel('Holidays of the plan calendar, one date per line (YYYY-MM-DD)')).toHaveCount(0);
  await form.getByLabel('Title').fill('Cornwall offshore move');
  await form.getByLabel('Start date').fill('2026-04-06');
  await form.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByTestId('plan-title')).toHaveText('Cornwall offshore move');

  // The calendar panel warns that a change moves both plans.
  const panel = page.getByTestId('plan-calendars');
  await expect(panel.getByRole('heading', { level: 4 })).toHaveText(['Monday to Friday (used by this plan)', 'New calendar']);
  await expect(panel).toContainText(
    'Used by 2 plans: Cornwall offshore move and Devon contact centre transition. A change here moves the dates of all of them.',
  );

  // An empty calendar name is reported on the Name field, outside its label.
  const newCalendar = page.getByTestId('calendar-new');
  await newCalendar.getByRole('button', { name: 'Add calendar' }).click();
  const name = newCalendar.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Enter a name for the calendar.');
  await expect(name).toBeFocused();
  await context.close();
});
