/**
 * Add and edit form of a risk. A new risk may start from a BPO preset. The zod schema in
 * `shared/forms/risk.ts` checks every field on submit, and errors show at their fields.
 */
import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Risk } from '@shared/domain/governance';
import type { Id, Provider } from '@shared/domain/types';
import { firstInvalidField, parseRiskForm, riskCategories, riskStatuses, riskTextLimits } from '@shared/forms/risk';
import type { RiskFormErrors, RiskFormField, RiskFormInput } from '@shared/forms/risk';
import { ratingOfScore } from '@shared/governance/riskMatrix';
import { riskFromPreset, riskPresets } from '@shared/governance/riskPresets';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { translateDynamic } from '../../i18n/dynamic';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { FieldError, focusFirstInvalid } from '../../components/FieldError';
import { recordUndoable } from '../undo/recordUndoable';
import { saveLabel } from '../undo/saveLabel';
import { addRisk, saveRisk } from './riskWrites';

/** Attributes that tie a control to its label, hint and error. */
interface FieldAttributes {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string | undefined;
}

export const blankRiskInput: RiskFormInput = {
  providerId: '',
  title: '',
  category: 'other',
  description: '',
  likelihood: '',
  impact: '',
  owner: '',
  mitigation: '',
  status: 'open',
  reviewDate: '',
};

interface RiskFormProps {
  readonly initial: RiskFormInput;
  /** Risk being edited, or `null` to add one. */
  readonly riskId: Id | null;
  readonly providers: readonly Pick<Provider, 'id' | 'name'>[];
  readonly onSaved: (risk: Risk) => void;
  readonly onCancel: () => void;
  /** Whether a new risk's form opens with focus on its preset choice, as when the user asked for a preset. */
  readonly focusPreset?: boolean;
}

/** Score and rating of the typed likelihood and impact, or `null` while either is not a score. */
function previewScore(input: RiskFormInput): number | null {
  const likelihood = input.likelihood.trim();
  const impact = input.impact.trim();
  if (!/^[1-5]$/.test(likelihood) || !/^[1-5]$/.test(impact)) return null;
  return Number(likelihood) * Number(impact);
}

export function RiskForm({ initial, riskId, providers, onSaved, onCancel, focusPreset = false }: RiskFormProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [input, setInput] = useState<RiskFormInput>(initial);
  const [preset, setPreset] = useState('');
  const [errors, setErrors] = useState<RiskFormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: RiskFormField, value: string) => {
    setInput((current) => ({ ...current, [field]: value }));
  };

  const applyPreset = (key: string) => {
    setPreset(key);
    const chosen = riskPresets.find((candidate) => candidate.key === key);
    if (chosen === undefined) return;
    const filled = riskFromPreset(chosen, (textKey) => translateDynamic(t, textKey));
    setInput((current) => ({
      ...current,
      ...filled,
      likelihood: String(filled.likelihood),
      impact: String(filled.impact),
    }));
    setErrors({});
  };

  const submit = async () => {
    setFailure(null);
    const result = parseRiskForm(input, new Set(providers.map((provider) => provider.id)));
    if (!result.ok) {
      setErrors(result.errors);
      if (firstInvalidField(result.errors) !== null) focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const label = saveLabel(riskId === null ? null : initial.title.trim(), result.value.title, {
        add: (title) => t('undo.label.addRisk', { title }),
        edit: (title) => t('undo.label.risk', { title }),
        rename: (from, to) => t('undo.label.renameRisk', { from, to }),
      });
      const saved = await recordUndoable(db, label, await getDeviceContext(), (context) =>
        riskId === null ? addRisk(db, result.value, context) : saveRisk(db, riskId, result.value, context),
      );
      onSaved(saved);
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Saving risk ${riskId ?? '(new)'} failed`)));
    } finally {
      setBusy(false);
    }
  };

  const errorText = (field: RiskFormField): string | undefined => {
    const key = errors[field];
    if (key === undefined) return undefined;
    const max = field in riskTextLimits ? riskTextLimits[field as keyof typeof riskTextLimits] : 0;
    return t(key, { max, value: input[field].trim() });
  };

  /** Lays out one field: its label, the control, an optional hint and the error, with the hint and error outside the label so the label alone names the field. */
  const labelled = (field: RiskFormField, label: string, control: (attributes: FieldAttributes) => ReactNode, hint?: string) => {
    const problem = errorText(field);
    const controlId = `${formId}-${field}`;
    const errorId = `${controlId}-error`;
    const hintId = `${controlId}-hint`;
    const describedBy = [hint === undefined ? null : hintId, problem === undefined ? null : errorId].filter((id) => id !== null).join(' ');
    return (
      <div className={field === 'description' || field === 'mitigation' ? 'risk-field risk-form-wide' : 'risk-field'}>
        <label htmlFor={controlId}>{label}</label>
        {control({
          id: controlId,
          'aria-invalid': problem !== undefined,
          'aria-describedby': describedBy === '' ? undefined : describedBy,
        })}
        {hint === undefined ? null : (
          <span className="muted" id={hintId}>
            {hint}
          </span>
        )}
        <FieldError id={errorId} problem={problem} />
      </div>
    );
  };

  const textField = (field: RiskFormField, label: string, options: { inputMode?: 'numeric'; hint?: string; type?: 'date' } = {}) =>
    labelled(
      field,
      label,
      (attributes) => (
        <input
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          autoComplete="off"
          name={field}
          value={input[field]}
          {...attributes}
          onChange={(event) => {
            set(field, event.target.value);
          }}
        />
      ),
      options.hint,
    );

  const score = previewScore(input);
  const title = riskId === null ? t('risks.form.newTitle') : t('risks.form.editTitle', { title: initial.title });

  let submitLabel: string = riskId === null ? t('risks.form.create') : t('risks.form.save');
  if (busy) submitLabel = t('risks.form.saving');

  return (
    <form
      ref={formRef}
      className="panel risk-form"
      aria-label={title}
      data-testid="risk-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>{title}</h2>
      {riskId === null ? (
        <div className="toolbar">
          <div className="risk-field">
            <label htmlFor={`${formId}-preset`}>{t('risks.form.preset')}</label>
            <select
              id={`${formId}-preset`}
              aria-describedby={`${formId}-preset-hint`}
              // The user opened the form to pick a preset, so focus moves to the choice they asked for.
              autoFocus={focusPreset}
              value={preset}
              onChange={(event) => {
                applyPreset(event.target.value);
              }}
            >
              <option value="">{t('risks.form.presetBlank')}</option>
              {riskPresets.map((candidate) => (
                <option key={candidate.key} value={candidate.key}>
                  {t(`profile.riskCategories.${candidate.key}`)}
                </option>
              ))}
            </select>
          </div>
          <span className="muted" id={`${formId}-preset-hint`}>
            {t('risks.form.presetHint')}
          </span>
        </div>
      ) : null}
      <fieldset className="form-grid risk-form-grid" disabled={busy}>
        {textField('title', t('risks.form.title'))}
        {labelled('category', t('risks.form.category'), (attributes) => (
          <select
            name="category"
            value={input.category}
            {...attributes}
            onChange={(event) => {
              set('category', event.target.value);
            }}
          >
            {riskCategories.map((category) => (
              <option key={category} value={category}>
                {t(`profile.riskCategories.${category}`)}
              </option>
            ))}
          </select>
        ))}
        {labelled('providerId', t('risks.form.provider'), (attributes) => (
          <select
            name="providerId"
            value={input.providerId}
            {...attributes}
            onChange={(event) => {
              set('providerId', event.target.value);
            }}
          >
            <option value="">{t('risks.portfolioWide')}</option>
            {providers.map((provider) => (
              <option key={provider.id} value={provider.id}>
                {provider.name}
              </option>
            ))}
          </select>
        ))}
        {textField('likelihood', t('risks.form.likelihood'), { inputMode: 'numeric', hint: t('risks.form.scoreHint') })}
        {textField('impact', t('risks.form.impact'), { inputMode: 'numeric' })}
        {labelled('status', t('risks.form.status'), (attributes) => (
          <select
            name="status"
            value={input.status}
            {...attributes}
            onChange={(event) => {
              set('status', event.target.value);
            }}
          >
            {riskStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`profile.riskStatuses.${status}`)}
              </option>
            ))}
          </select>
        ))}
        {textField('owner', t('risks.form.owner'))}
        {textField('reviewDate', t('risks.form.reviewDate'), { type: 'date' })}
        {labelled('description', t('risks.form.description'), (attributes) => (
          <textarea
            name="description"
            rows={3}
            value={input.description}
            {...attributes}
            onChange={(event) => {
              set('description', event.target.value);
            }}
          />
        ))}
        {labelled('mitigation', t('risks.form.mitigation'), (attributes) => (
          <textarea
            name="mitigation"
            rows={3}
            value={input.mitigation}
            {...attributes}
            onChange={(event) => {
              set('mitigation', event.target.value);
            }}
          />
        ))}
      </fieldset>
      <p data-testid="risk-score-preview" aria-live="polite">
        {score === null
          ? t('risks.form.previewUnknown')
          : t('risks.form.preview', { score, rating: t(`governance.riskRating.${ratingOfScore(score)}`) })}
      </p>
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {t('risks.form.saveFailed')} {failure}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {t('risks.form.cancel')}
        </button>
      </div>
    </form>
  );
}
