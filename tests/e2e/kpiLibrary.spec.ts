/**
 * The "KPIs and SLAs" screen as a vendor manager uses it. A library KPI and a custom KPI are
 * added to an empty portfolio, and both are still there after a reload. A duplicate name and a
 * unit that does not fit the kind are reported at their fields. A KPI of the sample portfolio
 * that measurements refer to cannot be deleted, and the screen explains why.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { freshProfile } from './browser';
import type { Profile } from './browser';
import { kpiCard, openProvider } from './providerEditing';

let profile: Profile;

test.beforeEach(() => {
  profile = freshProfile();
});

test.afterEach(() => {
  profile.dispose();
});

async function openKpis(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'KPIs and SLAs' }).click();
  await expect(page.getByRole('heading', { name: 'KPIs and SLAs', level: 1 })).toBeVisible();
}

test('library and custom KPIs survive a reload', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Open sample portfolio' })).toBeVisible({ timeout: 30_000 });
  await openKpis(page);
  await expect(page.getByText('This portfolio has no KPIs yet.')).toBeVisible();

  const library = page.getByRole('table', { name: 'KPI library' });
  const serviceLevelRow = library.locator('tr[data-kpi-key="library.serviceLevel"]');
  await expect(serviceLevelRow).toContainText('Expected 80.00%');
  await expect(serviceLevelRow).toContainText('80% of calls answered within 20 seconds');
  await library.getByRole('button', { name: 'Add Service level to the portfolio' }).click();
  const addedButton = library.getByRole('button', { name: 'Service level is in the portfolio' });
  await expect(addedButton).toBeDisabled();
  await expect(addedButton).toHaveText('Added');

  const portfolioKpis = page.getByRole('table', { name: 'KPIs in this portfolio' });
  const serviceLevel = portfolioKpis.locator('tr[data-kpi-key="library.serviceLevel"]');
  await expect(serviceLevel).toContainText('Service level');
  await expect(serviceLevel).toContainText('Ratio of sums');

  await page.getByRole('button', { name: 'New KPI', exact: true }).click();
  let form = page.getByRole('form', { name: 'New KPI' });
  await form.getByLabel('Name').fill('Invoices paid on time');
  await form.getByLabel('Description (optional)').fill('Invoices paid by their due date, as a share of invoices due.');
  await form.getByRole('button', { name: 'Create KPI' }).click();
  await expect(page.getByTestId('kpis-notice')).toHaveText('The KPI “Invoices paid on time” was created.');
  const custom = portfolioKpis.locator('tr[data-kpi-key="custom.invoices-paid-on-time"]');
  await expect(custom).toContainText('Invoices paid on time');
  await expect(custom).toContainText('Your KPI');

  await page.getByRole('button', { name: 'New KPI', exact: true }).click();
  form = page.getByRole('form', { name: 'New KPI' });
  const name = form.getByLabel('Name');
  await name.fill('service LEVEL');
  await form.getByLabel('Kind').selectOption({ label: 'Count' });
  await form.getByLabel('Unit').selectOption({ label: 'Percent' });
  await form.getByRole('button', { name: 'Create KPI' }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('The portfolio already has a KPI named “service LEVEL”. Choose another name.');
  await expect(name).toBeFocused();
  await expect(form.getByLabel('Unit')).toHaveAccessibleDescription('The unit of a count KPI is Number. Choose it, or another kind.');
  await expect(portfolioKpis.locator('tbody tr')).toHaveCount(2);
  await form.getByRole('button', { name: 'Cancel' }).click();

  await custom.getByRole('button', { name: 'Edit Invoices paid on time' }).click();
  const editForm = custom.getByRole('form', { name: 'Edit the KPI Invoices paid on time' });
  await editForm.getByLabel('Name').fill('Service level');
  await editForm.getByRole('button', { name: 'Save' }).click();
  await expect(editForm.getByLabel('Name')).toHaveAccessibleDescription(
    'The portfolio already has a KPI named “Service level”. Choose another name.',
  );
  await editForm.getByLabel('Name').fill('Invoices paid within terms');
  await editForm.getByRole('button', { name: 'Save' }).click();
  await expect(editForm).toHaveCount(0);
  await expect(custom).toContainText('Invoices paid within terms');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'KPIs and SLAs', level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(portfolioKpis.locator('tbody tr')).toHaveCount(2);
  await expect(serviceLevel).toContainText('Service level');
  await expect(custom).toContainText('Invoices paid within terms');
  await expect(library.getByRole('button', { name: 'Service level is in the portfolio' })).toBeDisabled();
  await context.close();
});

test('KPI with measurements cannot be deleted', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await openKpis(page);

  const portfolioKpis = page.getByRole('table', { name: 'KPIs in this portfolio' });
  const abandoned = portfolioKpis.locator('tr[data-kpi-key="nhs111.abandonedCalls"]');
  await expect(abandoned).toContainText('Import preset');
  await abandoned.getByRole('button', { name: 'Delete Calls abandoned' }).click();
  await expect(abandoned.getByRole('alert')).toContainText('“Calls abandoned” cannot be deleted because');
  await expect(abandoned.getByRole('alert')).toContainText('service levels and');
  await expect(page.getByTestId('delete-kpi-dialog')).toHaveCount(0);

  await page.getByRole('table', { name: 'KPI library' }).getByRole('button', { name: 'Add Backlog to the portfolio' }).click();
  const backlog = portfolioKpis.locator('tr[data-kpi-key="library.backlog"]');
  await backlog.getByRole('button', { name: 'Delete Backlog' }).click();
  await page.getByTestId('delete-kpi-dialog').getByRole('button', { name: 'Delete KPI' }).click();
  await expect(page.getByTestId('kpis-notice')).toHaveText('The KPI “Backlog” was deleted.');
  await expect(backlog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add Backlog to the portfolio' })).toBeEnabled();
  await context.close();
});

test('a library KPI is tracked for a provider through its service level', async () => {
  const context = await profile.launch();
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Open sample portfolio' }).click();
  await expect(page.getByTestId('provider-count')).toHaveText('46 providers', { timeout: 30_000 });
  await openKpis(page);
  await page
    .getByRole('table', { name: 'KPI library' })
    .getByRole('button', { name: 'Add Customer satisfaction (CSAT) to the portfolio' })
    .click();

  await openProvider(page, '111AA1');
  const track = page.getByTestId('add-provider-kpi');
  await track.getByLabel('KPI of this portfolio').selectOption({ label: 'Customer satisfaction (CSAT)' });
  await expect(track).toContainText('Typical target');
  await track.getByRole('button', { name: 'Add service level' }).click();
  const form = track.getByTestId('service-level-form');
  await form.getByLabel('Expected level (%)').fill('85');
  await form.getByLabel('Minimum level (%)').fill('80');
  await form.getByRole('button', { name: 'Save' }).click();

  // The level gives the KPI its card, and the KPI leaves the list of untracked ones.
  const card = kpiCard(page, 'library.customerSatisfaction');
  await expect(card.getByTestId('service-level')).toContainText('85.00%');
  await expect(track.getByLabel('KPI of this portfolio').locator('option', { hasText: 'Customer satisfaction (CSAT)' })).toHaveCount(0);
  await page.reload();
  await expect(kpiCard(page, 'library.customerSatisfaction').getByTestId('service-level')).toContainText('80.00%');
  await context.close();
});
