import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderSite } from '@shared/domain/providerProfile';
import type { Calendar } from '@shared/domain/plan';
import type { Id } from '@shared/domain/types';
import { parseLanguageTags } from '@shared/forms/languageTags';
import { checkSite, deliveryModels } from '@shared/forms/providerProfile';
import type { FormErrors, SiteData, SiteField, SiteInput } from '@shared/forms/providerProfile';
import { userLocale } from '../../locale';
import { fieldBinder, SelectField, TextField } from '../../components/FormField';
import { decimalSeparatorOf, levelInputText } from '../portfolio/serviceLevelInput';
import { saveLabel } from '../undo/saveLabel';
import { countryOptions, defaultTimeZone, isoCountryCodeSet, languageName, timeZoneOptions, userTimeZone } from './countries';
import { fieldErrorText } from './fieldText';
import { addSite, updateSite } from './providerRecordEdits';
import { RecordFormActions } from './RecordFormActions';
import { submitRecordForm } from './submitRecordForm';
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

  const submit = () =>
    submitRecordForm({
      checked: checkSite(draft, {
        decimalSeparator,
        calendarIds: calendars.map((calendar) => calendar.id),
        countryCodes: isoCountryCodeSet,
        locale: userLocale,
      }),
      form: formRef.current,
      setErrors,
      write,
      providerId,
      stored: site,
      kind: 'site',
      formData: siteData,
      add: addSite,
      update: updateSite,
      undoLabel: (value) =>
        saveLabel(site?.city ?? null, value.city, {
          add: (city) => t('undo.label.addSite', { city }),
          edit: (city) => t('undo.label.site', { city }),
          rename: (from, to) => t('undo.label.moveSite', { from, to }),
        }),
      onSaved: onClose,
    });

  const error = (name: SiteField) => fieldErrorText(t, errors[name]);
  const bind = fieldBinder(formId, draft, error, update);
  const parsedLanguages = parseLanguageTags(draft.languages, [userLocale]);

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
        <SelectField
          {...bind('country')}
          label={t('providerRecord.sites.country')}
          options={[
            { value: '', label: t('providerRecord.sites.chooseCountry') },
            ...countries.map((option) => ({ value: option.code, label: option.name })),
          ]}
          onChange={(code) => {
            update(zoneChosen || code === '' ? { country: code } : { country: code, timeZone: defaultTimeZone(code, userTimeZone()) });
          }}
        />
        <TextField {...bind('city')} label={t('providerRecord.sites.city')} />
        <SelectField
          {...bind('deliveryModel')}
          label={t('providerRecord.sites.deliveryModel')}
          options={deliveryModels.map((value) => ({ value, label: t(`profile.deliveryModels.${value}`) }))}
        />
        <TextField {...bind('fte')} label={t('providerRecord.sites.fte')} inputMode="decimal" />
        <TextField
          {...bind('languages')}
          label={t('providerRecord.sites.languages')}
          hint={
            'tags' in parsedLanguages && parsedLanguages.tags.length > 0
              ? t('providerRecord.sites.languagesRead', {
                  names: parsedLanguages.tags.map((tag) => languageName(tag, userLocale)).join(', '),
                })
              : t('providerRecord.sites.languagesHint')
          }
          spellCheck={false}
        />
        <SelectField
          {...bind('timeZone')}
          label={t('providerRecord.sites.timeZone')}
          options={zones.map((zone) => ({ value: zone, label: zone }))}
          onChange={(timeZone) => {
            setZoneChosen(true);
            update({ timeZone });
          }}
        />
        <SelectField
          {...bind('calendarId')}
          label={t('providerRecord.sites.calendar')}
          options={[
            { value: '', label: t('providerRecord.sites.noCalendar') },
            ...calendars.map((option) => ({ value: option.id, label: option.name })),
          ]}
        />
      </fieldset>
      <RecordFormActions write={write} onCancel={onClose} />
    </form>
  );
}
