/**
 * Sentences that explain a KPI's analytics on its card: the control limits, each run rule
 * signal and anomaly, the forecast and the probability of missing the minimum next month.
 */
import type { TFunction } from 'i18next';
import type { KpiUnit, Period } from '@shared/domain/types';
import type { KpiAnalytics } from '@shared/kpi/analytics';
import type { AnomalyFlag } from '@shared/kpi/anomaly';
import type { ControlLimits, ControlSignal } from '@shared/kpi/control';
import { clampForDisplay } from '@shared/kpi/forecast';
import type { TrendForecast } from '@shared/kpi/forecast';

export interface AnalyticsFormatters {
  /** Formats a result in the KPI's unit, for example `91.80%`. */
  readonly value: (value: number) => string;
  /** Formats a month, for example `Apr 2016`. */
  readonly period: (period: Period) => string;
  /** Formats a probability from 0 to 1 as a percentage. */
  readonly probability: (share: number) => string;
  /** Formats a plain number with at most `digits` decimals. */
  readonly number: (value: number, digits: number) => string;
  /** Joins month labels into a list, for example `Jun 2015 and Aug 2015`. */
  readonly list: (items: readonly string[]) => string;
}

export interface AnalyticsSentences {
  /** Control limits, next month's forecast and the probability of a miss: shown under the chart. */
  readonly summary: readonly string[];
  /** Signals, anomalies and the later forecast months: shown in a collapsed "Analysis" section. */
  readonly details: readonly string[];
}

/** Below 1% and above 99% the model is too rough for a precise figure. */
const probabilityFloor = 0.01;
const probabilityCeiling = 0.99;

export function describeKpiAnalytics(t: TFunction, analytics: KpiAnalytics, unit: KpiUnit, format: AnalyticsFormatters): AnalyticsSentences {
  const summary: string[] = [];
  const details: string[] = [];
  const amount = (value: number) => formatAmount(t, unit, format, Math.abs(value));

  const { control } = analytics;
  if (control.status === 'ready') {
    summary.push(
      t('analytics.limits', {
        mean: format.value(control.limits.mean),
        lower: format.value(clampForDisplay(control.limits.lowerLimit, unit)),
        upper: format.value(clampForDisplay(control.limits.upperLimit, unit)),
        months: control.monthsWithData,
      }),
    );
    if (control.provisional) details.push(t('analytics.limitsProvisional'));
    if (control.signals.length === 0) details.push(t('analytics.noSignals'));
    for (const signal of control.signals) details.push(signalSentence(t, signal, control.limits, format));
  } else {
    summary.push(t('analytics.limitsNotEnoughData', { months: control.monthsWithData, ranges: control.movingRanges }));
  }

  const { anomalies } = analytics;
  if (anomalies.monthsChecked === 0) {
    details.push(t('analytics.anomaliesNotEnoughData'));
  } else if (anomalies.flags.length === 0) {
    details.push(t('analytics.noAnomalies', { count: anomalies.monthsChecked }));
  }
  for (const flag of anomalies.flags) details.push(anomalySentence(t, flag, format, amount));

  forecastSentences(t, analytics.forecast, unit, format, amount, summary, details);

  const next = analytics.forecast.status === 'ready' ? analytics.forecast.months[0] : undefined;
  if (analytics.nextMonthMissProbability !== null && analytics.nextMonthMinimum !== null && next !== undefined) {
    summary.push(
      t('analytics.missProbability', {
        month: format.period(next.period),
        minimum: format.value(analytics.nextMonthMinimum),
        probability: formatProbability(t, format, analytics.nextMonthMissProbability),
      }),
    );
  } else if (analytics.forecast.status === 'ready') {
    details.push(t('analytics.noLevel'));
  }
  if (analytics.forecastBreach !== null) {
    summary.push(
      t('analytics.forecastBreach', {
        month: format.period(analytics.forecastBreach.period),
        value: format.value(analytics.forecastBreach.predicted),
        minimum: format.value(analytics.forecastBreach.minimum),
      }),
    );
  }
  return { summary, details };
}

function signalSentence(t: TFunction, signal: ControlSignal, limits: ControlLimits, format: AnalyticsFormatters): string {
  const assessment = t('analytics.assessment', { context: signal.assessment });
  const months = signal.periods.map((period) => format.period(period));
  const first = months[0] ?? '';
  const last = months.at(-1) ?? '';
  switch (signal.rule) {
    case 'beyondLimit':
      return t('analytics.signalBeyondLimit', {
        context: signal.side,
        month: first,
        limit: format.value(signal.side === 'above' ? limits.upperLimit : limits.lowerLimit),
        assessment,
      });
    case 'twoOfThreeBeyondTwoSigma':
      return t('analytics.signalTwoOfThree', { context: signal.side, months: format.list(months), assessment });
    case 'fourOfFiveBeyondOneSigma':
      return t('analytics.signalFourOfFive', { context: signal.side, months: format.list(months), assessment });
    case 'eightOnOneSide':
      return t('analytics.signalOneSide', { context: signal.side, first, last, length: months.length, mean: format.value(limits.mean), assessment });
    case 'sixTrending':
      return t('analytics.signalTrend', { context: signal.side, first, last, length: months.length, assessment });
  }
}

function anomalySentence(t: TFunction, flag: AnomalyFlag, format: AnalyticsFormatters, amount: (value: number) => string): string {
  return t('analytics.anomaly', {
    context: flag.difference > 0 ? 'above' : 'below',
    month: format.period(flag.period),
    value: format.value(flag.value),
    amount: amount(flag.difference),
    typical: format.value(flag.typical),
    window: flag.windowMonths,
    assessment: t('analytics.assessment', { context: flag.assessment }),
  });
}

function forecastSentences(
  t: TFunction,
  forecast: TrendForecast,
  unit: KpiUnit,
  format: AnalyticsFormatters,
  amount: (value: number) => string,
  summary: string[],
  details: string[],
): void {
  if (forecast.status !== 'ready') {
    summary.push(t('analytics.forecastNotEnoughData', { months: forecast.monthsWithData }));
    return;
  }
  // A slope that rounds to nothing in the unit's format reads as flat.
  const trend =
    amount(forecast.slopePerMonth) === amount(0)
      ? t('analytics.trend_flat')
      : t('analytics.trend', { context: forecast.slopePerMonth > 0 ? 'rising' : 'falling', amount: amount(forecast.slopePerMonth) });

  forecast.months.forEach((month, index) => {
    const values = { month: format.period(month.period), value: format.value(month.value), lower: format.value(month.lower), upper: format.value(month.upper) };
    if (index === 0) {
      summary.push(t('analytics.forecast', { ...values, trend, months: forecast.monthsUsed }));
    } else {
      details.push(t('analytics.forecastLater', values));
    }
  });
  if (unit !== 'number' && forecast.months.some((month) => month.clamped)) details.push(t('analytics.forecastClamped', { context: unit }));
}

function formatAmount(t: TFunction, unit: KpiUnit, format: AnalyticsFormatters, value: number): string {
  switch (unit) {
    case 'percent':
      return t('analytics.points', { value: format.number(value, 2) });
    case 'seconds':
      return format.value(value);
    case 'number':
      return format.number(value, 2);
  }
}

function formatProbability(t: TFunction, format: AnalyticsFormatters, probability: number): string {
  if (probability < probabilityFloor) return t('analytics.probabilityBelow', { value: format.probability(probabilityFloor) });
  if (probability > probabilityCeiling) return t('analytics.probabilityAbove', { value: format.probability(probabilityCeiling) });
  return format.probability(probability);
}
