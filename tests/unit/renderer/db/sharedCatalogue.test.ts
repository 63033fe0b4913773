// The shared catalogue is a module-level singleton, so these cases run in a file of their own,
// before anything else has opened it.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { expect, it } from 'vitest';
import { catalogueDbName, createPortfolio, listPortfolios, openCatalogue } from '../../../../renderer/src/db/catalogue';

it('live query started before the shared catalogue opens sees new portfolios', async () => {
  const counts: number[] = [];
  const subscription = liveQuery(() => listPortfolios()).subscribe((portfolios) => counts.push(portfolios.length));
  await expect.poll(() => counts.length).toBe(1);
  await createPortfolio('Acme');
  await expect.poll(() => counts.at(-1)).toBe(1);
  subscription.unsubscribe();
});

it('openCatalogue without a name returns one shared instance', async () => {
  const [first, second] = await Promise.all([openCatalogue(), openCatalogue()]);
  expect(first).toBe(second);
  expect(first.name).toBe(catalogueDbName);
});
