/**
 * The portfolio in depth, end to end on a new empty portfolio. A named user adds a provider with a
 * delivery site and an ISO 27001 certification, a contract with a notice period, and a risk from a
 * preset. A kick-off meeting raises an action, and a quarterly steering committee cadence plans a
 * meeting whose drafted agenda lists the risk and the overdue action. The committee writes minutes,
 * records a decision and is marked held. The Activity view filtered by the user then lists every
 * one of those writes, and the provider's History its creation, also after a reload.
 *
 * The browser runs in UTC, so the calendar dates computed here in UTC are the app's "today" too.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';

const userName = 'Jordan Vendor-Manager';
const portfolioName = 'Harbour outsourcing';
const providerName = 'Harbour Contact Services';
const providerCode = 'HCS1';
const siteCity = 'Cebu City';
const certificationEvidence = 'Certificate HCS-27001 and the statement of applicability';
const contractTitle = 'Customer care 2025-2028';
const riskTitle = 'Staff attrition at the provider';
const kickOffTitle = 'Harbour onboarding kick-off';
const actionTitle = 'Send the site security plan';
const actionOwner = 'Ana Cruz';
const cadenceTitle = 'Harbour steering committee';
const minutesText = 'The committee reviewed attrition at the Cebu site and the overdue security plan.';
const decisionText = 'Add a retention bonus for agents in their first year';

/** Offsets from today, in days, of the dates the journey enters. */
const kickOffOffset = 1;
const actionDueOffset = 5;
const riskReviewOffset = 10;
const steeringOffset = 14;

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

/** Returns the UTC calendar date `days` after today as `YYYY-MM-DD`. */
function utcDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Formats a `YYYY-MM-DD` date as the app shows it in the en-GB locale, for example "29 Feb 2028". */
function shownDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

async function openNav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();
}

async function setUserName(page: Page): Promise<void> {
  await openNav(page, 'Portfolios');
  await page.getByLabel('Your name').fill(userName);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByTestId('user-name-form').getByRole('status')).toHaveText(`Changes from now on are recorded as made by ${userName}.`);
}

/** Creates an empty portfolio on the Portfolios screen and opens it. */
async function createAndOpenPortfolio(page: Page): Promise<void> {
  await page.getByLabel('Name of the new portfolio').fill(portfolioName);
  await page.getByRole('button', { name: 'Create empty portfolio' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Created the portfolio ${portfolioName}.` })).toBeVisible();
  const row = page
    .getByTestId('portfolio-table')
    .locator('tbody tr')
    .filter({ has: page.getByRole('rowheader', { name: portfolioName, exact: false }) });
  await row.getByRole('button', { name: `Open ${portfolioName}`, exact: true }).click();
  await expect(page.getByTestId('portfolio-switcher').locator('option:checked')).toHaveText(portfolioName);
}

/** Adds the provider from the Providers screen, which then opens the provider page. */
async function addProvider(page: Page): Promise<void> {
  await openNav(page, 'Providers');
  await page.getByRole('button', { name: 'Add provider' }).click();
  const form = page.getByTestId('add-provider-form');
  await form.getByLabel('Provider name', { exact: true }).fill(providerName);
  await form.getByLabel('Code (optional)', { exact: true }).fill(providerCode);
  await form.getByRole('combobox', { name: /^Lifecycle status/ }).selectOption({ label: 'Onboarding' });
  await form.getByRole('button', { name: 'Add provider' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(providerName);
  await expect(page.getByText(`Code ${providerCode}`)).toBeVisible();
}

async function addSite(page: Page): Promise<void> {
  const section = page.getByTestId('provider-sites');
  await section.getByRole('button', { name: 'Add site' }).click();
  const form = section.getByTestId('site-form');
  await form.getByRole('combobox', { name: /^Country/ }).selectOption({ label: 'Philippines' });
  await expect(form.getByRole('combobox', { name: /^Time zone/ })).toHaveValue('Asia/Manila');
  await form.getByLabel('City', { exact: true }).fill(siteCity);
  await form.getByRole('combobox', { name: /^Delivery model/ }).selectOption({ label: 'Offshore' });
  await form.getByLabel('FTE', { exact: true }).fill('120');
  await form.getByLabel('Languages', { exact: true }).fill('en');
  // Enter in a text field submits the form, as a keyboard user would save it.
  await form.getByLabel('Languages', { exact: true }).press('Enter');
  await expect(form).toHaveCount(0);
  await expect(section.getByTestId('site-row').getByRole('rowheader')).toHaveText(siteCity);
}

async function addCertification(page: Page): Promise<void> {
  const section = page.getByTestId('provider-certifications');
  await section.getByRole('button', { name: 'Add certification' }).click();
  const form = section.getByTestId('certification-form');
  await form.getByRole('combobox', { name: /^Standard/ }).selectOption({ label: 'ISO/IEC 27001' });
  await form.getByLabel('Issued', { exact: true }).fill(utcDate(-200));
  await form.getByLabel('Expires', { exact: true }).fill(utcDate(900));
  await form.getByLabel('Evidence', { exact: true }).fill(certificationEvidence);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  const row = section.getByTestId('certification-row');
  await expect(row.getByRole('rowheader')).toHaveText('ISO/IEC 27001');
  await expect(row.getByTestId('certification-status')).toHaveText('Valid');
}

/**
 * Adds the contract with its term and a one-month notice period, and checks the notice deadline.
 * One calendar month before 31 March 2028 is clamped to 29 February, a leap day.
 */
async function addContract(page: Page): Promise<void> {
  const section = page.getByTestId('provider-contracts');
  await section.getByRole('button', { name: 'Add contract' }).click();
  const form = section.getByTestId('add-contract-form');
  await form.getByLabel('Contract title').fill(contractTitle);
  await form.getByLabel('Currency (ISO 4217 code)').fill('PHP');
  await form.getByLabel('Start date').fill('2025-04-01');
  await form.getByLabel('End date (last day of the term)').fill('2028-03-31');
  await form.getByLabel('Notice period', { exact: true }).fill('1');
  await form.getByLabel('Notice period unit').selectOption('months');
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(form).toHaveCount(0);

  const terms = page.getByRole('article', { name: `Terms of ${contractTitle}` });
  await expect(terms.getByTestId('notice-period')).toHaveText('1 month');
  await expect(terms.getByTestId('notice-deadline').locator('time')).toHaveAttribute('datetime', '2028-02-29');
  await expect(terms.getByTestId('notice-deadline').locator('time')).toHaveText('29 Feb 2028');
}

/** Adds the attrition preset for the provider on the Risks screen, due for review before the steering meeting. */
async function addRisk(page: Page): Promise<void> {
  await openNav(page, 'Risks');
  await expect(page.getByRole('heading', { level: 1, name: 'Risks' })).toBeVisible();
  await page.getByRole('button', { name: 'Add risk' }).click();
  const form = page.getByTestId('risk-form');
  await form.getByLabel('Start from').selectOption({ label: 'Attrition' });
  await expect(form.getByLabel('Title')).toHaveValue(riskTitle);
  await expect(form.getByTestId('risk-score-preview')).toHaveText('Score 12 of 25: High');
  await form.getByLabel('Provider', { exact: true }).selectOption({ label: providerName });
  await form.getByLabel('Owner').fill(userName);
  await form.getByLabel('Next review').fill(utcDate(riskReviewOffset));
  await form.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByTestId('risk-detail').getByRole('heading', { level: 2 }).first()).toHaveText(riskTitle);
  const row = page.getByTestId('risks-table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(providerName);
}

async function openGovernance(page: Page): Promise<void> {
  await openNav(page, 'Governance');
  await expect(page.getByRole('heading', { level: 1, name: 'Governance' })).toBeVisible();
}

/**
 * Adds a kick-off meeting by hand with an action due before the steering meeting, so that the
 * steering committee agenda has an overdue action to take.
 */
async function addKickOffAction(page: Page): Promise<void> {
  await openGovernance(page);
  await page.getByRole('button', { name: 'Add meeting' }).click();
  const form = page.getByTestId('meeting-form');
  await form.getByLabel('Provider').selectOption({ label: providerName });
  await form.getByLabel('Title').fill(kickOffTitle);
  await form.getByLabel('Date').fill(utcDate(kickOffOffset));
  await form.getByRole('button', { name: 'Add meeting' }).click();

  const detail = page.getByTestId('meeting-detail');
  await expect(detail.getByRole('heading', { level: 2, name: kickOffTitle })).toBeVisible();
  const actions = detail.getByTestId('meeting-actions');
  await actions.getByLabel('Action', { exact: true }).fill(actionTitle);
  await actions.getByLabel('Owner').fill(actionOwner);
  await actions.getByLabel('Due date').fill(utcDate(actionDueOffset));
  await actions.getByRole('button', { name: 'Add action item' }).click();
  await expect(actions.getByTestId('action-row')).toContainText(actionTitle);
  await detail.getByRole('button', { name: 'Back to meetings' }).click();
}

/** Creates the quarterly steering committee cadence and plans its meetings, which gives one because planning covers three months. */
async function createSteeringCadence(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add standing meeting' }).click();
  const form = page.getByTestId('cadence-form');
  await form.getByLabel('Template').selectOption({ label: 'Quarterly joint steering committee' });
  await form.getByLabel('Provider').selectOption({ label: providerName });
  await form.getByLabel('Contract').selectOption({ label: contractTitle });
  await form.getByLabel('Title').fill(cadenceTitle);
  await form.getByLabel('First meeting').fill(utcDate(steeringOffset));
  await form.getByLabel('Time zone').fill('Asia/Manila');
  await form.getByLabel('Attendees').fill(`${userName}, Harbour account director`);
  await form.getByRole('button', { name: 'Create standing meeting' }).click();
  await expect(form).toHaveCount(0);

  const cadence = page.getByRole('listitem', { name: cadenceTitle });
  await cadence.getByRole('button', { name: 'Plan meetings' }).click();
  await expect(cadence.getByTestId('plan-notice')).toHaveText(/^Planned 1 new meeting up to /);
}

/** Opens the planned steering meeting, drafts its agenda, and records minutes, a decision and that it was held. */
async function holdSteeringMeeting(page: Page): Promise<void> {
  const upcoming = page.getByTestId('upcoming-meetings');
  await upcoming.getByRole('button', { name: cadenceTitle }).click();
  const detail = page.getByTestId('meeting-detail');
  await expect(detail.getByRole('heading', { level: 2, name: cadenceTitle })).toBeVisible();
  await expect(detail.getByTestId('meeting-date')).toHaveText(shownDate(utcDate(steeringOffset)));
  await expect(detail.getByTestId('meeting-status')).toHaveText('Planned');

  const agenda = detail.getByTestId('agenda');
  await agenda.getByRole('button', { name: 'Draft agenda' }).click();
  const items = agenda.getByTestId('agenda-item');
  await expect(items).toHaveCount(2);
  await expect(items.locator('.kind-badge')).toHaveText(['Risk review', 'Action item']);
  await expect(items.getByTestId('agenda-text')).toHaveText([
    `“${riskTitle}” due ${shownDate(utcDate(riskReviewOffset))}: High, score 12 of 25`,
    `“${actionTitle}” due ${shownDate(utcDate(actionDueOffset))}, before this meeting, owner ${actionOwner}`,
  ]);

  const minutes = detail.getByTestId('meeting-minutes');
  await minutes.getByLabel('Minutes', { exact: true }).fill(minutesText);
  await minutes.getByRole('button', { name: 'Save minutes' }).click();
  await expect(minutes.getByText('Minutes saved.')).toBeVisible();

  const decisions = detail.getByTestId('meeting-decisions');
  await expect(decisions.getByLabel('Decided on')).toHaveValue(utcDate(steeringOffset));
  await decisions.getByLabel('Decision', { exact: true }).fill(decisionText);
  await decisions.getByLabel('Decided by').fill('Steering committee');
  await decisions.getByRole('button', { name: 'Record decision' }).click();
  await expect(decisions.getByRole('listitem')).toContainText(decisionText);

  // The meeting starts in two weeks, so the browser's clock moves past its 10:00 start in Manila to hold it.
  const markHeld = detail.getByRole('button', { name: 'Mark as held' });
  await expect(markHeld).toBeDisabled();
  await page.context().clock.setFixedTime(new Date(`${utcDate(steeringOffset)}T12:00:00Z`));
  await page.reload();
  await expect(markHeld).toBeEnabled();
  await markHeld.click();
  await expect(detail.getByTestId('meeting-status')).toHaveText('Held');
}

/** Record types of the Activity filter, each with a text that the user's entries of that type contain. */
const expectedActivity: readonly (readonly [recordType: string, text: string | RegExp])[] = [
  ['Providers', providerName],
  ['Delivery sites', siteCity],
  ['Certifications', /ISO\/IEC 27001/],
  ['Contracts', contractTitle],
  ['Risks', riskTitle],
  ['Meeting cadences', cadenceTitle],
  ['Meetings', cadenceTitle],
  ['Decisions', decisionText],
  ['Action items', actionTitle],
];

/** Checks that the Activity view, filtered by the user and then by each record type, lists the journey's writes. */
async function expectActivity(page: Page): Promise<void> {
  await openGovernance(page);
  await page.getByRole('tab', { name: 'Activity' }).click();
  const activity = page.getByTestId('activity-view');
  await activity.getByLabel('User').selectOption({ label: userName });
  const entries = activity.getByTestId('activity-entry');
  await expect(entries.first()).toContainText(userName);

  for (const [recordType, text] of expectedActivity) {
    await activity.getByLabel('Record type').selectOption({ label: recordType });
    // Each entry's heading names its record type, so this waits until the list shows the new filter.
    await expect(entries.filter({ hasNotText: `${recordType}: ` }), `entries of another type than ${recordType}`).toHaveCount(0);
    await expect(entries.filter({ hasNotText: userName }), `${recordType} entries by another user`).toHaveCount(0);
    await expect(entries.filter({ hasText: text }).first(), `${recordType} entry of the journey`).toBeVisible();
  }

  // The meeting entries include the status change to held.
  await activity.getByLabel('Record type').selectOption({ label: 'Meetings' });
  await expect(entries.filter({ hasText: 'Held' }).first()).toBeVisible();
}

/** Opens the provider page and checks that its History starts with its creation by the user. */
async function expectProviderHistory(page: Page): Promise<void> {
  await openNav(page, 'Providers');
  await page.getByRole('searchbox', { name: 'Search providers' }).fill(providerCode);
  const rows = page.getByTestId('providers-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(providerName);

  const history = page.locator('[data-testid="record-history"][data-table="providers"]');
  const toggle = history.getByRole('button', { name: /^History/ });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const oldest = history.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem').last();
  await expect(oldest).toContainText(userName);
  // The creation reads as an addition with the values it was added with, and no empty field.
  await expect(oldest).toContainText('Added');
  await expect(oldest.getByRole('columnheader', { name: 'Value when added' })).toBeVisible();
  await expect(oldest).not.toContainText('(empty)');
  const nameRow = oldest.getByRole('row', { name: /^Name/ });
  await expect(nameRow.getByRole('cell')).toHaveText([providerName]);
}

test('provider to steering decision in audit trail', async () => {
  const context = await profile.launch({ timezoneId: 'UTC' });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });

  await setUserName(page);
  await createAndOpenPortfolio(page);
  await addProvider(page);
  await addSite(page);
  await addCertification(page);
  await addContract(page);
  await addRisk(page);
  await addKickOffAction(page);
  await createSteeringCadence(page);
  await holdSteeringMeeting(page);

  await expectActivity(page);
  await expectProviderHistory(page);

  // The audit trail is in IndexedDB, so a reload shows the same, in the same portfolio.
  await page.reload();
  await expect(page.getByTestId('portfolio-switcher').locator('option:checked')).toHaveText(portfolioName, { timeout: 30_000 });
  await expectActivity(page);
  await expectProviderHistory(page);

  await openGovernance(page);
  await page.getByRole('tab', { name: 'Decision log' }).click();
  const decisionRow = page.getByTestId('decision-log').getByTestId('decision-row');
  await expect(decisionRow).toHaveCount(1);
  await expect(decisionRow).toContainText(decisionText);
  await expect(decisionRow).toContainText(providerName);
  await context.close();
});
