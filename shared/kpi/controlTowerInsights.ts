/**
 * Insights of the control tower, ranked by urgency: what a vendor manager should look at first.
 * Each insight has a score from 0 to 100; higher is more urgent. The scores:
 *
 * | insight | score |
 * | --- | --- |
 * | open escalation at the steering committee (level 3) | 80, or 90 when overdue |
 * | overdue escalation at level 1 or 2 | 60 + 5 x level + 1 per full week overdue, at most 5 |
 * | certification expiry or notice deadline passed | 85 |
 * | certification expiry or notice deadline within 90 days | 50 + (90 - days left) / 3, so 50 to 80 |
 * | repeated misses: 2 or more missed months in the last 6 up to the reporting month | 45 + 5 x misses, at most 75 |
 * | trending to a breach (see `analyzeKpiSeries`) while the reporting month is not missed | 40 + 30 x probability of a miss next month |
 *
 * An escalation gives at most one insight. A missed reporting month is on the status board
 * already, so a level missed that month is reported by its repeated misses, not by its trend.
 * Ties go to the provider name, then the KPI.
 *
 * Certifications and notice periods are not in the portfolio's data model yet, so the dashboard
 * passes no deadlines. Once they are recorded, they come in as `ControlTowerDeadline`s.
 */
import type { Escalation, EscalationLevel } from '../domain/escalation';
import { periodToMonthIndex } from '../domain/period';
import type { CalendarDate, Id, Period } from '../domain/types';
import { isCalendarDate, toDayNumber } from '../schedule/days';
import { analyzeKpiSeries } from './analytics';
import type { KpiSeriesPoint } from './analyticsSeries';
import { effectiveLevels } from './creditsGlidePath';
import { compareText, statusIn, type ControlTowerProvider, type TrackedLevel } from './controlTower';

/** Months up to the reporting month in which repeated misses are counted. */
export const repeatWindowMonths = 6;
/** Missed months in the window from which a level has repeated misses. */
export const repeatMissThreshold = 2;
/** Days ahead from which a certification expiry or notice deadline becomes an insight. */
export const deadlineHorizonDays = 90;

/** A dated obligation of a provider or contract, for when the portfolio records them. */
export interface ControlTowerDeadline {
  readonly kind: 'certificationExpiry' | 'noticeDeadline';
  readonly providerId: Id;
  /** Last day: the certificate's expiry date, or the last day to give notice. */
  readonly date: CalendarDate;
  /** Subject of the deadline as recorded: a certification name or a contract title. */
  readonly subject: string;
}

interface InsightBase {
  /** Urgency from 0 to 100; see the file header. */
  readonly score: number;
  readonly providerId: Id;
}

export type ControlTowerInsight =
  | (InsightBase & {
      readonly kind: 'trendingToBreach';
      readonly serviceLevelId: Id;
      readonly kpiId: Id;
      /** Probability of missing the minimum next month, or `null` when only the point forecast misses. */
      readonly probability: number | null;
      /** Month after the last result, which the probability is about. */
      readonly nextPeriod: Period | null;
      /** First forecast month whose point forecast misses the minimum, or `null`. */
      readonly forecastBreach: { readonly period: Period; readonly predicted: number; readonly minimum: number } | null;
    })
  | (InsightBase & {
      readonly kind: 'repeatedMisses';
      readonly serviceLevelId: Id;
      readonly kpiId: Id;
      readonly misses: number;
      /** Months of the window, `repeatWindowMonths` unless the tracked history is shorter. */
      readonly windowMonths: number;
      /** Missed months, oldest first. */
      readonly missedPeriods: readonly Period[];
    })
  | (InsightBase & {
      readonly kind: 'escalation';
      readonly escalationId: Id;
      readonly serviceLevelId: Id;
      readonly kpiId: Id | null;
      readonly level: EscalationLevel;
      readonly openedPeriod: Period;
      /** Whole days past the due date; 0 when not overdue. */
      readonly daysOverdue: number;
    })
  | (InsightBase & {
      readonly kind: 'deadline';
      readonly deadline: ControlTowerDeadline;
      /** Days from today to the deadline; negative once it has passed. */
      readonly daysLeft: number;
    });

export interface InsightInput {
  readonly tracked: readonly TrackedLevel[];
  readonly providers: readonly ControlTowerProvider[];
  readonly reportingMonth: Period;
  readonly escalations: readonly Pick<
    Escalation,
    'id' | 'providerId' | 'serviceLevelId' | 'openedPeriod' | 'level' | 'status' | 'dueDate'
  >[];
  /** Today's date where the user is; escalation and deadline days count from it. */
  readonly today: CalendarDate;
  /** Certification expiries and notice deadlines; empty until the portfolio records them. */
  readonly deadlines: readonly ControlTowerDeadline[];
}

/** Lists every insight, most urgent first. Runs the KPI analytics once per tracked level, so call it after first paint on large portfolios. */
export function rankInsights(input: InsightInput): ControlTowerInsight[] {
  const insights: ControlTowerInsight[] = [];
  for (const entry of input.tracked) insights.push(...seriesInsights(entry, input.reportingMonth));
  insights.push(...escalationInsights(input));
  insights.push(...deadlineInsights(input.deadlines, input.today));

  const names = new Map(input.providers.map((provider) => [provider.id, provider.name]));
  const kpiNames = new Map(input.tracked.map((entry) => [entry.kpi.id, entry.kpi.name]));
  const kpiOf = (insight: ControlTowerInsight) => ('kpiId' in insight && insight.kpiId !== null ? (kpiNames.get(insight.kpiId) ?? '') : '');
  insights.sort(
    (a, b) =>
      b.score - a.score ||
      compareText(names.get(a.providerId) ?? a.providerId, names.get(b.providerId) ?? b.providerId) ||
      compareText(kpiOf(a), kpiOf(b)) ||
      compareText(a.kind, b.kind),
  );
  return insights;
}

function seriesInsights(entry: TrackedLevel, reportingMonth: Period): ControlTowerInsight[] {
  const insights: ControlTowerInsight[] = [];
  const common = { providerId: entry.level.providerId, serviceLevelId: entry.level.id, kpiId: entry.kpi.id };
  const last = periodToMonthIndex(reportingMonth);

  const missedPeriods: Period[] = [];
  const points: KpiSeriesPoint[] = [];
  let firstTracked = last;
  for (const [period, value] of entry.results) {
    const index = periodToMonthIndex(period);
    if (index > last) continue;
    points.push({ period, value });
    if (value !== null) firstTracked = Math.min(firstTracked, index);
    if (index > last - repeatWindowMonths && statusIn(entry, period) === 'red') missedPeriods.push(period);
  }
  missedPeriods.sort();

  if (missedPeriods.length >= repeatMissThreshold) {
    insights.push({
      ...common,
      kind: 'repeatedMisses',
      score: Math.min(75, 45 + 5 * missedPeriods.length),
      misses: missedPeriods.length,
      windowMonths: Math.min(repeatWindowMonths, last - firstTracked + 1),
      missedPeriods,
    });
  }

  if (statusIn(entry, reportingMonth) === 'red') return insights;
  const analytics = analyzeKpiSeries({
    points,
    kpi: entry.kpi,
    minimumFor: (period) => effectiveLevels(entry.level, period).minimum,
  });
  if (analytics.trendingToBreach) {
    const probability = analytics.nextMonthMissProbability;
    const next = analytics.forecast.status === 'ready' ? (analytics.forecast.months[0]?.period ?? null) : null;
    insights.push({
      ...common,
      kind: 'trendingToBreach',
      score: Math.round(40 + 30 * (probability ?? 0)),
      probability,
      nextPeriod: next,
      forecastBreach: analytics.forecastBreach,
    });
  }
  return insights;
}

function escalationInsights(input: InsightInput): ControlTowerInsight[] {
  const kpiByLevel = new Map(input.tracked.map((entry) => [entry.level.id, entry.kpi.id]));
  const today = toDayNumber(input.today);
  const insights: ControlTowerInsight[] = [];
  for (const escalation of input.escalations) {
    if (escalation.status !== 'open') continue;
    // A due date that is not a calendar date cannot be overdue; the escalations screen shows it for correction.
    const daysOverdue = isCalendarDate(escalation.dueDate) ? Math.max(0, today - toDayNumber(escalation.dueDate)) : 0;
    let score: number;
    if (escalation.level === 3) score = daysOverdue > 0 ? 90 : 80;
    else if (daysOverdue > 0) score = 60 + 5 * escalation.level + Math.min(5, Math.floor(daysOverdue / 7));
    else continue;
    insights.push({
      kind: 'escalation',
      score,
      providerId: escalation.providerId,
      escalationId: escalation.id,
      serviceLevelId: escalation.serviceLevelId,
      kpiId: kpiByLevel.get(escalation.serviceLevelId) ?? null,
      level: escalation.level,
      openedPeriod: escalation.openedPeriod,
      daysOverdue,
    });
  }
  return insights;
}

function deadlineInsights(deadlines: readonly ControlTowerDeadline[], todayDate: CalendarDate): ControlTowerInsight[] {
  const today = toDayNumber(todayDate);
  const insights: ControlTowerInsight[] = [];
  for (const deadline of deadlines) {
    if (!isCalendarDate(deadline.date)) continue;
    const daysLeft = toDayNumber(deadline.date) - today;
    if (daysLeft > deadlineHorizonDays) continue;
    const score = daysLeft < 0 ? 85 : Math.round(50 + (deadlineHorizonDays - daysLeft) / 3);
    insights.push({ kind: 'deadline', score, providerId: deadline.providerId, deadline, daysLeft });
  }
  return insights;
}
