/**
 * The catalogue database: one small database per machine that lists the portfolios stored here
 * and keeps device settings and the user's saved mapping presets. It contains no portfolio data.
 */
import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { HlcString, Id, Instant } from '@shared/domain/types';
import type { MappingPreset } from '@shared/import/types';
import type { CriteriaTemplate } from '@shared/rfp/templates/types';
import { createDeviceId } from '@shared/sync/hlc';
import { openChecked } from './openDatabase';
import { toStorageFailure } from './storageErrors';

export const catalogueDbName = 'steerwise-catalogue';

/** One portfolio stored on this machine; its data lives in `steerwise-portfolio-<id>`. */
export interface PortfolioEntry {
  readonly id: Id;
  readonly name: string;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

/** Device settings by key. */
export interface SettingValues {
  /** Random id of this installation, stamped into every clock it issues. */
  readonly deviceId: string;
  /** Name recorded in audit entries; empty until the user sets it. */
  readonly userName: string;
  /** Highest clock this device issued, so that a restart continues after it. */
  readonly lastClock: HlcString;
}

export type SettingKey = keyof SettingValues;

/** Moment a backup was taken: before an import merged a file, before a delete, or before a restore replaced the data. */
export type BackupReason = 'beforeImport' | 'beforeDelete' | 'beforeRestore';

/** A copy of one portfolio as it was at `createdAt`, kept on this machine so a change can be undone. */
export interface BackupEntry {
  readonly id: Id;
  readonly portfolioId: Id;
  readonly portfolioName: string;
  readonly reason: BackupReason;
  readonly createdAt: Instant;
  /** Name of the file whose import the backup precedes; `null` for other reasons. */
  readonly sourceFile: string | null;
  /** Records in the five record tables; tombstones do not count. */
  readonly recordCount: number;
  /** Size of the backup's `.steerwise` bytes. */
  readonly byteLength: number;
}

/** A criteria set the user saved from an RFP, to start later RFPs of any portfolio from it. */
export interface SavedCriteriaTemplate {
  readonly id: Id;
  /** The template's title, indexed for listing. */
  readonly name: string;
  readonly savedAt: Instant;
  readonly template: CriteriaTemplate;
}

/** Bytes of one backup, kept apart from `BackupEntry` so that listing backups loads no file. */
export interface BackupFile {
  readonly id: Id;
  /** Unencrypted `.steerwise` file bytes. */
  readonly bytes: Uint8Array;
}

export interface SettingRow {
  readonly key: SettingKey;
  readonly value: string;
}

export class CatalogueDb extends Dexie {
  declare readonly portfolios: Table<PortfolioEntry, Id>;
  declare readonly settings: Table<SettingRow, SettingKey>;
  declare readonly presets: Table<MappingPreset, string>;
  declare readonly backups: Table<BackupEntry, Id>;
  declare readonly backupFiles: Table<BackupFile, Id>;
  declare readonly criteriaTemplates: Table<SavedCriteriaTemplate, Id>;

  /** `databaseName` is `steerwise-catalogue` in the app; tests pass their own. */
  constructor(databaseName: string = catalogueDbName) {
    super(databaseName);
    this.version(1).stores({
      portfolios: 'id, name',
      settings: 'key',
      presets: 'id, name',
    });
    // Version 2 adds backups; the tables start empty, so no upgrade function is needed.
    this.version(2).stores({
      backups: 'id, portfolioId, createdAt, [portfolioId+reason]',
      backupFiles: 'id',
    });
    // Version 3 adds the user's criteria templates; the table starts empty.
    this.version(3).stores({ criteriaTemplates: 'id, name' });
  }
}

let sharedCatalogue: Promise<CatalogueDb> | null = null;
/** The shared catalogue once its open has finished, so reads can use it without awaiting. */
let sharedReady: CatalogueDb | null = null;

/**
 * Opens the catalogue, rejecting with `storage.versionTooNew` when a newer app wrote it. Without
 * a name it returns the app's one shared catalogue, opened on the first call. With a name it
 * opens a separate instance, which tests use with a fresh name each.
 */
export function openCatalogue(databaseName?: string): Promise<CatalogueDb> {
  if (databaseName !== undefined) return openChecked(new CatalogueDb(databaseName));
  if (sharedCatalogue === null) {
    const opening = openChecked(new CatalogueDb());
    sharedCatalogue = opening;
    opening.then(
      (catalogue) => {
        sharedReady = catalogue;
      },
      () => {
        // A failed open must not stay cached, so that a later call can retry.
        if (sharedCatalogue === opening) sharedCatalogue = null;
      },
    );
  }
  return sharedCatalogue;
}

/** Returns `catalogue`, or the shared catalogue when it is not given. */
export async function resolveCatalogue(catalogue: CatalogueDb | undefined): Promise<CatalogueDb> {
  return catalogue ?? (await openCatalogue());
}

/**
 * Runs the read `body` on `catalogue`, or on the shared catalogue when it is not given. When a
 * catalogue is at hand, `body` runs at once, with no `await` before it: a live query loses
 * track of its reads after awaiting a native promise unless its function is declared `async`
 * (seen with Dexie 4.4.7).
 * The first read before the shared catalogue is open waits through a Dexie promise, which keeps
 * the live query's context.
 */
export function readCatalogue<T>(catalogue: CatalogueDb | undefined, body: (db: CatalogueDb) => Promise<T>): Promise<T> {
  const ready = catalogue ?? sharedReady;
  if (ready !== null) return body(ready);
  return Dexie.Promise.resolve(openCatalogue()).then(body);
}

/** Runs one read-write transaction and maps any failure to a storage error naming `detail`. */
export async function writeCatalogue<T>(
  catalogue: CatalogueDb,
  tables: readonly string[],
  detail: Readonly<Record<string, string>>,
  body: () => Promise<T>,
): Promise<T> {
  try {
    return await catalogue.transaction('rw', tables, body);
  } catch (error) {
    throw toStorageFailure(error, detail);
  }
}

/** Returns one setting, or `null` when it was never written. */
export async function readSetting(catalogue: CatalogueDb, key: SettingKey): Promise<string | null> {
  const row = await catalogue.settings.get(key);
  return row?.value ?? null;
}

/** Writes one setting. */
export async function writeSetting<K extends SettingKey>(catalogue: CatalogueDb, key: K, value: SettingValues[K]): Promise<void> {
  await writeCatalogue(catalogue, ['settings'], { table: 'settings', key }, async () => {
    await catalogue.settings.put({ key, value });
  });
}

/**
 * Returns this device's id, creating and storing it on the first call. The read and the write
 * share one transaction, so concurrent first calls agree on one id.
 */
export function ensureDeviceId(catalogue: CatalogueDb): Promise<string> {
  return writeCatalogue(catalogue, ['settings'], { table: 'settings', key: 'deviceId' }, async () => {
    const stored = await catalogue.settings.get('deviceId');
    if (stored !== undefined) return stored.value;
    const deviceId = createDeviceId();
    await catalogue.settings.put({ key: 'deviceId', value: deviceId });
    return deviceId;
  });
}
