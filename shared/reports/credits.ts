/**
 * Service credits and earn-backs of the period: per contract, the ledger totals of the period's
 * months from the credits engine, and every credit of those months with its earn-back status.
 * A quarter's totals are the sums of its months, which is how the credits ledger and the
 * dashboard's quarter panel total a quarter.
 */
import { computePortfolioCredits } from '../kpi/credits';
import { addTotals, zeroTotals } from '../kpi/creditsLedger';
import type { ContractCredits, CreditTotals } from '../kpi/creditsTypes';
import type { Id, Period } from '../domain/types';
import type { RecordsByTable } from '../sync/snapshot';
import { booleanCell, codeCell, compareText, kpiValueCell, monthCell, moneyCell, textCell } from './tableText';
import type { CreditsSection, CurrencyCredits, ReportCell } from './types';

/** One contract's credits over the period's months. */
export interface ContractPeriodCredits {
  readonly credits: ContractCredits;
  readonly providerName: string;
  readonly contractTitle: string;
  readonly totals: CreditTotals;
  /** Months of the period that the contract's ledger covers. */
  readonly months: number;
}

/**
 * Computes every contract's credits with `computePortfolioCredits` and totals the period's months,
 * keeping contracts whose ledger has a month in the period. Sorted by currency, amount owed
 * (largest first), provider name and contract id.
 */
export function creditsOfPeriod(records: RecordsByTable, months: readonly Period[]): ContractPeriodCredits[] {
  const credits = computePortfolioCredits(records.contracts, records.serviceLevels, records.kpis, records.measurements);
  const providerNames = new Map(records.providers.map((provider) => [provider.id, provider.name]));
  const contractTitles = new Map(records.contracts.map((contract) => [contract.id, contract.title]));
  const inPeriod = new Set(months);

  const result: ContractPeriodCredits[] = [];
  for (const contract of credits.values()) {
    const periodMonths = contract.months.filter((month) => inPeriod.has(month.period));
    if (periodMonths.length === 0) continue;
    result.push({
      credits: contract,
      providerName: providerNames.get(contract.providerId) ?? '',
      contractTitle: contractTitles.get(contract.contractId) ?? '',
      totals: periodMonths.reduce<CreditTotals>((sum, month) => addTotals(sum, month), zeroTotals),
      months: periodMonths.length,
    });
  }
  return result.sort(
    (a, b) =>
      compareText(a.credits.currency, b.credits.currency) ||
      b.totals.afterCapMinor - a.totals.afterCapMinor ||
      compareText(a.providerName, b.providerName) ||
      compareText(a.credits.contractId, b.credits.contractId),
  );
}

/** Sums the period's credits per currency, by currency code; contracts without any amount add nothing. */
export function totalsByCurrency(contracts: readonly ContractPeriodCredits[]): CurrencyCredits[] {
  const totals = new Map<string, { dueMinor: number; pendingMinor: number; bonusMinor: number }>();
  for (const { credits, totals: contractTotals } of contracts) {
    if (contractTotals.afterCapMinor + contractTotals.bonusMinor === 0) continue;
    const sum = totals.get(credits.currency) ?? { dueMinor: 0, pendingMinor: 0, bonusMinor: 0 };
    sum.dueMinor += contractTotals.dueMinor;
    sum.pendingMinor += contractTotals.pendingMinor;
    sum.bonusMinor += contractTotals.bonusMinor;
    totals.set(credits.currency, sum);
  }
  return [...totals].map(([currency, sum]) => ({ currency, ...sum })).sort((a, b) => compareText(a.currency, b.currency));
}

export function buildCreditsSection(
  contracts: readonly ContractPeriodCredits[],
  records: RecordsByTable,
  months: readonly Period[],
  withoutCommercialTerms: boolean,
): CreditsSection {
  if (withoutCommercialTerms) return { key: 'credits', state: 'redacted', tables: [], totals: [] };
  if (contracts.length === 0) return { key: 'credits', state: 'empty', tables: [], totals: [] };

  const byContract = contracts.map(({ credits, providerName, contractTitle, totals }): ReportCell[] => {
    const money = (minor: number) => moneyCell(minor, credits.currency);
    return [
      textCell(providerName),
      textCell(contractTitle),
      money(totals.grossMinor),
      money(totals.waivedMinor),
      money(totals.cappedMinor),
      money(totals.dueMinor),
      money(totals.pendingMinor),
      money(totals.bonusMinor),
      booleanCell(credits.terms.issues.length === 0),
    ];
  });
  return {
    key: 'credits',
    state: 'ready',
    tables: [
      {
        key: 'creditsByContract',
        columns: ['provider', 'contract', 'gross', 'earnedBack', 'capped', 'due', 'pending', 'bonus', 'calculable'],
        rows: byContract,
      },
      { key: 'creditLines', columns: ['provider', 'contract', 'kpi', 'month', 'result', 'minimum', 'credit', 'earnBack', 'earnBackUntil'], rows: creditLines(contracts, records, months) },
    ],
    totals: totalsByCurrency(contracts),
  };
}

/** Lists every credit above 0 in the period's months, in the contracts' order, then by month and level order. */
function creditLines(contracts: readonly ContractPeriodCredits[], records: RecordsByTable, months: readonly Period[]): ReportCell[][] {
  const kpis = new Map<Id, RecordsByTable['kpis'][number]>(records.kpis.map((kpi) => [kpi.id, kpi]));
  const inPeriod = new Set(months);
  const rows: ReportCell[][] = [];
  for (const { credits, providerName, contractTitle } of contracts) {
    for (const month of credits.months) {
      if (!inPeriod.has(month.period)) continue;
      for (const line of month.lines) {
        const amount = line.credit?.amountMinor ?? 0;
        const kpi = kpis.get(line.kpiId);
        if (amount === 0 || kpi === undefined) continue;
        rows.push([
          textCell(providerName),
          textCell(contractTitle),
          { kind: 'kpi', key: kpi.key, name: kpi.name },
          monthCell(line.period),
          kpiValueCell(line.result, kpi.unit),
          kpiValueCell(line.levels.minimum, kpi.unit),
          moneyCell(amount, credits.currency),
          codeCell('earnBack', line.earnBack?.status ?? 'due'),
          monthCell(line.earnBack?.to ?? null),
        ]);
      }
    }
  }
  return rows;
}
