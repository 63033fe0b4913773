/**
 * Live view of the open portfolio's KPIs and, per KPI, how many service levels and measurements
 * refer to it. The counts come from the `kpiId` indexes, so a portfolio of 100,000 measurements
 * is never read in full.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Id, KpiDefinition } from '@shared/domain/types';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import type { KpiUsage } from './kpiRows';
import { kpiUsage } from './kpiWrites';

export interface KpiOverview {
  readonly kpis: readonly KpiDefinition[];
  readonly usage: ReadonlyMap<Id, KpiUsage>;
}

/** Returns `undefined` while the first read is running. */
export function useKpiOverview(): KpiOverview | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(async () => {
    const kpis = await db.kpis.toArray();
    const counts = await Promise.all(kpis.map(async (kpi) => [kpi.id, await kpiUsage(db, kpi.id)] as const));
    return { kpis, usage: new Map(counts) };
  }, [db]);
}
