import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { useProviderChoices } from './usePlanData';

interface ProviderSelectProps {
  readonly value: Id | null;
  readonly onChange: (providerId: Id | null) => void;
  readonly disabled?: boolean;
}

/** Picker of the provider a plan moves work to, with "no provider yet" for a plan whose provider is not chosen. */
export function ProviderSelect({ value, onChange, disabled = false }: ProviderSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const providers = useProviderChoices() ?? [];
  return (
    <label htmlFor={id}>
      {t('plans.providerLabel')}
      <select
        id={id}
        value={value ?? ''}
        disabled={disabled}
        onChange={(event) => {
          onChange(event.target.value === '' ? null : event.target.value);
        }}
      >
        <option value="">{t('plans.noProvider')}</option>
        {providers.map((provider) => (
          <option key={provider.id} value={provider.id}>
            {provider.name}
          </option>
        ))}
      </select>
    </label>
  );
}
