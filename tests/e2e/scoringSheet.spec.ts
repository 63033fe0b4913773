/**
 * The XLSX scoring sheet as an evaluator uses it: download their sheet from the Matrix tab, fill
 * it in a spreadsheet program (here exceljs in the test process), import it and see the scores in
 * the matrix; then import a sheet with mistakes and read the problems by sheet, row and column.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { freshProfile } from './browser';
import type { Profile } from './browser';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

const bidders = ['Acme Services', 'Bolt Outsourcing'] as const;

/** Creates an RFP from the template with two prospects and Ann Evans, and moves it to scoring. */
async function rfpInScoring(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'RFPs' }).click();
  await page.getByRole('button', { name: 'New RFP from template' }).click();
  await page.getByLabel('Title').fill('Payroll outsourcing 2027');
  await page.getByLabel('Processes to outsource (one per line)').fill('Payroll');
  await page.getByLabel('Responses due').fill('2027-02-15');
  await page.getByRole('button', { name: 'Create RFP' }).click();
  await expect(page.getByTestId('rfp-phase')).toHaveText('Phase: Draft');
  for (const name of bidders) {
    await page.getByLabel('Prospect name').fill(name);
    await page.getByRole('button', { name: 'Add prospect' }).click();
    await expect(page.getByTestId('bidder-list')).toContainText(name);
  }
  await page.getByLabel('Name', { exact: true }).fill('Ann Evans');
  await page.getByRole('button', { name: 'Add evaluator' }).click();
  const form = page.getByRole('form', { name: 'Conflict-of-interest declaration of Ann Evans' });
  await form.getByLabel('I have no conflict of interest with any bidder').check();
  await form.getByLabel('Statement').fill('No ties to any bidder.');
  await form.getByRole('button', { name: 'Record declaration' }).click();
  await expect(page.getByTestId('evaluator-list')).toContainText('Declared no conflict');
  for (const [button, phase] of [
    ['Issue the RFP', 'Open'],
    ['Start scoring', 'Scoring'],
  ] as const) {
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByTestId('rfp-phase')).toHaveText(`Phase: ${phase}`);
  }
  await page.getByRole('tab', { name: 'Matrix' }).click();
  await page.getByTestId('evaluator-select').selectOption({ label: 'Ann Evans' });
}

/** Downloads the chosen evaluator's sheet into `folder` and returns its path. */
async function downloadSheet(page: Page, folder: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download scoring sheet (XLSX)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Payroll outsourcing 2027 - Ann Evans - scores.xlsx');
  const path = join(folder, 'downloaded.xlsx');
  await download.saveAs(path);
  return path;
}

async function uploadSheet(page: Page, path: string): Promise<void> {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import scoring sheet' }).click();
  await (await choosing).setFiles(path);
}

/** Fills the first two data rows of the Scores sheet for both bidders and saves a copy. */
async function fillSheet(source: string, target: string, first: ExcelJS.CellValue, withComments: boolean): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await readFile(source)).buffer);
  const sheet = workbook.getWorksheet('Scores');
  if (sheet === undefined) throw new Error('the downloaded workbook has no Scores sheet');
  expect(sheet.getCell('F1').value).toBe(`${bidders[0]}: score`);
  expect(sheet.getCell('H1').value).toBe(`${bidders[1]}: score`);
  sheet.getCell('F2').value = first;
  sheet.getCell('H2').value = 3;
  sheet.getCell('F3').value = 5;
  if (withComments) sheet.getCell('G3').value = 'Three references of the same size, all confirmed.';
  await writeFile(target, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

function cell(page: Page, row: number, col: number) {
  return page.getByTestId('score-grid').locator(`[data-row="${row}"][data-col="${col}"]`);
}

test('scoring sheet download, fill and import', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|unsafe-eval/i.test(message.text())) cspErrors.push(message.text());
  });
  await rfpInScoring(page);

  const downloaded = await downloadSheet(page, profile.dir);
  const filled = join(profile.dir, 'filled.xlsx');
  await fillSheet(downloaded, filled, 4, true);
  await uploadSheet(page, filled);

  await expect(page.getByTestId('scoring-sheet-status')).toHaveText('3 scores imported from filled.xlsx.');
  await expect(cell(page, 0, 0)).toHaveText('4');
  await expect(cell(page, 0, 1)).toHaveText('3');
  await expect(cell(page, 1, 0)).toHaveText('5');
  expect(cspErrors).toEqual([]);
  await context.close();
});

test('scoring sheet with mistakes lists them', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await rfpInScoring(page);

  const downloaded = await downloadSheet(page, profile.dir);
  const bad = join(profile.dir, 'bad.xlsx');
  await fillSheet(downloaded, bad, 9, false);
  await uploadSheet(page, bad);

  const problems = page.getByTestId('scoring-sheet-problems');
  await expect(problems).toHaveAttribute('role', 'alert');
  await expect(problems).toContainText('bad.xlsx has 2 problems, so nothing was imported.');
  const items = problems.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Sheet “Scores”, row 2, column F: “9” is not a level of');
  await expect(items.nth(1)).toContainText('Sheet “Scores”, row 3, column G: the score 5 of Acme Services');
  // Nothing was written: the valid 3 in H2 is not in the matrix either.
  await expect(cell(page, 0, 1)).toHaveText('Blank');
  await context.close();
});
