import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id, Period } from '@shared/domain/types';
import { Chart } from '../../components/Chart';
import { formatKpiValue, formatNumber, formatPeriod } from '../../format';
import { userLocale } from '../../locale';
import { KpiAnalysis } from '../kpi/KpiAnalysis';
import { analyticsChartText, analyzeMeasurements } from '../kpi/kpiAnalytics';
import { buildKpiChartOption } from '../kpi/kpiChartOption';
import type { KpiChartText } from '../kpi/kpiChartOption';
import { kpiName } from '../kpi/kpiName';
import type { KpiPanel } from './kpiPanels';
import { ServiceLevelEditor } from './ServiceLevelEditor';

interface KpiCardProps {
  readonly providerId: Id;
  readonly panel: KpiPanel;
  /** Months on the chart's axis, the same for every card of the page. */
  readonly periods: readonly Period[];
}

/** Shows one KPI of the provider: its service level with an editor, the whole-period result and a chart by month. */
export function KpiCard({ providerId, panel, periods }: KpiCardProps) {
  const { t } = useTranslation();
  const locale = userLocale;
  const name = kpiName(t, panel.kpi);
  const format = (value: number) => formatKpiValue(value, panel.kpi.unit, locale);
  const text: KpiChartText = {
    result: t('provider.seriesValue'),
    expected: t('provider.seriesExpected'),
    minimum: t('provider.seriesMinimum'),
    expectedAndMinimum: t('provider.seriesExpectedAndMinimum'),
    noData: t('provider.tooltipNoData'),
    period: (period) => formatPeriod(period, locale),
    value: format,
    ratio: (numerator, denominator) =>
      t('provider.tooltipRatio', { numerator: formatNumber(numerator, locale), denominator: formatNumber(denominator, locale) }),
  };
  const analytics = useMemo(
    () => analyzeMeasurements(panel.kpi, panel.level, panel.measurements),
    [panel.kpi, panel.level, panel.measurements],
  );
  const whole = panel.summary.aggregate;
  const monthsBelow = panel.level ? panel.summary.monthsInBreach : null;

  return (
    <article className="panel kpi-card" data-testid={`kpi-card-${panel.kpi.key}`}>
      <h2>{name}</h2>
      <p className="muted" data-testid="service-level">
        {panel.level
          ? t('provider.levels', {
              context: panel.kpi.direction,
              expected: format(panel.level.expected),
              minimum: format(panel.level.minimum),
            })
          : t('provider.noLevel')}
      </p>
      <ServiceLevelEditor providerId={providerId} kpi={panel.kpi} kpiLabel={name} level={panel.level} />
      <p>
        {whole.value === null ? t('providers.noData') : t('provider.wholePeriod', { value: format(whole.value) })}
        {' · '}
        {t('provider.monthsWithData', { count: whole.months })}
        {monthsBelow === null ? null : (
          <>
            {' · '}
            <span className={monthsBelow > 0 ? 'breach' : 'met'} data-testid="months-below">
              {t('provider.monthsBelow', { count: monthsBelow })}
            </span>
          </>
        )}
      </p>
      <Chart
        testId={`kpi-chart-${panel.kpi.key}`}
        label={t('provider.chartTitle', { kpi: name })}
        height={280}
        option={buildKpiChartOption({
          level: panel.level,
          measurements: panel.measurements,
          periods,
          text,
          analytics: analytics.status === 'ready' ? { result: analytics.result, text: analyticsChartText(t), unit: panel.kpi.unit } : null,
        })}
      />
      <KpiAnalysis analytics={analytics} unit={panel.kpi.unit} />
    </article>
  );
}
