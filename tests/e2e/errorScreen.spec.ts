/**
 * A screen that throws while rendering shows the error screen, not a blank window. The error is
 * caused the way a user could meet it: a damaged provider record, written straight into the
 * portfolio's IndexedDB database as a faulty tool or a disk error might leave it, whose name is
 * not text. The way back works, the error is logged, and the saved data survives a reload.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { mostBreachedProviderCode, openProvider, openSample, renameOpenProvider } from './providerEditing';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

/** Runs `body` (a function expression over the open portfolio's IDBDatabase) in the page and returns its result. */
function withPortfolioDatabase<T>(page: Page, body: string): Promise<T> {
  return page.evaluate<T>(`(async () => {
    const { portfolioId } = JSON.parse(localStorage.getItem('steerwise-ui')).state;
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('steerwise-portfolio-' + portfolioId);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await (${body})(db);
    } finally {
      db.close();
    }
  })()`);
}

const readProviderNames = `async (db) => {
  const request = db.transaction('providers').objectStore('providers').getAll();
  const providers = await new Promise((resolve) => { request.onsuccess = () => resolve(request.result); });
  return providers.map((provider) => provider.name);
}`;

/** Damages a provider other than the one the test renamed, whose new name must survive. */
const damageProvider = `async (db) => {
  const transaction = db.transaction('providers', 'readwrite');
  const store = transaction.objectStore('providers');
  const request = store.getAll();
  const providers = await new Promise((resolve) => { request.onsuccess = () => resolve(request.result); });
  const victim = providers.find((provider) => provider.name !== 'Renamed before the failure');
  store.put({ ...victim, name: { damaged: true } });
  await new Promise((resolve) => { transaction.oncomplete = resolve; });
}`;

test('render error shows a way back', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  const loggedErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('[steerwise] Rendering failed')) loggedErrors.push(message.text());
  });
  await openSample(page);
  await openProvider(page, mostBreachedProviderCode());
  await renameOpenProvider(page, 'Renamed before the failure');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Providers', exact: true }).click();

  await withPortfolioDatabase(page, damageProvider);
  await page.reload();

  const errorScreen = page.getByTestId('error-screen');
  await expect(errorScreen.getByRole('heading', { name: 'This screen failed to show' })).toBeVisible({ timeout: 30_000 });
  await expect(errorScreen).toContainText('your saved data is safe');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  expect(loggedErrors.length).toBeGreaterThan(0);

  await expect(errorScreen.getByRole('button', { name: 'Go to dashboard' })).toBeFocused();
  await errorScreen.getByRole('button', { name: 'Go to dashboard' }).click();
  await expect(errorScreen).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Providers', exact: true }).click();
  await expect(errorScreen).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Dashboard', exact: true }).click();
  await expect(errorScreen).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible({ timeout: 30_000 });
  const names = await withPortfolioDatabase<unknown[]>(page, readProviderNames);
  expect(names).toHaveLength(46);
  expect(names).toContain('Renamed before the failure');
  await context.close();
});

test('reload button reloads the app', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await withPortfolioDatabase(page, damageProvider);
  await page.reload();
  const errorScreen = page.getByTestId('error-screen');
  await expect(errorScreen).toBeVisible({ timeout: 30_000 });

  const navigation = page.waitForEvent('load');
  await errorScreen.getByRole('button', { name: 'Reload' }).click();
  await navigation;

  // The damaged record is still there, so the screen fails again after the reload.
  await expect(errorScreen).toBeVisible({ timeout: 30_000 });
  await context.close();
});

test('uncaught errors show a way back', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  const loggedErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().startsWith('[steerwise] ')) loggedErrors.push(message.text());
  });
  await openSample(page);
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Providers', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Providers' })).toBeVisible();
  const errorScreen = page.getByTestId('error-screen');

  // An error thrown outside rendering, as a failing click handler or timer throws it.
  await page.evaluate(() => {
    setTimeout(() => {
      throw new Error('Handler failed in a timer');
    }, 0);
  });

  await expect(errorScreen.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
  await expect(errorScreen).toContainText('The last action may not have finished');
  await expect(errorScreen).toContainText('Copy diagnostics in the command palette (Ctrl+K)');
  await expect(errorScreen.getByText('Handler failed in a timer')).toBeHidden();
  await expect
    .poll(() => loggedErrors.some((text) => text.includes('Uncaught error') && text.includes('Handler failed in a timer')))
    .toBe(true);

  // The first way back has focus, so Enter takes a keyboard user back.
  await expect(errorScreen.getByRole('button', { name: 'Back to the screen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(errorScreen).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Providers' })).toBeVisible();

  await page.evaluate(() => {
    void Promise.reject(new Error('Save failed without a handler'));
  });

  await expect(errorScreen.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
  await expect
    .poll(() => loggedErrors.some((text) => text.includes('Unhandled rejection') && text.includes('Save failed without a handler')))
    .toBe(true);
  await errorScreen.getByRole('button', { name: 'Go to dashboard' }).click();
  await expect(errorScreen).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await context.close();
});
