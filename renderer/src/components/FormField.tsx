/**
 * One labelled form field: the label, the control, its error message and an optional hint. The
 * label alone names the field, because the error and the hint sit under it. The control is tied
 * to the label by `for` and to the error and hint by `aria-describedby`, and `aria-invalid` marks
 * it while it has an error, which is how `focusFirstInvalid` finds the first field to correct.
 */
import type { ReactNode } from 'react';
import { FieldError } from './FieldError';

/** Attributes of a field's control: the id that the label's `for` names, and the ARIA links to its error and hint. */
export interface FieldControlAttributes {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string | undefined;
}

interface FieldFrameProps {
  /** Id of the field, unique in the page, such as a form's `useId` and the field name. The control, error and hint ids derive from it. */
  readonly id: string;
  readonly label: ReactNode;
  /** Sentence of the field's error, or `undefined` while it has none. */
  readonly error: string | undefined;
  readonly hint?: ReactNode;
  /** Whether the field spans a whole row of the form grid, as a text area does. */
  readonly wide?: boolean;
}

interface FormFieldProps extends FieldFrameProps {
  /** Renders the control with the attributes it must carry. */
  readonly children: (attributes: FieldControlAttributes) => ReactNode;
}

/** Lays out a field around any control, such as a select with option groups or a combobox. */
export function FormField({ id, label, error, hint, wide = false, children }: FormFieldProps) {
  const controlId = `${id}-control`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error === undefined ? null : errorId, hint === undefined ? null : hintId].filter((part) => part !== null);

  return (
    <div className={wide ? 'form-field wide-field' : 'form-field'}>
      <label htmlFor={controlId}>
        {label}
        {children({
          id: controlId,
          'aria-invalid': error !== undefined,
          'aria-describedby': describedBy.length === 0 ? undefined : describedBy.join(' '),
        })}
      </label>
      <FieldError id={errorId} problem={error} />
      {hint === undefined ? null : (
        <span className="muted field-hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}

interface TextFieldProps extends FieldFrameProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly type?: 'text' | 'email' | 'tel' | 'date' | 'time' | 'textarea';
  readonly inputMode?: 'numeric' | 'decimal' | undefined;
  /** Id of a `<datalist>` of suggestions. */
  readonly list?: string | undefined;
  readonly spellCheck?: boolean;
  readonly autoFocus?: boolean;
}

/** Shows a text, email, phone, date or time input, or a three-line text area, as a field. */
export function TextField({ value, onChange, type = 'text', inputMode, list, spellCheck, autoFocus, ...frame }: TextFieldProps) {
  const wide = frame.wide ?? type === 'textarea';
  return (
    <FormField {...frame} wide={wide}>
      {(attributes) =>
        type === 'textarea' ? (
          <textarea
            rows={3}
            value={value}
            {...attributes}
            onChange={(event) => {
              onChange(event.target.value);
            }}
          />
        ) : (
          <input
            type={type}
            autoComplete="off"
            value={value}
            inputMode={inputMode}
            list={list}
            spellCheck={spellCheck}
            autoFocus={autoFocus}
            {...attributes}
            onChange={(event) => {
              onChange(event.target.value);
            }}
          />
        )
      }
    </FormField>
  );
}

/** One choice of a select field. */
export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

interface SelectFieldProps extends FieldFrameProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly SelectOption[];
  readonly disabled?: boolean;
}

/** Shows a select of `options` as a field. */
export function SelectField({ value, onChange, options, disabled, ...frame }: SelectFieldProps) {
  return (
    <FormField {...frame}>
      {(attributes) => (
        <select
          value={value}
          disabled={disabled}
          {...attributes}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** Names of the fields of `Draft` that hold text. */
export type TextKeys<Draft> = { [K in keyof Draft]: Draft[K] extends string ? K : never }[keyof Draft] & string;

/** Props that every text or select field of one form shares: its id, error, value and change handler. */
export interface BoundFieldProps {
  readonly id: string;
  readonly error: string | undefined;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/**
 * Builds the function that gives a field of a form's `draft` its id (from `formId`), its error
 * sentence, its value and a change handler that passes `update` the new text.
 */
export function fieldBinder<Draft>(
  formId: string,
  draft: Draft,
  errorOf: (field: TextKeys<Draft>) => string | undefined,
  update: (patch: Partial<Draft>) => void,
): (field: TextKeys<Draft>) => BoundFieldProps {
  return (field) => ({
    id: `${formId}-${field}`,
    error: errorOf(field),
    value: draft[field] as string,
    onChange: (value) => {
      update({ [field]: value } as Partial<Draft>);
    },
  });
}
