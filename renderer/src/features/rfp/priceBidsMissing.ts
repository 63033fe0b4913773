import type { RfpRecords } from './rfpRecords';

/**
 * Checks whether an RFP that scores price has no price bid at all once bids were due: every
 * bidder's price score is then blank and totals leave price out. A portfolio opened from a file
 * without commercial terms is in this state, because such files carry no price bids.
 */
export function priceBidsMissing(records: Pick<RfpRecords, 'event' | 'criteria' | 'priceBids'>): boolean {
  if (records.event.phase === 'draft' || records.event.phase === 'open') return false;
  return records.priceBids.length === 0 && records.criteria.some((criterion) => criterion.kind === 'price');
}
