/**
 * The baseline of the file import's write: plain IndexedDB puts of a snapshot's records and
 * tombstones into stores laid out as Dexie lays out the portfolio database, without Dexie and
 * without the merge.
 */
import type { PortfolioSnapshot } from '@shared/sync/snapshot';
import { recordTables } from '@shared/sync/snapshot';

interface IndexSpec {
  readonly name: string;
  readonly keyPath: string | string[];
  readonly unique: boolean;
}

/**
 * Indexes of the stores, named as Dexie names them for the portfolio schema. Every record table
 * and `tombstones` gets a store keyed by `id`. Tables missing here, such as the RFP tables the
 * generated portfolio leaves empty, get no indexes.
 */
const indexes: Readonly<Record<string, readonly IndexSpec[]>> = {
  providers: [
    { name: 'code', keyPath: 'code', unique: false },
    { name: 'name', keyPath: 'name', unique: false },
  ],
  contracts: [{ name: 'providerId', keyPath: 'providerId', unique: false }],
  kpis: [{ name: 'key', keyPath: 'key', unique: true }],
  serviceLevels: [
    { name: '[providerId+kpiId]', keyPath: ['providerId', 'kpiId'], unique: false },
    { name: 'kpiId', keyPath: 'kpiId', unique: false },
  ],
  measurements: [
    { name: '[providerId+kpiId+period]', keyPath: ['providerId', 'kpiId', 'period'], unique: true },
    { name: 'providerId', keyPath: 'providerId', unique: false },
    { name: 'kpiId', keyPath: 'kpiId', unique: false },
    { name: 'period', keyPath: 'period', unique: false },
  ],
  tombstones: [{ name: 'table', keyPath: 'table', unique: false }],
};

function storeNames(): string[] {
  return [...recordTables, 'tombstones'];
}

/** Creates the database `name` with empty portfolio stores. */
export function openRawPortfolioDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      for (const storeName of storeNames()) {
        const store = request.result.createObjectStore(storeName, { keyPath: 'id' });
        for (const index of indexes[storeName] ?? []) store.createIndex(index.name, index.keyPath, { unique: index.unique });
      }
    };
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error(`Opening IndexedDB database ${name} failed`));
    };
  });
}

/**
 * Puts every record and tombstone of `snapshot` in one read-write transaction and resolves
 * with the number put when it has committed.
 */
export function putSnapshot(db: IDBDatabase, snapshot: PortfolioSnapshot): Promise<number> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(storeNames(), 'readwrite');
    let count = 0;
    for (const table of recordTables) {
      const store = transaction.objectStore(table);
      for (const record of snapshot.records[table]) store.put(record);
      count += snapshot.records[table].length;
    }
    const tombstones = transaction.objectStore('tombstones');
    for (const tombstone of snapshot.tombstones) tombstones.put(tombstone);
    count += snapshot.tombstones.length;

    transaction.oncomplete = () => {
      resolve(count);
    };
    transaction.onerror = () => {
      reject(transaction.error ?? new Error(`Writing ${count} records to ${db.name} failed`));
    };
    transaction.onabort = () => {
      reject(transaction.error ?? new Error(`The transaction writing ${count} records to ${db.name} was aborted`));
    };
  });
}
