import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/domain/types';
import { formatChangeTime } from '../sync/mergeView';
import type { RecordLookup } from '../sync/recordLabels';
import type { TextFormat } from '../sync/recordText';
import { auditChangeTexts, importedFromText } from './auditText';

/** Characters of a device id shown; the whole id is in the tooltip. */
const shownDeviceIdLength = 8;

/** When, who and on which device an entry was written, as one line. */
export function AuditEntryByline({ entry, format }: { readonly entry: AuditEntry; readonly format: TextFormat }) {
  const { t } = useTranslation();
  return (
    <p className="audit-byline">
      <time dateTime={entry.at}>{formatChangeTime(Date.parse(entry.at), format.locale, format.timeZone)}</time>
      {' · '}
      <span className="audit-user">{entry.user === '' ? t('audit.noUser') : entry.user}</span>
      {' · '}
      <span title={entry.deviceId}>{t('audit.device', { device: entry.deviceId.slice(0, shownDeviceIdLength) })}</span>
      {' · '}
      <span>{t(`audit.kinds.${entry.kind}`)}</span>
    </p>
  );
}

/**
 * Shows one audit entry: its byline, the imported file for a record an import wrote, and its
 * fields. A change lists each changed field with its old and new value. An added record lists
 * its initial values and a deleted one its last values, in one column.
 */
export function AuditEntryView({ entry, lookup, format }: { readonly entry: AuditEntry; readonly lookup: RecordLookup; readonly format: TextFormat }) {
  const { t } = useTranslation();
  const changes = auditChangeTexts(t, entry, lookup, format);
  const importedFrom = importedFromText(t, entry, format);
  const oneValue = entry.kind === 'insert' || entry.kind === 'delete';
  return (
    <div className="audit-entry">
      <AuditEntryByline entry={entry} format={format} />
      {importedFrom === null ? null : <p className="audit-import">{importedFrom}</p>}
      {changes.length === 0 ? null : (
        <table className="results-table audit-changes">
          <thead>
            <tr>
              <th scope="col">{t('audit.columns.field')}</th>
              {oneValue ? (
                <th scope="col">{entry.kind === 'insert' ? t('audit.columns.initial') : t('audit.columns.last')}</th>
              ) : (
                <>
                  <th scope="col">{t('audit.columns.old')}</th>
                  <th scope="col">{t('audit.columns.new')}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field} data-field={change.field}>
                <th scope="row">{change.label}</th>
                {oneValue ? (
                  <td>{entry.kind === 'insert' ? change.newValue : change.oldValue}</td>
                ) : (
                  <>
                    <td>{change.oldValue}</td>
                    <td className="audit-new">
                      {change.newValue}
                      {change.difference === null ? null : <span className="audit-difference">{change.difference}</span>}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
