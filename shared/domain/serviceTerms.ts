/**
 * Starting values of the service credit terms that format version 5 added to service levels and
 * contracts: what a level or contract holds until someone enters its terms, and what older files and
 * databases are upgraded to.
 */
import type { ContractData, ServiceLevelData } from './types';

export type ServiceLevelTerms = Pick<
  ServiceLevelData,
  'critical' | 'allocationPercent' | 'creditRule' | 'earnBackMonths' | 'bonus' | 'goLive' | 'glidePath'
>;

/** A reported KPI: no credits, no earn-back, no bonus, no glide path. */
export const reportedLevelTerms: ServiceLevelTerms = {
  critical: false,
  allocationPercent: null,
  creditRule: { kind: 'fixed' },
  earnBackMonths: 0,
  bonus: null,
  goLive: null,
  glidePath: [],
};

export type ContractCreditTerms = Pick<ContractData, 'monthlyChargesMinor' | 'atRiskPercent'>;

/** No charges entered and nothing at risk. */
export const noCreditTerms: ContractCreditTerms = { monthlyChargesMinor: null, atRiskPercent: null };
