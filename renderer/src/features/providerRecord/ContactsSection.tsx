import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactSide } from '@shared/domain/providerProfile';
import type { Id } from '@shared/domain/types';
import { contactRolesBySide, contactSides } from '@shared/forms/providerProfile';
import { ContactForm } from './ContactForm';
import { DeleteRecordButton } from './DeleteRecordButton';

interface ContactsSectionProps {
  readonly providerId: Id;
  readonly contacts: readonly Contact[];
}

const columnCount = 5;

/** Contacts by role, in two groups: our side and the provider's side, each with add, edit and delete. */
export function ContactsSection({ providerId, contacts }: ContactsSectionProps) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="provider-contacts-title" data-testid="provider-contacts">
      <h2 id="provider-contacts-title">{t('providerRecord.contacts.title')}</h2>
      {contactSides.map((side) => (
        <ContactGroup key={side} providerId={providerId} side={side} contacts={contacts.filter((contact) => contact.side === side)} />
      ))}
    </section>
  );
}

/** Orders contacts by the position of their role in the side's role list, then by name. */
function byRoleThenName(side: ContactSide) {
  const order: readonly string[] = contactRolesBySide[side];
  return (a: Contact, b: Contact) => order.indexOf(a.role) - order.indexOf(b.role) || a.name.localeCompare(b.name);
}

function ContactGroup({
  providerId,
  side,
  contacts,
}: {
  readonly providerId: Id;
  readonly side: ContactSide;
  readonly contacts: readonly Contact[];
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<Id | null>(null);
  const sideName = t(`profile.contactSides.${side}`);
  const titleId = `provider-contacts-${side}`;
  const none = <span className="muted">{t('providerRecord.notRecorded')}</span>;
  const sorted = [...contacts].sort(byRoleThenName(side));

  return (
    <div className="contact-group" role="group" aria-labelledby={titleId} data-testid={`contacts-${side}`}>
      <h3 id={titleId}>{sideName}</h3>
      {sorted.length === 0 ? (
        <p className="muted">{t('providerRecord.contacts.none')}</p>
      ) : (
        <table className="results-table" aria-label={t('providerRecord.contacts.tableLabel', { side: sideName })}>
          <thead>
            <tr>
              <th scope="col">{t('providerRecord.contacts.role')}</th>
              <th scope="col">{t('providerRecord.contacts.name')}</th>
              <th scope="col">{t('providerRecord.contacts.email')}</th>
              <th scope="col">{t('providerRecord.contacts.phone')}</th>
              <th scope="col">{t('providerRecord.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((contact) => {
              const contactLabel = t('providerRecord.contacts.who', {
                name: contact.name,
                role: t(`profile.contactRoles.${contact.role}`),
              });
              return (
                <Fragment key={contact.id}>
                  <tr data-testid="contact-row">
                    <td>{t(`profile.contactRoles.${contact.role}`)}</td>
                    <th scope="row">{contact.name}</th>
                    <td>{contact.email === '' ? none : <a href={`mailto:${contact.email}`}>{contact.email}</a>}</td>
                    <td>{contact.phone === '' ? none : contact.phone}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="button"
                        aria-label={t('providerRecord.contacts.edit', { who: contactLabel })}
                        aria-expanded={editingId === contact.id}
                        onClick={() => {
                          setEditingId(editingId === contact.id ? null : contact.id);
                        }}
                      >
                        {t('providerRecord.edit')}
                      </button>
                      <DeleteRecordButton
                        table="contacts"
                        id={contact.id}
                        label={t('providerRecord.contacts.delete', { who: contactLabel })}
                        title={t('providerRecord.contacts.deleteTitle', { who: contactLabel })}
                      />
                    </td>
                  </tr>
                  {editingId === contact.id ? (
                    <tr>
                      <td colSpan={columnCount}>
                        <ContactForm
                          providerId={providerId}
                          contact={contact}
                          side={side}
                          onClose={() => {
                            setEditingId(null);
                          }}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      {adding ? (
        <ContactForm
          providerId={providerId}
          contact={null}
          side={side}
          onClose={() => {
            setAdding(false);
          }}
        />
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => {
              setAdding(true);
            }}
          >
            {t('providerRecord.contacts.add', { side: sideName })}
          </button>
        </div>
      )}
    </div>
  );
}
