import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { isCurrencyCode } from '@shared/rfp/money';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from './portfolioContext';
import { addContract } from './providerEdits';

/** Maximum contract title length, in UTF-16 code units. */
const maxTitleLength = 200;

type AddProblem = 'titleEmpty' | 'titleTooLong' | 'currencyInvalid';

/**
 * Button and form that add a contract with a title and a currency to the provider, so that its
 * service levels can be linked to it and carry credits. Dates and value are left unset.
 */
export function AddContractForm({ providerId }: { readonly providerId: Id }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [currency, setCurrency] = useState('GBP');
  const [problems, setProblems] = useState<Partial<Record<'title' | 'currency', AddProblem>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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

  const submit = async () => {
    const trimmedTitle = title.trim();
    const code = currency.trim().toUpperCase();
    const found: Partial<Record<'title' | 'currency', AddProblem>> = {};
    if (trimmedTitle === '') found.title = 'titleEmpty';
    else if (trimmedTitle.length > maxTitleLength) found.title = 'titleTooLong';
    if (!isCurrencyCode(code)) found.currency = 'currencyInvalid';
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;

    setBusy(true);
    try {
      await addContract(db, providerId, { title: trimmedTitle, currency: code }, await getDeviceContext());
      setOpen(false);
      setTitle('');
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Adding a contract to provider ${providerId} failed`)));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: 'title' | 'currency', label: string, value: string, onChange: (text: string) => void) => {
    const problem = problems[name];
    return (
      <label>
        {label}
        <input
          type="text"
          autoComplete="off"
          value={value}
          aria-invalid={problem !== undefined}
          aria-describedby={problem === undefined ? undefined : `${formId}-${name}`}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
        {problem === undefined ? null : (
          <span className="field-error" id={`${formId}-${name}`}>
            {t(`contractTerms.problems.${problem}`, { max: maxTitleLength, value: value.trim() })}
          </span>
        )}
      </label>
    );
  };

  return (
    <form
      aria-label={t('contractTerms.addContract')}
      data-testid="add-contract-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="form-grid" disabled={busy}>
        {field('title', t('contractTerms.title'), title, setTitle)}
        {field('currency', t('contractTerms.currency'), currency, setCurrency)}
      </fieldset>
      <p className="muted">{t('contractTerms.addHint')}</p>
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('contractTerms.saving') : t('contractTerms.add')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setOpen(false);
            setProblems({});
          }}
        >
          {t('contractTerms.cancel')}
        </button>
      </div>
    </form>
  );
}
