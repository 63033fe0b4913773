/**
 * Award tab: the bidder offered by default, the check before `awardRfp` is called, and, once
 * awarded, the explanation of the draft contract's annual value and the lock on score files.
 */
import type { RfpPhase } from '@shared/domain/rfp';
import type { Contract, Id } from '@shared/domain/types';
import { awardedContractTerms } from '@shared/rfp/contractTerms';
import type { AnnualValueSource } from '@shared/rfp/contractTerms';
import { isFinalPhase } from '@shared/rfp/phases';
import type { RfpResults } from '@shared/rfp/results';
import type { RfpRecords } from './rfpRecords';

/** Top-ranked bidder that is not knocked out and has a total, or `null` when there is none. */
export function defaultAwardBidder(results: RfpResults): Id | null {
  return results.ranking.find((result) => !result.knockedOut && result.total !== null)?.bidderId ?? null;
}

export type AwardProblem = 'bidderMissing' | 'rationaleMissing' | 'knockedOut';

/** Checks the chosen bidder and rationale. A knocked-out bidder cannot be awarded. */
export function checkAward(results: RfpResults, bidderId: Id | null, rationale: string): AwardProblem[] {
  const problems: AwardProblem[] = [];
  const result = results.ranking.find((entry) => entry.bidderId === bidderId);
  if (bidderId === null || result === undefined) problems.push('bidderMissing');
  else if (result.knockedOut) problems.push('knockedOut');
  if (rationale.trim() === '') problems.push('rationaleMissing');
  return problems;
}

/**
 * Explains the awarded contract's stored annual value by the winner's price bid: the bid it was
 * computed from, or why it is empty. Returns `null` before the award and when the stored value
 * or currency differs from what the bid gives, for example after someone changed the contract,
 * so the screen never explains a value by a bid it did not come from.
 */
export function annualValueSourceOf(
  records: RfpRecords,
  contract: Pick<Contract, 'currency' | 'annualValueMinor'>,
): AnnualValueSource | null {
  const winnerId = records.event.awardedBidderId;
  if (winnerId === null) return null;
  const terms = awardedContractTerms(records.event, winnerId, records.priceBids);
  if (terms.contract.currency !== contract.currency || terms.contract.annualValueMinor !== contract.annualValueMinor) return null;
  return terms.annualValueSource;
}

/**
 * Returns the i18n key of the sentence that gives the reason scores can no longer change, for an
 * RFP that is awarded or cancelled, or `null` for one still running. Screens disable the buttons that export
 * or import scoring sheets and evaluator files and show this sentence with them.
 */
export function scoresFinalReason(phase: RfpPhase): `rfp.scoresFinal.${'awarded' | 'cancelled'}` | null {
  if (!isFinalPhase(phase)) return null;
  return phase === 'awarded' ? 'rfp.scoresFinal.awarded' : 'rfp.scoresFinal.cancelled';
}
