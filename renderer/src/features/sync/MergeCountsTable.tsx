import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordTable } from '@shared/domain/types';
import type { MergePreview } from '@shared/sync/mergeTypes';
import { userLocale } from '../../locale';
import type { TableRecordChanges } from './mergeView';
import type { RecordLabel } from './recordLabels';
import { describeRecord } from './recordText';
import type { TextFormat } from './recordText';
import { capList, changedTableRows } from './syncPreview';

const format: TextFormat = { locale: userLocale };

interface MergeCountsTableProps {
  readonly preview: MergePreview;
  readonly recordChanges: readonly TableRecordChanges[];
}

/**
 * Counts of added, changed and deleted records per table, leaving out tables without changes. A
 * row expands to name its records, up to `maxListedRecords` for each kind of change.
 */
export function MergeCountsTable({ preview, recordChanges }: MergeCountsTableProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState<ReadonlySet<RecordTable>>(new Set());
  const rows = changedTableRows(preview);

  if (rows.length === 0) return <p data-testid="merge-counts-none">{t('sync.noOtherChanges')}</p>;

  const toggle = (table: RecordTable) => {
    const next = new Set(expanded);
    if (next.has(table)) next.delete(table);
    else next.add(table);
    setExpanded(next);
  };

  return (
    <table className="sync-table" data-testid="merge-counts">
      <thead>
        <tr>
          <th scope="col">{t('sync.table')}</th>
          <th scope="col">{t('sync.added')}</th>
          <th scope="col">{t('sync.changed')}</th>
          <th scope="col">{t('sync.deleted')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const isOpen = expanded.has(row.table);
          const detailsId = `merge-records-${row.table}`;
          const changes = recordChanges.find((entry) => entry.table === row.table);
          return (
            <Fragment key={row.table}>
              <tr>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    aria-expanded={isOpen}
                    aria-controls={isOpen ? detailsId : undefined}
                    onClick={() => {
                      toggle(row.table);
                    }}
                  >
                    {t(`sync.tables.${row.table}`)}
                  </button>
                </th>
                <td>{row.added}</td>
                <td>{row.changed}</td>
                <td>{row.deleted}</td>
              </tr>
              {isOpen ? (
                <tr id={detailsId} data-testid={detailsId}>
                  <td colSpan={4}>
                    <RecordNameList heading={t('sync.added')} labels={changes?.added ?? []} />
                    <RecordNameList heading={t('sync.changed')} labels={changes?.changed ?? []} />
                    <RecordNameList heading={t('sync.deleted')} labels={changes?.deleted ?? []} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

/** One kind of change with its records by name, cut after `maxListedRecords` with "and N more". Nothing when empty. */
function RecordNameList({ heading, labels }: { readonly heading: string; readonly labels: readonly RecordLabel[] }) {
  const { t } = useTranslation();
  if (labels.length === 0) return null;
  const { shown, more } = capList(labels);

  return (
    <>
      <p className="muted">{heading}</p>
      <ul>
        {shown.map((label, index) => (
          <li key={index}>{describeRecord(t, label, format)}</li>
        ))}
        {more > 0 ? <li>{t('sync.andMore', { count: more })}</li> : null}
      </ul>
    </>
  );
}
