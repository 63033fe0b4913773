import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Certification } from '@shared/domain/providerProfile';
import type { Id } from '@shared/domain/types';
import { certificationStandards, checkCertification } from '@shared/forms/providerProfile';
import type { CertificationField, CertificationFormData, CertificationInput, FormErrors } from '@shared/forms/providerProfile';
import { fieldBinder, SelectField, TextField } from '../../components/FormField';
import { fieldErrorText } from './fieldText';
import { addCertification, updateCertification } from './providerRecordEdits';
import { RecordFormActions } from './RecordFormActions';
import { submitRecordForm } from './submitRecordForm';
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

  const submit = () =>
    submitRecordForm({
      checked: checkCertification(draft),
      form: formRef.current,
      setErrors,
      write,
      providerId,
      stored: certification,
      kind: 'certification',
      formData: certificationData,
      add: addCertification,
      update: updateCertification,
      undoLabel: (value) =>
        t(certification === null ? 'undo.label.addCertification' : 'undo.label.certification', {
          name: certificationLabel(t, certification ?? value),
        }),
      onSaved: onClose,
    });

  const error = (name: CertificationField) => fieldErrorText(t, errors[name]);
  const bind = fieldBinder(formId, draft, error, update);

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
        <SelectField
          {...bind('standard')}
          label={t('providerRecord.certifications.standard')}
          options={certificationStandards.map((value) => ({ value, label: t(`profile.standards.${value}`) }))}
        />
        <TextField
          {...bind('name')}
          label={draft.standard === 'other' ? t('providerRecord.certifications.otherName') : t('providerRecord.certifications.qualifier')}
        />
        <TextField {...bind('issuedOn')} label={t('providerRecord.certifications.issuedOn')} type="date" />
        <TextField
          {...bind('expiresOn')}
          label={t('providerRecord.certifications.expiresOn')}
          hint={t('providerRecord.certifications.expiresHint')}
          type="date"
        />
        <TextField {...bind('evidence')} label={t('providerRecord.certifications.evidence')} type="textarea" />
      </fieldset>
      <RecordFormActions write={write} onCancel={onClose} />
    </form>
  );
}
