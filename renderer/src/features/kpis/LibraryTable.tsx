import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userLocale } from '../../locale';
import type { LibraryRow } from './kpiRows';
import { addLibraryKpi } from './kpiWrites';
import { aggregationLabel, directionLabel, kindLabel, libraryText, typicalTargetText, unitLabel } from './kpiText';
import { useKpiWrite } from './useKpiWrite';

interface LibraryTableProps {
  readonly rows: readonly LibraryRow[];
  /** Shows a sentence about a finished action above the tables. */
  readonly onNotice: (notice: string) => void;
}

/**
 * The KPI library with each KPI's definition, measure, aggregation, typical target and source,
 * and "Add to portfolio". The button of a KPI the portfolio has is disabled and reads "Added".
 */
export function LibraryTable({ rows, onNotice }: LibraryTableProps) {
  const { t } = useTranslation();
  const write = useKpiWrite();
  const [nameClash, setNameClash] = useState<string | null>(null);

  const add = async (row: LibraryRow) => {
    const name = libraryText(t, row.entry, 'name');
    const description = libraryText(t, row.entry, 'definition');
    setNameClash(null);
    const result = await write.run(`Adding library KPI ${row.entry.key}`, (db, context) =>
      addLibraryKpi(db, row.entry, { name, description }, context),
    );
    if (result === null) return;
    if (result.ok) onNotice(t('kpis.library.addedMessage', { name }));
    else setNameClash(t('kpis.library.nameTaken', { name }));
  };

  return (
    <>
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      {nameClash === null ? null : (
        <p className="alert error" role="alert">
          {nameClash}
        </p>
      )}
      <table className="sync-table" aria-label={t('kpis.library.tableLabel')} data-testid="kpi-library">
        <thead>
          <tr>
            <th scope="col">{t('kpis.library.colName')}</th>
            <th scope="col">{t('kpis.library.colDefinition')}</th>
            <th scope="col">{t('kpis.library.colMeasure')}</th>
            <th scope="col">{t('kpis.library.colAggregation')}</th>
            <th scope="col">{t('kpis.library.colTarget')}</th>
            <th scope="col">{t('kpis.library.colSource')}</th>
            <th scope="col">{t('kpis.library.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { entry } = row;
            const name = libraryText(t, entry, 'name');
            const added = row.addedKpiId !== null;
            return (
              <tr key={entry.key} data-kpi-key={entry.key}>
                <th scope="row">{name}</th>
                <td>{libraryText(t, entry, 'definition')}</td>
                <td>
                  {unitLabel(t, entry.unit)}
                  <br />
                  {directionLabel(t, entry.direction)}
                  <br />
                  {kindLabel(t, entry.kind)}
                </td>
                <td>
                  {aggregationLabel(t, entry.aggregation)}
                  <p className="muted">{t(`kpis.aggregationHint.${entry.aggregation}`)}</p>
                </td>
                <td>{typicalTargetText(t, entry, userLocale)}</td>
                <td className="muted">{libraryText(t, entry, 'source')}</td>
                <td>
                  <button
                    type="button"
                    className="button"
                    disabled={added || write.busy}
                    aria-label={added ? t('kpis.library.addedNamed', { name }) : t('kpis.library.addNamed', { name })}
                    onClick={() => {
                      void add(row);
                    }}
                  >
                    {added ? t('kpis.library.added') : t('kpis.library.add')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
