import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfolioDb } from '../../db/portfolioDb';
import { listProviders } from '../../db/queries';
import { choiceWithProviders, sortScopeProviders, wholePortfolioChoice } from './exportScope';
import type { ExportScopeChoice, ScopeProvider } from './exportScope';

/**
 * Keeps the export options' choice valid against the portfolio's current providers, and lists
 * those providers sorted by name. The choice lives only in the Sync screen's component state.
 */
export function useExportScopeChoice(db: PortfolioDb) {
  const stored = useLiveQuery(() => listProviders(db), [db]);
  const providers = useMemo<readonly ScopeProvider[]>(
    () => sortScopeProviders((stored ?? []).map((provider) => ({ id: provider.id, name: provider.name }))),
    [stored],
  );
  const [choice, setChoice] = useState<ExportScopeChoice>(wholePortfolioChoice);
  return { choice: choiceWithProviders(choice, providers), providers, setChoice };
}

interface ExportScopeFieldsProps {
  readonly choice: ExportScopeChoice;
  readonly providers: readonly ScopeProvider[];
  readonly disabled: boolean;
  readonly onChange: (choice: ExportScopeChoice) => void;
}

/**
 * Shows the options of what the export contains: the whole portfolio or one provider, with or
 * without commercial terms. A short hint of what is left out shows for the chosen options.
 */
export function ExportScopeFields({ choice, providers, disabled, onChange }: ExportScopeFieldsProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const termsHintId = useId();
  const selectId = useId();
  const oneProvider = choice.extent === 'oneProvider';

  return (
    <fieldset className="toolbar sync-scope" disabled={disabled} data-testid="export-scope">
      <legend>{t('exportScope.legend')}</legend>
      <label>
        <input
          type="radio"
          name="export-extent"
          checked={!oneProvider}
          onChange={() => {
            onChange({ ...choice, extent: 'wholePortfolio' });
          }}
        />
        {t('exportScope.wholePortfolio')}
      </label>
      <label>
        <input
          type="radio"
          name="export-extent"
          checked={oneProvider}
          disabled={providers.length === 0}
          aria-describedby={oneProvider || providers.length === 0 ? hintId : undefined}
          onChange={() => {
            onChange(choiceWithProviders({ ...choice, extent: 'oneProvider' }, providers));
          }}
        />
        {t('exportScope.oneProvider')}
      </label>
      <label htmlFor={selectId}>{t('exportScope.provider')}</label>
      <select
        id={selectId}
        value={choice.provider?.id ?? ''}
        disabled={!oneProvider}
        onChange={(event) => {
          const provider = providers.find((item) => item.id === event.target.value) ?? null;
          onChange({ ...choice, provider });
        }}
      >
        {providers.map((provider) => (
          <option key={provider.id} value={provider.id}>
            {provider.name}
          </option>
        ))}
      </select>
      <label>
        <input
          type="checkbox"
          checked={choice.withoutCommercialTerms}
          aria-describedby={termsHintId}
          onChange={(event) => {
            onChange({ ...choice, withoutCommercialTerms: event.target.checked });
          }}
        />
        {t('exportScope.withoutCommercialTerms')}
      </label>
      {providers.length === 0 ? (
        <p className="muted" id={hintId}>
          {t('exportScope.noProviders')}
        </p>
      ) : null}
      {oneProvider && providers.length > 0 ? (
        <p className="muted" id={hintId} data-testid="one-provider-hint">
          {t('exportScope.oneProviderHint')}
        </p>
      ) : null}
      <p className="muted" id={termsHintId}>
        {t('exportScope.withoutCommercialTermsHint')}
      </p>
    </fieldset>
  );
}
