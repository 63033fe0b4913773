/** Steps of the measurement import wizard that several end-to-end specs take. */
import type { Page } from '@playwright/test';

/** Opens the app on an empty portfolio and starts the measurement import from its panel. */
export async function startImport(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Import from CSV or Excel' }).click();
}

/** Picks `path` in the import wizard's file chooser. */
export async function chooseFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a CSV file or Excel workbook' }).click();
  await (await chooser).setFiles(path);
}
