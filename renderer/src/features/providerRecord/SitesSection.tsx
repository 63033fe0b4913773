import { useTranslation } from 'react-i18next';
import type { Calendar } from '@shared/domain/plan';
import type { ProviderSite } from '@shared/domain/providerProfile';
import type { Id } from '@shared/domain/types';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { countryName, languageName } from './countries';
import { RecordList } from './RecordList';
import { SiteForm } from './SiteForm';

interface SitesSectionProps {
  readonly providerId: Id;
  readonly providerName: string;
  readonly sites: readonly ProviderSite[];
  readonly calendars: readonly Calendar[];
}

/** Delivery sites of a provider, with add, edit and delete. */
export function SitesSection({ providerId, providerName, sites, calendars }: SitesSectionProps) {
  const { t } = useTranslation();
  const calendarNames = new Map(calendars.map((calendar) => [calendar.id, calendar.name]));
  const none = <span className="muted">{t('providerRecord.notRecorded')}</span>;
  const place = (site: ProviderSite) =>
    t('providerRecord.sites.place', { city: site.city, country: countryName(site.country, userLocale) });

  return (
    <section className="panel" aria-labelledby="provider-sites-title" data-testid="provider-sites">
      <h2 id="provider-sites-title">{t('providerRecord.sites.title')}</h2>
      <RecordList
        records={sites}
        table="providerSites"
        tableLabel={t('providerRecord.sites.tableLabel', { name: providerName })}
        headers={[
          t('providerRecord.sites.country'),
          t('providerRecord.sites.city'),
          t('providerRecord.sites.deliveryModel'),
          t('providerRecord.sites.fte'),
          t('providerRecord.sites.languages'),
          t('providerRecord.sites.timeZone'),
          t('providerRecord.sites.calendar'),
        ]}
        emptyText={t('providerRecord.sites.none')}
        addText={t('providerRecord.sites.add')}
        rowTestId="site-row"
        cells={(site) => (
          <>
            <td>{countryName(site.country, userLocale)}</td>
            <th scope="row">{site.city}</th>
            <td>{t(`profile.deliveryModels.${site.deliveryModel}`)}</td>
            <td className="cell-numeric">{site.fte === null ? none : formatNumber(site.fte, userLocale, 2)}</td>
            <td>{site.languages.length === 0 ? none : site.languages.map((tag) => languageName(tag, userLocale)).join(', ')}</td>
            <td>{site.timeZone}</td>
            <td>{site.calendarId === null ? none : (calendarNames.get(site.calendarId) ?? t('providerRecord.sites.calendarMissing'))}</td>
          </>
        )}
        actionLabels={(site) => ({
          edit: t('providerRecord.sites.edit', { place: place(site) }),
          delete: t('providerRecord.sites.delete', { place: place(site) }),
          deleteTitle: t('providerRecord.sites.deleteTitle', { place: place(site) }),
        })}
        form={(site, close) => <SiteForm providerId={providerId} site={site} calendars={calendars} onClose={close} />}
      />
    </section>
  );
}
