import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { answeredKey, kpiCard, openProvider, openSample } from './providerEditing';
import { sampleProviders, sampleRows } from './sampleData';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

/**
 * A provider with exactly two months below 95% answered within 60 seconds, more than three
 * months apart and less than 10% short: its escalation opens and stays at level 1, so a person
 * can raise it.
 */
const code = '111AA6';
const contractTitle = 'NHS 111 call handling';

/** Lists the provider's months below the 95% minimum, with their results, from the sample file. */
function missedMonths(): { period: string; percent: number }[] {
  return sampleRows()
    .filter((row) => row.code === code && row.answered > 0)
    .map((row) => ({ period: row.period, percent: (100 * row.answeredWithin60s) / row.answered }))
    .filter((month) => month.percent < 95)
    .sort((a, b) => a.period.localeCompare(b.period));
}

/** Adds a contract and makes the answered-within-60-seconds level critical through the credit terms form. */
async function makeAnsweredCritical(page: Page): Promise<void> {
  const section = page.getByTestId('provider-contracts');
  await section.getByRole('button', { name: 'Add contract' }).click();
  const addForm = section.getByTestId('add-contract-form');
  await addForm.getByLabel('Contract title').fill(contractTitle);
  await addForm.getByLabel('Currency (ISO 4217 code)').fill('GBP');
  await addForm.getByRole('button', { name: 'Add' }).click();
  await expect(section.getByRole('row', { name: new RegExp(contractTitle) })).toBeVisible();

  const card = kpiCard(page, answeredKey);
  await card.getByText('Credit terms', { exact: true }).click();
  const form = card.getByTestId('service-terms-form');
  await form.getByLabel('Contract').selectOption({ label: contractTitle });
  await form.getByLabel('Critical service level (carries service credits)').check();
  await form.getByLabel('Allocation of the at-risk amount (%)').fill('40');
  await form.getByRole('button', { name: 'Save credit terms' }).click();
  await expect(card.getByTestId('terms-summary')).toContainText('Critical: 40% of the at-risk amount');
}

function percentText(value: number): string {
  return `${value.toFixed(2)}%`;
}

test('missed critical level escalates, is raised and notifies', async () => {
  const misses = missedMonths();
  expect(misses.map((month) => month.period)).toEqual(['2015-12', '2016-03']);
  const [first, second] = misses;
  if (first === undefined || second === undefined) throw new Error('the sample changed');
  const providerName = sampleProviders().get(code) ?? code;

  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  // The sample's illustrative contracts escalate other providers; reading those first leaves only what follows.
  await page.getByTestId('notifications-button').click();
  const panel = page.getByTestId('notifications-panel');
  await panel.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByTestId('notifications-count')).toHaveCount(0);
  await page.getByTestId('notifications-button').click();
  await expect(panel).toHaveCount(0);

  await openProvider(page, code);
  await makeAnsweredCritical(page);
  // The opening and the repeat miss are new.
  await expect(page.getByTestId('notifications-count')).toHaveText('2');
  await expect(page.getByTestId('provider-escalations')).toContainText(
    'Calls answered within 60 seconds: level 1 (Operations), opened for December 2015',
  );

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Escalations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Escalations' })).toBeVisible();
  const rows = page.getByTestId('escalations-table').locator('tbody tr').filter({ hasText: providerName });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(providerName);
  await expect(rows.first()).toContainText('Dec 2015');
  await expect(rows.first()).toContainText('1 · Operations');
  await expect(rows.first()).toContainText('No owner yet');

  await rows.first().click();
  const detail = page.getByTestId('escalation-detail');
  const history = detail.getByTestId('escalation-history').locator('li');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText(
    `Opened at level 1: December 2015 missed the 95.00% minimum at ${percentText(first.percent)}.`,
  );
  await expect(history.nth(1)).toContainText(`March 2016 missed the 95.00% minimum too, at ${percentText(second.percent)}.`);

  // Closing needs an owner first, and nothing is written.
  await detail.getByLabel('Note').fill('Fixed');
  await detail.getByRole('button', { name: 'Close escalation' }).click();
  await expect(detail.getByTestId('escalation-problem')).toHaveText('Set an owner before closing, so the history says who resolved it.');
  await expect(history).toHaveCount(2);

  await detail.getByLabel('Note').fill('Two winter misses; service review requested');
  await detail.getByRole('button', { name: 'Raise to level 2' }).click();
  await expect(detail.getByTestId('escalation-level')).toHaveText('2 · Management');
  await expect(history).toHaveCount(3);
  await expect(history.nth(2)).toContainText('Raised to level 2 by someone: Two winter misses; service review requested');

  // With a name set on this computer, later entries say who made them.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Portfolios' }).click();
  await page.getByLabel('Your name').fill('Sam Okafor');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByTestId('user-name-form').getByRole('status')).toHaveText(
    'Changes from now on are recorded as made by Sam Okafor.',
  );
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Escalations' }).click();
  await rows.first().click();
  await expect(history).toHaveCount(3);

  await detail.getByLabel('Owner').fill('Priya Shah');
  await detail.getByRole('button', { name: 'Set owner' }).click();
  await expect(detail.getByTestId('escalation-owner')).toHaveText('Priya Shah');
  await expect(history.nth(3)).toContainText('Owner set to Priya Shah by Sam Okafor.');
  await expect(rows.first()).toContainText('2 · Management');
  await expect(rows.first()).toContainText('Priya Shah');

  // The raise is new too. "Mark all as read" empties the list.
  await expect(page.getByTestId('notifications-count')).toHaveText('3');
  await page.getByTestId('notifications-button').click();
  await expect(panel.getByRole('listitem')).toHaveCount(3);
  await expect(panel.getByRole('listitem').first()).toContainText(
    `${providerName}, Calls answered within 60 seconds: escalation raised to level 2 (Management).`,
  );
  await expect(panel).toContainText('escalation opened at level 1 for December 2015.');
  await panel.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByTestId('notifications-count')).toHaveCount(0);
  await expect(panel).toContainText('Nothing new since you last looked.');

  // Everything survives a reload, and the rules add nothing on the next run.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Escalations' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('escalation-history').locator('li')).toHaveCount(4);
  await expect(page.getByTestId('notifications-count')).toHaveCount(0);
  await context.close();
});
