/** The report builder's fields: scope, period, sections, paper, orientation and redaction. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id, Period } from '@shared/domain/types';
import { reportSectionKeys } from '@shared/reports';
import { formatPeriod } from '../../format';
import { userLocale } from '../../locale';
import { parsePeriodValue, periodValues } from './reportChoices';
import type { ReportChoices } from './reportChoices';
import { periodText } from './reportText';
import { SelectField } from './SelectField';

export interface ReportBuilderProps {
  readonly choices: ReportChoices;
  readonly onChange: (choices: ReportChoices) => void;
  readonly providers: readonly { readonly id: Id; readonly name: string }[];
  /** Months with results, any order. */
  readonly months: readonly Period[];
  readonly today: string;
}

export function ReportBuilder({ choices, onChange, providers, months, today }: ReportBuilderProps) {
  const { t } = useTranslation();
  const set = (change: Partial<ReportChoices>) => {
    onChange({ ...choices, ...change });
  };
  const values = periodValues(choices.periodKind, months, today);
  const label = (value: string) => {
    const period = parsePeriodValue(choices.periodKind, value);
    if (period === null) return value;
    return period.kind === 'month' ? formatPeriod(period.month, userLocale, 'long') : periodText(t, period, userLocale);
  };

  return (
    <form
      className="report-builder"
      aria-label={t('reports.builder.label')}
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <fieldset>
        <legend>{t('reports.builder.scope')}</legend>
        <label>
          <input type="radio" name="report-scope" checked={choices.scopeKind === 'portfolio'} onChange={() => { set({ scopeKind: 'portfolio' }); }} />
          {t('reports.builder.wholePortfolio')}
        </label>
        <label>
          <input type="radio" name="report-scope" checked={choices.scopeKind === 'providers'} onChange={() => { set({ scopeKind: 'providers' }); }} />
          {t('reports.builder.chosenProviders')}
        </label>
        {choices.scopeKind === 'providers' ? (
          <ProviderPicker
            providers={providers}
            chosen={choices.providerIds}
            onChange={(providerIds) => {
              set({ providerIds });
            }}
          />
        ) : null}
      </fieldset>

      <fieldset>
        <legend>{t('reports.builder.periodKind')}</legend>
        <label>
          <input
            type="radio"
            name="report-period-kind"
            checked={choices.periodKind === 'month'}
            onChange={() => { set({ periodKind: 'month', periodValue: periodValues('month', months, today)[0] ?? choices.periodValue }); }}
          />
          {t('reports.builder.month')}
        </label>
        <label>
          <input
            type="radio"
            name="report-period-kind"
            checked={choices.periodKind === 'quarter'}
            onChange={() => { set({ periodKind: 'quarter', periodValue: periodValues('quarter', months, today)[0] ?? choices.periodValue }); }}
          />
          {t('reports.builder.quarter')}
        </label>
        <SelectField label={t('reports.builder.periodValue')} value={choices.periodValue} onChange={(periodValue) => { set({ periodValue }); }}>
          {values.map((value) => (
            <option key={value} value={value}>
              {label(value)}
            </option>
          ))}
        </SelectField>
        {months.length === 0 ? <p className="muted">{t('reports.builder.noPeriods')}</p> : null}
      </fieldset>

      <fieldset>
        <legend>{t('reports.builder.sections')}</legend>
        {reportSectionKeys.map((key) => (
          <label key={key}>
            <input
              type="checkbox"
              checked={choices.sections.includes(key)}
              onChange={(event) => {
                const chosen = new Set(choices.sections);
                if (event.target.checked) chosen.add(key);
                else chosen.delete(key);
                set({ sections: reportSectionKeys.filter((section) => chosen.has(section)) });
              }}
            />
            {t(`reports.sections.${key}`)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('reports.builder.layout')}</legend>
        <SelectField label={t('reports.builder.paper')} value={choices.paper} onChange={(paper) => { set({ paper: paper === 'Letter' ? 'Letter' : 'A4' }); }}>
          <option value="A4">{t('reports.builder.a4')}</option>
          <option value="Letter">{t('reports.builder.letter')}</option>
        </SelectField>
        <SelectField
          label={t('reports.builder.orientation')}
          value={choices.orientation}
          onChange={(orientation) => { set({ orientation: orientation === 'landscape' ? 'landscape' : 'portrait' }); }}
        >
          <option value="portrait">{t('reports.builder.portrait')}</option>
          <option value="landscape">{t('reports.builder.landscape')}</option>
        </SelectField>
      </fieldset>

      <label className="wide">
        <input
          type="checkbox"
          checked={choices.withoutCommercialTerms}
          onChange={(event) => { set({ withoutCommercialTerms: event.target.checked }); }}
        />
        {t('reports.builder.withoutCommercialTerms')}
      </label>
    </form>
  );
}

interface ProviderPickerProps {
  readonly providers: readonly { readonly id: Id; readonly name: string }[];
  readonly chosen: readonly Id[];
  readonly onChange: (providerIds: Id[]) => void;
}

/**
 * Lists the providers of a provider scope with how many are chosen, a search box, and a switch
 * that lists only the chosen ones, so that those a template chose can be checked without scrolling.
 */
function ProviderPicker({ providers, chosen, onChange }: ProviderPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [onlyChosen, setOnlyChosen] = useState(false);
  const chosenIds = new Set(chosen);
  const needle = search.trim().toLocaleLowerCase(userLocale);
  const shown = providers.filter(
    (provider) => (!onlyChosen || chosenIds.has(provider.id)) && (needle === '' || provider.name.toLocaleLowerCase(userLocale).includes(needle)),
  );
  return (
    <>
      <p className="muted" role="status">
        {t('reports.builder.providersChosen', { count: chosen.length, total: providers.length })}
      </p>
      <input
        type="search"
        value={search}
        aria-label={t('reports.builder.searchProviders')}
        placeholder={t('reports.builder.searchProviders')}
        onChange={(event) => {
          setSearch(event.target.value);
        }}
      />
      <label>
        <input
          type="checkbox"
          checked={onlyChosen}
          onChange={(event) => {
            setOnlyChosen(event.target.checked);
          }}
        />
        {t('reports.builder.onlyChosen')}
      </label>
      <div className="provider-list" role="group" aria-label={t('reports.builder.providers')}>
        {shown.map((provider) => (
          <label key={provider.id}>
            <input
              type="checkbox"
              checked={chosenIds.has(provider.id)}
              onChange={(event) => {
                const others = chosen.filter((id) => id !== provider.id);
                onChange(event.target.checked ? [...others, provider.id] : others);
              }}
            />
            {provider.name}
          </label>
        ))}
        {shown.length === 0 ? <p className="muted">{t('reports.builder.noProviderMatches')}</p> : null}
      </div>
    </>
  );
}
