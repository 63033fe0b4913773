import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { MappingPreset } from '../../../../shared/import/types';
import { isDeviceId } from '../../../../shared/sync/hlc';
import {
  createPortfolio,
  deletePreset,
  getDeviceContext,
  listPortfolios,
  listPresets,
  maxPortfolioNameLength,
  openCatalogue,
  renamePortfolio,
  savePreset,
  readUserName,
  setUserName,
} from '../../../../renderer/src/db/catalogue';
import type { CatalogueDb, PortfolioEntry } from '../../../../renderer/src/db/catalogue';
import { answeredKpi, freshName, rejection } from './factories';

const opened: CatalogueDb[] = [];

afterEach(() => {
  for (const catalogue of opened.splice(0)) catalogue.close();
});

async function freshCatalogue(name = freshName('catalogue')): Promise<CatalogueDb> {
  const catalogue = await openCatalogue(name);
  opened.push(catalogue);
  return catalogue;
}

function preset(id: string, name: string): MappingPreset {
  return {
    id,
    name,
    builtIn: false,
    mapping: {
      providerCode: 'Code',
      providerName: 'Name',
      period: 'Month',
      kpis: [{ kpiKey: answeredKpi.key, source: { kind: 'value', column: 'Answered' } }],
    },
    kpis: [answeredKpi],
    serviceLevels: [],
    sourceNote: null,
  };
}

describe('portfolios', () => {
  it('lists created portfolios by name', async () => {
    const catalogue = await freshCatalogue();
    await createPortfolio('Zeta Bank', catalogue);
    await createPortfolio('Acme Insurance', catalogue);
    const names = (await listPortfolios(catalogue)).map((portfolio) => portfolio.name);
    expect(names).toEqual(['Acme Insurance', 'Zeta Bank']);
  });

  it('trims the name', async () => {
    const catalogue = await freshCatalogue();
    expect((await createPortfolio('  Acme  ', catalogue)).name).toBe('Acme');
  });

  it('rejects an empty name with storage.invalidName', async () => {
    const catalogue = await freshCatalogue();
    const failure = await rejection(createPortfolio('   ', catalogue));
    expect(failure.appError.code).toBe('storage.invalidName');
    expect(await listPortfolios(catalogue)).toEqual([]);
  });

  it('rejects a name above the maximum length', async () => {
    const catalogue = await freshCatalogue();
    const failure = await rejection(createPortfolio('x'.repeat(maxPortfolioNameLength + 1), catalogue));
    expect(failure.appError.detail?.maxLength).toBe(maxPortfolioNameLength);
  });

  it('renames a portfolio and keeps its id', async () => {
    const catalogue = await freshCatalogue();
    const created = await createPortfolio('Acme', catalogue);
    const renamed = await renamePortfolio(created.id, 'Acme Group', catalogue);
    expect(renamed.id).toBe(created.id);
    expect((await listPortfolios(catalogue)).map((portfolio) => portfolio.name)).toEqual(['Acme Group']);
  });

  it('rejects renaming an unknown portfolio', async () => {
    const catalogue = await freshCatalogue();
    const failure = await rejection(renamePortfolio('missing', 'Name', catalogue));
    expect(failure.appError.code).toBe('storage.notFound');
  });

  it('uses the shared catalogue when none is passed', async () => {
    const created = await createPortfolio('Shared Portfolio');
    expect((await listPortfolios()).map((portfolio) => portfolio.id)).toContain(created.id);
  });

  it('feeds a live query that sees new portfolios', async () => {
    const catalogue = await freshCatalogue();
    const seen: PortfolioEntry[][] = [];
    const subscription = liveQuery(() => listPortfolios(catalogue)).subscribe((portfolios) => seen.push(portfolios));
    await expect.poll(() => seen.length).toBe(1);
    await createPortfolio('Acme', catalogue);
    await expect.poll(() => seen.at(-1)?.length).toBe(1);
    subscription.unsubscribe();
  });
});

describe('getDeviceContext', () => {
  it('creates a valid device id', async () => {
    const catalogue = await freshCatalogue();
    expect(isDeviceId((await getDeviceContext(catalogue)).deviceId)).toBe(true);
  });

  it('keeps the device id across sessions', async () => {
    const name = freshName('catalogue');
    const first = await freshCatalogue(name);
    const { deviceId } = await getDeviceContext(first);
    first.close();
    const second = await freshCatalogue(name);
    expect((await getDeviceContext(second)).deviceId).toBe(deviceId);
  });

  it('agrees on one id when called concurrently', async () => {
    const catalogue = await freshCatalogue();
    const contexts = await Promise.all([getDeviceContext(catalogue), getDeviceContext(catalogue), getDeviceContext(catalogue)]);
    expect(new Set(contexts.map((context) => context.deviceId)).size).toBe(1);
  });

  it('returns an empty user until one is set', async () => {
    const catalogue = await freshCatalogue();
    expect((await getDeviceContext(catalogue)).user).toBe('');
  });

  it('returns the user name that was set', async () => {
    const catalogue = await freshCatalogue();
    await setUserName(' Dana Reyes ', catalogue);
    expect((await getDeviceContext(catalogue)).user).toBe('Dana Reyes');
    expect(await readUserName(catalogue)).toBe('Dana Reyes');
  });

  it('reads an empty name before one is set and after it is cleared', async () => {
    const catalogue = await freshCatalogue();
    expect(await readUserName(catalogue)).toBe('');
    await setUserName('Dana Reyes', catalogue);
    await setUserName('  ', catalogue);
    expect(await readUserName(catalogue)).toBe('');
  });

  it('issues increasing clocks across contexts of one session', async () => {
    const catalogue = await freshCatalogue();
    const first = await getDeviceContext(catalogue);
    const second = await getDeviceContext(catalogue);
    const a = first.tick();
    const b = second.tick();
    expect(b > a).toBe(true);
  });
});

describe('presets', () => {
  it('lists saved presets by name', async () => {
    const catalogue = await freshCatalogue();
    await savePreset(preset('p2', 'Weekly export'), catalogue);
    await savePreset(preset('p1', 'Monthly export'), catalogue);
    expect((await listPresets(catalogue)).map((item) => item.name)).toEqual(['Monthly export', 'Weekly export']);
  });

  it('replaces a preset saved again under its id', async () => {
    const catalogue = await freshCatalogue();
    await savePreset(preset('p1', 'Monthly'), catalogue);
    await savePreset(preset('p1', 'Monthly v2'), catalogue);
    expect((await listPresets(catalogue)).map((item) => item.name)).toEqual(['Monthly v2']);
  });

  it('deletes a preset', async () => {
    const catalogue = await freshCatalogue();
    await savePreset(preset('p1', 'Monthly'), catalogue);
    await deletePreset('p1', catalogue);
    expect(await listPresets(catalogue)).toEqual([]);
  });

  it('rejects deleting an unknown preset', async () => {
    const catalogue = await freshCatalogue();
    const failure = await rejection(deletePreset('missing', catalogue));
    expect(failure.appError.code).toBe('storage.notFound');
    expect(failure.appError.detail).toEqual({ table: 'presets', id: 'missing' });
  });
});
