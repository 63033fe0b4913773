/**
 * In-memory diff of an import against stored records: which records to add, which to change
 * (with clocks stamped only on changed fields), and which are unchanged and must not be touched.
 */
import { v7 as uuidv7 } from 'uuid';
import type { HlcString, KpiDefinition, KpiDefinitionData, SyncFields } from '@shared/domain/types';
import { changedFieldNames, dataFieldNames, stampFields } from '@shared/sync/fieldClocks';

export type Outcome = 'added' | 'changed' | 'unchanged';

/** Issues the import's clock; the first call ticks the session clock, later calls return the same value. */
export type StampClock = () => HlcString;

export interface Upserted<R> {
  readonly record: R;
  readonly outcome: Outcome;
}

/** Counts of one table's outcomes, and the records to write (added and changed ones). */
export class TableChanges<R> {
  readonly writes: R[] = [];
  added = 0;
  changed = 0;
  unchanged = 0;

  record(result: Upserted<R>): R {
    if (result.outcome === 'unchanged') {
      this.unchanged += 1;
    } else {
      this.writes.push(result.record);
      if (result.outcome === 'added') this.added += 1;
      else this.changed += 1;
    }
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
    return { record, outcome: 'added' };
  }

  const merged = { ...stored, ...data };
  const changed = changedFieldNames(stored, merged);
  if (changed.size === 0) return { record: stored, outcome: 'unchanged' };

  const clocks = stampFields(stored, dataFieldNames(merged), changed, stamp());
  const record = { ...merged, ...clocks, id: stored.id };
  return { record, outcome: 'changed' };
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
