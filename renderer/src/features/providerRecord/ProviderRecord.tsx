import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Provider } from '@shared/domain/types';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { localToday } from '../plans/roadmapOption';
import { CertificationsSection } from './CertificationsSection';
import { ContactsSection } from './ContactsSection';
import { ProfileSection } from './ProfileSection';
import { SitesSection } from './SitesSection';
import './providerRecord.css';

/** Shows the provider record on the provider page: profile, delivery sites, certifications and contacts. */
export function ProviderRecord({ provider }: { readonly provider: Provider }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  // Read once per visit: a badge that changes at midnight can wait for the next visit.
  const [today] = useState(() => localToday());
  const parts = useLiveQuery(async () => {
    const [sites, certifications, contacts, calendars] = await Promise.all([
      db.providerSites.where('providerId').equals(provider.id).toArray(),
      db.certifications.where('providerId').equals(provider.id).toArray(),
      db.contacts.where('providerId').equals(provider.id).toArray(),
      db.planCalendars.toArray(),
    ]);
    const collator = new Intl.Collator();
    return {
      sites: sites.sort((a, b) => collator.compare(a.country, b.country) || collator.compare(a.city, b.city)),
      certifications: certifications.sort((a, b) => collator.compare(a.standard, b.standard) || collator.compare(a.name, b.name)),
      contacts,
      calendars: calendars.sort((a, b) => collator.compare(a.name, b.name)),
    };
  }, [db, provider.id]);

  return (
    <>
      <ProfileSection key={provider.id} provider={provider} />
      {parts === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <SitesSection providerId={provider.id} providerName={provider.name} sites={parts.sites} calendars={parts.calendars} />
          <CertificationsSection
            providerId={provider.id}
            providerName={provider.name}
            certifications={parts.certifications}
            today={today}
          />
          <ContactsSection providerId={provider.id} contacts={parts.contacts} />
        </>
      )}
    </>
  );
}
