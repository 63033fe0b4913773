/**
 * Live views of the open portfolio's transition plans. They re-render whenever a repository in
 * `db/plans.ts`, or a merge, writes a plan record.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Contract, Id, Provider } from '@shared/domain/types';
import { loadPlan } from '../../db/plans';
import type { PlanRecords } from '../../db/plans';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import type { PortfolioPlans } from './planList';

/** Reads every plan record, calendar, provider and contract; `undefined` while the first read runs. */
export function usePortfolioPlans(): PortfolioPlans | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(
    () =>
      db.transaction('r', [db.plans, db.planTasks, db.planDependencies, db.planCalendars, db.providers, db.contracts], async () => {
        const [plans, tasks, dependencies, calendars, providers, contracts] = await Promise.all([
          db.plans.toArray(),
          db.planTasks.toArray(),
          db.planDependencies.toArray(),
          db.planCalendars.toArray(),
          db.providers.toArray(),
          db.contracts.toArray(),
        ]);
        return { plans, tasks, dependencies, calendars, providers, contracts };
      }),
    [db],
  );
}

/** Reads one plan's records; `null` when there is no plan with that id, `undefined` while the first read runs. */
export function usePlanRecords(planId: Id): PlanRecords | null | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(() => loadPlan(db, planId), [db, planId]);
}

/** Reads the portfolio's providers, sorted by name, for the provider pickers. */
export function useProviderChoices(): readonly Provider[] | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(async () => (await db.providers.toArray()).sort((a, b) => a.name.localeCompare(b.name)), [db]);
}

/** Contracts a plan of one provider can choose from, and the chosen contract when it is not one of them. */
export interface ContractChoices {
  /** The provider's contracts, sorted by title. */
  readonly contracts: readonly Contract[];
  /**
   * The chosen contract when it is with another provider, as a merge can leave it. It is
   * `undefined` when the chosen contract is one of `contracts`, none is chosen, or it is gone.
   */
  readonly chosenOfOtherProvider: Contract | undefined;
}

/**
 * Reads the contracts with `providerId` (none for `null`) and, when `chosenId` is not one of
 * them, the chosen contract; `undefined` while the first read runs.
 */
export function useContractChoices(providerId: Id | null, chosenId: Id | null): ContractChoices | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(async (): Promise<ContractChoices> => {
    const contracts = providerId === null ? [] : await db.contracts.where('providerId').equals(providerId).toArray();
    contracts.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
    const listed = contracts.some((contract) => contract.id === chosenId);
    const chosenOfOtherProvider = chosenId === null || listed ? undefined : await db.contracts.get(chosenId);
    return { contracts, chosenOfOtherProvider };
  }, [db, providerId, chosenId]);
}
