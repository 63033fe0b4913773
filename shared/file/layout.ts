/** Entry paths inside the ZIP container of the current format version. */
import type { RecordTable } from '../domain/types';
import { recordTables } from '../sync/snapshot';

export const manifestEntry = 'manifest.json';
export const tombstonesEntry = 'tombstones.json';
export const versionVectorEntry = 'versionVector.json';

const recordsPrefix = 'records/';
const recordsSuffix = '.json';

/** Path of a table's records, for example `records/measurements.json`. */
export function recordsEntry(table: RecordTable): string {
  return `${recordsPrefix}${table}${recordsSuffix}`;
}

/** Every entry other than the manifest, in the order the writer stores them; the manifest comes last. */
export const dataEntries: readonly string[] = [...recordTables.map(recordsEntry), tombstonesEntry, versionVectorEntry];

/** Result of matching an entry path against the current layout. */
export type EntryKind =
  | { readonly kind: 'records'; readonly table: RecordTable }
  | { readonly kind: 'tombstones' | 'versionVector' | 'manifest' }
  | { readonly kind: 'unknownTable'; readonly table: string }
  | { readonly kind: 'unknown' };

/** Classifies an entry path: a known entry, a `records/<name>.json` of an unknown table, or anything else. */
export function classifyEntry(path: string): EntryKind {
  if (path === manifestEntry) return { kind: 'manifest' };
  if (path === tombstonesEntry) return { kind: 'tombstones' };
  if (path === versionVectorEntry) return { kind: 'versionVector' };

  if (path.startsWith(recordsPrefix) && path.endsWith(recordsSuffix)) {
    const name = path.slice(recordsPrefix.length, path.length - recordsSuffix.length);
    const table = recordTables.find((known) => known === name);
    if (table !== undefined) return { kind: 'records', table };
    if (name.length > 0 && !name.includes('/')) return { kind: 'unknownTable', table: name };
  }
  return { kind: 'unknown' };
}
