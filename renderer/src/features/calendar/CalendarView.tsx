/**
 * The portfolio calendar: notice deadlines, renewals, certification expiries, planned meetings
 * and due actions from today over a chosen horizon, grouped by month and day. The user filters
 * them by kind and provider and exports the filtered entries to an `.ics` file.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarEntryKinds } from '@shared/calendar/agenda';
import type { CalendarEntry, CalendarEntryKind } from '@shared/calendar/agenda';
import type { Id } from '@shared/domain/types';
import { listPortfolios } from '../../db/catalogue';
import { formatPeriod } from '../../format';
import { userLocale } from '../../locale';
import { selectPortfolioId, useUiStore } from '../../state/uiStore';
import { formatCalendarDate } from '../escalations/escalationView';
import { AgendaEntryItem } from './AgendaEntryItem';
import { groupAgenda } from './agendaText';
import { AgendaExportButton } from './AgendaExportButton';
import { useAgenda } from './useAgenda';
import './calendar.css';

/** Horizons the user can choose, in days. */
const horizons = [30, 90, 365] as const;
type Horizon = (typeof horizons)[number];

/** Value of the "every kind" and "every provider" options, which no kind or id equals. */
const anyValue = '\u0000any';

export function CalendarView() {
  const { t } = useTranslation();
  const portfolioId = useUiStore(selectPortfolioId);
  const portfolios = useLiveQuery(listPortfolios, []);
  const [horizon, setHorizon] = useState<Horizon>(90);
  const [kind, setKind] = useState<CalendarEntryKind | null>(null);
  const [providerId, setProviderId] = useState<Id | null>(null);
  const agenda = useAgenda(horizon);

  const providers = useMemo(() => {
    const names = new Map<Id, string>();
    for (const entry of agenda?.entries ?? []) {
      if (entry.providerId !== null && entry.providerName !== null) names.set(entry.providerId, entry.providerName);
    }
    return [...names].sort((a, b) => a[1].localeCompare(b[1], userLocale));
  }, [agenda]);
  const filtered = useMemo(
    () => (agenda?.entries ?? []).filter((entry: CalendarEntry) => (kind === null || entry.kind === kind) && (providerId === null || entry.providerId === providerId)),
    [agenda, kind, providerId],
  );
  const months = useMemo(() => groupAgenda(filtered), [filtered]);
  const portfolioName = portfolios?.find((entry) => entry.id === portfolioId)?.name ?? '';

  return (
    <section className="panel" aria-labelledby="calendar-title" data-testid="calendar-view">
      <h2 id="calendar-title">{t('calendar.title')}</h2>
      <p className="muted">{t('calendar.intro')}</p>
      <div className="calendar-controls" role="group" aria-label={t('calendar.filters')}>
        <label>
          {t('calendar.horizon')}
          <select
            data-testid="calendar-horizon"
            value={horizon}
            onChange={(event) => {
              setHorizon(horizons.find((days) => String(days) === event.target.value) ?? 90);
            }}
          >
            {horizons.map((days) => (
              <option key={days} value={days}>
                {t('calendar.horizonDays', { count: days })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('calendar.kind')}
          <select
            data-testid="calendar-kind"
            value={kind ?? anyValue}
            onChange={(event) => {
              setKind(calendarEntryKinds.find((candidate) => candidate === event.target.value) ?? null);
            }}
          >
            <option value={anyValue}>{t('calendar.anyKind')}</option>
            {calendarEntryKinds.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`calendar.kinds.${candidate}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('calendar.provider')}
          <select
            data-testid="calendar-provider"
            value={providerId ?? anyValue}
            onChange={(event) => {
              setProviderId(event.target.value === anyValue ? null : event.target.value);
            }}
          >
            <option value={anyValue}>{t('calendar.anyProvider')}</option>
            {providers.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <AgendaExportButton entries={filtered} portfolioName={portfolioName} today={agenda?.today ?? null} />
      </div>

      {agenda === undefined ? <p className="muted">{t('app.loading')}</p> : null}
      {agenda !== undefined && filtered.length === 0 ? <p className="muted">{t('calendar.none', { count: horizon })}</p> : null}
      {months.map((month) => (
        <section key={month.period} className="calendar-month" aria-labelledby={`calendar-month-${month.period}`}>
          <h3 id={`calendar-month-${month.period}`}>{formatPeriod(month.period, userLocale, 'long')}</h3>
          {month.days.map((day) => (
            <div key={day.date} className="calendar-day">
              <h4>{formatCalendarDate(day.date, userLocale)}</h4>
              <ul className="calendar-entries" aria-label={t('calendar.dayLabel', { date: formatCalendarDate(day.date, userLocale) })}>
                {day.entries.map((entry) => (
                  <AgendaEntryItem key={`${entry.kind}-${entry.recordId}-${entry.date}`} entry={entry} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}
