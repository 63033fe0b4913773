/**
 * The bundled sample: the NHS 111 Minimum Data Set 2015-16, imported through the same CSV path
 * and preset a user would use, into a portfolio of its own.
 */
import { AppFailure } from '@shared/errors';
import { parseCsv } from '@shared/import/csv';
import { buildImportPlan } from '@shared/import/mapping';
import { nhs111Preset } from '@shared/import/presets/nhs111';
import { createPortfolio, getDeviceContext, listPortfolios } from '../../db/catalogue';
import { applyImportPlan } from '../../db/importMeasurements';
import { openPortfolioDb } from '../../db/portfolioDb';

export const sampleFileName = 'nhs111_calls_2015-16.csv';

async function loadSampleBytes(): Promise<Uint8Array> {
  // Bundled as a lazily loaded text module, so it works from file:// in Electron and offline.
  const module = await import('../../../../resources/sample/nhs111_calls_2015-16.csv?raw');
  return new TextEncoder().encode(module.default);
}

/**
 * Opens the sample portfolio, creating and filling it the first time. A sample portfolio left
 * empty by an earlier failed attempt is filled again. Returns its id.
 */
export async function openSamplePortfolio(name: string): Promise<string> {
  const parsed = parseCsv(await loadSampleBytes(), sampleFileName);
  if (!parsed.ok) throw new AppFailure(parsed.error);
  const plan = buildImportPlan(parsed.value, nhs111Preset);

  const existing = (await listPortfolios()).find((portfolio) => portfolio.name === name);
  const portfolio = existing ?? (await createPortfolio(name));
  const db = await openPortfolioDb(portfolio.id);
  try {
    if ((await db.providers.count()) === 0) await applyImportPlan(db, plan, await getDeviceContext());
  } finally {
    db.close();
  }
  return portfolio.id;
}
