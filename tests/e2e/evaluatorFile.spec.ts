/**
 * Evaluator files through the UI on two fresh profiles: the lead saves Ann's evaluator file
 * from the RFP screen, Ann's laptop creates the portfolio from it through Sync and scores as Ann,
 * exports her scores, and the lead merges them back. Ben's score never leaves the lead's laptop.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';

let lead: Profile;
let ann: Profile;

test.beforeEach(() => {
  lead = freshProfile();
  ann = freshProfile();
});

test.afterEach(() => {
  lead.dispose();
  ann.dispose();
});

const title = 'Payroll outsourcing 2027';
const bidders = ['Acme Services', 'Bolt Outsourcing'] as const;

async function openSection(page: Page, name: 'RFPs' | 'Sync'): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

function cell(page: Page, row: number, col: number) {
  return page.getByTestId('score-grid').locator(`[data-row="${row}"][data-col="${col}"]`);
}

async function typeScore(page: Page, digits: string, bidder: string): Promise<void> {
  await page.keyboard.type(digits);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('matrix-status')).toContainText(`Saved ${digits} for ${bidder}`);
}

async function openFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooser).setFiles(path);
}

function rawText(path: string): string {
  return Object.values(unzipSync(new Uint8Array(readFileSync(path))))
    .map((entry) => strFromU8(entry))
    .join('\n');
}

/** Creates the RFP with two prospects and Ann and Ben, moves it to scoring, and lets Ben score one cell. */
async function leadPreparesRfp(page: Page): Promise<void> {
  await openSection(page, 'RFPs');
  await page.getByRole('button', { name: 'New RFP from template' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Processes to outsource (one per line)').fill('Payroll');
  await page.getByRole('button', { name: 'Create RFP' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  for (const name of bidders) {
    await page.getByLabel('Prospect name').fill(name);
    await page.getByRole('button', { name: 'Add prospect' }).click();
    await expect(page.getByTestId('bidder-list')).toContainText(name);
  }
  for (const name of ['Ann Evans', 'Ben Okafor']) {
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByRole('button', { name: 'Add evaluator' }).click();
    const form = page.getByRole('form', { name: `Conflict-of-interest declaration of ${name}` });
    await form.getByLabel('I have no conflict of interest with any bidder').check();
    await form.getByLabel('Statement').fill('No ties to any bidder.');
    await form.getByRole('button', { name: 'Record declaration' }).click();
  }
  await expect(page.getByTestId('evaluator-list')).not.toContainText('not declared yet');

  await page.getByRole('button', { name: 'Issue the RFP' }).click();
  await expect(page.getByTestId('rfp-phase')).toHaveText('Phase: Open');
  await page.getByRole('button', { name: 'Start scoring' }).click();
  await expect(page.getByTestId('rfp-phase')).toHaveText('Phase: Scoring');

  await openTab(page, 'Matrix');
  await page.getByTestId('evaluator-select').selectOption({ label: 'Ben Okafor' });
  await cell(page, 0, 0).click();
  await typeScore(page, '1', bidders[0]);
}

test('evaluator file round trip', async () => {
  const issuedPath = join(lead.dir, 'ann-issued.steerwise');
  const scoresPath = join(ann.dir, 'ann-scores.steerwise');

  // The lead prepares the RFP and saves Ann's evaluator file.
  const leadContext = await lead.launch();
  const leadPage = await leadContext.newPage();
  await leadPage.goto('/');
  await leadPreparesRfp(leadPage);
  await openTab(leadPage, 'Setup');
  const issued = leadPage.waitForEvent('download');
  await leadPage.getByRole('button', { name: 'Save an evaluator file for Ann Evans' }).click();
  const issuedFile = await issued;
  expect(issuedFile.suggestedFilename()).toBe(`${title} - Ann Evans scoring.steerwise`);
  await issuedFile.saveAs(issuedPath);
  const issuedText = rawText(issuedPath);
  expect(issuedText).toContain('Ann Evans');
  expect(issuedText).not.toContain('Ben Okafor');

  // Ann's laptop creates the portfolio from the file and scores as Ann.
  const annContext = await ann.launch();
  const annPage = await annContext.newPage();
  await annPage.goto('/');
  await expect(annPage.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
  await openSection(annPage, 'Sync');
  await openFile(annPage, issuedPath);
  await expect(annPage.getByTestId('evaluator-file-notice')).toContainText(`Evaluator file of Ann Evans for ${title}`);
  await annPage.getByTestId('sync-preview').getByRole('button', { name: 'Create portfolio' }).click();
  // The new portfolio opens on Providers once it is written; navigating earlier would be undone.
  await expect(annPage.getByTestId('sync-preview')).toHaveCount(0, { timeout: 30_000 });
  await openSection(annPage, 'RFPs');
  await annPage.getByTestId('rfp-table').getByText(title).click();
  await expect(annPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(annPage.getByTestId('evaluator-list')).not.toContainText('Ben Okafor');
  await openTab(annPage, 'Matrix');
  await expect(annPage.getByTestId('evaluator-select').locator('option:checked')).toHaveText('Ann Evans');
  await cell(annPage, 0, 0).click();
  await typeScore(annPage, '4', bidders[0]);
  await annPage.keyboard.press('ArrowRight');
  await typeScore(annPage, '3', bidders[1]);

  await openTab(annPage, 'Setup');
  const back = annPage.waitForEvent('download');
  await annPage.getByRole('button', { name: 'Export my scores' }).click();
  await (await back).saveAs(scoresPath);
  expect(rawText(scoresPath)).not.toContain('Ben Okafor');
  await annContext.close();

  // The lead merges Ann's scores: the preview names them, and Ben's score stays as it was.
  await openSection(leadPage, 'Sync');
  await openFile(leadPage, scoresPath);
  await expect(leadPage.getByTestId('evaluator-file-notice')).toContainText(`Scores of Ann Evans for ${title}: 2 scores.`);
  await expect(leadPage.getByTestId('late-scores-warning')).toHaveCount(0);
  await leadPage.getByTestId('sync-preview').getByRole('button', { name: 'Apply' }).click();
  await expect(leadPage.getByTestId('sync-preview')).toHaveCount(0);

  await openSection(leadPage, 'RFPs');
  await leadPage.getByTestId('rfp-table').getByText(title).click();
  await openTab(leadPage, 'Matrix');
  await leadPage.getByTestId('evaluator-select').selectOption({ label: 'Ann Evans' });
  await expect(cell(leadPage, 0, 0)).toHaveText('4');
  await expect(cell(leadPage, 0, 1)).toHaveText('3');
  await leadPage.getByTestId('evaluator-select').selectOption({ label: 'Ben Okafor' });
  await expect(cell(leadPage, 0, 0)).toHaveText('1');
  await leadContext.close();
});
