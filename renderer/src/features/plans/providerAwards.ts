/** The awarded RFPs whose contract went to one provider, which the provider's page points to. Pure. */
import type { RfpEvent } from '@shared/domain/rfp';
import type { Contract, Id } from '@shared/domain/types';

/** An awarded RFP whose Award tab offers "Create transition plan" for the provider's contract. */
export interface ProviderAward {
  readonly rfpId: Id;
  readonly title: string;
}

/**
 * Returns the RFPs in phase `awarded` whose awarded contract is one of `contracts` with
 * `providerId`, sorted by title. An RFP whose contract is no longer in `contracts` is left out,
 * because its Award tab cannot create a plan for it.
 */
export function providerAwards(
  events: readonly Pick<RfpEvent, 'id' | 'title' | 'phase' | 'awardedContractId'>[],
  contracts: readonly Pick<Contract, 'id' | 'providerId'>[],
  providerId: Id,
): ProviderAward[] {
  const providerContracts = new Set(contracts.filter((contract) => contract.providerId === providerId).map((contract) => contract.id));
  return events
    .filter((event) => event.phase === 'awarded' && event.awardedContractId !== null && providerContracts.has(event.awardedContractId))
    .map((event) => ({ rfpId: event.id, title: event.title }))
    .sort((a, b) => a.title.localeCompare(b.title) || a.rfpId.localeCompare(b.rfpId));
}
