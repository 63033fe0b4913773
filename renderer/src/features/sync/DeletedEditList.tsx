import { useTranslation } from 'react-i18next';
import { userLocale } from '../../locale';
import type { DeletedEditRow } from './mergeView';
import { describeOrigin, describeRecord } from './recordText';
import type { TextFormat } from './recordText';

const format: TextFormat = { locale: userLocale };

/** Lists the records that one side deleted while the other side changed them. The merge keeps the deletion. */
export function DeletedEditList({ rows }: { rows: readonly DeletedEditRow[] }) {
  const { t } = useTranslation();

  return (
    <section aria-label={t('sync.deletedEditsLabel')}>
      <p>{t('sync.deletedEdits', { count: rows.length })}</p>
      <table className="sync-table" data-testid="merge-deleted-edits">
        <thead>
          <tr>
            <th scope="col">{t('sync.record')}</th>
            <th scope="col">{t('sync.table')}</th>
            <th scope="col">{t('sync.deletedIn')}</th>
            <th scope="col">{t('sync.deletedAt')}</th>
            <th scope="col">{t('sync.discardedChange')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{describeRecord(t, row.record, format)}</th>
              <td>{t(`sync.tables.${row.table}`)}</td>
              <td>{row.deletedOn === 'local' ? t('sync.localValue') : t('sync.remoteValue')}</td>
              <td>{describeOrigin(t, row.deletion, format)}</td>
              <td>{describeOrigin(t, row.edit, format)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
