import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { openProvider, openSample } from './providerEditing';
import { awardedRfpTitle, certifiedProvider, iso27001Criterion, writeCertificationPortfolio } from './riskFiles';
import { sampleProviders } from './sampleData';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

const providerCode = '111AA6';

async function openRisks(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Risks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Risks' })).toBeVisible();
}

function registerRows(page: Page): Locator {
  return page.getByTestId('risks-table').locator('tbody tr');
}

function heatmapCell(page: Page, likelihood: number, impact: number): Locator {
  return page.getByTestId(`heatmap-cell-${String(likelihood)}-${String(impact)}`);
}

test('attrition risk from preset through heatmap, edit and reload', async () => {
  const providerName = sampleProviders().get(providerCode) ?? providerCode;
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openRisks(page);
  // The sample brings ten illustrative risks, one of them closed; none is of this test's provider.
  await expect(page.getByTestId('risk-count')).toHaveText('9 risks shown');

  await test.step('the form rejects a missing title and an impact outside 1 to 5', async () => {
    await page.getByRole('button', { name: 'Add risk' }).click();
    const form = page.getByTestId('risk-form');
    await form.getByLabel('Start from').selectOption({ label: 'Attrition' });
    await expect(form.getByLabel('Title')).toHaveValue('Staff attrition at the provider');
    await expect(form.getByLabel('Likelihood (1 to 5)')).toHaveValue('4');
    await expect(form.getByLabel('Impact (1 to 5)')).toHaveValue('3');
    await expect(form.getByLabel('Mitigation')).toHaveValue(/attrition limits and key-personnel commitments/);
    await expect(form.getByTestId('risk-score-preview')).toHaveText('Score 12 of 25: High');

    await form.getByLabel('Title').fill('  ');
    await form.getByLabel('Impact (1 to 5)').fill('7');
    await form.getByRole('button', { name: 'Add risk' }).click();
    await expect(form.getByLabel('Title')).toBeFocused();
    await expect(form.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('Enter a title for the risk.')).toBeVisible();
    await expect(form.getByText('Enter a whole number from 1 to 5; “7” is not one.')).toBeVisible();
    await expect(registerRows(page)).toHaveCount(9);
  });

  await test.step('add the attrition risk for a provider', async () => {
    const form = page.getByTestId('risk-form');
    await form.getByLabel('Title').fill('Staff attrition at the provider');
    await form.getByLabel('Impact (1 to 5)').fill('3');
    await form.getByLabel('Provider', { exact: true }).selectOption({ label: providerName });
    await form.getByLabel('Owner').fill('Priya Shah');
    await form.getByLabel('Next review').fill('2020-01-31');
    await form.getByRole('button', { name: 'Add risk' }).click();
    await expect(page.getByTestId('risk-detail').getByRole('heading', { level: 2 }).first()).toHaveText('Staff attrition at the provider');

    await expect(registerRows(page)).toHaveCount(10);
    const row = registerRows(page).filter({ hasText: 'Staff attrition at the provider' });
    await expect(row).toContainText(providerName);
    await expect(row).toContainText('Attrition');
    await expect(row).toContainText('High');
    await expect(row).toContainText('Priya Shah');
    await expect(row).toContainText('31 Jan 2020 overdue');
    // The sample's winter peak risk of West Midlands shares the cell.
    await expect(heatmapCell(page, 4, 3)).toHaveAccessibleName('Likelihood 4, impact 3, High: 2 risks');
  });

  await test.step('a portfolio-wide risk lands in another cell', async () => {
    await page.getByRole('button', { name: 'Add risk' }).click();
    const form = page.getByTestId('risk-form');
    await form.getByLabel('Title').fill('Two providers answer most calls');
    await form.getByLabel('Category').selectOption({ label: 'Provider concentration' });
    await form.getByLabel('Likelihood (1 to 5)').fill('2');
    await form.getByLabel('Impact (1 to 5)').fill('5');
    await form.getByRole('button', { name: 'Add risk' }).click();
    await expect(registerRows(page)).toHaveCount(11);
    await expect(heatmapCell(page, 2, 5)).toHaveAccessibleName('Likelihood 2, impact 5, High: 2 risks');
    await expect(page.getByTestId('heatmap-total')).toHaveText('11 open risks on the heatmap');
  });

  await test.step('activating a heatmap cell from the keyboard filters the register', async () => {
    await heatmapCell(page, 4, 3).focus();
    await page.keyboard.press('Enter');
    await expect(heatmapCell(page, 4, 3)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('risk-cell-filter')).toContainText('Showing the risks with likelihood 4 and impact 3.');
    await expect(registerRows(page)).toHaveCount(2);
    await expect(registerRows(page).filter({ hasText: 'Staff attrition at the provider' })).toHaveCount(1);
  });

  await test.step('the details follow the heatmap filter', async () => {
    // The portfolio-wide risk added last is still chosen, but cell 4-3 leaves it out of the register.
    const note = page.getByTestId('risk-hidden-note');
    await expect(page.getByTestId('risk-detail')).toBeHidden();
    await expect(note).toHaveText(/The details of “Two providers answer most calls” are hidden because the filters leave it out/);

    await note.getByRole('button', { name: 'Clear the filters' }).click();
    await expect(page.getByTestId('risk-cell-filter')).toHaveCount(0);
    await expect(registerRows(page)).toHaveCount(11);
    await expect(page.getByTestId('risk-detail').getByRole('heading', { level: 2 }).first()).toHaveText('Two providers answer most calls');

    await heatmapCell(page, 4, 3).click();
    await expect(note).toBeVisible();
    await note.getByRole('button', { name: 'Close its details' }).click();
    await expect(note).toHaveCount(0);
    await expect(page.getByTestId('risk-detail')).toHaveCount(0);
    await expect(registerRows(page)).toHaveCount(2);
  });

  await test.step('edit the status', async () => {
    const attrition = registerRows(page).filter({ hasText: 'Staff attrition at the provider' });
    await attrition.click();
    const detail = page.getByTestId('risk-detail');
    await detail.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByTestId('risk-form');
    await form.getByLabel('Status').selectOption({ label: 'Being mitigated' });
    await form.getByRole('button', { name: 'Save risk' }).click();
    await expect(detail).toContainText('Being mitigated');
    await expect(attrition).toContainText('Being mitigated');
  });

  await test.step('filters by status and provider', async () => {
    await page.getByRole('button', { name: 'Show every cell' }).click();
    await expect(registerRows(page)).toHaveCount(11);
    await page.getByTestId('risk-status-filter').selectOption({ label: 'Open' });
    await expect(registerRows(page)).toHaveCount(7);
    await expect(registerRows(page).filter({ hasText: 'Two providers answer most calls' })).toHaveCount(1);
    await expect(registerRows(page).filter({ hasText: 'Being mitigated' })).toHaveCount(0);
    await page.getByTestId('risk-status-filter').selectOption({ label: 'All' });
    await page.getByTestId('risk-provider-filter').selectOption({ label: 'Portfolio-wide' });
    // The sample's own portfolio-wide risk is provider concentration too.
    await expect(registerRows(page)).toHaveCount(2);
    await expect(page.getByTestId('heatmap-total')).toHaveText('2 open risks on the heatmap');
  });

  await test.step('delete with confirmation', async () => {
    await registerRows(page).filter({ hasText: 'Two providers answer most calls' }).click();
    await page.getByTestId('risk-detail').getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByTestId('delete-risk-dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Delete the risk “Two providers answer most calls”?');
    await dialog.getByRole('button', { name: 'Delete risk' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(registerRows(page)).toHaveCount(1);
  });

  await test.step('after a reload the register, heatmap and provider page show the edited risk', async () => {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Risks' })).toBeVisible({ timeout: 30_000 });
    await expect(registerRows(page)).toHaveCount(10);
    await expect(registerRows(page).filter({ hasText: 'Staff attrition at the provider' })).toContainText('Being mitigated');
    await expect(heatmapCell(page, 4, 3)).toHaveAccessibleName('Likelihood 4, impact 3, High: 2 risks');
    await expect(heatmapCell(page, 2, 5)).toHaveAccessibleName('Likelihood 2, impact 5, High: one risk');

    await openProvider(page, providerCode);
    const section = page.getByTestId('provider-risks');
    await expect(section).toContainText('Staff attrition at the provider: High (12), Being mitigated');
    await section.getByRole('button', { name: 'Open the register for this provider' }).click();
    await expect(page.getByTestId('risk-provider-filter').locator('option:checked')).toHaveText(providerName);
    await expect(registerRows(page)).toHaveCount(1);
  });
  await context.close();
});

test('expired certificate behind an awarded RFP raises a risk', async () => {
  const filePath = join(profile.dir, 'coastline.steerwise');
  await writeCertificationPortfolio(filePath);
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });

  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Sync' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open portfolio file' }).click();
  await (await chooser).setFiles(filePath);
  const preview = page.getByTestId('sync-preview');
  await preview.getByRole('button', { name: 'Create portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('1 provider', { timeout: 30_000 });

  await openRisks(page);
  const title = 'ISO/IEC 27001 certificate expired on 30 Jun 2025';
  await expect(registerRows(page)).toHaveCount(1);
  const row = registerRows(page).first();
  await expect(row).toContainText(title);
  await expect(row).toContainText('Raised by Steerwise');
  await expect(row).toContainText(certifiedProvider);
  await expect(row).toContainText('Data protection');
  await expect(heatmapCell(page, 3, 4)).toHaveAccessibleName('Likelihood 3, impact 4, High: one risk');

  await row.click();
  const detail = page.getByTestId('derived-risk-detail');
  await expect(detail.getByTestId('derived-certificate')).toHaveText('Last certificate: Certificate 2291, valid until 30 Jun 2025.');
  await expect(detail.getByTestId('derived-reliances')).toContainText(
    `“${iso27001Criterion}” in ${awardedRfpTitle}, bidder ${certifiedProvider}: awarded the RFP`,
  );

  await detail.getByRole('button', { name: 'Record as a risk' }).click();
  await expect(page.getByTestId('risk-detail').getByRole('heading', { level: 2 }).first()).toHaveText(title);
  await expect(registerRows(page)).toHaveCount(2);
  // The recorded risk replaces the raised one on the heatmap rather than counting it twice.
  await expect(heatmapCell(page, 3, 4)).toHaveAccessibleName('Likelihood 3, impact 4, High: one risk');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Risks' })).toBeVisible({ timeout: 30_000 });
  const raised = registerRows(page).filter({ hasText: 'Raised by Steerwise' });
  await expect(raised).toContainText('recorded');
  await raised.click();
  await expect(page.getByTestId('derived-recorded')).toHaveText(`Recorded as “${title}”.`);
  await page.getByRole('button', { name: `Open ${awardedRfpTitle}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: awardedRfpTitle })).toBeVisible();
  await context.close();
});

test('empty register points at presets', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await openRisks(page);

  // A portfolio without risks states that none is recorded and offers the presets, not a filter hint.
  const empty = page.getByTestId('risks-empty');
  await expect(empty).toContainText('No risks are recorded yet.');
  await expect(page.getByText('No risks match the filters.')).toHaveCount(0);
  await empty.getByRole('button', { name: 'Add a risk from a preset' }).click();
  const form = page.getByTestId('risk-form');
  await expect(form.getByLabel('Start from')).toBeFocused();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await context.close();
});

test('filters that hide every risk say so', async () => {
  const providerName = sampleProviders().get(providerCode) ?? providerCode;
  const context = await profile.launch();
  const page = await context.newPage();
  await openSample(page);
  await openRisks(page);

  // None of the sample's risks is of this provider, so the filter hides them all.
  await page.getByRole('combobox', { name: 'Provider' }).selectOption({ label: providerName });
  await expect(page.getByTestId('risks-table')).toContainText('No risks match the filters.');
  await expect(page.getByTestId('risks-empty')).toHaveCount(0);
  await context.close();
});

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
]) {
  test(`register headers fit at ${String(viewport.width)}x${String(viewport.height)}`, async () => {
    const context = await profile.launch({ viewport });
    const page = await context.newPage();
    await openSample(page);
    await openRisks(page);
    // Sorting by likelihood adds the sort arrow to the longest fixed-width header.
    const likelihood = page.getByTestId('risks-table').getByRole('columnheader', { name: /^Likelihood/ });
    await likelihood.getByRole('button').click();
    await expect(likelihood).toHaveAttribute('aria-sort', /^(ascending|descending)$/);

    const headers = page.getByTestId('risks-table').locator('thead th');
    await expect(headers).toHaveCount(10);
    for (const header of await headers.all()) {
      const name = (await header.textContent()) ?? '';
      const widths = await header.evaluate((element: { scrollWidth: number; clientWidth: number }) => ({
        content: element.scrollWidth,
        box: element.clientWidth,
      }));
      expect(widths.content, `header ${name} is cut off`).toBeLessThanOrEqual(widths.box);
    }
    // The register needs no horizontal scrolling, so the last header is in view too.
    const scroller = page.getByTestId('risks-table').locator('.data-table-scroll');
    const overflow = await scroller.evaluate((element: { scrollWidth: number; clientWidth: number }) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBe(0);
    await context.close();
  });
}
