import { useTranslation } from 'react-i18next';
import type { KpiUnit } from '@shared/domain/types';
import { formatKpiValue, formatNumber, formatPeriod } from '../../format';
import { userLocale } from '../../locale';
import { describeKpiAnalytics } from './analyticsSentences';
import type { AnalyticsFormatters } from './analyticsSentences';
import type { CardAnalytics } from './kpiAnalytics';

interface KpiAnalysisProps {
  readonly analytics: CardAnalytics;
  readonly unit: KpiUnit;
}

/** Explains a KPI's analytics in sentences under its chart: the key lines shown, the rest in a collapsed section. */
export function KpiAnalysis({ analytics, unit }: KpiAnalysisProps) {
  const { t } = useTranslation();
  if (analytics.status === 'failed') {
    return (
      <p className="muted" data-testid="kpi-analysis">
        {t('analytics.failed')}
      </p>
    );
  }

  const locale = userLocale;
  const format: AnalyticsFormatters = {
    value: (value) => formatKpiValue(value, unit, locale),
    period: (period) => formatPeriod(period, locale),
    probability: (share) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share),
    number: (value, digits) => formatNumber(value, locale, digits),
    list: (items) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items),
  };
  const { summary, details } = describeKpiAnalytics(t, analytics.result, unit, format);

  return (
    <section className="kpi-analysis" data-testid="kpi-analysis" aria-label={t('analytics.title')}>
      <ul>
        {summary.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      {details.length > 0 ? (
        <details>
          <summary>{t('analytics.more', { count: details.length })}</summary>
          <ul>
            {details.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
