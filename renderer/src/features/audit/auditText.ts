/**
 * Texts of audit entries: the changed fields with old and new values, worded and formatted as the
 * sync preview words them, and the name of the record an entry is about.
 */
import type { TFunction } from 'i18next';
import type { AuditEntry, RecordTable } from '@shared/domain/types';
import { fieldValueViewOf } from '../sync/mergeView';
import { recordLabelOf } from '../sync/recordLabels';
import type { RecordLookup } from '../sync/recordLabels';
import { describeField, describeRecord, describeValue } from '../sync/recordText';
import type { TextFormat } from '../sync/recordText';

/** One changed field of an audit entry, as shown to the user. */
export interface AuditChangeText {
  readonly field: string;
  readonly label: string;
  readonly oldValue: string;
  readonly newValue: string;
}

/**
 * Returns the currency of amounts in a record's fields: the record's own `currency`, or the one
 * the entry itself set, so that an amount field (name ending in `Minor`) shows as money.
 */
function currencyOf(entry: AuditEntry, lookup: RecordLookup): string | null {
  const written = entry.changes.currency?.new ?? entry.changes.currency?.old;
  if (typeof written === 'string') return written;
  if (entry.table === null || entry.recordId === null) return null;
  const record: unknown = lookup.find(entry.table, entry.recordId);
  if (typeof record === 'object' && record !== null && 'currency' in record && typeof record.currency === 'string') return record.currency;
  return null;
}

/** Lists the changed fields of `entry` in the order they were recorded, with translated labels and formatted values. */
export function auditChangeTexts(t: TFunction, entry: AuditEntry, lookup: RecordLookup, format: TextFormat): AuditChangeText[] {
  const currency = currencyOf(entry, lookup);
  return Object.entries(entry.changes).map(([field, change]) => ({
    field,
    label: describeField(t, field),
    oldValue: describeValue(t, fieldValueViewOf(lookup, field, change.old, currency), format),
    newValue: describeValue(t, fieldValueViewOf(lookup, field, change.new, currency), format),
  }));
}

/**
 * Returns the name of the record an entry is about, such as a provider's name and code. A
 * deleted record is no longer in the database, so its old `name` or `title` from the deletion's
 * changes names it. Without either, the table and id show.
 */
export function auditRecordName(t: TFunction, entry: AuditEntry, lookup: RecordLookup, format: TextFormat): string | null {
  if (entry.table === null || entry.recordId === null) return null;
  const table: RecordTable = entry.table;
  const label = recordLabelOf(lookup, table, entry.recordId);
  if (label.kind !== 'missing') return describeRecord(t, label, format);

  const oldName = entry.changes.name?.old ?? entry.changes.title?.old;
  if (typeof oldName === 'string' && oldName !== '') return t('audit.deletedRecord', { table: t(`sync.tables.${table}`), name: oldName });
  return describeRecord(t, label, format);
}

/** Reads every record that `auditChangeTexts` and `auditRecordName` need for `entries` from `lookup`. */
export function touchAuditRecords(entries: readonly AuditEntry[], lookup: RecordLookup): void {
  for (const entry of entries) {
    if (entry.table === null || entry.recordId === null) continue;
    recordLabelOf(lookup, entry.table, entry.recordId);
    lookup.find(entry.table, entry.recordId);
    for (const [field, change] of Object.entries(entry.changes)) {
      fieldValueViewOf(lookup, field, change.old);
      fieldValueViewOf(lookup, field, change.new);
    }
  }
}
