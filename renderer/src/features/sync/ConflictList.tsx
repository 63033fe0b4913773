import { useTranslation } from 'react-i18next';
import { userLocale } from '../../locale';
import { fieldsWrittenWith } from '@shared/domain/fieldGroups';
import { keysKeepingSide } from './mergeView';
import type { ConflictRow, ConflictSideView } from './mergeView';
import { describeField, describeKept, describeOrigin, describeRecord, describeValue } from './recordText';
import type { TextFormat } from './recordText';

interface ConflictListProps {
  readonly rows: readonly ConflictRow[];
  /** Keys of the conflicts whose losing value the user chose to keep. */
  readonly keptKeys: ReadonlySet<string>;
  readonly disabled: boolean;
  readonly onKeepOtherChange: (key: string, keepOther: boolean) => void;
  /** Replaces every choice at once, with the keys of the conflicts whose other value to keep. */
  readonly onKeepAll: (keys: ReadonlySet<string>) => void;
}

const format: TextFormat = { locale: userLocale };

/** The choices that apply to every conflict at once: their label and the conflicts whose other value they keep. */
const bulkChoices: readonly (readonly [
  'sync.keepAllLocal' | 'sync.keepAllRemote' | 'sync.keepAllLater',
  (rows: readonly ConflictRow[]) => ReadonlySet<string>,
])[] = [
  ['sync.keepAllLocal', (rows) => keysKeepingSide(rows, 'local')],
  ['sync.keepAllRemote', (rows) => keysKeepingSide(rows, 'remote')],
  ['sync.keepAllLater', () => new Set()],
];

function SideCell({ side }: { side: ConflictSideView }) {
  const { t } = useTranslation();
  return (
    <td>
      <span>{describeValue(t, side.value, format)}</span>
      <br />
      <span className="muted">{t('sync.changedAt', { origin: describeOrigin(t, side, format) })}</span>
    </td>
  );
}

/**
 * Lists the field conflicts of a merge preview: the record, the field, both values with the time and
 * device of their change, the value the merge keeps and why, and a "Keep the other value" box.
 */
export function ConflictList({ rows, keptKeys, disabled, onKeepOtherChange, onKeepAll }: ConflictListProps) {
  const { t } = useTranslation();

  return (
    <section aria-label={t('sync.conflictsLabel')}>
      <p>{t('sync.conflicts', { count: rows.length })}</p>
      {rows.length > 1 ? (
        <div className="button-row" data-testid="conflict-bulk-choices">
          {bulkChoices.map(([label, keysOf]) => (
            <button
              key={label}
              type="button"
              className="button"
              disabled={disabled}
              onClick={() => {
                onKeepAll(keysOf(rows));
              }}
            >
              {t(label)}
            </button>
          ))}
        </div>
      ) : null}
      <table className="sync-table" data-testid="merge-conflicts">
        <thead>
          <tr>
            <th scope="col">{t('sync.record')}</th>
            <th scope="col">{t('sync.field')}</th>
            <th scope="col">{t('sync.localValue')}</th>
            <th scope="col">{t('sync.remoteValue')}</th>
            <th scope="col">{t('sync.winner')}</th>
            <th scope="col">{t('sync.choice')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const keepOther = keptKeys.has(row.key);
            return (
              <tr key={row.key}>
                <th scope="row">{describeRecord(t, row.record, format)}</th>
                <td>{describeField(t, row.field)}</td>
                <SideCell side={row.local} />
                <SideCell side={row.remote} />
                <td>{describeKept(t, row, keepOther)}</td>
                <td>
                  <label>
                    <input
                      type="checkbox"
                      checked={keepOther}
                      disabled={disabled}
                      onChange={(event) => {
                        onKeepOtherChange(row.key, event.target.checked);
                      }}
                    />
                    {t('sync.keepOther')}
                  </label>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted">{t('sync.keptNote')}</p>
      {rows.some((row) => fieldsWrittenWith(row.table, row.field).length > 1) ? <p className="muted">{t('sync.keptNoteReading')}</p> : null}
    </section>
  );
}
