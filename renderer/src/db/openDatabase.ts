/**
 * Opening a Dexie database without ever touching one written by a newer app version.
 *
 * Dexie 4.4 does not fail when the stored database has a higher version than the code
 * declares: it catches the `VersionError` and reopens the database at its stored version. When
 * the declared schema has a table or index the stored one lacks, it then adds it and raises the
 * stored version. So the stored version is checked before Dexie opens the database, and checked
 * again on the connection Dexie opened.
 */
import Dexie from 'dexie';
import { AppFailure } from '@shared/errors';
import { toStorageFailure } from './storageErrors';

/** IndexedDB version Dexie uses for `db.version(n)`: Dexie multiplies the declared version by 10. */
function nativeVersion(db: Dexie): number {
  return Math.round(db.verno * 10);
}

function versionTooNew(db: Dexie, storedNativeVersion: number): AppFailure {
  return new AppFailure({
    code: 'storage.versionTooNew',
    detail: { database: db.name, version: storedNativeVersion / 10, supportedVersion: db.verno },
    cause: `stored IndexedDB version ${storedNativeVersion} is above ${nativeVersion(db)}`,
  });
}

/**
 * Returns the stored IndexedDB version of `name`, or `null` when no such database exists. Uses
 * `indexedDB.databases()` where the browser has it. Elsewhere it opens the database without a
 * version, which never upgrades an existing database, and aborts the creation of a missing one.
 */
async function storedVersion(name: string): Promise<number | null> {
  const factory = Dexie.dependencies.indexedDB as IDBFactory | undefined;
  if (factory === undefined) return null;
  if (typeof factory.databases === 'function') {
    const databases = await factory.databases();
    return databases.find((info) => info.name === name)?.version ?? null;
  }
  return probeVersion(factory, name);
}

function probeVersion(factory: IDBFactory, name: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name);
    let created = false;
    request.onupgradeneeded = () => {
      // Only a missing database gets an upgrade from an open without a version.
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = (event) => {
      if (created) {
        event.preventDefault();
        resolve(null);
      } else {
        reject(request.error ?? new Error(`Opening ${name} to read its version failed`));
      }
    };
  });
}

/**
 * Opens `db`, rejecting with `storage.versionTooNew` when the stored database is newer than
 * the declared schema (the stored database is then left as it was), and with another storage
 * code when opening fails for any other reason.
 */
export async function openChecked<D extends Dexie>(db: D): Promise<D> {
  const detail = { database: db.name };
  try {
    const before = await storedVersion(db.name);
    if (before !== null && before > nativeVersion(db)) throw versionTooNew(db, before);

    await db.open();
    // Dexie may still have opened a newer database created between the check and the open.
    const opened = db.backendDB().version;
    if (opened > nativeVersion(db)) {
      db.close();
      throw versionTooNew(db, opened);
    }
    return db;
  } catch (error) {
    db.close();
    throw toStorageFailure(error, detail);
  }
}

let persistRequest: Promise<boolean> | null = null;

/**
 * Asks the browser once per session to keep this origin's storage under pressure. Resolves to
 * whether storage is persistent, and to `false` where the Storage API is missing (Node tests)
 * or the request fails.
 */
export function requestPersistentStorage(): Promise<boolean> {
  persistRequest ??= (async () => {
    const storage = typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageManager | undefined);
    if (storage === undefined || typeof storage.persist !== 'function') return false;
    try {
      return await storage.persist();
    } catch {
      return false;
    }
  })();
  return persistRequest;
}
