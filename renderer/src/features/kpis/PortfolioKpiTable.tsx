import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiDefinition } from '@shared/domain/types';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { ConfirmDialog } from '../portfolios/ConfirmDialog';
import { KpiEditForm } from './KpiEditForm';
import type { KpiUsage, PortfolioKpiRow } from './kpiRows';
import { takenKpiNames } from './kpiRows';
import { deleteUnusedKpi } from './kpiWrites';
import { aggregationLabel, directionLabel, kindLabel, unitLabel } from './kpiText';
import { useKpiWrite } from './useKpiWrite';

interface PortfolioKpiTableProps {
  readonly rows: readonly PortfolioKpiRow[];
  /** Every KPI of the portfolio, to keep names distinct when one is renamed. */
  readonly kpis: readonly KpiDefinition[];
  readonly nameOf: (kpi: KpiDefinition) => string;
  /** Shows a sentence about a finished action above the tables. */
  readonly onNotice: (notice: string) => void;
}

/** A row's refusal to delete: which KPI, and what still refers to it. */
interface InUse {
  readonly kpiId: string;
  readonly usage: KpiUsage;
}

/** Table of the portfolio's KPIs and the records that refer to them. Every row has Delete, and a user KPI's row also has Edit. */
export function PortfolioKpiTable({ rows, kpis, nameOf, onNotice }: PortfolioKpiTableProps) {
  const { t } = useTranslation();
  const write = useKpiWrite();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<PortfolioKpiRow | null>(null);
  const [inUse, setInUse] = useState<InUse | null>(null);

  const inUseSentence = (name: string, usage: KpiUsage) =>
    t('kpis.portfolio.inUse', {
      name,
      serviceLevels: t('kpis.portfolio.serviceLevelCount', { count: usage.serviceLevels }),
      measurements: t('kpis.portfolio.measurementCount', { count: usage.measurements }),
    });

  const requestDelete = (row: PortfolioKpiRow) => {
    if (!row.deletable) {
      setInUse({ kpiId: row.kpi.id, usage: row.usage });
      return;
    }
    setInUse(null);
    setDeleting(row);
  };

  const confirmDelete = async (row: PortfolioKpiRow) => {
    const result = await write.run(`Deleting KPI ${row.kpi.id}`, (db, context) => deleteUnusedKpi(db, row.kpi.id, context));
    setDeleting(null);
    if (result === null) return;
    if (result.ok) onNotice(t('kpis.portfolio.deleted', { name: row.name }));
    else setInUse({ kpiId: row.kpi.id, usage: result.usage });
  };

  if (rows.length === 0) return <p className="muted">{t('kpis.portfolio.empty')}</p>;

  return (
    <>
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      <table className="sync-table" aria-label={t('kpis.portfolio.tableLabel')} data-testid="portfolio-kpis">
        <thead>
          <tr>
            <th scope="col">{t('kpis.portfolio.colName')}</th>
            <th scope="col">{t('kpis.portfolio.colUnit')}</th>
            <th scope="col">{t('kpis.portfolio.colDirection')}</th>
            <th scope="col">{t('kpis.portfolio.colKind')}</th>
            <th scope="col">{t('kpis.portfolio.colAggregation')}</th>
            <th scope="col">{t('kpis.portfolio.colServiceLevels')}</th>
            <th scope="col">{t('kpis.portfolio.colMeasurements')}</th>
            <th scope="col">{t('kpis.portfolio.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.kpi.id} data-kpi-key={row.kpi.key}>
              <th scope="row">
                {editing === row.kpi.id ? (
                  <KpiEditForm
                    row={row}
                    takenNames={takenKpiNames(kpis, nameOf, row.kpi.id)}
                    onClose={() => {
                      setEditing(null);
                    }}
                  />
                ) : (
                  <>
                    {row.name}
                    <span className="muted"> ({t(`kpis.origin.${row.origin}`)})</span>
                    {row.origin === 'user' && row.kpi.description !== '' ? <p className="muted">{row.kpi.description}</p> : null}
                  </>
                )}
                {inUse?.kpiId === row.kpi.id ? (
                  <p className="alert warning" role="alert">
                    {inUseSentence(row.name, inUse.usage)}
                  </p>
                ) : null}
              </th>
              <td>{unitLabel(t, row.kpi.unit)}</td>
              <td>{directionLabel(t, row.kpi.direction)}</td>
              <td>{kindLabel(t, row.kpi.kind)}</td>
              <td>{aggregationLabel(t, row.kpi.aggregation)}</td>
              <td>
                <span className="cell-numeric">{formatNumber(row.usage.serviceLevels, userLocale)}</span>
              </td>
              <td>
                <span className="cell-numeric">{formatNumber(row.usage.measurements, userLocale)}</span>
              </td>
              <td>
                <div className="button-row">
                  {row.origin === 'user' ? (
                    <button
                      type="button"
                      className="button"
                      disabled={write.busy || editing === row.kpi.id}
                      aria-label={t('kpis.portfolio.editNamed', { name: row.name })}
                      onClick={() => {
                        setInUse(null);
                        setEditing(row.kpi.id);
                      }}
                    >
                      {t('kpis.portfolio.edit')}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="button"
                    disabled={write.busy}
                    aria-label={t('kpis.portfolio.deleteNamed', { name: row.name })}
                    onClick={() => {
                      requestDelete(row);
                    }}
                  >
                    {t('kpis.portfolio.delete')}
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deleting === null ? null : (
        <ConfirmDialog
          title={t('kpis.portfolio.deleteTitle', { name: deleting.name })}
          confirmLabel={t('kpis.portfolio.deleteConfirm')}
          busyLabel={t('kpis.portfolio.deleting')}
          busy={write.busy}
          typeToConfirm={null}
          testId="delete-kpi-dialog"
          onConfirm={() => {
            void confirmDelete(deleting);
          }}
          onCancel={() => {
            setDeleting(null);
          }}
        >
          <p>{t('kpis.portfolio.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
