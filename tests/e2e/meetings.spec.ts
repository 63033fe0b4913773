import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { openSample } from './providerEditing';
import { sampleProviders } from './sampleData';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

/**
 * West Midlands: its illustrative contract makes calls answered within 60 seconds critical, and it
 * misses that level every month from November 2015, so the sample opens an escalation that the
 * rules raise to the steering committee level.
 */
const code = '111AC9';

/** Returns the calendar date `days` days from now in this machine's time zone, which the browser also uses. */
function localDate(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${String(date.getFullYear())}-${month}-${day}`;
}

async function openNav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name, exact: true }).click();
}

/** Adds a high risk (likelihood 4, impact 4) for the provider through the risk register. */
async function addRisk(page: Page, providerName: string, title: string): Promise<void> {
  await openNav(page, 'Risks');
  await page.getByRole('button', { name: 'Add risk' }).click();
  const form = page.getByTestId('risk-form');
  await form.getByLabel('Title', { exact: true }).fill(title);
  // A select's accessible name also contains its chosen option, so the label is matched at its start.
  await form.getByRole('combobox', { name: /^Provider/ }).selectOption({ label: providerName });
  await form.getByLabel('Likelihood (1 to 5)').fill('4');
  await form.getByLabel('Impact (1 to 5)').fill('4');
  await form.getByRole('button', { name: 'Add risk' }).click();
  await expect(form).toHaveCount(0);
}

test('steering committee meeting from cadence to decision log', async () => {
  const providerName = sampleProviders().get(code) ?? code;
  const riskTitle = 'Call handler attrition in the West Midlands';
  const firstDate = localDate(7);

  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await addRisk(page, providerName, riskTitle);

  await openNav(page, 'Governance');
  await expect(page.getByRole('heading', { level: 1, name: 'Governance' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Meetings' })).toHaveAttribute('aria-selected', 'true');

  // The quarterly steering committee template is the default, and it fills the title.
  await page.getByRole('button', { name: 'Add standing meeting' }).click();
  const cadenceForm = page.getByTestId('cadence-form');
  await cadenceForm.getByLabel('Template').selectOption({ label: 'Quarterly joint steering committee' });
  await expect(cadenceForm.getByLabel('Title')).toHaveValue('Quarterly joint steering committee');
  await cadenceForm.getByLabel('Provider').selectOption({ label: providerName });
  await cadenceForm.getByLabel('Title').fill('West Midlands steering committee');
  await cadenceForm.getByLabel('Time zone').fill('Mars/Olympus');
  await cadenceForm.getByRole('button', { name: 'Create standing meeting' }).click();

  // An empty first date and an unknown zone are shown at their fields, and the first gets the focus.
  const firstDateField = cadenceForm.getByLabel('First meeting');
  await expect(firstDateField).toHaveAttribute('aria-invalid', 'true');
  await expect(firstDateField).toBeFocused();
  await expect(cadenceForm.getByText('First meeting is missing. Fill it in.')).toBeVisible();
  await expect(cadenceForm.getByText('Time zone is not a known time zone.', { exact: false })).toBeVisible();

  await firstDateField.fill(firstDate);
  await cadenceForm.getByLabel('Time zone').fill('Europe/London');
  await cadenceForm.getByLabel('Attendees').fill('CIO, provider account director');
  await cadenceForm.getByRole('button', { name: 'Create standing meeting' }).click();
  await expect(cadenceForm).toHaveCount(0);

  // Planning covers three months, so a quarterly cadence gets one meeting; planning again adds none.
  const cadence = page.getByRole('listitem', { name: 'West Midlands steering committee' });
  await cadence.getByRole('button', { name: 'Plan meetings' }).click();
  await expect(cadence.getByTestId('plan-notice')).toHaveText(/^Planned 1 new meeting up to /);
  await cadence.getByRole('button', { name: 'Plan meetings' }).click();
  await expect(cadence.getByTestId('plan-notice')).toHaveText(/^Every meeting up to .* was already planned\.$/);
  const upcoming = page.getByTestId('upcoming-meetings');
  // The sample plans its own West Midlands meetings too, so only this cadence's rows count here.
  const planned = upcoming.locator('tbody tr', { hasText: 'West Midlands steering committee' });
  await expect(planned).toHaveCount(1);
  await expect(planned).toContainText('Planned');

  await upcoming.getByRole('button', { name: 'West Midlands steering committee' }).click();
  const detail = page.getByTestId('meeting-detail');
  await expect(detail.getByRole('heading', { level: 2, name: 'West Midlands steering committee' })).toBeVisible();
  await expect(detail.getByTestId('meeting-status')).toHaveText('Planned');

  // The steering committee agenda takes the raised escalation and the high risk.
  const agenda = detail.getByTestId('agenda');
  await agenda.getByRole('button', { name: 'Draft agenda' }).click();
  const items = agenda.getByTestId('agenda-item');
  // Each item reads once: its kind's badge, then its own text.
  const escalationItem = items.filter({ hasText: /^Escalation Level 3 \(Steering committee\)/ }).first();
  await expect(escalationItem.locator('.kind-badge')).toHaveText('Escalation');
  await expect(escalationItem.getByTestId('agenda-text')).toHaveText(/^Level 3 \(Steering committee\): /);
  const riskItem = items.filter({ hasText: riskTitle });
  await expect(riskItem).toHaveCount(1);
  await expect(riskItem.locator('.kind-badge')).toHaveText('Risk review');
  await expect(riskItem.getByTestId('agenda-text')).toHaveText(`“${riskTitle}”: High, score 16 of 25`);
  const draftedCount = await items.count();
  await agenda.getByRole('button', { name: 'Draft agenda' }).click();
  await expect(agenda.getByText('Nothing new to add', { exact: false })).toBeVisible();
  await expect(items).toHaveCount(draftedCount);

  // A typed item, moved to the top.
  await agenda.getByLabel('New agenda item').fill('Approval of the previous minutes');
  await agenda.getByRole('button', { name: 'Add item' }).click();
  await expect(items).toHaveCount(draftedCount + 1);
  for (let position = draftedCount + 1; position > 1; position -= 1) {
    await agenda.getByRole('button', { name: `Move item ${String(position)} up` }).click();
    await expect(agenda.getByRole('button', { name: `Move item ${String(position - 1)} up` })).toBeVisible();
  }
  await expect(items.first().getByTestId('agenda-text')).toHaveText('Approval of the previous minutes');

  const minutes = detail.getByTestId('meeting-minutes');
  await minutes.getByLabel('Minutes', { exact: true }).fill('The committee reviewed call answering and staff attrition.');
  await minutes.getByRole('button', { name: 'Save minutes' }).click();
  await expect(minutes.getByText('Minutes saved.')).toBeVisible();

  const decisions = detail.getByTestId('meeting-decisions');
  await expect(decisions.getByLabel('Decided on')).toHaveValue(firstDate);
  await decisions.getByLabel('Decision', { exact: true }).fill('Fund 20 more call handlers for the winter peak');
  await decisions.getByLabel('Decided by').fill('Steering committee');
  await decisions.getByRole('button', { name: 'Record decision' }).click();
  await expect(decisions.getByRole('listitem')).toContainText('Fund 20 more call handlers for the winter peak');

  const actions = detail.getByTestId('meeting-actions');
  await actions.getByRole('button', { name: 'Add action item' }).click();
  // An action item needs an owner and a due date, and each missing field shows its error next to it.
  await expect(actions.getByLabel('Action', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(actions.getByLabel('Owner')).toHaveAttribute('aria-invalid', 'true');
  await expect(actions.getByLabel('Due date')).toHaveAttribute('aria-invalid', 'true');
  await expect(actions.getByText('Owner is missing. Fill it in.')).toBeVisible();
  await expect(actions.getByText('Due date is missing. Fill it in.')).toBeVisible();
  await actions.getByLabel('Action', { exact: true }).fill('Send the recruitment plan');
  await actions.getByLabel('Owner').fill('Priya Shah');
  await actions.getByLabel('Due date').fill(localDate(21));
  await actions.getByRole('button', { name: 'Add action item' }).click();
  await expect(actions.getByTestId('action-row')).toContainText('Send the recruitment plan');

  // The meeting starts in a week, so it cannot have been held yet, and the page shows when it can.
  const markHeld = detail.getByRole('button', { name: 'Mark as held' });
  await expect(markHeld).toBeDisabled();
  await expect(detail.getByTestId('held-reason')).toHaveText(
    /^You can mark this meeting as held once it has started, at 10:00 on .+ \(Europe\/London\)\.$/,
  );
  // On the meeting's day, after its 10:00 start in London, the page offers it.
  await context.clock.setFixedTime(new Date(`${firstDate}T12:00:00Z`));
  await page.reload();
  await expect(markHeld).toBeEnabled();
  await expect(detail.getByTestId('held-reason')).toHaveCount(0);
  await markHeld.click();
  await expect(detail.getByTestId('meeting-status')).toHaveText('Held');

  // Everything is still there after a reload, on the same meeting.
  await page.reload();
  const reloaded = page.getByTestId('meeting-detail');
  await expect(reloaded.getByTestId('meeting-status')).toHaveText('Held');
  await expect(reloaded.getByTestId('agenda-item')).toHaveCount(draftedCount + 1);
  await expect(reloaded.getByTestId('agenda-item').first()).toContainText('Approval of the previous minutes');
  await expect(reloaded.getByTestId('agenda-item').filter({ hasText: riskTitle })).toHaveCount(1);
  await expect(reloaded.getByTestId('meeting-minutes').getByRole('textbox', { name: 'Minutes' })).toHaveValue(
    'The committee reviewed call answering and staff attrition.',
  );
  await expect(reloaded.getByTestId('meeting-decisions').getByRole('listitem')).toContainText('decided by Steering committee');
  const actionRow = reloaded.getByTestId('meeting-actions').getByTestId('action-row');
  await expect(actionRow).toContainText('Priya Shah');
  await expect(actionRow).toContainText('Open');

  // The decision log lists the decision with its meeting, and the Actions tab the open action.
  await page.getByRole('tab', { name: 'Decision log' }).click();
  const log = page.getByTestId('decision-log');
  // The sample's own meetings recorded decisions too; the search narrows the log to this one.
  await log.getByLabel('Search decisions').fill('Fund 20 more');
  await expect(log.getByTestId('decision-row')).toHaveCount(1);
  await expect(log.getByTestId('decision-row')).toContainText('Fund 20 more call handlers for the winter peak');
  await expect(log.getByTestId('decision-row')).toContainText('Steering committee');
  await expect(log.getByTestId('decision-row')).toContainText(providerName);
  await log.getByLabel('Search decisions').fill('no such decision');
  await expect(log.getByText('No decisions match these filters.')).toBeVisible();

  await page.getByRole('tab', { name: 'Actions' }).click();
  const actionList = page.getByTestId('actions-tab');
  const listed = actionList.getByTestId('action-row');
  await actionList.getByTestId('action-owner-filter').selectOption('Priya Shah');
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText('Priya Shah');
  await listed.getByRole('button', { name: 'Mark “Send the recruitment plan” done' }).click();
  // The list shows open actions by default, so a done action leaves it.
  await expect(listed).toHaveCount(0);
  await actionList.getByLabel('Status').selectOption({ label: 'Done' });
  await expect(listed).toContainText('Done');

  await context.close();
});

test('decisions and actions edited, deleted and added', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openNav(page, 'Governance');

  await test.step('a decision is edited and deleted from the log', async () => {
    await page.getByRole('tab', { name: 'Decision log' }).click();
    const log = page.getByTestId('decision-log');
    await log.getByLabel('Search decisions').fill('Waive the earn-back');
    const rows = log.getByTestId('decision-row');
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    await rows
      .first()
      .getByRole('button', { name: /^Edit decision/ })
      .click();
    const form = log.getByTestId('decision-edit-form');
    // A filled text area's accessible name also contains its text, so the role and a prefix find it.
    const text = form.getByRole('textbox', { name: /^Decision/ });
    await text.fill('');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('Decision is missing. Fill it in.')).toBeVisible();
    await text.fill('Waive the earn-back for the first two months');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('undo-toast')).toContainText('Saved: decision “Waive the earn-back for the first month');

    await log.getByLabel('Search decisions').fill('first two months');
    await expect(rows).toHaveCount(1);
    await rows
      .first()
      .getByRole('button', { name: /^Delete decision/ })
      .click();
    const dialog = page.getByTestId('delete-decision-dialog');
    await dialog.getByRole('button', { name: 'Delete decision' }).click();
    await expect(rows).toHaveCount(0);
  });

  await test.step('an action is edited and one is added outside a meeting', async () => {
    await page.getByRole('tab', { name: 'Actions' }).click();
    const tab = page.getByTestId('actions-tab');
    await tab.getByTestId('action-owner-filter').selectOption('Siobhan Walsh');
    const row = tab.getByTestId('action-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Overdue');
    await row.getByRole('button', { name: /^Edit action/ }).click();
    const form = tab.getByTestId('action-edit-form');
    await form.getByLabel('Due date').fill(localDate(14));
    await form.getByLabel('Owner').fill('');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByText('Owner is missing. Fill it in.')).toBeVisible();
    await form.getByLabel('Owner').fill('Marek Nowak');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);
    await tab.getByTestId('action-owner-filter').selectOption('Marek Nowak');
    await expect(row).toHaveCount(1);
    await expect(row).not.toContainText('Overdue');

    const add = tab.getByTestId('action-add-form');
    await add.getByLabel('Action', { exact: true }).fill('Check the Cork site pathway training records');
    await add.getByLabel('Owner').fill('Marek Nowak');
    await add.getByLabel('Provider').selectOption({ label: 'Portfolio-wide' });
    await add.getByRole('button', { name: 'Add action item' }).click();
    await expect(add.getByLabel('Due date')).toHaveAttribute('aria-invalid', 'true');
    await expect(add.getByText('Due date is missing. Fill it in.')).toBeVisible();
    await expect(row).toHaveCount(1);
    await add.getByLabel('Due date').fill(localDate(30));
    await add.getByRole('button', { name: 'Add action item' }).click();
    await expect(row).toHaveCount(2);
    await expect(row.filter({ hasText: 'Check the Cork site' })).toContainText('Portfolio-wide');

    await page.reload();
    await expect(page.getByTestId('actions-tab')).toBeVisible({ timeout: 30_000 });
    await page.getByTestId('actions-tab').getByTestId('action-owner-filter').selectOption('Marek Nowak');
    await expect(page.getByTestId('actions-tab').getByTestId('action-row')).toHaveCount(2);
  });

  await context.close();
});

test('moved meeting is not planned again', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openNav(page, 'Governance');

  const cadence = page.getByRole('listitem', { name: 'Monthly service review, West Midlands' });
  const upcoming = page.getByTestId('upcoming-meetings');
  const monthly = upcoming.locator('tbody tr', { hasText: 'Monthly service review, West Midlands' }).first();
  await monthly.getByRole('button').click();
  const detail = page.getByTestId('meeting-detail');
  const plannedDate = await detail.getByTestId('meeting-date').textContent();
  await detail.getByRole('button', { name: 'Edit details' }).click();
  const form = detail.getByTestId('meeting-form');
  await expect(form.getByText('This meeting was planned from a standing meeting.', { exact: false })).toBeVisible();
  const movedTo = localDate(70);
  await form.getByLabel('Date').fill(movedTo);
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(form).toHaveCount(0);
  await expect(detail.getByTestId('meeting-date')).not.toHaveText(plannedDate ?? '');
  await expect(page.getByTestId('undo-toast')).toContainText('Saved: moving meeting');

  await detail.getByRole('button', { name: 'Back to meetings' }).click();
  await cadence.getByRole('button', { name: 'Plan meetings' }).click();
  await expect(cadence.getByTestId('plan-notice')).toHaveText(/^Every meeting up to .* was already planned\.$/);
  const cancelled = upcoming.locator('tbody tr', { hasText: plannedDate ?? '' }).filter({ hasText: 'Monthly service review' });
  await expect(cancelled).toContainText('Cancelled');
  await context.close();
});
