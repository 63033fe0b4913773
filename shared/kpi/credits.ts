/**
 * Service credits per contract, month and critical service level, with earn-back, bonus, the
 * monthly cap and a ledger by calendar quarter. Pure: it takes plain records and returns codes and
 * numbers (`creditsTypes.ts`); the renderer writes the sentences.
 *
 * A month without a result for a level is a gap: no credit, neither met nor missed. Money is in
 * integer minor units; `creditsAmounts.ts` documents the rounding and `creditsLedger.ts` the order
 * of earn-back and cap.
 */
import { aggregateMeasurements } from '../domain/kpiMath';
import { isPeriod, monthIndexToPeriod, periodToMonthIndex } from '../domain/period';
import type { Contract, Id, KpiDefinition, Measurement, Period, ServiceLevel } from '../domain/types';
import { allocationAmountMinor, bonusAmountMinor, creditByRule, distanceWorse, isWorseThan } from './creditsAmounts';
import { effectiveLevels } from './creditsGlidePath';
import { addTotals, ledgerByQuarter, totalMonth, zeroTotals } from './creditsLedger';
import { blocksCredits, checkContractTerms, checkLevelTerms } from './creditsTerms';
import type { ContractCredits, ContractCreditTermsResult, CreditLine, CreditLineCode, EarnBack, LevelCreditsSummary } from './creditsTypes';

export type CreditsContract = Pick<
  Contract,
  'id' | 'providerId' | 'currency' | 'startDate' | 'endDate' | 'monthlyChargesMinor' | 'atRiskPercent'
>;
export type CreditsKpi = Pick<KpiDefinition, 'id' | 'direction' | 'aggregation'>;
export type CreditsMeasurement = Pick<Measurement, 'providerId' | 'kpiId' | 'period' | 'value' | 'numerator' | 'denominator'>;

/** KPIs by id and measurements grouped by provider and KPI, built once for any number of contracts. */
export interface CreditsIndex {
  readonly kpisById: ReadonlyMap<Id, CreditsKpi>;
  readonly measurementsByPair: ReadonlyMap<string, readonly CreditsMeasurement[]>;
}

export function indexCreditsData(kpis: readonly CreditsKpi[], measurements: readonly CreditsMeasurement[]): CreditsIndex {
  const measurementsByPair = new Map<string, CreditsMeasurement[]>();
  for (const measurement of measurements) {
    const key = pairKey(measurement.providerId, measurement.kpiId);
    const group = measurementsByPair.get(key);
    if (group === undefined) {
      measurementsByPair.set(key, [measurement]);
    } else {
      group.push(measurement);
    }
  }
  return { kpisById: new Map(kpis.map((kpi) => [kpi.id, kpi])), measurementsByPair };
}

/**
 * Computes the credits of every contract, by contract id. Service levels are matched to contracts
 * by `contractId`; levels without one carry no credits. Runs in time linear in the records plus
 * the contract months times their levels.
 */
export function computePortfolioCredits(
  contracts: readonly CreditsContract[],
  serviceLevels: readonly ServiceLevel[],
  kpis: readonly CreditsKpi[],
  measurements: readonly CreditsMeasurement[],
): Map<Id, ContractCredits> {
  const index = indexCreditsData(kpis, measurements);
  const levelsByContract = new Map<Id, ServiceLevel[]>();
  for (const level of serviceLevels) {
    if (level.contractId === null) {
      continue;
    }
    const group = levelsByContract.get(level.contractId);
    if (group === undefined) {
      levelsByContract.set(level.contractId, [level]);
    } else {
      group.push(level);
    }
  }

  const results = new Map<Id, ContractCredits>();
  for (const contract of contracts) {
    results.set(contract.id, computeContractCredits(contract, levelsByContract.get(contract.id) ?? [], index));
  }
  return results;
}

/** A critical level whose KPI exists, so its months get lines. */
interface TrackedLevel {
  readonly level: ServiceLevel;
  readonly kpi: CreditsKpi;
  readonly summary: LevelCreditsSummary;
  /** Result of each month with a measurement; `null` for a month whose measurements have no value. */
  readonly results: ReadonlyMap<Period, number | null>;
}

/**
 * Computes one contract's credits. `serviceLevels` may hold other contracts' levels too; only
 * those whose `contractId` is the contract's count.
 */
export function computeContractCredits(
  contract: CreditsContract,
  serviceLevels: readonly ServiceLevel[],
  index: CreditsIndex,
): ContractCredits {
  const terms = checkContractTerms(contract);
  const ownLevels = serviceLevels.filter((level) => level.contractId === contract.id);
  // Critical levels first; the sort is stable, so each group keeps the given order.
  const ordered = [...ownLevels].sort((a, b) => Number(b.critical) - Number(a.critical));

  const summaries: LevelCreditsSummary[] = [];
  const tracked: TrackedLevel[] = [];
  for (const level of ordered) {
    const kpi = index.kpisById.get(level.kpiId);
    const summary = summarizeLevel(level, kpi, terms);
    summaries.push(summary);
    if (kpi !== undefined && level.critical) {
      const measurements = index.measurementsByPair.get(pairKey(level.providerId, level.kpiId)) ?? [];
      tracked.push({ level, kpi, summary, results: monthlyResults(kpi, measurements) });
    }
  }

  const months = contractPeriods(contract, tracked).map((period) => {
    const lines = tracked.map((entry) => buildLine(entry, period, terms));
    return totalMonth(period, lines, terms.atRiskMinor);
  });
  const totals = months.reduce((sum, month) => addTotals(sum, month), zeroTotals);

  return {
    contractId: contract.id,
    providerId: contract.providerId,
    currency: contract.currency,
    terms,
    levels: summaries,
    months,
    quarters: ledgerByQuarter(months),
    totals,
  };
}

function summarizeLevel(level: ServiceLevel, kpi: CreditsKpi | undefined, terms: ContractCreditTermsResult): LevelCreditsSummary {
  const issues = checkLevelTerms(level, kpi);
  const calculable =
    terms.issues.length === 0 &&
    !issues.includes('noAllocation') &&
    !issues.includes('invalidAllocation') &&
    !issues.includes('reportedKpi');
  const allocationMinor =
    calculable && level.allocationPercent !== null && terms.monthlyChargesMinor !== null && terms.atRiskPercent !== null
      ? allocationAmountMinor(terms.monthlyChargesMinor, terms.atRiskPercent, level.allocationPercent)
      : null;
  return {
    serviceLevelId: level.id,
    kpiId: level.kpiId,
    critical: level.critical,
    allocationPercent: level.allocationPercent,
    allocationMinor,
    issues,
  };
}

/** Combines each month's measurements into one result; several measurements of a month combine by the KPI's aggregation. */
function monthlyResults(kpi: CreditsKpi, measurements: readonly CreditsMeasurement[]): Map<Period, number | null> {
  const byPeriod = new Map<Period, CreditsMeasurement[]>();
  for (const measurement of measurements) {
    const group = byPeriod.get(measurement.period);
    if (group === undefined) {
      byPeriod.set(measurement.period, [measurement]);
    } else {
      group.push(measurement);
    }
  }

  const results = new Map<Period, number | null>();
  for (const [period, group] of byPeriod) {
    const value = group.length === 1 ? (group[0]?.value ?? null) : aggregateMeasurements(kpi, group).value;
    results.set(period, value);
  }
  return results;
}

/**
 * Months of the ledger: from the first to the last month with a result for any critical level,
 * within the months of the contract's start and end dates when they are set. Gaps inside the
 * range get lines; months before the first result do not.
 */
function contractPeriods(contract: CreditsContract, tracked: readonly TrackedLevel[]): Period[] {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const { results } of tracked) {
    for (const [period, result] of results) {
      if (result === null || !isPeriod(period)) {
        continue;
      }
      const index = periodToMonthIndex(period);
      first = Math.min(first, index);
      last = Math.max(last, index);
    }
  }

  const termStart = monthOfDate(contract.startDate);
  const termEnd = monthOfDate(contract.endDate);
  if (termStart !== null) first = Math.max(first, termStart);
  if (termEnd !== null) last = Math.min(last, termEnd);

  const periods: Period[] = [];
  for (let index = first; index <= last; index += 1) {
    periods.push(monthIndexToPeriod(index));
  }
  return periods;
}

function monthOfDate(date: string | null): number | null {
  const month = date?.slice(0, 7) ?? null;
  return month !== null && isPeriod(month) ? periodToMonthIndex(month) : null;
}

type LineBase = Omit<CreditLine, 'code'>;

function buildLine(entry: TrackedLevel, period: Period, terms: ContractCreditTermsResult): CreditLine {
  const { level, kpi, summary, results } = entry;
  const levels = effectiveLevels(level, period);
  const result = results.get(period) ?? null;
  const base: LineBase = {
    serviceLevelId: level.id,
    kpiId: kpi.id,
    period,
    levels,
    result,
    missed: false,
    shortfall: null,
    allocationPercent: summary.allocationPercent,
    allocationMinor: summary.allocationMinor,
    credit: null,
    earnBack: null,
    bonus: null,
    firstTier: null,
  };

  if (result === null) {
    return { ...base, code: 'gap' };
  }
  if (summary.issues.includes('invalidLevels')) {
    return { ...base, code: 'levelTerms' };
  }

  const missed = isWorseThan(kpi.direction, result, levels.minimum);
  const judged: LineBase = { ...base, missed, shortfall: missed ? distanceWorse(kpi.direction, result, levels.minimum) : null };
  if (levels.source === 'beforeGoLive') {
    return { ...judged, code: 'beforeGoLive' };
  }
  return missed ? missedLine(entry, judged, result, terms) : metLine(entry, judged, result);
}

function metLine(entry: TrackedLevel, line: LineBase, result: number): CreditLine {
  const { level, kpi, summary } = entry;
  const usable = summary.allocationMinor !== null && !summary.issues.some((issue) => issue === 'invalidBonus' || blocksCredits(issue));
  if (level.bonus === null || summary.allocationMinor === null || !usable) {
    return { ...line, code: 'met' };
  }
  const amountMinor = bonusAmountMinor(level.bonus, kpi.direction, result, summary.allocationMinor);
  if (amountMinor === 0) {
    return { ...line, code: 'met' };
  }
  return { ...line, code: 'bonus', bonus: { level: level.bonus.level, percentOfAllocation: level.bonus.percentOfAllocation, amountMinor } };
}

function missedLine(entry: TrackedLevel, line: LineBase, result: number, terms: ContractCreditTermsResult): CreditLine {
  const { level, kpi, summary } = entry;
  if (terms.issues.length > 0) {
    return { ...line, code: 'contractTerms' };
  }
  if (summary.issues.some(blocksCredits)) {
    return { ...line, code: 'levelTerms' };
  }
  if (summary.allocationMinor === null) {
    return { ...line, code: 'noAllocation' };
  }

  const credit = creditByRule(level.creditRule, kpi.direction, line.levels.minimum, result, summary.allocationMinor);
  if (level.creditRule.kind === 'tiered' && credit.tier === null) {
    return { ...line, code: 'noTierReached', credit, firstTier: mildestTier(level.creditRule.tiers, kpi.direction) };
  }
  if (credit.amountMinor === 0) {
    return { ...line, code: 'credit', credit };
  }

  const earnBack = judgeEarnBack(entry, line.period);
  return { ...line, code: lineCodeOf[earnBack.status], credit, earnBack };
}

const lineCodeOf = { due: 'credit', pending: 'earnBackPending', earnedBack: 'earnedBack' } as const satisfies Record<
  EarnBack['status'],
  CreditLineCode
>;

/** Tier that a result reaches first as it worsens: the best `worseThan` in the KPI's direction. */
function mildestTier<T extends { readonly worseThan: number }>(tiers: readonly T[], direction: CreditsKpi['direction']): T | null {
  let mildest: T | null = null;
  for (const tier of tiers) {
    if (mildest === null || isWorseThan(direction, mildest.worseThan, tier.worseThan)) {
      mildest = tier;
    }
  }
  return mildest;
}

/** Judges the earn-back of a credit of `period` on the `earnBackMonths` calendar months after it. */
function judgeEarnBack(entry: TrackedLevel, period: Period): EarnBack {
  const { level, kpi, results } = entry;
  const months = level.earnBackMonths;
  if (months === 0) {
    return { status: 'due', months: 0, from: null, to: null, missingPeriods: [], missedExpected: null };
  }

  const start = periodToMonthIndex(period);
  const missingPeriods: Period[] = [];
  let missedExpected: EarnBack['missedExpected'] = null;
  for (let offset = 1; offset <= months && missedExpected === null; offset += 1) {
    const windowPeriod = monthIndexToPeriod(start + offset);
    const result = results.get(windowPeriod) ?? null;
    if (result === null) {
      missingPeriods.push(windowPeriod);
      continue;
    }
    const { expected } = effectiveLevels(level, windowPeriod);
    if (isWorseThan(kpi.direction, result, expected)) {
      missedExpected = { period: windowPeriod, result, expected };
    }
  }

  let status: EarnBack['status'] = 'earnedBack';
  if (missedExpected !== null) {
    status = 'due';
  } else if (missingPeriods.length > 0) {
    status = 'pending';
  }
  return {
    status,
    months,
    from: monthIndexToPeriod(start + 1),
    to: monthIndexToPeriod(start + months),
    missingPeriods,
    missedExpected,
  };
}

function pairKey(providerId: Id, kpiId: Id): string {
  return `${providerId}\u0000${kpiId}`;
}
