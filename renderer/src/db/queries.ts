/**
 * Read functions for the screens' live queries (`useLiveQuery` from dexie-react-hooks). Each
 * reads one portfolio database and returns plain records in a stable order.
 */
import Dexie from 'dexie';
import type { AuditEntry, Contract, Id, KpiDefinition, Measurement, Provider, ServiceLevel } from '@shared/domain/types';
import type { PortfolioDb } from './portfolioDb';

/** Number of audit entries `listAudit` returns unless told otherwise. */
export const defaultAuditLimit = 500;

function byText<T>(text: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => text(a).localeCompare(text(b));
}

/** Returns all providers, by name. */
export async function listProviders(db: PortfolioDb): Promise<Provider[]> {
  return db.providers.orderBy('name').toArray();
}

/** Returns the contracts, of one provider when `providerId` is given, by title. */
export async function listContracts(db: PortfolioDb, providerId?: Id): Promise<Contract[]> {
  const contracts =
    providerId === undefined ? await db.contracts.toArray() : await db.contracts.where('providerId').equals(providerId).toArray();
  return contracts.sort(byText((contract) => contract.title));
}

/** Returns all KPI definitions, by name. */
export async function listKpis(db: PortfolioDb): Promise<KpiDefinition[]> {
  const kpis = await db.kpis.toArray();
  return kpis.sort(byText((kpi) => kpi.name));
}

/** Returns the service levels, of one provider when `providerId` is given, in index order (provider, then KPI id). */
export async function listServiceLevels(db: PortfolioDb, providerId?: Id): Promise<ServiceLevel[]> {
  if (providerId === undefined) return db.serviceLevels.orderBy('[providerId+kpiId]').toArray();
  return db.serviceLevels.where('[providerId+kpiId]').between([providerId, Dexie.minKey], [providerId, Dexie.maxKey], true, true).toArray();
}

/**
 * Returns the measurements, of one provider when `providerId` is given, by period. Sorted in
 * memory because one `getAll` plus a sort is faster than walking the period index with a cursor.
 */
export async function listMeasurements(db: PortfolioDb, providerId?: Id): Promise<Measurement[]> {
  const measurements =
    providerId === undefined ? await db.measurements.toArray() : await db.measurements.where('providerId').equals(providerId).toArray();
  return measurements.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
}

/** Returns the latest audit entries, newest first. */
export async function listAudit(db: PortfolioDb, limit: number = defaultAuditLimit): Promise<AuditEntry[]> {
  return db.audit.orderBy('at').reverse().limit(limit).toArray();
}

/** Returns the audit entries of one record, newest first. */
export async function listRecordAudit(db: PortfolioDb, recordId: Id): Promise<AuditEntry[]> {
  const entries = await db.audit.where('recordId').equals(recordId).toArray();
  return entries.sort((a, b) => (a.clock < b.clock ? 1 : a.clock > b.clock ? -1 : 0));
}
