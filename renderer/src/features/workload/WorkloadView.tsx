/**
 * Workload per owner: each vendor manager's and provider contact's open action items, open
 * escalations and risk reviews due, with overdue counts and an "Overloaded" marker, so the VMO
 * can see who carries too much. Expanding a row lists the items with links to them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { computeWorkload, defaultWorkloadThresholds } from '@shared/governance/workload';
import type { OwnerWorkload } from '@shared/governance/workload';
import type { CalendarDate } from '@shared/domain/types';
import type { PortfolioDb } from '../../db/portfolioDb';
import { localToday } from '../plans/roadmapOption';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { overloadReasons, ownerContactText } from './workloadText';
import { WorkloadItems } from './WorkloadItems';
import './workload.css';

async function readWorkloadRecords(db: PortfolioDb, today: CalendarDate) {
  const [actionItems, escalations, risks, contacts] = await Promise.all([
    db.actionItems.where('status').equals('open').toArray(),
    db.escalations.where('status').equals('open').toArray(),
    db.risks.toArray(),
    db.contacts.toArray(),
  ]);
  return computeWorkload({ actionItems, escalations, risks, contacts, today });
}

export function WorkloadView() {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [today] = useState<CalendarDate>(() => localToday());
  const rows = useLiveQuery(() => readWorkloadRecords(db, today), [db, today]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const thresholds = defaultWorkloadThresholds;

  const toggle = (key: string) => {
    const next = new Set(expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setExpanded(next);
  };
  const ownerName = useMemo(() => (row: OwnerWorkload) => (row.unassigned ? t('workload.unassigned') : row.displayName), [t]);

  return (
    <section className="panel" aria-labelledby="workload-title" data-testid="workload-view">
      <h2 id="workload-title">{t('workload.title')}</h2>
      <p className="muted">{t('workload.intro', { maxOpen: thresholds.maxOpenItems, maxOverdue: thresholds.maxOverdue })}</p>
      {rows === undefined ? <p className="muted">{t('app.loading')}</p> : null}
      {rows?.length === 0 ? <p className="muted">{t('workload.none')}</p> : null}
      {rows === undefined || rows.length === 0 ? null : (
        <table className="results-table workload-table" aria-label={t('workload.tableLabel')} data-testid="workload-table">
          <thead>
            <tr>
              <th scope="col">{t('workload.columns.owner')}</th>
              <th scope="col">{t('workload.columns.actions')}</th>
              <th scope="col">{t('workload.columns.escalations')}</th>
              <th scope="col">{t('workload.columns.reviews')}</th>
              <th scope="col">{t('workload.columns.overdue')}</th>
              <th scope="col">{t('workload.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const open = expanded.has(row.key);
              const detailsId = `workload-items-${row.unassigned ? 'unassigned' : String(rows.indexOf(row))}`;
              const contactText = ownerContactText(t, row);
              return (
                <Fragment key={row.key}>
                  <tr data-testid="workload-row" data-owner={row.displayName} className={row.overloaded ? 'overloaded' : undefined}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        aria-expanded={open}
                        aria-controls={detailsId}
                        onClick={() => {
                          toggle(row.key);
                        }}
                      >
                        {ownerName(row)}
                      </button>
                      {contactText === null ? null : <span className="muted workload-contact">{contactText}</span>}
                    </th>
                    <td>{row.openActionIds.length}</td>
                    <td>{row.openEscalationIds.length}</td>
                    <td>{row.reviewDueRiskIds.length}</td>
                    <td>{row.overdue}</td>
                    <td>
                      {row.overloaded ? (
                        <>
                          <strong className="workload-overloaded">{t('workload.overloaded')}</strong>{' '}
                          <span>{overloadReasons(t, row, thresholds).join(' ')}</span>
                        </>
                      ) : null}
                    </td>
                  </tr>
                  {open ? (
                    <tr id={detailsId} className="workload-details">
                      <td colSpan={6}>
                        <WorkloadItems row={row} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
