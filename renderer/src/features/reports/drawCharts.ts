/** Draws a pack's charts as SVG strings, step by step, so a long pack shows progress and can be cancelled. */
import type { TFunction } from 'i18next';
import type { Id } from '@shared/domain/types';
import type { ReportPack } from '@shared/reports';
import { fromDayNumber } from '@shared/schedule/days';
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

/** Charts drawn between two calls of `pause`. */
const chartsPerStep = 4;

/** Draws every chart of `pack`, reporting progress, calling `pause` between steps and stopping at the next step once `signal` is aborted. */
export async function drawCharts(
  pack: ReportPack,
  t: TFunction,
  locale: string,
  signal: AbortSignal,
  onProgress: (done: number, total: number) => void,
  pause: () => Promise<void>,
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
            legend: {
              critical: t('reports.pack.ganttLegend.critical'),
              task: t('reports.pack.ganttLegend.task'),
              milestone: t('reports.pack.ganttLegend.milestone'),
              baseline: t('reports.pack.ganttLegend.baseline'),
            },
          });
          gantts.set(excerpt.planId, renderChartSvg(option, ganttWidth, ganttHeight(excerpt.bars.length)));
        });
      }
    }
  }
  for (const [index, job] of jobs.entries()) {
    if (index % chartsPerStep === 0) {
      onProgress(index, jobs.length);
      await pause();
      signal.throwIfAborted();
    }
    job();
  }
  return { pack, levelCharts, gantts };
}

