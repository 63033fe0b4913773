/**
 * Form of a meeting's details: a new meeting added by hand, or the details of an existing one.
 * A generated meeting moved to another date stays cancelled on its own date, and a meeting
 * without a cadence takes the new date (`saveMeetingDetails`).
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '@shared/domain/governance';
import type { CalendarDate, Provider } from '@shared/domain/types';
import { adHocMeeting, checkMeetingForm, maxTitleLength } from '@shared/forms/meeting';
import type { MeetingFormInput, MeetingFormIssue } from '@shared/forms/meeting';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { focusFirstInvalid } from '../../components/FieldError';
import { FormActions } from '../../components/FormActions';
import { SelectField } from '../../components/FormField';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { recordUndoable } from '../undo/recordUndoable';
import { FormField, useProblemText } from './FormField';
import { addMeeting, saveMeetingDetails } from './meetingWrites';
import { userTimeZone } from '../providerRecord/countries';
import { MeetingTimeFields } from './MeetingTimeFields';
import { meetingUndoLabel } from './undoLabels';

interface MeetingFormProps {
  readonly providers: readonly Provider[];
  /** The meeting to edit, or `null` for a new meeting added by hand. */
  readonly meeting: Meeting | null;
  readonly today: CalendarDate;
  /** Called after a save with the meeting's id, or with `null` on cancel. */
  readonly onClose: (meetingId: string | null) => void;
}

function inputOf(meeting: Meeting | null, providerId: string, today: CalendarDate): MeetingFormInput {
  if (meeting === null) {
    return { providerId, title: '', date: today, startTime: '10:00', durationMinutes: '60', timeZone: userTimeZone(), attendees: '' };
  }
  return {
    providerId: meeting.providerId,
    title: meeting.title,
    date: meeting.date,
    startTime: meeting.startTime,
    durationMinutes: String(meeting.durationMinutes),
    timeZone: meeting.timeZone,
    attendees: meeting.attendees,
  };
}

export function MeetingForm({ providers, meeting, today, onClose }: MeetingFormProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const problemText = useProblemText();
  const [input, setInput] = useState<MeetingFormInput>(() => inputOf(meeting, providers[0]?.id ?? '', today));
  const [issues, setIssues] = useState<readonly MeetingFormIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const generated = meeting !== null && meeting.cadenceId !== null;

  const set = (field: keyof MeetingFormInput) => (value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
  };

  const submit = async () => {
    setFailure(null);
    const check = checkMeetingForm(input, { providerIds: providers.map((provider) => provider.id) });
    if (!check.ok) {
      setIssues(check.issues);
      focusFirstInvalid(formRef.current);
      return;
    }
    setIssues([]);
    setBusy(true);
    try {
      // NOTE: undoing a new meeting deletes it without checking its decisions and actions. Those are
      // added later through undoable forms, so Ctrl+Z takes them back first, unless their own undo was
      // rejected because a merge changed them since.
      let label = meetingUndoLabel(t, 'undo.label.meeting', meeting ?? check.value);
      if (meeting === null) label = meetingUndoLabel(t, 'undo.label.addMeeting', check.value);
      else if (generated && check.value.date !== meeting.date) label = meetingUndoLabel(t, 'undo.label.moveMeeting', meeting);
      const saved = await recordUndoable(db, label, await getDeviceContext(), (context) =>
        meeting === null ? addMeeting(db, adHocMeeting(check.value), context) : saveMeetingDetails(db, meeting.id, check.value, context),
      );
      onClose(saved.id);
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, meeting === null ? 'Adding a meeting failed' : `Saving the meeting ${meeting.id} failed`)));
      setBusy(false);
    }
  };

  const providerLabel = t('meetings.fields.provider');
  const providerIssue = issues.find((issue) => issue.field === 'providerId');
  const providerProblem = providerIssue === undefined ? undefined : problemText(providerIssue.problem, providerLabel);

  return (
    <form
      ref={formRef}
      className="panel"
      aria-label={meeting === null ? t('meetings.form.newLabel') : t('meetings.form.editLabel', { title: meeting.title })}
      data-testid="meeting-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="form-grid" disabled={busy}>
        <SelectField
          id={`${formId}-providerId`}
          label={providerLabel}
          error={providerProblem}
          // A meeting's agenda is drafted from its provider's records, so an existing meeting keeps its provider.
          disabled={meeting !== null}
          value={input.providerId}
          options={providers.map((provider) => ({ value: provider.id, label: provider.name }))}
          onChange={set('providerId')}
        />
        <FormField
          label={t('meetings.fields.title')}
          name="title"
          value={input.title}
          onChange={set('title')}
          formId={formId}
          issues={issues}
          maxLength={maxTitleLength}
        />
        <FormField
          label={t('meetings.fields.date')}
          name="date"
          type="date"
          value={input.date}
          onChange={set('date')}
          formId={formId}
          issues={issues}
          {...(generated ? { hint: t('meetings.form.moveHint') } : {})}
        />
        <MeetingTimeFields input={input} set={set} formId={formId} issues={issues} />
      </fieldset>
      <FormActions
        busy={busy}
        failure={failure}
        submitLabel={meeting === null ? t('meetings.form.create') : t('meetings.form.save')}
        cancelLabel={t('meetings.cancel')}
        onCancel={() => {
          onClose(null);
        }}
      />
    </form>
  );
}
