/**
 * Steps a user takes on the provider page and the Sync screen, shared by the editing and sync
 * specs, and expected facts about the sample computed from its CSV file independently of the app.
 */
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import Papa from 'papaparse';
import { sampleCsvPath, sampleRows } from './sampleData';

export const answeredKey = 'nhs111.answeredWithin60s';
export const abandonedKey = 'nhs111.abandonedCalls';
export const callBackKey = 'nhs111.callBackWithin10min';

/** Opens the app and the bundled sample, and waits for the Providers list. */
export async function openSample(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
}

export async function openSection(page: Page, name: 'Dashboard' | 'Providers' | 'Sync'): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Finds the provider with `code` in the Providers list and opens its page. */
export async function openProvider(page: Page, code: string): Promise<void> {
  await openSection(page, 'Providers');
  await page.getByRole('searchbox', { name: 'Search providers' }).fill(code);
  const rows = page.getByTestId('providers-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(page.getByText(`Code ${code}`)).toBeVisible();
}

/** Renames the open provider through the Rename form and waits for the new heading. */
export async function renameOpenProvider(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Rename' }).click();
  const form = page.getByTestId('rename-form');
  await form.getByLabel('Provider name').fill(name);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(form).toHaveCount(0);
}

export function kpiCard(page: Page, kpiKey: string): Locator {
  return page.getByTestId(`kpi-card-${kpiKey}`);
}

/** Opens the service level form of a KPI card (edit or add) and types both levels, without saving. */
export async function fillServiceLevel(page: Page, kpiKey: string, expected: string, minimum: string): Promise<Locator> {
  const card = kpiCard(page, kpiKey);
  const form = card.getByTestId('service-level-form');
  if ((await form.count()) === 0) {
    await card.getByRole('button', { name: /^(Edit|Add) service level$/ }).click();
  }
  await form.getByLabel(/^Expected level/).fill(expected);
  await form.getByLabel(/^Minimum level/).fill(minimum);
  return form;
}

/** Sets a KPI's expected and minimum levels on the open provider page and waits for the card to show them. */
export async function setServiceLevel(page: Page, kpiKey: string, expected: string, minimum: string): Promise<void> {
  const form = await fillServiceLevel(page, kpiKey, expected, minimum);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
}

/** Exports the open portfolio from the Sync screen and saves the download at `path`. */
export async function exportPortfolioTo(page: Page, path: string): Promise<void> {
  await openSection(page, 'Sync');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export portfolio' }).click();
  await (await download).saveAs(path);
  // Other notices (the last import, for example) may also be status lines.
  await expect(page.getByRole('status').filter({ hasText: /^Saved .+\.steerwise\.$/ })).toBeVisible();
}

/** Opens the file at `path` on the Sync screen and returns the preview. */
export async function openPortfolioFileAt(page: Page, path: string): Promise<Locator> {
  await openSection(page, 'Sync');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooser).setFiles(path);
  const preview = page.getByTestId('sync-preview');
  await expect(preview).toBeVisible();
  return preview;
}

function monthsBelow(code: string | null, minimum: number, rate: (row: ReturnType<typeof sampleRows>[number]) => number | null): number {
  let count = 0;
  for (const row of sampleRows()) {
    if (code !== null && row.code !== code) continue;
    const value = rate(row);
    if (value !== null && value < minimum) count += 1;
  }
  return count;
}

/** Months whose share of calls answered within 60 s is below `minimum` percent, for one provider or (with `null`) all. */
export function answeredMonthsBelow(code: string | null, minimum: number): number {
  return monthsBelow(code, minimum, (row) => (row.answered > 0 ? (100 * row.answeredWithin60s) / row.answered : null));
}

/** Months whose share of call-backs within 10 minutes is below `minimum` percent, for one provider. */
export function callBackMonthsBelow(code: string, minimum: number): number {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(sampleCsvPath, 'utf8'), { header: true, skipEmptyLines: true });
  let count = 0;
  for (const row of parsed.data) {
    if (row['Provider Org Code'] !== code) continue;
    const numerator = row['Nhs1 Calls Back Within 10mins SUM'] ?? '';
    const denominator = row['Nhs1 Person Offered Call Back SUM'] ?? '';
    if (numerator === '' || denominator === '' || Number(denominator) === 0) continue;
    if ((100 * Number(numerator)) / Number(denominator) < minimum) count += 1;
  }
  return count;
}

/** Code of the provider with the most months below 95% answered within 60 s. Ties go to the smallest code. */
export function mostBreachedProviderCode(): string {
  const codes = [...new Set(sampleRows().map((row) => row.code))].sort();
  let best = codes[0] ?? '';
  for (const code of codes) {
    if (answeredMonthsBelow(code, 95) > answeredMonthsBelow(best, 95)) best = code;
  }
  return best;
}
