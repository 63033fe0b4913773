import { useLiveQuery } from 'dexie-react-hooks';
import type { Process } from '@shared/domain/providerProfile';
import type { Contract, Provider } from '@shared/domain/types';
import { usePortfolioDb } from '../portfolio/portfolioContext';

export interface ProcessData {
  readonly processes: readonly Process[];
  readonly providers: readonly Provider[];
  readonly contracts: readonly Contract[];
}

/** Reads the processes, providers and contracts of the open portfolio; `undefined` while loading. */
export function useProcessData(): ProcessData | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(async () => {
    const [processes, providers, contracts] = await Promise.all([db.processes.toArray(), db.providers.toArray(), db.contracts.toArray()]);
    return { processes, providers, contracts };
  }, [db]);
}
