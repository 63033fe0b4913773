/**
 * In-memory diff of an import against stored records: which records to add, which to change
 * (with clocks stamped only on changed fields), and which are unchanged and must not be touched.
 */
import { v7 as uuidv7 } from 'uuid';
import type { HlcString, KpiDefinition, KpiDefinitionData, SyncFields } from '@shared/domain/types';
import { changedFieldNames, dataFieldNames, stampFields } from '@shared/sync/fieldClocks';
import type { FieldChanges } from './auditEntries';

export type Outcome = 'added' | 'changed' | 'unchanged';

/** Issues the import's clock; the first call ticks the session clock, later calls return the same value. */
export type StampClock = () => HlcString;

export interface Upserted<R> {
  readonly record: R;
  readonly outcome: Outcome;
  /** Old and new value of each field the import sets, as the record's audit entry keeps them; absent when not tracked. */
  readonly changes?: FieldChanges;
}

/** A record that an import adds or changes, with the fields it sets. */
export interface ImportedRecord<R> {
  readonly record: R;
  readonly outcome: 'added' | 'changed';
  readonly changes: FieldChanges;
}

/**
 * Counts of one table's outcomes, and the records to write (added and changed ones). Records
 * whose result carries `changes` are also listed in `imported`, for the import review and for
 * one audit entry per record. Bulk tables such as measurements leave `changes` out.
 */
export class TableChanges<R> {
  readonly writes: R[] = [];
  readonly imported: ImportedRecord<R>[] = [];
  added = 0;
  changed = 0;
  unchanged = 0;

  record(result: Upserted<R>): R {
    if (result.outcome === 'unchanged') {
      this.unchanged += 1;
      return result.record;
    }
    this.writes.push(result.record);
    if (result.outcome === 'added') this.added += 1;
    else this.changed += 1;
    if (result.changes !== undefined) this.imported.push({ record: result.record, outcome: result.outcome, changes: result.changes });
    return result.record;
  }
}

/**
 * Builds the record that `data` makes of `stored`: a new record when nothing is stored, the
 * stored record itself when no field differs, else the merged record with the changed fields
 * stamped.
 */
export function upsertRecord<R extends SyncFields>(stored: R | undefined, data: Omit<R, keyof SyncFields>, stamp: StampClock): Upserted<R> {
  if (stored === undefined) {
    const record = { ...data, id: uuidv7(), clock: stamp(), fieldClocks: {} } as unknown as R;
    const fields = data as Readonly<Record<string, unknown>>;
    const changes: Record<string, { old: unknown; new: unknown }> = {};
    for (const field of dataFieldNames(data)) {
      if (fields[field] !== undefined) changes[field] = { old: null, new: fields[field] };
    }
    return { record, outcome: 'added', changes };
  }

  const merged = { ...stored, ...data };
  const changed = changedFieldNames(stored, merged);
  if (changed.size === 0) return { record: stored, outcome: 'unchanged' };

  const before = stored as unknown as Readonly<Record<string, unknown>>;
  const after = merged as unknown as Readonly<Record<string, unknown>>;
  const changes: Record<string, { old: unknown; new: unknown }> = {};
  for (const field of changed) changes[field] = { old: before[field] ?? null, new: after[field] ?? null };
  const clocks = stampFields(stored, dataFieldNames(merged), changed, stamp());
  const record = { ...merged, ...clocks, id: stored.id };
  return { record, outcome: 'changed', changes };
}

/** Copies exactly the fields of a KPI definition, so stray keys in a plan are not stored. */
function kpiData(kpi: KpiDefinitionData): KpiDefinitionData {
  return {
    key: kpi.key,
    name: kpi.name,
    description: kpi.description,
    unit: kpi.unit,
    direction: kpi.direction,
    kind: kpi.kind,
    aggregation: kpi.aggregation,
  };
}

/** Upserts the planned KPIs by `key` and returns the id of every KPI known after the import, by key. */
export function upsertKpis(
  stored: readonly KpiDefinition[],
  planned: readonly KpiDefinitionData[],
  stamp: StampClock,
  changes: TableChanges<KpiDefinition>,
): Map<string, string> {
  const byKey = new Map(stored.map((kpi) => [kpi.key, kpi]));
  for (const kpi of planned) {
    const record = changes.record(upsertRecord(byKey.get(kpi.key), kpiData(kpi), stamp));
    byKey.set(record.key, record);
  }
  return new Map(Array.from(byKey.values(), (kpi) => [kpi.key, kpi.id]));
}
