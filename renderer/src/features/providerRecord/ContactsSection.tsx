import { useTranslation } from 'react-i18next';
import type { Contact, ContactSide } from '@shared/domain/providerProfile';
import type { Id } from '@shared/domain/types';
import { contactRolesBySide, contactSides } from '@shared/forms/providerProfile';
import { ContactForm } from './ContactForm';
import { RecordList } from './RecordList';

interface ContactsSectionProps {
  readonly providerId: Id;
  readonly contacts: readonly Contact[];
}

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
  const sideName = t(`profile.contactSides.${side}`);
  const titleId = `provider-contacts-${side}`;
  const none = <span className="muted">{t('providerRecord.notRecorded')}</span>;
  const sorted = [...contacts].sort(byRoleThenName(side));
  const who = (contact: Contact) =>
    t('providerRecord.contacts.who', { name: contact.name, role: t(`profile.contactRoles.${contact.role}`) });

  return (
    <div className="contact-group" role="group" aria-labelledby={titleId} data-testid={`contacts-${side}`}>
      <h3 id={titleId}>{sideName}</h3>
      <RecordList
        records={sorted}
        table="contacts"
        tableLabel={t('providerRecord.contacts.tableLabel', { side: sideName })}
        headers={[
          t('providerRecord.contacts.role'),
          t('providerRecord.contacts.name'),
          t('providerRecord.contacts.email'),
          t('providerRecord.contacts.phone'),
        ]}
        emptyText={t('providerRecord.contacts.none')}
        addText={t('providerRecord.contacts.add', { side: sideName })}
        rowTestId="contact-row"
        cells={(contact) => (
          <>
            <td>{t(`profile.contactRoles.${contact.role}`)}</td>
            <th scope="row">{contact.name}</th>
            <td>{contact.email === '' ? none : <a href={`mailto:${contact.email}`}>{contact.email}</a>}</td>
            <td>{contact.phone === '' ? none : contact.phone}</td>
          </>
        )}
        actionLabels={(contact) => ({
          edit: t('providerRecord.contacts.edit', { who: who(contact) }),
          delete: t('providerRecord.contacts.delete', { who: who(contact) }),
          deleteTitle: t('providerRecord.contacts.deleteTitle', { who: who(contact) }),
        })}
        form={(contact, close) => <ContactForm providerId={providerId} contact={contact} side={side} onClose={close} />}
      />
    </div>
  );
}
