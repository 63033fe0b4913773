/**
 * Catalogue operations: the portfolios on this machine, the device's identity and clock, and
 * saved mapping presets. Each function uses the app's shared catalogue unless one is passed.
 */
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { AppFailure } from '@shared/errors';
import type { Id } from '@shared/domain/types';
import type { MappingPreset } from '@shared/import/types';
import { readCatalogue, readSetting, resolveCatalogue, writeCatalogue, writeSetting } from './catalogueDb';
import type { CatalogueDb, PortfolioEntry } from './catalogueDb';
import { deviceContextOf, openSessionClock } from './clockStore';
import type { DeviceContext, SessionClock } from './clockStore';
import { portfolioDbName } from './portfolioDb';
import { toStorageFailure } from './storageErrors';

export { CatalogueDb, catalogueDbName, openCatalogue } from './catalogueDb';
export type { PortfolioEntry } from './catalogueDb';
export type { DeviceContext, SessionClock } from './clockStore';

/** Maximum length of a portfolio name, in UTF-16 code units. */
export const maxPortfolioNameLength = 200;

/** Trims a portfolio name; rejects an empty or too long one with `storage.invalidName`. */
function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > maxPortfolioNameLength) {
    throw new AppFailure({ code: 'storage.invalidName', detail: { name, maxLength: maxPortfolioNameLength } });
  }
  return trimmed;
}

/** Returns the portfolios on this machine, by name. */
export function listPortfolios(catalogue?: CatalogueDb): Promise<PortfolioEntry[]> {
  return readCatalogue(catalogue, (db) => db.portfolios.orderBy('name').toArray());
}

/** Adds a portfolio to the catalogue; its database is created when it is first opened. */
export async function createPortfolio(name: string, catalogue?: CatalogueDb): Promise<PortfolioEntry> {
  const checked = checkedName(name);
  const db = await resolveCatalogue(catalogue);
  const at = new Date().toISOString();
  const entry: PortfolioEntry = { id: uuidv7(), name: checked, createdAt: at, updatedAt: at };
  await writeCatalogue(db, ['portfolios'], { table: 'portfolios', name: checked }, async () => {
    await db.portfolios.add(entry);
  });
  return entry;
}

/**
 * Adds a portfolio under a given id, such as the id of an opened portfolio file, so that later
 * files of the same portfolio merge into it. Rejects with a storage failure when the id is taken.
 */
export async function createPortfolioWithId(id: Id, name: string, catalogue?: CatalogueDb): Promise<PortfolioEntry> {
  const checked = checkedName(name);
  const db = await resolveCatalogue(catalogue);
  const at = new Date().toISOString();
  const entry: PortfolioEntry = { id, name: checked, createdAt: at, updatedAt: at };
  await writeCatalogue(db, ['portfolios'], { table: 'portfolios', id, name: checked }, async () => {
    await db.portfolios.add(entry);
  });
  return entry;
}

/** Returns this device's session clock, the one that stamps every write of the session. */
export async function getSessionClock(catalogue?: CatalogueDb): Promise<SessionClock> {
  return openSessionClock(await resolveCatalogue(catalogue));
}

/** Renames a portfolio; rejects with `storage.notFound` when the id is not in the catalogue. */
export async function renamePortfolio(id: Id, name: string, catalogue?: CatalogueDb): Promise<PortfolioEntry> {
  const checked = checkedName(name);
  const db = await resolveCatalogue(catalogue);
  return writeCatalogue(db, ['portfolios'], { table: 'portfolios', id }, async () => {
    const entry = await db.portfolios.get(id);
    if (entry === undefined) {
      throw new AppFailure({ code: 'storage.notFound', detail: { table: 'portfolios', id } });
    }
    const renamed: PortfolioEntry = { ...entry, name: checked, updatedAt: new Date().toISOString() };
    await db.portfolios.put(renamed);
    return renamed;
  });
}

/**
 * Deletes a portfolio: first its catalogue entry, so that nothing chooses it any more, then its
 * database. Returns the deleted entry. Rejects with `storage.notFound` when the id is not in the
 * catalogue. When the database cannot be deleted, the entry is put back and the call rejects
 * with a storage failure, so the portfolio stays listed with its data.
 *
 * Close every connection to the portfolio's database first. Dexie closes a connection that is
 * still open when the delete starts, but reopens it on its next query, and that reopening
 * creates an empty database under the deleted portfolio's name.
 */
export async function deletePortfolio(id: Id, catalogue?: CatalogueDb): Promise<PortfolioEntry> {
  const db = await resolveCatalogue(catalogue);
  const entry = await writeCatalogue(db, ['portfolios'], { table: 'portfolios', id }, async () => {
    const stored = await db.portfolios.get(id);
    if (stored === undefined) {
      throw new AppFailure({ code: 'storage.notFound', detail: { table: 'portfolios', id } });
    }
    await db.portfolios.delete(id);
    return stored;
  });

  const databaseName = portfolioDbName(id);
  try {
    await Dexie.delete(databaseName);
  } catch (error) {
    await writeCatalogue(db, ['portfolios'], { table: 'portfolios', id }, async () => {
      await db.portfolios.put(entry);
    });
    throw toStorageFailure(error, { database: databaseName, operation: 'delete' });
  }
  return entry;
}

/**
 * Returns who writes on this device: its id (created on first use and kept), the user name,
 * and the session clock that stamps every write. Pass the result to the repositories.
 */
export async function getDeviceContext(catalogue?: CatalogueDb): Promise<DeviceContext> {
  const db = await resolveCatalogue(catalogue);
  const session = await openSessionClock(db);
  const user = (await readSetting(db, 'userName')) ?? '';
  return deviceContextOf(session, user);
}

/** Returns the name recorded in audit entries and escalation histories on this device; empty until set. */
export async function readUserName(catalogue?: CatalogueDb): Promise<string> {
  return (await readSetting(await resolveCatalogue(catalogue), 'userName')) ?? '';
}

/** Sets the name recorded in later audit entries. */
export async function setUserName(name: string, catalogue?: CatalogueDb): Promise<void> {
  await writeSetting(await resolveCatalogue(catalogue), 'userName', name.trim());
}

/** Saves a mapping preset under its id, replacing an earlier one with the same id. */
export async function savePreset(preset: MappingPreset, catalogue?: CatalogueDb): Promise<void> {
  const db = await resolveCatalogue(catalogue);
  await writeCatalogue(db, ['presets'], { table: 'presets', id: preset.id }, async () => {
    await db.presets.put(preset);
  });
}

/** Returns the saved mapping presets, by name. */
export function listPresets(catalogue?: CatalogueDb): Promise<MappingPreset[]> {
  return readCatalogue(catalogue, (db) => db.presets.orderBy('name').toArray());
}

/** Deletes a saved preset; rejects with `storage.notFound` when there is none with that id. */
export async function deletePreset(id: string, catalogue?: CatalogueDb): Promise<void> {
  const db = await resolveCatalogue(catalogue);
  await writeCatalogue(db, ['presets'], { table: 'presets', id }, async () => {
    const deleted = await db.presets.where('id').equals(id).delete();
    if (deleted === 0) {
      throw new AppFailure({ code: 'storage.notFound', detail: { table: 'presets', id } });
    }
  });
}
