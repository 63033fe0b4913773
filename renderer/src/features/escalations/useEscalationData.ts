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
import type { VersionVector } from '@shared/sync/snapshot';
import { toAppError } from '../../reportError';
import { escalationActionsRequest, startControlTowerTask } from '../dashboard/controlTowerClient';
import { sameVersionVector } from '../dashboard/summaryCache';
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
 * Key of the `meta` entry that records the last rule run that found nothing to do.
 * NOTE: the age rule counts whole days from the instant an escalation opened, so a raise that
 * falls due during the day waits for the next write or the next date when this marker matches.
 */
export const ruleRunMarkerKey = 'escalationRuleRun';

/** The data and date of the last rule run that found no action. `meta` is not exported, so the marker stays on this computer. */
interface RuleRunMarker {
  readonly key: typeof ruleRunMarkerKey;
  readonly value: { readonly versionVector: VersionVector; readonly today: CalendarDate };
}

function markerTable(db: PortfolioDb) {
  return db.table<RuleRunMarker, string>('meta');
}

/**
 * Computes the pending rule actions in the control tower worker and writes them only when there
 * are any, so an up-to-date portfolio costs no read of its measurements on the main thread. It
 * skips the worker too when a run on the same data and date found nothing. Returns the failure,
 * or `null`.
 */
async function runRulesOffMainThread(db: PortfolioDb, versionVector: VersionVector, today: CalendarDate): Promise<AppError | null> {
  try {
    const marker = await markerTable(db).get(ruleRunMarkerKey);
    if (marker !== undefined && marker.value.today === today && sameVersionVector(marker.value.versionVector, versionVector)) return null;
  } catch (thrown) {
    return toAppError(thrown, 'Reading the last escalation rule run failed');
  }

  // The worker reads every measurement of the critical levels, and IndexedDB serves that read
  // before the small reads the opening screen makes, so the worker starts once the window is idle.
  await whenIdle();
  const task = startControlTowerTask(db, escalationActionsRequest(db, new Date().toISOString(), today));
  const outcome = await task.outcome;
  if (outcome.kind === 'failed') return outcome.error;
  if (outcome.kind === 'cancelled') return null;
  try {
    // The vector was read before the worker read the records, so a write in between makes the
    // marker stale, never wrong, and makes the apply write nothing. That write changed the vector,
    // so the hook runs the rules again on the new data.
    if (outcome.value.length === 0) await markerTable(db).put({ key: ruleRunMarkerKey, value: { versionVector, today } });
    else await applyPendingEscalationActions(db, await getDeviceContext(), outcome.value, versionVector);
    return null;
  } catch (thrown) {
    return toAppError(thrown, 'Escalation rule run failed');
  }
}

/** Maximum wait for an idle period before the rule run starts anyway, in ms. */
const idleTimeoutMs = 3_000;

/** Resolves when the browser reports an idle period, or after `idleTimeoutMs`. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(
        () => {
          resolve();
        },
        { timeout: idleTimeoutMs },
      );
    } else {
      setTimeout(resolve, 0);
    }
  });
}

function sharedRuleRun(db: PortfolioDb, key: string, versionVector: VersionVector, today: CalendarDate): Promise<AppError | null> {
  const running = ruleRuns.get(key);
  if (running !== undefined) return running;
  const run = runRulesOffMainThread(db, versionVector, today);
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
    if (key === null || versionVector === undefined) return;
    let cancelled = false;
    void sharedRuleRun(db, key, versionVector, today).then((failure) => {
      if (!cancelled) setError(failure);
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` encodes the database, the version vector and the date, so listing those would start a run for every new but equal copy
  }, [key]);
  return error;
}
