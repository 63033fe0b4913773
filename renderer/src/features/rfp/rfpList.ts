/** Rows of the RFPs list: one per sourcing event, with its bidder count and winner. */
import type { RfpPhase } from '@shared/domain/rfp';
import type { CalendarDate, Id } from '@shared/domain/types';
import type { BidderRecord, RfpEventRecord } from './rfpRecords';

export interface RfpListRow {
  readonly id: Id;
  readonly title: string;
  readonly phase: RfpPhase;
  readonly issuedOn: CalendarDate | null;
  readonly responseDueOn: CalendarDate | null;
  readonly bidderCount: number;
  /** Name of the awarded bidder, or `null` before the award. */
  readonly winnerName: string | null;
}

/** Builds one row per event; `bidders` may hold the bidders of every RFP in the portfolio. */
export function buildRfpListRows(events: readonly RfpEventRecord[], bidders: readonly BidderRecord[]): RfpListRow[] {
  const biddersByRfp = new Map<Id, BidderRecord[]>();
  for (const bidder of bidders) {
    const list = biddersByRfp.get(bidder.rfpId) ?? [];
    list.push(bidder);
    biddersByRfp.set(bidder.rfpId, list);
  }

  return events.map((event) => {
    const own = biddersByRfp.get(event.id) ?? [];
    const winner = event.awardedBidderId === null ? undefined : own.find((bidder) => bidder.id === event.awardedBidderId);
    return {
      id: event.id,
      title: event.title,
      phase: event.phase,
      issuedOn: event.issuedOn,
      responseDueOn: event.responseDueOn,
      bidderCount: own.length,
      winnerName: winner?.name ?? null,
    };
  });
}
