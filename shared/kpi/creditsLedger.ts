/**
 * Totals of service credits: a month's total under its cap, and the ledger by calendar quarter.
 *
 * Order within a month: earn-back first, then the cap. A credit that was earned back is waived as
 * if the level had not been missed, and the cap then limits what is left. Capping first would
 * make a waived line reduce a capped total by less than its own amount, so a provider who earned
 * back a level could still owe the same capped sum. Within the capped amount, final (`due`)
 * credits take the cap first and credits pending earn-back fill what remains: `dueMinor` is then
 * what the month owes if every pending credit is earned back, and `dueMinor + pendingMinor` what
 * it owes if none is.
 */
import { quarterOf } from '../domain/period';
import type { Period } from '../domain/types';
import type { CreditLine, CreditTotals, MonthCredits, QuarterCredits } from './creditsTypes';

/** Totals a month's lines under `capMinor` (the at-risk amount, or `null` when the terms are not calculable). */
export function totalMonth(period: Period, lines: readonly CreditLine[], capMinor: number | null): MonthCredits {
  let grossMinor = 0;
  let waivedMinor = 0;
  let finalMinor = 0;
  let awaitingMinor = 0;
  let bonusMinor = 0;

  for (const line of lines) {
    bonusMinor += line.bonus?.amountMinor ?? 0;
    const amount = line.credit?.amountMinor ?? 0;
    if (amount === 0) {
      continue;
    }
    grossMinor += amount;
    switch (line.earnBack?.status ?? 'due') {
      case 'earnedBack':
        waivedMinor += amount;
        break;
      case 'pending':
        awaitingMinor += amount;
        break;
      case 'due':
        finalMinor += amount;
        break;
    }
  }

  const beforeCapMinor = finalMinor + awaitingMinor;
  const afterCapMinor = capMinor === null ? beforeCapMinor : Math.min(beforeCapMinor, capMinor);
  const dueMinor = capMinor === null ? finalMinor : Math.min(finalMinor, capMinor);
  return {
    period,
    lines,
    capMinor,
    grossMinor,
    waivedMinor,
    beforeCapMinor,
    afterCapMinor,
    cappedMinor: beforeCapMinor - afterCapMinor,
    dueMinor,
    pendingMinor: afterCapMinor - dueMinor,
    bonusMinor,
  };
}

export const zeroTotals: CreditTotals = {
  grossMinor: 0,
  waivedMinor: 0,
  beforeCapMinor: 0,
  afterCapMinor: 0,
  cappedMinor: 0,
  dueMinor: 0,
  pendingMinor: 0,
  bonusMinor: 0,
};

/** Adds two sets of totals field by field. */
export function addTotals(a: CreditTotals, b: CreditTotals): CreditTotals {
  return {
    grossMinor: a.grossMinor + b.grossMinor,
    waivedMinor: a.waivedMinor + b.waivedMinor,
    beforeCapMinor: a.beforeCapMinor + b.beforeCapMinor,
    afterCapMinor: a.afterCapMinor + b.afterCapMinor,
    cappedMinor: a.cappedMinor + b.cappedMinor,
    dueMinor: a.dueMinor + b.dueMinor,
    pendingMinor: a.pendingMinor + b.pendingMinor,
    bonusMinor: a.bonusMinor + b.bonusMinor,
  };
}

/** Copies only the totals of a month, so ledger rows do not hold the month's lines. */
function totalsOf(month: CreditTotals): CreditTotals {
  return addTotals(zeroTotals, month);
}

/** Groups months (oldest first) into calendar quarters, each the sum of its months. */
export function ledgerByQuarter(months: readonly MonthCredits[]): QuarterCredits[] {
  const quarters: QuarterCredits[] = [];
  for (const month of months) {
    const { year, quarter, label } = quarterOf(month.period);
    const last = quarters.at(-1);
    const cappedMonth = month.cappedMinor > 0 ? 1 : 0;
    if (last?.label === label) {
      quarters[quarters.length - 1] = {
        ...last,
        ...addTotals(last, month),
        lastPeriod: month.period,
        months: last.months + 1,
        cappedMonths: last.cappedMonths + cappedMonth,
      };
    } else {
      quarters.push({
        ...totalsOf(month),
        year,
        quarter,
        label,
        firstPeriod: month.period,
        lastPeriod: month.period,
        months: 1,
        cappedMonths: cappedMonth,
      });
    }
  }
  return quarters;
}
