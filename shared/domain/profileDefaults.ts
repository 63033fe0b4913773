/**
 * Starting values of the provider and contract fields that format version 6 added: what a record
 * contains until someone enters them, and what older files and databases are upgraded to.
 */
import type { ContractData, ExitProvisions, ProviderData } from './types';

export type ProviderProfile = Pick<
  ProviderData,
  'legalEntity' | 'parentCompany' | 'serviceKinds' | 'serviceAudiences' | 'tier' | 'criticality' | 'lifecycle' | 'financialRating'
>;

/**
 * Nothing recorded, and active: a provider that a portfolio held before format 6 delivers
 * services, since measurements or contracts brought it in.
 */
export const providerProfileDefaults: ProviderProfile = {
  legalEntity: '',
  parentCompany: '',
  serviceKinds: [],
  serviceAudiences: [],
  tier: null,
  criticality: null,
  lifecycle: 'active',
  financialRating: null,
};

export const noExitProvisions: ExitProvisions = { exitPlan: false, dataReturn: false, knowledgeTransferBack: false, stepInRights: false };

export type ContractGovernanceTerms = Pick<
  ContractData,
  'noticePeriod' | 'autoRenewal' | 'renewalMonths' | 'pricingModel' | 'exitProvisions'
>;

/** No notice, renewal, pricing model or exit provision recorded. */
export const contractGovernanceDefaults: ContractGovernanceTerms = {
  noticePeriod: null,
  autoRenewal: false,
  renewalMonths: null,
  pricingModel: null,
  exitProvisions: noExitProvisions,
};

/** Returns the profile fields of `provider`, so that a write that replaces its name keeps them. */
export function providerProfileOf(provider: ProviderData): ProviderProfile {
  const { legalEntity, parentCompany, serviceKinds, serviceAudiences, tier, criticality, lifecycle, financialRating } = provider;
  return { legalEntity, parentCompany, serviceKinds, serviceAudiences, tier, criticality, lifecycle, financialRating };
}
