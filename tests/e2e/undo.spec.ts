/** Undo of provider page edits: Ctrl+Z outside text fields, the toast's Undo button, and what a reload shows. */
import { expect, test } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { mostBreachedProviderCode, openProvider, openSample, renameOpenProvider } from './providerEditing';
import { sampleProviders } from './sampleData';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

const code = mostBreachedProviderCode();

test('Ctrl+Z restores a renamed provider', async () => {
  const oldName = sampleProviders().get(code) ?? '';
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openProvider(page, code);

  await renameOpenProvider(page, 'Undo Test Provider');
  const toast = page.getByTestId('undo-toast');
  await expect(toast).toContainText(`Saved: renaming “${oldName}” to “Undo Test Provider”.`);

  // Focus on a button, not a text field, so the shortcut belongs to the app.
  await page.getByRole('button', { name: 'Rename' }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(oldName);
  await expect(toast).toContainText(`Undone: renaming “${oldName}” to “Undo Test Provider”.`);

  // The stack is empty now, so a second Ctrl+Z reports that and changes nothing.
  await page.keyboard.press('Control+z');
  await expect(toast).toContainText('Nothing to undo');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(oldName);

  await page.reload();
  await openProvider(page, code);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(oldName);
  await context.close();
});

test('Ctrl+Z in a text field stays there', async () => {
  const oldName = sampleProviders().get(code) ?? '';
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openProvider(page, code);
  await renameOpenProvider(page, 'Kept Name');

  await page.getByRole('button', { name: 'Rename' }).click();
  const input = page.getByTestId('rename-form').getByLabel('Provider name');
  await input.press('Control+z');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kept Name');
  await page.getByTestId('rename-form').getByRole('button', { name: 'Cancel' }).click();
  expect(oldName).not.toBe('Kept Name');
  await context.close();
});

test('toast Undo button undoes the last edit', async () => {
  const oldName = sampleProviders().get(code) ?? '';
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openProvider(page, code);

  await renameOpenProvider(page, 'First Rename');
  await renameOpenProvider(page, 'Second Rename');
  const toast = page.getByTestId('undo-toast');
  await expect(toast).toContainText('Saved: renaming “First Rename” to “Second Rename”.');
  await toast.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('First Rename');

  // The earlier edit is next on the stack, in order.
  await page.locator('body').press('Control+z');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(oldName);

  await page.reload();
  await openProvider(page, code);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(oldName);
  await context.close();
});

test('Ctrl+Z undoes a risk status and a site city', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openProvider(page, code);
  const sites = page.getByTestId('provider-sites');
  const toast = page.getByTestId('undo-toast');

  await test.step('add a site and a risk', async () => {
    await sites.getByRole('button', { name: 'Add site' }).click();
    const form = sites.getByTestId('site-form');
    await form.getByRole('combobox', { name: /^Country/ }).selectOption({ label: 'India' });
    await form.getByLabel('City', { exact: true }).fill('Pune');
    await form.getByLabel('City', { exact: true }).press('Enter');
    await expect(form).toHaveCount(0);
    await expect(toast).toContainText('Saved: adding the site in Pune.');

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Risks' }).click();
    await page.getByRole('button', { name: 'Add risk' }).click();
    const riskForm = page.getByTestId('risk-form');
    await riskForm.getByLabel('Title').fill('Key staff leave');
    await riskForm.getByLabel('Likelihood (1 to 5)').fill('3');
    await riskForm.getByLabel('Impact (1 to 5)').fill('4');
    await riskForm.getByRole('button', { name: 'Add risk' }).click();
    await expect(toast).toContainText('Saved: adding risk “Key staff leave”.');
  });

  // The sample has risks of its own, so the row is found by its title.
  const riskRow = page.getByTestId('risks-table').locator('tbody tr', { hasText: 'Key staff leave' });
  await test.step('edit the risk status, then the site city', async () => {
    await riskRow.click();
    const detail = page.getByTestId('risk-detail');
    await detail.getByRole('button', { name: 'Edit' }).click();
    const riskForm = page.getByTestId('risk-form');
    await riskForm.getByLabel('Status').selectOption({ label: 'Being mitigated' });
    await riskForm.getByRole('button', { name: 'Save risk' }).click();
    await expect(riskRow).toContainText('Being mitigated');
    await expect(toast).toContainText('Saved: risk “Key staff leave”.');

    await openProvider(page, code);
    await sites.getByTestId('site-row').getByRole('button', { name: /Edit/ }).click();
    const form = sites.getByTestId('site-form');
    await form.getByLabel('City', { exact: true }).fill('Mumbai');
    await form.getByLabel('City', { exact: true }).press('Enter');
    await expect(form).toHaveCount(0);
    await expect(sites.getByTestId('site-row').getByRole('rowheader')).toHaveText('Mumbai');
    // The city is the site's name, so the toast names the old and the new one.
    await expect(toast).toContainText('Saved: moving the site in Pune to Mumbai.');
  });

  await test.step('Ctrl+Z twice restores both', async () => {
    await page.locator('body').press('Control+z');
    await expect(toast).toContainText('Undone: moving the site in Pune to Mumbai.');
    await expect(sites.getByTestId('site-row').getByRole('rowheader')).toHaveText('Pune');
    await page.locator('body').press('Control+z');
    await expect(toast).toContainText('Undone: risk “Key staff leave”.');

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Risks' }).click();
    await expect(riskRow).toContainText('Open');
    await expect(riskRow).not.toContainText('Being mitigated');
  });

  await test.step('a reload keeps the restored values', async () => {
    await page.reload();
    await openProvider(page, code);
    await expect(sites.getByTestId('site-row').getByRole('rowheader')).toHaveText('Pune');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Risks' }).click();
    await expect(riskRow).toContainText('Open');
    await expect(riskRow).not.toContainText('Being mitigated');
  });
  await context.close();
});

test('Ctrl+Z after a deletion undoes nothing older', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openProvider(page, code);
  const sites = page.getByTestId('provider-sites');
  const toast = page.getByTestId('undo-toast');

  await renameOpenProvider(page, 'Renamed Before Delete');
  await sites.getByRole('button', { name: 'Add site' }).click();
  const form = sites.getByTestId('site-form');
  await form.getByRole('combobox', { name: /^Country/ }).selectOption({ label: 'India' });
  await form.getByLabel('City', { exact: true }).fill('Pune');
  await form.getByLabel('City', { exact: true }).press('Enter');
  await expect(form).toHaveCount(0);

  await sites.getByRole('button', { name: /^Delete site/ }).click();
  await page.getByTestId('provider-record-delete-dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(sites.getByTestId('site-row')).toHaveCount(0);
  await expect(toast).toContainText('Deleted. A deletion cannot be undone here');

  await page.locator('body').press('Control+z');
  await expect(toast).toContainText('Nothing to undo');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Renamed Before Delete');
  await context.close();
});

test('undo toast leaves the form fields free', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  // A narrow window, where the toast spans nearly the whole width.
  await page.setViewportSize({ width: 600, height: 700 });
  await openSample(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Risks' }).click();
  const toast = page.getByTestId('undo-toast');

  await page.getByRole('button', { name: 'Add risk' }).click();
  const newRisk = page.getByTestId('risk-form');
  await newRisk.getByLabel('Title').fill('Key staff leave');
  await newRisk.getByLabel('Likelihood (1 to 5)').fill('3');
  await newRisk.getByLabel('Impact (1 to 5)').fill('4');
  await newRisk.getByRole('button', { name: 'Add risk' }).click();
  await expect(toast).toContainText('Saved: adding risk “Key staff leave”.');

  // The edit form is the last thing on the page, so its last fields are where the toast is.
  await page.getByTestId('risk-detail').getByRole('button', { name: 'Edit' }).click();
  const form = page.getByTestId('risk-form');
  const mitigation = form.getByLabel('Mitigation');
  const save = form.getByRole('button', { name: 'Save risk' });

  await test.step('the last button scrolls clear of the toast', async () => {
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    const toastBox = await toast.boundingBox();
    const saveBox = await save.boundingBox();
    if (toastBox === null || saveBox === null) throw new Error('the toast or the Save button is not on screen');
    expect(saveBox.y + saveBox.height).toBeLessThanOrEqual(toastBox.y);
  });

  await test.step('a field focused under the toast moves it up', async () => {
    // Scroll until the field's lower edge is 20 px above the window's, under the toast.
    const fieldBottom = await mitigation.evaluate(
      (element: { getBoundingClientRect(): { bottom: number } }) => element.getBoundingClientRect().bottom,
    );
    const windowHeight = await page.evaluate<number>('window.innerHeight');
    await page.evaluate(`window.scrollBy(0, ${String(fieldBottom - (windowHeight - 20))})`);
    await mitigation.evaluate((element: { focus(options: { preventScroll: boolean }): void }) => {
      element.focus({ preventScroll: true });
    });
    await expect(toast).toHaveAttribute('data-placement', 'top');
    const toastBox = await toast.boundingBox();
    const fieldBox = await mitigation.boundingBox();
    if (toastBox === null || fieldBox === null) throw new Error('the toast or the Mitigation field is not on screen');
    expect(toastBox.y + toastBox.height).toBeLessThanOrEqual(fieldBox.y);
  });

  await test.step('the fields take clicks and typing', async () => {
    await mitigation.click();
    await mitigation.fill('Retention bonus for team leads');
    await save.click();
    await expect(toast).toContainText('Saved: risk “Key staff leave”.');
  });
  await context.close();
});

test('renamed process undo names both names', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Processes' }).click();
  await page.getByRole('button', { name: 'Add process' }).click();
  const addForm = page.getByRole('form', { name: 'Add a process' });
  await addForm.getByLabel('Process name').fill('Payroll run');
  await addForm.getByLabel('Function').selectOption({ label: 'Customer service' });
  await addForm.getByRole('button', { name: 'Add' }).click();
  await expect(addForm).toHaveCount(0);

  await page.getByRole('button', { name: 'Edit Payroll run' }).click();
  const editForm = page.getByRole('form', { name: 'Edit process Payroll run' });
  await editForm.getByLabel('Process name').fill('Payroll and expenses run');
  await editForm.getByRole('button', { name: 'Save' }).click();
  await expect(editForm).toHaveCount(0);

  // The toast names the process by both names, never by the name it no longer has alone.
  const toast = page.getByTestId('undo-toast');
  await expect(toast).toContainText('Saved: renaming process “Payroll run” to “Payroll and expenses run”.');
  await toast.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(toast).toContainText('Undone: renaming process “Payroll run” to “Payroll and expenses run”.');
  await expect(page.getByRole('button', { name: 'Edit Payroll run' })).toBeVisible();
  await context.close();
});
