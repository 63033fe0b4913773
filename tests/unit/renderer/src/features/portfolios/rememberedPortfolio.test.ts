// Uses the shared catalogue, so this file runs alone with its own fake IndexedDB.
import 'fake-indexeddb/auto';
import { describe, expect, test, vi } from 'vitest';
import { createPortfolio } from '../../../../../../renderer/src/db/catalogue';
import { portfolioDbName } from '../../../../../../renderer/src/db/portfolioDb';
import { choosePortfolio } from '../../../../../../renderer/src/features/portfolio/choosePortfolio';

vi.hoisted(() => {
  // The platform module reads `window.steerwise`, and Node has no `window`. With `window` as the
  // global object, the module picks the browser-mode platform, and Dexie still finds fake-indexeddb.
  vi.stubGlobal('window', globalThis);
});

const { deletePortfolioWithBackup, restorePortfolioBackup } =
  await import('../../../../../../renderer/src/features/portfolios/portfolioActions');

async function databaseExists(id: string): Promise<boolean> {
  return (await indexedDB.databases()).some((info) => info.name === portfolioDbName(id));
}

describe('remembered portfolio after a delete', () => {
  test('is not reopened, and is again once restored', async () => {
    const kept = await createPortfolio('Acme Insurance');
    const deleted = await createPortfolio('Bravo Bank');
    expect(await choosePortfolio(deleted.id, 'unused')).toBe(deleted.id);

    const backup = await deletePortfolioWithBackup({ id: deleted.id, name: deleted.name }, () => Promise.resolve());

    expect(await choosePortfolio(deleted.id, 'unused')).toBe(kept.id);
    expect(await databaseExists(deleted.id)).toBe(false);

    await restorePortfolioBackup(backup.id);
    expect(await choosePortfolio(deleted.id, 'unused')).toBe(deleted.id);
  });
});
