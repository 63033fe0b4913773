/**
 * Building a pack from the open portfolio, with progress and cancel: read the snapshot in one
 * read-only transaction, build the sections (`buildReportStepwise`), then draw the charts. Each
 * step yields to the event loop, so the screen stays responsive and Cancel takes effect at the
 * next step. Nothing is saved here.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import type { CalendarDate, Id, Instant } from '@shared/domain/types';
import { buildReportStepwise } from '@shared/reports';
import type { ReportOptions, ReportSectionKey } from '@shared/reports';
import { getDeviceContext } from '../../db/catalogue';
import type { PortfolioDb } from '../../db/portfolioDb';
import { readSnapshot } from '../../db/snapshot';
import { drawCharts } from './drawCharts';
import type { RenderedPack } from './drawCharts';

export type { RenderedPack };

export type BuildStep =
  | { readonly step: 'reading' }
  | { readonly step: 'section'; readonly section: ReportSectionKey; readonly done: number; readonly total: number }
  | { readonly step: 'charts'; readonly done: number; readonly total: number };

export type BuildState =
  | { readonly status: 'idle' }
  | { readonly status: 'building'; readonly progress: BuildStep }
  | { readonly status: 'done'; readonly rendered: RenderedPack }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly error: unknown };

function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 0);
  });
}

export interface BuildRequest {
  readonly db: PortfolioDb;
  readonly portfolio: { readonly id: Id; readonly name: string };
  readonly options: ReportOptions;
}

/** Returns the build state, `start` to build a pack, and `cancel`. Unmounting cancels a running build. */
export function useReportBuild(t: TFunction, locale: string) {
  const [state, setState] = useState<BuildState>({ status: 'idle' });
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      controllerRef.current?.abort();
    },
    [],
  );

  const start = useCallback(
    async ({ db, portfolio, options }: BuildRequest) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      const { signal } = controller;
      // A newer build replaces this one, so this one's late updates must not overwrite its state.
      const update = (next: BuildState) => {
        if (controllerRef.current === controller) setState(next);
      };
      try {
        update({ status: 'building', progress: { step: 'reading' } });
        const { deviceId } = await getDeviceContext();
        const snapshot = await readSnapshot(db, portfolio, deviceId);
        signal.throwIfAborted();
        const pack = await buildReportStepwise({ snapshot }, options, {
          signal,
          pause: nextTask,
          onProgress: (progress) => {
            if (progress.section !== null) update({ status: 'building', progress: { step: 'section', ...progress, section: progress.section } });
          },
        });
        const rendered = await drawCharts(
          pack,
          t,
          locale,
          signal,
          (done, total) => {
            update({ status: 'building', progress: { step: 'charts', done, total } });
          },
          nextTask,
        );
        if (!signal.aborted) update({ status: 'done', rendered });
      } catch (error) {
        update(signal.aborted ? { status: 'cancelled' } : { status: 'failed', error });
      }
    },
    [t, locale],
  );

  const cancel = useCallback(() => {
    controllerRef.current?.abort();
  }, []);

  return { state, start, cancel };
}

/** Today in the user's time zone and the current instant, read once per build. */
export function buildTimes(now: Date = new Date()): { readonly today: CalendarDate; readonly generatedAt: Instant } {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return { today: `${String(now.getFullYear())}-${month}-${day}`, generatedAt: now.toISOString() };
}
