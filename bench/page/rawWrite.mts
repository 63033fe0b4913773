/**
 * The baseline of the write step: plain IndexedDB puts into a store laid out as Dexie lays out
 * the portfolio database's `measurements` table (schema version 1), without Dexie.
 */

/** Indexes of `measurements`, named as Dexie names them for `&[providerId+kpiId+period], providerId, kpiId, period`. */
const measurementIndexes: readonly { name: string; keyPath: string | string[]; unique: boolean }[] = [
  { name: '[providerId+kpiId+period]', keyPath: ['providerId', 'kpiId', 'period'], unique: true },
  { name: 'providerId', keyPath: 'providerId', unique: false },
  { name: 'kpiId', keyPath: 'kpiId', unique: false },
  { name: 'period', keyPath: 'period', unique: false },
];

const storeName = 'measurements';

/** Creates the database `name` with one empty `measurements` store keyed by `id`. */
export function openRawDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(storeName, { keyPath: 'id' });
      for (const index of measurementIndexes) store.createIndex(index.name, index.keyPath, { unique: index.unique });
    };
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error(`Opening IndexedDB database ${name} failed`));
    };
  });
}

/** Puts every record in one read-write transaction and resolves when it has committed. */
export function putAll(db: IDBDatabase, records: readonly object[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(storeName, 'readwrite');
    const store = transaction.objectStore(storeName);
    for (const record of records) store.put(record);
    transaction.oncomplete = () => {
      resolve();
    };
    transaction.onerror = () => {
      reject(transaction.error ?? new Error(`Writing ${records.length} records to ${db.name} failed`));
    };
    transaction.onabort = () => {
      reject(transaction.error ?? new Error(`The transaction writing ${records.length} records to ${db.name} was aborted`));
    };
  });
}
