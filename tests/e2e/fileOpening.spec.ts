/**
 * Files handed to the app from outside the Sync screen. In the desktop app the operating system
 * sends them through the preload. In browser mode a file dropped on the window takes the same
 * path into the Sync screen's import preview.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { writePortfolioFile } from '../../shared/file';
import { goldenMetadata, goldenSnapshot } from '../unit/shared/file/goldenSnapshot';
import { freshProfile } from './browser';
import type { Profile } from './browser';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

/** Drops a file on the page body, as a user drags one from the desktop onto the window. */
async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const base64 = Buffer.from(bytes).toString('base64');
  // A string expression, because the Node-side type check has no DOM types such as DataTransfer.
  const transfer = await page.evaluateHandle(`(() => {
    const bytes = Uint8Array.from(atob('${base64}'), (character) => character.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], ${JSON.stringify(name)}));
    return data;
  })()`);
  await page.locator('body').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('body').dispatchEvent('drop', { dataTransfer: transfer });
}

test('dropped portfolio file opens its import preview', async () => {
  const bytes = await writePortfolioFile(goldenSnapshot, goldenMetadata);
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });

  await dropFile(page, 'two providers.steerwise', bytes);

  const preview = page.getByTestId('sync-preview');
  await expect(page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
  await expect(preview).toContainText('From two providers.steerwise');
  await expect(preview).toContainText('NHS 111 (two providers)');
  await preview.getByRole('button', { name: 'Create portfolio' }).click();
  await expect(page.getByTestId('portfolio-switcher').locator('option:checked')).toHaveText('NHS 111 (two providers)');
  await context.close();
});

test('dropped file of another kind shows why it cannot open', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });

  await dropFile(page, 'calls.csv', new TextEncoder().encode('Provider,Period\n111AA1,2015-04\n'));

  await expect(page.getByRole('alert')).toHaveText(
    'calls.csv is not a Steerwise portfolio file. Choose a file exported by Steerwise (ending in .steerwise).',
  );
  await expect(page.getByTestId('sync-preview')).toHaveCount(0);
  await context.close();
});
