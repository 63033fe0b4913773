/** The decision log: every decision, newest first, filtered by provider and searched by text or decider. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Provider } from '@shared/domain/types';
import { userLocale } from '../../locale';
import { formatCalendarDate } from '../escalations/escalationView';
import { DecisionControls } from './DecisionControls';
import { filterDecisions } from './meetingLists';
import { OutcomeTable, ProviderFilter } from './OutcomeTable';
import type { GovernanceData } from './useGovernanceData';

interface DecisionLogProps {
  readonly data: GovernanceData;
  readonly providers: readonly Provider[];
  readonly onOpenMeeting: (meetingId: string) => void;
}

export function DecisionLog({ data, providers, onOpenMeeting }: DecisionLogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [providerId, setProviderId] = useState('');
  const [search, setSearch] = useState('');
  const decisions = filterDecisions(data.decisions, { providerId: providerId === '' ? null : providerId, search });
  const providerNames = new Map(providers.map((provider) => [provider.id, provider.name]));
  const meetings = new Map(data.meetings.map((meeting) => [meeting.id, meeting]));
  let emptyText: string | null = null;
  if (data.decisions.length === 0) emptyText = t('meetings.log.none');
  else if (decisions.length === 0) emptyText = t('meetings.log.noneMatch');

  return (
    <section className="panel" aria-labelledby={titleId} data-testid="decision-log">
      <h2 id={titleId}>{t('meetings.log.heading')}</h2>
      <div className="toolbar">
        <ProviderFilter providers={providers} value={providerId} onChange={setProviderId} />
        <label>
          {t('meetings.log.search')}
          <input
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
            }}
          />
        </label>
      </div>
      <OutcomeTable
        caption={t('meetings.log.heading')}
        columns={[
          t('meetings.decisions.decidedOn'),
          t('meetings.decisions.text'),
          t('meetings.decisions.decidedBy'),
          t('meetings.fields.provider'),
          t('meetings.log.meeting'),
          t('meetings.actions.change'),
        ]}
        emptyText={emptyText}
      >
        {decisions.map((decision) => {
          const meeting = decision.meetingId === null ? undefined : meetings.get(decision.meetingId);
          return (
            <tr key={decision.id} data-testid="decision-row">
              <td>{formatCalendarDate(decision.decidedOn, userLocale)}</td>
              <th scope="row" className="meetings-text-cell">
                {decision.text}
              </th>
              <td>{decision.decidedBy}</td>
              <td>
                {decision.providerId === null
                  ? t('meetings.log.portfolioWide')
                  : (providerNames.get(decision.providerId) ?? t('meetings.unknownProvider'))}
              </td>
              <td>
                {meeting === undefined ? (
                  <span className="muted">{t('meetings.log.noMeeting')}</span>
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      onOpenMeeting(meeting.id);
                    }}
                  >
                    {t('meetings.log.meetingLink', { title: meeting.title, date: formatCalendarDate(meeting.date, userLocale) })}
                  </button>
                )}
              </td>
              <td>
                <DecisionControls decision={decision} />
              </td>
            </tr>
          );
        })}
      </OutcomeTable>
    </section>
  );
}
