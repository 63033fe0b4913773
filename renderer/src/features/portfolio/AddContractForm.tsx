import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { checkContractForm } from '@shared/forms/contract';
import type { ContractFormErrorKey, ContractFormField } from '@shared/forms/contract';
import { FormActions } from '../../components/FormActions';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { contractFormInput, emptyContractDraft } from './contractDraft';
import { ContractFormFields, ContractFormWarnings, useFocusFirstInvalid } from './ContractFormFields';
import { usePortfolioDb } from './portfolioContext';
import { addContract } from './providerEdits';
import { decimalSeparatorOf } from './serviceLevelInput';

const decimalSeparator = decimalSeparatorOf(userLocale);

/**
 * Button and form that add a contract to the provider: a title and a currency, and optionally its
 * term, notice, renewal, pricing model, value, charges and exit provisions, so that its service
 * levels can be linked to it and carry credits.
 */
export function AddContractForm({ providerId }: { readonly providerId: Id }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(emptyContractDraft);
  const [errors, setErrors] = useState<Partial<Record<ContractFormField, ContractFormErrorKey>>>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusFirstInvalid(formRef, attempt);

  if (!open) {
    return (
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => {
            setOpen(true);
          }}
        >
          {t('contractTerms.addContract')}
        </button>
      </div>
    );
  }

  const check = checkContractForm(contractFormInput(draft, decimalSeparator));

  const submit = async () => {
    setFailure(null);
    if (!check.ok) {
      setErrors(check.errors);
      setAttempt((count) => count + 1);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      // NOTE: adding a contract is not undoable, because undoing a creation deletes the record without
      // checking what refers to it. The app never deletes a contract otherwise, and writes that are not
      // on the undo stack (escalation rules, measurement imports) can refer to a new contract at once.
      await addContract(db, providerId, check.value, await getDeviceContext());
      setOpen(false);
      setDraft(emptyContractDraft);
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Adding a contract to provider ${providerId} failed`)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      aria-label={t('contractTerms.addContract')}
      data-testid="add-contract-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="plain-fieldset" disabled={busy}>
        <ContractFormFields formId={formId} draft={draft} onChange={setDraft} errors={errors} decimalSeparator={decimalSeparator} />
      </fieldset>
      <p className="muted">{t('contractGovernance.addHint')}</p>
      {check.ok ? <ContractFormWarnings warnings={check.warnings} /> : null}
      <FormActions
        busy={busy}
        failure={failure}
        submitLabel={t('contractTerms.add')}
        busyLabel={t('contractTerms.saving')}
        cancelLabel={t('contractTerms.cancel')}
        onCancel={() => {
          setOpen(false);
          setErrors({});
        }}
      />
    </form>
  );
}
