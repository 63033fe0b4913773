/**
 * The Setup tab's criteria editor and criteria templates, as a user drives them. The first test
 * adds, renames, reweights, moves and deletes sections and criteria of a draft RFP and edits
 * level descriptions. The second saves the criteria as a template and starts a second RFP from it.
 */
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

async function createRfp(page: Page, title: string, template?: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'RFPs' }).click();
  await page.getByRole('button', { name: 'New RFP from template' }).click();
  if (template !== undefined) await page.getByLabel('Criteria template', { exact: true }).selectOption({ label: template });
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Processes to outsource (one per line)').fill('Accounts payable');
  await page.getByRole('button', { name: 'Create RFP' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function fieldValues(fields: Locator): Promise<string[]> {
  const values: string[] = [];
  for (const field of await fields.all()) values.push(await field.inputValue());
  return values;
}

/** Returns the first-column texts of the criteria tree: section and criterion titles, in display order. */
async function treeTitles(page: Page): Promise<string[]> {
  const cells = page.getByTestId('criteria-tree').locator('tbody tr > :first-child input[type="text"]');
  return fieldValues(cells);
}

/** Returns the kind and weight fields of the criteria tree, in display order. */
async function treeWeights(page: Page): Promise<string[]> {
  const fields = page.getByTestId('criteria-tree').locator('tbody select, tbody input[inputmode="decimal"]');
  return fieldValues(fields);
}

test('criteria editor add edit remove', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await createRfp(page, 'Accounts payable 2027');
  const tree = page.getByTestId('criteria-tree');

  // A new section with one scored criterion.
  const addSection = page.getByRole('form', { name: 'Add section' });
  await addSection.getByLabel('New section title').fill('Sustainability');
  await addSection.getByLabel('Section weight').fill('5');
  await addSection.getByRole('button', { name: 'Add section' }).click();
  await expect(tree.getByLabel('Title of section Sustainability')).toHaveValue('Sustainability');

  const addCriterion = page.getByRole('form', { name: 'Add criterion' });
  await addCriterion.getByLabel('In section').selectOption({ label: 'Sustainability' });
  await addCriterion.getByRole('button', { name: 'Add criterion' }).click();
  await expect(addCriterion).toContainText('Enter a title.');
  await addCriterion.getByLabel('New criterion title').fill('Carbon reporting');
  await addCriterion.getByLabel('Criterion weight').fill('3');
  await addCriterion.getByRole('button', { name: 'Add criterion' }).click();
  await expect(tree.getByLabel('Title of criterion Carbon reporting')).toHaveValue('Carbon reporting');
  await expect(page.getByTestId('criteria-total')).toHaveText('100.0%');

  // The repository rejects a second price criterion; the kind list does not offer it.
  const kind = tree.getByLabel('Kind of Carbon reporting');
  await expect(kind.locator('option', { hasText: 'Price' })).toBeDisabled();

  // Rename, then describe level 5 and make it a knockout and back.
  const title = tree.getByLabel('Title of criterion Carbon reporting');
  await title.fill('Carbon and energy reporting');
  await title.press('Enter');
  await expect(tree.getByLabel('Title of criterion Carbon and energy reporting')).toHaveValue('Carbon and energy reporting');

  await tree.getByText('Scale and guidance of Carbon and energy reporting').click();
  const levels = page.getByRole('form', { name: 'Level descriptions of Carbon and energy reporting' });
  await levels.getByLabel('Level 5 (Excellent)').fill('');
  await levels.getByRole('button', { name: 'Save level descriptions' }).click();
  await expect(levels).toContainText('Describe what a bid must show to earn this level.');
  await levels.getByLabel('Level 5 (Excellent)').fill('Verified scope 1 to 3 reporting with targets met for two years.');
  await levels.getByRole('button', { name: 'Save level descriptions' }).click();
  await expect(levels.getByLabel('Level 5 (Excellent)')).toHaveAttribute('aria-invalid', 'false');

  await tree.getByLabel('Kind of Carbon and energy reporting').selectOption('knockout');
  await expect(tree.locator('tr', { has: page.getByLabel('Title of criterion Carbon and energy reporting') })).toContainText('No weight');

  // Move the new section up one place, above the last built-in section.
  const before = await treeTitles(page);
  const sectionIndex = before.indexOf('Sustainability');
  await tree.getByRole('button', { name: 'Move Sustainability up' }).click();
  await expect.poll(async () => (await treeTitles(page)).indexOf('Sustainability')).toBeLessThan(sectionIndex);

  // Deleting the section needs a confirmation and takes its criterion with it.
  const sectionRow = tree.locator('tr', { has: page.getByLabel('Title of section Sustainability') });
  await sectionRow.getByRole('button', { name: 'Delete section' }).click();
  await sectionRow.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(tree.getByLabel('Title of section Sustainability')).toHaveCount(0);
  await expect(tree.getByLabel('Title of criterion Carbon and energy reporting')).toHaveCount(0);
  await expect(page.getByTestId('criteria-total')).toHaveText('100.0%');

  // A weight that is not a number is refused in place and nothing is saved.
  const firstWeight = tree.locator('tbody tr').first().locator('input[inputmode="decimal"]');
  await firstWeight.fill('ten');
  await firstWeight.press('Enter');
  await expect(tree).toContainText('Enter a weight of 0 or more.');
  await context.close();
});

test('criteria template saved and reused', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await createRfp(page, 'Payroll 2027');

  // Change the tree so it differs from the built-in template.
  const addSection = page.getByRole('form', { name: 'Add section' });
  await addSection.getByLabel('New section title').fill('Local presence');
  await addSection.getByRole('button', { name: 'Add section' }).click();
  const addCriterion = page.getByRole('form', { name: 'Add criterion' });
  await addCriterion.getByLabel('In section').selectOption({ label: 'Local presence' });
  await addCriterion.getByLabel('New criterion title').fill('Office in the client country');
  await addCriterion.getByRole('button', { name: 'Add criterion' }).click();
  await expect(page.getByTestId('criteria-tree').getByLabel('Title of criterion Office in the client country')).toBeVisible();
  const original = await treeTitles(page);
  const originalWeights = await treeWeights(page);

  await page.getByRole('button', { name: 'Save criteria as template' }).click();
  const form = page.getByRole('form', { name: 'Save criteria as template' });
  await form.getByLabel('Template name').fill('');
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(form).toContainText('Enter a name for the template.');
  await form.getByLabel('Template name').fill('Payroll with local presence');
  await form.getByRole('button', { name: 'Save template' }).click();
  await expect(page.getByRole('status')).toContainText('Saved the criteria as the template “Payroll with local presence”');

  await createRfp(page, 'Payroll 2028', 'Payroll with local presence');
  await expect(page.getByTestId('criteria-total')).toHaveText('100.0%');
  expect(await treeTitles(page)).toEqual(original);
  expect(await treeWeights(page)).toEqual(originalWeights);

  // Delete the saved template from the form; the built-in one stays.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'RFPs' }).click();
  await page.getByRole('button', { name: 'New RFP from template' }).click();
  const picker = page.getByLabel('Criteria template', { exact: true });
  await picker.selectOption({ label: 'Payroll with local presence' });
  await page.getByRole('button', { name: 'Delete template “Payroll with local presence”' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(picker.locator('option')).toHaveText(['BPO provider selection']);
  await expect(page.getByText('No saved template yet.')).toBeVisible();
  await context.close();
});
