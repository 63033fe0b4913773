/**
 * Money arithmetic of service credits, exact in BigInt. Percentages and KPI results are read as
 * the decimals they print as (`String(91.2)` is `"91.2"`), so `95 - 91.2` is exactly 3.8 here.
 *
 * Rounding: the at-risk amount and each allocation are rounded once, from the exact product
 * `charges x at-risk% (x allocation%)`, to the nearest minor unit with halves away from zero. A
 * partial credit or a bonus is a share of that rounded allocation, rounded the same way, so the
 * numbers a user reads in an explanation multiply out.
 */
import type { CreditRule, CreditTier, KpiDirection, ServiceLevelBonus } from '../domain/types';
import { divideRounded, exactDecimal } from '../rfp/money';

interface Decimal {
  readonly mantissa: bigint;
  readonly scale: number;
}

/** Converts a finite number, negative or not, to `mantissa / 10^scale`. */
function toDecimal(value: number): Decimal {
  if (value < 0) {
    const positive = exactDecimal(-value);
    return { mantissa: -positive.mantissa, scale: positive.scale };
  }
  return exactDecimal(value);
}

/** Rescales decimals to a common scale, so their mantissas can be added and compared. */
function commonMantissas(values: readonly number[]): { readonly mantissas: bigint[]; readonly scale: number } {
  const decimals = values.map(toDecimal);
  const scale = Math.max(...decimals.map((decimal) => decimal.scale));
  return { mantissas: decimals.map((decimal) => decimal.mantissa * 10n ** BigInt(scale - decimal.scale)), scale };
}

/** `amountMinor x percent / 100`, rounded once. `percent` must be finite and non-negative. */
export function percentOfMinor(amountMinor: number, percent: number): number {
  const share = exactDecimal(percent);
  return Number(divideRounded(BigInt(amountMinor) * share.mantissa, 10n ** BigInt(share.scale) * 100n));
}

/** At-risk amount of a month, which is also the cap of its credits: `charges x atRiskPercent / 100`, rounded once. */
export function atRiskAmountMinor(monthlyChargesMinor: number, atRiskPercent: number): number {
  return percentOfMinor(monthlyChargesMinor, atRiskPercent);
}

/**
 * Allocation of the at-risk amount to one level: `charges x atRisk% x allocation% / 10,000`, rounded
 * once from the exact product (not from the rounded at-risk amount).
 */
export function allocationAmountMinor(monthlyChargesMinor: number, atRiskPercent: number, allocationPercent: number): number {
  const atRisk = exactDecimal(atRiskPercent);
  const allocation = exactDecimal(allocationPercent);
  const numerator = BigInt(monthlyChargesMinor) * atRisk.mantissa * allocation.mantissa;
  const denominator = 10n ** BigInt(atRisk.scale + allocation.scale) * 10_000n;
  return Number(divideRounded(numerator, denominator));
}

/** Checks whether `result` is strictly worse than `threshold` in the KPI's direction. */
export function isWorseThan(direction: KpiDirection, result: number, threshold: number): boolean {
  return direction === 'higherIsBetter' ? result < threshold : result > threshold;
}

/**
 * Distance by which `result` is worse than `threshold`, in the KPI's unit: positive when worse, 0 or
 * negative otherwise. Exact in decimals, so 95 - 91.2 gives 3.8, not 3.7999999999999972.
 */
export function distanceWorse(direction: KpiDirection, result: number, threshold: number): number {
  const { mantissas, scale } = commonMantissas([result, threshold]);
  const [resultMantissa = 0n, thresholdMantissa = 0n] = mantissas;
  const gap = direction === 'higherIsBetter' ? thresholdMantissa - resultMantissa : resultMantissa - thresholdMantissa;
  return Number(`${gap.toString()}e-${String(scale)}`);
}

export interface RuleCredit {
  readonly rule: CreditRule['kind'];
  /** Share of the allocation owed, in percent; 100 for a fixed credit. For display: `amountMinor` is computed exactly. */
  readonly sharePercent: number;
  /** Tier applied by a tiered rule; `null` for other rules and when no tier covers the result. */
  readonly tier: CreditTier | null;
  /** Credit in minor units before earn-back and cap. */
  readonly amountMinor: number;
}

/**
 * Credit that a missed month owes under `rule`, from the level's rounded allocation. The caller
 * passes only missed months, with the minimum in force that month and a valid rule.
 */
export function creditByRule(
  rule: CreditRule,
  direction: KpiDirection,
  minimum: number,
  result: number,
  allocationMinor: number,
): RuleCredit {
  switch (rule.kind) {
    case 'fixed':
      return { rule: 'fixed', sharePercent: 100, tier: null, amountMinor: allocationMinor };
    case 'proportional':
      return proportionalCredit(rule.fullCreditAt, direction, minimum, result, allocationMinor);
    case 'tiered': {
      const tier = worstTierReached(rule.tiers, direction, result);
      if (tier === null) {
        return { rule: 'tiered', sharePercent: 0, tier: null, amountMinor: 0 };
      }
      return {
        rule: 'tiered',
        sharePercent: tier.percentOfAllocation,
        tier,
        amountMinor: percentOfMinor(allocationMinor, tier.percentOfAllocation),
      };
    }
  }
}

/**
 * Straight line from nothing at the minimum to the whole allocation at `fullCreditAt`. A result at
 * or beyond `fullCreditAt` owes the whole allocation, which also covers a glide path month whose
 * minimum is already worse than `fullCreditAt`.
 */
function proportionalCredit(
  fullCreditAt: number,
  direction: KpiDirection,
  minimum: number,
  result: number,
  allocationMinor: number,
): RuleCredit {
  const { mantissas } = commonMantissas([minimum, result, fullCreditAt]);
  const [minimumMantissa = 0n, resultMantissa = 0n, fullMantissa = 0n] = mantissas;
  const sign = direction === 'higherIsBetter' ? 1n : -1n;
  const gap = sign * (minimumMantissa - resultMantissa);
  const span = sign * (minimumMantissa - fullMantissa);

  if (span <= 0n || gap >= span) {
    return { rule: 'proportional', sharePercent: 100, tier: null, amountMinor: allocationMinor };
  }
  const amountMinor = Number(divideRounded(BigInt(allocationMinor) * gap, span));
  return { rule: 'proportional', sharePercent: (100 * Number(gap)) / Number(span), tier: null, amountMinor };
}

/** Tier with the worst `worseThan` among those the result is worse than, or `null` when the result is worse than none. */
export function worstTierReached(tiers: readonly CreditTier[], direction: KpiDirection, result: number): CreditTier | null {
  let worst: CreditTier | null = null;
  for (const tier of tiers) {
    if (!isWorseThan(direction, result, tier.worseThan)) {
      continue;
    }
    if (worst === null || isWorseThan(direction, tier.worseThan, worst.worseThan)) {
      worst = tier;
    }
  }
  return worst;
}

/** Bonus for a month strictly better than `bonus.level`, as a share of the rounded allocation; 0 otherwise. */
export function bonusAmountMinor(bonus: ServiceLevelBonus, direction: KpiDirection, result: number, allocationMinor: number): number {
  const beatsLevel = direction === 'higherIsBetter' ? result > bonus.level : result < bonus.level;
  return beatsLevel ? percentOfMinor(allocationMinor, bonus.percentOfAllocation) : 0;
}
