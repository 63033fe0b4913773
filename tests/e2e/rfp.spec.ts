/**
 * An RFP from start to award, as a user drives it: create from the BPO template, add bidders
 * and evaluators, enter the winner's price in two rounds, score by keyboard as two evaluators,
 * resolve a no-consensus cell, read the ranking and the tornado chart, and award. Then create the
 * transition plan of the new contract from the Award tab, and find the draft contract and the
 * plan on the winner's provider screen. Only the first two criteria are scored, and only the
 * first bidder has a price. Every other cell stays blank, which the results exclude rather than
 * count as zero.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { openSection } from './providerEditing';

let profile: Profile;
/** A second laptop that opens the awarded portfolio from a file without commercial terms. */
let secondLaptop: Profile;

test.beforeEach(() => {
  profile = freshProfile();
  secondLaptop = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
  secondLaptop.dispose();
});

const bidders = ['Acme Services', 'Bolt Outsourcing', 'Crest BPO'] as const;
const firstCriterion = 'Comparable clients and references';

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

async function chooseEvaluator(page: Page, name: string): Promise<void> {
  await page.getByTestId('evaluator-select').selectOption({ label: name });
}

/** Types a score into the active cell and waits for the save to be confirmed. */
async function typeScore(page: Page, digits: string, bidder: string): Promise<void> {
  await page.keyboard.type(digits);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('matrix-status')).toContainText(`Saved ${digits} for ${bidder}`);
}

function cell(page: Page, row: number, col: number) {
  return page.getByTestId('score-grid').locator(`[data-row="${row}"][data-col="${col}"]`);
}

interface PriceEntry {
  readonly round: string;
  readonly currency: string;
  readonly oneTime: string;
  readonly monthly: string;
  /** Exchange rate to GBP to type, or `null` for a bid in pounds, which the form does not ask a rate for. */
  readonly rate: string | null;
}

async function enterPriceBid(page: Page, bidder: string, entry: PriceEntry): Promise<void> {
  const form = page.getByRole('region', { name: 'Price bids' });
  // A label that wraps a select also names it by the chosen option, so the name only starts with "Bidder".
  await form.getByRole('combobox', { name: /^Bidder/ }).selectOption({ label: bidder });
  await form.getByRole('textbox', { name: 'Round', exact: true }).fill(entry.round);
  await form.getByRole('textbox', { name: 'Currency', exact: true }).fill(entry.currency);
  await form.getByLabel('One-time fee in the bid currency').fill(entry.oneTime);
  await form.getByLabel('Monthly charge in the bid currency').fill(entry.monthly);
  if (entry.rate === null) {
    // A bid in the base currency has rate 1 and no rate fields to fill.
    await expect(form.getByLabel('Exchange rate to GBP')).toHaveCount(0);
  } else {
    await form.getByLabel('Exchange rate to GBP').fill(entry.rate);
    await form.getByLabel('Rate date').fill('2027-01-10');
  }
  await form.getByRole('button', { name: 'Save price bid' }).click();
}

/** Opens the RFP of this test from the RFPs screen, on its Award tab. */
async function openAwardTab(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'RFPs' }).click();
  await page.getByTestId('rfp-table').locator('tbody tr', { hasText: 'Payroll outsourcing 2027' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payroll outsourcing 2027' })).toBeVisible();
  await openTab(page, 'Award');
}

/** Today's calendar date in the browser's time zone, as a date field shows it. */
async function browserToday(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
  });
}

async function movePhase(page: Page, button: string, phase: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByTestId('rfp-phase')).toHaveText(`Phase: ${phase}`);
}

test('RFP from template to award', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');

  // Create from the template.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'RFPs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'RFPs' })).toBeVisible();
  await page.getByRole('button', { name: 'New RFP from template' }).click();
  await page.getByLabel('Title').fill('Payroll outsourcing 2027');
  await page.getByLabel('Processes to outsource (one per line)').fill('Payroll\nExpenses');
  await page.getByLabel('Responses due').fill('2027-02-15');
  await page.getByRole('button', { name: 'Create RFP' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payroll outsourcing 2027' })).toBeVisible();
  await expect(page.getByTestId('rfp-phase')).toHaveText('Phase: Draft');
  await expect(page.getByTestId('criteria-total')).toHaveText('100.0%');

  // Three prospects and two evaluators, each declaring no conflict.
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
    await expect(page.getByTestId('evaluator-list')).toContainText('Declared no conflict');
  }
  await expect(page.getByTestId('evaluator-list')).not.toContainText('not declared yet');

  await movePhase(page, 'Issue the RFP', 'Open');

  // The first bidder prices in pounds, then revises in euros, and the award uses the revised round.
  const prices = page.getByTestId('price-list');
  await enterPriceBid(page, bidders[0], { round: '1', currency: 'GBP', oneTime: '250000', monthly: '100000', rate: null });
  await expect(prices).toContainText('£250,000.00');

  // A euro bid has no default rate: saving it without one is rejected with the field and both currencies named.
  const priceForm = page.getByRole('region', { name: 'Price bids' });
  await expect(priceForm.getByRole('textbox', { name: 'Round', exact: true })).toHaveValue('1');
  await expect(priceForm.getByLabel('One-time fee in the bid currency')).toHaveValue('250000.00');
  await priceForm.getByRole('textbox', { name: 'Round', exact: true }).fill('2');
  await priceForm.getByRole('textbox', { name: 'Currency', exact: true }).fill('EUR');
  await expect(priceForm.getByLabel('Exchange rate to GBP')).toHaveValue('');
  await expect(priceForm.getByLabel('Rate date')).toHaveValue('');
  await priceForm.getByRole('button', { name: 'Save price bid' }).click();
  await expect(page.getByTestId('price-errors')).toContainText('enter how many GBP one EUR is worth');
  await expect(page.getByTestId('price-errors')).toContainText('Rate date: enter the date on which the EUR to GBP rate was quoted.');
  await expect(prices).not.toContainText('€');

  await enterPriceBid(page, bidders[0], { round: '2', currency: 'EUR', oneTime: '200000', monthly: '95000.50', rate: '0.85' });
  await expect(prices).toContainText('€200,000.00');
  await expect(page.getByTestId('price-errors')).toHaveCount(0);

  // Picking another bidder empties the form; picking the first again shows its latest round.
  await priceForm.getByRole('combobox', { name: /^Bidder/ }).selectOption({ label: bidders[1] });
  await expect(priceForm.getByLabel('One-time fee in the bid currency')).toHaveValue('');
  await expect(priceForm.getByRole('textbox', { name: 'Currency', exact: true })).toHaveValue('GBP');
  await priceForm.getByRole('combobox', { name: /^Bidder/ }).selectOption({ label: bidders[0] });
  await expect(priceForm.getByRole('textbox', { name: 'Round', exact: true })).toHaveValue('2');
  await expect(priceForm.getByLabel('Exchange rate to GBP')).toHaveValue('0.85');

  await movePhase(page, 'Start scoring', 'Scoring');

  // Ann scores the first criterion for all three bidders and the second for the first bidder.
  await openTab(page, 'Matrix');
  await chooseEvaluator(page, 'Ann Evans');
  await cell(page, 0, 0).click();
  await typeScore(page, '4', bidders[0]);
  await page.keyboard.press('ArrowRight');
  await typeScore(page, '3', bidders[1]);
  await page.keyboard.press('ArrowRight');
  await typeScore(page, '2', bidders[2]);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  // A score at the top of the scale needs a comment before it is saved.
  await page.keyboard.type('5');
  await page.keyboard.press('Enter');
  // The comment box has focus; Ctrl+Enter saves and focus goes back to the scored cell.
  const commentBox = page.getByRole('textbox', { name: 'Comment' });
  await expect(commentBox).toBeFocused();
  await expect(page.getByTestId('matrix-status')).toContainText('Score 5 is not saved yet');
  await page.keyboard.type('Three references of the same size, all confirmed.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('matrix-status')).toContainText(`Saved 5 for ${bidders[0]}`);
  await expect(cell(page, 1, 0)).toHaveText('5');
  await expect(cell(page, 1, 0)).toBeFocused();

  // Ann's scores are hidden from Ben while scoring is sealed.
  await chooseEvaluator(page, 'Ben Okafor');
  await expect(cell(page, 0, 0)).toHaveText('Blank');
  await cell(page, 0, 0).click();
  await typeScore(page, '1', bidders[0]);
  await page.keyboard.press('ArrowRight');
  await typeScore(page, '3', bidders[1]);
  await page.keyboard.press('ArrowRight');
  await typeScore(page, '2', bidders[2]);

  // Moving to consensus unseals every score, so it needs confirmation. Go back keeps scoring.
  await page.getByRole('button', { name: 'Move to consensus' }).click();
  const question = page.getByRole('group', { name: /Every evaluator will then see all sealed scores/ });
  await question.getByRole('button', { name: 'Go back' }).click();
  await expect(page.getByTestId('rfp-phase')).toHaveText('Phase: Scoring');
  await page.getByRole('button', { name: 'Move to consensus' }).click();
  await question.getByRole('button', { name: 'Move to consensus' }).click();
  await expect(page.getByTestId('rfp-phase')).toHaveText('Phase: Consensus');

  // Ann 4 and Ben 1 on the first bidder spread over 30% of the scale: no consensus.
  await chooseEvaluator(page, 'Ann Evans');
  const disputed = cell(page, 0, 0);
  await expect(disputed).toContainText('No consensus');
  await expect(disputed).toContainText('Mean 2.5');
  await expect(page.getByText('To set a consensus score, go to a cell')).toBeVisible();
  // Keyboard only: Enter opens the details with focus in the consensus score, Escape closes
  // them and gives focus back to the cell.
  await page.getByTestId('score-grid').locator('[tabindex="0"]').focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Home');
  await expect(disputed).toBeFocused();
  await page.keyboard.press('Enter');
  const details = page.getByTestId('cell-details');
  await expect(details.getByLabel('Consensus score')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(disputed).toBeFocused();
  // A digit typed on the cell opens the details with that digit as the consensus score.
  await page.keyboard.press('4');
  await expect(page.getByTestId('matrix-status')).not.toContainText('Scoring closed');
  await expect(details.getByLabel('Consensus score')).toBeFocused();
  await expect(details.getByLabel('Consensus score')).toHaveValue('4');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ben had not seen the second reference letter.');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('matrix-status')).toContainText(`Saved consensus score 4 for ${bidders[0]}`);
  await expect(disputed).toContainText('Consensus 4');
  await expect(disputed).not.toContainText('No consensus');
  await expect(disputed).toBeFocused();

  // Ranking: the first bidder leads on the only criterion every bidder has a score for.
  await openTab(page, 'Results');
  await expect(page.getByTestId('rfp-winner')).toHaveText(`Ranked first: ${bidders[0]}`);
  const ranking = page.getByTestId('ranking').locator('tbody tr');
  await expect(ranking).toHaveCount(3);
  await expect(ranking.nth(0).getByRole('rowheader')).toHaveText(bidders[0]);
  await expect(ranking.nth(2).getByRole('rowheader')).toHaveText(bidders[2]);
  await expect(page.getByTestId('section-breakdown').locator('svg')).toBeVisible();

  // The tornado chart is drawn with the criterion labels.
  await openTab(page, 'Sensitivity');
  const tornado = page.getByTestId('tornado');
  await expect(tornado.locator('svg')).toBeVisible();
  await expect(tornado.locator('svg text').filter({ hasText: firstCriterion })).toHaveCount(1);

  // Award to the default winner.
  await openTab(page, 'Award');
  await expect(page.getByLabel('Winner')).toHaveValue(/.+/);
  await page.getByLabel('Rationale').fill('Highest score after consensus.');
  await page.getByRole('button', { name: 'Award the contract' }).click();
  await page
    .getByRole('group', { name: `Award the contract to ${bidders[0]}?` })
    .getByRole('button', { name: 'Award the contract' })
    .click();
  await expect(page.getByTestId('rfp-phase')).toHaveText('Phase: Awarded');
  const summary = page.getByTestId('award-summary');
  await expect(summary).toContainText(`Awarded to ${bidders[0]}`);
  await expect(summary).toContainText(`Provider: ${bidders[0]}`);
  await expect(summary).toContainText('Draft contract: Payroll outsourcing 2027');
  // Round 2: 12 * 95,000.50 EUR = 1,140,006.00 EUR a year, at 0.85 GBP per EUR = 969,005.10 GBP.
  await expect(page.getByTestId('award-contract-value')).toHaveText('Annual value: £969,005.10');
  await expect(summary).toContainText(
    'round 2 of the winning price bid for one year, €1,140,006.00, at 0.85 GBP per EUR (rate of 2027-01-10)',
  );
  await expect(summary).toContainText('Intended term: 36 months');

  // The award offers the transition plan of the new contract: the first process of the RFP's
  // scope takes the main path and the second gets a wave.
  const planTitle = `Transition to ${bidders[0]}: Payroll outsourcing 2027`;
  const planOffer = page.getByTestId('award-plan');
  await expect(planOffer).toContainText('moves Payroll first and gives each further process in the RFP’s scope a wave: Expenses.');
  const start = planOffer.getByLabel('Start date of the transition');
  await expect(start).toHaveValue(await browserToday(page));
  await start.fill('2027-04-05');
  await planOffer.getByRole('button', { name: 'Create transition plan' }).click();
  await expect(page.getByTestId('plan-title')).toHaveText(planTitle);
  // The award ended the selection: the plan starts with the award done, then the negotiation.
  const grid = page.getByTestId('gantt-grid');
  const rows = grid.locator('tbody tr');
  await expect(rows.first()).toContainText('Provider awarded: Payroll outsourcing 2027');
  await expect(rows.first()).toContainText('100%');
  await expect(rows.nth(1)).toContainText('Contract negotiation');
  await expect(grid).not.toContainText('Needs assessment');
  await expect(grid).not.toContainText('Provider selection');
  // The first process takes the main path, so its name is on the main path's phases.
  await expect(grid.locator('tbody tr', { hasText: 'Knowledge transfer of Payroll' })).toHaveCount(1);
  // The grid renders the rows in view only, and the waves come last: Ctrl+End moves to the last task.
  await rows.first().locator('td[data-column="name"]').click();
  await page.keyboard.press('Control+End');
  await expect(grid.locator('tbody tr', { hasText: 'Wave: Expenses' })).toHaveCount(1);
  await expect(grid.locator('tbody tr', { hasText: 'Wave: Payroll' })).toHaveCount(0);
  await expect(page.getByTestId('plan-contract').locator('option:checked')).toHaveText('Payroll outsourcing 2027');
  await expect(page.getByLabel('Start date', { exact: true })).toHaveValue('2027-04-05');

  // Back on the Award tab, the plan exists, so the tab opens it instead of offering another.
  await openAwardTab(page);
  await expect(planOffer).toContainText(`Transition plan: ${planTitle}`);
  await expect(planOffer.getByRole('button', { name: 'Create transition plan' })).toHaveCount(0);
  await planOffer.getByRole('button', { name: 'Open transition plan' }).click();
  await expect(page.getByTestId('plan-title')).toHaveText(planTitle);
  await openAwardTab(page);

  // Scores are final, so the scoring sheet and evaluator file buttons are disabled and show the reason.
  await openTab(page, 'Matrix');
  const sheet = page.getByTestId('scoring-sheet');
  await expect(sheet.getByRole('button', { name: 'Download scoring sheet (XLSX)' })).toBeDisabled();
  await expect(sheet.getByRole('button', { name: 'Import scoring sheet' })).toBeDisabled();
  await expect(sheet).toContainText('This RFP has been awarded, so its scores are final.');
  await openTab(page, 'Setup');
  await expect(page.getByRole('button', { name: 'Save an evaluator file for Ann Evans' })).toBeDisabled();
  await expect(page.getByTestId('evaluator-files-final')).toContainText('evaluator files can no longer be exported');

  // The winner's provider screen lists the draft contract with its value and links back to the RFP.
  await openTab(page, 'Award');
  await summary.getByRole('button', { name: 'Open provider' }).click();
  await expect(page.getByRole('heading', { level: 1, name: bidders[0] })).toBeVisible();
  const contracts = page.getByRole('table', { name: `Contracts with ${bidders[0]}` });
  const contractRow = contracts.locator('tbody tr');
  await expect(contractRow).toHaveCount(1);
  await expect(contractRow.getByRole('rowheader')).toContainText('Payroll outsourcing 2027');
  await expect(contractRow.getByRole('rowheader')).toContainText('Draft');
  await expect(contractRow.getByRole('cell')).toHaveText([
    'Not set',
    'Not set',
    'GBP',
    '£969,005.10',
    // Monthly charges, share at risk and the monthly cap are not part of a bid; the vendor manager enters them.
    'Not set',
    'Not set',
    'Not set',
    'No critical level',
    'Edit charges of Payroll outsourcing 2027',
  ]);
  const providerPlans = page.getByTestId('provider-plans');
  await expect(providerPlans.getByRole('button', { name: planTitle })).toBeVisible();
  await expect(providerPlans).toContainText('for the contract “Payroll outsourcing 2027”');
  await contractRow.getByRole('button', { name: 'Awarded in RFP Payroll outsourcing 2027' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payroll outsourcing 2027' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Award' })).toHaveAttribute('aria-selected', 'true');
  await expect(summary).toContainText(`Awarded to ${bidders[0]}`);

  // The list shows the winner.
  await page.getByRole('button', { name: 'All RFPs' }).click();
  await expect(page.getByTestId('rfp-table')).toContainText(bidders[0]);

  // The Transition plans list shows the plan with its provider and contract.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Transition plans' }).click();
  const planTable = page.getByTestId('plan-table');
  await expect(planTable.locator('thead th').nth(2)).toHaveText('Contract');
  const planCells = planTable.locator('tbody tr', { hasText: planTitle }).locator('td');
  await expect(planCells.nth(1)).toHaveText(bidders[0]);
  await expect(planCells.nth(2)).toHaveText('Payroll outsourcing 2027');
  await expect(planCells.nth(3)).toHaveText('5 Apr 2027');

  // A copy without commercial terms keeps the draft contract and its link to the RFP, but not its value.
  const exportedPath = join(profile.dir, 'without-commercial-terms.steerwise');
  await openSection(page, 'Sync');
  await page.getByTestId('export-scope').getByLabel('Without commercial terms').check();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export portfolio' }).click();
  await (await download).saveAs(exportedPath);
  await context.close();

  const contextB = await secondLaptop.launch();
  const pageB = await contextB.newPage();
  await pageB.goto('/');
  await expect(pageB.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
  await openSection(pageB, 'Sync');
  const chooser = pageB.waitForEvent('filechooser');
  await pageB.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooser).setFiles(exportedPath);
  await pageB.getByTestId('sync-preview').getByRole('button', { name: 'Create portfolio' }).click();
  await expect(pageB.getByTestId('provider-count')).toHaveText('1 provider', { timeout: 30_000 });
  await pageB.getByTestId('providers-table').locator('tbody tr').first().click();
  await expect(pageB.getByRole('heading', { level: 1, name: bidders[0] })).toBeVisible();
  const copiedRow = pageB.getByRole('table', { name: `Contracts with ${bidders[0]}` }).locator('tbody tr');
  await expect(copiedRow.getByRole('rowheader')).toContainText('Draft');
  await expect(copiedRow.getByRole('cell')).toHaveText([
    'Not set',
    'Not set',
    'GBP',
    'Not recorded',
    'Not set',
    'Not set',
    'Not set',
    'No critical level',
    'Edit charges of Payroll outsourcing 2027',
  ]);
  await expect(pageB.getByTestId('provider-plans').getByRole('button', { name: planTitle })).toBeVisible();
  await copiedRow.getByRole('button', { name: 'Awarded in RFP Payroll outsourcing 2027' }).click();
  await expect(pageB.getByTestId('award-contract-value')).toHaveText('Annual value: not recorded');
  await expect(pageB.getByTestId('award-summary')).toContainText('The winner has no price bid in this portfolio.');
  await expect(pageB.getByTestId('award-summary')).toContainText(
    'A portfolio opened from a file without commercial terms has no price bids.',
  );
  // The results explain why price is missing from every total.
  await openTab(pageB, 'Results');
  await expect(pageB.getByTestId('price-bids-missing')).toContainText('No bidder has a price bid in this portfolio');
  await contextB.close();
});
