import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { listBreaches } from '@shared/domain/kpiBreaches';
import { DataTable } from '../../components/DataTable';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { kpiName } from '../kpi/kpiName';
import type { PortfolioData } from '../portfolio/usePortfolioData';
import { breachColumnSizes, buildBreachColumns } from './breachColumns';
import { ControlTower } from './ControlTower';
import { mostBreached } from './mostBreached';
import { useControlTowerRecords } from './useControlTowerRecords';

const topProviderCount = 5;
/** Largest shortfall first; the sort is stable, so ties keep the order `listBreaches` gives them. */
const worstFirst = [{ id: 'shortfall', desc: true }];

export function DashboardScreen({ data }: { readonly data: PortfolioData }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const records = useControlTowerRecords();
  const breaches = useMemo(() => listBreaches(data.providers, data.kpis, data.serviceLevels, data.measurements), [data]);
  const kpisById = useMemo(() => new Map(data.kpis.map((kpi) => [kpi.id, kpi])), [data.kpis]);
  const columns = useMemo(() => buildBreachColumns(kpisById, t, userLocale), [kpisById, t]);

  const measuredMonths = useMemo(() => {
    const levelled = new Set(data.serviceLevels.map((level) => `${level.providerId}|${level.kpiId}`));
    return data.measurements.filter(
      (measurement) => measurement.value !== null && levelled.has(`${measurement.providerId}|${measurement.kpiId}`),
    ).length;
  }, [data]);

  const providerNames = new Map(data.providers.map((provider) => [provider.id, provider.name]));
  const topProviders = mostBreached(breaches.countByProvider, providerNames, topProviderCount);

  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">{t('dashboard.title')}</h1>
      {records === undefined ? <p className="muted">{t('app.loading')}</p> : <ControlTower data={data} records={records} />}
      <div className="panel">
        <h2>{t('dashboard.breachesTitle')}</h2>
        <p>{t('dashboard.summary', { breaches: breaches.rows.length, measured: measuredMonths })}</p>
        <div className="stats">
          <div className="stat">
            <strong data-testid="breach-total">{t('dashboard.breachCount', { count: breaches.rows.length })}</strong>
          </div>
          {[...breaches.countByKpi].map(([kpiId, count]) => {
            const kpi = kpisById.get(kpiId);
            return (
              <div className="stat" key={kpiId} data-testid={`breach-count-${kpi?.key ?? kpiId}`}>
                <strong>{count}</strong>
                {kpi ? kpiName(t, kpi) : kpiId}
              </div>
            );
          })}
        </div>
        {topProviders.length > 0 ? (
          <>
            <h3 style={{ marginTop: '1rem' }}>{t('dashboard.byProvider')}</h3>
            <ol>
              {topProviders.map(([providerId, count]) => (
                <li key={providerId}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      navigate({ name: 'provider', providerId });
                    }}
                  >
                    {providerNames.get(providerId) ?? providerId}
                  </button>{' '}
                  {t('dashboard.breachCount', { count })}
                </li>
              ))}
            </ol>
          </>
        ) : null}
      </div>
      <DataTable
        testId="breaches-table"
        label={t('dashboard.tableLabel')}
        data={breaches.rows}
        columns={columns}
        columnSizes={breachColumnSizes}
        getRowId={(row) => `${row.serviceLevelId}|${row.period}`}
        initialSorting={worstFirst}
        emptyMessage={t('dashboard.noBreaches')}
        onRowActivate={(row) => {
          navigate({ name: 'provider', providerId: row.providerId });
        }}
      />
    </section>
  );
}
