/**
 * Live views of the open portfolio's RFPs. They re-render whenever a repository in
 * `db/rfp.ts` writes an RFP record.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Bidder, RfpEvent } from '@shared/domain/rfp';
import type { Provider } from '@shared/domain/types';
import type { Id } from '@shared/domain/types';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import type { RfpRecords } from './rfpRecords';

export interface RfpListData {
  readonly events: readonly RfpEvent[];
  readonly bidders: readonly Bidder[];
}

/** Reads every RFP event with every bidder; `undefined` while the first read runs. */
export function useRfpList(): RfpListData | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(async () => {
    const [events, bidders] = await Promise.all([db.rfpEvents.toArray(), db.rfpBidders.toArray()]);
    return { events, bidders };
  }, [db]);
}

/** Reads one RFP's records; `null` when there is no RFP with that id, `undefined` while the first read runs. */
export function useRfpRecords(rfpId: Id): RfpRecords | null | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(async () => {
    const event = await db.rfpEvents.get(rfpId);
    if (event === undefined) return null;
    const [sections, criteria, bidders, evaluators, scores, consensusScores, priceBids] = await Promise.all([
      db.rfpSections.where('rfpId').equals(rfpId).toArray(),
      db.rfpCriteria.where('rfpId').equals(rfpId).toArray(),
      db.rfpBidders.where('rfpId').equals(rfpId).toArray(),
      db.rfpEvaluators.where('rfpId').equals(rfpId).toArray(),
      db.rfpScores.where('rfpId').equals(rfpId).toArray(),
      db.rfpConsensusScores.where('rfpId').equals(rfpId).toArray(),
      db.rfpPriceBids.where('rfpId').equals(rfpId).toArray(),
    ]);
    return { event, sections, criteria, bidders, evaluators, scores, consensusScores, priceBids };
  }, [db, rfpId]);
}

/** Reads the portfolio's providers, for the bidder picker. */
export function useProviders(): readonly Provider[] | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(() => db.providers.toArray(), [db]);
}
