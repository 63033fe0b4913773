/**
 * The dashboard summary for the user's selection, without reading every measurement on the main
 * thread. The default selection shows the cached summary at once. A stale cache is shown while
 * the worker computes a fresh one, and any other selection is computed by the worker on request.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppError } from '@shared/errors';
import type { ControlTowerSelection, ControlTowerSummary } from '@shared/kpi/controlTowerSummary';
import type { VersionVector } from '@shared/sync/snapshot';
import { localDateOf } from '../../db/escalations';
import { readVersionVector } from '../../db/versionVector';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { startControlTowerTask, summaryRequest } from './controlTowerClient';
import { readCachedSummary, storeCachedSummary, summaryFreshness } from './summaryCache';

export interface ControlTowerSummaryState {
  /** The summary to show, or `null` until the first one is ready. */
  readonly summary: ControlTowerSummary | null;
  /** True while the shown summary is older than the data or belongs to another selection. */
  readonly updating: boolean;
  readonly error: AppError | null;
}

interface Computed {
  readonly key: string;
  readonly summary: ControlTowerSummary;
}

/** Identifies one summary: the data's version vector, the date and the selection. */
function summaryKey(versionVector: VersionVector, today: string, selection: ControlTowerSelection): string {
  const devices = Object.keys(versionVector).sort();
  return JSON.stringify([devices.map((device) => [device, versionVector[device]]), today, selection.scope, selection.month]);
}

export function useControlTowerSummary(selection: ControlTowerSelection): ControlTowerSummaryState {
  const db = usePortfolioDb();
  const today = localDateOf(new Date().toISOString());
  const isDefault = selection.scope === null && selection.month === null;
  const versionVector = useLiveQuery(() => readVersionVector(db), [db]);
  const cached = useLiveQuery(() => readCachedSummary(db), [db]);
  const [computed, setComputed] = useState<Computed | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const key = versionVector === undefined ? null : summaryKey(versionVector, today, selection);
  const cacheFresh = isDefault && cached !== undefined && versionVector !== undefined && summaryFreshness(cached, versionVector, today) === 'fresh';
  const waitingForCache = isDefault && cached === undefined;

  useEffect(() => {
    if (versionVector === undefined || key === null || cacheFresh || waitingForCache) return;
    const task = startControlTowerTask(db, summaryRequest(db, selection, today));
    let current = true;
    void task.outcome.then(async (outcome) => {
      if (!current || outcome.kind === 'cancelled') return;
      if (outcome.kind === 'failed') {
        setError(outcome.error);
        return;
      }
      setError(null);
      setComputed({ key, summary: outcome.value });
      // Only the default selection is cached: it is what opening the dashboard shows.
      if (isDefault) await storeCachedSummary(db, outcome.value, versionVector);
    });
    return () => {
      current = false;
      task.cancel();
    };
    // `key` stands for the version vector, the date and the selection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key, cacheFresh, waitingForCache]);

  if (cacheFresh) return { summary: cached.value.summary, updating: false, error: null };
  if (computed !== null && computed.key === key) return { summary: computed.summary, updating: false, error };
  // Something older while the worker runs: the last computed summary, else the cache of the default selection.
  const older = computed?.summary ?? (cached === undefined || cached === null ? null : cached.value.summary);
  return { summary: older, updating: older !== null && error === null, error };
}
