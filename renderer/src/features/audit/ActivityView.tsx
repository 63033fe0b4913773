/**
 * Portfolio-wide activity: record writes, deletions and imports from the audit trail, newest
 * first, filtered by user, record type and date range, and read one page at a time.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, CalendarDate, RecordTable } from '@shared/domain/types';
import { isCalendarDate } from '@shared/schedule/days';
import { recordTables } from '@shared/sync/snapshot';
import { readUserName } from '../../db/catalogue';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import type { RecordLookup } from '../sync/recordLabels';
import type { TextFormat } from '../sync/recordText';
import { AuditEntryView } from './AuditEntryView';
import { loadRecordLookup } from './auditLookup';
import { noActivityFilter, readActivityPage, readAuditUsers } from './auditQuery';
import type { ActivityFilter } from './auditQuery';
import { auditRecordName, touchAuditRecords } from './auditText';
import { recordScreenOf } from './recordLink';
import './audit.css';

/** Entries per page: enough to scan a day's work, few enough to name each record quickly. */
const pageSize = 25;

/** Value of the "every user" and "every type" options, which no user name or table equals. */
const anyValue = '\u0000any';

export function ActivityView() {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [filter, setFilter] = useState<ActivityFilter>(noActivityFilter);
  const [pageIndex, setPageIndex] = useState(0);
  const format: TextFormat = { locale: userLocale };

  const users = useLiveQuery(() => readAuditUsers(db), [db]);
  const userName = useLiveQuery(() => readUserName(), []);
  const navigate = useUiStore(selectNavigate);
  const page = useLiveQuery(async () => {
    const read = await readActivityPage(db, filter, pageIndex, pageSize);
    const lookup = await loadRecordLookup(db, (candidate) => {
      touchAuditRecords(read.entries, candidate);
    });
    return { ...read, lookup };
  }, [db, filter, pageIndex]);

  const changeFilter = (change: Partial<ActivityFilter>) => {
    setFilter({ ...filter, ...change });
    setPageIndex(0);
  };
  const dateOf = (value: string): CalendarDate | null => (isCalendarDate(value) ? value : null);
  const rangeInvalid = filter.from !== null && filter.to !== null && filter.from > filter.to;

  return (
    <section className="panel" aria-labelledby="activity-title" data-testid="activity-view">
      <h2 id="activity-title">{t('audit.activity.title')}</h2>
      <p className="muted">{t('audit.activity.intro')}</p>
      {userName === '' ? (
        <p className="alert" data-testid="activity-no-name">
          {t('audit.activity.noName')}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              navigate({ name: 'portfolios' });
            }}
          >
            {t('audit.activity.setName')}
          </button>
        </p>
      ) : null}
      <div className="activity-filters" role="group" aria-label={t('audit.activity.filters')}>
        <label>
          {t('audit.activity.user')}
          <select
            data-testid="activity-user-filter"
            value={filter.user ?? anyValue}
            onChange={(event) => {
              changeFilter({ user: event.target.value === anyValue ? null : event.target.value });
            }}
          >
            <option value={anyValue}>{t('audit.activity.anyUser')}</option>
            {(users ?? []).map((user) => (
              <option key={user} value={user}>
                {user === '' ? t('audit.noUser') : user}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.activity.table')}
          <select
            data-testid="activity-table-filter"
            value={filter.table ?? anyValue}
            onChange={(event) => {
              const value = event.target.value;
              changeFilter({ table: recordTables.find((table) => table === value) ?? null });
            }}
          >
            <option value={anyValue}>{t('audit.activity.anyTable')}</option>
            {recordTables.map((table) => (
              <option key={table} value={table}>
                {t(`sync.tables.${table}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.activity.from')}
          <input
            type="date"
            data-testid="activity-from"
            value={filter.from ?? ''}
            aria-invalid={rangeInvalid}
            aria-describedby={rangeInvalid ? 'activity-range-error' : undefined}
            onChange={(event) => {
              changeFilter({ from: dateOf(event.target.value) });
            }}
          />
        </label>
        <label>
          {t('audit.activity.to')}
          <input
            type="date"
            data-testid="activity-to"
            value={filter.to ?? ''}
            aria-invalid={rangeInvalid}
            aria-describedby={rangeInvalid ? 'activity-range-error' : undefined}
            onChange={(event) => {
              changeFilter({ to: dateOf(event.target.value) });
            }}
          />
        </label>
      </div>
      {rangeInvalid ? (
        <p id="activity-range-error" className="alert error" role="alert">
          {t('audit.activity.rangeInvalid')}
        </p>
      ) : null}

      {page === undefined ? <p className="muted">{t('app.loading')}</p> : null}
      {page?.entries.length === 0 ? <p className="muted">{t('audit.activity.none')}</p> : null}
      {page === undefined || page.entries.length === 0 ? null : (
        <ol className="audit-entries" aria-label={t('audit.activity.listLabel')} data-testid="activity-list">
          {page.entries.map((entry) => (
            <li key={entry.id} data-testid="activity-entry">
              <ActivityEntry entry={entry} lookup={page.lookup} format={format} />
            </li>
          ))}
        </ol>
      )}

      <div className="activity-pager">
        <button
          type="button"
          className="button"
          disabled={pageIndex === 0}
          onClick={() => {
            setPageIndex(pageIndex - 1);
          }}
        >
          {t('audit.activity.newer')}
        </button>
        <span>{t('audit.activity.page', { page: pageIndex + 1 })}</span>
        <button
          type="button"
          className="button"
          disabled={page?.hasMore !== true}
          onClick={() => {
            setPageIndex(pageIndex + 1);
          }}
        >
          {t('audit.activity.older')}
        </button>
      </div>
    </section>
  );
}

/** Shows one activity entry: the record's name as a link, or the imported file, then the byline and changes. */
function ActivityEntry({
  entry,
  lookup,
  format,
}: {
  readonly entry: AuditEntry;
  readonly lookup: RecordLookup;
  readonly format: TextFormat;
}) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const name = auditRecordName(t, entry, lookup, format);
  const screen = entry.table === null || entry.recordId === null ? null : recordScreenOf(lookup, entry.table, entry.recordId);
  const table: RecordTable | null = entry.table;

  let heading: ReactNode;
  if (entry.importSummary !== null && entry.table === null) {
    heading = t('audit.activity.import', { file: entry.importSummary.fileName, rows: entry.importSummary.rows });
  } else if (screen === null) {
    heading = name;
  } else {
    heading = (
      <button
        type="button"
        className="link-button"
        onClick={() => {
          navigate(screen);
        }}
      >
        {name}
      </button>
    );
  }

  return (
    <>
      <h3 className="audit-record">
        {table === null ? null : <span className="muted">{t(`sync.tables.${table}`)}: </span>}
        {heading}
      </h3>
      <AuditEntryView entry={entry} lookup={lookup} format={format} />
    </>
  );
}
