/**
 * Records the control tower reads besides `PortfolioData`: contracts (for service credits) and
 * escalations. Both are live, so raising an escalation or editing a contract updates the dashboard.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Escalation } from '@shared/domain/escalation';
import type { Contract } from '@shared/domain/types';
import { usePortfolioDb } from '../portfolio/portfolioContext';

export interface ControlTowerRecords {
  readonly contracts: readonly Contract[];
  readonly escalations: readonly Escalation[];
}

/** Returns `undefined` while the first read is running. */
export function useControlTowerRecords(): ControlTowerRecords | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(async () => {
    const [contracts, escalations] = await Promise.all([db.contracts.toArray(), db.escalations.toArray()]);
    return { contracts, escalations };
  }, [db]);
}
