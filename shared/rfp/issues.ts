/**
 * Problems found in RFP data: a criteria tree, a score, a consensus score, a price bid or an
 * evaluator's declaration. Each code is meant to become one sentence in the renderer's
 * translation files under `errors.<code>`, filled from `detail`.
 */
import type { ErrorDetail } from '../errors';
import type { Id } from '../domain/types';

// `errorCodes` in `shared/errors.ts` includes these codes, so each has a sentence under `errors.rfp`.
export const rfpIssueCodes = [
  // Criteria tree and weights.
  'rfp.invalidWeight',
  'rfp.noWeightedCriteria',
  'rfp.sectionWithoutCriteria',
  'rfp.unknownSection',
  'rfp.multiplePriceCriteria',
  'rfp.missingScale',
  'rfp.unexpectedScale',
  'rfp.invalidScale',
  'rfp.missingLevelDescription',
  'rfp.invalidTerm',
  // Evaluators and their declarations.
  'rfp.conflictNotDeclared',
  'rfp.conflictBiddersMissing',
  'rfp.conflictStatementMissing',
  // Scores and consensus scores.
  'rfp.scoringClosed',
  'rfp.scoreNotOnScale',
  'rfp.commentRequired',
  'rfp.priceScoredByFormula',
  'rfp.conflictOfInterest',
  'rfp.outsideEvaluatorScope',
  'rfp.consensusNotOpen',
  'rfp.consensusReasonMissing',
  // Price bids.
  'rfp.invalidCurrency',
  'rfp.invalidAmount',
  'rfp.invalidRound',
  'rfp.invalidExchangeRate',
  'rfp.exchangeRateNotOne',
  'rfp.missingExchangeRateDate',
  'rfp.priceNotPositive',
  'rfp.totalTooLarge',
  'rfp.duplicatePriceRound',
  'rfp.exchangeRateDatesDiffer',
  // Phase transitions (`phases.ts`).
  'rfp.invalidTransition',
  'rfp.noBidders',
  'rfp.noEvaluators',
  'rfp.noScores',
  'rfp.awardBidderMissing',
  'rfp.awardReasonMissing',
] as const;

export type RfpIssueCode = (typeof rfpIssueCodes)[number];

export interface RfpIssue {
  /** Errors must be fixed before the data is saved or counted; warnings are shown and the data still counts. */
  readonly severity: 'error' | 'warning';
  readonly code: RfpIssueCode;
  /** Record the issue is about, or `null` for the RFP as a whole. */
  readonly recordId: Id | null;
  /** Field of that record, for example `weight` or `exchangeRateToBase`, or `null` for the whole record. */
  readonly field: string | null;
  /** Values for the sentence: the value found, the allowed range, names. */
  readonly detail: ErrorDetail;
}

export function rfpError(code: RfpIssueCode, recordId: Id | null, field: string | null, detail: ErrorDetail = {}): RfpIssue {
  return { severity: 'error', code, recordId, field, detail };
}

export function rfpWarning(code: RfpIssueCode, recordId: Id | null, field: string | null, detail: ErrorDetail = {}): RfpIssue {
  return { severity: 'warning', code, recordId, field, detail };
}
