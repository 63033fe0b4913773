/**
 * The standing meetings: each cadence with its next meetings, "Plan meetings" to generate the
 * next three months, edit and delete. Deleting a cadence keeps the meetings it generated.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting, MeetingCadence } from '@shared/domain/governance';
import type { CalendarDate, Contract, Provider } from '@shared/domain/types';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { formatCalendarDate } from '../escalations/escalationView';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { ConfirmDialog } from '../portfolios/ConfirmDialog';
import { CadenceForm } from './CadenceForm';
import { compareText, planningMonths, planningRange } from './meetingLists';
import { deleteCadence, planMeetings } from './meetingWrites';

/** Upcoming meetings listed under each cadence. */
const upcomingShown = 3;

interface CadencesPanelProps {
  readonly cadences: readonly MeetingCadence[];
  readonly meetings: readonly Meeting[];
  readonly providers: readonly Provider[];
  readonly contracts: readonly Contract[];
  readonly today: CalendarDate;
  readonly onOpenMeeting: (meetingId: string) => void;
}

export function CadencesPanel({ cadences, meetings, providers, contracts, today, onOpenMeeting }: CadencesPanelProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<MeetingCadence | 'new' | null>(null);
  const providerNames = new Map(providers.map((provider) => [provider.id, provider.name]));
  const contractTitles = new Map(contracts.map((contract) => [contract.id, contract.title]));
  const sorted = [...cadences].sort((a, b) => a.title.localeCompare(b.title));

  return (
    <section className="panel" aria-labelledby="cadences-title" data-testid="cadences-panel">
      <h2 id="cadences-title">{t('meetings.cadence.heading')}</h2>
      <p className="muted">{t('meetings.cadence.intro', { months: planningMonths })}</p>
      {sorted.length === 0 ? <p className="muted">{t('meetings.cadence.none')}</p> : null}
      {sorted.length === 0 ? null : (
        <ul className="meetings-cadence-list">
          {sorted.map((cadence) => (
            <CadenceItem
              key={cadence.id}
              cadence={cadence}
              providerName={providerNames.get(cadence.providerId) ?? t('meetings.unknownProvider')}
              contractTitle={cadence.contractId === null ? null : (contractTitles.get(cadence.contractId) ?? null)}
              meetings={meetings.filter((meeting) => meeting.cadenceId === cadence.id)}
              today={today}
              onEdit={() => {
                setEditing(cadence);
              }}
              onOpenMeeting={onOpenMeeting}
            />
          ))}
        </ul>
      )}
      {editing === null ? (
        <button
          type="button"
          className="button"
          onClick={() => {
            setEditing('new');
          }}
        >
          {t('meetings.cadence.add')}
        </button>
      ) : (
        <CadenceForm
          key={editing === 'new' ? 'new' : editing.id}
          providers={providers}
          contracts={contracts}
          cadence={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </section>
  );
}

interface CadenceItemProps {
  readonly cadence: MeetingCadence;
  readonly providerName: string;
  readonly contractTitle: string | null;
  /** Meetings this cadence generated. */
  readonly meetings: readonly Meeting[];
  readonly today: CalendarDate;
  readonly onEdit: () => void;
  readonly onOpenMeeting: (meetingId: string) => void;
}

function CadenceItem({ cadence, providerName, contractTitle, meetings, today, onEdit, onOpenMeeting }: CadenceItemProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // A cancelled meeting, such as one moved to another date, is not one of the next meetings.
  const upcoming = meetings
    .filter((meeting) => meeting.date >= today && meeting.status !== 'cancelled')
    .sort((a, b) => compareText(a.date, b.date))
    .slice(0, upcomingShown);

  const plan = async () => {
    setBusy(true);
    setNotice(null);
    setFailure(null);
    try {
      const { from, to } = planningRange(today);
      const created = await planMeetings(db, cadence.id, from, to, await getDeviceContext());
      setNotice(t('meetings.cadence.planned', { count: created.length, until: formatCalendarDate(to, userLocale) }));
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Planning the meetings of cadence ${cadence.id} failed`)));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await deleteCadence(db, cadence.id, await getDeviceContext());
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Deleting cadence ${cadence.id} failed`)));
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <li data-testid={`cadence-${cadence.id}`} aria-label={cadence.title}>
      <h3>{cadence.title}</h3>
      <p>
        {t('meetings.cadence.summary', {
          kind: t(`profile.meetingKinds.${cadence.kind}`),
          provider: providerName,
          first: formatCalendarDate(cadence.firstDate, userLocale),
          time: cadence.startTime,
          zone: cadence.timeZone,
          minutes: cadence.durationMinutes,
        })}
        {contractTitle === null ? null : ` ${t('meetings.cadence.forContract', { title: contractTitle })}`}
        {cadence.untilDate === null ? null : ` ${t('meetings.cadence.until', { date: formatCalendarDate(cadence.untilDate, userLocale) })}`}
      </p>
      {upcoming.length === 0 ? (
        <p className="muted">{t('meetings.cadence.noneUpcoming')}</p>
      ) : (
        <p>
          {t('meetings.cadence.next')}{' '}
          {upcoming.map((meeting, index) => (
            <span key={meeting.id}>
              {index > 0 ? ', ' : null}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onOpenMeeting(meeting.id);
                }}
              >
                {formatCalendarDate(meeting.date, userLocale)}
              </button>
            </span>
          ))}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button primary" disabled={busy} onClick={() => void plan()}>
          {t('meetings.cadence.plan')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onEdit}>
          {t('meetings.cadence.edit')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setConfirming(true);
          }}
        >
          {t('meetings.cadence.delete')}
        </button>
      </div>
      {notice === null ? null : (
        <p role="status" data-testid="plan-notice">
          {notice}
        </p>
      )}
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      {confirming ? (
        <ConfirmDialog
          title={t('meetings.cadence.deleteTitle', { title: cadence.title })}
          confirmLabel={t('meetings.cadence.deleteConfirm')}
          busyLabel={t('meetings.cadence.deleting')}
          busy={busy}
          typeToConfirm={null}
          onConfirm={() => void remove()}
          onCancel={() => {
            setConfirming(false);
          }}
          testId="delete-cadence-dialog"
        >
          <p>{t('meetings.cadence.deleteBody', { count: meetings.length })}</p>
        </ConfirmDialog>
      ) : null}
    </li>
  );
}
