import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listBackups, readBackupBytes } from '../../../../../../renderer/src/db/backups';
import { CatalogueDb, createPortfolio, listPortfolios, openCatalogue } from '../../../../../../renderer/src/db/catalogue';
import type { PortfolioEntry } from '../../../../../../renderer/src/db/catalogue';
import { applyImportPlan } from '../../../../../../renderer/src/db/importMeasurements';
import { openChecked } from '../../../../../../renderer/src/db/openDatabase';
import { openPortfolioDb, portfolioDbName } from '../../../../../../renderer/src/db/portfolioDb';
import { readPortfolioFile } from '../../../../../../shared/file';
import { failingWrites, freshName, makePlan, manualWall, rejection, testContext } from '../../../db/factories';

vi.hoisted(() => {
  // The platform module reads `window.steerwise`, and Node has no `window`. With `window` as the
  // global object, the module picks the browser-mode platform, and Dexie still finds fake-indexeddb.
  vi.stubGlobal('window', globalThis);
});

const { deletePortfolioWithBackup, readPortfolioStats, restorePortfolioBackup } =
  await import('../../../../../../renderer/src/features/portfolios/portfolioActions');

const opened: CatalogueDb[] = [];

afterEach(() => {
  for (const catalogue of opened.splice(0)) catalogue.close();
});

async function freshCatalogue(): Promise<CatalogueDb> {
  const catalogue = await openCatalogue(freshName('catalogue'));
  opened.push(catalogue);
  return catalogue;
}

async function databaseExists(entry: PortfolioEntry): Promise<boolean> {
  const databases = await indexedDB.databases();
  return databases.some((info) => info.name === portfolioDbName(entry.id));
}

const changedAt = Date.UTC(2026, 0, 15, 9, 0, 0);

/** Creates a portfolio with two providers over three months, written at `changedAt`. */
async function portfolioWithData(catalogue: CatalogueDb, name: string): Promise<PortfolioEntry> {
  const entry = await createPortfolio(name, catalogue);
  const db = await openPortfolioDb(entry.id);
  await applyImportPlan(db, makePlan(), testContext(manualWall(changedAt)));
  db.close();
  return entry;
}

async function providerNames(entry: PortfolioEntry): Promise<string[]> {
  const db = await openPortfolioDb(entry.id);
  try {
    return (await db.providers.toArray()).map((provider) => provider.name).sort();
  } finally {
    db.close();
  }
}

const noRelease = () => Promise.resolve();

describe('deletePortfolioWithBackup', () => {
  it('keeps a final backup, then deletes', async () => {
    const catalogue = await freshCatalogue();
    const entry = await portfolioWithData(catalogue, 'Acme');

    const backup = await deletePortfolioWithBackup({ id: entry.id, name: entry.name }, noRelease, catalogue);

    expect(backup.reason).toBe('beforeDelete');
    expect(backup.portfolioId).toBe(entry.id);
    expect(backup.portfolioName).toBe('Acme');
    expect(await listPortfolios(catalogue)).toEqual([]);
    expect(await databaseExists(entry)).toBe(false);
    expect((await listBackups(undefined, catalogue)).map((item) => item.id)).toEqual([backup.id]);
  });

  it('backup holds the deleted data', async () => {
    const catalogue = await freshCatalogue();
    const entry = await portfolioWithData(catalogue, 'Acme');
    const backup = await deletePortfolioWithBackup({ id: entry.id, name: entry.name }, noRelease, catalogue);

    const parsed = await readPortfolioFile(await readBackupBytes(backup.id, catalogue), 'backup.steerwise');
    if (!parsed.ok) throw new Error(`backup does not read: ${parsed.error.code}`);
    expect(parsed.value.snapshot.portfolioId).toBe(entry.id);
    expect(parsed.value.snapshot.records.providers.map((provider) => provider.name).sort()).toEqual([
      'North Contact Centre',
      'South Contact Centre',
    ]);
  });

  it('releases after the backup, before the delete', async () => {
    const catalogue = await freshCatalogue();
    const entry = await portfolioWithData(catalogue, 'Acme');
    const seen: { backups: number; listed: boolean; exists: boolean }[] = [];

    await deletePortfolioWithBackup(
      { id: entry.id, name: entry.name },
      async () => {
        seen.push({
          backups: (await listBackups(entry.id, catalogue)).length,
          listed: (await listPortfolios(catalogue)).some((item) => item.id === entry.id),
          exists: await databaseExists(entry),
        });
      },
      catalogue,
    );

    expect(seen).toEqual([{ backups: 1, listed: true, exists: true }]);
  });

  it('failed backup deletes nothing', async () => {
    const catalogue = new CatalogueDb(freshName('catalogue'));
    catalogue.use(failingWrites('backupFiles'));
    await openChecked(catalogue);
    opened.push(catalogue);
    const entry = await portfolioWithData(catalogue, 'Acme');
    const release = vi.fn(noRelease);

    const failure = await rejection(deletePortfolioWithBackup({ id: entry.id, name: entry.name }, release, catalogue));

    expect(failure.appError.code).toBe('storage.quotaExceeded');
    expect(release).not.toHaveBeenCalled();
    expect(await listPortfolios(catalogue)).toEqual([entry]);
    expect(await providerNames(entry)).toEqual(['North Contact Centre', 'South Contact Centre']);
    expect(await listBackups(undefined, catalogue)).toEqual([]);
  });

  it('failed release deletes nothing', async () => {
    const catalogue = await freshCatalogue();
    const entry = await portfolioWithData(catalogue, 'Acme');
    const release = () => Promise.reject(new Error('switching away failed'));

    await expect(deletePortfolioWithBackup({ id: entry.id, name: entry.name }, release, catalogue)).rejects.toThrow(
      'switching away failed',
    );

    expect(await listPortfolios(catalogue)).toEqual([entry]);
    expect(await providerNames(entry)).toEqual(['North Contact Centre', 'South Contact Centre']);
  });

  it('read queued behind a delete never recreates the database', async () => {
    const catalogue = await freshCatalogue();
    const entry = await portfolioWithData(catalogue, 'Acme');

    const [, stats] = await Promise.all([
      deletePortfolioWithBackup({ id: entry.id, name: entry.name }, noRelease, catalogue),
      readPortfolioStats(catalogue),
    ]);

    expect(stats.has(entry.id)).toBe(false);
    expect(await databaseExists(entry)).toBe(false);
  });
});

describe('restorePortfolioBackup', () => {
  it('brings a deleted portfolio back under its id and name', async () => {
    const catalogue = await freshCatalogue();
    const entry = await portfolioWithData(catalogue, 'Acme');
    const backup = await deletePortfolioWithBackup({ id: entry.id, name: entry.name }, noRelease, catalogue);

    const restored = await restorePortfolioBackup(backup.id, catalogue);

    expect(restored.id).toBe(entry.id);
    expect(restored.name).toBe('Acme');
    expect((await listPortfolios(catalogue)).map((item) => [item.id, item.name])).toEqual([[entry.id, 'Acme']]);
    expect(await providerNames(entry)).toEqual(['North Contact Centre', 'South Contact Centre']);
  });
});

describe('readPortfolioStats', () => {
  it('counts records and finds the latest change', async () => {
    const catalogue = await freshCatalogue();
    const entry = await portfolioWithData(catalogue, 'Acme');

    const stats = await readPortfolioStats(catalogue);

    // 2 providers, 2 KPIs, 2 service levels per provider and 2 KPIs x 3 months per provider.
    expect(stats.get(entry.id)).toEqual({ recordCount: 2 + 2 + 4 + 12, latestChangeAt: '2026-01-15T09:00:00.000Z' });
  });

  it('empty portfolio has no change', async () => {
    const catalogue = await freshCatalogue();
    const entry = await createPortfolio('Empty', catalogue);

    const stats = await readPortfolioStats(catalogue);

    expect(stats.get(entry.id)).toEqual({ recordCount: 0, latestChangeAt: null });
  });
});
