/**
 * Results of the service credits engine (`credits.ts`): codes and numbers only, from which the
 * renderer writes its sentences. Money is in integer minor units of the contract's currency.
 */
import type { CreditTier, Id, Period } from '../domain/types';
import type { RuleCredit } from './creditsAmounts';
import type { EffectiveLevels } from './creditsGlidePath';

/**
 * Why a contract's credits cannot be calculated:
 * - `noMonthlyCharges`, `noAtRiskPercent`: the term was never entered (or the portfolio came from a
 *   file without commercial terms);
 * - `invalidMonthlyCharges`: not a non-negative whole number of minor units;
 * - `invalidAtRiskPercent`: not a number from 0 to 100;
 * - `nothingAtRisk`: the terms are valid but the at-risk amount is 0.
 */
export type ContractTermsIssue =
  'noMonthlyCharges' | 'noAtRiskPercent' | 'invalidMonthlyCharges' | 'invalidAtRiskPercent' | 'nothingAtRisk';

export interface ContractCreditTermsResult {
  readonly monthlyChargesMinor: number | null;
  readonly atRiskPercent: number | null;
  /** Monthly at-risk amount and cap, or `null` when `issues` is not empty. */
  readonly atRiskMinor: number | null;
  /** Empty when credits can be calculated. */
  readonly issues: readonly ContractTermsIssue[];
}

/**
 * Why a service level of the contract carries no credits, or carries them with invalid terms:
 * - `reportedKpi`: not a critical service level;
 * - `kpiNotFound`: its KPI is not in the portfolio;
 * - `noAllocation`: no share (or 0%) of the at-risk amount is allocated to it;
 * - `invalid...`: a term that cannot be used, named by the code (levels, allocation, credit rule
 *   such as a tiered rule without tiers, earn-back months, bonus, glide path or go-live month).
 */
export type LevelTermsIssue =
  | 'reportedKpi'
  | 'kpiNotFound'
  | 'noAllocation'
  | 'invalidLevels'
  | 'invalidAllocation'
  | 'invalidCreditRule'
  | 'invalidEarnBack'
  | 'invalidBonus'
  | 'invalidGlidePath';

export interface LevelCreditsSummary {
  readonly serviceLevelId: Id;
  readonly kpiId: Id;
  readonly critical: boolean;
  readonly allocationPercent: number | null;
  /** Allocation of the at-risk amount, rounded once; `null` when it cannot be calculated. */
  readonly allocationMinor: number | null;
  /** Empty for a critical level whose credits can be calculated. */
  readonly issues: readonly LevelTermsIssue[];
}

/**
 * Earn-back of one credit, judged on the `months` calendar months after the missed month:
 * - `due`: final, because the level has no earn-back or a month of the window with data missed
 *   the expected level (`missedExpected`);
 * - `pending`: no month of the window missed, but `missingPeriods` have no data yet;
 * - `earnedBack`: every month of the window has data and meets the expected level.
 */
export interface EarnBack {
  readonly status: 'due' | 'pending' | 'earnedBack';
  /** Earn-back months of the level; 0 when it has none. */
  readonly months: number;
  /** First and last month of the window, or `null` when `months` is 0. */
  readonly from: Period | null;
  readonly to: Period | null;
  /** Months of the window without data, oldest first. */
  readonly missingPeriods: readonly Period[];
  /** First month of the window that missed the expected level in force that month. */
  readonly missedExpected: { readonly period: Period; readonly result: number; readonly expected: number } | null;
}

/**
 * Meaning of a line of a month, one code per line:
 * - `gap`: no data this month, so not met, not missed and no credit;
 * - `beforeGoLive`: the month is before the level's go-live, so neither credit nor bonus;
 * - `met`: the minimum was reached; `bonus` when it also earned a bonus;
 * - `credit`: missed, with a credit above 0 that is due; `earnBackPending` and `earnedBack`
 *   follow the line's earn-back status;
 * - missed without a credit: `noTierReached` (a tiered rule whose tiers the result does not
 *   reach), `noAllocation`, `contractTerms` (charges or at-risk percentage missing or invalid, see
 *   the contract's issues), `levelTerms` (see the level's issues).
 */
export type CreditLineCode =
  | 'gap'
  | 'beforeGoLive'
  | 'met'
  | 'bonus'
  | 'credit'
  | 'earnBackPending'
  | 'earnedBack'
  | 'noTierReached'
  | 'noAllocation'
  | 'contractTerms'
  | 'levelTerms';

/** One critical service level in one month. */
export interface CreditLine {
  readonly serviceLevelId: Id;
  readonly kpiId: Id;
  readonly period: Period;
  readonly code: CreditLineCode;
  /** Levels in force that month (glide path or steady). */
  readonly levels: EffectiveLevels;
  /** The month's result in the KPI's unit, or `null` for a gap. */
  readonly result: number | null;
  /** Whether the result is worse than the minimum in force; `false` for a gap. */
  readonly missed: boolean;
  /** How far the result is worse than the minimum, in the KPI's unit (positive); `null` unless missed. */
  readonly shortfall: number | null;
  readonly allocationPercent: number | null;
  readonly allocationMinor: number | null;
  /** Credit by the level's rule, before earn-back and cap; `null` unless missed with calculable terms. */
  readonly credit: RuleCredit | null;
  /** Earn-back of `credit`; `null` unless the credit is above 0. */
  readonly earnBack: EarnBack | null;
  /** Bonus paid for beating the bonus level, or `null` when none was earned. */
  readonly bonus: { readonly level: number; readonly percentOfAllocation: number; readonly amountMinor: number } | null;
  /** The tiered rule's best tier threshold when `code` is `noTierReached`, for the explanation. */
  readonly firstTier: CreditTier | null;
}

/**
 * Money of a month or of several months. Identities: `grossMinor = waivedMinor + dueMinor +
 * pendingMinor + cappedMinor` and `afterCapMinor = dueMinor + pendingMinor`.
 */
export interface CreditTotals {
  /** Credits of every line, before earn-back and cap. */
  readonly grossMinor: number;
  /** Credits waived by earn-back. */
  readonly waivedMinor: number;
  /** Credits left after earn-back, before the cap. */
  readonly beforeCapMinor: number;
  /** Credits after the cap: what the provider owes or may still owe. */
  readonly afterCapMinor: number;
  /** Amount the cap removed. */
  readonly cappedMinor: number;
  /** Part of `afterCapMinor` that is final. */
  readonly dueMinor: number;
  /** Part of `afterCapMinor` that earn-back may still waive. */
  readonly pendingMinor: number;
  /** Bonuses, never netted against credits and never capped. */
  readonly bonusMinor: number;
}

export interface MonthCredits extends CreditTotals {
  readonly period: Period;
  /** One line per critical service level, in the order of the levels. */
  readonly lines: readonly CreditLine[];
  /** The month's cap (the at-risk amount), or `null` when the contract's terms are not calculable. */
  readonly capMinor: number | null;
}

export interface QuarterCredits extends CreditTotals {
  /** Calendar year and quarter (January to March is Q1), labelled `2016-Q2`. */
  readonly year: number;
  readonly quarter: number;
  readonly label: string;
  /** First and last month of the quarter that the contract's months cover. */
  readonly firstPeriod: Period;
  readonly lastPeriod: Period;
  /** Months of the quarter in the ledger. */
  readonly months: number;
  /** Months of the quarter whose cap removed an amount. */
  readonly cappedMonths: number;
}

export interface ContractCredits {
  readonly contractId: Id;
  readonly providerId: Id;
  readonly currency: string;
  readonly terms: ContractCreditTermsResult;
  /** Every service level of the contract, critical ones first, then in the given order. */
  readonly levels: readonly LevelCreditsSummary[];
  /** Months from the first to the last with data for a critical level, within the contract's term; oldest first. */
  readonly months: readonly MonthCredits[];
  /** Calendar quarters of `months`, oldest first. */
  readonly quarters: readonly QuarterCredits[];
  readonly totals: CreditTotals;
}
