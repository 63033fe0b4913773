/**
 * The audit trail as a vendor manager reads it. A provider renamed under the user's name shows
 * the old and new name in the provider's History, also after a reload. The Activity view of the
 * Governance screen, filtered by user and record type, shows it too and links to the provider.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { openProvider, openSample, renameOpenProvider } from './providerEditing';
import { sampleProviders } from './sampleData';

const providerCode = '111AA7';
const userName = 'Dana Reviewer';
const newName = 'North West Calls (renamed)';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

function oldName(): string {
  const name = sampleProviders().get(providerCode);
  if (name === undefined) throw new Error(`The sample has no provider ${providerCode}`);
  return name;
}

async function setUserName(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Portfolios' }).click();
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByTestId('user-name-form').getByRole('status')).toHaveText(`Changes from now on are recorded as made by ${name}.`);
}

/** Returns the provider's own History section, not those of its contracts. */
function providerHistory(page: Page) {
  return page.locator('[data-testid="record-history"][data-table="providers"]');
}

/** Opens the provider page's History and returns its newest entry. */
async function openHistory(page: Page) {
  const history = providerHistory(page);
  const toggle = history.getByRole('button', { name: /^History/ });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return history.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem').first();
}

test('rename shows in history and activity', async () => {
  const context = await profile.launch({ timezoneId: 'UTC' });
  const page = context.pages()[0] ?? (await context.newPage());
  await openSample(page);
  await setUserName(page, userName);
  await openProvider(page, providerCode);
  await renameOpenProvider(page, newName);

  const newest = await openHistory(page);
  await expect(newest).toContainText(userName);
  await expect(newest).toContainText('Changed');
  const nameRow = newest.getByRole('row', { name: /^Name/ });
  await expect(nameRow.getByRole('cell').nth(0)).toHaveText(oldName());
  await expect(nameRow.getByRole('cell').nth(1)).toHaveText(newName);

  // The history is read from the audit trail in IndexedDB, so it survives a restart.
  await page.reload();
  await openProvider(page, providerCode);
  const afterReload = await openHistory(page);
  await expect(afterReload.getByRole('row', { name: /^Name/ }).getByRole('cell').nth(1)).toHaveText(newName);
  // The sample import wrote an entry for the provider too: the oldest in its history names the file.
  await expect(providerHistory(page).getByRole('listitem')).toHaveCount(2);
  await expect(providerHistory(page).getByRole('listitem').last()).toContainText('Imported from nhs111_calls_2015-16.csv on');

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Governance' }).click();
  await page.getByRole('tab', { name: 'Activity' }).click();
  const activity = page.getByTestId('activity-view');
  await expect(activity.getByTestId('activity-no-name')).toHaveCount(0);
  await activity.getByLabel('User').selectOption({ label: userName });
  await activity.getByLabel('Record type').selectOption({ label: 'Providers' });
  const entries = activity.getByTestId('activity-entry');
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(userName);
  await expect(entries.first().getByRole('row', { name: /^Name/ }).getByRole('cell').nth(0)).toHaveText(oldName());
  await expect(entries.first().getByRole('row', { name: /^Name/ }).getByRole('cell').nth(1)).toHaveText(newName);

  // Another record type by the same user lists nothing, and a date range that ends before today hides the rename.
  await activity.getByLabel('Record type').selectOption({ label: 'Contracts' });
  await expect(activity.getByText('No activity matches these filters.')).toBeVisible();
  await activity.getByLabel('Record type').selectOption({ label: 'Providers' });
  await expect(entries).toHaveCount(1);
  await activity.getByLabel('To', { exact: true }).fill('2020-01-01');
  await expect(activity.getByText('No activity matches these filters.')).toBeVisible();
  await activity.getByLabel('To', { exact: true }).fill('');
  await expect(entries).toHaveCount(1);

  await entries
    .first()
    .getByRole('button', { name: `${newName} (code ${providerCode})` })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(newName);
  await context.close();
});

test('activity pages through the sample import', async () => {
  const context = await profile.launch({ timezoneId: 'UTC' });
  const page = context.pages()[0] ?? (await context.newPage());
  await openSample(page);
  // The escalation rules run once the sample opens and write escalations. The notification count
  // shows once that write is done, so from then on the newest activity stays the same.
  await expect(page.getByTestId('notifications-count')).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Governance' }).click();
  await page.getByRole('tab', { name: 'Activity' }).click();
  const activity = page.getByTestId('activity-view');
  const entries = activity.getByTestId('activity-entry');
  await expect(entries).toHaveCount(25);
  // No name was set in this profile, so the view links to where to set one.
  await expect(activity.getByTestId('activity-no-name')).toContainText('Your name is not set');
  await expect(activity.getByRole('button', { name: 'Newer' })).toBeDisabled();
  const firstOnPageOne = (await entries.first().textContent()) ?? '';
  await activity.getByRole('button', { name: 'Older' }).click();
  await expect(activity.getByText('Page 2')).toBeVisible();
  await expect(entries.first()).not.toHaveText(firstOnPageOne);
  await activity.getByRole('button', { name: 'Newer' }).click();
  await expect(entries.first()).toHaveText(firstOnPageOne);
  await context.close();
});

test('deleted certification is named once', async () => {
  const context = await profile.launch({ timezoneId: 'UTC' });
  const page = context.pages()[0] ?? (await context.newPage());
  await openSample(page);
  await openProvider(page, providerCode);

  const section = page.getByTestId('provider-certifications');
  // The sample provider has certificates of its own, which stay.
  const sampleCount = await section.getByTestId('certification-row').count();
  await section.getByRole('button', { name: 'Add certification' }).click();
  const form = section.getByTestId('certification-form');
  await form.getByLabel('Qualifier (optional)', { exact: true }).fill('v4.0');
  await form.getByLabel('Issued', { exact: true }).fill('2025-01-15');
  await form.getByLabel('Expires', { exact: true }).fill('2028-01-14');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await section.getByRole('button', { name: /^Delete certification ISO\/IEC 27001 \(v4\.0\)/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(section.getByTestId('certification-row')).toHaveCount(sampleCount);

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Governance' }).click();
  await page.getByRole('tab', { name: 'Activity' }).click();
  const activity = page.getByTestId('activity-view');
  await activity.getByLabel('Record type').selectOption({ label: 'Certifications' });
  const entries = activity.getByTestId('activity-entry');
  await expect(entries.filter({ hasText: '(deleted)' })).toHaveCount(1);
  await expect(entries.first().getByRole('heading')).toHaveText(`Certifications: ISO/IEC 27001 (v4.0) certification of ${oldName()} (deleted)`);
  // Dates show as the rest of the app shows them, and the standard by its name.
  await expect(entries.first().getByRole('row', { name: /^Expires on/ }).getByRole('cell').nth(0)).toHaveText('14 Jan 2028');
  await expect(entries.first().getByRole('row', { name: /^Standard/ }).getByRole('cell').nth(0)).toHaveText('ISO/IEC 27001');
  await context.close();
});
