import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Certification } from '@shared/domain/providerProfile';
import type { Id } from '@shared/domain/types';
import { certificationStandards, checkCertification } from '@shared/forms/providerProfile';
import type { CertificationField, CertificationFormData, CertificationInput, FormErrors } from '@shared/forms/providerProfile';
import { FieldError, focusFirstInvalid } from '../plans/FieldError';
import { fieldState } from './fieldText';
import { addCertification, changedFields, updateCertification } from './providerRecordEdits';
import { useRecordWrite } from './useRecordWrite';

interface CertificationFormProps {
  readonly providerId: Id;
  /** The certification to edit, or `null` to add one. */
  readonly certification: Certification | null;
  readonly onClose: () => void;
}

function certificationInput(certification: Certification | null): CertificationInput {
  if (certification === null) return { standard: 'iso27001', name: '', issuedOn: '', expiresOn: '', evidence: '' };
  return {
    standard: certification.standard,
    name: certification.name,
    issuedOn: certification.issuedOn ?? '',
    expiresOn: certification.expiresOn ?? '',
    evidence: certification.evidence,
  };
}

function certificationData(certification: Certification): CertificationFormData {
  const { standard, name, issuedOn, expiresOn, evidence } = certification;
  return { standard, name, issuedOn, expiresOn, evidence };
}

/** Standard label of a certification, with its qualifier or the name of an `other` standard. */
export function certificationLabel(t: TFunction, certification: Pick<Certification, 'standard' | 'name'>): string {
  const standard = t(`profile.standards.${certification.standard}`);
  if (certification.name === '') return standard;
  if (certification.standard === 'other') return certification.name;
  return t('profile.standardWithName', { standard, name: certification.name });
}

/** Form that adds a certification to a provider or edits one. */
export function CertificationForm({ providerId, certification, onClose }: CertificationFormProps) {
  const { t } = useTranslation();
  const write = useRecordWrite();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<CertificationInput>(() => certificationInput(certification));
  const [errors, setErrors] = useState<FormErrors<CertificationField>>({});

  const update = (patch: Partial<CertificationInput>) => {
    setDraft((current) => ({ ...current, ...patch }));
  };

  const submit = async () => {
    const checked = checkCertification(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    const saved = await write.run(
      certification === null ? `Adding a certification to provider ${providerId}` : `Saving certification ${certification.id}`,
      (db, context) =>
        certification === null
          ? addCertification(db, providerId, checked.value, context)
          : updateCertification(db, certification.id, changedFields(certificationData(certification), checked.value), context),
      t(certification === null ? 'undo.label.addCertification' : 'undo.label.certification', {
        name: certificationLabel(t, certification ?? checked.value),
      }),
    );
    if (saved !== null) onClose();
  };

  const standard = fieldState(t, formId, errors, 'standard');
  const name = fieldState(t, formId, errors, 'name');
  const issuedOn = fieldState(t, formId, errors, 'issuedOn');
  const expiresOn = fieldState(t, formId, errors, 'expiresOn');
  const evidence = fieldState(t, formId, errors, 'evidence');
  const expiresHintId = `${formId}-expires-hint`;

  return (
    <form
      ref={formRef}
      className="provider-record-form"
      aria-label={
        certification === null ? t('providerRecord.certifications.addFormLabel') : t('providerRecord.certifications.editFormLabel')
      }
      data-testid="certification-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="form-grid" disabled={write.busy}>
        <div>
          <label>
            {t('providerRecord.certifications.standard')}
            <select
              value={draft.standard}
              {...standard.attributes}
              onChange={(event) => {
                update({ standard: event.target.value });
              }}
            >
              {certificationStandards.map((value) => (
                <option key={value} value={value}>
                  {t(`profile.standards.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <FieldError id={standard.errorId} problem={standard.message} />
        </div>
        <div>
          <label>
            {draft.standard === 'other' ? t('providerRecord.certifications.otherName') : t('providerRecord.certifications.qualifier')}
            <input
              type="text"
              autoComplete="off"
              value={draft.name}
              {...name.attributes}
              onChange={(event) => {
                update({ name: event.target.value });
              }}
            />
          </label>
          <FieldError id={name.errorId} problem={name.message} />
        </div>
        <div>
          <label>
            {t('providerRecord.certifications.issuedOn')}
            <input
              type="date"
              value={draft.issuedOn}
              {...issuedOn.attributes}
              onChange={(event) => {
                update({ issuedOn: event.target.value });
              }}
            />
          </label>
          <FieldError id={issuedOn.errorId} problem={issuedOn.message} />
        </div>
        <div>
          <label>
            {t('providerRecord.certifications.expiresOn')}
            <input
              type="date"
              value={draft.expiresOn}
              {...expiresOn.attributes}
              aria-describedby={expiresOn.message === undefined ? expiresHintId : `${expiresOn.errorId} ${expiresHintId}`}
              onChange={(event) => {
                update({ expiresOn: event.target.value });
              }}
            />
          </label>
          <FieldError id={expiresOn.errorId} problem={expiresOn.message} />
          <span className="muted field-hint" id={expiresHintId}>
            {t('providerRecord.certifications.expiresHint')}
          </span>
        </div>
        <div className="wide-field">
          <label>
            {t('providerRecord.certifications.evidence')}
            <textarea
              rows={3}
              value={draft.evidence}
              {...evidence.attributes}
              onChange={(event) => {
                update({ evidence: event.target.value });
              }}
            />
          </label>
          <FieldError id={evidence.errorId} problem={evidence.message} />
        </div>
      </fieldset>
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={write.busy}>
          {write.busy ? t('providerRecord.saving') : t('providerRecord.save')}
        </button>
        <button type="button" className="button" disabled={write.busy} onClick={onClose}>
          {t('providerRecord.cancel')}
        </button>
      </div>
    </form>
  );
}
