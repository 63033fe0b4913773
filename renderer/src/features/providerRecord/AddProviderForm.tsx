import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { providerLifecycles } from '@shared/forms/providerProfile';
import type { FormErrors, NewProviderField } from '@shared/forms/providerProfile';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { FieldError, focusFirstInvalid } from '../plans/FieldError';
import { fieldState } from './fieldText';
import { addProvider } from './providerRecordEdits';
import { useRecordWrite } from './useRecordWrite';

/**
 * "Add provider" button and form: name, optional code and lifecycle. A saved provider opens on its
 * own page, where the rest of its profile is entered.
 */
export function AddProviderForm() {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const write = useRecordWrite();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [lifecycle, setLifecycle] = useState('prospect');
  const [errors, setErrors] = useState<FormErrors<NewProviderField>>({});

  if (!open) {
    return (
      <button
        type="button"
        className="button"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('providerRecord.add.button')}
      </button>
    );
  }

  const close = () => {
    setOpen(false);
    setName('');
    setCode('');
    setLifecycle('prospect');
    setErrors({});
  };

  const submit = async () => {
    // NOTE: adding a provider is not undoable, because undoing a creation deletes the record without
    // checking what refers to it. The app never deletes a provider otherwise, and writes that are not
    // on the undo stack (an RFP award, imports, planned meetings) can refer to a new provider at once.
    const result = await write.run('Adding a provider', (db, context) => addProvider(db, { name, code, lifecycle }, context));
    if (result === null) return;
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    close();
    navigate({ name: 'provider', providerId: result.value.id });
  };

  const nameField = fieldState(t, formId, errors, 'name');
  const codeField = fieldState(t, formId, errors, 'code');
  const lifecycleField = fieldState(t, formId, errors, 'lifecycle');
  const codeHintId = `${formId}-code-hint`;

  return (
    <form
      ref={formRef}
      className="panel provider-record-form"
      aria-label={t('providerRecord.add.formLabel')}
      data-testid="add-provider-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="form-grid" disabled={write.busy}>
        <div>
          <label>
            {t('providerRecord.add.name')}
            <input
              type="text"
              autoComplete="off"
              autoFocus
              value={name}
              {...nameField.attributes}
              onChange={(event) => {
                setName(event.target.value);
              }}
            />
          </label>
          <FieldError id={nameField.errorId} problem={nameField.message} />
        </div>
        <div>
          <label>
            {t('providerRecord.add.code')}
            <input
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={code}
              {...codeField.attributes}
              aria-describedby={codeField.message === undefined ? codeHintId : `${codeField.errorId} ${codeHintId}`}
              onChange={(event) => {
                setCode(event.target.value);
              }}
            />
          </label>
          <FieldError id={codeField.errorId} problem={codeField.message} />
          <span className="muted field-hint" id={codeHintId}>
            {t('providerRecord.add.codeHint')}
          </span>
        </div>
        <div>
          <label>
            {t('providerRecord.fields.lifecycle')}
            <select
              value={lifecycle}
              {...lifecycleField.attributes}
              onChange={(event) => {
                setLifecycle(event.target.value);
              }}
            >
              {providerLifecycles.map((value) => (
                <option key={value} value={value}>
                  {t(`profile.lifecycles.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <FieldError id={lifecycleField.errorId} problem={lifecycleField.message} />
        </div>
      </fieldset>
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={write.busy}>
          {write.busy ? t('providerRecord.saving') : t('providerRecord.add.submit')}
        </button>
        <button type="button" className="button" disabled={write.busy} onClick={close}>
          {t('providerRecord.cancel')}
        </button>
      </div>
    </form>
  );
}
