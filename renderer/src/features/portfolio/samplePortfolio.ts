/**
 * The bundled sample: the NHS 111 Minimum Data Set 2015-16, imported through the same CSV path
 * and preset a user would use, into a portfolio of its own, with the illustrative contracts of
 * `sampleContracts.ts` and the illustrative governance records of `sampleGovernance.ts`.
 */
import { AppFailure } from '@shared/errors';
import { parseCsv } from '@shared/import/csv';
import { buildImportPlan } from '@shared/import/mapping';
import { nhs111Preset } from '@shared/import/presets/nhs111';
import { createPortfolio, getDeviceContext, listPortfolios, renamePortfolio } from '../../db/catalogue';
import type { PortfolioEntry } from '../../db/catalogue';
import { applyEscalationRules, escalationRuleTables, localDateOf } from '../../db/escalations';
import { applyImportPlan } from '../../db/importMeasurements';
import { openPortfolioDb } from '../../db/portfolioDb';
import type { PortfolioDb } from '../../db/portfolioDb';
import { toStorageFailure } from '../../db/storageErrors';
import { readVersionVector } from '../../db/versionVector';
import type { DeviceContext } from '../../db/clockStore';
import type { ImportPlan } from '@shared/import/types';
import { addSampleGovernance, sampleGovernanceTables } from './addSampleGovernance';
import { addIllustrativeContracts } from './sampleContracts';

export const sampleFileName = 'nhs111_calls_2015-16.csv';

async function loadSampleBytes(): Promise<Uint8Array> {
  // Bundled as a lazily loaded text module, so it works from file:// in Electron and offline.
  const module = await import('../../../../resources/sample/nhs111_calls_2015-16.csv?raw');
  return new TextEncoder().encode(module.default);
}

/** A catalogue entry as the first-start check reads it. */
interface EntryDates {
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * Checks whether a portfolio is the empty one created automatically at first start: the only
 * portfolio on this computer, never renamed (`updatedAt` equals `createdAt`), and never written
 * to (`versionVectorEmpty`, so it has no records and no deletions).
 */
export function isFirstStartPortfolio(entry: EntryDates, portfolioCount: number, versionVectorEmpty: boolean): boolean {
  return portfolioCount === 1 && entry.createdAt === entry.updatedAt && versionVectorEmpty;
}

/** Returns the open portfolio when it is the untouched first-start portfolio, or `null`. */
async function firstStartPortfolio(openPortfolioId: string): Promise<PortfolioEntry | null> {
  const portfolios = await listPortfolios();
  const entry = portfolios.find((portfolio) => portfolio.id === openPortfolioId);
  if (entry === undefined) return null;
  const db = await openPortfolioDb(entry.id);
  try {
    const vector = await readVersionVector(db);
    return isFirstStartPortfolio(entry, portfolios.length, Object.keys(vector).length === 0) ? entry : null;
  } finally {
    db.close();
  }
}

/**
 * Imports the sample and adds its illustrative contracts and governance records in one
 * transaction, then runs the escalation rules on the contracts' critical levels in it too. So a
 * failure leaves the portfolio empty, and the next attempt fills it again.
 */
async function fillSample(db: PortfolioDb, plan: ImportPlan, context: DeviceContext): Promise<void> {
  const tables = [
    db.providers,
    db.kpis,
    db.contracts,
    db.serviceLevels,
    db.measurements,
    db.audit,
    db.meta,
    ...escalationRuleTables(db),
    ...sampleGovernanceTables(db),
  ];
  const today = localDateOf(context.now());
  try {
    await db.transaction('rw', tables, async () => {
      await applyImportPlan(db, plan, context);
      await addIllustrativeContracts(db, context, today);
      await addSampleGovernance(db, context, today);
      await applyEscalationRules(db, context, today);
    });
  } catch (error) {
    throw toStorageFailure(error, { file: plan.fileName });
  }
}

/**
 * Opens the sample portfolio, creating and filling it the first time. A sample portfolio left
 * empty by an earlier failed attempt is filled again. When the open portfolio
 * (`openPortfolioId`) is the untouched one from first start, the sample is loaded into it and it
 * takes the sample's name, so no empty portfolio is left behind. Returns the sample's id.
 */
export async function openSamplePortfolio(name: string, openPortfolioId: string | null): Promise<string> {
  const parsed = parseCsv(await loadSampleBytes(), sampleFileName);
  if (!parsed.ok) throw new AppFailure(parsed.error);
  const plan = buildImportPlan(parsed.value, nhs111Preset);

  const existing = (await listPortfolios()).find((portfolio) => portfolio.name === name);
  const starter = existing === undefined && openPortfolioId !== null ? await firstStartPortfolio(openPortfolioId) : null;
  let portfolio: PortfolioEntry;
  if (existing !== undefined) portfolio = existing;
  else if (starter !== null) portfolio = await renamePortfolio(starter.id, name);
  else portfolio = await createPortfolio(name);

  const db = await openPortfolioDb(portfolio.id);
  try {
    // NOTE: a sample portfolio filled before the illustrative contracts existed keeps its data as it is.
    if ((await db.providers.count()) === 0) await fillSample(db, plan, await getDeviceContext());
  } finally {
    db.close();
  }
  return portfolio.id;
}
