/** Award tab: the bidder offered by default and the check before `awardRfp` is called. */
import type { Id } from '@shared/domain/types';
import type { RfpResults } from '@shared/rfp/results';

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
