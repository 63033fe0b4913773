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
import type { ReportOptions, ReportPack, ReportSectionKey } from '@shared/reports';
import { fromDayNumber } from '@shared/schedule/days';
import { getDeviceContext } from '../../db/catalogue';
import type { PortfolioDb } from '../../db/portfolioDb';
import { readSnapshot } from '../../db/snapshot';
import { formatKpiValue, formatPeriod } from '../../format';
import { kpiName } from '../kpi/kpiName';
import { buildGanttOption, buildLevelChartOption, ganttHeight, ganttWidth, levelChartSize, renderChartSvg } from './reportCharts';
import { dateText } from './reportText';

/** A pack with its charts drawn as SVG strings. */
export interface RenderedPack {
  readonly pack: ReportPack;
  /** SVG of each level chart, by service level id. */
  readonly levelCharts: ReadonlyMap<Id, string>;
  /** SVG of each plan's Gantt excerpt, by plan id. */
  readonly gantts: ReadonlyMap<Id, string>;
}

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

/** Charts drawn between two yields to the event loop. */
const chartsPerStep = 4;

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

/** Draws every chart of `pack`, reporting progress and stopping at the next step once `signal` is aborted. */
export async function drawCharts(
  pack: ReportPack,
  t: TFunction,
  locale: string,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
): Promise<RenderedPack> {
  const levelCharts = new Map<Id, string>();
  const gantts = new Map<Id, string>();
  const jobs: (() => void)[] = [];
  for (const section of pack.sections) {
    if (section.key === 'scorecards') {
      for (const chart of section.charts) {
        jobs.push(() => {
          const kpi = kpiName(t, { key: chart.kpiKey, name: chart.kpiName });
          const option = buildLevelChartOption(chart, {
            title: t('reports.pack.chartLabel', { kpi, provider: chart.providerName }),
            result: t('reports.pack.result'),
            expected: t('reports.pack.expected'),
            minimum: t('reports.pack.minimum'),
            month: (period) => formatPeriod(period, locale),
            value: (value) => formatKpiValue(value, chart.unit, locale),
          });
          levelCharts.set(chart.serviceLevelId, renderChartSvg(option, levelChartSize.width, levelChartSize.height));
        });
      }
    }
    if (section.key === 'transitions') {
      for (const excerpt of section.gantts) {
        jobs.push(() => {
          const option = buildGanttOption(excerpt, {
            title: t('reports.pack.ganttLabel', { plan: excerpt.title }),
            date: (day) => dateText(fromDayNumber(Math.round(day)), locale),
          });
          gantts.set(excerpt.planId, renderChartSvg(option, ganttWidth, ganttHeight(excerpt.bars.length)));
        });
      }
    }
  }
  for (const [index, job] of jobs.entries()) {
    if (index % chartsPerStep === 0) {
      onProgress(index, jobs.length);
      await nextTask();
      signal.throwIfAborted();
    }
    job();
  }
  return { pack, levelCharts, gantts };
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
        const rendered = await drawCharts(pack, t, locale, signal, (done, total) => {
          update({ status: 'building', progress: { step: 'charts', done, total } });
        });
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
