/**
 * The merge bench's baseline: the same portfolio and the same edits as Automerge documents
 * (`@automerge/automerge` 3.5, its WebAssembly build for Node), merged with `A.merge`.
 *
 * A document has one map per record table, keyed by record id, with one map per record of its
 * data fields. Strings are `ImmutableString` scalars, so that each field is a last-writer-wins
 * register like a field of a portfolio record, not a collaborative text object. Structured fields
 * (a service level's credit rule or glide path) are nested maps and lists. `id`, `clock`
 * and `fieldClocks` are left out, because Automerge keeps its own history. Each edit batch is one
 * `A.change`, as each batch is one transaction in the app.
 */
import * as A from '@automerge/automerge';
import type { RecordTable } from '../../shared/domain/types';
import type { PortfolioSnapshot } from '../../shared/sync/snapshot';
import { recordTables } from '../../shared/sync/snapshot';
import type { EditBatch } from './divergence';

type FieldValue = A.ImmutableString | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };
type RecordMap = Record<string, FieldValue>;
type PortfolioDoc = Record<RecordTable, Record<string, RecordMap>>;

const syncKeys: ReadonlySet<string> = new Set(['id', 'clock', 'fieldClocks']);

function toFieldValue(value: unknown): FieldValue {
  if (typeof value === 'string') return new A.ImmutableString(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map(toFieldValue);
  // A structured field such as a credit rule becomes a nested map; the bench's edits never change one.
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toFieldValue(item)]));
  throw new TypeError(`No Automerge value for ${JSON.stringify(value)}`);
}

function toRecordMap(record: object): RecordMap {
  const fields: RecordMap = {};
  for (const [field, value] of Object.entries(record)) {
    if (!syncKeys.has(field)) fields[field] = toFieldValue(value);
  }
  return fields;
}

/** Builds the document of `snapshot` in one change by the actor `deviceId` (hex digits). */
export function automergeDocOf(snapshot: PortfolioSnapshot, deviceId: string): A.Doc<PortfolioDoc> {
  const tables = {} as PortfolioDoc;
  for (const table of recordTables) {
    const byId: Record<string, RecordMap> = {};
    for (const record of snapshot.records[table]) byId[record.id] = toRecordMap(record);
    tables[table] = byId;
  }
  return A.from(tables, { actor: deviceId });
}

/** Applies `batches` to a clone of `base` as the actor `deviceId`, one `A.change` per batch. */
export function applyAutomergeEdits(base: A.Doc<PortfolioDoc>, deviceId: string, batches: readonly EditBatch[]): A.Doc<PortfolioDoc> {
  let doc = A.clone(base, { actor: deviceId });
  for (const batch of batches) {
    // `time` is Automerge's advisory change timestamp, in seconds.
    doc = A.change(doc, { message: batch.label, time: Math.floor(batch.wallMs / 1000) }, (draft) => {
      for (const edit of batch.edits) {
        const table = draft[edit.table];
        if (edit.kind === 'insert') {
          table[edit.record.id] = toRecordMap(edit.record);
        } else if (edit.kind === 'delete') {
          // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- deleting a key is how an Automerge map removes an entry
          delete table[edit.id];
        } else {
          const target = table[edit.id];
          if (target === undefined)
            throw new Error(`Batch "${batch.label}" edits ${edit.table} record ${edit.id}, which the document lacks`);
          for (const [field, value] of Object.entries(edit.fields)) target[field] = toFieldValue(value);
        }
      }
    });
  }
  return doc;
}

/** Saves and loads `doc`, as a file would carry it between laptops. */
export function roundTrip(doc: A.Doc<PortfolioDoc>, deviceId: string): A.Doc<PortfolioDoc> {
  return A.load<PortfolioDoc>(A.save(doc), { actor: deviceId });
}

/** Copies `doc`, because `A.merge` leaves both of its arguments unusable for later changes. */
export function cloneDoc(doc: A.Doc<PortfolioDoc>): A.Doc<PortfolioDoc> {
  return A.clone(doc);
}

export function mergeDocs(local: A.Doc<PortfolioDoc>, remote: A.Doc<PortfolioDoc>): A.Doc<PortfolioDoc> {
  return A.merge(local, remote);
}

/** Counts the records of each table in a document. */
export function countDocRecords(doc: A.Doc<PortfolioDoc>): Record<RecordTable, number> {
  const counts = {} as Record<RecordTable, number>;
  for (const table of recordTables) counts[table] = Object.keys(doc[table]).length;
  return counts;
}

/** Frees a document's WebAssembly memory now rather than when the garbage collector gets to it. */
export function freeDoc(doc: A.Doc<PortfolioDoc>): void {
  A.free(doc);
}

export type { PortfolioDoc };
