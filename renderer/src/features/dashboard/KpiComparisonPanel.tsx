import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '@shared/domain/types';
import type { AppError } from '@shared/errors';
import type { ComparisonBasis, KpiComparisonRow } from '@shared/kpi/controlTowerComparison';
import type { ComparisonKpi } from '@shared/kpi/controlTowerSummary';
import { DataTable } from '../../components/DataTable';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { kpiName } from '../kpi/kpiName';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { buildComparisonColumns, comparisonColumnSizes } from './comparisonColumns';
import { comparisonRequest, startControlTowerTask } from './controlTowerClient';

const lowestFirst = [{ id: 'percentOfTarget', desc: false }];

interface KpiComparisonPanelProps {
  readonly comparisonKpis: readonly ComparisonKpi[];
  readonly reportingMonth: Period;
  /** Changes whenever the portfolio's data may have changed, so the rows are computed again. */
  readonly dataVersion: object;
}

interface ComparisonState {
  readonly request: string;
  readonly rows: readonly KpiComparisonRow[] | null;
  readonly error: AppError | null;
}

/**
 * Computes one KPI's comparison in the control tower worker. Returns the rows of the current
 * request, or `null` while they are computed.
 */
function useKpiComparison(kpiId: string | null, reportingMonth: Period, basis: ComparisonBasis, dataVersion: object): { rows: readonly KpiComparisonRow[] | null; error: AppError | null } {
  const db = usePortfolioDb();
  const [state, setState] = useState<ComparisonState | null>(null);
  const [versionSeen, setVersionSeen] = useState(dataVersion);
  const request = JSON.stringify([kpiId, reportingMonth, basis]);
  // A new data version discards the rows, so the table never shows rows of older data as current.
  if (versionSeen !== dataVersion) {
    setVersionSeen(dataVersion);
    setState(null);
  }

  useEffect(() => {
    if (kpiId === null) return;
    const task = startControlTowerTask(db, comparisonRequest(db, kpiId, reportingMonth, basis));
    void task.outcome.then((outcome) => {
      if (outcome.kind === 'done') setState({ request, rows: outcome.value, error: null });
      else if (outcome.kind === 'failed') setState({ request, rows: null, error: outcome.error });
    });
    return () => {
      task.cancel();
    };
  }, [db, kpiId, reportingMonth, basis, request, dataVersion]);

  if (state === null || state.request !== request) return { rows: null, error: null };
  return { rows: state.rows, error: state.error };
}

/** Compares one KPI across providers as a percentage of each provider's expected level. */
export function KpiComparisonPanel({ comparisonKpis, reportingMonth, dataVersion }: KpiComparisonPanelProps) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);

  // The KPI with the most levels first, so the default compares the most providers; ties by the name the user reads.
  const choices = useMemo(
    () =>
      comparisonKpis
        .map((choice) => ({ ...choice, name: kpiName(t, choice.kpi) }))
        .sort((a, b) => b.levelCount - a.levelCount || a.name.localeCompare(b.name)),
    [comparisonKpis, t],
  );

  const [chosenId, setChosenId] = useState<string | null>(null);
  const [basis, setBasis] = useState<ComparisonBasis>('month');
  const chosen = choices.find((choice) => choice.kpi.id === chosenId) ?? choices[0];
  const { rows, error } = useKpiComparison(chosen?.kpi.id ?? null, reportingMonth, basis, dataVersion);
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
          {error !== null ? (
            <p className="alert error" role="alert">
              {t('controlTower.comparison.failed')} {describeAppError(t, error)}
            </p>
          ) : rows === null ? (
            <p className="muted" aria-busy="true" data-testid="comparison-computing">
              {t('controlTower.comparison.computing')}
            </p>
          ) : (
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
          )}
        </>
      )}
    </section>
  );
}
