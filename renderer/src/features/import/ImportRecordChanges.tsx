import { useTranslation } from 'react-i18next';
import type { PlannedRecordChange } from '../../db/importProviderContracts';
import { userLocale } from '../../locale';
import { importReviewRows } from './importReviewRows';

/** Rows listed before the rest is counted; enough to check a file, few enough to render at once. */
const listedRecords = 200;

/**
 * Lists the providers and contracts that the import adds or updates, each with the fields it
 * sets: the value for an added record, old and new value for an updated one.
 */
export function ImportRecordChanges({ records }: { readonly records: readonly PlannedRecordChange[] }) {
  const { t } = useTranslation();
  if (records.length === 0) return <p className="muted">{t('import.providerContracts.nothingToChange')}</p>;
  const rows = importReviewRows(t, records.slice(0, listedRecords), { locale: userLocale });

  return (
    <>
      <table className="results-table import-record-changes" data-testid="import-record-changes">
        <caption>{t('import.providerContracts.changesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.providerContracts.columns.record')}</th>
            <th scope="col">{t('import.providerContracts.columns.outcome')}</th>
            <th scope="col">{t('import.providerContracts.columns.fields')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-table={row.table} data-outcome={row.outcome}>
              <th scope="row">
                <span className="muted">{t(`sync.tables.${row.table}`)}: </span>
                {row.name}
              </th>
              <td>{t(`import.providerContracts.outcomes.${row.outcome}`)}</td>
              <td>
                <ul className="import-fields">
                  {row.fields.map((field) => (
                    <li key={field.field} data-field={field.field}>
                      {field.oldValue === null
                        ? t('import.providerContracts.fieldSet', { field: field.label, value: field.newValue })
                        : t('import.providerContracts.fieldChanged', { field: field.label, old: field.oldValue, value: field.newValue })}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {records.length > listedRecords ? (
        <p className="muted">{t('import.providerContracts.moreRecords', { count: records.length - listedRecords })}</p>
      ) : null}
    </>
  );
}
