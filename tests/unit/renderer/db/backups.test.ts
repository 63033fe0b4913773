import { providerProfileDefaults } from '../../../../shared/domain/profileDefaults';
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openPortfolioFile } from '../../../../shared/file';
import {
  deleteBackup,
  keptImportBackups,
  listBackups,
  readBackupBytes,
  restoreBackup,
  takeBackup,
} from '../../../../renderer/src/db/backups';
import { createPortfolio, getDeviceContext, listPortfolios, openCatalogue } from '../../../../renderer/src/db/catalogue';
import type { CatalogueDb, PortfolioEntry } from '../../../../renderer/src/db/catalogue';
import { openPortfolioDb, portfolioDbName } from '../../../../renderer/src/db/portfolioDb';
import type { PortfolioDb } from '../../../../renderer/src/db/portfolioDb';
import { providerRepository } from '../../../../renderer/src/db/records';
import { readSnapshot } from '../../../../renderer/src/db/snapshot';
import { readVersionVector } from '../../../../renderer/src/db/versionVector';
import { freshName, rejection } from './factories';

const opened: { close(): void }[] = [];

afterEach(() => {
  for (const database of opened.splice(0)) database.close();
});

interface Setup {
  readonly catalogue: CatalogueDb;
  readonly entry: PortfolioEntry;
  readonly db: PortfolioDb;
}

/** Creates a fresh catalogue with one portfolio of two providers, one of them deleted. */
async function setup(name = 'Client A'): Promise<Setup> {
  const catalogue = await openCatalogue(freshName('catalogue'));
  opened.push(catalogue);
  const entry = await createPortfolio(name, catalogue);
  const db = await openPortfolioDb(entry.id);
  opened.push(db);
  const context = await getDeviceContext(catalogue);
  await providerRepository.insert(db, { code: 'RX1', name: 'North Contact Centre', formerNames: [], ...providerProfileDefaults }, context);
  const closed = await providerRepository.insert(
    db,
    { code: 'RX2', name: 'South Contact Centre', formerNames: [], ...providerProfileDefaults },
    context,
  );
  await providerRepository.remove(db, closed.id, context);
  return { catalogue, entry, db };
}

async function providerNames(db: PortfolioDb): Promise<string[]> {
  return (await db.providers.toArray()).map((provider) => provider.name).sort();
}

describe('takeBackup', () => {
  it('stores the whole portfolio as a file', async () => {
    const { catalogue, entry, db } = await setup();
    const identity = { id: entry.id, name: entry.name };

    const backup = await takeBackup(db, identity, 'beforeImport', 'laptop-b.steerwise', catalogue);

    expect(backup).toMatchObject({
      portfolioId: entry.id,
      portfolioName: 'Client A',
      reason: 'beforeImport',
      sourceFile: 'laptop-b.steerwise',
    });
    expect(backup.recordCount).toBe(1);
    const bytes = await readBackupBytes(backup.id, catalogue);
    expect(bytes.byteLength).toBe(backup.byteLength);
    const parsed = await openPortfolioFile(bytes, 'backup', null);
    if (!parsed.ok) throw new Error(parsed.error.code);
    const { deviceId } = await getDeviceContext(catalogue);
    expect(parsed.value.snapshot).toEqual(await readSnapshot(db, identity, deviceId));
  });

  it('keeps only the newest import backups', async () => {
    const { catalogue, entry, db } = await setup();
    const identity = { id: entry.id, name: entry.name };
    const deleteBackupEntry = await takeBackup(db, identity, 'beforeDelete', null, catalogue);
    const taken = [];
    for (let index = 0; index < keptImportBackups + 2; index += 1) {
      taken.push(await takeBackup(db, identity, 'beforeImport', `file-${String(index)}.steerwise`, catalogue));
    }

    const kept = await listBackups(entry.id, catalogue);

    const expectedImports = taken
      .slice(-keptImportBackups)
      .reverse()
      .map((backup) => backup.id);
    expect(kept.filter((backup) => backup.reason === 'beforeImport').map((backup) => backup.id)).toEqual(expectedImports);
    expect(kept.map((backup) => backup.id)).toContain(deleteBackupEntry.id);
    await expect(rejection(readBackupBytes(taken[0]?.id ?? '', catalogue))).resolves.toMatchObject({
      appError: { code: 'storage.notFound' },
    });
  });

  it('lists backups of one portfolio or of all', async () => {
    const first = await setup('Client A');
    const other = await createPortfolio('Client B', first.catalogue);
    const otherDb = await openPortfolioDb(other.id);
    opened.push(otherDb);
    const a = await takeBackup(first.db, { id: first.entry.id, name: 'Client A' }, 'beforeImport', null, first.catalogue);
    const b = await takeBackup(otherDb, { id: other.id, name: 'Client B' }, 'beforeDelete', null, first.catalogue);

    expect((await listBackups(first.entry.id, first.catalogue)).map((backup) => backup.id)).toEqual([a.id]);
    expect((await listBackups(undefined, first.catalogue)).map((backup) => backup.id)).toEqual([b.id, a.id]);
  });
});

describe('restoreBackup', () => {
  it('puts back records, tombstones and version vector', async () => {
    const { catalogue, entry, db } = await setup();
    const identity = { id: entry.id, name: entry.name };
    const { deviceId } = await getDeviceContext(catalogue);
    const before = await readSnapshot(db, identity, deviceId);
    const backup = await takeBackup(db, identity, 'beforeImport', 'laptop-b.steerwise', catalogue);
    const context = await getDeviceContext(catalogue);
    const [north] = await db.providers.toArray();
    await providerRepository.update(db, north?.id ?? '', { name: 'Renamed after the backup' }, context);
    await providerRepository.insert(db, { code: 'RX3', name: 'West Contact Centre', formerNames: [], ...providerProfileDefaults }, context);

    const restored = await restoreBackup(backup.id, catalogue);

    expect(restored.id).toBe(entry.id);
    expect(await readSnapshot(db, identity, deviceId)).toEqual(before);
    expect(await readVersionVector(db)).toEqual(before.versionVector);
    const safety = (await listBackups(entry.id, catalogue)).find((item) => item.reason === 'beforeRestore');
    expect(safety?.recordCount).toBe(2);
  });

  it('brings back a deleted portfolio under its id', async () => {
    const { catalogue, entry, db } = await setup();
    const backup = await takeBackup(db, { id: entry.id, name: entry.name }, 'beforeDelete', null, catalogue);
    db.close();
    await Dexie.delete(portfolioDbName(entry.id));
    await catalogue.portfolios.delete(entry.id);

    const restored = await restoreBackup(backup.id, catalogue);

    expect(restored).toMatchObject({ id: entry.id, name: 'Client A' });
    expect((await listPortfolios(catalogue)).map((item) => item.id)).toEqual([entry.id]);
    const reopened = await openPortfolioDb(entry.id);
    opened.push(reopened);
    expect(await providerNames(reopened)).toEqual(['North Contact Centre']);
    expect(await reopened.tombstones.count()).toBe(1);
  });

  it('leaves data unchanged when the backup does not open', async () => {
    const { catalogue, entry, db } = await setup();
    const backup = await takeBackup(db, { id: entry.id, name: entry.name }, 'beforeImport', null, catalogue);
    const context = await getDeviceContext(catalogue);
    await providerRepository.insert(db, { code: 'RX3', name: 'West Contact Centre', formerNames: [], ...providerProfileDefaults }, context);
    const bytes = await readBackupBytes(backup.id, catalogue);
    const damaged = bytes.slice(0, Math.floor(bytes.byteLength / 2));
    await catalogue.backupFiles.put({ id: backup.id, bytes: damaged });

    const failure = await rejection(restoreBackup(backup.id, catalogue));

    expect(failure.appError.code).toMatch(/^portfolioFile\./);
    expect(await providerNames(db)).toEqual(['North Contact Centre', 'West Contact Centre']);
  });

  it('rejects an unknown backup', async () => {
    const { catalogue } = await setup();

    const failure = await rejection(restoreBackup('0190c5e2-0000-7000-8000-000000000000', catalogue));

    expect(failure.appError).toMatchObject({ code: 'storage.notFound', detail: { table: 'backups', reason: 'backup' } });
  });
});

describe('deleteBackup', () => {
  it('removes the entry and its bytes', async () => {
    const { catalogue, entry, db } = await setup();
    const backup = await takeBackup(db, { id: entry.id, name: entry.name }, 'beforeDelete', null, catalogue);

    await deleteBackup(backup.id, catalogue);

    expect(await listBackups(entry.id, catalogue)).toEqual([]);
    expect(await catalogue.backupFiles.count()).toBe(0);
    await expect(rejection(deleteBackup(backup.id, catalogue))).resolves.toMatchObject({ appError: { code: 'storage.notFound' } });
  });
});
