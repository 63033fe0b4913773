/**
 * A text, date or time input, or a text area, of a governance form: turns the form's problems
 * into the sentence at the field and shows it with the shared `TextField`.
 */
import { useTranslation } from 'react-i18next';
import type { MeetingFormIssue, MeetingFormProblem } from '@shared/forms/meeting';
import { TextField } from '../../components/FormField';

interface FormFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Id prefix of the form, so that two open forms never share an error id. */
  readonly formId: string;
  readonly name: string;
  readonly issues: readonly MeetingFormIssue[];
  readonly type?: 'text' | 'date' | 'time' | 'textarea';
  /** Id of a `<datalist>` of suggestions. */
  readonly list?: string;
  readonly inputMode?: 'numeric';
  /** Length limit named in a `tooLong` message. */
  readonly maxLength?: number;
  readonly hint?: string;
}

/** Returns the function that turns a form problem into the sentence shown at the field `label`. */
export function useProblemText(): (problem: MeetingFormProblem, label: string, maxLength?: number) => string {
  const { t } = useTranslation();
  return (problem, label, maxLength) => t(`meetings.problems.${problem}`, { field: label, max: maxLength ?? 0 });
}

export function FormField(props: FormFieldProps) {
  const problemText = useProblemText();
  const { label, value, onChange, formId, name, issues, type = 'text', list, inputMode, maxLength, hint } = props;
  const issue = issues.find((candidate) => candidate.field === name);
  const problem = issue === undefined ? undefined : problemText(issue.problem, label, maxLength);

  return (
    <TextField
      id={`${formId}-${name}`}
      label={label}
      error={problem}
      {...(hint === undefined ? {} : { hint })}
      type={type}
      list={list}
      inputMode={inputMode}
      value={value}
      onChange={onChange}
    />
  );
}
