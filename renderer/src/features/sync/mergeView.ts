/**
 * Pure view model of a merge preview's details. It lists the field conflicts with both values and
 * their change times, and the records deleted on one side while edited on the other. It also
 * carries the clock skew warning and whether applying the merge would write anything.
 */
import type { HlcString, RecordTable } from '@shared/domain/types';
import { sameValue } from '@shared/sync/fieldClocks';
import { sameData } from '@shared/sync/mergeFields';
import type { AnyRecord } from '@shared/sync/mergeFields';
import { parseHlc } from '@shared/sync/hlc';
import type { FieldConflict, MergeResult, MergeSide } from '@shared/sync/mergeTypes';
import { recordTables } from '@shared/sync/snapshot';
import type { PortfolioSnapshot } from '@shared/sync/snapshot';
import { createRecordLookup, recordLabelOf, referencedTableOf } from './recordLabels';
import type { RecordLabel, RecordLookup } from './recordLabels';
import { fieldsWrittenWith } from '@shared/domain/fieldGroups';
import { labelledValueViewOf } from './valueLabels';
import type { LabelledValueView } from './valueLabels';

/** A field value as the conflict list shows it; a reference field shows the referenced record. */
export type FieldValueView =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  /** An amount in minor units of an ISO 4217 currency, from a field whose name ends in `Minor`. */
  | { readonly kind: 'money'; readonly minor: number; readonly currency: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'record'; readonly label: RecordLabel }
  | LabelledValueView;

/** Device and time of one side's write, read from the clock of that write. */
export interface ChangeOrigin {
  /** Wall time of the clock, in ms since the Unix epoch. */
  readonly changedAtMs: number;
  readonly deviceId: string;
  /** Whether this computer wrote it. */
  readonly byThisDevice: boolean;
}

export interface ConflictSideView extends ChangeOrigin {
  readonly value: FieldValueView;
}

export interface ConflictRow {
  /** Table, record id and field; unique within one preview. */
  readonly key: string;
  readonly table: RecordTable;
  readonly recordId: string;
  readonly record: RecordLabel;
  readonly field: string;
  readonly local: ConflictSideView;
  readonly remote: ConflictSideView;
  /** Side whose value the merge keeps unless the user chooses the other one. */
  readonly winner: MergeSide;
}

export interface DeletedEditRow {
  /** Table and record id; unique within one preview. */
  readonly key: string;
  readonly table: RecordTable;
  readonly record: RecordLabel;
  readonly deletedOn: MergeSide;
  readonly deletion: ChangeOrigin;
  /** Latest of the edits that the deletion discards. */
  readonly edit: ChangeOrigin;
}

export interface ClockSkewNotice {
  /** Largest distance of a file clock ahead of this computer's time, in ms. */
  readonly aheadMs: number;
  /** Devices that issued the clocks ahead, sorted. */
  readonly deviceIds: readonly string[];
}

/**
 * Effect of Apply: record changes (or conflict choices) to write, only merge history to write
 * (such as tombstones of records this portfolio never had), or nothing at all.
 */
export type MergeOutcome = 'changes' | 'historyOnly' | 'nothingToApply';

/** Records that the merge adds to, changes in or deletes from one table, named as the preview shows them. */
export interface TableRecordChanges {
  readonly table: RecordTable;
  readonly added: readonly RecordLabel[];
  readonly changed: readonly RecordLabel[];
  /** Includes local records folded into a record of the file by natural key, as `tableCountRows` counts them. */
  readonly deleted: readonly RecordLabel[];
}

export interface MergeView {
  readonly outcome: MergeOutcome;
  /** Tables with at least one added, changed or deleted record, in table order. */
  readonly recordChanges: readonly TableRecordChanges[];
  readonly conflicts: readonly ConflictRow[];
  readonly deletedEdits: readonly DeletedEditRow[];
  /** `null` when no clock of the file is further ahead of this computer's time than the merge allows. */
  readonly clockSkew: ClockSkewNotice | null;
}

/** Returns the key that identifies a conflict across two computations of the same merge. */
export function conflictKeyOf(conflict: Pick<FieldConflict, 'table' | 'recordId' | 'field'>): string {
  return `${conflict.table}/${conflict.recordId}/${conflict.field}`;
}

/**
 * Returns the view of a field value: empty for `null`, `undefined`, `''` and `[]`. `currency` is
 * the record's currency, which turns an amount field (name ending in `Minor`) into money.
 * `table` is the record's table, which names the labels of enum values such as a risk's status.
 */
export function fieldValueViewOf(
  lookup: RecordLookup,
  field: string,
  value: unknown,
  currency: string | null = null,
  table: RecordTable | null = null,
): FieldValueView {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (Array.isArray(value) && value.length === 0) return { kind: 'empty' };
  const labelled = labelledValueViewOf(table, field, value);
  if (labelled !== null) return labelled;
  if (typeof value === 'number') {
    return field.endsWith('Minor') && currency !== null ? { kind: 'money', minor: value, currency } : { kind: 'number', value };
  }
  if (typeof value === 'string') {
    const table = referencedTableOf(field);
    return table === null ? { kind: 'text', text: value } : { kind: 'record', label: recordLabelOf(lookup, table, value) };
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'empty' };
    return { kind: 'list', items: value.map((item: unknown) => (typeof item === 'string' ? item : JSON.stringify(item))) };
  }
  return { kind: 'text', text: JSON.stringify(value) };
}

function originOf(clock: HlcString, thisDeviceId: string): ChangeOrigin {
  const { wallMs, deviceId } = parseHlc(clock);
  return { changedAtMs: wallMs, deviceId, byThisDevice: deviceId === thisDeviceId };
}

/** Builds the conflict rows in the preview's order, naming records from `lookup`. */
export function conflictRowsOf(conflicts: readonly FieldConflict[], lookup: RecordLookup, thisDeviceId: string): ConflictRow[] {
  return conflicts.map((conflict) => {
    const currency = currencyOf(lookup, conflict.table, conflict.recordId);
    const valueOf = (value: unknown) => fieldValueViewOf(lookup, conflict.field, value, currency, conflict.table);
    return {
      key: conflictKeyOf(conflict),
      table: conflict.table,
      recordId: conflict.recordId,
      record: recordLabelOf(lookup, conflict.table, conflict.recordId),
      field: conflict.field,
      local: { value: valueOf(conflict.local.value), ...originOf(conflict.local.clock, thisDeviceId) },
      remote: { value: valueOf(conflict.remote.value), ...originOf(conflict.remote.clock, thisDeviceId) },
      winner: conflict.winner,
    };
  });
}

/** Returns the `currency` field of a record, or `null` when it has none. */
function currencyOf(lookup: RecordLookup, table: RecordTable, recordId: string): string | null {
  const record = lookup.find(table, recordId) as Readonly<Record<string, unknown>> | undefined;
  return typeof record?.currency === 'string' ? record.currency : null;
}

/** Returns whether applying `merge` would write anything to the local database. */
export function mergeOutcomeOf(merge: MergeResult): MergeOutcome {
  const { preview, delta } = merge;
  if (preview.conflicts.length > 0) return 'changes';
  const counted = recordTables.some((table) => {
    const counts = preview.tables[table];
    return counts.added + counts.changed + counts.deleted + counts.mergedByNaturalKey > 0;
  });
  if (counted) return 'changes';
  const written =
    delta.tombstones.length > 0 || recordTables.some((table) => delta.tables[table].put.length + delta.tables[table].delete.length > 0);
  return written ? 'historyOnly' : 'nothingToApply';
}

/**
 * Names the records that `merge` writes to each table. A written record without a local copy is
 * added, and one whose data fields differ from its local copy is changed. A record whose clocks
 * alone differ is merge history and is not listed.
 * NOTE: a file record that replaces a local one with the same natural key is listed as added,
 * while the merge counts it as changed, so such a list can differ from the count by one entry
 * per fold.
 */
export function recordChangesOf(merge: MergeResult, local: PortfolioSnapshot, lookup: RecordLookup): TableRecordChanges[] {
  const changes: TableRecordChanges[] = [];
  for (const table of recordTables) {
    const localById = new Map<string, AnyRecord>(
      (local.records[table] as unknown as readonly AnyRecord[]).map((record) => [record.id, record]),
    );
    const added: RecordLabel[] = [];
    const changed: RecordLabel[] = [];
    for (const record of merge.delta.tables[table].put as unknown as readonly AnyRecord[]) {
      const { id } = record;
      const localCopy = localById.get(id);
      if (localCopy === undefined) added.push(recordLabelOf(lookup, table, id));
      else if (!sameData(localCopy, record)) changed.push(recordLabelOf(lookup, table, id));
    }
    const deleted = merge.delta.tables[table].delete.map((id) => recordLabelOf(lookup, table, id));
    if (added.length + changed.length + deleted.length > 0) changes.push({ table, added, changed, deleted });
  }
  return changes;
}

/**
 * Builds the view of a merge of `remote` (the opened file) into `local`. `thisDeviceId` is this
 * computer's device id, so that changes made here are named as such.
 */
export function mergeViewOf(merge: MergeResult, local: PortfolioSnapshot, remote: PortfolioSnapshot, thisDeviceId: string): MergeView {
  // Records are named as this laptop shows them now. The merged snapshot names records the file
  // adds, and the file names records that this laptop deleted while the file changed them.
  const lookup = createRecordLookup([local, merge.snapshot, remote]);
  const { preview } = merge;
  const deletedEdits = preview.deletedEdits.map((entry): DeletedEditRow => ({
    key: `${entry.table}/${entry.recordId}`,
    table: entry.table,
    record: recordLabelOf(lookup, entry.table, entry.recordId),
    deletedOn: entry.deletedOn,
    deletion: originOf(entry.deletionClock, thisDeviceId),
    edit: originOf(entry.editClock, thisDeviceId),
  }));
  const clockSkew =
    preview.clockSkew.aheadCount > 0 ? { aheadMs: preview.clockSkew.maxAheadMs, deviceIds: preview.clockSkew.deviceIds } : null;

  return {
    outcome: mergeOutcomeOf(merge),
    recordChanges: recordChangesOf(merge, local, lookup),
    conflicts: conflictRowsOf(preview.conflicts, lookup, thisDeviceId),
    deletedEdits,
    clockSkew,
  };
}

/**
 * Finds the conflicts that the user chose in an earlier preview among the conflicts of the merge
 * computed again at Apply. Returns `null` when a chosen conflict is gone or either of its values
 * or its winner differs, because the choice was made on values that no longer compete.
 */
export function matchChosenConflicts(chosen: readonly FieldConflict[], current: readonly FieldConflict[]): FieldConflict[] | null {
  const byKey = new Map<string, FieldConflict>(current.map((conflict) => [conflictKeyOf(conflict), conflict]));
  const matched: FieldConflict[] = [];
  for (const choice of chosen) {
    const now = byKey.get(conflictKeyOf(choice));
    if (now === undefined) return null;
    const same =
      now.winner === choice.winner && sameValue(now.local.value, choice.local.value) && sameValue(now.remote.value, choice.remote.value);
    if (!same) return null;
    matched.push(now);
  }
  return matched;
}

/**
 * Returns the keys of the conflicts that a choice on the conflict `key` covers: the conflicts of
 * the same record whose fields are written together with its field (`fieldGroups.ts`), `key`
 * included. Keeping the other numerator alone would store a ratio that no reading gave.
 */
export function keysChosenTogether(rows: readonly ConflictRow[], key: string): string[] {
  const chosen = rows.find((row) => row.key === key);
  if (chosen === undefined) return [key];
  const group = fieldsWrittenWith(chosen.table, chosen.field);
  return rows
    .filter((row) => row.table === chosen.table && row.recordId === chosen.recordId && group.includes(row.field))
    .map((row) => row.key);
}

/** Returns the keys of the conflicts to mark "Keep the other value" so that every conflict keeps `side`'s value. */
export function keysKeepingSide(rows: readonly ConflictRow[], side: MergeSide): Set<string> {
  return new Set(rows.filter((row) => row.winner !== side).map((row) => row.key));
}

/** Returns the conflicts of `conflicts` whose keys are in `chosenKeys`, in their order. */
export function chosenConflictsOf(conflicts: readonly FieldConflict[], chosenKeys: ReadonlySet<string>): FieldConflict[] {
  return conflicts.filter((conflict) => chosenKeys.has(conflictKeyOf(conflict)));
}

const msPerMinute = 60_000;
const msPerHour = 60 * msPerMinute;

/**
 * Splits a duration into the unit the clock warning names: minutes below 90 minutes, hours below
 * 36 hours, days above. The amount is rounded to the nearest whole unit and is at least 1.
 */
export function aheadDurationOf(ms: number): { readonly unit: 'minute' | 'hour' | 'day'; readonly amount: number } {
  if (ms < 90 * msPerMinute) return { unit: 'minute', amount: Math.max(1, Math.round(ms / msPerMinute)) };
  if (ms < 36 * msPerHour) return { unit: 'hour', amount: Math.round(ms / msPerHour) };
  return { unit: 'day', amount: Math.round(ms / (24 * msPerHour)) };
}

/** Formats a duration for the clock warning in `locale`, such as `3 hours` in English. */
export function formatAheadDuration(ms: number, locale: string): string {
  const { unit, amount } = aheadDurationOf(ms);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}

/** Formats a change time as date and time with seconds, in `timeZone` or the computer's own. */
export function formatChangeTime(ms: number, locale: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };
  if (timeZone !== undefined) options.timeZone = timeZone;
  return new Intl.DateTimeFormat(locale, options).format(ms);
}
