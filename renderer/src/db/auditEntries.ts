/**
 * Builders of audit entries: one per record write or deletion, and for an import one for the
 * file plus one per provider, contract or KPI it adds or changes. Measurements are many, and
 * they and the default service levels an import adds get no entry of their own.
 */
import { v7 as uuidv7 } from 'uuid';
import type { AuditEntry, HlcString, Id, ImportSummary, RecordTable } from '@shared/domain/types';
import type { DeviceContext } from './clockStore';

/** Old and new value of each changed field; a new record has `old: null`, a deleted one `new: null`. */
export type FieldChanges = AuditEntry['changes'];

export function recordAuditEntry(
  context: DeviceContext,
  clock: HlcString,
  kind: 'insert' | 'write' | 'delete',
  table: RecordTable,
  recordId: Id,
  changes: FieldChanges,
): AuditEntry {
  return {
    id: uuidv7(),
    at: context.now(),
    clock,
    deviceId: context.deviceId,
    user: context.user,
    kind,
    table,
    recordId,
    changes,
    importSummary: null,
  };
}

export function importAuditEntry(context: DeviceContext, clock: HlcString, summary: ImportSummary): AuditEntry {
  return {
    id: uuidv7(),
    at: context.now(),
    clock,
    deviceId: context.deviceId,
    user: context.user,
    kind: 'import',
    table: null,
    recordId: null,
    changes: {},
    importSummary: summary,
  };
}

/**
 * Builds the entry of one record an import added or changed. It carries the import's summary, so
 * the record's history names the file, and the fields the import set with their old values.
 */
export function importedRecordAuditEntry(
  context: DeviceContext,
  clock: HlcString,
  summary: ImportSummary,
  table: RecordTable,
  recordId: Id,
  changes: FieldChanges,
): AuditEntry {
  return { ...importAuditEntry(context, clock, summary), table, recordId, changes };
}

/** Builds the entries of the records in `imported`, all of `table`. */
export function importedRecordAuditEntries(
  context: DeviceContext,
  clock: HlcString,
  summary: ImportSummary,
  table: RecordTable,
  imported: readonly { readonly record: { readonly id: Id }; readonly changes: FieldChanges }[],
): AuditEntry[] {
  return imported.map((entry) => importedRecordAuditEntry(context, clock, summary, table, entry.record.id, entry.changes));
}
