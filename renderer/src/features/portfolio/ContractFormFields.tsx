import { useEffect } from 'react';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { contractFormLimits, pricingModels } from '@shared/forms/contract';
import type { ContractFormErrorKey, ContractFormField, ContractFormWarning } from '@shared/forms/contract';
import type { ExitProvisions } from '@shared/domain/types';
import { minorUnitDigits } from '@shared/rfp/money';
import type { ContractDraft } from './contractDraft';
import './contractGovernance.css';

export const exitProvisionKeys: readonly (keyof ExitProvisions)[] = ['exitPlan', 'dataReturn', 'knowledgeTransferBack', 'stepInRights'];

interface ContractFormFieldsProps {
  readonly formId: string;
  readonly draft: ContractDraft;
  readonly onChange: (draft: ContractDraft) => void;
  readonly errors: Readonly<Partial<Record<ContractFormField, ContractFormErrorKey>>>;
  readonly decimalSeparator: string;
}

/**
 * Fields of the contract form, shared by "Add contract" and a contract's "Edit terms": title,
 * currency, term, notice period, automatic renewal, pricing model, value and charges, and the
 * exit provisions checklist. Each error shows under its field and is tied to it by `aria-describedby`.
 */
export function ContractFormFields({ formId, draft, onChange, errors, decimalSeparator }: ContractFormFieldsProps) {
  const { t } = useTranslation();
  const currency = draft.currency.trim().toUpperCase();
  const set = <K extends keyof ContractDraft>(name: K, value: ContractDraft[K]) => {
    onChange({ ...draft, [name]: value });
  };

  const errorText = (name: ContractFormField, label: string): ReactNode => {
    const key = errors[name];
    if (key === undefined) return null;
    return (
      <span className="field-error" id={`${formId}-${name}`}>
        {t(key, {
          field: label,
          maxTitle: contractFormLimits.maxTitleLength,
          maxNotice: contractFormLimits.maxNoticeAmount,
          minRenewal: contractFormLimits.minRenewalMonths,
          maxRenewal: contractFormLimits.maxRenewalMonths,
          currency,
          digits: minorUnitDigits(currency),
          decimal: decimalSeparator,
          value: draft[name],
        })}
      </span>
    );
  };
  const invalidProps = (name: ContractFormField) =>
    errors[name] === undefined ? { 'aria-invalid': false } : { 'aria-invalid': true, 'aria-describedby': `${formId}-${name}` };

  const textField = (name: 'title' | 'currency' | 'annualValue' | 'monthlyCharges' | 'atRiskPercent', label: string, numeric = false) => (
    <label>
      {label}
      <input
        type="text"
        autoComplete="off"
        inputMode={numeric ? 'decimal' : undefined}
        value={draft[name]}
        {...invalidProps(name)}
        onChange={(event) => {
          set(name, event.target.value);
        }}
      />
      {errorText(name, label)}
    </label>
  );
  const dateField = (name: 'startDate' | 'endDate', label: string) => (
    <label>
      {label}
      <input
        type="date"
        value={draft[name]}
        {...invalidProps(name)}
        onChange={(event) => {
          set(name, event.target.value);
        }}
      />
      {errorText(name, label)}
    </label>
  );

  const noticeLabel = t('contractGovernance.form.noticeAmount');
  const renewalLabel = t('contractGovernance.form.renewalMonths');
  const pricingLabel = t('contractGovernance.form.pricingModel');

  return (
    <>
      <div className="form-grid">
        {textField('title', t('contractTerms.title'))}
        {textField('currency', t('contractTerms.currency'))}
        {dateField('startDate', t('contractGovernance.form.startDate'))}
        {dateField('endDate', t('contractGovernance.form.endDate'))}
        <label>
          {noticeLabel}
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={draft.noticeAmount}
            {...invalidProps('noticeAmount')}
            onChange={(event) => {
              set('noticeAmount', event.target.value);
            }}
          />
          {errorText('noticeAmount', noticeLabel)}
        </label>
        <label>
          {t('contractGovernance.form.noticeUnit')}
          <select
            value={draft.noticeUnit}
            onChange={(event) => {
              set('noticeUnit', event.target.value === 'days' ? 'days' : 'months');
            }}
          >
            <option value="months">{t('profile.noticeUnits.months')}</option>
            <option value="days">{t('profile.noticeUnits.days')}</option>
          </select>
        </label>
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={draft.autoRenewal}
            onChange={(event) => {
              set('autoRenewal', event.target.checked);
            }}
          />
          {t('contractGovernance.form.autoRenewal')}
        </label>
        {draft.autoRenewal ? (
          <label>
            {renewalLabel}
            <input
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={draft.renewalMonths}
              {...invalidProps('renewalMonths')}
              onChange={(event) => {
                set('renewalMonths', event.target.value);
              }}
            />
            {errorText('renewalMonths', renewalLabel)}
          </label>
        ) : null}
        <label>
          {pricingLabel}
          <select
            value={draft.pricingModel}
            {...invalidProps('pricingModel')}
            onChange={(event) => {
              set('pricingModel', event.target.value);
            }}
          >
            <option value="">{t('contractGovernance.form.pricingModelNone')}</option>
            {pricingModels.map((model) => (
              <option key={model} value={model}>
                {t(`profile.pricingModels.${model}`)}
              </option>
            ))}
          </select>
          {errorText('pricingModel', pricingLabel)}
        </label>
        {textField('annualValue', t('contractGovernance.form.annualValue', { currency }), true)}
        {textField('monthlyCharges', t('contractTerms.monthlyCharges', { currency }), true)}
        {textField('atRiskPercent', t('contractTerms.atRiskPercent'), true)}
      </div>
      <fieldset className="exit-checklist">
        <legend>{t('contractGovernance.exitProvisions')}</legend>
        {exitProvisionKeys.map((key) => (
          <label key={key} className="checkbox-label">
            <input
              type="checkbox"
              checked={draft.exitProvisions[key]}
              onChange={(event) => {
                set('exitProvisions', { ...draft.exitProvisions, [key]: event.target.checked });
              }}
            />
            {t(`profile.exitProvisions.${key}`)}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** Lists the warnings of a valid form as sentences; they do not stop the save. */
export function ContractFormWarnings({ warnings }: { readonly warnings: readonly ContractFormWarning[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <>
      {warnings.map((warning) => (
        <p key={warning} className="alert warning" role="status">
          {warning === 'atRiskHigh' ? t('contractTerms.atRiskHigh') : t('contractGovernance.noticeLongerThanTerm')}
        </p>
      ))}
    </>
  );
}

/** Moves focus to the first invalid field of `form` each time `attempt` grows, so a failed submit lands on what to fix. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, attempt: number): void {
  useEffect(() => {
    if (attempt === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [form, attempt]);
}
