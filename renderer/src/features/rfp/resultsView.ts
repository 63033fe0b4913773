/**
 * Results tab: ranking rows and the ECharts options of the section breakdown (a stacked bar per
 * bidder) and of each bidder's radar. Blank scores are never drawn as zero: a bidder's blank
 * criteria are listed by name, and a section without a score is a gap on the radar.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Id } from '@shared/domain/types';
import type { RfpResults } from '@shared/rfp/results';
import type { TotalCostOfOwnership } from '@shared/rfp/money';
import type { RfpRecords } from './rfpRecords';

export interface FailedKnockout {
  readonly criterionTitle: string;
  readonly reasons: readonly string[];
}

export interface ResultRow {
  readonly bidderId: Id;
  readonly name: string;
  readonly rank: number;
  /** Points out of 100, or `null` when no criterion counts. */
  readonly total: number | null;
  readonly knockedOut: boolean;
  readonly failedKnockouts: readonly FailedKnockout[];
  readonly blankCriterionTitles: readonly string[];
  readonly partialTotal: boolean;
  readonly tiedWithNames: readonly string[];
  readonly tco: TotalCostOfOwnership | null;
}

export function buildResultRows(records: RfpRecords, results: RfpResults): ResultRow[] {
  const bidderNames = new Map(records.bidders.map((bidder) => [bidder.id, bidder.name]));
  const criterionTitles = new Map(records.criteria.map((criterion) => [criterion.id, criterion.title]));
  return results.ranking.map((result) => ({
    bidderId: result.bidderId,
    name: bidderNames.get(result.bidderId) ?? result.bidderId,
    rank: result.rank,
    total: result.total,
    knockedOut: result.knockedOut,
    failedKnockouts: result.knockouts
      .filter((knockout) => knockout.status === 'fail')
      .map((knockout) => ({
        criterionTitle: criterionTitles.get(knockout.criterionId) ?? knockout.criterionId,
        reasons: knockout.reasons,
      })),
    blankCriterionTitles: result.blankCriterionIds.map((id) => criterionTitles.get(id) ?? id),
    partialTotal: result.partialTotal,
    tiedWithNames: result.tiedWith.map((id) => bidderNames.get(id) ?? id),
    tco: result.tco,
  }));
}

export interface ChartText {
  readonly points: string;
  /** Formats a number of points for tooltips and labels. */
  readonly formatPoints: (points: number) => string;
}

/** Stacked bar of the points each section adds to each bidder's total, bidders in ranking order. */
export function sectionBreakdownOption(records: RfpRecords, results: RfpResults, text: ChartText): EChartsCoreOption {
  const bidderNames = new Map(records.bidders.map((bidder) => [bidder.id, bidder.name]));
  const sectionTitles = new Map(records.sections.map((section) => [section.id, section.title]));
  const sectionIds = results.shares.sections.filter((share) => share.share > 0).map((share) => share.sectionId);
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
    xAxis: { type: 'category', data: results.ranking.map((result) => bidderNames.get(result.bidderId) ?? result.bidderId) },
    yAxis: { type: 'value', name: text.points, min: 0, max: 100 },
    series: sectionIds.map((sectionId) => ({
      type: 'bar',
      stack: 'total',
      name: sectionTitles.get(sectionId) ?? sectionId,
      data: results.ranking.map((result) => {
        const section = result.sections.find((entry) => entry.sectionId === sectionId);
        // A bidder without a total has no breakdown; `null` leaves a gap where 0 would claim a score.
        return result.total === null || section === undefined ? null : roundPoints(section.points);
      }),
    })),
  };
}

/** Radar of one bidder's sections, each as a percentage of the section's maximum; a section without a score is left empty. */
export function bidderRadarOption(records: RfpRecords, results: RfpResults, bidderId: Id): EChartsCoreOption {
  const result = results.ranking.find((entry) => entry.bidderId === bidderId);
  const sectionTitles = new Map(records.sections.map((section) => [section.id, section.title]));
  const sections = results.shares.sections.filter((share) => share.share > 0);
  const name = records.bidders.find((bidder) => bidder.id === bidderId)?.name ?? bidderId;
  const values = sections.map((share) => {
    const percent = result?.sections.find((entry) => entry.sectionId === share.sectionId)?.percentOfSection ?? null;
    return percent === null ? '-' : roundPoints(percent);
  });
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: {},
    radar: {
      radius: '60%',
      indicator: sections.map((share) => ({ name: sectionTitles.get(share.sectionId) ?? share.sectionId, min: 0, max: 100 })),
    },
    series: [{ type: 'radar', name, data: [{ name, value: values }] }],
  };
}

function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}
