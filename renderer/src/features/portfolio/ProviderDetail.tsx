import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { userLocale } from '../../locale';
import type { Id, KpiDefinition, Measurement, Period, ServiceLevel } from '@shared/domain/types';
import { summarizeProvider } from '@shared/domain/kpiBreaches';
import type { ProviderKpiSummary } from '@shared/domain/kpiBreaches';
import { periodRange } from '@shared/domain/period';
import { Chart } from '../../components/Chart';
import { formatKpiValue, formatNumber, formatPeriod } from '../../format';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { buildKpiChartOption } from '../kpi/kpiChartOption';
import type { KpiChartText } from '../kpi/kpiChartOption';
import { kpiName } from '../kpi/kpiName';
import type { PortfolioData } from './usePortfolioData';

interface KpiPanel {
  readonly kpi: KpiDefinition;
  readonly level: ServiceLevel | null;
  readonly summary: ProviderKpiSummary;
  readonly measurements: readonly Measurement[];
}

/** Returns one panel per service level and per reported KPI of the provider, levelled ones first. */
function kpiPanels(data: PortfolioData, providerId: Id): KpiPanel[] {
  const measurements = data.measurements.filter((measurement) => measurement.providerId === providerId);
  const levels = data.serviceLevels.filter((level) => level.providerId === providerId);
  const kpisById = new Map(data.kpis.map((kpi) => [kpi.id, kpi]));
  const levelsById = new Map(levels.map((level) => [level.id, level]));
  const panels: KpiPanel[] = [];
  for (const summary of summarizeProvider(providerId, data.kpis, levels, measurements)) {
    const kpi = kpisById.get(summary.kpiId);
    if (!kpi) continue;
    const level = summary.serviceLevelId === null ? null : (levelsById.get(summary.serviceLevelId) ?? null);
    panels.push({ kpi, level, summary, measurements: measurements.filter((measurement) => measurement.kpiId === kpi.id) });
  }
  return panels.sort((a, b) => Number(b.level !== null) - Number(a.level !== null) || a.kpi.key.localeCompare(b.kpi.key));
}

/** Returns every month from the portfolio's first to its last measured month. */
function portfolioPeriods(measurements: readonly Measurement[]): Period[] {
  let first: Period | null = null;
  let last: Period | null = null;
  for (const { period } of measurements) {
    if (first === null || period < first) first = period;
    if (last === null || period > last) last = period;
  }
  return first === null || last === null ? [] : periodRange(first, last);
}

export function ProviderDetail({ data, providerId }: { readonly data: PortfolioData; readonly providerId: Id }) {
  const { t } = useTranslation();
  const locale = userLocale;
  const navigate = useUiStore(selectNavigate);
  const provider = data.providers.find((candidate) => candidate.id === providerId);
  const panels = useMemo(() => kpiPanels(data, providerId), [data, providerId]);
  const periods = useMemo(() => portfolioPeriods(data.measurements), [data.measurements]);

  const back = (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        navigate({ name: 'providers' });
      }}
    >
      {t('provider.back')}
    </button>
  );

  if (!provider) {
    return (
      <section>
        {back}
        <p>{t('provider.notFound')}</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="provider-title">
      {back}
      <h1 id="provider-title">{provider.name}</h1>
      <p className="muted">
        {provider.code === null ? null : t('provider.code', { code: provider.code })}
        {provider.formerNames.length > 0 ? ` · ${t('providers.formerNames', { names: provider.formerNames.join(', ') })}` : null}
      </p>
      <div className="kpi-grid">
        {panels.map((panel) => {
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
          const whole = panel.summary.aggregate;
          const monthsBelow = panel.level ? panel.summary.monthsInBreach : null;
          return (
            <article
              key={panel.summary.serviceLevelId ?? panel.kpi.id}
              className="panel kpi-card"
              data-testid={`kpi-card-${panel.kpi.key}`}
            >
              <h2>{name}</h2>
              <p className="muted">
                {panel.level
                  ? t('provider.levels', {
                      context: panel.kpi.direction,
                      expected: format(panel.level.expected),
                      minimum: format(panel.level.minimum),
                    })
                  : t('provider.noLevel')}
              </p>
              <p>
                {whole.value === null ? t('providers.noData') : t('provider.wholePeriod', { value: format(whole.value) })}
                {' · '}
                {t('provider.monthsWithData', { count: whole.months })}
                {monthsBelow === null ? null : (
                  <>
                    {' · '}
                    <span className={monthsBelow > 0 ? 'breach' : 'met'}>{t('provider.monthsBelow', { count: monthsBelow })}</span>
                  </>
                )}
              </p>
              <Chart
                testId={`kpi-chart-${panel.kpi.key}`}
                label={t('provider.chartTitle', { kpi: name })}
                height={280}
                option={buildKpiChartOption({ level: panel.level, measurements: panel.measurements, periods, text })}
              />
            </article>
          );
        })}
      </div>
    </section>
  );
}
