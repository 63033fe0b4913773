/**
 * The transition plan that the Award tab offers for an awarded RFP: the plan that schedules the
 * awarded contract when one exists, else what "Create transition plan" needs to make one from
 * the BPO template. Pure.
 */
import type { Plan } from '@shared/domain/plan';
import type { RfpEvent } from '@shared/domain/rfp';
import type { Contract, Id, Provider } from '@shared/domain/types';

/** Reason that the award offers no transition plan. */
export type NoPlanReason =
  /** The RFP is not awarded, or its award names no contract. */
  | 'notAwarded'
  /** The awarded contract is no longer in the portfolio, and no plan names it. */
  | 'contractMissing'
  /** The awarded contract's provider is no longer in the portfolio. */
  | 'providerMissing';

export type AwardPlanOffer =
  /** A plan schedules the awarded contract. */
  | { readonly kind: 'open'; readonly plan: Plan }
  /** No plan schedules it yet; these are the owner and waves of a new plan. */
  | {
      readonly kind: 'create';
      readonly providerId: Id;
      readonly providerName: string;
      readonly contractId: Id;
      /** The RFP's scope, trimmed and without blank entries: one wave per process, in scope order. */
      readonly processes: readonly string[];
    }
  | { readonly kind: 'unavailable'; readonly reason: NoPlanReason };

/** Fields of the RFP that the offer depends on. */
export type AwardedRfp = Pick<RfpEvent, 'phase' | 'awardedContractId' | 'scope'>;

/**
 * Decides what the Award tab offers for the transition of the awarded contract.
 *
 * `contract` is the record of `event.awardedContractId` (`undefined` when it is gone), `provider`
 * the record of that contract's provider, and `plans` any plans of the portfolio (only those
 * whose `contractId` is the awarded contract count). Several plans can name the contract, for
 * example when two laptops each created one before they merged. The one with the smallest id is
 * offered: ids are UUIDv7, so it is the first created, and every laptop picks the same one. A
 * plan is offered even when the contract is gone, because the plan itself still exists.
 */
export function awardPlanOffer(
  event: AwardedRfp,
  contract: Contract | undefined,
  provider: Provider | undefined,
  plans: readonly Plan[],
): AwardPlanOffer {
  const contractId = event.awardedContractId;
  if (event.phase !== 'awarded' || contractId === null) return { kind: 'unavailable', reason: 'notAwarded' };

  const plan = firstPlanOfContract(plans, contractId);
  if (plan !== null) return { kind: 'open', plan };

  if (contract?.id !== contractId) return { kind: 'unavailable', reason: 'contractMissing' };
  if (provider?.id !== contract.providerId) return { kind: 'unavailable', reason: 'providerMissing' };

  const processes = event.scope.map((process) => process.trim()).filter((process) => process !== '');
  return { kind: 'create', providerId: provider.id, providerName: provider.name, contractId, processes };
}

/** Returns the plan with the smallest id among those whose `contractId` is `contractId`, or `null`. */
export function firstPlanOfContract(plans: readonly Plan[], contractId: Id): Plan | null {
  let first: Plan | null = null;
  for (const plan of plans) {
    if (plan.contractId !== contractId) continue;
    if (first === null || plan.id < first.id) first = plan;
  }
  return first;
}
