import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderSite } from '@shared/domain/providerProfile';
import type { Calendar } from '@shared/domain/plan';
import type { Id } from '@shared/domain/types';
import { checkSite, deliveryModels, parseLanguageTags } from '@shared/forms/providerProfile';
import type { FormErrors, SiteData, SiteField, SiteInput } from '@shared/forms/providerProfile';
import { userLocale } from '../../locale';
import { FieldError, focusFirstInvalid } from '../plans/FieldError';
import { decimalSeparatorOf, levelInputText } from '../portfolio/serviceLevelInput';
import { countryOptions, defaultTimeZone, isoCountryCodeSet, languageName, timeZoneOptions, userTimeZone } from './countries';
import { fieldState } from './fieldText';
import { addSite, changedFields, updateSite } from './providerRecordEdits';
import { useRecordWrite } from './useRecordWrite';

const decimalSeparator = decimalSeparatorOf(userLocale);

interface SiteFormProps {
  readonly providerId: Id;
  /** The site to edit, or `null` to add one. */
  readonly site: ProviderSite | null;
  readonly calendars: readonly Calendar[];
  readonly onClose: () => void;
}

function siteInput(site: ProviderSite | null): SiteInput {
  if (site === null) {
    return { country: '', city: '', deliveryModel: 'offshore', fte: '', languages: '', timeZone: userTimeZone(), calendarId: '' };
  }
  return {
    country: site.country,
    city: site.city,
    deliveryModel: site.deliveryModel,
    fte: site.fte === null ? '' : levelInputText(site.fte, decimalSeparator),
    languages: site.languages.join(', '),
    timeZone: site.timeZone,
    calendarId: site.calendarId ?? '',
  };
}

function siteData(site: ProviderSite): SiteData {
  const { country, city, deliveryModel, fte, languages, timeZone, calendarId } = site;
  return { country, city, deliveryModel, fte, languages, timeZone, calendarId };
}

/** Form that adds a delivery site to a provider or edits one. */
export function SiteForm({ providerId, site, calendars, onClose }: SiteFormProps) {
  const { t } = useTranslation();
  const write = useRecordWrite();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<SiteInput>(() => siteInput(site));
  // Once the user picks a zone, choosing another country no longer replaces it.
  const [zoneChosen, setZoneChosen] = useState(site !== null);
  const [errors, setErrors] = useState<FormErrors<SiteField>>({});
  const countries = useMemo(() => countryOptions(userLocale), []);
  const zones = useMemo(() => {
    const supported = timeZoneOptions();
    // A zone stored by another laptop may be missing from this browser's list; keep it choosable.
    return supported.includes(draft.timeZone) ? supported : [draft.timeZone, ...supported];
  }, [draft.timeZone]);

  const update = (patch: Partial<SiteInput>) => {
    setDraft((current) => ({ ...current, ...patch }));
  };

  const submit = async () => {
    const checked = checkSite(draft, {
      decimalSeparator,
      calendarIds: calendars.map((calendar) => calendar.id),
      countryCodes: isoCountryCodeSet,
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    const saved = await write.run(
      site === null ? `Adding a site to provider ${providerId}` : `Saving site ${site.id}`,
      (db, context) =>
        site === null
          ? addSite(db, providerId, checked.value, context)
          : updateSite(db, site.id, changedFields(siteData(site), checked.value), context),
      t(site === null ? 'undo.label.addSite' : 'undo.label.site', { city: site?.city ?? checked.value.city }),
    );
    if (saved !== null) onClose();
  };

  const field = (name: SiteField) => fieldState(t, formId, errors, name);
  const country = field('country');
  const city = field('city');
  const model = field('deliveryModel');
  const fte = field('fte');
  const languages = field('languages');
  const timeZone = field('timeZone');
  const calendar = field('calendarId');
  const languagesHintId = `${formId}-languages-hint`;
  const parsedLanguages = parseLanguageTags(draft.languages);

  return (
    <form
      ref={formRef}
      className="provider-record-form"
      aria-label={site === null ? t('providerRecord.sites.addFormLabel') : t('providerRecord.sites.editFormLabel', { city: site.city })}
      data-testid="site-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="form-grid" disabled={write.busy}>
        <div>
          <label>
            {t('providerRecord.sites.country')}
            <select
              value={draft.country}
              {...country.attributes}
              onChange={(event) => {
                const code = event.target.value;
                update(zoneChosen || code === '' ? { country: code } : { country: code, timeZone: defaultTimeZone(code, userTimeZone()) });
              }}
            >
              <option value="">{t('providerRecord.sites.chooseCountry')}</option>
              {countries.map((option) => (
                <option key={option.code} value={option.code}>
                  {option.name}
                </option>
              ))}
            </select>
          </label>
          <FieldError id={country.errorId} problem={country.message} />
        </div>
        <div>
          <label>
            {t('providerRecord.sites.city')}
            <input
              type="text"
              autoComplete="off"
              value={draft.city}
              {...city.attributes}
              onChange={(event) => {
                update({ city: event.target.value });
              }}
            />
          </label>
          <FieldError id={city.errorId} problem={city.message} />
        </div>
        <div>
          <label>
            {t('providerRecord.sites.deliveryModel')}
            <select
              value={draft.deliveryModel}
              {...model.attributes}
              onChange={(event) => {
                update({ deliveryModel: event.target.value });
              }}
            >
              {deliveryModels.map((value) => (
                <option key={value} value={value}>
                  {t(`profile.deliveryModels.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <FieldError id={model.errorId} problem={model.message} />
        </div>
        <div>
          <label>
            {t('providerRecord.sites.fte')}
            <input
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={draft.fte}
              {...fte.attributes}
              onChange={(event) => {
                update({ fte: event.target.value });
              }}
            />
          </label>
          <FieldError id={fte.errorId} problem={fte.message} />
        </div>
        <div>
          <label>
            {t('providerRecord.sites.languages')}
            <input
              type="text"
              autoComplete="off"
              spellCheck={false}
              value={draft.languages}
              {...languages.attributes}
              aria-describedby={languages.message === undefined ? languagesHintId : `${languages.errorId} ${languagesHintId}`}
              onChange={(event) => {
                update({ languages: event.target.value });
              }}
            />
          </label>
          <FieldError id={languages.errorId} problem={languages.message} />
          <span className="muted field-hint" id={languagesHintId}>
            {'tags' in parsedLanguages && parsedLanguages.tags.length > 0
              ? t('providerRecord.sites.languagesRead', {
                  names: parsedLanguages.tags.map((tag) => languageName(tag, userLocale)).join(', '),
                })
              : t('providerRecord.sites.languagesHint')}
          </span>
        </div>
        <div>
          <label>
            {t('providerRecord.sites.timeZone')}
            <select
              value={draft.timeZone}
              {...timeZone.attributes}
              onChange={(event) => {
                setZoneChosen(true);
                update({ timeZone: event.target.value });
              }}
            >
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone}
                </option>
              ))}
            </select>
          </label>
          <FieldError id={timeZone.errorId} problem={timeZone.message} />
        </div>
        <div>
          <label>
            {t('providerRecord.sites.calendar')}
            <select
              value={draft.calendarId}
              {...calendar.attributes}
              onChange={(event) => {
                update({ calendarId: event.target.value });
              }}
            >
              <option value="">{t('providerRecord.sites.noCalendar')}</option>
              {calendars.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </select>
          </label>
          <FieldError id={calendar.errorId} problem={calendar.message} />
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
