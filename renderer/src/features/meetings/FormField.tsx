/**
 * A labelled text, date or time input, or a text area, of a governance form. The hint and the
 * error message sit under the label rather than in it, so the label alone names the field, and
 * `aria-describedby` ties them to it.
 */
import { useTranslation } from 'react-i18next';
import type { MeetingFormIssue, MeetingFormProblem } from '@shared/forms/meeting';
import { errorAttributes, FieldError } from '../plans/FieldError';

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
  const errorId = `${formId}-${name}-error`;
  const hintId = `${formId}-${name}-hint`;
  const attributes = errorAttributes(errorId, problem);
  const describedBy = [attributes['aria-describedby'], hint === undefined ? undefined : hintId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={type === 'textarea' ? 'meetings-field meetings-wide-field' : 'meetings-field'}>
      <label>
        {label}
        {type === 'textarea' ? (
          <textarea
            value={value}
            rows={3}
            aria-invalid={attributes['aria-invalid']}
            aria-describedby={describedBy}
            onChange={(event) => {
              onChange(event.target.value);
            }}
          />
        ) : (
          <input
            type={type}
            value={value}
            list={list}
            inputMode={inputMode}
            autoComplete="off"
            aria-invalid={attributes['aria-invalid']}
            aria-describedby={describedBy}
            onChange={(event) => {
              onChange(event.target.value);
            }}
          />
        )}
      </label>
      {hint === undefined ? null : (
        <span className="muted" id={hintId}>
          {hint}
        </span>
      )}
      <FieldError id={errorId} problem={problem} />
    </div>
  );
}
