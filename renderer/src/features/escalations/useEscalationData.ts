/**
 * Live escalation data of the open portfolio, and the rule run that keeps it current. The rules
 * run when a screen that shows escalations opens, because the age rule needs today, and again
 * after every write to the portfolio, such as an entry in the measurement grid. They are computed
 * in the control tower worker.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Escalation, EscalationEvent } from '@shared/domain/escalation';
import type { CalendarDate } from '@shared/domain/types';
import type { AppError } from '@shared/errors';
import { getDeviceContext } from '../../db/catalogue';
import { applyPendingEscalationActions, localDateOf } from '../../db/escalations';
import type { PortfolioDb } from '../../db/portfolioDb';
import { readVersionVector } from '../../db/versionVector';
import { toAppError } from '../../reportError';
import { escalationActionsRequest, startControlTowerTask } from '../dashboard/controlTowerClient';
import { usePortfolioDb } from '../portfolio/portfolioContext';

export interface EscalationData {
  readonly escalations: readonly Escalation[];
  readonly events: readonly EscalationEvent[];
}

/** Returns `undefined` while the first read is running. */
export function useEscalationData(): EscalationData | undefined {
  const db = usePortfolioDb();
  return useLiveQuery(async () => {
    const [escalations, events] = await Promise.all([db.escalations.toArray(), db.escalationEvents.toArray()]);
    return { escalations, events };
  }, [db]);
}

/** Rule runs by database, version vector and date, so the screens mounted together share one run. */
const ruleRuns = new Map<string, Promise<AppError | null>>();
/** Runs kept for sharing; older keys belong to superseded data. */
const keptRuleRuns = 8;

/**
 * Computes the pending rule actions in the control tower worker and writes them only when there
 * are any, so an up-to-date portfolio costs no read of its measurements on the main thread.
 * Returns the failure, or `null`.
 */
async function runRulesOffMainThread(db: PortfolioDb, today: CalendarDate): Promise<AppError | null> {
  const task = startControlTowerTask(db, escalationActionsRequest(db, new Date().toISOString(), today));
  const outcome = await task.outcome;
  if (outcome.kind === 'failed') return outcome.error;
  if (outcome.kind === 'cancelled') return null;
  try {
    await applyPendingEscalationActions(db, await getDeviceContext(), outcome.value, today);
    return null;
  } catch (thrown) {
    return toAppError(thrown, 'Escalation rule run failed');
  }
}

function sharedRuleRun(db: PortfolioDb, key: string, today: CalendarDate): Promise<AppError | null> {
  const running = ruleRuns.get(key);
  if (running !== undefined) return running;
  const run = runRulesOffMainThread(db, today);
  ruleRuns.set(key, run);
  for (const old of ruleRuns.keys()) {
    if (ruleRuns.size <= keptRuleRuns) break;
    ruleRuns.delete(old);
  }
  return run;
}

/**
 * Runs the escalation rules on mount, after every write to the portfolio (any write raises its
 * version vector) and when the date changes at the next render. The rules' own writes raise the
 * vector too, which costs one more run that finds nothing to do. Returns the failure of the last
 * run, or `null`.
 */
export function useEscalationRuleRun(): AppError | null {
  const db = usePortfolioDb();
  const [error, setError] = useState<AppError | null>(null);
  const versionVector = useLiveQuery(() => readVersionVector(db), [db]);
  const today = localDateOf(new Date().toISOString());
  const key = versionVector === undefined ? null : JSON.stringify([db.name, Object.entries(versionVector).sort(), today]);

  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    void sharedRuleRun(db, key, today).then((failure) => {
      if (!cancelled) setError(failure);
    });
    return () => {
      cancelled = true;
    };
  }, [db, key, today]);
  return error;
}
