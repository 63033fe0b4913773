/**
 * Schema version 9 gives record insertions their own audit kind, `insert`. Before it, an
 * insertion was stored as a `write` whose every old value is `null`, and the History showed it
 * as a change.
 */
import type { Transaction } from 'dexie';
import type { AuditEntry, HlcString, Id } from '@shared/domain/types';

/** Checks that every field in `entry` was empty before it, as in an insertion. */
function setsEmptyFieldsOnly(entry: AuditEntry): boolean {
  return Object.values(entry.changes).every((change) => change.old === null);
}

/**
 * Retags as `insert` each `write` entry stored before schema version 9 that inserted its record.
 * Such an entry is the record's earliest entry on this laptop and has only `null` old values. A
 * record that arrived by a merge can have a first local edit of the same shape. That record keeps
 * a field clock older than the edit, so its record clock is earlier than the entry's, and the
 * entry stays a `write`. A deleted record has no clocks left to compare, so its earliest such
 * entry counts as its insertion.
 */
export async function tagAuditInsertions(transaction: Transaction): Promise<void> {
  const audit = transaction.table<AuditEntry, Id>('audit');
  const earliest = new Map<Id, AuditEntry>();
  await audit.each((entry) => {
    if (entry.recordId === null) return;
    const known = earliest.get(entry.recordId);
    if (known === undefined || entry.clock < known.clock) earliest.set(entry.recordId, entry);
  });

  const insertions: Id[] = [];
  for (const entry of earliest.values()) {
    if (entry.kind !== 'write' || entry.table === null || entry.recordId === null || !setsEmptyFieldsOnly(entry)) continue;
    const record = await transaction.table<{ readonly clock: HlcString }, Id>(entry.table).get(entry.recordId);
    if (record !== undefined && record.clock < entry.clock) continue;
    insertions.push(entry.id);
  }
  await audit
    .where('id')
    .anyOf(insertions)
    .modify((entry: { kind: AuditEntry['kind'] }) => {
      entry.kind = 'insert';
    });
}
