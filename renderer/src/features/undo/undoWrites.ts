/**
 * Reverting one undoable edit: the record writes it made, collapsed per record, written back as
 * new changes through the repository so that the undo merges like any other edit.
 */
import { AppFailure } from '@shared/errors';
import type { HlcString, Id, RecordTable } from '@shared/domain/types';
import type { DeviceContext } from '../../db/clockStore';
import type { PortfolioDb, RecordTypes } from '../../db/portfolioDb';
import { deleteRecord, observedContext, updateRecord } from '../../db/repository';
import type { ObservedWrite, RecordPatch } from '../../db/repository';
import { toStorageFailure } from '../../db/storageErrors';

/** Restore plan of one record for undoing an edit. */
export interface RecordRevert {
  readonly table: RecordTable;
  readonly id: Id;
  /** Whether the edit created the record, so that undo deletes it. */
  readonly created: boolean;
  /** Value of each changed field before the edit; empty when `created`. */
  readonly before: Readonly<Record<string, unknown>>;
  /** Clock of the edit's last write to the record; a later clock on the record means it changed since. */
  readonly lastClock: HlcString;
}

/**
 * Result of an undo: done, or rejected because a record changed or was deleted since the edit.
 * `clocks` are those of the undone edit's writes and of the undo's own writes: neither counts as
 * a change made since an earlier edit, so the next undo passes them as `undoClocks`.
 */
export type UndoOutcome =
  | { readonly kind: 'undone'; readonly clocks: readonly HlcString[] }
  | { readonly kind: 'changedSince'; readonly table: RecordTable; readonly id: Id }
  | { readonly kind: 'deletedSince'; readonly table: RecordTable; readonly id: Id };

/**
 * Collapses the writes of one edit into one revert per record, in the order the records were
 * first written. A field written twice keeps the value it had before the first write.
 */
export function revertsOf(writes: readonly ObservedWrite[]): RecordRevert[] {
  const reverts = new Map<
    string,
    { table: RecordTable; id: Id; created: boolean; before: Record<string, unknown>; lastClock: HlcString }
  >();
  for (const write of writes) {
    const key = `${write.table}\u001f${write.id}`;
    let revert = reverts.get(key);
    if (revert === undefined) {
      revert = { table: write.table, id: write.id, created: write.kind === 'insert', before: {}, lastClock: write.clock };
      reverts.set(key, revert);
    }
    revert.lastClock = write.clock;
    if (revert.created) continue;
    for (const [field, change] of Object.entries(write.changes)) {
      if (!Object.hasOwn(revert.before, field)) revert.before[field] = change.old;
    }
  }
  return [...reverts.values()];
}

/**
 * Returns whether anything but this edit and earlier undos wrote the record after `revert`: a
 * field clock later than the edit's (an import or a merge stamps those), or an audit entry of a
 * later write (another edit, even when a later undo wrote the field again since).
 */
async function changedSince(
  db: PortfolioDb,
  revert: RecordRevert,
  stored: { readonly clock: HlcString; readonly fieldClocks: Readonly<Record<string, HlcString>> },
  undoClocks: ReadonlySet<HlcString>,
): Promise<boolean> {
  const foreign = (clock: HlcString) => clock > revert.lastClock && !undoClocks.has(clock);
  if (foreign(stored.clock) || Object.values(stored.fieldClocks).some(foreign)) return true;
  const entries = await db.audit.where('recordId').equals(revert.id).toArray();
  return entries.some((entry) => entry.table === revert.table && foreign(entry.clock));
}

/** Writes `before` back over the record's fields; they came from the record's own audit changes. */
function restoreFields<T extends RecordTable>(
  db: PortfolioDb,
  table: T,
  id: Id,
  before: Readonly<Record<string, unknown>>,
  context: DeviceContext,
): Promise<RecordTypes[T]> {
  return updateRecord(db, table, id, before as RecordPatch<T>, context);
}

/** Returns whether an edit contains a deletion, which undo does not restore (see docs/undo.md). */
export function hasDeletion(writes: readonly ObservedWrite[]): boolean {
  return writes.some((write) => write.kind === 'delete');
}

/**
 * Undoes an edit in one transaction: a record the edit created is deleted, and every other
 * record gets its former field values back through `updateRecord`. Nothing is written when any
 * record was deleted since the edit, or was written since by anything but the edits and undos
 * whose clocks are in `undoClocks` (by another edit, an import or a merge); the outcome then
 * names that record.
 * Rejects with an `AppFailure` when the writes contain a deletion or storage fails.
 * NOTE: undoing a creation deletes that record only; records added since that refer to it are
 * not checked, so the forms that adopt undo for creations must not offer it once others refer to the record.
 */
export async function undoWrites(
  db: PortfolioDb,
  writes: readonly ObservedWrite[],
  context: DeviceContext,
  undoClocks: ReadonlySet<HlcString> = new Set(),
): Promise<UndoOutcome> {
  if (hasDeletion(writes)) {
    throw new AppFailure({ code: 'unexpected', detail: {}, cause: 'an edit with a deletion was offered for undo' });
  }
  const reverts = revertsOf(writes);
  const tables = [...new Set(reverts.map((revert) => revert.table)), 'audit', 'tombstones', 'meta'];
  try {
    return await db.transaction('rw', tables, async () => {
      for (const revert of reverts) {
        const stored = await db.recordTable(revert.table).get(revert.id);
        if (stored === undefined) return { kind: 'deletedSince', table: revert.table, id: revert.id } as const;
        if (await changedSince(db, revert, stored, undoClocks))
          return { kind: 'changedSince', table: revert.table, id: revert.id } as const;
      }
      const clocks: HlcString[] = [];
      const observed = observedContext(context, (write) => {
        clocks.push(write.clock);
      });
      // Later writes first, so a record the edit created is deleted after the records that refer to it are restored.
      for (const revert of [...reverts].reverse()) {
        if (revert.created) await deleteRecord(db, revert.table, revert.id, observed);
        else await restoreFields(db, revert.table, revert.id, revert.before, observed);
      }
      clocks.push(...writes.map((write) => write.clock));
      return { kind: 'undone', clocks } as const;
    });
  } catch (error) {
    throw toStorageFailure(error, {});
  }
}
