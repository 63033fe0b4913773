/**
 * "Copy diagnostics" in browser mode: the text on the clipboard has the versions and settings
 * but none of the portfolio's names, and "Open logs folder" is unavailable without a logs folder.
 */
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

async function runCommand(page: Page, search: string): Promise<void> {
  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search commands' }).fill(search);
  await page.keyboard.press('Enter');
}

test('diagnostics leave out portfolio data', async () => {
  const context = await profile.launch();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await openSample(page);

  await runCommand(page, 'copy diagnostics');

  await expect(page.getByTestId('command-notice')).toHaveText(
    'Diagnostics copied to the clipboard. They contain versions, settings and recent errors, but no portfolio data.',
  );
  const text = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(text).toContain('Steerwise diagnostics');
  expect(text).toContain('  app: 0.1.0');
  expect(text).toContain('  host: browser');
  expect(text).toContain('  portfolios: 1');
  for (const name of sampleProviders().values()) {
    expect(text).not.toContain(name);
  }
  expect(text).not.toContain('NHS 111 sample');
  await context.close();
});

test('logs folder command is unavailable in a browser', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });

  await page.keyboard.press('Control+K');
  await page.getByRole('combobox', { name: 'Search commands' }).fill('logs folder');
  const option = page.getByRole('option', { name: /Open logs folder/ });
  await expect(option).toHaveAttribute('aria-disabled', 'true');
  await expect(option).toContainText('Not available here');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
  await expect(page.getByTestId('command-notice')).toHaveCount(0);
  await context.close();
});
