import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';

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

async function openSync(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Sync' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
}

test('exported sample opens as a new portfolio on another laptop', async () => {
  const exportedPath = join(laptopA.dir, 'sample.steerwise');

  const contextA = await laptopA.launch();
  const pageA = await contextA.newPage();
  await pageA.goto('/');
  await pageA.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(pageA.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await openSync(pageA);

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
  await openSync(pageB);

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

test('file of the open portfolio previews no changes', async () => {
  const exportedPath = join(laptopA.dir, 'again.steerwise');

  const context = await laptopA.launch();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await openSync(page);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export portfolio' }).click();
  await (await download).saveAs(exportedPath);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooser).setFiles(exportedPath);
  await expect(page.getByTestId('merge-unchanged')).toBeVisible();

  await page.getByTestId('sync-preview').getByRole('button', { name: 'Cancel' }).click();
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
  await openSync(pageA);

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
  await (await download).saveAs(exportedPath);
  await expect(pageA.getByRole('status')).toHaveText('Saved NHS 111 sample (2015-16).steerwise.');
  // A plain portfolio file is a ZIP archive starting with "PK", so an encrypted one must not start so.
  expect(readFileSync(exportedPath).subarray(0, 2).toString('latin1')).not.toBe('PK');
  await contextA.close();

  const contextB = await laptopB.launch();
  const pageB = await contextB.newPage();
  await pageB.goto('/');
  await expect(pageB.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
  await openSync(pageB);

  const chooser = pageB.waitForEvent('filechooser');
  await pageB.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooser).setFiles(exportedPath);
  const prompt = pageB.getByTestId('passphrase-prompt');
  await expect(prompt).toContainText('protected.steerwise is encrypted. Enter its passphrase to open it.');

  await prompt.getByLabel('Passphrase').fill('harbour lights 8');
  await prompt.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(pageB.getByRole('alert')).toContainText('The passphrase for protected.steerwise is wrong');
  await expect(pageB.getByTestId('sync-preview')).toHaveCount(0);

  await prompt.getByLabel('Passphrase').fill('harbour lights 7');
  await prompt.getByRole('button', { name: 'Open', exact: true }).click();
  const preview = pageB.getByTestId('sync-preview');
  await expect(preview).toContainText(/New portfolio NHS 111 sample \(2015-16\) with [\d,]+ records\./);
  await expect(prompt).toHaveCount(0);

  await preview.getByRole('button', { name: 'Create portfolio' }).click();
  await expect(pageB.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await contextB.close();
});
