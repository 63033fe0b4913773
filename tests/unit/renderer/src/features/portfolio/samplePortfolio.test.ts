// Uses the shared catalogue, so this file runs alone with its own fake IndexedDB.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createPortfolio, deletePortfolio, listPortfolios, renamePortfolio } from '../../../../../../renderer/src/db/catalogue';
import { openPortfolioDb } from '../../../../../../renderer/src/db/portfolioDb';
import { isFirstStartPortfolio, openSamplePortfolio } from '../../../../../../renderer/src/features/portfolio/samplePortfolio';

const created = { createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z' };

async function providerCount(portfolioId: string): Promise<number> {
  const db = await openPortfolioDb(portfolioId);
  try {
    return await db.providers.count();
  } finally {
    db.close();
  }
}

async function removeAll(): Promise<void> {
  for (const entry of await listPortfolios()) await deletePortfolio(entry.id);
}

describe('isFirstStartPortfolio', () => {
  it('accepts the only untouched portfolio', () => {
    expect(isFirstStartPortfolio(created, 1, true)).toBe(true);
  });

  it('rejects one of several portfolios', () => {
    expect(isFirstStartPortfolio(created, 2, true)).toBe(false);
  });

  it('rejects a renamed portfolio', () => {
    expect(isFirstStartPortfolio({ ...created, updatedAt: '2026-01-06T09:00:00.000Z' }, 1, true)).toBe(false);
  });

  it('rejects a portfolio written to', () => {
    expect(isFirstStartPortfolio(created, 1, false)).toBe(false);
  });
});

describe('openSamplePortfolio', () => {
  it('fills the first-start portfolio', async () => {
    await removeAll();
    const starter = await createPortfolio('Portfolio 1');
    const sampleId = await openSamplePortfolio('NHS 111 sample', starter.id);
    expect(sampleId).toBe(starter.id);
    expect((await listPortfolios()).map((entry) => entry.name)).toEqual(['NHS 111 sample']);
    expect(await providerCount(sampleId)).toBe(46);
  });

  it('keeps a renamed empty portfolio', async () => {
    await removeAll();
    const own = await createPortfolio('Portfolio 1');
    // The rename stamps a later `updatedAt`, which marks the portfolio as the user's own.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await renamePortfolio(own.id, 'Client A');
    const sampleId = await openSamplePortfolio('NHS 111 sample', own.id);
    expect(sampleId).not.toBe(own.id);
    expect((await listPortfolios()).map((entry) => entry.name).sort()).toEqual(['Client A', 'NHS 111 sample']);
  });

  it('reuses an existing sample', async () => {
    await removeAll();
    const first = await openSamplePortfolio('NHS 111 sample', null);
    const starter = await createPortfolio('Portfolio 2');
    expect(await openSamplePortfolio('NHS 111 sample', starter.id)).toBe(first);
    expect(await listPortfolios()).toHaveLength(2);
  });
});
