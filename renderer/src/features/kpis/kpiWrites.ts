/**
 * Writes of the "KPIs and SLAs" screen: adding a library KPI, creating, editing and deleting a
 * user KPI. Each runs in one transaction that re-reads what it checks, so a merge that lands
 * while a form is open cannot slip a duplicate or a dangling reference past the checks. The
 * record writes go through the generic repository, which stamps clocks and adds audit entries.
 */
import type { Id, KpiDefinition, KpiDefinitionData } from '@shared/domain/types';
import { AppFailure } from '@shared/errors';
import { normaliseKpiName } from '@shared/kpi/kpiSchema';
import type { UserKpi } from '@shared/kpi/kpiSchema';
import { libraryKpiData } from '@shared/kpi/library';
import type { LibraryKpi } from '@shared/kpi/library';
import type { DeviceContext } from '../../db/clockStore';
import type { PortfolioDb } from '../../db/portfolioDb';
import { deleteRecord, insertRecord, updateRecord } from '../../db/repository';
import { toStorageFailure } from '../../db/storageErrors';
import { customKpiKey } from '../import/manualMapping';
import { kpiOrigin } from './kpiRows';
import type { KpiUsage } from './kpiRows';

/** Outcome of a write that a check inside its transaction can turn down. */
export type KpiWriteResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: 'nameTaken' };

/** Outcome of a delete: done, or turned down because records still refer to the KPI. */
export type KpiDeleteResult = { readonly ok: true } | { readonly ok: false; readonly usage: KpiUsage };

async function inTransaction<R>(db: PortfolioDb, tables: readonly string[], detail: Readonly<Record<string, string>>, body: () => Promise<R>): Promise<R> {
  try {
    return await db.transaction('rw', tables, body);
  } catch (error) {
    throw toStorageFailure(error, detail);
  }
}

function notFound(id: Id): AppFailure {
  return new AppFailure({ code: 'storage.notFound', detail: { table: 'kpis', id } });
}

/** Checks whether a KPI other than `exceptId` already stores `name`, compared as `normaliseKpiName` does. */
async function nameStored(db: PortfolioDb, name: string, exceptId: Id | null): Promise<boolean> {
  const normalised = normaliseKpiName(name);
  const kpis = await db.kpis.toArray();
  return kpis.some((kpi) => kpi.id !== exceptId && normaliseKpiName(kpi.name) === normalised);
}

/**
 * Returns `custom.<slug of name>`, the key the import wizard gives a KPI of that name, so that a
 * later import of a column with the same name fills this KPI. When another KPI has that key
 * (one renamed since, or a name with the same slug), a suffix `-2`, `-3`, … keeps it unique.
 */
async function freeUserKey(db: PortfolioDb, name: string): Promise<string> {
  const base = customKpiKey(name);
  let key = base;
  for (let suffix = 2; (await db.kpis.where('key').equals(key).count()) > 0; suffix += 1) key = `${base}-${String(suffix)}`;
  return key;
}

/**
 * Adds the library KPI `entry` to the portfolio, with its name and definition in the user's
 * language. Adding one the portfolio already has writes nothing and returns the stored KPI
 * with `added: false`. A user KPI that already has the library KPI's name turns the add down,
 * so that two KPIs never share a name.
 */
export function addLibraryKpi(
  db: PortfolioDb,
  entry: LibraryKpi,
  text: { readonly name: string; readonly description: string },
  context: DeviceContext,
): Promise<KpiWriteResult<{ readonly kpi: KpiDefinition; readonly added: boolean }>> {
  return inTransaction(db, ['kpis', 'audit', 'meta'], { table: 'kpis', key: entry.key }, async () => {
    const stored = await db.kpis.where('key').equals(entry.key).first();
    if (stored !== undefined) return { ok: true, value: { kpi: stored, added: false } } as const;
    if (await nameStored(db, text.name, null)) return { ok: false, problem: 'nameTaken' } as const;
    const kpi = await insertRecord(db, 'kpis', libraryKpiData(entry, text), context);
    return { ok: true, value: { kpi, added: true } } as const;
  });
}

/** Creates a user KPI that the caller checked with `checkUserKpi`, unless a KPI stored meanwhile took its name. */
export function createUserKpi(db: PortfolioDb, kpi: UserKpi, context: DeviceContext): Promise<KpiWriteResult<KpiDefinition>> {
  return inTransaction(db, ['kpis', 'audit', 'meta'], { table: 'kpis', name: kpi.name }, async () => {
    if (await nameStored(db, kpi.name, null)) return { ok: false, problem: 'nameTaken' } as const;
    const data: KpiDefinitionData = { key: await freeUserKey(db, kpi.name), ...kpi };
    return { ok: true, value: await insertRecord(db, 'kpis', data, context) } as const;
  });
}

/**
 * Changes the name and description of a user KPI. The key stays, because merges match KPIs by
 * key. Rejects with `storage.notFound` when the KPI is gone, and with `unexpected` for a library
 * or preset KPI, whose name comes from the translation files.
 */
export function editUserKpi(
  db: PortfolioDb,
  id: Id,
  patch: Pick<UserKpi, 'name' | 'description'>,
  context: DeviceContext,
): Promise<KpiWriteResult<KpiDefinition>> {
  return inTransaction(db, ['kpis', 'audit', 'meta'], { table: 'kpis', id }, async () => {
    const stored = await db.kpis.get(id);
    if (stored === undefined) throw notFound(id);
    if (kpiOrigin(stored.key) !== 'user') {
      throw new AppFailure({ code: 'unexpected', detail: { id }, cause: `KPI ${stored.key} is built in, so its name cannot be edited` });
    }
    if (await nameStored(db, patch.name, id)) return { ok: false, problem: 'nameTaken' } as const;
    return { ok: true, value: await updateRecord(db, 'kpis', id, { name: patch.name, description: patch.description }, context) } as const;
  });
}

/** Counts the service levels and measurements that refer to the KPI `kpiId`. */
export async function kpiUsage(db: PortfolioDb, kpiId: Id): Promise<KpiUsage> {
  const [serviceLevels, measurements] = await Promise.all([
    db.serviceLevels.where('kpiId').equals(kpiId).count(),
    db.measurements.where('kpiId').equals(kpiId).count(),
  ]);
  return { serviceLevels, measurements };
}

/**
 * Deletes the KPI `id` when no service level or measurement refers to it, and otherwise writes
 * nothing and returns what refers to it. Rejects with `storage.notFound` when the KPI is gone.
 */
export function deleteUnusedKpi(db: PortfolioDb, id: Id, context: DeviceContext): Promise<KpiDeleteResult> {
  const tables = ['kpis', 'serviceLevels', 'measurements', 'audit', 'tombstones', 'meta'];
  return inTransaction(db, tables, { table: 'kpis', id }, async () => {
    if ((await db.kpis.get(id)) === undefined) throw notFound(id);
    const usage = await kpiUsage(db, id);
    if (usage.serviceLevels > 0 || usage.measurements > 0) return { ok: false, usage } as const;
    await deleteRecord(db, 'kpis', id, context);
    return { ok: true } as const;
  });
}
