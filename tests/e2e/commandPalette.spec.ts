/**
 * The command palette in browser mode: Ctrl+K opens it, typing filters the commands, the arrow
 * keys move the active option, and Enter runs it.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
}

test('palette runs the typed command', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openApp(page);

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const search = palette.getByRole('combobox', { name: 'Search commands' });
  await expect(search).toBeFocused();
  await search.fill('risks');
  await expect(palette.getByRole('option').first()).toHaveText('Go to RisksCtrl+6');
  await page.keyboard.press('Enter');

  await expect(palette).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Risks' })).toHaveAttribute('aria-current', 'page');
  await context.close();
});

test('palette moves through options with arrows', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openApp(page);

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  const search = palette.getByRole('combobox', { name: 'Search commands' });
  await search.fill('go to p');
  const options = palette.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');

  await page.keyboard.press('ArrowDown');
  const second = options.nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(options.first()).toHaveAttribute('aria-selected', 'false');
  await expect(search).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id')) ?? '');
  const secondLabel = (await second.locator('span').first().textContent()) ?? '';
  await page.keyboard.press('Enter');

  const target = secondLabel.replace('Go to ', '');
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: target, exact: true })).toHaveAttribute('aria-current', 'page');
  await context.close();
});

test('palette closes on Escape and shows no match', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openApp(page);

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox').fill('zzzz');
  await expect(palette.getByRole('status')).toHaveText('No command matches “zzzz”.');
  await page.keyboard.press('Escape');

  await expect(palette).toHaveCount(0);
  await context.close();
});

test('shortcut runs its command directly', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openApp(page);

  await page.keyboard.press('Control+6');

  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Risks' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toHaveCount(0);
  await context.close();
});

test('palette finds the Reports screen', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openApp(page);

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Search commands' }).fill('reports');
  await expect(palette.getByRole('option').first()).toHaveText('Go to Reports');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' })).toHaveAttribute('aria-current', 'page');
  await context.close();
});

test('Escape returns the focus', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openApp(page);
  const reportsButton = page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' });
  await reportsButton.focus();

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('combobox', { name: 'Search commands' })).toBeFocused();
  await page.keyboard.press('Escape');

  await expect(palette).toHaveCount(0);
  await expect(reportsButton).toBeFocused();
  await context.close();
});

test('desktop-only command explains itself', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openApp(page);

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('combobox', { name: 'Search commands' }).fill('open logs folder');
  await expect(palette.getByRole('option').first()).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');

  await expect(palette.getByTestId('command-unavailable')).toHaveText('“Open logs folder” works only in the desktop app.');
  await expect(palette).toBeVisible();
  await palette.getByRole('combobox', { name: 'Search commands' }).fill('open logs');
  await expect(palette.getByTestId('command-unavailable')).toHaveCount(0);
  await context.close();
});
