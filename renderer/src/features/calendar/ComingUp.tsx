/**
 * "Coming up" in the notifications panel: agenda entries within their alert lead time, overdue
 * ones included, each linking to its record.
 */
import { useTranslation } from 'react-i18next';
import { calendarEntryKinds, defaultAlertLeadDays } from '@shared/calendar/agenda';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { formatCalendarDate } from '../escalations/escalationView';
import { entryScreenOf, entrySummary, entryTiming } from './agendaText';
import { useAgenda } from './useAgenda';
import './calendar.css';

/** Days the agenda is read ahead: the longest default lead time, so every alert is in range. */
const alertHorizonDays = Math.max(...calendarEntryKinds.map((kind) => defaultAlertLeadDays[kind]));

/** Entries listed at most; the rest is counted. */
const listedEntries = 20;

export function ComingUp({ onNavigate }: { readonly onNavigate: () => void }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const agenda = useAgenda(alertHorizonDays);
  const alerts = agenda?.entries.filter((entry) => entry.alert) ?? [];

  return (
    <section aria-labelledby="coming-up-title" data-testid="coming-up">
      <h2 id="coming-up-title">{t('calendar.comingUp.title')}</h2>
      {agenda === undefined ? <p className="muted">{t('app.loading')}</p> : null}
      {agenda !== undefined && alerts.length === 0 ? <p className="muted">{t('calendar.comingUp.none')}</p> : null}
      {alerts.length === 0 ? null : (
        // A table rather than a list, so the panel's list stays the escalation notifications alone.
        <table className="coming-up-table">
          <thead>
            <tr>
              <th scope="col">{t('calendar.comingUp.date')}</th>
              <th scope="col">{t('calendar.comingUp.entry')}</th>
              <th scope="col">{t('calendar.comingUp.timing')}</th>
            </tr>
          </thead>
          <tbody>
            {alerts.slice(0, listedEntries).map((entry) => {
              const summary = entrySummary(t, entry);
              const screen = entryScreenOf(entry);
              return (
                <tr key={`${entry.kind}-${entry.recordId}-${entry.date}`} data-testid="coming-up-entry">
                  <td>{formatCalendarDate(entry.date, userLocale)}</td>
                  <td>
                    {screen === null ? (
                      summary
                    ) : (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          onNavigate();
                          navigate(screen);
                        }}
                      >
                        {summary}
                      </button>
                    )}
                  </td>
                  <td>{entry.overdue ? <strong>{entryTiming(t, entry)}</strong> : entryTiming(t, entry)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {alerts.length > listedEntries ? <p className="muted">{t('calendar.comingUp.more', { count: alerts.length - listedEntries })}</p> : null}
    </section>
  );
}
