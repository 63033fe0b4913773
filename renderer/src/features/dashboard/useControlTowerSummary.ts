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
import type { PortfolioDb } from '../../db/portfolioDb';
import { readVersionVector } from '../../db/versionVector';
import { platform } from '../../platform';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { startControlTowerTask, summaryRequest } from './controlTowerClient';
import { readCachedSummary, storeCachedSummary, summaryFreshness } from './summaryCache';
import type { SummaryCacheEntry } from './summaryCache';

export interface ControlTowerSummaryState {
  /** Providers in the portfolio, or `undefined` while the first read is running. */
  readonly providerCount: number | undefined;
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

/** Reads the cached summary once; `undefined` while reading, `null` when there is none or it cannot be read. */
function useCachedSummary(db: PortfolioDb): SummaryCacheEntry | null | undefined {
  const [entry, setEntry] = useState<{ readonly db: PortfolioDb; readonly cached: SummaryCacheEntry | null } | null>(null);
  useEffect(() => {
    let current = true;
    readCachedSummary(db).then(
      (cached) => {
        if (current) setEntry({ db, cached });
      },
      (thrown: unknown) => {
        // A cache that cannot be read is recomputed, so this is logged rather than shown.
        platform.log('warn', `The cached dashboard summary could not be read: ${String(thrown)}`);
        if (current) setEntry({ db, cached: null });
      },
    );
    return () => {
      current = false;
    };
  }, [db]);
  return entry !== null && entry.db === db ? entry.cached : undefined;
}

export function useControlTowerSummary(selection: ControlTowerSelection): ControlTowerSummaryState {
  const db = usePortfolioDb();
  const today = localDateOf(new Date().toISOString());
  const isDefault = selection.scope === null && selection.month === null;
  // The vector and the provider count are live and small. The cache is read once per mount,
  // because it is megabytes on a large portfolio and a fresh summary is held in state anyway.
  const stored = useLiveQuery(
    () =>
      db.transaction('r', [db.meta, db.providers], async () => {
        const [vector, providers] = await Promise.all([readVersionVector(db), db.providers.count()]);
        return { versionVector: vector, providerCount: providers };
      }),
    [db],
  );
  const versionVector = stored?.versionVector;
  const cached = useCachedSummary(db);
  const [computed, setComputed] = useState<Computed | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const key = versionVector === undefined ? null : summaryKey(versionVector, today, selection);
  const freshCache =
    isDefault && cached !== undefined && versionVector !== undefined && summaryFreshness(cached, versionVector, today) === 'fresh' ? cached : null;
  const cacheFresh = freshCache !== null;
  const waitingForCache = isDefault && cached === undefined;

  useEffect(() => {
    if (versionVector === undefined || key === null || cacheFresh || waitingForCache) return;
    const task = startControlTowerTask(db, summaryRequest(db, selection, today));
    let current = true;
    // A call, so TypeScript does not narrow `current` across the await below.
    const isCurrent = (): boolean => current;
    void task.outcome.then(async (outcome) => {
      if (!isCurrent() || outcome.kind === 'cancelled') return;
      if (outcome.kind === 'failed') {
        setError(outcome.error);
        return;
      }
      // Only the default selection is cached: it is what opening the dashboard shows. It is stored
      // before it is shown, so a reload right after it appears finds it.
      if (isDefault) {
        await storeCachedSummary(db, outcome.value, versionVector).catch((thrown: unknown) => {
          platform.log('warn', `The dashboard summary could not be cached: ${String(thrown)}`);
        });
      }
      if (!isCurrent()) return;
      setError(null);
      setComputed({ key, summary: outcome.value });
    });
    return () => {
      current = false;
      task.cancel();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` encodes the version vector, the date and the selection, so listing those objects would rerun the task on every new but equal copy
  }, [db, key, cacheFresh, waitingForCache]);

  const providerCount = stored?.providerCount;
  if (freshCache !== null) return { providerCount, summary: freshCache.value.summary, updating: false, error: null };
  if (computed !== null && computed.key === key) return { providerCount, summary: computed.summary, updating: false, error };
  // Something older while the worker runs: the last computed summary, else the cache of the default selection.
  const older = computed?.summary ?? (cached === undefined || cached === null ? null : cached.value.summary);
  return { providerCount, summary: older, updating: older !== null && error === null, error };
}
