import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Id } from '@shared/domain/types';
import { useContractChoices } from './usePlanData';
import type { ContractChoices } from './usePlanData';

interface ContractSelectProps {
  /** Provider whose contracts are offered; with `null` only "no contract" is offered. */
  readonly providerId: Id | null;
  readonly value: Id | null;
  readonly onChange: (contractId: Id | null) => void;
  readonly disabled?: boolean;
}

/**
 * Picker of the contract whose transition a plan schedules: one of the plan provider's contracts,
 * or none. A merge can leave a plan on a contract that is gone or with another provider. Such a
 * contract stays selected, under a label that names the problem, until the user picks another.
 */
export function ContractSelect({ providerId, value, onChange, disabled = false }: ContractSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  const choices = useContractChoices(providerId, value);
  const contracts = choices?.contracts ?? [];
  const listed = value === null || contracts.some((contract) => contract.id === value);
  // Without a provider there is nothing to choose, unless a merge left a contract to clear.
  const nothingToChoose = providerId === null && value === null;

  return (
    <label htmlFor={id}>
      {t('plans.contractLabel')}
      <select
        id={id}
        value={value ?? ''}
        disabled={disabled || nothingToChoose}
        data-testid="plan-contract"
        onChange={(event) => {
          onChange(event.target.value === '' ? null : event.target.value);
        }}
      >
        <option value="">{nothingToChoose ? t('plans.contractNeedsProvider') : t('plans.noContract')}</option>
        {listed ? null : <option value={value}>{unlistedLabel(t, choices)}</option>}
        {contracts.map((contract) => (
          <option key={contract.id} value={contract.id}>
            {contract.title}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Label of a chosen contract that is not one of the provider's: still loading, with another provider, or gone. */
function unlistedLabel(t: TFunction, choices: ContractChoices | undefined): string {
  if (choices === undefined) return t('app.loading');
  const other = choices.chosenOfOtherProvider;
  return other === undefined ? t('plans.header.missingContract') : t('plans.header.otherProviderContract', { title: other.title });
}
