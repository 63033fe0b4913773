import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { providerProfileOf } from '@shared/domain/profileDefaults';
import type { ProviderProfile } from '@shared/domain/profileDefaults';
import type { Provider } from '@shared/domain/types';
import {
  checkProfile,
  financialRatings,
  providerCriticalities,
  providerLifecycles,
  providerTiers,
  serviceAudiences,
  serviceKinds,
} from '@shared/forms/providerProfile';
import type { FormErrors, ProfileField, ProfileInput } from '@shared/forms/providerProfile';
import { FieldError, focusFirstInvalid } from '../../components/FieldError';
import { fieldBinder, SelectField, TextField } from '../../components/FormField';
import { fieldErrorText, fieldState } from './fieldText';
import { changedFields, saveProfile } from './providerRecordEdits';
import { RecordFormActions } from './RecordFormActions';
import { useRecordWrite } from './useRecordWrite';

/** Profile section of the provider page: what is recorded, and an Edit button that opens the form. */
export function ProfileSection({ provider }: { readonly provider: Provider }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const notRecorded = <span className="muted">{t('providerRecord.notRecorded')}</span>;
  const text = (value: string) => (value === '' ? notRecorded : value);
  const list = (labels: readonly string[]) => (labels.length === 0 ? notRecorded : labels.join(', '));

  const items: readonly [string, ReactNode][] = [
    [t('providerRecord.fields.legalEntity'), text(provider.legalEntity)],
    [t('providerRecord.fields.parentCompany'), text(provider.parentCompany)],
    [t('providerRecord.fields.serviceKinds'), list(provider.serviceKinds.map((kind) => t(`profile.serviceKinds.${kind}`)))],
    [
      t('providerRecord.fields.serviceAudiences'),
      list(provider.serviceAudiences.map((audience) => t(`profile.serviceAudiences.${audience}`))),
    ],
    [t('providerRecord.fields.tier'), provider.tier === null ? notRecorded : t(`profile.tiers.${provider.tier}`)],
    [
      t('providerRecord.fields.criticality'),
      provider.criticality === null ? notRecorded : t(`profile.criticalities.${provider.criticality}`),
    ],
    [t('providerRecord.fields.lifecycle'), t(`profile.lifecycles.${provider.lifecycle}`)],
    [
      t('providerRecord.fields.financialRating'),
      provider.financialRating === null ? notRecorded : t(`profile.financialRatings.${provider.financialRating}`),
    ],
  ];

  return (
    <section className="panel" aria-labelledby="provider-profile-title" data-testid="provider-profile">
      <h2 id="provider-profile-title">{t('providerRecord.profile.title')}</h2>
      {editing ? (
        <ProfileForm
          provider={provider}
          onClose={() => {
            setEditing(false);
          }}
        />
      ) : (
        <>
          <dl className="record-facts">
            {items.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                setEditing(true);
              }}
            >
              {t('providerRecord.profile.edit')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function profileInput(profile: ProviderProfile): ProfileInput {
  return {
    legalEntity: profile.legalEntity,
    parentCompany: profile.parentCompany,
    serviceKinds: profile.serviceKinds,
    serviceAudiences: profile.serviceAudiences,
    tier: profile.tier === null ? '' : String(profile.tier),
    criticality: profile.criticality ?? '',
    lifecycle: profile.lifecycle,
    financialRating: profile.financialRating ?? '',
  };
}

/** Toggles `value` in a checkbox group's list. */
function toggled(values: readonly string[], value: string, checked: boolean): string[] {
  return checked ? [...values.filter((item) => item !== value), value] : values.filter((item) => item !== value);
}

function ProfileForm({ provider, onClose }: { readonly provider: Provider; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const write = useRecordWrite();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  // The values the form started from: only fields the user changes from these are written.
  const [shown] = useState(() => providerProfileOf(provider));
  const [draft, setDraft] = useState<ProfileInput>(() => profileInput(shown));
  const [errors, setErrors] = useState<FormErrors<ProfileField>>({});

  const update = (patch: Partial<ProfileInput>) => {
    setDraft((current) => ({ ...current, ...patch }));
  };

  const submit = async () => {
    const checked = checkProfile(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    const patch = changedFields(shown, checked.value);
    if (Object.keys(patch).length > 0) {
      const saved = await write.run(
        `Saving the profile of provider ${provider.id}`,
        (db, context) => saveProfile(db, provider.id, patch, context),
        t('undo.label.providerProfile', { name: provider.name }),
      );
      if (saved === null) return;
    }
    onClose();
  };

  const error = (field: ProfileField) => fieldErrorText(t, errors[field]);
  const bind = fieldBinder(formId, draft, error, update);

  const textInput = (field: 'legalEntity' | 'parentCompany') => <TextField {...bind(field)} label={t(`providerRecord.fields.${field}`)} />;

  const checkboxes = (field: 'serviceKinds' | 'serviceAudiences', choices: readonly string[], label: (choice: string) => string) => {
    const state = fieldState(t, formId, errors, field);
    return (
      <fieldset className="checkbox-group" {...state.attributes}>
        <legend>{t(`providerRecord.fields.${field}`)}</legend>
        {choices.map((choice) => (
          <label key={choice}>
            <input
              type="checkbox"
              checked={draft[field].includes(choice)}
              onChange={(event) => {
                update({ [field]: toggled(draft[field], choice, event.target.checked) });
              }}
            />
            {label(choice)}
          </label>
        ))}
        <FieldError id={state.errorId} problem={state.message} />
      </fieldset>
    );
  };

  const select = (
    field: 'tier' | 'criticality' | 'lifecycle' | 'financialRating',
    choices: readonly string[],
    label: (choice: string) => string,
    optional: boolean,
  ) => (
    <SelectField
      {...bind(field)}
      label={t(`providerRecord.fields.${field}`)}
      options={[
        ...(optional ? [{ value: '', label: t('providerRecord.notRecorded') }] : []),
        ...choices.map((choice) => ({ value: choice, label: label(choice) })),
      ]}
    />
  );

  return (
    <form
      ref={formRef}
      aria-label={t('providerRecord.profile.formLabel', { name: provider.name })}
      data-testid="profile-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="form-grid" disabled={write.busy}>
        {textInput('legalEntity')}
        {textInput('parentCompany')}
        {checkboxes('serviceKinds', serviceKinds, (kind) => t(`profile.serviceKinds.${kind as (typeof serviceKinds)[number]}`))}
        {checkboxes('serviceAudiences', serviceAudiences, (audience) =>
          t(`profile.serviceAudiences.${audience as (typeof serviceAudiences)[number]}`),
        )}
        {select('tier', providerTiers.map(String), (tier) => t(`profile.tiers.${tier as '1' | '2' | '3'}`), true)}
        {select(
          'criticality',
          providerCriticalities,
          (value) => t(`profile.criticalities.${value as (typeof providerCriticalities)[number]}`),
          true,
        )}
        {select('lifecycle', providerLifecycles, (value) => t(`profile.lifecycles.${value as (typeof providerLifecycles)[number]}`), false)}
        {select(
          'financialRating',
          financialRatings,
          (value) => t(`profile.financialRatings.${value as (typeof financialRatings)[number]}`),
          true,
        )}
      </fieldset>
      <RecordFormActions write={write} onCancel={onClose} />
    </form>
  );
}
