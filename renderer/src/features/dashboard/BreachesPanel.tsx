import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ControlTowerProvider } from '@shared/kpi/controlTower';
import type { BreachSummary } from '@shared/kpi/controlTowerSummary';
import type { KpiDefinition } from '@shared/domain/types';
import { DataTable } from '../../components/DataTable';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { kpiName } from '../kpi/kpiName';
import { breachColumnSizes, buildBreachColumns } from './breachColumns';
import { mostBreached } from './mostBreached';
import { RenderWhenIdle } from './RenderWhenIdle';

const topProviderCount = 5;
/** Height of the breach table, the same before and after its rows render. */
const tableHeight = 'calc(100vh - 14rem)';
/** Largest shortfall first; the sort is stable, so ties keep the order `listBreaches` gives them. */
const worstFirst = [{ id: 'shortfall', desc: true }];

interface BreachesPanelProps {
  readonly breaches: BreachSummary;
  readonly kpis: readonly KpiDefinition[];
  readonly providers: readonly ControlTowerProvider[];
}

/** Counts of every breach, the providers with the most, and the worst rows of the breach list. */
export function BreachesPanel({ breaches, kpis, providers }: BreachesPanelProps) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const kpisById = useMemo(() => new Map(kpis.map((kpi) => [kpi.id, kpi])), [kpis]);
  const columns = useMemo(() => buildBreachColumns(kpisById, t, userLocale), [kpisById, t]);
  const providerNames = useMemo(() => new Map(providers.map((provider) => [provider.id, provider.name])), [providers]);
  const topProviders = useMemo(
    () => mostBreached(new Map(breaches.countByProvider), providerNames, topProviderCount),
    [breaches.countByProvider, providerNames],
  );

  return (
    <>
      <div className="panel">
        <h2>{t('dashboard.breachesTitle')}</h2>
        <p>{t('dashboard.summary', { breaches: breaches.total, measured: breaches.measuredMonths })}</p>
        <div className="stats">
          <div className="stat">
            <strong data-testid="breach-total">{t('dashboard.breachCount', { count: breaches.total })}</strong>
          </div>
          {breaches.countByKpi.map(([kpiId, count]) => {
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
      {breaches.rows.length < breaches.total ? (
        <p className="muted" data-testid="breach-rows-capped">
          {t('dashboard.breachRowsCapped', { shown: breaches.rows.length, total: breaches.total })}
        </p>
      ) : null}
      {/* Rendered in a task of its own after the counts, because rendering both in one task can block the main thread for 50 ms or more. */}
      <RenderWhenIdle minHeight={tableHeight}>
        <DataTable
          testId="breaches-table"
          label={t('dashboard.tableLabel')}
          data={breaches.rows}
          columns={columns}
          columnSizes={breachColumnSizes}
          getRowId={(row) => `${row.serviceLevelId}|${row.period}`}
          initialSorting={worstFirst}
          emptyMessage={t('dashboard.noBreaches')}
          height={tableHeight}
          onRowActivate={(row) => {
            navigate({ name: 'provider', providerId: row.providerId });
          }}
        />
      </RenderWhenIdle>
    </>
  );
}
