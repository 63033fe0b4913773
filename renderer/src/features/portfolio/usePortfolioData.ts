/**
 * Live view of the open portfolio's providers, KPIs, service levels and measurements. Re-renders
 * whenever a repository writes any of them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { KpiDefinition, Measurement, Provider, ServiceLevel } from '@shared/domain/types';
import { usePortfolioDb } from './portfolioContext';

export interface PortfolioData {
  readonly providers: readonly Provider[];
  readonly kpis: readonly KpiDefinition[];
  readonly serviceLevels: readonly ServiceLevel[];
  readonly measurements: readonly Measurement[];
}

/** Returns `undefined` while the first read is running. */
export function usePortfolioData(): PortfolioData | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(async () => {
    const [providers, kpis, serviceLevels, measurements] = await Promise.all([
      db.providers.toArray(),
      db.kpis.toArray(),
      db.serviceLevels.toArray(),
      db.measurements.toArray(),
    ]);
    return { providers, kpis, serviceLevels, measurements };
  }, [db]);
}
