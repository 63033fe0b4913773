import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { providerLifecycles } from '@shared/forms/providerProfile';
import type { FormErrors, NewProviderField } from '@shared/forms/providerProfile';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { focusFirstInvalid } from '../../components/FieldError';
import { SelectField, TextField } from '../../components/FormField';
import { fieldErrorText } from './fieldText';
import { addProvider } from './providerRecordEdits';
import { RecordFormActions } from './RecordFormActions';
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

  const error = (field: NewProviderField) => fieldErrorText(t, errors[field]);

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
        <TextField
          id={`${formId}-name`}
          label={t('providerRecord.add.name')}
          error={error('name')}
          autoFocus
          value={name}
          onChange={setName}
        />
        <TextField
          id={`${formId}-code`}
          label={t('providerRecord.add.code')}
          error={error('code')}
          hint={t('providerRecord.add.codeHint')}
          spellCheck={false}
          value={code}
          onChange={setCode}
        />
        <SelectField
          id={`${formId}-lifecycle`}
          label={t('providerRecord.fields.lifecycle')}
          error={error('lifecycle')}
          value={lifecycle}
          options={providerLifecycles.map((value) => ({ value, label: t(`profile.lifecycles.${value}`) }))}
          onChange={setLifecycle}
        />
      </fieldset>
      <RecordFormActions write={write} onCancel={close} submitLabel={t('providerRecord.add.submit')} />
    </form>
  );
}
