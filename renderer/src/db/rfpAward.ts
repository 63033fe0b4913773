/** The award of an RFP: the winner and rationale, the provider and a draft contract, in one transaction. */
import { providerProfileDefaults } from '@shared/domain/profileDefaults';
import type { Bidder, RfpEvent } from '@shared/domain/rfp';
import type { Contract, Id, Provider } from '@shared/domain/types';
import { awardedContractTerms } from '@shared/rfp/contractTerms';
import type { AnnualValueSource } from '@shared/rfp/contractTerms';
import { checkPhaseTransition } from '@shared/rfp/phases';
import type { DeviceContext } from './clockStore';
import type { PortfolioDb } from './portfolioDb';
import { insertRecord, updateRecord } from './repository';
import { getOrFail, inRfpTransaction, readRfpRecords, throwFirstError } from './rfpSupport';

export interface AwardResult {
  readonly event: RfpEvent;
  /** The winner's provider: the one it was already linked to, or one created for a prospect. */
  readonly provider: Provider;
  /** The new draft contract with the winner. */
  readonly contract: Contract;
  /** Source of the contract's annual value, or the reason it is `null`. */
  readonly annualValueSource: AnnualValueSource;
}

/** Returns the winner's provider, creating one (without a code) for a prospect or a bidder whose provider was deleted, and links the bidder to it. */
async function providerOfWinner(db: PortfolioDb, winner: Bidder, context: DeviceContext): Promise<Provider> {
  const linked = winner.providerId === null ? undefined : await db.providers.get(winner.providerId);
  if (linked !== undefined) return linked;

  const provider = await insertRecord(
    db,
    'providers',
    { code: null, name: winner.name, formerNames: [], ...providerProfileDefaults, lifecycle: 'onboarding' },
    context,
  );
  await updateRecord(db, 'rfpBidders', winner.id, { providerId: provider.id }, context);
  return provider;
}

/**
 * Awards the RFP to `bidderId` with `rationale`, in one transaction: records the winner and the
 * rationale, links the winner to its provider (creating a provider for a prospect), creates a
 * draft contract with that provider and moves the RFP to `awarded`. Rejects with the first error
 * of `checkPhaseTransition` (`rfp.invalidTransition` outside `consensus`, `rfp.awardBidderMissing`
 * for a bidder of another RFP, `rfp.awardReasonMissing` for a blank rationale), writing nothing.
 *
 * The draft contract has the RFP's title and base currency, no dates, and as annual value the
 * winner's recurring charges for a year from its highest pricing round, converted to the base
 * currency, or `null` in the cases `awardedContractTerms` lists. The user sets the dates once the
 * contract is signed.
 */
export async function awardRfp(db: PortfolioDb, rfpId: Id, bidderId: Id, rationale: string, context: DeviceContext): Promise<AwardResult> {
  return await inRfpTransaction(db, { table: 'rfpEvents', id: rfpId }, async () => {
    const records = await readRfpRecords(db, rfpId);
    const awardReason = rationale.trim();
    const facts = { ...records, event: { ...records.event, awardedBidderId: bidderId, awardReason } };
    throwFirstError(checkPhaseTransition(facts, 'awarded'));

    const winner = await getOrFail(db, 'rfpBidders', bidderId);
    const provider = await providerOfWinner(db, winner, context);
    const terms = awardedContractTerms(records.event, winner.id, records.priceBids);
    const contract = await insertRecord(db, 'contracts', { providerId: provider.id, ...terms.contract }, context);
    const event = await updateRecord(
      db,
      'rfpEvents',
      rfpId,
      { phase: 'awarded', awardedBidderId: bidderId, awardReason, awardedContractId: contract.id },
      context,
    );
    return { event, provider, contract, annualValueSource: terms.annualValueSource };
  });
}
