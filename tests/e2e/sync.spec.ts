import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openPortfolioFile } from '../../shared/file';
import { recordTables } from '../../shared/sync/snapshot';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import {
  abandonedKey,
  answeredKey,
  exportPortfolioTo,
  kpiCard,
  mostBreachedProviderCode,
  openPortfolioFileAt,
  openProvider,
  openSample,
  openSection,
  renameOpenProvider,
  setServiceLevel,
} from './providerEditing';
import { sampleProviders } from './sampleData';
import { providersByCode, readPortfolio, renamedOn, writePortfolio } from './syncFiles';

let laptopA: Profile;
let laptopB: Profile;

test.beforeEach(() => {
  laptopA = freshProfile();
  laptopB = freshProfile();
});

test.afterEach(() => {
  laptopA.dispose();
  laptopB.dispose();
});

test('exported sample opens as a new portfolio on another laptop', async () => {
  const exportedPath = join(laptopA.dir, 'sample.steerwise');

  const contextA = await laptopA.launch();
  const pageA = await contextA.newPage();
  await pageA.goto('/');
  await pageA.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(pageA.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await openSection(pageA, 'Sync');

  const download = pageA.waitForEvent('download');
  await pageA.getByRole('button', { name: 'Export portfolio' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('NHS 111 sample (2015-16).steerwise');
  await saved.saveAs(exportedPath);
  await expect(pageA.getByRole('status')).toHaveText('Saved NHS 111 sample (2015-16).steerwise.');
  await contextA.close();

  const contextB = await laptopB.launch();
  const pageB = await contextB.newPage();
  await pageB.goto('/');
  await expect(pageB.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
  await openSection(pageB, 'Sync');

  const chooser = pageB.waitForEvent('filechooser');
  await pageB.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooser).setFiles(exportedPath);
  const preview = pageB.getByTestId('sync-preview');
  await expect(preview).toContainText(/New portfolio NHS 111 sample \(2015-16\) with [\d,]+ records\./);

  await preview.getByRole('button', { name: 'Create portfolio' }).click();
  await expect(pageB.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await expect(pageB.getByTestId('portfolio-switcher').locator('option:checked')).toHaveText('NHS 111 sample (2015-16)');
  await contextB.close();
});

test('file named like a local portfolio warns before creating', async () => {
  const exportedPath = join(laptopA.dir, 'namesake.steerwise');
  const contextA = await laptopA.launch();
  const pageA = await contextA.newPage();
  await openSample(pageA);
  await exportPortfolioTo(pageA, exportedPath);
  await contextA.close();

  const contextB = await laptopB.launch();
  const pageB = await contextB.newPage();
  await pageB.goto('/');
  await pageB.getByRole('button', { name: 'Open portfolio file' }).click();
  await expect(pageB.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();

  // A portfolio of laptop B's own, named like laptop A's apart from case and spaces.
  await pageB.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Portfolios' }).click();
  const createForm = pageB.getByTestId('create-portfolio-form');
  await createForm.getByLabel('Name of the new portfolio').fill(' nhs 111  SAMPLE (2015-16)');
  await createForm.getByRole('button', { name: 'Create empty portfolio' }).click();
  await expect(pageB.getByRole('status')).toContainText('nhs 111  SAMPLE (2015-16)');

  const preview = await openPortfolioFileAt(pageB, exportedPath);
  const warning = preview.getByTestId('namesake-warning');
  await expect(warning).toContainText('This file is a different portfolio from “nhs 111  SAMPLE (2015-16)” on this computer');
  await expect(warning).toContainText('will not merge');
  await expect(warning).toContainText('Sync > Open portfolio file');
  await contextB.close();
});

test('empty file gets its own sentence and replaces old notices', async () => {
  const emptyPath = join(laptopA.dir, 'empty.steerwise');
  writeFileSync(emptyPath, new Uint8Array(0));
  const context = await laptopA.launch();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
  await openSection(page, 'Sync');

  // The options come before the Export button, and a new validation message replaces the success notice.
  const options = page.getByTestId('export-options');
  await expect(options.locator('legend').first()).toHaveText('Export options');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export portfolio' }).click();
  await download;
  await expect(page.getByRole('status')).toHaveText('Saved Portfolio 1.steerwise.');
  await options.getByLabel('Protect with a passphrase').check();
  await page.getByRole('button', { name: 'Export portfolio' }).click();
  await expect(page.getByTestId('export-passphrase-message')).toContainText('Enter a passphrase');
  await expect(page.getByRole('status')).toHaveCount(0);

  // Opening an empty file replaces the validation message with the portfolio file's own sentence.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooser).setFiles(emptyPath);
  await expect(page.getByRole('alert')).toHaveText(
    'empty.steerwise is empty, so it contains no portfolio. Choose a .steerwise file that was exported from Sync > Export portfolio.',
  );
  await expect(page.getByTestId('export-passphrase-message')).toHaveCount(0);
  await context.close();
});

test('file of the open portfolio previews no changes', async () => {
  const exportedPath = join(laptopA.dir, 'again.steerwise');

  const context = await laptopA.launch();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await openSection(page, 'Sync');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export portfolio' }).click();
  await (await download).saveAs(exportedPath);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooser).setFiles(exportedPath);
  await expect(page.getByTestId('merge-unchanged')).toBeVisible();
  // The file is already merged, so Close is the only action.
  await expect(page.getByTestId('sync-preview').getByRole('button')).toHaveText(['Close']);

  await page.getByTestId('sync-preview').getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('sync-preview')).toHaveCount(0);
  await context.close();
});

test('passphrase-protected export opens only with its passphrase', async () => {
  const exportedPath = join(laptopA.dir, 'protected.steerwise');

  const contextA = await laptopA.launch();
  const pageA = await contextA.newPage();
  await pageA.goto('/');
  await pageA.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(pageA.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await openSection(pageA, 'Sync');

  await pageA.getByLabel('Protect with a passphrase').check();
  await pageA.getByLabel('Passphrase', { exact: true }).fill('harbour lights 7');
  await pageA.getByLabel('Confirm passphrase').fill('harbour lights 8');
  await pageA.getByRole('button', { name: 'Export portfolio' }).click();
  await expect(pageA.getByTestId('export-passphrase-message')).toHaveText(
    'The passphrase and its confirmation differ. Type them again. Nothing was exported.',
  );

  await pageA.getByLabel('Confirm passphrase').fill('harbour lights 7');
  const download = pageA.waitForEvent('download');
  await pageA.getByRole('button', { name: 'Export portfolio' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('NHS 111 sample (2015-16).steerwise');
  await saved.saveAs(exportedPath);
  await expect(pageA.getByRole('status')).toHaveText(
    'Saved NHS 111 sample (2015-16).steerwise, protected with a passphrase. Keep the passphrase safe: a lost passphrase cannot be recovered, and the file cannot be opened without it.',
  );
  // A plain portfolio file is a ZIP archive starting with "PK", so an encrypted one must not start so.
  expect(readFileSync(exportedPath).subarray(0, 2).toString('latin1')).not.toBe('PK');
  await contextA.close();

  const contextB = await laptopB.launch();
  const pageB = await contextB.newPage();
  await pageB.goto('/');
  await expect(pageB.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
  await openSection(pageB, 'Sync');

  const chooser = pageB.waitForEvent('filechooser');
  await pageB.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooser).setFiles(exportedPath);
  const prompt = pageB.getByTestId('passphrase-prompt');
  await expect(prompt).toContainText('protected.steerwise is encrypted. Enter its passphrase to open it.');
  await expect(prompt.getByLabel('Passphrase')).toBeFocused();

  await pageB.keyboard.type('harbour lights 8');
  await pageB.keyboard.press('Enter');
  await expect(pageB.getByRole('alert')).toContainText('The passphrase for protected.steerwise is wrong');
  await expect(pageB.getByTestId('sync-preview')).toHaveCount(0);
  await expect(prompt.getByLabel('Passphrase')).toBeFocused();

  await prompt.getByLabel('Passphrase').fill('harbour lights 7');
  await prompt.getByRole('button', { name: 'Open', exact: true }).click();
  const preview = pageB.getByTestId('sync-preview');
  await expect(preview).toContainText(/New portfolio NHS 111 sample \(2015-16\) with [\d,]+ records\./);
  await expect(prompt).toHaveCount(0);

  await preview.getByRole('button', { name: 'Create portfolio' }).click();
  await expect(pageB.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await contextB.close();
});

/**
 * Reads a portfolio file saved by a test with the app's own reader. Returns its snapshot, and
 * every table's records and the tombstones sorted by id, so that two exports compare as values.
 */
async function readExport(path: string) {
  const parsed = await openPortfolioFile(new Uint8Array(readFileSync(path)), path, null);
  if (!parsed.ok) throw new Error(`${path} could not be read: ${parsed.error.code}`);
  const { snapshot } = parsed.value;
  const byId = (items: readonly { readonly id: string }[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
  return {
    snapshot,
    tables: Object.fromEntries(recordTables.map((table) => [table, byId(snapshot.records[table])])),
    tombstones: byId(snapshot.tombstones),
  };
}

test('two laptops merge conflicting provider edits', async () => {
  test.setTimeout(180_000);
  const code = mostBreachedProviderCode();
  const original = join(laptopA.dir, 'original.steerwise');
  const fromA = join(laptopA.dir, 'from-a.steerwise');
  const fromB = join(laptopB.dir, 'from-b.steerwise');

  // Laptop A opens the sample and hands it to laptop B, which opens it as a new portfolio.
  const contextA = await laptopA.launch();
  const pageA = await contextA.newPage();
  await openSample(pageA);
  await exportPortfolioTo(pageA, original);

  const contextB = await laptopB.launch();
  const pageB = await contextB.newPage();
  await pageB.goto('/');
  await expect(pageB.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
  const created = await openPortfolioFileAt(pageB, original);
  await created.getByRole('button', { name: 'Create portfolio' }).click();
  await expect(pageB.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });

  // Both rename the same provider, B after A. Each also changes a service level that the other leaves alone.
  await openProvider(pageA, code);
  await renameOpenProvider(pageA, 'Alpha');
  await setServiceLevel(pageA, abandonedKey, '5', '6');
  await openProvider(pageB, code);
  await renameOpenProvider(pageB, 'Beta');
  await setServiceLevel(pageB, answeredKey, '95', '90');

  await exportPortfolioTo(pageA, fromA);
  await exportPortfolioTo(pageB, fromB);

  // Each preview lists the name as the one conflict, with both values.
  const previewA = await openPortfolioFileAt(pageA, fromB);
  const previewB = await openPortfolioFileAt(pageB, fromA);
  for (const preview of [previewA, previewB]) {
    const conflicts = preview.getByTestId('merge-conflicts').locator('tbody tr');
    await expect(conflicts).toHaveCount(1);
    await expect(conflicts.first()).toContainText('Alpha');
    await expect(conflicts.first()).toContainText('Beta');
  }
  await previewA.getByRole('button', { name: 'Apply' }).click();
  await expect(previewA).toHaveCount(0);
  await previewB.getByRole('button', { name: 'Apply' }).click();
  await expect(previewB).toHaveCount(0);

  // Both show the later name and both service level edits.
  for (const page of [pageA, pageB]) {
    await openProvider(page, code);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beta');
    await expect(kpiCard(page, answeredKey).getByTestId('service-level')).toContainText('minimum service level 90.00%');
    await expect(kpiCard(page, abandonedKey).getByTestId('service-level')).toContainText('minimum service level 6.00%');
  }

  // Exports of both laptops contain the same records.
  const mergedA = join(laptopA.dir, 'merged-a.steerwise');
  const mergedB = join(laptopB.dir, 'merged-b.steerwise');
  await exportPortfolioTo(pageA, mergedA);
  await exportPortfolioTo(pageB, mergedB);
  const [dataA, dataB] = await Promise.all([readExport(mergedA), readExport(mergedB)]);
  expect(dataB.snapshot.portfolioId).toBe(dataA.snapshot.portfolioId);
  expect(dataB.tables).toEqual(dataA.tables);
  expect(dataB.tombstones).toEqual(dataA.tombstones);

  const provider = dataA.snapshot.records.providers.find((record) => record.code === code);
  expect(provider?.name).toBe('Beta');
  expect(provider?.formerNames).toContain(sampleProviders().get(code));
  const levels = dataA.snapshot.records.serviceLevels.filter((level) => level.providerId === provider?.id);
  expect(levels.map((level) => level.minimum).sort((a, b) => a - b)).toEqual([6, 90]);

  await contextA.close();
  await contextB.close();
});

/** Finds the provider with `code` in the Providers list and checks the name shown in its row. */
async function expectProviderName(page: Page, code: string, name: string): Promise<void> {
  await openSection(page, 'Providers');
  await page.getByRole('searchbox', { name: 'Search providers' }).fill(code);
  const rows = page.getByTestId('providers-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(name);
}

/** Opens the sample on `page`, exports it to `path` and returns the export with its first two providers that have codes. */
async function exportWithTwoProviders(page: Page, path: string) {
  await openSample(page);
  await exportPortfolioTo(page, path);
  const exported = await readPortfolio(path);
  const [first, second] = providersByCode(exported);
  if (first === undefined || second === undefined || first.code === null || second.code === null) {
    throw new Error('the sample needs two providers with codes');
  }
  return { exported, first, second, firstCode: first.code, secondCode: second.code };
}

test('kept conflict value is applied and the import can be undone', async () => {
  test.setTimeout(180_000);
  const base = join(laptopA.dir, 'base.steerwise');
  const fromX = join(laptopA.dir, 'from-x.steerwise');
  const fromY = join(laptopA.dir, 'from-y.steerwise');

  let context = await laptopA.launch();
  let page = await context.newPage();
  // Laptops X and Y both had this export. X renamed the first provider. Y renamed it a second
  // later and also renamed the second provider. Both clocks are within the skew limit.
  const { exported, first, second, firstCode, secondCode } = await exportWithTwoProviders(page, base);
  const nameOnX = `${first.name} (laptop X)`;
  const nameOnY = `${first.name} (laptop Y)`;
  const secondOnY = `${second.name} (laptop Y)`;
  const now = Date.now();
  await writePortfolio(fromX, renamedOn(exported, 'e2elaptopx', now + 1_000, new Map([[first.id, nameOnX]])));
  await writePortfolio(
    fromY,
    renamedOn(
      exported,
      'e2elaptopy',
      now + 2_000,
      new Map([
        [first.id, nameOnY],
        [second.id, secondOnY],
      ]),
    ),
  );

  const previewX = await openPortfolioFileAt(page, fromX);
  await expect(previewX.getByTestId('merge-conflicts')).toHaveCount(0);
  // Only the one table with a change is counted, and its row expands to name the record.
  const counts = previewX.getByTestId('merge-counts');
  await expect(counts.locator('tbody > tr')).toHaveCount(1);
  await counts.getByRole('button', { name: 'Providers' }).click();
  await expect(previewX.getByTestId('merge-records-providers')).toContainText(first.name);
  await previewX.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('last-import')).toContainText('Merged from-x.steerwise');

  // Y's file renames the first provider again, without having seen X's rename: a conflict.
  const previewY = await openPortfolioFileAt(page, fromY);
  const conflict = previewY.getByTestId('merge-conflicts').locator('tbody tr');
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText(nameOnX);
  await expect(conflict).toContainText(nameOnY);
  await expect(conflict).toContainText('on device e2elaptopx');
  await expect(conflict).toContainText('The file’s value: it was changed later, on device e2elaptopy.');
  await conflict.getByLabel('Keep the other value').check();
  await expect(conflict).toContainText('This laptop’s value, as you chose.');
  await previewY.getByRole('button', { name: 'Apply' }).click();
  await expect(previewY).toHaveCount(0);
  await expect(page.getByTestId('last-import')).toContainText('Merged from-y.steerwise');
  await expect(page.getByTestId('last-import')).toContainText('You kept the other value of 1 conflict.');

  await expectProviderName(page, firstCode, nameOnX);
  await expectProviderName(page, secondCode, secondOnY);

  // The offer to undo survives a visit to another screen and a restart of the app.
  await context.close();
  context = await laptopA.launch();
  page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await openSection(page, 'Sync');
  const lastImport = page.getByTestId('last-import');
  await expect(lastImport).toContainText('Merged from-y.steerwise');
  await expect(page.getByTestId('backups-hint')).toHaveCount(0);
  await lastImport.getByRole('button', { name: 'Undo import' }).click();
  await expect(lastImport).toContainText('Undo the import of from-y.steerwise?');
  await lastImport.getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByTestId('undo-import-result')).toHaveText(
    'Undid the import of from-y.steerwise. The portfolio is as it was before the import.',
  );
  await expect(page.getByTestId('last-import')).toHaveCount(0);
  await expect(page.getByTestId('backups-hint')).toContainText('Portfolios > Backups');

  await expectProviderName(page, secondCode, second.name);
  await expectProviderName(page, firstCode, nameOnX);

  // Without the choice, the same file gives the first provider Y's later name.
  const again = await openPortfolioFileAt(page, fromY);
  await expect(again.getByTestId('merge-conflicts').locator('tbody tr')).toHaveCount(1);
  await again.getByRole('button', { name: 'Apply' }).click();
  await expect(again).toHaveCount(0);
  await expectProviderName(page, firstCode, nameOnY);
  await context.close();
});

test('file with clocks hours ahead shows a clock warning', async () => {
  const base = join(laptopA.dir, 'base.steerwise');
  const fast = join(laptopA.dir, 'fast-clock.steerwise');

  const context = await laptopA.launch();
  const page = await context.newPage();
  await openSample(page);
  await exportPortfolioTo(page, base);

  const exported = await readPortfolio(base);
  const [first] = providersByCode(exported);
  if (first === undefined) throw new Error('the sample has no provider');
  const threeHoursAhead = Date.now() + 3 * 3_600_000;
  await writePortfolio(fast, renamedOn(exported, 'e2efastclock', threeHoursAhead, new Map([[first.id, `${first.name} (fast clock)`]])));

  const preview = await openPortfolioFileAt(page, fast);
  const warning = preview.getByTestId('clock-skew-warning');
  await expect(warning).toContainText('up to 3 hours ahead of this computer’s clock, from device e2efastclock.');
  await expect(warning).toContainText('Check the date and time on the other laptop.');
  await expect(preview.getByRole('button', { name: 'Apply' })).toBeVisible();
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toHaveCount(0);
  await context.close();
});

test('bulk choice keeps one side in every conflict', async () => {
  test.setTimeout(180_000);
  const base = join(laptopA.dir, 'base.steerwise');
  const fromX = join(laptopA.dir, 'bulk-x.steerwise');
  const fromY = join(laptopA.dir, 'bulk-y.steerwise');

  const context = await laptopA.launch();
  const page = await context.newPage();
  // X renamed two providers and Y, a second later, renamed both again: two conflicts.
  const { exported, first, second, firstCode, secondCode } = await exportWithTwoProviders(page, base);
  const renamed = (laptop: string) =>
    new Map([
      [first.id, `${first.name} (laptop ${laptop})`],
      [second.id, `${second.name} (laptop ${laptop})`],
    ]);
  const now = Date.now();
  await writePortfolio(fromX, renamedOn(exported, 'e2elaptopx', now + 1_000, renamed('X')));
  await writePortfolio(fromY, renamedOn(exported, 'e2elaptopy', now + 2_000, renamed('Y')));
  const previewX = await openPortfolioFileAt(page, fromX);
  await previewX.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('last-import')).toContainText('Merged bulk-x.steerwise');

  const previewY = await openPortfolioFileAt(page, fromY);
  const rows = previewY.getByTestId('merge-conflicts').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const bulk = previewY.getByTestId('conflict-bulk-choices');
  await bulk.getByRole('button', { name: 'Keep this laptop’s values' }).click();
  for (const row of await rows.all()) {
    await expect(row.getByLabel('Keep the other value')).toBeChecked();
    await expect(row).toContainText('This laptop’s value, as you chose.');
  }
  await bulk.getByRole('button', { name: 'Keep the later changes' }).click();
  for (const row of await rows.all()) await expect(row.getByLabel('Keep the other value')).not.toBeChecked();
  await bulk.getByRole('button', { name: 'Keep this laptop’s values' }).click();
  await previewY.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('last-import')).toContainText('You kept the other value of 2 conflicts.');

  await expectProviderName(page, firstCode, `${first.name} (laptop X)`);
  await expectProviderName(page, secondCode, `${second.name} (laptop X)`);
  await context.close();
});
