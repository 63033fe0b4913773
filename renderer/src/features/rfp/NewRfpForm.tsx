import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { getDeviceContext } from '../../db/catalogue';
import { listCriteriaTemplates } from '../../db/criteriaTemplates';
import { createRfpFromTemplate } from '../../db/rfp';
import { describeAppError } from '../../errorMessage';
import { translateDynamic } from '../../i18n/dynamic';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { checkNewRfp, dateFields, emptyNewRfpDraft, priceScoreMethods } from './newRfp';
import type { NewRfpDraft, NewRfpField, NewRfpProblem } from './newRfp';
import { TemplatePicker } from './TemplatePicker';
import { defaultTemplateValue, resolveTemplateChoice } from './templateChoice';

interface NewRfpFormProps {
  readonly onCancel: () => void;
  readonly onCreated: (rfpId: Id) => void;
}

/**
 * Form that creates an RFP from a criteria template (the built-in BPO one or one the user saved)
 * with its title, scope, currency, term, price method and key dates.
 */
export function NewRfpForm({ onCancel, onCreated }: NewRfpFormProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const [draft, setDraft] = useState<NewRfpDraft>(emptyNewRfpDraft);
  const [problems, setProblems] = useState<readonly NewRfpProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const saved = useLiveQuery(() => listCriteriaTemplates(), []);
  const [templateValue, setTemplateValue] = useState(defaultTemplateValue);
  const chosen = resolveTemplateChoice(templateValue, saved ?? []);

  const set = (field: keyof NewRfpDraft, value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
  };
  const problemOf = (field: NewRfpField) => problems.find((problem) => problem.field === field);
  const fieldProps = (field: NewRfpField) => {
    const problem = problemOf(field);
    return {
      id: `${formId}-${field}`,
      'aria-invalid': problem !== undefined,
      'aria-describedby': problem === undefined ? undefined : `${formId}-${field}-error`,
    };
  };
  const fieldError = (field: NewRfpField) => {
    const problem = problemOf(field);
    return problem === undefined ? null : (
      <span className="field-error" id={`${formId}-${field}-error`}>
        {t(`rfp.new.errors.${problem.key}`)}
      </span>
    );
  };

  const submit = async () => {
    const check = checkNewRfp(draft);
    setProblems(check.ok ? [] : check.problems);
    if (!check.ok) return;
    if (chosen === null) {
      setFailure(t('rfp.templates.missing'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      // Only built-in templates have translated texts; a saved template is copied exactly as saved.
      const translate = (key: string, english: string) => translateDynamic(t, key, { defaultValue: english });
      const input = { ...check.values, template: chosen.template, ...(chosen.builtIn ? { translate } : {}) };
      const event = await createRfpFromTemplate(db, input, await getDeviceContext());
      onCreated(event.id);
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Creating an RFP from the criteria template "${chosen.template.key}" failed`)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel rfp-form"
      aria-labelledby={`${formId}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${formId}-title`}>{t('rfp.new.title')}</h2>
      <TemplatePicker saved={saved} value={templateValue} onChange={setTemplateValue} disabled={busy} />
      <p className="muted">{t('rfp.new.template', { template: chosen?.template.title ?? '' })}</p>
      <fieldset disabled={busy} className="form-grid">
        <label>
          {t('rfp.new.titleLabel')}
          <input
            type="text"
            value={draft.title}
            {...fieldProps('title')}
            onChange={(event) => {
              set('title', event.target.value);
            }}
          />
          {fieldError('title')}
        </label>
        <label>
          {t('rfp.new.scopeLabel')}
          <textarea
            rows={3}
            value={draft.scope}
            {...fieldProps('scope')}
            onChange={(event) => {
              set('scope', event.target.value);
            }}
          />
          {fieldError('scope')}
        </label>
        <label>
          {t('rfp.new.currencyLabel')}
          <input
            type="text"
            size={4}
            value={draft.baseCurrency}
            {...fieldProps('baseCurrency')}
            onChange={(event) => {
              set('baseCurrency', event.target.value);
            }}
          />
          {fieldError('baseCurrency')}
        </label>
        <label>
          {t('rfp.new.termLabel')}
          <input
            type="text"
            inputMode="numeric"
            size={4}
            value={draft.termMonths}
            {...fieldProps('termMonths')}
            onChange={(event) => {
              set('termMonths', event.target.value);
            }}
          />
          {fieldError('termMonths')}
        </label>
        <label>
          {t('rfp.new.methodLabel')}
          <select
            value={draft.priceScoreMethod}
            onChange={(event) => {
              set('priceScoreMethod', event.target.value);
            }}
          >
            {priceScoreMethods.map((method) => (
              <option key={method} value={method}>
                {t(`rfp.new.methods.${method}`)}
              </option>
            ))}
          </select>
        </label>
        {dateFields.map((field) => (
          <label key={field}>
            {t(`rfp.new.${field}Label`)}
            <input
              type="date"
              value={draft[field]}
              {...fieldProps(field)}
              onChange={(event) => {
                set(field, event.target.value);
              }}
            />
            {fieldError(field)}
          </label>
        ))}
      </fieldset>
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {t('rfp.new.create')}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          {t('rfp.new.cancel')}
        </button>
      </div>
    </form>
  );
}
