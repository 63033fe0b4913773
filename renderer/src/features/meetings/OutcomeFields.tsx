/** The fields of a decision and of an action item, shared by the forms that add them in a meeting and the forms that edit them. */
import { useTranslation } from 'react-i18next';
import { maxNameLength, maxTextLength, maxTitleLength } from '@shared/forms/meeting';
import type { ActionFormInput, DecisionFormInput, MeetingFormIssue } from '@shared/forms/meeting';
import { FormField } from './FormField';

interface OutcomeFieldsProps<I> {
  readonly input: I;
  /** Returns the change handler of one field. */
  readonly set: (field: keyof I) => (value: string) => void;
  /** Id prefix of the form, so that two open forms never share an error id. */
  readonly formId: string;
  readonly issues: readonly MeetingFormIssue[];
  /** Id of the `<datalist>` of names to suggest for "decided by" or the owner, if any. */
  readonly namesListId?: string | undefined;
}

/** Text, "decided by" and date of a decision. */
export function DecisionFields({ input, set, formId, issues, namesListId }: OutcomeFieldsProps<DecisionFormInput>) {
  const { t } = useTranslation();
  return (
    <>
      <FormField
        label={t('meetings.decisions.text')}
        name="text"
        type="textarea"
        value={input.text}
        onChange={set('text')}
        formId={formId}
        issues={issues}
        maxLength={maxTextLength}
      />
      <FormField
        label={t('meetings.decisions.decidedBy')}
        name="decidedBy"
        {...(namesListId === undefined ? {} : { list: namesListId })}
        value={input.decidedBy}
        onChange={set('decidedBy')}
        formId={formId}
        issues={issues}
        maxLength={maxNameLength}
      />
      <FormField
        label={t('meetings.decisions.decidedOn')}
        name="decidedOn"
        type="date"
        value={input.decidedOn}
        onChange={set('decidedOn')}
        formId={formId}
        issues={issues}
      />
    </>
  );
}

/** Title, owner and due date of an action item. */
export function ActionFields({ input, set, formId, issues, namesListId }: OutcomeFieldsProps<ActionFormInput>) {
  const { t } = useTranslation();
  return (
    <>
      <FormField
        label={t('meetings.actions.title')}
        name="title"
        value={input.title}
        onChange={set('title')}
        formId={formId}
        issues={issues}
        maxLength={maxTitleLength}
      />
      <FormField
        label={t('meetings.actions.owner')}
        name="owner"
        {...(namesListId === undefined ? {} : { list: namesListId })}
        value={input.owner}
        onChange={set('owner')}
        formId={formId}
        issues={issues}
        maxLength={maxNameLength}
      />
      <FormField
        label={t('meetings.actions.dueDate')}
        name="dueDate"
        type="date"
        value={input.dueDate}
        onChange={set('dueDate')}
        formId={formId}
        issues={issues}
      />
    </>
  );
}
