import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '@shared/domain/types';
import { atRiskAmountMinor } from '@shared/kpi/creditsAmounts';
import { checkContractTerms } from '@shared/kpi/serviceLevelSchema';
import type { ContractTermsIssue } from '@shared/kpi/serviceLevelSchema';
import { minorUnitDigits } from '@shared/rfp/money';
import { FormActions } from '../../components/FormActions';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { formatMoneyMinor } from '../rfp/money';
import { usePortfolioDb } from './portfolioContext';
import { saveContractTerms } from './providerEdits';
import { recordUndoable } from '../undo/recordUndoable';
import { decimalSeparatorOf, levelInputText } from './serviceLevelInput';
import { numberInput } from './serviceTermsDraft';

const decimalSeparator = decimalSeparatorOf(userLocale);

/** Writes an amount in minor units as major units for an input, exactly: 123456 GBP is `1234.56`. */
export function minorToMajorText(amountMinor: number, currency: string, separator: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(amountMinor);
  const sign = amountMinor < 0 ? '-' : '';
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}${separator}${text.slice(-digits)}`;
}

interface ContractTermsFormProps {
  readonly contract: Contract;
  readonly onClose: () => void;
}

/**
 * Form for a contract's monthly charges (in major units of its currency) and the share at risk.
 * It shows the at-risk amount, which is also the monthly cap of service credits, as the user types.
 */
export function ContractTermsForm({ contract, onClose }: ContractTermsFormProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const [charges, setCharges] = useState(
    contract.monthlyChargesMinor === null ? '' : minorToMajorText(contract.monthlyChargesMinor, contract.currency, decimalSeparator),
  );
  const [atRisk, setAtRisk] = useState(contract.atRiskPercent === null ? '' : levelInputText(contract.atRiskPercent, decimalSeparator));
  const [issues, setIssues] = useState<readonly ContractTermsIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = checkContractTerms(
    { monthlyCharges: numberInput(charges, decimalSeparator), atRiskPercent: numberInput(atRisk, decimalSeparator) },
    contract.currency,
  );
  const cap =
    check.ok && check.value.monthlyChargesMinor !== null && check.value.atRiskPercent !== null
      ? atRiskAmountMinor(check.value.monthlyChargesMinor, check.value.atRiskPercent)
      : null;

  const submit = async () => {
    setFailure(null);
    if (!check.ok) {
      setIssues(check.issues);
      return;
    }
    setIssues([]);
    setBusy(true);
    try {
      const label = t('undo.label.contractTerms', { title: contract.title });
      await recordUndoable(db, label, await getDeviceContext(), (context) => saveContractTerms(db, contract.id, check.value, context));
      onClose();
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Saving the charges of contract ${contract.id} failed`)));
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: ContractTermsIssue['field']) => issues.find((issue) => issue.field === field);
  const field = (name: ContractTermsIssue['field'], label: string, value: string, onChange: (text: string) => void) => {
    const issue = errorOf(name);
    const errorId = `${formId}-${name}`;
    return (
      <label>
        {label}
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          aria-invalid={issue !== undefined}
          aria-describedby={issue === undefined ? undefined : errorId}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
        {issue === undefined ? null : (
          <span className="field-error" id={errorId}>
            {t(`contractTerms.problems.${issue.field === 'monthlyCharges' && issue.problem === 'notNumber' ? 'notAmount' : issue.problem}`, {
              field: label,
              decimal: decimalSeparator,
              digits: minorUnitDigits(contract.currency),
              currency: contract.currency,
            })}
          </span>
        )}
      </label>
    );
  };

  return (
    <form
      aria-label={t('contractTerms.formLabel', { title: contract.title })}
      data-testid="contract-terms-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="form-grid" disabled={busy}>
        {field('monthlyCharges', t('contractTerms.monthlyCharges', { currency: contract.currency }), charges, setCharges)}
        {field('atRiskPercent', t('contractTerms.atRiskPercent'), atRisk, setAtRisk)}
      </fieldset>
      <p data-testid="at-risk-amount">
        {cap === null
          ? t('contractTerms.capUnknown')
          : t('contractTerms.cap', { amount: formatMoneyMinor(cap, contract.currency, userLocale) })}
      </p>
      {check.ok && check.warnings.includes('atRiskHigh') ? (
        <p className="alert warning" role="status">
          {t('contractTerms.atRiskHigh')}
        </p>
      ) : null}
      <FormActions
        busy={busy}
        failure={failure}
        submitLabel={t('contractTerms.save')}
        busyLabel={t('contractTerms.saving')}
        cancelLabel={t('contractTerms.cancel')}
        onCancel={onClose}
      />
    </form>
  );
}
