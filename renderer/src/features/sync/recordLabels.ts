/**
 * Names of merged records in user terms (provider name, KPI, provider + KPI + month) for the
 * merge preview, looked up in the snapshots around a merge. Pure; `recordText.ts` turns a label
 * into a sentence.
 */
import type { Id, Period, RecordTable, RecordTypes } from '@shared/domain/types';
import type { PortfolioSnapshot } from '@shared/sync/snapshot';

/** Key and stored name of a KPI. The preview shows the translation under the key where the app ships one, else `name`. */
export interface KpiLabel {
  readonly key: string;
  readonly name: string;
}

/**
 * A record as the user knows it. Provider and KPI parts are `null` when the record they refer to
 * is in none of the snapshots. `missing` is a record that no snapshot contains.
 */
export type RecordLabel =
  | { readonly kind: 'provider'; readonly name: string; readonly code: string | null }
  | { readonly kind: 'contract'; readonly title: string; readonly providerName: string | null }
  | { readonly kind: 'kpi'; readonly kpi: KpiLabel }
  | { readonly kind: 'serviceLevel'; readonly providerName: string | null; readonly kpi: KpiLabel | null }
  | { readonly kind: 'measurement'; readonly providerName: string | null; readonly kpi: KpiLabel | null; readonly period: Period }
  | { readonly kind: 'missing'; readonly table: RecordTable; readonly recordId: Id };

/** Finds a record by table and id; see `createRecordLookup`. */
export interface RecordLookup {
  find<T extends RecordTable>(table: T, id: Id): RecordTypes[T] | undefined;
}

/**
 * Creates a lookup over `snapshots`. When several contain the same id, the first snapshot's copy
 * is returned. Each table's index is built on its first lookup.
 */
export function createRecordLookup(snapshots: readonly PortfolioSnapshot[]): RecordLookup {
  const indexes = new Map<RecordTable, Map<Id, unknown>>();

  const indexOf = (table: RecordTable): Map<Id, unknown> => {
    let index = indexes.get(table);
    if (index !== undefined) return index;
    index = new Map();
    for (const snapshot of snapshots) {
      for (const record of snapshot.records[table]) {
        if (!index.has(record.id)) index.set(record.id, record);
      }
    }
    indexes.set(table, index);
    return index;
  };

  return {
    find<T extends RecordTable>(table: T, id: Id): RecordTypes[T] | undefined {
      return indexOf(table).get(id) as RecordTypes[T] | undefined;
    },
  };
}

function providerNameOf(lookup: RecordLookup, providerId: Id): string | null {
  return lookup.find('providers', providerId)?.name ?? null;
}

function kpiLabelOf(lookup: RecordLookup, kpiId: Id): KpiLabel | null {
  const kpi = lookup.find('kpis', kpiId);
  return kpi === undefined ? null : { key: kpi.key, name: kpi.name };
}

/** Returns the label of one record, or a `missing` label when no snapshot of the lookup contains it. */
export function recordLabelOf(lookup: RecordLookup, table: RecordTable, recordId: Id): RecordLabel {
  const missing: RecordLabel = { kind: 'missing', table, recordId };
  switch (table) {
    case 'providers': {
      const provider = lookup.find('providers', recordId);
      return provider === undefined ? missing : { kind: 'provider', name: provider.name, code: provider.code };
    }
    case 'contracts': {
      const contract = lookup.find('contracts', recordId);
      if (contract === undefined) return missing;
      return { kind: 'contract', title: contract.title, providerName: providerNameOf(lookup, contract.providerId) };
    }
    case 'kpis': {
      const kpi = kpiLabelOf(lookup, recordId);
      return kpi === null ? missing : { kind: 'kpi', kpi };
    }
    case 'serviceLevels': {
      const level = lookup.find('serviceLevels', recordId);
      if (level === undefined) return missing;
      return { kind: 'serviceLevel', providerName: providerNameOf(lookup, level.providerId), kpi: kpiLabelOf(lookup, level.kpiId) };
    }
    case 'measurements': {
      const measurement = lookup.find('measurements', recordId);
      if (measurement === undefined) return missing;
      return {
        kind: 'measurement',
        providerName: providerNameOf(lookup, measurement.providerId),
        kpi: kpiLabelOf(lookup, measurement.kpiId),
        period: measurement.period,
      };
    }
  }
}

/** Reference fields whose values are shown as the referenced record's label instead of its id. */
const referencedTables: Readonly<Record<string, RecordTable>> = {
  providerId: 'providers',
  kpiId: 'kpis',
  contractId: 'contracts',
};

/** Returns the table that a reference field points to, or `null` for any other field. */
export function referencedTableOf(field: string): RecordTable | null {
  return Object.hasOwn(referencedTables, field) ? (referencedTables[field] ?? null) : null;
}
