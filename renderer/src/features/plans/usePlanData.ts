/**
 * Live views of the open portfolio's transition plans. They re-render whenever a repository in
 * `db/plans.ts`, or a merge, writes a plan record.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Id, Provider } from '@shared/domain/types';
import { loadPlan } from '../../db/plans';
import type { PlanRecords } from '../../db/plans';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import type { PortfolioPlans } from './planList';

/** Reads every plan record, calendar and provider; `undefined` while the first read runs. */
export function usePortfolioPlans(): PortfolioPlans | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(
    () =>
      db.transaction('r', [db.plans, db.planTasks, db.planDependencies, db.planCalendars, db.providers], async () => {
        const [plans, tasks, dependencies, calendars, providers] = await Promise.all([
          db.plans.toArray(),
          db.planTasks.toArray(),
          db.planDependencies.toArray(),
          db.planCalendars.toArray(),
          db.providers.toArray(),
        ]);
        return { plans, tasks, dependencies, calendars, providers };
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
