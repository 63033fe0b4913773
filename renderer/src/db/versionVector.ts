/**
 * The portfolio's version vector: the highest clock this database has seen from each device. It is
 * one entry of the `meta` table, raised by every local write transaction and by every merge of a
 * full file. The merge of a scoped file stores its writes without raising it, so the database may
 * hold clocks above the vector (see `shared/sync/merge.ts`).
 */
import type { Transaction } from 'dexie';
import type { HlcString, SyncFields, Tombstone } from '@shared/domain/types';
import { AppFailure } from '@shared/errors';
import { isHlcString, parseHlc } from '@shared/sync/hlc';
import { mergeVersionVectors } from '@shared/sync/mergeVersionVector';
import type { VersionVector } from '@shared/sync/snapshot';
import { recordTables } from '@shared/sync/snapshot';
import type { PortfolioDb } from './portfolioDb';

/** Key of the version vector entry in the `meta` table. */
export const versionVectorKey = 'versionVector';

/** The `meta` entry that stores the version vector. */
export interface VersionVectorEntry {
  readonly key: typeof versionVectorKey;
  readonly value: VersionVector;
}

/** Returns the stored version vector, or an empty one when the database has no entry yet. */
export async function readVersionVector(db: PortfolioDb): Promise<VersionVector> {
  const entry = await db.meta.get(versionVectorKey);
  return entry?.value ?? {};
}

/**
 * Raises the entry of `clock`'s device to `clock` unless the stored entry is already at or above
 * it. Call it inside the write transaction that issued `clock`, with `meta` among its tables, so
 * that the vector and the records commit or roll back together.
 */
export async function raiseVersionVector(db: PortfolioDb, clock: HlcString): Promise<void> {
  const { deviceId } = parseHlc(clock);
  const vector = await readVersionVector(db);
  const current = Object.hasOwn(vector, deviceId) ? vector[deviceId] : undefined;
  if (current !== undefined && current >= clock) return;
  // fromEntries defines own properties, so a device id such as `__proto__` stays an ordinary key.
  const value: VersionVector = Object.fromEntries([...Object.entries(vector), [deviceId, clock]]);
  await db.meta.put({ key: versionVectorKey, value });
}

/**
 * Stores the element-wise maximum of the stored vector and `vector`. Call it inside a write
 * transaction with `meta` among its tables.
 */
export async function storeMergedVersionVector(db: PortfolioDb, vector: VersionVector): Promise<void> {
  const stored = await readVersionVector(db);
  await db.meta.put({ key: versionVectorKey, value: mergeVersionVectors(stored, vector) });
}

/**
 * Returns the latest clock of `vector`, or `null` for an empty vector. Throws `merge.invalidClock`
 * (detail `deviceId`, `clock`) when an entry is not a packed clock.
 */
export function latestClockOf(vector: VersionVector): HlcString | null {
  let latest: HlcString | null = null;
  for (const [deviceId, clock] of Object.entries(vector)) {
    if (!isHlcString(clock)) {
      throw new AppFailure({ code: 'merge.invalidClock', detail: { deviceId, clock } });
    }
    if (latest === null || clock > latest) latest = clock;
  }
  return latest;
}

/**
 * Builds the version vector from the clocks stored in the record tables (record and field
 * clocks) and the tombstones of an upgrade transaction, skipping tables the transaction does not
 * have yet. Reads every record once.
 * NOTE: a stored value that is not a packed clock is skipped rather than failing the upgrade.
 * Its device then has a lower entry, or none, so a later merge flags more fields as conflicts.
 */
export async function collectVersionVector(transaction: Transaction): Promise<VersionVector> {
  const highest = new Map<string, HlcString>();
  const note = (clock: unknown): void => {
    if (typeof clock !== 'string' || !isHlcString(clock)) return;
    const { deviceId } = parseHlc(clock);
    const current = highest.get(deviceId);
    if (current === undefined || clock > current) highest.set(deviceId, clock);
  };

  // An upgrade from version 1 runs this step before version 4 creates the RFP tables.
  const existing = transaction.idbtrans.objectStoreNames;
  for (const table of recordTables) {
    if (!existing.contains(table)) continue;
    await transaction.table<SyncFields>(table).each((record) => {
      note(record.clock);
      for (const clock of Object.values(record.fieldClocks)) note(clock);
    });
  }
  await transaction.table<Tombstone>('tombstones').each((tombstone) => {
    note(tombstone.clock);
  });

  const deviceIds = [...highest.keys()].sort();
  return Object.fromEntries(deviceIds.map((deviceId) => [deviceId, highest.get(deviceId) ?? '']));
}
