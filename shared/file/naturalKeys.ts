/**
 * The fold-free check of a file: no two records of one table share a natural key. The merge
 * relies on it (see `mergeSnapshots`). Every snapshot that Steerwise writes passes it, because
 * the database and the repository reject a second record with the same key, and each merge folds twins.
 */
import { AppFailure } from '../errors';
import type { RecordTable } from '../domain/types';
import { GroupIndex } from '../sync/mergeGroups';
import { keepReference, naturalKeyFields, writeNaturalKeyParts } from '../sync/mergeNaturalKeys';
import type { RecordsByTable } from '../sync/snapshot';
import { recordTables } from '../sync/snapshot';
import { recordsEntry } from './layout';

function checkTable(table: RecordTable, records: readonly { readonly id: string }[], fileName: string): void {
  const fields = naturalKeyFields[table];
  if (fields.length === 0) return;
  // Nested maps of the parts the records already hold, instead of 150,000 joined key strings.
  const firstIds = new GroupIndex<string>();
  const parts: string[] = [];
  for (const record of records) {
    if (!writeNaturalKeyParts(table, record, keepReference, parts)) continue;
    const first = firstIds.find(parts);
    if (first === undefined) {
      firstIds.add(parts, record.id);
      continue;
    }
    const firstId = first.first;
    throw new AppFailure({
      code: 'portfolioFile.duplicateNaturalKey',
      detail: {
        file: fileName,
        entry: recordsEntry(table),
        table,
        recordId: firstId,
        otherRecordId: record.id,
        key: fields.map((field, index) => `${field} ${parts[index] ?? ''}`).join(', '),
      },
    });
  }
}

/**
 * Throws `AppFailure` with `portfolioFile.duplicateNaturalKey` when two records of one table
 * have the same natural key, naming the table, both ids and the key's fields and values.
 */
export function checkNaturalKeys(records: RecordsByTable, fileName: string): void {
  for (const table of recordTables) checkTable(table, records[table], fileName);
}
