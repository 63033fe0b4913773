/** The Meetings tab: cadences, meetings added by hand, and every meeting, upcoming first, then past. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '@shared/domain/governance';
import type { CalendarDate, Provider } from '@shared/domain/types';
import { userLocale } from '../../locale';
import { formatCalendarDate } from '../escalations/escalationView';
import { CadencesPanel } from './CadencesPanel';
import { MeetingForm } from './MeetingForm';
import { splitMeetings } from './meetingLists';
import type { GovernanceData } from './useGovernanceData';

interface MeetingsTabProps {
  readonly data: GovernanceData;
  readonly providers: readonly Provider[];
  readonly today: CalendarDate;
  readonly onOpenMeeting: (meetingId: string) => void;
}

export function MeetingsTab({ data, providers, today, onOpenMeeting }: MeetingsTabProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const { upcoming, past } = splitMeetings(data.meetings, today);
  const providerNames = new Map(providers.map((provider) => [provider.id, provider.name]));

  return (
    <>
      <CadencesPanel
        cadences={data.cadences}
        meetings={data.meetings}
        providers={providers}
        contracts={data.contracts}
        today={today}
        onOpenMeeting={onOpenMeeting}
      />
      <section className="panel" aria-labelledby="meetings-list-title">
        <h2 id="meetings-list-title">{t('meetings.list.heading')}</h2>
        {adding ? (
          <MeetingForm
            providers={providers}
            meeting={null}
            today={today}
            onClose={(meetingId) => {
              setAdding(false);
              if (meetingId !== null) onOpenMeeting(meetingId);
            }}
          />
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t('meetings.list.addAdHoc')}
          </button>
        )}
        <MeetingTable
          caption={t('meetings.list.upcoming')}
          empty={t('meetings.list.noneUpcoming')}
          meetings={upcoming}
          providerNames={providerNames}
          onOpenMeeting={onOpenMeeting}
          testId="upcoming-meetings"
        />
        <MeetingTable
          caption={t('meetings.list.past')}
          empty={t('meetings.list.nonePast')}
          meetings={past}
          providerNames={providerNames}
          onOpenMeeting={onOpenMeeting}
          testId="past-meetings"
        />
      </section>
    </>
  );
}

interface MeetingTableProps {
  readonly caption: string;
  readonly empty: string;
  readonly meetings: readonly Meeting[];
  readonly providerNames: ReadonlyMap<string, string>;
  readonly onOpenMeeting: (meetingId: string) => void;
  readonly testId: string;
}

function MeetingTable({ caption, empty, meetings, providerNames, onOpenMeeting, testId }: MeetingTableProps) {
  const { t } = useTranslation();
  const headingId = useId();
  if (meetings.length === 0) {
    return (
      <>
        <h3 id={headingId}>{caption}</h3>
        <p className="muted" data-testid={testId}>
          {empty}
        </p>
      </>
    );
  }
  return (
    <>
      <h3 id={headingId}>{caption}</h3>
      <table className="results-table" aria-labelledby={headingId} data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('meetings.fields.date')}</th>
            <th scope="col">{t('meetings.fields.startTime')}</th>
            <th scope="col">{t('meetings.fields.title')}</th>
            <th scope="col">{t('meetings.fields.provider')}</th>
            <th scope="col">{t('meetings.fields.kind')}</th>
            <th scope="col">{t('meetings.fields.status')}</th>
            <th scope="col">{t('meetings.list.agendaItems')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => (
            <tr key={meeting.id}>
              <td>{formatCalendarDate(meeting.date, userLocale)}</td>
              <td>{t('meetings.list.time', { time: meeting.startTime, zone: meeting.timeZone })}</td>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    onOpenMeeting(meeting.id);
                  }}
                >
                  {meeting.title}
                </button>
              </th>
              <td>{providerNames.get(meeting.providerId) ?? t('meetings.unknownProvider')}</td>
              <td>{t(`profile.meetingKinds.${meeting.kind}`)}</td>
              <td>{t(`profile.meetingStatuses.${meeting.status}`)}</td>
              <td className="cell-numeric">{meeting.agenda.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
