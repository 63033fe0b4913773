import { useTranslation } from 'react-i18next';
import type { CalendarEntry } from '@shared/calendar/agenda';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { formatCalendarDate } from '../escalations/escalationView';
import { entryDetails, entryKindName, entryScreenOf, entrySubject, entryTiming } from './agendaText';

/**
 * Shows one agenda entry: its kind, its subject as a link to the record's screen, the provider,
 * date and timing, the alert or overdue marker in words, and the details.
 */
export function AgendaEntryItem({ entry }: { readonly entry: CalendarEntry }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const subject = entrySubject(t, entry);
  const screen = entryScreenOf(entry);
  let marker: string | null = null;
  let className = 'calendar-entry';
  if (entry.overdue) {
    marker = t('calendar.markers.overdue');
    className = 'calendar-entry calendar-entry-overdue';
  } else if (entry.alert) {
    marker = t('calendar.markers.alert');
    className = 'calendar-entry calendar-entry-alert';
  }

  return (
    <li className={className} data-testid="calendar-entry" data-kind={entry.kind}>
      <span className="calendar-kind">{entryKindName(t, entry.kind)}</span>{' '}
      {marker === null ? null : <strong className="calendar-marker">{marker}</strong>}{' '}
      {screen === null ? (
        <span className="calendar-subject">{subject}</span>
      ) : (
        <button
          type="button"
          className="link-button calendar-subject"
          onClick={() => {
            navigate(screen);
          }}
        >
          {subject}
        </button>
      )}
      {entry.providerName === null ? null : <span className="calendar-provider"> · {entry.providerName}</span>}
      <span className="calendar-date">
        {' · '}
        <time dateTime={entry.date}>{formatCalendarDate(entry.date, userLocale)}</time>
        {' · '}
        {entryTiming(t, entry)}
      </span>
      <span className="calendar-details muted"> — {entryDetails(t, entry, userLocale).join(' · ')}</span>
    </li>
  );
}
