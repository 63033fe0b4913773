/**
 * The portfolio calendar as a vendor manager uses it. The sample's contract deadlines and a
 * meeting added on the Governance screen show on the Calendar tab, and the agenda exports to an
 * .ics file that ical.js reads back. The notifications' Coming up list shows a notice deadline due soon,
 * and the Workload tab flags an owner with overdue actions.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
import { addCalendarMonths, noticeDeadline } from '../../shared/calendar/contractDates';
import { fromDayNumber, toDayNumber } from '../../shared/schedule/days';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { openSample } from './providerEditing';
import { sampleProviders } from './sampleData';

/**
 * A sample provider with an illustrative contract: 6 months' notice, renewing every 12 months.
 * Its current term ends on the last day of the 11th month after the month the sample is opened in.
 */
const providerCode = '111AA7';
const contractTitle = 'Illustrative NHS 111 contract (invented terms, not an NHS contract)';

let profile: Profile;
let downloads: string;

test.beforeEach(() => {
  profile = freshProfile();
  downloads = mkdtempSync(join(tmpdir(), 'steerwise-calendar-'));
});

test.afterEach(() => {
  profile.dispose();
  rmSync(downloads, { recursive: true, force: true });
});

function providerName(): string {
  const name = sampleProviders().get(providerCode);
  if (name === undefined) throw new Error(`The sample has no provider ${providerCode}`);
  return name;
}

/** Returns the date `days` after today on this machine's clock, as YYYY-MM-DD. */
/** Returns the end of the contract's current term for a sample opened on `today`. */
function sampleTermEnd(today: string): string {
  return fromDayNumber(toDayNumber(addCalendarMonths(`${today.slice(0, 7)}-01`, 12)) - 1);
}

function daysFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

async function openGovernanceTab(page: Page, tab: 'Meetings' | 'Calendar' | 'Workload' | 'Activity'): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Governance' }).click();
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

async function addMeeting(page: Page, title: string, date: string): Promise<void> {
  await openGovernanceTab(page, 'Meetings');
  await page.getByRole('button', { name: 'Add meeting' }).click();
  const form = page.getByRole('form', { name: 'New meeting' });
  await form.getByLabel('Provider').selectOption({ label: providerName() });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Date').fill(date);
  await form.getByLabel('Start time').fill('10:00');
  await form.getByLabel('Duration (minutes)').fill('60');
  await form.getByLabel('Time zone').fill('Europe/London');
  await form.getByRole('button', { name: 'Add meeting' }).click();
  await expect(form).toHaveCount(0);
}

async function addRiskWithReview(page: Page, title: string, reviewDate: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Risks' }).click();
  await page.getByRole('button', { name: 'Add risk' }).click();
  const form = page.getByTestId('risk-form');
  // The preset fills likelihood, impact and mitigation.
  await form.getByLabel('Start from').selectOption({ label: 'Attrition' });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Provider', { exact: true }).selectOption({ label: providerName() });
  await form.getByLabel('Owner').fill('Priya Shah');
  await form.getByLabel('Next review').fill(reviewDate);
  await form.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByTestId('risk-detail').getByRole('heading', { level: 2 }).first()).toHaveText(title);
}

test('calendar lists and exports the agenda', async () => {
  const context = await profile.launch({ timezoneId: 'UTC' });
  const page = context.pages()[0] ?? (await context.newPage());
  await openSample(page);
  const meetingDate = daysFromToday(10);
  await addMeeting(page, 'Quarterly steering review', meetingDate);
  await addRiskWithReview(page, 'Staff attrition at the provider', daysFromToday(20));

  await openGovernanceTab(page, 'Calendar');
  const calendar = page.getByTestId('calendar-view');
  await calendar.getByLabel('Show the next').selectOption({ label: '365 days' });
  await calendar.getByLabel('Provider').selectOption({ label: providerName() });
  const entries = calendar.getByTestId('calendar-entry');
  await expect(entries.filter({ hasText: 'Quarterly steering review' })).toHaveCount(1);
  const notices = entries.filter({ hasText: 'Notice deadline' });
  await expect(notices.first()).toContainText(providerName());
  await expect(notices.first()).toContainText(/in \d+ days?|overdue by \d+ days?|today/);
  await expect(calendar.getByTestId('calendar-entry').filter({ hasNotText: providerName() })).toHaveCount(0);

  await calendar.getByLabel('Kind').selectOption({ label: 'Meeting' });
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText('in 10 days');
  await calendar.getByLabel('Kind').selectOption({ label: 'Risk review' });
  // The sample's own risks have reviews too.
  const attritionReview = entries.filter({ hasText: 'Staff attrition at the provider' });
  await expect(attritionReview).toHaveCount(1);
  await expect(attritionReview).toContainText('in 20 days');
  await expect(attritionReview).toContainText('Status: Open, score 12 of 25');
  await expect(attritionReview).toContainText('Owner: Priya Shah');
  await calendar.getByLabel('Kind').selectOption({ label: 'All kinds' });

  const downloading = page.waitForEvent('download');
  const exportedAt = Date.now();
  await calendar.getByRole('button', { name: 'Export to calendar (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/ agenda \d{4}-\d{2}-\d{2}\.ics$/);
  const path = join(downloads, download.suggestedFilename());
  await download.saveAs(path);
  await expect(calendar.getByRole('status')).toContainText(download.suggestedFilename());

  const parsed = ICAL.Component.fromString(readFileSync(path, 'utf8'));
  const events = parsed.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
  expect(events.length).toBe(await entries.count());

  const meeting = events.find((event) => event.summary === `Meeting: Quarterly steering review (${providerName()})`);
  expect(meeting).toBeDefined();
  expect(meeting?.startDate.isDate).toBe(false);
  // 10:00 in London is 10:00 UTC in winter and 09:00 UTC in summer.
  expect(meeting?.startDate.toJSDate().toISOString().slice(0, 10)).toBe(meetingDate);
  expect(meeting?.duration.toSeconds()).toBe(3600);

  const review = events.find((event) => event.summary === `Risk review: Staff attrition at the provider (${providerName()})`);
  expect(review?.startDate.toString()).toBe(daysFromToday(20));

  const notice = events.find((event) => event.summary === `Notice deadline: ${contractTitle} (${providerName()})`);
  expect(notice).toBeDefined();
  expect(notice?.startDate.isDate).toBe(true);
  expect(notice?.startDate.toString()).toBe(noticeDeadline(sampleTermEnd(daysFromToday(0)), { amount: 6, unit: 'months' }));
  expect(notice?.description).toContain('Notice period 6 months');

  // No reminder is already due when the file is imported: a calendar app would fire it at once.
  // The browser runs in UTC, so an all-day reminder fires at 09:00 UTC on its day.
  for (const event of events) {
    const trigger = event.component.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger');
    if (!(trigger instanceof ICAL.Duration)) continue;
    const { startDate } = event;
    const startsAt = startDate.isDate ? Date.UTC(startDate.year, startDate.month - 1, startDate.day) : startDate.toJSDate().getTime();
    const firesAt = startsAt + trigger.toSeconds() * 1000;
    expect(firesAt, event.summary).toBeGreaterThan(exportedAt);
  }

  await context.close();
});

test('coming up shows a notice deadline due', async () => {
  const context = await profile.launch({ timezoneId: 'UTC' });
  const page = context.pages()[0] ?? (await context.newPage());
  await openSample(page);
  await page.getByTestId('notifications-button').click();
  const comingUp = page.getByTestId('coming-up');
  await expect(comingUp.getByRole('heading', { name: 'Coming up' })).toBeVisible();
  // West Midlands' notice deadline falls 4 to 9 weeks after the sample is opened, and no sample
  // contract's deadline has passed while its term runs.
  const westMidlands = sampleProviders().get('111AC9') ?? '';
  const notices = comingUp.getByTestId('coming-up-entry').filter({ hasText: /Notice deadline: / });
  const due = notices.filter({ hasText: westMidlands }).filter({ hasText: /in \d+ days/ });
  await expect(due).toHaveCount(1);
  await expect(notices.filter({ hasText: /overdue by/ })).toHaveCount(0);
  // Coming up is a table, so the panel's list items stay the escalation notifications alone.
  await expect(comingUp.getByRole('listitem')).toHaveCount(0);
  await due.getByRole('button', { name: /^Notice deadline: / }).click();
  await expect(page.getByTestId('provider-contracts')).toBeVisible();
  await context.close();
});

test('workload flags an overdue action owner', async () => {
  const context = await profile.launch({ timezoneId: 'UTC' });
  const page = context.pages()[0] ?? (await context.newPage());
  await openSample(page);
  await addMeeting(page, 'Monthly service review', daysFromToday(3));

  // Adding a meeting opens it, with its outcome forms.
  const actionForm = page.getByRole('form', { name: 'Add an action item' });
  for (const [title, due] of [
    ['Send the exit plan', daysFromToday(-5)],
    ['Confirm the staffing plan', daysFromToday(-2)],
    ['Share the attrition report', daysFromToday(-1)],
  ] as const) {
    await actionForm.getByLabel('Action').fill(title);
    await actionForm.getByLabel('Owner').fill('Priya Shah');
    await actionForm.getByLabel('Due date').fill(due);
    await actionForm.getByRole('button', { name: 'Add action item' }).click();
    await expect(page.getByRole('cell', { name: title })).toBeVisible();
  }

  await openGovernanceTab(page, 'Workload');
  const row = page.getByTestId('workload-row').filter({ hasText: 'Priya Shah' });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(0)).toHaveText('3');
  await expect(row.getByRole('cell').nth(3)).toHaveText('3');
  await expect(row).toContainText('Overloaded');
  await expect(row).toContainText('3 overdue items, more than 2.');

  const owner = row.getByRole('button', { name: 'Priya Shah' });
  await owner.press('Enter');
  await expect(owner).toHaveAttribute('aria-expanded', 'true');
  const items = page.locator('.workload-details');
  await expect(items.getByRole('button')).toHaveCount(3);
  await items.getByRole('button', { name: /Send the exit plan/ }).click();
  await expect(page.getByRole('tab', { name: 'Actions' })).toHaveAttribute('aria-selected', 'true');

  // The workload is computed from the stored records, so it is the same after a reload.
  await page.reload();
  await openGovernanceTab(page, 'Workload');
  await expect(page.getByTestId('workload-row').filter({ hasText: 'Priya Shah' })).toContainText('Overloaded');
  await context.close();
});
