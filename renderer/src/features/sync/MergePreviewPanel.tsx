import { useTranslation } from 'react-i18next';
import type { MergePreview } from '@shared/sync/mergeTypes';
import { conflictRows, isUnchanged, tableCountRows } from './syncPreview';

/** Per-table counts and the list of field conflicts of a merge that has not been written yet. */
export function MergePreviewPanel({ preview, portfolioName }: { preview: MergePreview; portfolioName: string }) {
  const { t } = useTranslation();
  const rows = tableCountRows(preview);
  const conflicts = conflictRows(preview);

  if (isUnchanged(rows) && conflicts.length === 0) return <p data-testid="merge-unchanged">{t('sync.unchanged')}</p>;

  return (
    <>
      <p>{t('sync.mergePreview', { name: portfolioName })}</p>
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
          {rows.map((row) => (
            <tr key={row.table}>
              <th scope="row">{t(`sync.tables.${row.table}`)}</th>
              <td>{row.added}</td>
              <td>{row.changed}</td>
              <td>{row.deleted}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {conflicts.length > 0 ? (
        <>
          <p>{t('sync.conflicts', { count: conflicts.length })}</p>
          <table className="sync-table" data-testid="merge-conflicts">
            <thead>
              <tr>
                <th scope="col">{t('sync.table')}</th>
                <th scope="col">{t('sync.field')}</th>
                <th scope="col">{t('sync.localValue')}</th>
                <th scope="col">{t('sync.remoteValue')}</th>
                <th scope="col">{t('sync.winner')}</th>
              </tr>
            </thead>
            <tbody>
              {conflicts.map((conflict) => (
                <tr key={conflict.key}>
                  <td>{t(`sync.tables.${conflict.table}`)}</td>
                  <td>{conflict.field}</td>
                  <td>{conflict.localValue}</td>
                  <td>{conflict.remoteValue}</td>
                  <td>{conflict.winner === 'local' ? t('sync.winnerLocal') : t('sync.winnerRemote')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
