import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactSide } from '@shared/domain/providerProfile';
import type { Id } from '@shared/domain/types';
import { checkContact, contactRolesBySide, contactSides } from '@shared/forms/providerProfile';
import type { ContactField, ContactFormData, ContactInput, FormErrors } from '@shared/forms/providerProfile';
import { fieldBinder, SelectField, TextField } from '../../components/FormField';
import { fieldErrorText } from './fieldText';
import { addContact, updateContact } from './providerRecordEdits';
import { RecordFormActions } from './RecordFormActions';
import { submitRecordForm } from './submitRecordForm';
import { useRecordWrite } from './useRecordWrite';

interface ContactFormProps {
  readonly providerId: Id;
  /** The contact to edit, or `null` to add one on `side`. */
  readonly contact: Contact | null;
  readonly side: ContactSide;
  readonly onClose: () => void;
}

function contactInput(contact: Contact | null, side: ContactSide): ContactInput {
  if (contact === null) return { side, role: contactRolesBySide[side][0] ?? 'other', name: '', email: '', phone: '' };
  return { side: contact.side, role: contact.role, name: contact.name, email: contact.email, phone: contact.phone };
}

function contactData(contact: Contact): ContactFormData {
  const { side, role, name, email, phone } = contact;
  return { side, role, name, email, phone };
}

/** Form that adds a contact on one side or edits one. */
export function ContactForm({ providerId, contact, side, onClose }: ContactFormProps) {
  const { t } = useTranslation();
  const write = useRecordWrite();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<ContactInput>(() => contactInput(contact, side));
  const [errors, setErrors] = useState<FormErrors<ContactField>>({});
  const draftSide: ContactSide = draft.side === 'provider' ? 'provider' : 'client';

  const update = (patch: Partial<ContactInput>) => {
    setDraft((current) => ({ ...current, ...patch }));
  };

  const submit = () =>
    submitRecordForm({
      checked: checkContact(draft),
      form: formRef.current,
      setErrors,
      write,
      providerId,
      stored: contact,
      kind: 'contact',
      formData: contactData,
      add: addContact,
      update: updateContact,
      undoLabel: (value) => t(contact === null ? 'undo.label.addContact' : 'undo.label.contact', { name: contact?.name ?? value.name }),
      onSaved: onClose,
    });

  const error = (name: ContactField) => fieldErrorText(t, errors[name]);
  const bind = fieldBinder(formId, draft, error, update);
  const textField = (field: 'name' | 'email' | 'phone', type: 'text' | 'email' | 'tel') => (
    <TextField {...bind(field)} label={t(`providerRecord.contacts.${field}`)} type={type} />
  );

  return (
    <form
      ref={formRef}
      className="provider-record-form"
      aria-label={
        contact === null
          ? t('providerRecord.contacts.addFormLabel', { side: t(`profile.contactSides.${side}`) })
          : t('providerRecord.contacts.editFormLabel', { name: contact.name })
      }
      data-testid="contact-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="form-grid" disabled={write.busy}>
        <SelectField
          {...bind('side')}
          label={t('providerRecord.contacts.side')}
          options={contactSides.map((value) => ({ value, label: t(`profile.contactSides.${value}`) }))}
          onChange={(value) => {
            const next: ContactSide = value === 'provider' ? 'provider' : 'client';
            // A role of the other side does not fit; `other` fits both.
            const keepRole = contactRolesBySide[next].some((candidate) => candidate === draft.role);
            update({ side: next, role: keepRole ? draft.role : (contactRolesBySide[next][0] ?? 'other') });
          }}
        />
        <SelectField
          {...bind('role')}
          label={t('providerRecord.contacts.role')}
          options={contactRolesBySide[draftSide].map((value) => ({ value, label: t(`profile.contactRoles.${value}`) }))}
        />
        {textField('name', 'text')}
        {textField('email', 'email')}
        {textField('phone', 'tel')}
      </fieldset>
      <RecordFormActions write={write} onCancel={onClose} />
    </form>
  );
}
