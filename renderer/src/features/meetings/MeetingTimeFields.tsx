/**
 * The time fields that a cadence and a meeting share: start time, duration, time zone (with the
 * runtime's zones as suggestions) and attendees.
 */
import { useTranslation } from 'react-i18next';
import { maxTextLength } from '@shared/forms/meeting';
import type { MeetingFormInput, MeetingFormIssue } from '@shared/forms/meeting';
import { FormField } from './FormField';

/** IANA zones this runtime supports, offered as time zone suggestions. */
export const timeZoneNames: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** The time fields as typed. A cadence form has the same fields under the same names. */
export type MeetingTimeInput = Pick<MeetingFormInput, 'startTime' | 'durationMinutes' | 'timeZone' | 'attendees'>;

interface MeetingTimeFieldsProps {
  readonly input: MeetingTimeInput;
  /** Returns the change handler of one field. */
  readonly set: (field: keyof MeetingTimeInput) => (value: string) => void;
  /** Id prefix of the form, so that two open forms never share an error id. */
  readonly formId: string;
  readonly issues: readonly MeetingFormIssue[];
}

export function MeetingTimeFields({ input, set, formId, issues }: MeetingTimeFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <FormField
        label={t('meetings.fields.startTime')}
        name="startTime"
        type="time"
        value={input.startTime}
        onChange={set('startTime')}
        formId={formId}
        issues={issues}
      />
      <FormField
        label={t('meetings.fields.duration')}
        name="durationMinutes"
        inputMode="numeric"
        value={input.durationMinutes}
        onChange={set('durationMinutes')}
        formId={formId}
        issues={issues}
      />
      <FormField
        label={t('meetings.fields.timeZone')}
        name="timeZone"
        list={`${formId}-zones`}
        value={input.timeZone}
        onChange={set('timeZone')}
        formId={formId}
        issues={issues}
      />
      <FormField
        label={t('meetings.fields.attendees')}
        name="attendees"
        type="textarea"
        value={input.attendees}
        onChange={set('attendees')}
        formId={formId}
        issues={issues}
        maxLength={maxTextLength}
      />
      <datalist id={`${formId}-zones`}>
        {timeZoneNames.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </>
  );
}
