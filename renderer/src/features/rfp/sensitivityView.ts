/**
 * Sensitivity tab: the tornado chart of the share range in which the current winner stays first,
 * per criterion and section, and the what-if re-ranking from slider weights.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Id } from '@shared/domain/types';
import type { RfpModel } from '@shared/rfp/model';
import type { RfpResults } from '@shared/rfp/results';
import type { SensitivityAnalysis, SensitivityItem } from '@shared/rfp/sensitivity';
import { whatIf } from '@shared/rfp/sensitivity';
import type { RfpRecords } from './rfpRecords';

export interface TornadoRow {
  readonly kind: SensitivityItem['kind'];
  readonly id: Id;
  readonly label: string;
  /** Shares in percent, 0 to 100. */
  readonly currentPercent: number;
  readonly lowPercent: number;
  readonly highPercent: number;
  /** Share in percent below which another bidder wins, with that bidder; `null` when the winner stays first down to 0%. */
  readonly lowerFlip: { readonly percent: number; readonly newWinner: string; readonly enteredWeight: number | null } | null;
  readonly upperFlip: { readonly percent: number; readonly newWinner: string; readonly enteredWeight: number | null } | null;
}

/**
 * Builds one row per analysed item, in tornado order (largest swing first). `sectionLabel` turns a
 * section title into its label, so that a section and a criterion with the same title differ.
 */
export function buildTornadoRows(
  records: RfpRecords,
  analysis: SensitivityAnalysis,
  sectionLabel: (title: string) => string,
): TornadoRow[] {
  const names = new Map(records.bidders.map((bidder) => [bidder.id, bidder.name]));
  const criterionTitles = new Map(records.criteria.map((criterion) => [criterion.id, criterion.title]));
  const sectionTitles = new Map(records.sections.map((section) => [section.id, section.title]));
  const items = new Map(analysis.items.map((item) => [`${item.kind}:${item.id}`, item]));

  const rows: TornadoRow[] = [];
  for (const bar of analysis.tornado) {
    const item = items.get(`${bar.kind}:${bar.id}`);
    if (item === undefined) continue;
    const label =
      item.kind === 'criterion' ? (criterionTitles.get(item.id) ?? item.id) : sectionLabel(sectionTitles.get(item.id) ?? item.id);
    rows.push({
      kind: item.kind,
      id: item.id,
      label,
      currentPercent: toPercent(item.share),
      lowPercent: toPercent(item.winnerRange.low),
      highPercent: toPercent(item.winnerRange.high),
      lowerFlip:
        item.lowerFlip === null
          ? null
          : {
              percent: toPercent(item.lowerFlip.share),
              newWinner: names.get(item.lowerFlip.newWinnerId) ?? '',
              enteredWeight: item.lowerFlip.enteredWeight,
            },
      upperFlip:
        item.upperFlip === null
          ? null
          : {
              percent: toPercent(item.upperFlip.share),
              newWinner: names.get(item.upperFlip.newWinnerId) ?? '',
              enteredWeight: item.upperFlip.enteredWeight,
            },
    });
  }
  return rows;
}

function toPercent(share: number): number {
  return Math.round(share * 1000) / 10;
}

export interface TornadoText {
  readonly belowCurrent: string;
  readonly aboveCurrent: string;
  readonly axis: string;
}

/**
 * Horizontal bars, one per row, from the lowest to the highest share at which the winner stays
 * first, split at the current share. The first row (largest swing) is drawn at the top.
 */
export function tornadoOption(rows: readonly TornadoRow[], text: TornadoText): EChartsCoreOption {
  const ordered = [...rows].reverse();
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value', name: text.axis, min: 0, max: 100 },
    yAxis: { type: 'category', data: ordered.map((row) => row.label), axisLabel: { width: 260, overflow: 'truncate' } },
    series: [
      // An invisible base bar starts each visible bar at the lowest winning share.
      {
        type: 'bar',
        stack: 'range',
        silent: true,
        itemStyle: { color: 'transparent' },
        data: ordered.map((row) => row.lowPercent),
        tooltip: { show: false },
      },
      { type: 'bar', stack: 'range', name: text.belowCurrent, data: ordered.map((row) => round1(row.currentPercent - row.lowPercent)) },
      { type: 'bar', stack: 'range', name: text.aboveCurrent, data: ordered.map((row) => round1(row.highPercent - row.currentPercent)) },
    ],
  };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Slider weights of a what-if: entered weights by section and criterion id. */
export interface WhatIfWeights {
  readonly sections: ReadonlyMap<Id, number>;
  readonly criteria: ReadonlyMap<Id, number>;
}

/** Re-ranks the RFP with the slider weights; weights not in the maps keep their entered values. */
export function rankWithWeights(model: RfpModel, weights: WhatIfWeights): RfpResults {
  return whatIf(model, { sectionWeights: weights.sections, criterionWeights: weights.criteria });
}
