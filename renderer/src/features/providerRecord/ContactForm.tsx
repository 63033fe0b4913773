import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactSide } from '@shared/domain/providerProfile';
import type { Id } from '@shared/domain/types';
import { checkContact, contactRolesBySide, contactSides } from '@shared/forms/providerProfile';
import type { ContactField, ContactFormData, ContactInput, FormErrors } from '@shared/forms/providerProfile';
import { FieldError, focusFirstInvalid } from '../plans/FieldError';
import { fieldState } from './fieldText';
import { addContact, changedFields, updateContact } from './providerRecordEdits';
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

  const submit = async () => {
    const checked = checkContact(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    const saved = await write.run(
      contact === null ? `Adding a contact to provider ${providerId}` : `Saving contact ${contact.id}`,
      (db, context) =>
        contact === null
          ? addContact(db, providerId, checked.value, context)
          : updateContact(db, contact.id, changedFields(contactData(contact), checked.value), context),
      t(contact === null ? 'undo.label.addContact' : 'undo.label.contact', { name: contact?.name ?? checked.value.name }),
    );
    if (saved !== null) onClose();
  };

  const sideField = fieldState(t, formId, errors, 'side');
  const role = fieldState(t, formId, errors, 'role');
  const name = fieldState(t, formId, errors, 'name');
  const email = fieldState(t, formId, errors, 'email');
  const phone = fieldState(t, formId, errors, 'phone');

  const textInput = (field: 'name' | 'email' | 'phone', type: 'text' | 'email' | 'tel', state: typeof name) => (
    <div>
      <label>
        {t(`providerRecord.contacts.${field}`)}
        <input
          type={type}
          autoComplete="off"
          value={draft[field]}
          {...state.attributes}
          onChange={(event) => {
            update({ [field]: event.target.value });
          }}
        />
      </label>
      <FieldError id={state.errorId} problem={state.message} />
    </div>
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
        <div>
          <label>
            {t('providerRecord.contacts.side')}
            <select
              value={draft.side}
              {...sideField.attributes}
              onChange={(event) => {
                const next: ContactSide = event.target.value === 'provider' ? 'provider' : 'client';
                // A role of the other side does not fit; `other` fits both.
                const keepRole = contactRolesBySide[next].some((candidate) => candidate === draft.role);
                update({ side: next, role: keepRole ? draft.role : (contactRolesBySide[next][0] ?? 'other') });
              }}
            >
              {contactSides.map((value) => (
                <option key={value} value={value}>
                  {t(`profile.contactSides.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <FieldError id={sideField.errorId} problem={sideField.message} />
        </div>
        <div>
          <label>
            {t('providerRecord.contacts.role')}
            <select
              value={draft.role}
              {...role.attributes}
              onChange={(event) => {
                update({ role: event.target.value });
              }}
            >
              {contactRolesBySide[draftSide].map((value) => (
                <option key={value} value={value}>
                  {t(`profile.contactRoles.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <FieldError id={role.errorId} problem={role.message} />
        </div>
        {textInput('name', 'text', name)}
        {textInput('email', 'email', email)}
        {textInput('phone', 'tel', phone)}
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
