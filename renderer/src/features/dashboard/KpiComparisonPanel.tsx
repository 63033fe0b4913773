import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '@shared/domain/types';
import { compareKpiAcrossProviders } from '@shared/kpi/controlTowerComparison';
import type { ComparisonBasis } from '@shared/kpi/controlTowerComparison';
import { DataTable } from '../../components/DataTable';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { kpiName } from '../kpi/kpiName';
import type { PortfolioData } from '../portfolio/usePortfolioData';
import { buildComparisonColumns, comparisonColumnSizes } from './comparisonColumns';

const lowestFirst = [{ id: 'percentOfTarget', desc: false }];

/** Compares one KPI across providers as a percentage of each provider's expected level. */
export function KpiComparisonPanel({ data, reportingMonth }: { readonly data: PortfolioData; readonly reportingMonth: Period }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);

  // KPIs with a service level, the one with the most levels first, so the default compares the most providers.
  const choices = useMemo(() => {
    const levelCount = new Map<string, number>();
    for (const level of data.serviceLevels) levelCount.set(level.kpiId, (levelCount.get(level.kpiId) ?? 0) + 1);
    return data.kpis
      .filter((kpi) => levelCount.has(kpi.id))
      .map((kpi) => ({ kpi, name: kpiName(t, kpi), count: levelCount.get(kpi.id) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }, [data.serviceLevels, data.kpis, t]);

  const [chosenId, setChosenId] = useState<string | null>(null);
  const [basis, setBasis] = useState<ComparisonBasis>('month');
  const chosen = choices.find((choice) => choice.kpi.id === chosenId) ?? choices[0];

  const rows = useMemo(
    () =>
      chosen === undefined
        ? []
        : compareKpiAcrossProviders({
            kpi: chosen.kpi,
            serviceLevels: data.serviceLevels,
            providers: data.providers,
            measurements: data.measurements,
            reportingMonth,
            basis,
          }),
    [chosen, data.serviceLevels, data.providers, data.measurements, reportingMonth, basis],
  );
  const columns = useMemo(() => (chosen === undefined ? [] : buildComparisonColumns(chosen.kpi.unit, t, userLocale)), [chosen, t]);

  return (
    <section className="panel" aria-labelledby="kpi-comparison-title" data-testid="control-tower-comparison">
      <h2 id="kpi-comparison-title">{t('controlTower.comparison.title')}</h2>
      <p className="muted">{t('controlTower.comparison.description')}</p>
      {chosen === undefined ? (
        <p className="muted">{t('controlTower.comparison.noLevels')}</p>
      ) : (
        <>
          <div className="toolbar">
            <label>
              {t('controlTower.comparison.kpiLabel')}{' '}
              <select
                value={chosen.kpi.id}
                onChange={(event) => {
                  setChosenId(event.target.value);
                }}
              >
                {choices.map((choice) => (
                  <option key={choice.kpi.id} value={choice.kpi.id}>
                    {choice.name}
                  </option>
                ))}
              </select>
            </label>{' '}
            <label>
              {t('controlTower.comparison.basisLabel')}{' '}
              <select
                value={basis}
                onChange={(event) => {
                  setBasis(event.target.value === 'trailingYear' ? 'trailingYear' : 'month');
                }}
              >
                <option value="month">{t('controlTower.comparison.basis.month')}</option>
                <option value="trailingYear">{t('controlTower.comparison.basis.trailingYear')}</option>
              </select>
            </label>
          </div>
          <DataTable
            testId="comparison-table"
            label={t('controlTower.comparison.tableLabel', { kpi: chosen.name })}
            data={rows}
            columns={columns}
            columnSizes={comparisonColumnSizes}
            getRowId={(row) => row.serviceLevelId}
            initialSorting={lowestFirst}
            emptyMessage={t('controlTower.comparison.noLevels')}
            height={`${String(Math.min(rows.length, 10) * 36 + 44)}px`}
            onRowActivate={(row) => {
              navigate({ name: 'provider', providerId: row.providerId });
            }}
          />
        </>
      )}
    </section>
  );
}
