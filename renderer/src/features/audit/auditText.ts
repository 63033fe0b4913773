/**
 * Texts of audit entries: the changed fields with old and new values, worded and formatted as the
 * sync preview words them, and the name of the record an entry is about.
 */
import type { TFunction } from 'i18next';
import type { AuditEntry, Id, RecordTable, RecordTypes } from '@shared/domain/types';
import { fieldValueViewOf } from '../sync/mergeView';
import type { FieldValueView } from '../sync/mergeView';
import { recordLabelOf } from '../sync/recordLabels';
import type { RecordLookup } from '../sync/recordLabels';
import { describeAgenda, describeField, describeRecord, describeValue } from '../sync/recordText';
import type { TextFormat } from '../sync/recordText';
import { agendaDifference, agendaItemsOfView } from '../sync/valueLabels';

/** One changed field of an audit entry, as shown to the user. */
export interface AuditChangeText {
  readonly field: string;
  readonly label: string;
  readonly oldValue: string;
  readonly newValue: string;
  /** For a list such as a meeting agenda, the items added and removed, or `null`. */
  readonly difference: string | null;
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

function isEmptyView(view: FieldValueView): boolean {
  return view.kind === 'empty';
}

/**
 * Lists the changed fields of `entry` in the order they were recorded, with translated labels and
 * formatted values. A field that is empty before and after is left out. So is an empty field of an
 * added record (kind `insert`) or a deleted one (kind `delete`), whose entries list every field.
 */
export function auditChangeTexts(t: TFunction, entry: AuditEntry, lookup: RecordLookup, format: TextFormat): AuditChangeText[] {
  const currency = currencyOf(entry, lookup);
  const texts: AuditChangeText[] = [];
  for (const [field, change] of Object.entries(entry.changes)) {
    const oldView = fieldValueViewOf(lookup, field, change.old, currency, entry.table);
    const newView = fieldValueViewOf(lookup, field, change.new, currency, entry.table);
    const shownView = entry.kind === 'delete' ? oldView : newView;
    if (isEmptyView(oldView) && isEmptyView(newView)) continue;
    if ((entry.kind === 'insert' || entry.kind === 'delete') && isEmptyView(shownView)) continue;
    texts.push({
      field,
      label: describeField(t, field),
      oldValue: describeValue(t, oldView, format),
      newValue: describeValue(t, newView, format),
      difference: agendaDifferenceText(t, oldView, newView, format),
    });
  }
  return texts;
}

/** Words the agenda items an edit added and removed, or returns `null` when either value is no agenda or nothing moved. */
function agendaDifferenceText(t: TFunction, oldView: FieldValueView, newView: FieldValueView, format: TextFormat): string | null {
  const before = agendaItemsOfView(oldView);
  const after = agendaItemsOfView(newView);
  if (before === null || after === null || (oldView.kind !== 'agenda' && newView.kind !== 'agenda')) return null;
  const { added, removed } = agendaDifference(before, after);
  const parts: string[] = [];
  if (added.length > 0) parts.push(t('sync.values.agendaAdded', { items: describeAgenda(t, added, format) }));
  if (removed.length > 0) parts.push(t('sync.values.agendaRemoved', { items: describeAgenda(t, removed, format) }));
  return parts.length === 0 ? null : parts.join(' ');
}

/**
 * Returns the name of the record an entry is about, such as a provider's name and code, without
 * its table, which the caller shows. A deleted record is no longer in the database, so the old
 * values in the deletion's changes name it, followed by "(deleted)".
 */
export function auditRecordName(t: TFunction, entry: AuditEntry, lookup: RecordLookup, format: TextFormat): string | null {
  if (entry.table === null || entry.recordId === null) return null;
  const table: RecordTable = entry.table;
  const label = recordLabelOf(lookup, table, entry.recordId);
  if (label.kind !== 'missing') return describeRecord(t, label, format);

  const oldRecord = oldRecordOf(entry);
  if (oldRecord === null) return describeRecord(t, label, format);
  const deletedLabel = recordLabelOf(withRecord(lookup, table, oldRecord), table, entry.recordId);
  if (deletedLabel.kind === 'missing') return describeRecord(t, label, format);
  return t('audit.deletedRecord', { name: describeRecord(t, deletedLabel, format) });
}

/** Rebuilds a deleted record from the old values of its deletion entry, or returns `null` for any other entry. */
function oldRecordOf(entry: AuditEntry): Readonly<Record<string, unknown>> | null {
  if (entry.kind !== 'delete' || entry.recordId === null) return null;
  const record: Record<string, unknown> = { id: entry.recordId };
  for (const [field, change] of Object.entries(entry.changes)) record[field] = change.old;
  return record;
}

/** Returns a lookup that finds `record` in `table` and every other record in `lookup`. */
function withRecord(lookup: RecordLookup, table: RecordTable, record: Readonly<Record<string, unknown>>): RecordLookup {
  return {
    find<T extends RecordTable>(wanted: T, id: Id): RecordTypes[T] | undefined {
      if (wanted === table && id === record.id) return record as unknown as RecordTypes[T];
      return lookup.find(wanted, id);
    },
  };
}

/** Reads every record that `auditChangeTexts` and `auditRecordName` need for `entries` from `lookup`. */
export function touchAuditRecords(entries: readonly AuditEntry[], lookup: RecordLookup): void {
  for (const entry of entries) {
    if (entry.table === null || entry.recordId === null) continue;
    recordLabelOf(lookup, entry.table, entry.recordId);
    lookup.find(entry.table, entry.recordId);
    // A deleted record's label refers to records such as its provider, which are read too.
    const oldRecord = oldRecordOf(entry);
    if (oldRecord !== null) recordLabelOf(withRecord(lookup, entry.table, oldRecord), entry.table, entry.recordId);
    for (const [field, change] of Object.entries(entry.changes)) {
      fieldValueViewOf(lookup, field, change.old, null, entry.table);
      fieldValueViewOf(lookup, field, change.new, null, entry.table);
    }
  }
}

/**
 * Returns "Imported from <file> on <date>" for the entry of one record an import wrote, or
 * `null` for any other entry. The date is the import's day on this computer's clock.
 */
export function importedFromText(t: TFunction, entry: AuditEntry, format: TextFormat): string | null {
  if (entry.kind !== 'import' || entry.table === null || entry.importSummary === null) return null;
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
  if (format.timeZone !== undefined) options.timeZone = format.timeZone;
  const date = new Intl.DateTimeFormat(format.locale, options).format(Date.parse(entry.at));
  return t('audit.importedFrom', { file: entry.importSummary.fileName, date });
}
