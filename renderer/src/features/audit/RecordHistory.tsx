/**
 * The "History" section of a record: who changed it, when, on which device, and each field's old
 * and new value, newest first, read from the audit trail by record id.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id, RecordTable } from '@shared/domain/types';
import { userLocale } from '../../locale';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { AuditEntryView } from './AuditEntryView';
import { loadRecordLookup } from './auditLookup';
import { readRecordHistory } from './auditQuery';
import { touchAuditRecords } from './auditText';
import './audit.css';

export function RecordHistory({ table, recordId }: { readonly table: RecordTable; readonly recordId: Id }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const count = useLiveQuery(() => db.audit.where('recordId').equals(recordId).count(), [db, recordId]);
  // The entries and the records naming their values are read only while the section is open.
  const history = useLiveQuery(async () => {
    if (!open) return null;
    const entries = await readRecordHistory(db, table, recordId);
    const lookup = await loadRecordLookup(db, (candidate) => {
      touchAuditRecords(entries, candidate);
    });
    return { entries, lookup };
  }, [db, table, recordId, open]);

  return (
    <section className="panel record-history" data-testid="record-history" data-table={table} data-record-id={recordId}>
      <h2>
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => {
            setOpen(!open);
          }}
        >
          {count === undefined ? t('audit.history.title') : t('audit.history.titleCount', { count })}
        </button>
      </h2>
      {open ? (
        <div id={panelId}>
          {history === undefined || history === null ? <p className="muted">{t('app.loading')}</p> : null}
          {history?.entries.length === 0 ? <p className="muted">{t('audit.history.none')}</p> : null}
          {history === undefined || history === null || history.entries.length === 0 ? null : (
            <ol className="audit-entries" aria-label={t('audit.history.listLabel')}>
              {history.entries.map((entry) => (
                <li key={entry.id}>
                  <AuditEntryView entry={entry} lookup={history.lookup} format={{ locale: userLocale }} />
                </li>
              ))}
            </ol>
          )}
        </div>
      ) : null}
    </section>
  );
}
