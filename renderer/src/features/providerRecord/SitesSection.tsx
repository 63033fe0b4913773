import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar } from '@shared/domain/plan';
import type { ProviderSite } from '@shared/domain/providerProfile';
import type { Id } from '@shared/domain/types';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { countryName, languageName } from './countries';
import { DeleteRecordButton } from './DeleteRecordButton';
import { SiteForm } from './SiteForm';

interface SitesSectionProps {
  readonly providerId: Id;
  readonly providerName: string;
  readonly sites: readonly ProviderSite[];
  readonly calendars: readonly Calendar[];
}

const columnCount = 8;

/** Delivery sites of a provider, with add, edit and delete. */
export function SitesSection({ providerId, providerName, sites, calendars }: SitesSectionProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<Id | null>(null);
  const calendarNames = new Map(calendars.map((calendar) => [calendar.id, calendar.name]));
  const none = <span className="muted">{t('providerRecord.notRecorded')}</span>;

  return (
    <section className="panel" aria-labelledby="provider-sites-title" data-testid="provider-sites">
      <h2 id="provider-sites-title">{t('providerRecord.sites.title')}</h2>
      {sites.length === 0 ? (
        <p className="muted">{t('providerRecord.sites.none')}</p>
      ) : (
        <table className="results-table" aria-label={t('providerRecord.sites.tableLabel', { name: providerName })}>
          <thead>
            <tr>
              <th scope="col">{t('providerRecord.sites.country')}</th>
              <th scope="col">{t('providerRecord.sites.city')}</th>
              <th scope="col">{t('providerRecord.sites.deliveryModel')}</th>
              <th scope="col">{t('providerRecord.sites.fte')}</th>
              <th scope="col">{t('providerRecord.sites.languages')}</th>
              <th scope="col">{t('providerRecord.sites.timeZone')}</th>
              <th scope="col">{t('providerRecord.sites.calendar')}</th>
              <th scope="col">{t('providerRecord.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => {
              const place = t('providerRecord.sites.place', { city: site.city, country: countryName(site.country, userLocale) });
              return (
                <Fragment key={site.id}>
                  <tr data-testid="site-row">
                    <td>{countryName(site.country, userLocale)}</td>
                    <th scope="row">{site.city}</th>
                    <td>{t(`profile.deliveryModels.${site.deliveryModel}`)}</td>
                    <td className="cell-numeric">{site.fte === null ? none : formatNumber(site.fte, userLocale, 2)}</td>
                    <td>{site.languages.length === 0 ? none : site.languages.map((tag) => languageName(tag, userLocale)).join(', ')}</td>
                    <td>{site.timeZone}</td>
                    <td>
                      {site.calendarId === null ? none : (calendarNames.get(site.calendarId) ?? t('providerRecord.sites.calendarMissing'))}
                    </td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="button"
                        aria-label={t('providerRecord.sites.edit', { place })}
                        aria-expanded={editingId === site.id}
                        onClick={() => {
                          setEditingId(editingId === site.id ? null : site.id);
                        }}
                      >
                        {t('providerRecord.edit')}
                      </button>
                      <DeleteRecordButton
                        table="providerSites"
                        id={site.id}
                        label={t('providerRecord.sites.delete', { place })}
                        title={t('providerRecord.sites.deleteTitle', { place })}
                      />
                    </td>
                  </tr>
                  {editingId === site.id ? (
                    <tr>
                      <td colSpan={columnCount}>
                        <SiteForm
                          providerId={providerId}
                          site={site}
                          calendars={calendars}
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
        <SiteForm
          providerId={providerId}
          site={null}
          calendars={calendars}
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
            {t('providerRecord.sites.add')}
          </button>
        </div>
      )}
    </section>
  );
}
