/**
 * Generic record writes. Each write runs in one read-write transaction over the record's
 * table, `audit`, `meta` and, for deletions, `tombstones`. It stamps clocks on the changed
 * fields, adds one audit entry and raises this device's version vector entry to the clock it
 * issued. Either all of it is stored or, on any failure, none of it.
 */
import { v7 as uuidv7 } from 'uuid';
import { AppFailure } from '@shared/errors';
import type { HlcString, Id, RecordTable, SyncFields, Tombstone } from '@shared/domain/types';
import { dataFieldNames, sameValue, stampFields } from '@shared/sync/fieldClocks';
import { withFieldGroups } from '@shared/domain/fieldGroups';
import { naturalKeyParts } from '@shared/sync/mergeNaturalKeys';
import { recordAuditEntry } from './auditEntries';
import type { DeviceContext } from './clockStore';
import type { PortfolioDb, RecordTypes } from './portfolioDb';
import { toStorageFailure } from './storageErrors';
import { raiseVersionVector } from './versionVector';

/** The data fields of a record: everything but its id and clocks. */
export type RecordData<T extends RecordTable> = Omit<RecordTypes[T], keyof SyncFields>;
/** Fields to change; a missing or `undefined` field keeps its value. */
export type RecordPatch<T extends RecordTable> = Partial<RecordData<T>>;

type Fields = Record<string, unknown>;

/** One record write as stored: the kind, the record, the clock it was stamped with, and old and new field values as in its audit entry. */
export interface ObservedWrite {
  readonly kind: 'insert' | 'update' | 'delete';
  readonly table: RecordTable;
  readonly id: Id;
  readonly clock: HlcString;
  readonly changes: Readonly<Record<string, { readonly old: unknown; readonly new: unknown }>>;
}

const writeObservers = new WeakMap<DeviceContext, (write: ObservedWrite) => void>();
const unobservedDeleteListeners = new Set<(portfolio: string) => void>();

/**
 * Calls `listener` with the database name after each deletion made with a context that no
 * observer watches, that is a deletion no undo entry records. Returns the unsubscribe function.
 */
export function onUnobservedDelete(listener: (portfolio: string) => void): () => void {
  unobservedDeleteListeners.add(listener);
  return () => unobservedDeleteListeners.delete(listener);
}

/**
 * Returns a copy of `context` whose record writes through this module are also reported to
 * `observer`, inside their transaction. The observer must only collect: a write reported there
 * may still be rolled back by an enclosing transaction that fails later.
 */
export function observedContext(context: DeviceContext, observer: (write: ObservedWrite) => void): DeviceContext {
  const copy: DeviceContext = {
    deviceId: context.deviceId,
    user: context.user,
    tick: () => context.tick(),
    now: () => context.now(),
  };
  writeObservers.set(copy, observer);
  return copy;
}

/**
 * Fields that form each table's natural key, as `naturalKeyParts` in
 * `shared/sync/mergeNaturalKeys.ts` reads them. The merge folds records by these keys and
 * assumes they are written once, when the record is inserted, so `updateRecord` rejects a
 * change to any of them. To change one, delete the record and insert a new one.
 */
export const naturalKeyFields: { readonly [T in RecordTable]: readonly (keyof RecordData<T> & string)[] } = {
  providers: ['code'],
  kpis: ['key'],
  contracts: [],
  serviceLevels: ['providerId', 'kpiId'],
  measurements: ['providerId', 'kpiId', 'period'],
  rfpEvents: [],
  rfpSections: [],
  rfpCriteria: [],
  rfpBidders: [],
  rfpEvaluators: [],
  rfpScores: ['evaluatorId', 'bidderId', 'criterionId'],
  rfpConsensusScores: ['bidderId', 'criterionId'],
  rfpPriceBids: ['bidderId', 'round'],
  planCalendars: [],
  plans: [],
  planTasks: [],
  planDependencies: [],
  planBaselines: [],
  escalations: ['serviceLevelId', 'openedPeriod'],
  escalationEvents: [],
  providerSites: [],
  certifications: [],
  contacts: [],
  processes: [],
  risks: [],
  meetingCadences: [],
  meetings: ['cadenceId', 'date'],
  decisions: [],
  actionItems: [],
};

/** Copies the data fields of `data`, dropping sync keys and fields whose value is `undefined`. */
function dataFields(data: object): Fields {
  const fields: Fields = {};
  const source = data as Fields;
  for (const key of dataFieldNames(data)) {
    if (source[key] !== undefined) fields[key] = source[key];
  }
  return fields;
}

async function runWrite<R>(
  db: PortfolioDb,
  tables: readonly string[],
  detail: Readonly<Record<string, string>>,
  body: () => Promise<R>,
): Promise<R> {
  try {
    return await db.transaction('rw', tables, body);
  } catch (error) {
    throw toStorageFailure(error, detail);
  }
}

function notFound(table: RecordTable, id: Id): AppFailure {
  return new AppFailure({ code: 'storage.notFound', detail: { table, id } });
}

/**
 * Throws `storage.naturalKeyEdit` when `patch` gives a natural-key field a value other than the
 * stored one. A record that has no natural key before or after the patch, such as a meeting
 * without a cadence, may change those fields, because the merge does not fold it by them.
 */
function assertNaturalKeyKept(table: RecordTable, id: Id, stored: Fields, patch: Fields): void {
  if (naturalKeyParts(table, stored) === null && naturalKeyParts(table, { ...stored, ...patch }) === null) return;
  for (const field of naturalKeyFields[table]) {
    if (!Object.hasOwn(patch, field) || sameValue(stored[field], patch[field])) continue;
    throw new AppFailure({
      code: 'storage.naturalKeyEdit',
      detail: { table, id, field },
      cause: `update of ${table} ${id} would change natural-key field ${field}`,
    });
  }
}

/**
 * Inserts a new record and returns it as stored. The id is a fresh UUIDv7 unless the caller
 * passes one it issued, such as the id of a task that an edit command already names.
 */
export function insertRecord<T extends RecordTable>(
  db: PortfolioDb,
  table: T,
  data: RecordData<T>,
  context: DeviceContext,
  id: Id = uuidv7(),
): Promise<RecordTypes[T]> {
  return runWrite(db, [table, 'audit', 'meta'], { table, id }, async () => {
    const clock = context.tick();
    const fields = dataFields(data);
    const record = { ...fields, id, clock, fieldClocks: {} } as unknown as RecordTypes[T];

    const changes: Record<string, { old: unknown; new: unknown }> = {};
    for (const [field, value] of Object.entries(fields)) changes[field] = { old: null, new: value };

    await db.recordTable(table).add(record);
    await db.audit.add(recordAuditEntry(context, clock, 'insert', table, id, changes));
    await raiseVersionVector(db, clock);
    writeObservers.get(context)?.({ kind: 'insert', table, id, clock, changes });
    return record;
  });
}

/**
 * Changes the fields in `patch` whose value really differs and stamps only those with a new
 * clock. A patch that changes nothing writes nothing, adds no audit entry, and returns the
 * stored record. Rejects with `storage.notFound` when there is no record with `id`, and with
 * `storage.naturalKeyEdit` (detail: table, id, field) when the patch changes a field listed in
 * `naturalKeyFields`. A patch that repeats the stored value of such a field is accepted.
 */
export function updateRecord<T extends RecordTable>(
  db: PortfolioDb,
  table: T,
  id: Id,
  patch: RecordPatch<T>,
  context: DeviceContext,
): Promise<RecordTypes[T]> {
  return runWrite(db, [table, 'audit', 'meta'], { table, id }, async () => {
    const before = await db.recordTable(table).get(id);
    if (before === undefined) throw notFound(table, id);

    const stored = before as unknown as Fields;
    const patchFields = dataFields(patch);
    assertNaturalKeyKept(table, id, stored, patchFields);

    const changes: Record<string, { old: unknown; new: unknown }> = {};
    for (const [field, value] of Object.entries(patchFields)) {
      if (!sameValue(stored[field], value)) changes[field] = { old: stored[field] ?? null, new: value };
    }
    const changed = new Set(Object.keys(changes));
    if (changed.size === 0) return before;

    const clock = context.tick();
    const merged: Fields = { ...stored };
    for (const field of changed) merged[field] = changes[field]?.new;
    const clocks = stampFields(before, dataFieldNames(merged), withFieldGroups(table, changed), clock);
    const record = { ...merged, ...clocks, id } as unknown as RecordTypes[T];

    await db.recordTable(table).put(record);
    await db.audit.add(recordAuditEntry(context, clock, 'write', table, id, changes));
    await raiseVersionVector(db, clock);
    writeObservers.get(context)?.({ kind: 'update', table, id, clock, changes });
    return record;
  });
}

/**
 * Deletes a record and leaves a tombstone with the deletion's clock; the audit entry keeps
 * the deleted values. Rejects with `storage.notFound` when there is no record with `id`.
 */
export function deleteRecord(db: PortfolioDb, table: RecordTable, id: Id, context: DeviceContext): Promise<Tombstone> {
  return runWrite(db, [table, 'audit', 'tombstones', 'meta'], { table, id }, async () => {
    const before = await db.recordTable(table).get(id);
    if (before === undefined) throw notFound(table, id);

    const clock = context.tick();
    const changes: Record<string, { old: unknown; new: unknown }> = {};
    for (const [field, value] of Object.entries(dataFields(before))) changes[field] = { old: value, new: null };
    const tombstone: Tombstone = { id, table, clock };

    await db.recordTable(table).delete(id);
    await db.tombstones.put(tombstone);
    await db.audit.add(recordAuditEntry(context, clock, 'delete', table, id, changes));
    await raiseVersionVector(db, clock);
    const observer = writeObservers.get(context);
    if (observer === undefined) {
      for (const listener of unobservedDeleteListeners) listener(db.name);
    } else {
      observer({ kind: 'delete', table, id, clock, changes });
    }
    return tombstone;
  });
}
