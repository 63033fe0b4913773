import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { mostBreachedProviderCode, openProvider, openSample } from './providerEditing';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

const code = mostBreachedProviderCode();
const contractTitle = 'NHS 111 service 2025';

/** Adds a contract with only its title and currency from the provider page. */
async function addContract(page: Page): Promise<void> {
  const section = page.getByTestId('provider-contracts');
  await section.getByRole('button', { name: 'Add contract' }).click();
  const form = section.getByTestId('add-contract-form');
  await form.getByLabel('Contract title').fill(contractTitle);
  await form.getByLabel('Currency (ISO 4217 code)').fill('GBP');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form).toHaveCount(0);
}

async function openProcesses(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Processes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Processes' })).toBeVisible();
}

async function addProcess(page: Page, name: string, functionLabel: string, providerName: string): Promise<void> {
  await page.getByRole('button', { name: 'Add process' }).click();
  const form = page.getByTestId('process-form');
  await form.getByLabel('Process name').fill(name);
  await form.getByLabel('Function').selectOption({ label: functionLabel });
  await form.getByLabel('Provider').selectOption({ label: providerName });
  await form.getByLabel('Contract').selectOption({ label: contractTitle });
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form).toHaveCount(0);
}

test('contract terms and readiness board survive a reload', async () => {
  const context = await profile.launch({ timezoneId: 'America/Los_Angeles' });
  const page = await context.newPage();
  await openSample(page);
  await openProvider(page, code);
  const providerName = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  await addContract(page);

  // Edit the term, notice and exit provisions; a bad end date is reported at the field first.
  const details = page.getByRole('article', { name: `Terms of ${contractTitle}` });
  await expect(details.getByTestId('notice-deadline')).toContainText('Set the end date and the notice period');
  await expect(details.getByTestId('exit-count')).toHaveText('0 of 4 in place');
  await details.getByRole('button', { name: `Edit terms of ${contractTitle}` }).click();
  const form = details.getByTestId('contract-edit-form');
  await form.getByLabel('Start date').fill('2025-04-01');
  await form.getByLabel('End date (last day of the term)').fill('2025-03-01');
  // The notice is not a number either, and one submit reports both errors.
  // The contract form's labels contain their error, so the field is found by the start of its name.
  const notice = form.getByRole('textbox', { name: /^Notice period/ });
  await notice.fill('three');
  await form.getByLabel('Notice period unit').selectOption('months');
  await form.getByRole('button', { name: 'Save terms' }).click();
  const endDate = form.getByLabel('End date (last day of the term)');
  await expect(endDate).toHaveAttribute('aria-invalid', 'true');
  await expect(endDate).toBeFocused();
  await expect(form).toContainText('End date is before the start date.');
  await expect(notice).toHaveAttribute('aria-invalid', 'true');
  // A notice period is a count of days or months, so its error does not mention a currency sign.
  await expect(notice).toHaveAccessibleDescription('Notice period: “three” is not a number. Type a whole number in digits, such as 3.');

  await notice.fill('3');

  await endDate.fill('2027-03-31');
  await form.getByLabel('Renews automatically unless notice is given').check();
  await form.getByLabel('Renewal length (months)').fill('12');
  await form.getByLabel('Pricing model').selectOption({ label: 'Transaction-based' });
  await form.getByLabel('Exit plan').check();
  await form.getByLabel('Data return').check();
  await form.getByRole('button', { name: 'Save terms' }).click();
  await expect(form).toHaveCount(0);

  await expect(details.getByTestId('notice-period')).toHaveText('3 months');
  await expect(details.getByTestId('notice-deadline')).toContainText('31 Dec 2026');
  await expect(details.getByTestId('notice-deadline').locator('time')).toHaveAttribute('datetime', '2026-12-31');
  await expect(details.getByTestId('exit-count')).toHaveText('2 of 4 in place');
  await expect(details.getByTestId('exit-stepInRights')).toHaveText('Step-in rights: missing');
  await expect(details.getByTestId('pricing-model')).toHaveText('Transaction-based');
  await expect(details.getByTestId('linked-cadences')).toContainText('None.');
  // The contracts table shows the term in the card's date format, not as ISO dates.
  const row = page.locator('[data-testid^="contract-row-"]', { hasText: contractTitle });
  await expect(row.getByRole('cell').nth(0)).toHaveText('1 Apr 2025');
  await expect(row.getByRole('cell').nth(1)).toHaveText('31 Mar 2027');
  await expect(row.getByRole('cell').nth(1).locator('time')).toHaveAttribute('datetime', '2027-03-31');

  // Two processes on the provider's contract, one moved across the board to "Pilot passed".
  await openProcesses(page);
  await addProcess(page, 'Call handling', 'Customer service', providerName);
  await addProcess(page, 'Clinical advice triage', 'Customer service', providerName);
  // The sample brings three customer service processes and one not started of its own.
  await expect(page.getByRole('heading', { name: 'Customer service (5 processes)' })).toBeVisible();

  await page.getByRole('tab', { name: 'Readiness board' }).click();
  const board = page.getByTestId('readiness-board');
  await expect(board.getByTestId('board-column-notStarted')).toContainText('3 processes');
  const card = board.getByRole('listitem', { name: /^Call handling,/ });
  await card.getByRole('button', { name: 'Forward to As-is mapped' }).click();
  await expect(board.getByRole('listitem', { name: 'Call handling, As-is mapped' })).toBeFocused();
  // The arrow keys move the focused card on.
  await page.keyboard.press('ArrowRight');
  await expect(board.getByRole('listitem', { name: 'Call handling, Procedures documented' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(board.getByRole('listitem', { name: 'Call handling, Knowledge transfer done' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(board.getByRole('listitem', { name: 'Call handling, Procedures documented' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(board.getByRole('listitem', { name: 'Call handling, Knowledge transfer done' })).toBeFocused();
  await board
    .getByRole('listitem', { name: 'Call handling, Knowledge transfer done' })
    .getByRole('button', { name: 'Forward to Pilot passed' })
    .click();
  await expect(board.getByTestId('board-column-pilotPassed')).toContainText('Call handling');
  await expect(board.getByTestId('board-column-pilotPassed')).toContainText('2 processes');
  await expect(board.getByTestId('board-column-notStarted')).toContainText('2 processes');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Processes' })).toBeVisible({ timeout: 30_000 });
  const reloaded = page.getByTestId('readiness-board');
  await expect(reloaded.getByTestId('board-column-pilotPassed')).toContainText('Call handling');
  await expect(reloaded.getByTestId('board-column-notStarted')).toContainText('Clinical advice triage');

  // The provider page lists both processes with their readiness and keeps the contract terms.
  await openProvider(page, code);
  const processes = page.getByTestId('provider-processes');
  await expect(processes.getByRole('row', { name: /Call handling/ })).toContainText('Pilot passed');
  await expect(processes.getByRole('row', { name: /Clinical advice triage/ })).toContainText('Not started');
  const kept = page.getByRole('article', { name: `Terms of ${contractTitle}` });
  await expect(kept.getByTestId('notice-deadline')).toContainText('31 Dec 2026');
  await expect(kept.getByTestId('exit-count')).toHaveText('2 of 4 in place');
  await expect(kept.getByTestId('renewal')).toContainText('Renews automatically for 12 months');
  // The next renewal starts the day after the term's last day and runs for the renewal length.
  await expect(kept.getByTestId('next-renewal')).toHaveText('Renews on 1 Apr 2027 for 12 months, to 31 Mar 2028.');

  // The provider section opens the board filtered to this provider.
  await processes.getByRole('button', { name: 'Open the readiness board for this provider' }).click();
  await expect(page.getByRole('tab', { name: 'Readiness board' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Provider').locator('option:checked')).toHaveText(providerName);
  await expect(page.getByTestId('readiness-board')).toContainText('Clinical advice triage');
  await context.close();
});

test('process form reports errors at the field', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openProcesses(page);
  await expect(page.getByRole('rowheader', { name: 'Supplier invoice matching' })).toBeVisible();

  await page.getByRole('button', { name: 'Add process' }).click();
  const form = page.getByTestId('process-form');
  await form.getByRole('button', { name: 'Add' }).click();
  const name = form.getByLabel('Process name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(form).toContainText('Process name is empty. Type a name.');

  await name.fill('Payroll');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form).toHaveCount(0);

  await page.getByRole('button', { name: 'Add process' }).click();
  await form.getByLabel('Process name').fill(' payroll ');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form).toContainText('a process without a provider is already called “payroll”');

  await form.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Delete Payroll' }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('rowheader', { name: 'Supplier invoice matching' })).toBeVisible();
  await context.close();
});
