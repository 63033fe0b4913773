/**
 * The Backups screen in browser mode. A browser tab has no user data folder, so the screen states
 * that automatic backups need the desktop app and leads to the export on the Sync screen.
 */
import { expect, test } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

test('backups screen explains browser mode', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });

  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search commands' }).fill('backups');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
  await expect(page.getByTestId('backups-unsupported')).toContainText('Automatic backups need the desktop app');
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Back up now' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Export on the Sync screen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export portfolio' })).toBeVisible();
  await context.close();
});

test('backups screen stays open after a reload', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search commands' }).fill('backups');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('backups-unsupported')).toBeVisible();

  await page.reload();

  await expect(page.getByTestId('backups-unsupported')).toBeVisible({ timeout: 30_000 });
  await context.close();
});
