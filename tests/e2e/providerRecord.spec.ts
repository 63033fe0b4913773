import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { openProvider, openSection } from './providerEditing';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

/** Returns the UTC calendar date `days` after now; a margin of days keeps it on the same side of the 60-day window in any zone. */
function dateFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Expects `field` to be marked invalid with `message` as its description. */
async function expectFieldError(field: Locator, message: string): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(message);
}

async function addSite(page: Page): Promise<void> {
  const section = page.getByTestId('provider-sites');
  await section.getByRole('button', { name: 'Add site' }).click();
  const form = section.getByTestId('site-form');
  await form.getByRole('combobox', { name: /^Country/ }).selectOption({ label: 'India' });
  // The browser runs in America/Los_Angeles, so Kolkata comes from the country, not from the user's zone.
  await expect(form.getByRole('combobox', { name: /^Time zone/ })).toHaveValue('Asia/Kolkata');
  await form.getByLabel('City', { exact: true }).fill('Pune');
  await form.getByRole('combobox', { name: /^Delivery model/ }).selectOption({ label: 'Offshore' });
  await form.getByLabel('FTE', { exact: true }).fill('40');
  // A language may be typed by name or by tag, in any case; both are stored as BCP 47 tags.
  await form.getByLabel('Languages', { exact: true }).fill('English, HI');
  await expect(form.getByText('Read as: English, Hindi.')).toBeVisible();
  // Enter in a text field submits the form.
  await form.getByLabel('Languages', { exact: true }).press('Enter');
  await expect(form).toHaveCount(0);
}

async function addCertification(page: Page, issuedOn: string, expiresOn: string): Promise<void> {
  const section = page.getByTestId('provider-certifications');
  await section.getByRole('button', { name: 'Add certification' }).click();
  const form = section.getByTestId('certification-form');
  await expect(form.getByRole('combobox', { name: /^Standard/ })).toHaveValue('iso27001');
  await form.getByLabel('Issued', { exact: true }).fill(issuedOn);
  await form.getByLabel('Expires', { exact: true }).fill('2020-01-01');
  await form.getByLabel('Evidence', { exact: true }).fill('Certificate and statement of applicability in the contract folder');
  await form.getByRole('button', { name: 'Save' }).click();

  const expires = form.getByLabel('Expires', { exact: true });
  await expectFieldError(
    expires,
    `Before the issue date ${issuedOn}. Correct the expiry or the issue date. The last day it is valid. Leave it empty when it does not expire.`,
  );
  await expect(expires).toBeFocused();

  await expires.fill(expiresOn);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
}

async function addContacts(page: Page): Promise<void> {
  const ours = page.getByTestId('contacts-client');
  await ours.getByRole('button', { name: 'Add contact (Our side)' }).click();
  const form = ours.getByTestId('contact-form');
  await expect(form.getByRole('combobox', { name: /^Role/ })).toHaveValue('programmeManager');
  await form.getByLabel('Name', { exact: true }).fill('Meera Iyer');
  await form.getByLabel('Email', { exact: true }).fill('meera.iyer@');
  await form.getByRole('button', { name: 'Save' }).click();
  const email = form.getByLabel('Email', { exact: true });
  await expectFieldError(email, 'Not an email address. Type an address such as name@example.com, or leave it empty.');
  await expect(email).toBeFocused();
  await email.fill('meera.iyer@example.com');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);

  const theirs = page.getByTestId('contacts-provider');
  await theirs.getByRole('button', { name: 'Add contact (Provider side)' }).click();
  const providerForm = theirs.getByTestId('contact-form');
  await providerForm.getByRole('combobox', { name: /^Role/ }).selectOption({ label: 'Account manager' });
  await providerForm.getByLabel('Name', { exact: true }).fill('Rahul Deshpande');
  await providerForm.getByLabel('Phone', { exact: true }).fill('+91 20 5555 0101');
  await providerForm.getByRole('button', { name: 'Save' }).click();
  await expect(providerForm).toHaveCount(0);
}

/** Checks everything the walk-through entered, as the provider page shows it. */
async function expectRecord(page: Page, expiresLabel: string): Promise<void> {
  const facts = page.getByTestId('provider-profile');
  await expect(facts.getByRole('definition')).toHaveText([
    'Pune Process Partners Pvt Ltd',
    'Global Services Group plc',
    'Operational process outsourcing',
    'Customer-facing, Internal',
    'Tier 1 (strategic)',
    'High',
    'Onboarding',
    'Adequate',
  ]);

  const siteRow = page.getByTestId('provider-sites').getByTestId('site-row');
  await expect(siteRow.getByRole('rowheader')).toHaveText('Pune');
  await expect(siteRow.getByRole('cell')).toHaveText(['India', 'Offshore', '40', 'English, Hindi', 'Asia/Kolkata', 'Not recorded', /Edit/]);

  const certificationRow = page.getByTestId('provider-certifications').getByTestId('certification-row');
  await expect(certificationRow.getByRole('rowheader')).toHaveText('ISO/IEC 27001');
  await expect(certificationRow.getByTestId('certification-status')).toHaveText('Expires within 60 days');
  // Cells after the standard: issued, expires, status, evidence, actions.
  await expect(certificationRow.getByRole('cell').nth(1)).toHaveText(expiresLabel);
  await expect(certificationRow.getByRole('cell').nth(3)).toHaveText('Certificate and statement of applicability in the contract folder');

  const ourContact = page.getByTestId('contacts-client').getByTestId('contact-row');
  await expect(ourContact.getByRole('rowheader')).toHaveText('Meera Iyer');
  await expect(ourContact.getByRole('cell')).toHaveText(['Programme manager', 'meera.iyer@example.com', 'Not recorded', /Edit/]);
  const providerContact = page.getByTestId('contacts-provider').getByTestId('contact-row');
  await expect(providerContact.getByRole('rowheader')).toHaveText('Rahul Deshpande');
  await expect(providerContact.getByRole('cell')).toHaveText(['Account manager', 'Not recorded', '+91 20 5555 0101', /Edit/]);
}

test('provider record survives a reload', async () => {
  const context = await profile.launch({ timezoneId: 'America/Los_Angeles' });
  const page = await context.newPage();
  await page.goto('/');

  // The empty portfolio offers "Add provider" next to the sample.
  await page.getByRole('button', { name: 'Add provider' }).click();
  const addForm = page.getByTestId('add-provider-form');
  await expect(addForm.getByRole('combobox', { name: /^Lifecycle status/ })).toHaveValue('prospect');
  await addForm.getByLabel('Provider name', { exact: true }).fill('  Pune Process Partners ');
  await addForm.getByLabel('Code (optional)', { exact: true }).fill('PPP1');
  await addForm.getByRole('button', { name: 'Add provider' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pune Process Partners');
  await expect(page.getByText('Code PPP1')).toBeVisible();

  await page.getByRole('button', { name: 'Edit profile' }).click();
  const profileForm = page.getByTestId('profile-form');
  await profileForm.getByLabel('Legal entity', { exact: true }).fill('Pune Process Partners Pvt Ltd');
  await profileForm.getByLabel('Parent company', { exact: true }).fill('Global Services Group plc');
  await profileForm.getByRole('checkbox', { name: 'Operational process outsourcing' }).check();
  await profileForm.getByRole('checkbox', { name: 'Customer-facing' }).check();
  await profileForm.getByRole('checkbox', { name: 'Internal' }).focus();
  await page.keyboard.press('Space');
  await expect(profileForm.getByRole('checkbox', { name: 'Internal' })).toBeChecked();
  await profileForm.getByRole('combobox', { name: /^Tier/ }).selectOption({ label: 'Tier 1 (strategic)' });
  await profileForm.getByRole('combobox', { name: /^Criticality/ }).selectOption({ label: 'High' });
  await profileForm.getByRole('combobox', { name: /^Lifecycle status/ }).selectOption({ label: 'Onboarding' });
  await profileForm.getByRole('combobox', { name: /^Financial stability rating/ }).selectOption({ label: 'Adequate' });
  await profileForm.getByRole('button', { name: 'Save' }).click();
  await expect(profileForm).toHaveCount(0);

  await addSite(page);
  const issuedOn = dateFromNow(-300);
  const expiresOn = dateFromNow(30);
  await addCertification(page, issuedOn, expiresOn);
  await addContacts(page);

  const [year, month, day] = expiresOn.split('-').map(Number);
  const expiresLabel = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1)),
  );
  await expectRecord(page, expiresLabel);

  await page.reload();
  await openProvider(page, 'PPP1');
  await expectRecord(page, expiresLabel);

  await openSection(page, 'Providers');
  const row = page.getByTestId('providers-table').locator('tbody tr').first();
  await expect(row).toContainText('Tier 1 (strategic)');
  await expect(row).toContainText('Onboarding');
  await expect(row).toContainText('High');
  await context.close();
});

test('deleting a contact asks first', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Add provider' }).click();
  const addForm = page.getByTestId('add-provider-form');
  await addForm.getByLabel('Provider name', { exact: true }).fill('Manila Contact Hub');
  await addForm.getByRole('button', { name: 'Add provider' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Manila Contact Hub');

  const theirs = page.getByTestId('contacts-provider');
  await theirs.getByRole('button', { name: 'Add contact (Provider side)' }).click();
  const form = theirs.getByTestId('contact-form');
  await form.getByLabel('Name', { exact: true }).fill('Ana Santos');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);

  await theirs.getByRole('button', { name: 'Delete contact Ana Santos (Account manager)' }).click();
  const dialog = page.getByTestId('provider-record-delete-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('Delete the contact Ana Santos (Account manager)?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(theirs.getByTestId('contact-row')).toHaveCount(1);

  await theirs.getByRole('button', { name: 'Delete contact Ana Santos (Account manager)' }).click();
  await page.getByTestId('provider-record-delete-dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(theirs.getByTestId('contact-row')).toHaveCount(0);
  await expect(theirs.getByText('No contact on this side yet.')).toBeVisible();

  // A second provider with the same name in another case is rejected at the field.
  await openSection(page, 'Providers');
  await page.getByRole('button', { name: 'Add provider' }).click();
  const second = page.getByTestId('add-provider-form');
  await second.getByLabel('Provider name', { exact: true }).fill('manila contact hub');
  await second.getByRole('button', { name: 'Add provider' }).click();
  await expectFieldError(
    second.getByLabel('Provider name', { exact: true }),
    'Another provider already has this name. Type a different name.',
  );
  await context.close();
});

/** Adds a provider to the empty portfolio, whose page then shows. */
async function addProviderIn(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Add provider' }).click();
  const addForm = page.getByTestId('add-provider-form');
  await addForm.getByLabel('Provider name', { exact: true }).fill(name);
  await addForm.getByRole('button', { name: 'Add provider' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

/** Types `fte` into a new site in Pune and saves it. */
async function submitSiteWithFte(page: Page, fte: string): Promise<Locator> {
  const section = page.getByTestId('provider-sites');
  const form = section.getByTestId('site-form');
  if ((await form.count()) === 0) await section.getByRole('button', { name: 'Add site' }).click();
  // Country names follow the locale (Indien in German), so the option is chosen by its ISO code.
  await form.getByRole('combobox', { name: /^Country/ }).selectOption('IN');
  await form.getByLabel('City', { exact: true }).fill('Pune');
  await form.getByLabel('FTE', { exact: true }).fill(fte);
  await form.getByRole('button', { name: 'Save' }).click();
  return form;
}

test('site FTE in de-DE and en-GB style', async () => {
  await test.step('de-DE: a negative FTE is a range error, 1.234,5 is read', async () => {
    const context = await profile.launch({ locale: 'de-DE' });
    const page = await context.newPage();
    await addProviderIn(page, 'Berlin Backoffice');

    const form = await submitSiteWithFte(page, '-3');
    const fte = form.getByLabel('FTE', { exact: true });
    await expectFieldError(fte, 'FTE must be 0 or more. Type the number of full-time equivalents, or leave it empty.');
    await expect(fte).toBeFocused();

    await fte.fill('1.234,5');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toHaveCount(0);
    await expect(page.getByTestId('site-row').locator('td.cell-numeric')).toHaveText('1.234,5');
    await context.close();
  });

  await test.step('en-GB: 12,5 with a decimal comma is read as 12.5', async () => {
    // A profile of its own, because the first one reopens the German portfolio.
    const english = freshProfile();
    try {
      const context = await english.launch({ locale: 'en-GB' });
      const page = await context.newPage();
      await addProviderIn(page, 'Leeds Contact Centre');

      const form = await submitSiteWithFte(page, '12,5');
      await expect(form).toHaveCount(0);
      await expect(page.getByTestId('site-row').locator('td.cell-numeric')).toHaveText('12.5');
      await context.close();
    } finally {
      english.dispose();
    }
  });
});
