import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { CatalogueDb, openCatalogue } from '../../../../renderer/src/db/catalogue';
import { openPortfolioDb, PortfolioDb, portfolioDbName } from '../../../../renderer/src/db/portfolioDb';
import { freshName, openNamedDb, rejection } from './factories';

const opened: Dexie[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Creates `name` as a future app version 3 would: another table and one provider. */
async function createNewerDatabase(name: string): Promise<void> {
  const newer = new Dexie(name);
  newer.version(3).stores({ providers: 'id, code', risks: 'id, providerId' });
  await newer.open();
  await newer.table('providers').put({ id: 'p1', code: 'RX1', name: 'North' });
  await newer.table('risks').put({ id: 'r1', providerId: 'p1' });
  newer.close();
}

async function storedVersion(name: string): Promise<number | undefined> {
  const databases = await indexedDB.databases();
  return databases.find((info) => info.name === name)?.version;
}

/** Reads the newer database back as version 3 would, to check it is intact. */
async function readNewer(name: string): Promise<{ providers: unknown[]; risks: unknown[]; tables: string[] }> {
  const newer = new Dexie(name);
  newer.version(3).stores({ providers: 'id, code', risks: 'id, providerId' });
  opened.push(newer);
  await newer.open();
  return {
    providers: await newer.table('providers').toArray(),
    risks: await newer.table('risks').toArray(),
    tables: newer.tables.map((table) => table.name).sort(),
  };
}

describe('openPortfolioDb', () => {
  it('creates every table of schema version 2', async () => {
    const db = await openPortfolioDb(uuidv7());
    opened.push(db);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'audit',
      'contracts',
      'kpis',
      'measurements',
      'meta',
      'providers',
      'serviceLevels',
      'tombstones',
    ]);
  });

  it('names the database after the portfolio', async () => {
    const id = uuidv7();
    const db = await openPortfolioDb(id);
    opened.push(db);
    expect(db.name).toBe(`steerwise-portfolio-${id}`);
  });

  it('rejects a newer database with storage.versionTooNew', async () => {
    const id = uuidv7();
    await createNewerDatabase(portfolioDbName(id));
    const failure = await rejection(openPortfolioDb(id));
    expect(failure.appError.code).toBe('storage.versionTooNew');
    expect(failure.appError.detail).toEqual({ database: portfolioDbName(id), version: 3, supportedVersion: 2 });
  });

  it('leaves a newer database intact', async () => {
    const id = uuidv7();
    const name = portfolioDbName(id);
    await createNewerDatabase(name);
    await rejection(openPortfolioDb(id));
    expect(await storedVersion(name)).toBe(30);
    const contents = await readNewer(name);
    expect(contents.providers).toEqual([{ id: 'p1', code: 'RX1', name: 'North' }]);
    expect(contents.risks).toHaveLength(1);
    expect(contents.tables).toEqual(['providers', 'risks']);
  });

  it('rejects a newer database where indexedDB.databases is missing', async () => {
    const name = freshName('no-listing');
    await createNewerDatabase(name);
    const factory = Dexie.dependencies.indexedDB;
    Object.defineProperty(factory, 'databases', { value: undefined, configurable: true });
    try {
      const failure = await rejection(openNamedDb(name));
      expect(failure.appError.code).toBe('storage.versionTooNew');
    } finally {
      Reflect.deleteProperty(factory, 'databases');
    }
    expect(await storedVersion(name)).toBe(30);
  });

  it('creates a new database where indexedDB.databases is missing', async () => {
    const factory = Dexie.dependencies.indexedDB;
    Object.defineProperty(factory, 'databases', { value: undefined, configurable: true });
    try {
      const db = await openNamedDb(freshName('no-listing-new'));
      opened.push(db);
      expect(db.tables).toHaveLength(8);
      expect(db.verno).toBe(2);
    } finally {
      Reflect.deleteProperty(factory, 'databases');
    }
  });

  it('reopens a database of the same version with its data', async () => {
    const name = freshName('reopen');
    const first = await openNamedDb(name);
    await first.tombstones.put({ id: 't1', table: 'providers', clock: '000000000001-0000-dev1' });
    first.close();
    const second = await openNamedDb(name);
    opened.push(second);
    expect(await second.tombstones.count()).toBe(1);
  });

  it('PortfolioDb can be constructed without opening', () => {
    expect(new PortfolioDb(freshName('closed')).isOpen()).toBe(false);
  });
});

describe('openCatalogue', () => {
  it('rejects a newer catalogue with storage.versionTooNew', async () => {
    const name = freshName('catalogue');
    const newer = new Dexie(name);
    newer.version(3).stores({ portfolios: 'id, name', settings: 'key', presets: 'id, name', tags: 'id' });
    await newer.open();
    newer.close();
    const failure = await rejection(openCatalogue(name));
    expect(failure.appError.code).toBe('storage.versionTooNew');
    expect(await storedVersion(name)).toBe(30);
  });

  it('opens a fresh catalogue', async () => {
    const catalogue = await openCatalogue(freshName('catalogue'));
    opened.push(catalogue);
    expect(catalogue).toBeInstanceOf(CatalogueDb);
  });
});
