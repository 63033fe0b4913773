/**
 * Scoped export from the Sync screen: one provider of the sample, without commercial terms. The
 * file opens on a second laptop as a portfolio of that provider only, and merging it back on the
 * first laptop changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readPortfolioFile } from '../../shared/file';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { openSection } from './providerEditing';

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

/** Replaces the characters that some systems reject in file names with `-`, as the Sync screen does. */
function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- the same unsafe characters as the app replaces, control characters included
  return name.replace(/[\u0000-\u001f<>:"/\\|?*]/g, '-').trim();
}

test('one provider without commercial terms opens as that provider alone', async () => {
  const exportedPath = join(laptopA.dir, 'one-provider.steerwise');

  const contextA = await laptopA.launch();
  const pageA = await contextA.newPage();
  await pageA.goto('/');
  await pageA.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(pageA.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await openSection(pageA, 'Sync');

  const options = pageA.getByTestId('export-scope');
  await expect(options.getByLabel('Provider', { exact: true })).toBeDisabled();
  await expect(options.getByTestId('one-provider-hint')).toHaveCount(0);
  await options.getByLabel('One provider').check();
  await expect(options.getByTestId('one-provider-hint')).toContainText('Only this provider');
  const providerSelect = options.getByLabel('Provider', { exact: true });
  await expect(providerSelect).toBeEnabled();
  const providerName = (await providerSelect.locator('option').nth(3).textContent()) ?? '';
  expect(providerName).not.toBe('');
  await providerSelect.selectOption({ label: providerName });
  await options.getByLabel('Without commercial terms').check();
  await expect(options).toContainText('leaves out contract values, monthly charges, the share at risk and RFP price bids');

  const download = pageA.waitForEvent('download');
  await pageA.getByRole('button', { name: 'Export portfolio' }).click();
  const saved = await download;
  // A file for one provider leaves out the portfolio name, which often names the client.
  const expectedName = `${safeFileName(`${providerName} (without commercial terms)`)}.steerwise`;
  expect(saved.suggestedFilename()).toBe(expectedName);
  await saved.saveAs(exportedPath);
  await expect(pageA.getByText(`Saved ${expectedName}.`)).toBeVisible();

  // The file itself, read by the shared reader as another program would.
  const parsed = await readPortfolioFile(new Uint8Array(readFileSync(exportedPath)), 'one-provider.steerwise');
  if (!parsed.ok) throw new Error(`the export does not read: ${parsed.error.code}`);
  expect(parsed.value.manifest.scope?.withoutCommercialTerms).toBe(true);
  expect(parsed.value.snapshot.records.providers.map((provider) => provider.name)).toEqual([providerName]);
  expect(parsed.value.snapshot.tombstones).toEqual([]);

  // Merging the file back into the portfolio it came from deletes and changes nothing.
  const chooserA = pageA.waitForEvent('filechooser');
  await pageA.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooserA).setFiles(exportedPath);
  await expect(pageA.getByTestId('merge-unchanged')).toBeVisible();
  await expect(pageA.getByTestId('scoped-file-notice')).toHaveText(
    `This file covers only ${providerName}, without commercial terms. Applying it changes only the records it holds, and keeps this laptop’s contract values, charges and price bids.`,
  );
  await contextA.close();

  const contextB = await laptopB.launch();
  const pageB = await contextB.newPage();
  await pageB.goto('/');
  await expect(pageB.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
  await openSection(pageB, 'Sync');

  const chooserB = pageB.waitForEvent('filechooser');
  await pageB.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooserB).setFiles(exportedPath);
  const preview = pageB.getByTestId('sync-preview');
  await expect(preview).toContainText(/New portfolio NHS 111 sample \(2015-16\) with [\d,]+ records\./);
  await preview.getByRole('button', { name: 'Create portfolio' }).click();

  await expect(pageB.getByTestId('provider-count')).toHaveText('1 provider', { timeout: 30_000 });
  await expect(pageB.getByTestId('providers-table')).toContainText(providerName);
  await contextB.close();
});
