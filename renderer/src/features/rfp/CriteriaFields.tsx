/** Small inline editors of the criteria tree: a title, a weight, and a delete button with a confirmation in place. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseWeight } from './criteriaEditing';

/**
 * Text field that saves on blur or Enter when the trimmed text changed. A blank title is not
 * saved; the field shows why and keeps the text so the user can correct it.
 */
export function TitleInput({
  label,
  title,
  onSave,
}: {
  readonly label: string;
  readonly title: string;
  readonly onSave: (title: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(title);
  const [blank, setBlank] = useState(false);
  const [seen, setSeen] = useState(title);
  // A title changed elsewhere (another tab, a merge) replaces the field's text.
  if (seen !== title) {
    setSeen(title);
    setText(title);
  }

  const commit = () => {
    const trimmed = text.trim();
    setBlank(trimmed === '');
    if (trimmed !== '' && trimmed !== title) void onSave(trimmed);
  };
  return (
    <span className="title-input">
      <input
        type="text"
        aria-label={label}
        aria-invalid={blank}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      {blank ? <span className="field-error">{t('rfp.setup.errors.titleMissing')}</span> : null}
    </span>
  );
}

/** Number field that saves on blur or Enter when the value changed and is a valid weight. */
export function WeightInput({
  label,
  weight,
  onSave,
}: {
  readonly label: string;
  readonly weight: number;
  readonly onSave: (weight: number) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(weight));
  const [invalid, setInvalid] = useState(false);
  const [seen, setSeen] = useState(weight);
  // A weight changed elsewhere (another tab, a merge) replaces the field's text.
  if (seen !== weight) {
    setSeen(weight);
    setText(String(weight));
  }

  const commit = () => {
    const value = parseWeight(text);
    setInvalid(value === null);
    if (value !== null && value !== weight) void onSave(value);
  };
  return (
    <span>
      <input
        type="text"
        inputMode="decimal"
        size={5}
        aria-label={label}
        aria-invalid={invalid}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
        }}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
      {invalid ? <span className="field-error">{t('rfp.setup.weightInvalid')}</span> : null}
    </span>
  );
}

/** Button that shows `question` with Delete and Keep in its place, and calls `onConfirm` on Delete. */
export function DeleteButton({
  label,
  question,
  disabled,
  onConfirm,
}: {
  readonly label: string;
  readonly question: string;
  readonly disabled: boolean;
  readonly onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="link-button"
        disabled={disabled}
        onClick={() => {
          setAsking(true);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={question}>
      <span>{question}</span>{' '}
      <button
        type="button"
        className="button"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('rfp.setup.confirmDelete')}
      </button>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setAsking(false);
        }}
      >
        {t('rfp.setup.keep')}
      </button>
    </span>
  );
}
