// Uses the shared catalogue, so this file runs alone with its own fake IndexedDB.
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { createPortfolio, listPortfolios } from '../../../../../../renderer/src/db/catalogue';
import { choosePortfolio } from '../../../../../../renderer/src/features/portfolio/choosePortfolio';

describe('choosePortfolio', () => {
  test('two racing first starts create one portfolio', async () => {
    const [first, second] = await Promise.all([choosePortfolio(null, 'Portfolio 1'), choosePortfolio(null, 'Portfolio 1')]);
    expect(first).toBe(second);
    expect((await listPortfolios()).map((portfolio) => portfolio.name)).toEqual(['Portfolio 1']);
  });

  test('remembered portfolio is kept', async () => {
    const other = await createPortfolio('Client B');
    expect(await choosePortfolio(other.id, 'unused')).toBe(other.id);
  });

  test('forgotten portfolio falls back to the first', async () => {
    const [first] = await listPortfolios();
    expect(await choosePortfolio('no-such-id', 'unused')).toBe(first?.id);
  });
});
