/**
 * Illustrative contracts of the NHS 111 sample. NHS 111 providers are commissioned by the NHS,
 * and their contracts are not public, so every term here is invented: monthly charges, the 12%
 * at risk, allocations, credit rules and the expected levels. They exist to show service credits
 * and the control tower on real monthly results, and their title states that they are invented.
 *
 * The minimum levels stay the national standards that the sample's service levels already carry
 * (95% answered within 60 seconds, at most 5% abandoned), so the sample's breaches are the same
 * with or without these contracts. The expected levels are stricter, which gives an amber band.
 */
import { addCalendarMonths } from '@shared/calendar/contractDates';
import type { ContractGovernanceTerms } from '@shared/domain/profileDefaults';
import { nhs111KpiKeys } from '@shared/import/presets/nhs111';
import type { CalendarDate, ServiceLevelData } from '@shared/domain/types';
import { fromDayNumber, toDayNumber } from '@shared/schedule/days';
import type { DeviceContext } from '../../db/clockStore';
import type { PortfolioDb } from '../../db/portfolioDb';
import { insertRecord, updateRecord } from '../../db/repository';

/** Title of every illustrative contract; the dashboard recognises them by it to show the note that they are invented. */
export const illustrativeContractTitle = 'Illustrative NHS 111 contract (invented terms, not an NHS contract)';

export interface IllustrativeContract {
  /** NHS provider organisation code in the sample. */
  readonly providerCode: string;
  /** First day of the service, so that the contract covers every month of the sample's data. */
  readonly startDate: CalendarDate;
  /**
   * Months from the month the sample is opened in to the month whose last day ends the current
   * term. The contracts have been renewed since the data's year, so the term runs today.
   */
  readonly monthsToTermEnd: number;
  /** Invented monthly charges, in pence. */
  readonly monthlyChargesMinor: number;
}

/**
 * Three providers that between them show every status in March 2016. Inner North West London
 * meets both minimums. West Midlands misses the 95% answered within 60 seconds in every month from
 * November 2015. North West including Blackpool starts in October 2015, so its earlier months are gaps.
 *
 * With 6 months' notice, West Midlands' notice deadline falls 4 to 9 weeks after the sample is
 * opened, within the 90-day alert of the contract page and the calendar. So the renewal decision
 * on the provider that misses its service levels is due. The other two deadlines lie further ahead.
 */
export const illustrativeContracts: readonly IllustrativeContract[] = [
  { providerCode: '111AA7', startDate: '2015-04-01', monthsToTermEnd: 11, monthlyChargesMinor: 31_000_000 },
  { providerCode: '111AC9', startDate: '2015-04-01', monthsToTermEnd: 7, monthlyChargesMinor: 145_000_000 },
  { providerCode: '111AF8', startDate: '2015-10-01', monthsToTermEnd: 19, monthlyChargesMinor: 102_000_000 },
];

/** Returns the end of the contract's current term: the last day of the month `monthsToTermEnd` after `today`'s month. */
export function illustrativeTermEnd(contract: IllustrativeContract, today: CalendarDate): CalendarDate {
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  return fromDayNumber(toDayNumber(addCalendarMonths(firstOfMonth, contract.monthsToTermEnd + 1)) - 1);
}

/** Share of the monthly charges at risk, in percent. */
export const illustrativeAtRiskPercent = 12;

type LevelTerms = Pick<
  ServiceLevelData,
  'expected' | 'minimum' | 'critical' | 'allocationPercent' | 'creditRule' | 'earnBackMonths' | 'bonus' | 'goLive' | 'glidePath'
>;

/** Terms of the two critical service levels, by KPI key. */
export const illustrativeLevelTerms: Readonly<Record<string, LevelTerms>> = {
  // 60% of the at-risk amount; the credit grows in proportion to the shortfall, in full at 85%.
  // Three following months at the expected level earn a credit back.
  [nhs111KpiKeys.answeredWithin60s]: {
    expected: 96,
    minimum: 95,
    critical: true,
    allocationPercent: 60,
    creditRule: { kind: 'proportional', fullCreditAt: 85 },
    earnBackMonths: 3,
    bonus: null,
    goLive: null,
    glidePath: [],
  },
  // 40% of the at-risk amount in two tiers: half above 5% abandoned, all of it above 8%.
  [nhs111KpiKeys.abandonedCalls]: {
    expected: 2,
    minimum: 5,
    critical: true,
    allocationPercent: 40,
    creditRule: {
      kind: 'tiered',
      tiers: [
        { worseThan: 5, percentOfAllocation: 50 },
        { worseThan: 8, percentOfAllocation: 100 },
      ],
    },
    earnBackMonths: 0,
    bonus: null,
    goLive: null,
    glidePath: [],
  },
};

/** Notice, renewal, pricing and exit terms of every illustrative contract, typical of a contact centre contract. */
export const illustrativeGovernanceTerms: ContractGovernanceTerms = {
  noticePeriod: { amount: 6, unit: 'months' },
  autoRenewal: true,
  renewalMonths: 12,
  pricingModel: 'transactionBased',
  exitProvisions: { exitPlan: true, dataReturn: true, knowledgeTransferBack: true, stepInRights: false },
};

/**
 * Adds the illustrative contracts, with their current term ending as `illustrativeTermEnd` gives
 * for `today`, and turns the providers' service levels of the two KPIs into critical levels of
 * those contracts. Call it inside the transaction that imports the sample, so that the sample is
 * loaded whole or not at all. The transaction must cover the `providers`, `kpis`, `contracts`,
 * `serviceLevels`, `audit` and `meta` tables. Throws when the imported sample lacks a provider or
 * a service level named here, which means the bundled file and this module disagree.
 */
export async function addIllustrativeContracts(db: PortfolioDb, context: DeviceContext, today: CalendarDate): Promise<void> {
  const kpis = await db.kpis.toArray();
  for (const contract of illustrativeContracts) {
    const provider = await db.providers.where('code').equals(contract.providerCode).first();
    if (provider === undefined) throw new Error(`The sample has no provider ${contract.providerCode} for its illustrative contract`);

    const stored = await insertRecord(
      db,
      'contracts',
      {
        providerId: provider.id,
        title: illustrativeContractTitle,
        startDate: contract.startDate,
        endDate: illustrativeTermEnd(contract, today),
        currency: 'GBP',
        annualValueMinor: contract.monthlyChargesMinor * 12,
        monthlyChargesMinor: contract.monthlyChargesMinor,
        atRiskPercent: illustrativeAtRiskPercent,
        ...illustrativeGovernanceTerms,
      },
      context,
    );

    for (const [kpiKey, terms] of Object.entries(illustrativeLevelTerms)) {
      const kpi = kpis.find((candidate) => candidate.key === kpiKey);
      const level =
        kpi === undefined ? undefined : await db.serviceLevels.where('[providerId+kpiId]').equals([provider.id, kpi.id]).first();
      if (level === undefined) throw new Error(`The sample has no ${kpiKey} service level for ${contract.providerCode}`);
      await updateRecord(db, 'serviceLevels', level.id, { ...terms, contractId: stored.id }, context);
    }
  }
}
