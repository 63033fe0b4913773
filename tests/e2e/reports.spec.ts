/**
 * The steering committee pack of the NHS 111 sample, built in Chromium as a user would. The PDF is
 * Chromium's printing of the print view (`page.pdf()`), checked with poppler-utils (`pdfinfo`,
 * `pdftotext`, `pdffonts`, `pdftoppm`). The workbook and the CSV files are the downloads, read
 * back with exceljs and fflate. Expected numbers are the dashboard's, read from the same page.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { openProvider, openSample, openSection, renameOpenProvider } from './providerEditing';

let profile: Profile;
let folder: string;

test.beforeEach(() => {
  profile = freshProfile();
  folder = mkdtempSync(join(tmpdir(), 'steerwise-reports-'));
});

test.afterEach(() => {
  profile.dispose();
  rmSync(folder, { recursive: true, force: true });
});

/** A provider with an illustrative contract, renamed to Chinese so the pack must print CJK text. */
const renamedCode = '111AC9';
const chineseName = '上海客服中心';

interface DashboardFigures {
  /** Credits due in 2016-Q1 in pence, from the quarter panel's headline. */
  readonly creditsDuePence: number;
  readonly steeringEscalations: number;
}

async function readDashboard(page: Page): Promise<DashboardFigures> {
  await openSection(page, 'Dashboard');
  const credits = page.getByTestId('control-tower-credits');
  await expect(credits.getByRole('heading')).toHaveText('Service credits in 2016-Q1');
  const total = (await credits.getByTestId('credits-total-GBP').locator('strong').textContent()) ?? '';
  const steering = (await page.getByTestId('escalations-level-3').locator('strong').textContent()) ?? '';
  return { creditsDuePence: Math.round(Number(total.replace(/[£,]/g, '')) * 100), steeringEscalations: Number(steering) };
}

/** Chooses 2016-Q1 on Letter landscape, for the whole portfolio or the providers named, and builds the pack. */
async function buildQuarterPack(
  page: Page,
  options: { withoutCommercialTerms?: boolean; providers?: readonly string[] } = {},
): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' }).click();
  const builder = page.getByRole('form', { name: 'Report choices' });
  if (options.providers !== undefined) {
    await builder.getByRole('radio', { name: 'Chosen providers' }).check();
    for (const name of options.providers)
      await builder.getByRole('group', { name: 'Providers' }).getByRole('checkbox', { name, exact: true }).check();
  }
  await builder.getByRole('radio', { name: 'Quarter' }).check();
  await builder.getByLabel('Reporting period').selectOption('2016-Q1');
  await builder.getByLabel('Paper', { exact: true }).selectOption('Letter');
  await builder.getByLabel('Orientation').selectOption('landscape');
  await builder.getByRole('checkbox', { name: /Without commercial terms/ }).setChecked(options.withoutCommercialTerms === true);
  await page.getByRole('button', { name: 'Build pack' }).click();
  await expect(page.getByTestId('report-document')).toBeVisible({ timeout: 60_000 });
}

function pence(text: string): number {
  return Math.round(Number(text.replace(/,/g, '')) * 100);
}

/** Counts the pixels of a PNG that are not (near) white. */
function inkedPixels(path: string): number {
  const png = PNG.sync.read(readFileSync(path));
  let count = 0;
  for (let offset = 0; offset < png.data.length; offset += 4) {
    const [red = 255, green = 255, blue = 255] = png.data.subarray(offset, offset + 3);
    if (red < 240 || green < 240 || blue < 240) count += 1;
  }
  return count;
}

async function printPdf(page: Page, name: string): Promise<string> {
  const path = join(folder, name);
  // As the app's Save as PDF does, wait until every font the pack uses has loaded.
  await page.evaluate<boolean>('document.fonts.ready.then(() => true)');
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  return path;
}

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

test('pack prints with the app’s numbers', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openProvider(page, renamedCode);
  await renameOpenProvider(page, chineseName);
  const dashboard = await readDashboard(page);
  expect(dashboard.creditsDuePence).toBeGreaterThan(0);

  await buildQuarterPack(page);
  // The app's own text falls back to the bundled CJK font, so the Chinese name shows on screen too.
  const appFont = await page.evaluate<string>("getComputedStyle(document.getElementById('reports-title')).fontFamily");
  expect(appFont).toContain('Noto Sans SC');
  // The document title, which becomes the PDF's title, is the pack's name.
  await expect(page).toHaveTitle('NHS 111 sample (2015-16) 2016-Q1');
  const headline = (await page.getByTestId('report-headline').textContent()) ?? '';
  // The pack writes money as the dashboard does, and names the period the credits are due for.
  expect(headline).toMatch(/^\d+ of \d+ critical service levels missed in Q1 2016; credits of £[\d,]+\.\d{2} due for Q1 2016/);
  const credits = /credits of £([\d,]+\.\d{2})/.exec(headline)?.[1] ?? '';
  expect(pence(credits)).toBe(dashboard.creditsDuePence);
  const steering = dashboard.steeringEscalations;
  expect(headline).toContain(`${String(steering)} ${steering === 1 ? 'escalation' : 'escalations'} at steering committee level`);

  const pdf = await printPdf(page, 'pack.pdf');
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  expect(pages).toBeGreaterThanOrEqual(3);
  expect(info).toMatch(/^Title:\s+NHS 111 sample \(2015-16\) 2016-Q1$/m);
  // Letter landscape is 11 by 8.5 inches, 792 by 612 points.
  expect(info).toMatch(/Page size:\s+792 x 612 pts \(letter\)/);

  const text = pdfText(pdf);
  expect(text).toContain('NHS 111 sample (2015-16) · Q1 2016');
  expect(text).toContain(`Page 1 of ${String(pages)}`);
  expect(text).toContain(`Page ${String(pages)} of ${String(pages)}`);
  expect(text.replace(/\s+/g, ' ')).toContain(headline.replace(/\s+/g, ' ').slice(0, 60));
  expect(text).toContain(chineseName);
  expect(text).toContain('No transition plans in this scope.');
  // The sample dates no decision in 2016 but has open actions, so the decisions table explains why it is empty.
  expect(text).toContain('No decisions dated in this period.');
  expect(text).toContain('No RFP past its draft in this portfolio.');
  expect(text).not.toContain('A pack for chosen providers');
  expect(text).toContain('Data last changed');
  // Every section's title is printed, the empty ones too.
  for (const title of [
    'Executive summary',
    'KPI scorecards',
    'Service credits and earn-backs',
    'Transition status',
    'RFP evaluation results',
    'Risks',
    'Decisions and open actions',
    'Upcoming deadlines',
  ]) {
    expect(text, title).toContain(title);
  }

  // Sections flow on, so the one-line transitions section shares its page with the next section.
  const pageTexts = text.split('\f');
  const transitionsPage = pageTexts.find((pageText) => pageText.includes('No transition plans in this scope.'));
  expect(transitionsPage).toContain('RFP evaluation results');

  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  expect(fonts).toMatch(/NotoSansSC.*yes/);

  execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '3', pdf, join(folder, 'page')]);
  const images = readdirSync(folder)
    .filter((file) => file.startsWith('page') && file.endsWith('.png'))
    .sort();
  expect(images).toHaveLength(3);
  for (const image of images) {
    // A blank Letter page at 40 dpi has no ink; a page of the pack has text, tables or charts.
    expect(inkedPixels(join(folder, image)), image).toBeGreaterThan(2_000);
  }

  // The level charts are SVG, so they stay vectors in the PDF.
  await expect(page.getByTestId('report-document').locator('.report-chart svg').first()).toBeVisible();
  await context.close();
});

test('workbook and CSV carry the same numbers', async () => {
  const context = await profile.launch({ locale: 'en-GB' });
  const page = await context.newPage();
  await openSample(page);
  const dashboard = await readDashboard(page);
  await buildQuarterPack(page);

  const downloadingWorkbook = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save workbook (.xlsx)' }).click();
  const workbookDownload = await downloadingWorkbook;
  expect(workbookDownload.suggestedFilename()).toBe('NHS 111 sample (2015-16) 2016-Q1.xlsx');
  const workbookPath = join(folder, 'pack.xlsx');
  await workbookDownload.saveAs(workbookPath);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookPath);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    'Executive summary',
    'KPI scorecards',
    'Service credits and earn-backs',
    'Transition status',
    'RFP evaluation results',
    'Risks',
    'Decisions and open actions',
    'Upcoming deadlines',
  ]);

  const summary = workbook.getWorksheet('Executive summary');
  const factValue = (label: string) => {
    let value: ExcelJS.CellValue = null;
    summary?.eachRow((row) => {
      if (row.getCell(1).value === label) value = row.getCell(2).value;
    });
    return value;
  };
  expect(factValue('Credits due (GBP)')).toBe(dashboard.creditsDuePence / 100);
  expect(factValue('Open escalations, steering committee level')).toBe(dashboard.steeringEscalations);
  expect(factValue('Generated')).toBeInstanceOf(Date);
  expect(factValue('Scope')).toBe('Whole portfolio');
  expect(factValue('Commercial terms')).toBe('Included');
  expect(summary?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

  // The sheet has two tables, so each starts with its title row and no header row is frozen.
  const creditsSheet = workbook.getWorksheet('Service credits and earn-backs');
  expect(creditsSheet?.getCell('A1').value).toBe('Credits by contract');
  const header = creditsSheet?.getRow(2).values as ExcelJS.CellValue[];
  const dueColumn = header.indexOf('Due');
  expect(dueColumn).toBeGreaterThan(0);
  let dueSum = 0;
  for (let rowNumber = 3; rowNumber <= (creditsSheet?.rowCount ?? 0); rowNumber++) {
    const row = creditsSheet?.getRow(rowNumber);
    if (row === undefined || row.getCell(1).value === null || row.getCell(1).value === 'Credits and earn-backs by month') break;
    const due = row.getCell(dueColumn);
    expect(typeof due.value).toBe('number');
    expect(due.numFmt).toContain('"GBP"');
    dueSum += Number(due.value);
  }
  expect(Math.round(dueSum * 100)).toBe(dashboard.creditsDuePence);

  const monthCells: ExcelJS.Cell[] = [];
  creditsSheet?.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.numFmt === 'mmm yyyy') monthCells.push(cell);
    });
  });
  expect(monthCells.length).toBeGreaterThan(0);
  expect(monthCells.every((cell) => cell.value instanceof Date)).toBe(true);

  const scorecards = workbook.getWorksheet('KPI scorecards');
  const percentCells: ExcelJS.Cell[] = [];
  scorecards?.getRow(2).eachCell((cell) => {
    if (cell.numFmt === '0.00%') percentCells.push(cell);
  });
  expect(percentCells.length).toBeGreaterThan(0);
  expect(percentCells.every((cell) => typeof cell.value === 'number' && cell.value <= 1)).toBe(true);

  const downloadingCsv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save tables as CSV (.zip)' }).click();
  const csvPath = join(folder, 'pack.zip');
  await (await downloadingCsv).saveAs(csvPath);
  const files = unzipSync(new Uint8Array(readFileSync(csvPath)));
  const names = Object.keys(files);
  expect(names[0]).toBe('01 Executive summary.csv');
  const creditsFile = '03 Service credits and earn-backs - Credits by contract.csv';
  expect(names).toContain(creditsFile);
  const creditsBytes = files[creditsFile] ?? new Uint8Array();
  // The UTF-8 byte order mark, which the decoder below drops.
  expect([...creditsBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const creditsCsv = strFromU8(creditsBytes);
  expect(creditsCsv.split('\r\n')[0]).toBe(
    'Provider,Contract,Gross credits,Earned back,Removed by cap,Due,Pending earn-back,Bonus,Terms complete,Currency',
  );
  // Money is a plain number with a decimal point, whatever the user's locale, and the currency has a column of its own.
  expect(creditsCsv.split('\r\n')[1]).toMatch(/,\d+\.\d{2},(Yes|No),GBP$/);
  await context.close();
});

test('pack without commercial terms shows no money', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  const providers = ['NORTH WEST INC BLACKPOOL NHS 111', 'WEST MIDLANDS NHS 111'];
  await buildQuarterPack(page, { withoutCommercialTerms: true, providers });

  await expect(page.getByTestId('report-headline')).toContainText('credits left out of this pack');
  const text = pdfText(await printPdf(page, 'redacted.pdf'));
  expect(text).toContain('Without commercial terms: charges, prices and service credits are left out.');
  expect(text).toContain('Left out: this pack is without commercial terms.');
  expect(text).not.toMatch(/GBP|£/);

  // The downloads name what they cover, in their names and on their first sheet or file.
  const packName = 'NHS 111 sample (2015-16) 2016-Q1 – 2 providers – without commercial terms';
  const downloadingWorkbook = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save workbook (.xlsx)' }).click();
  const workbookDownload = await downloadingWorkbook;
  expect(workbookDownload.suggestedFilename()).toBe(`${packName}.xlsx`);
  const workbookPath = join(folder, 'redacted.xlsx');
  await workbookDownload.saveAs(workbookPath);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookPath);
  const facts = new Map<ExcelJS.CellValue, ExcelJS.CellValue>();
  workbook.getWorksheet('Executive summary')?.eachRow((row) => facts.set(row.getCell(1).value, row.getCell(2).value));
  expect(facts.get('Scope')).toBe(providers.join(', '));
  expect(facts.get('Commercial terms')).toBe('Left out (charges, prices and service credits)');

  const downloadingCsv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save tables as CSV (.zip)' }).click();
  const csvDownload = await downloadingCsv;
  expect(csvDownload.suggestedFilename()).toBe(`${packName}.zip`);
  const csvPath = join(folder, 'redacted.zip');
  await csvDownload.saveAs(csvPath);
  const cover = strFromU8(unzipSync(new Uint8Array(readFileSync(csvPath)))['01 Executive summary.csv'] ?? new Uint8Array()).split('\r\n');
  expect(cover).toContain(`Scope,"${providers.join(', ')}"`);
  expect(cover).toContain('Commercial terms,"Left out (charges, prices and service credits)"');
  await context.close();
});

test('template keeps the choices', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' }).click();
  const builder = page.getByRole('form', { name: 'Report choices' });
  await builder.getByRole('radio', { name: 'Quarter' }).check();
  await builder.getByRole('checkbox', { name: 'RFP evaluation results' }).uncheck();
  await builder.getByLabel('Orientation').selectOption('landscape');
  await page.getByLabel('Template name').fill('Quarterly board');
  await page.getByRole('button', { name: 'Save as template' }).click();
  await expect(page.getByText('Template “Quarterly board” saved on this computer.')).toBeVisible();

  await page.reload();
  await expect(builder.getByRole('radio', { name: 'Month' })).toBeChecked();
  await page.getByLabel('Template', { exact: true }).selectOption('Quarterly board');
  await page.getByRole('button', { name: 'Use template' }).click();
  await expect(builder.getByRole('radio', { name: 'Quarter' })).toBeChecked();
  await expect(builder.getByRole('checkbox', { name: 'RFP evaluation results' })).not.toBeChecked();
  await expect(builder.getByLabel('Orientation')).toHaveValue('landscape');
  await expect(builder.getByLabel('Reporting period')).toHaveValue('2016-Q1');
  await context.close();
});

test('templates ask before replacing or deleting', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Reports' }).click();
  const builder = page.getByRole('form', { name: 'Report choices' });

  // The provider list counts the chosen providers and can be searched.
  await builder.getByRole('radio', { name: 'Chosen providers' }).check();
  const providers = builder.getByRole('group', { name: 'Providers' });
  const total = await providers.getByRole('checkbox').count();
  await expect(builder.getByText(`0 of ${String(total)} providers chosen`)).toBeVisible();
  await builder.getByRole('searchbox', { name: 'Search providers' }).fill('west mid');
  await expect(providers.getByRole('checkbox')).toHaveCount(1);
  await providers.getByRole('checkbox', { name: 'WEST MIDLANDS NHS 111' }).check();
  await builder.getByRole('searchbox', { name: 'Search providers' }).fill('');
  await builder.getByRole('checkbox', { name: 'List only the chosen providers' }).check();
  await expect(providers.getByRole('checkbox')).toHaveCount(1);
  await expect(builder.getByText(`1 of ${String(total)} providers chosen`)).toBeVisible();

  await page.getByLabel('Template name').fill('Monthly board');
  await page.getByRole('button', { name: 'Save as template' }).click();
  await expect(page.getByText('Template “Monthly board” saved on this computer.')).toBeVisible();

  // Saving under the same name requires confirmation, and Cancel keeps the saved choices.
  await builder.getByRole('radio', { name: 'Whole portfolio' }).check();
  await page.getByLabel('Template name').fill('monthly BOARD');
  await page.getByRole('button', { name: 'Save as template' }).click();
  const replace = page.getByRole('alertdialog', { name: /A template named “Monthly board” exists/ });
  await expect(replace).toBeVisible();
  await replace.getByRole('button', { name: 'Cancel' }).click();
  await expect(replace).toBeHidden();
  await page.getByRole('button', { name: 'Use template' }).click();
  await expect(builder.getByRole('radio', { name: 'Chosen providers' })).toBeChecked();

  await builder.getByRole('radio', { name: 'Whole portfolio' }).check();
  await page.getByRole('button', { name: 'Save as template' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace template' }).click();
  await expect(page.getByText('Template “monthly BOARD” saved on this computer.')).toBeVisible();
  const templateSelect = page.getByLabel('Template', { exact: true });
  await expect(templateSelect.locator('option')).toHaveText(['No template', 'monthly BOARD']);

  // Rename keeps the choices under the new name.
  await page.getByRole('button', { name: 'Rename template' }).click();
  await page.getByRole('group', { name: 'Rename the template “monthly BOARD”' }).getByLabel('New name').fill('Board pack');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(page.getByText('Template “monthly BOARD” renamed to “Board pack”.')).toBeVisible();
  await expect(templateSelect).toHaveValue('Board pack');

  // Delete requires confirmation, and keeping the template leaves it listed.
  await page.getByRole('button', { name: 'Delete template' }).click();
  const question = page.getByRole('alertdialog', { name: 'Delete the template “Board pack”? This cannot be undone.' });
  await question.getByRole('button', { name: 'Keep template' }).click();
  await expect(templateSelect.locator('option')).toHaveText(['No template', 'Board pack']);
  await page.getByRole('button', { name: 'Delete template' }).click();
  await question.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByText('Template “Board pack” deleted.')).toBeVisible();
  await expect(templateSelect.locator('option')).toHaveText(['No template']);
  await context.close();
});
