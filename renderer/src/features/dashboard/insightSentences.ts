/** Sentences of the control tower's insights, written from the codes and numbers of `rankInsights`. Pure. */
import type { TFunction } from 'i18next';
import type { KpiUnit, Period } from '@shared/domain/types';
import type { ControlTowerInsight } from '@shared/kpi/controlTowerInsights';

export interface InsightFormatters {
  readonly providerName: (providerId: string) => string;
  /** KPI name in the user's language, or `null` for a KPI not in the portfolio. */
  readonly kpi: (kpiId: string) => { readonly name: string; readonly unit: KpiUnit } | null;
  readonly value: (value: number, unit: KpiUnit) => string;
  readonly period: (period: Period) => string;
  /** Formats a probability from 0 to 1 as a percentage. */
  readonly probability: (share: number) => string;
  readonly list: (items: readonly string[]) => string;
  readonly date: (date: string) => string;
}

/** Writes one insight as a sentence. */
export function insightSentence(t: TFunction, insight: ControlTowerInsight, format: InsightFormatters): string {
  const provider = format.providerName(insight.providerId);
  switch (insight.kind) {
    case 'repeatedMisses': {
      const kpi = format.kpi(insight.kpiId)?.name ?? '?';
      return t('controlTower.insights.repeatedMisses', {
        provider,
        kpi,
        count: insight.misses,
        window: insight.windowMonths,
        months: format.list(insight.missedPeriods.map(format.period)),
      });
    }
    case 'trendingToBreach': {
      const kpi = format.kpi(insight.kpiId);
      const name = kpi?.name ?? '?';
      if (insight.probability !== null && insight.nextPeriod !== null && insight.probability >= 0.5) {
        return t('controlTower.insights.trendingProbability', {
          provider,
          kpi: name,
          probability: format.probability(insight.probability),
          month: format.period(insight.nextPeriod),
        });
      }
      const breach = insight.forecastBreach;
      if (breach === null || kpi === null) return t('controlTower.insights.trendingPlain', { provider, kpi: name });
      return t('controlTower.insights.trendingForecast', {
        provider,
        kpi: name,
        month: format.period(breach.period),
        value: format.value(breach.predicted, kpi.unit),
        minimum: format.value(breach.minimum, kpi.unit),
      });
    }
    case 'escalation': {
      const kpi = insight.kpiId === null ? '?' : (format.kpi(insight.kpiId)?.name ?? '?');
      const values = { provider, kpi, month: format.period(insight.openedPeriod), level: insight.level, days: insight.daysOverdue };
      if (insight.level === 3) {
        return insight.daysOverdue > 0 ? t('controlTower.insights.steeringCommitteeOverdue', values) : t('controlTower.insights.steeringCommittee', values);
      }
      const levelName = insight.level === 1 ? t('escalations.levelNames.level1') : t('escalations.levelNames.level2');
      return t('controlTower.insights.escalationOverdue', { ...values, levelName });
    }
    case 'deadline': {
      const values = { provider, subject: insight.deadline.subject, date: format.date(insight.deadline.date), count: Math.abs(insight.daysLeft) };
      if (insight.deadline.kind === 'certificationExpiry') {
        return insight.daysLeft < 0 ? t('controlTower.insights.certificationExpired', values) : t('controlTower.insights.certificationExpires', values);
      }
      return insight.daysLeft < 0 ? t('controlTower.insights.noticePassed', values) : t('controlTower.insights.noticeDue', values);
    }
  }
}
