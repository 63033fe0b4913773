/**
 * One meeting: its details and status, the agenda, the minutes, the decisions taken and the
 * action items raised, and its history.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting, MeetingStatus } from '@shared/domain/governance';
import type { CalendarDate } from '@shared/domain/types';
import { checkMinutes, maxMinutesLength } from '@shared/forms/meeting';
import type { MeetingFormIssue } from '@shared/forms/meeting';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { RecordHistory } from '../audit/RecordHistory';
import { formatCalendarDate } from '../escalations/escalationView';
import type { PortfolioData } from '../portfolio/usePortfolioData';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { recordUndoable } from '../undo/recordUndoable';
import { AgendaEditor } from './AgendaEditor';
import { FormField } from './FormField';
import { MeetingForm } from './MeetingForm';
import { MeetingActions, MeetingDecisions } from './MeetingOutcomes';
import { nameSuggestions } from './meetingLists';
import { updateMeeting } from './meetingWrites';
import { useMeetingStarted } from './useMeetingStarted';
import { meetingUndoLabel } from './undoLabels';
import type { GovernanceData } from './useGovernanceData';

interface MeetingDetailProps {
  readonly meeting: Meeting;
  readonly portfolio: PortfolioData;
  readonly data: GovernanceData;
  readonly today: CalendarDate;
  readonly onBack: () => void;
}

export function MeetingDetail({ meeting, portfolio, data, today, onBack }: MeetingDetailProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const navigate = useUiStore(selectNavigate);
  const namesListId = useId();
  const heldReasonId = useId();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // A meeting that has not started cannot have been held, so "Mark as held" waits for its start.
  const started = useMeetingStarted(meeting);
  const provider = portfolio.providers.find((candidate) => candidate.id === meeting.providerId);
  const names = nameSuggestions(
    data.contacts.filter((contact) => contact.providerId === meeting.providerId).map((contact) => contact.name),
    data.userNames,
    data.actionItems.map((action) => action.owner),
  );

  const setStatus = async (status: MeetingStatus) => {
    setBusy(true);
    setFailure(null);
    try {
      const label = meetingUndoLabel(t, 'undo.label.meetingStatus', meeting);
      await recordUndoable(db, label, await getDeviceContext(), (context) => updateMeeting(db, meeting.id, { status }, context));
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Changing the status of meeting ${meeting.id} failed`)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="meeting-title" data-testid="meeting-detail">
      <button type="button" className="link-button" onClick={onBack}>
        {t('meetings.detail.back')}
      </button>
      <h2 id="meeting-title">{meeting.title}</h2>
      <dl className="meetings-facts">
        <dt>{t('meetings.fields.date')}</dt>
        <dd data-testid="meeting-date">{formatCalendarDate(meeting.date, userLocale)}</dd>
        <dt>{t('meetings.fields.startTime')}</dt>
        <dd>{t('meetings.detail.time', { time: meeting.startTime, zone: meeting.timeZone, minutes: meeting.durationMinutes })}</dd>
        <dt>{t('meetings.fields.provider')}</dt>
        <dd>{provider?.name ?? t('meetings.unknownProvider')}</dd>
        <dt>{t('meetings.fields.kind')}</dt>
        <dd>{t(`profile.meetingKinds.${meeting.kind}`)}</dd>
        <dt>{t('meetings.fields.attendees')}</dt>
        <dd>{meeting.attendees === '' ? <span className="muted">{t('meetings.detail.noAttendees')}</span> : meeting.attendees}</dd>
        <dt>{t('meetings.fields.status')}</dt>
        <dd data-testid="meeting-status">{t(`profile.meetingStatuses.${meeting.status}`)}</dd>
      </dl>
      <div className="button-row">
        {meeting.status === 'held' ? null : (
          <button
            type="button"
            className="button primary"
            disabled={busy || !started}
            {...(started ? {} : { 'aria-describedby': heldReasonId })}
            onClick={() => void setStatus('held')}
          >
            {t('meetings.detail.markHeld')}
          </button>
        )}
        {meeting.status === 'planned' ? (
          <button type="button" className="button" disabled={busy} onClick={() => void setStatus('cancelled')}>
            {t('meetings.detail.cancelMeeting')}
          </button>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => void setStatus('planned')}>
            {t('meetings.detail.markPlanned')}
          </button>
        )}
        <button
          type="button"
          className="button"
          aria-expanded={editing}
          onClick={() => {
            setEditing(!editing);
          }}
        >
          {t('meetings.detail.editDetails')}
        </button>
      </div>
      {meeting.status === 'held' || started ? null : (
        <p className="muted" id={heldReasonId} data-testid="held-reason">
          {t('meetings.detail.heldAfterStart', {
            time: meeting.startTime,
            date: formatCalendarDate(meeting.date, userLocale),
            zone: meeting.timeZone,
          })}
        </p>
      )}
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      {editing ? (
        <MeetingForm
          providers={portfolio.providers}
          meeting={meeting}
          today={today}
          onClose={(savedId) => {
            setEditing(false);
            // A moved generated meeting continues as another record, so the page follows it.
            if (savedId !== null && savedId !== meeting.id) navigate({ name: 'governance', tab: 'meetings', meetingId: savedId });
          }}
        />
      ) : null}
      <datalist id={namesListId}>
        {names.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <AgendaEditor meeting={meeting} portfolio={portfolio} data={data} />
      <MinutesEditor key={meeting.id} meeting={meeting} />
      <MeetingDecisions
        meeting={meeting}
        decisions={data.decisions.filter((decision) => decision.meetingId === meeting.id)}
        namesListId={namesListId}
      />
      <MeetingActions
        meeting={meeting}
        providers={portfolio.providers}
        actions={data.actionItems.filter((action) => action.meetingId === meeting.id)}
        namesListId={namesListId}
        today={today}
      />
      <RecordHistory table="meetings" recordId={meeting.id} />
    </section>
  );
}

/** Renders the minutes as a text area, saved with a button so that typing writes nothing until the user is done. */
function MinutesEditor({ meeting }: { readonly meeting: Meeting }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const [text, setText] = useState(meeting.minutes);
  const [issues, setIssues] = useState<readonly MeetingFormIssue[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setNotice(null);
    setFailure(null);
    const check = checkMinutes(text);
    if (!check.ok) {
      setIssues(check.issues);
      return;
    }
    setIssues([]);
    setBusy(true);
    try {
      const label = meetingUndoLabel(t, 'undo.label.meetingMinutes', meeting);
      await recordUndoable(db, label, await getDeviceContext(), (context) =>
        updateMeeting(db, meeting.id, { minutes: check.value }, context),
      );
      setText(check.value);
      setNotice(t('meetings.minutes.saved'));
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Saving the minutes of meeting ${meeting.id} failed`)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel"
      aria-labelledby={`${formId}-title`}
      data-testid="meeting-minutes"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id={`${formId}-title`}>{t('meetings.minutes.heading')}</h2>
      <FormField
        label={t('meetings.minutes.label')}
        name="minutes"
        type="textarea"
        value={text}
        onChange={(value) => {
          setText(value);
          setNotice(null);
        }}
        formId={formId}
        issues={issues}
        maxLength={maxMinutesLength}
      />
      {text === meeting.minutes ? null : <p className="muted">{t('meetings.minutes.unsaved')}</p>}
      {notice === null ? null : <p role="status">{notice}</p>}
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {t('meetings.minutes.save')}
      </button>
    </form>
  );
}
