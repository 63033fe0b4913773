/**
 * The list of a provider's sites, certifications or contacts: a table with Edit and Delete on
 * each row, the edit form in a row under the record it edits, and the Add button with its form.
 */
import { Fragment, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { DeleteRecordButton } from './DeleteRecordButton';
import type { ProviderPartTable } from './providerRecordEdits';

/** Accessible names of one record's buttons, each naming the record, and the title of its delete confirmation. */
export interface RecordActionLabels {
  readonly edit: string;
  readonly delete: string;
  readonly deleteTitle: string;
}

interface RecordListProps<T extends { readonly id: Id }> {
  readonly records: readonly T[];
  readonly table: ProviderPartTable;
  /** Accessible name of the table. */
  readonly tableLabel: string;
  /** Column headers in order, without the actions column that the list adds. */
  readonly headers: readonly string[];
  readonly emptyText: string;
  readonly addText: string;
  /** `data-testid` of each record's row. */
  readonly rowTestId: string;
  /** Renders the cells of a record's row, one of them a row header (`<th scope="row">`). */
  readonly cells: (record: T) => ReactNode;
  readonly actionLabels: (record: T) => RecordActionLabels;
  /** Renders the form that edits `record`, or adds a record when it is `null`. */
  readonly form: (record: T | null, close: () => void) => ReactNode;
}

export function RecordList<T extends { readonly id: Id }>(props: RecordListProps<T>) {
  const { records, table, tableLabel, headers, emptyText, addText, rowTestId, cells, actionLabels, form } = props;
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<Id | null>(null);
  const closeEdit = () => {
    setEditingId(null);
  };

  return (
    <>
      {records.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <table className="results-table" aria-label={tableLabel}>
          <thead>
            <tr>
              {headers.map((header) => (
                <th key={header} scope="col">
                  {header}
                </th>
              ))}
              <th scope="col">{t('providerRecord.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => {
              const labels = actionLabels(record);
              return (
                <Fragment key={record.id}>
                  <tr data-testid={rowTestId}>
                    {cells(record)}
                    <td className="row-actions">
                      <button
                        type="button"
                        className="button"
                        aria-label={labels.edit}
                        aria-expanded={editingId === record.id}
                        onClick={() => {
                          setEditingId(editingId === record.id ? null : record.id);
                        }}
                      >
                        {t('providerRecord.edit')}
                      </button>
                      <DeleteRecordButton table={table} id={record.id} label={labels.delete} title={labels.deleteTitle} />
                    </td>
                  </tr>
                  {editingId === record.id ? (
                    <tr>
                      <td colSpan={headers.length + 1}>{form(record, closeEdit)}</td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {adding ? (
        form(null, () => {
          setAdding(false);
        })
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => {
              setAdding(true);
            }}
          >
            {addText}
          </button>
        </div>
      )}
    </>
  );
}
