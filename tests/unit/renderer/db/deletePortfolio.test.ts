import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPortfolio, deletePortfolio, listPortfolios, openCatalogue } from '../../../../renderer/src/db/catalogue';
import type { CatalogueDb } from '../../../../renderer/src/db/catalogue';
import { applyImportPlan } from '../../../../renderer/src/db/importMeasurements';
import { openPortfolioDb, portfolioDbName } from '../../../../renderer/src/db/portfolioDb';
import { freshName, makePlan, rejection, testContext } from './factories';

const opened: CatalogueDb[] = [];

afterEach(() => {
  vi.restoreAllMocks();
  for (const catalogue of opened.splice(0)) catalogue.close();
});

async function freshCatalogue(): Promise<CatalogueDb> {
  const catalogue = await openCatalogue(freshName('catalogue'));
  opened.push(catalogue);
  return catalogue;
}

async function databaseExists(name: string): Promise<boolean> {
  const databases = await indexedDB.databases();
  return databases.some((info) => info.name === name);
}

/** Creates a portfolio whose database contains two providers, and closes the database. */
async function portfolioWithData(catalogue: CatalogueDb, name: string) {
  const entry = await createPortfolio(name, catalogue);
  const db = await openPortfolioDb(entry.id);
  await applyImportPlan(db, makePlan(), testContext());
  db.close();
  return entry;
}

describe('deletePortfolio', () => {
  it('removes the entry and the database', async () => {
    const catalogue = await freshCatalogue();
    const entry = await portfolioWithData(catalogue, 'Acme');
    expect(await databaseExists(portfolioDbName(entry.id))).toBe(true);

    const deleted = await deletePortfolio(entry.id, catalogue);

    expect(deleted).toEqual(entry);
    expect(await listPortfolios(catalogue)).toEqual([]);
    expect(await databaseExists(portfolioDbName(entry.id))).toBe(false);
  });

  it('leaves other portfolios as they were', async () => {
    const catalogue = await freshCatalogue();
    const kept = await portfolioWithData(catalogue, 'Kept');
    const removed = await portfolioWithData(catalogue, 'Removed');

    await deletePortfolio(removed.id, catalogue);

    expect((await listPortfolios(catalogue)).map((entry) => entry.id)).toEqual([kept.id]);
    const db = await openPortfolioDb(kept.id);
    expect(await db.providers.count()).toBe(2);
    db.close();
  });

  it('rejects an unknown id with storage.notFound', async () => {
    const catalogue = await freshCatalogue();
    const failure = await rejection(deletePortfolio('missing', catalogue));
    expect(failure.appError.code).toBe('storage.notFound');
    expect(failure.appError.detail).toEqual({ table: 'portfolios', id: 'missing' });
  });

  it('puts the entry back when the database delete fails', async () => {
    const catalogue = await freshCatalogue();
    const entry = await portfolioWithData(catalogue, 'Acme');
    // IndexedDB refuses the delete, as a browser does when its storage fails.
    vi.spyOn(Dexie, 'delete').mockRejectedValueOnce(new DOMException('simulated failure', 'UnknownError'));

    const failure = await rejection(deletePortfolio(entry.id, catalogue));

    expect(failure.appError.code).toBe('storage.writeFailed');
    expect(failure.appError.detail).toEqual({ database: portfolioDbName(entry.id), operation: 'delete' });
    expect(await listPortfolios(catalogue)).toEqual([entry]);
    const db = await openPortfolioDb(entry.id);
    expect(await db.providers.count()).toBe(2);
    db.close();
  });
});
