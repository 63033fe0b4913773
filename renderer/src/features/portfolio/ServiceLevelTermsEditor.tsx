import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract, KpiDefinition, ServiceLevel } from '@shared/domain/types';
import { checkServiceLevelTerms } from '@shared/kpi/serviceLevelSchema';
import type { TermsIssue } from '@shared/kpi/serviceLevelSchema';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from './portfolioContext';
import { saveServiceLevelTerms } from './providerEdits';
import { recordUndoable } from '../undo/recordUndoable';
import { kpiName } from '../kpi/kpiName';
import { decimalSeparatorOf } from './serviceLevelInput';
import { draftFromLevel, termsInput, withNextGlideStep } from './serviceTermsDraft';
import type { CreditRuleKind, TermsDraft } from './serviceTermsDraft';
import { termsIssueMessage, termsSummary } from './serviceTermsText';
import './serviceTerms.css';

const decimalSeparator = decimalSeparatorOf(userLocale);

interface TermsProps {
  readonly kpi: KpiDefinition;
  readonly level: ServiceLevel;
  /** The provider's contracts, which the level may be linked to. */
  readonly contracts: readonly Contract[];
}

/** One-line summary of a level's credit terms and a "Credit terms" expander with the form that edits them. */
export function ServiceLevelTerms({ kpi, level, contracts }: TermsProps) {
  const { t } = useTranslation();
  return (
    <div data-testid="service-terms">
      <p className="muted" data-testid="terms-summary">
        {termsSummary(t, level, kpi.unit, userLocale)}
      </p>
      <details className="terms-details">
        <summary>{t('serviceTerms.expander')}</summary>
        {/* A new clock means the stored terms changed, so the form starts again from them. */}
        <TermsForm key={level.clock} kpi={kpi} level={level} contracts={contracts} />
      </details>
    </div>
  );
}

/** Unit after a result field's label, such as " (%)". */
function unitSuffix(t: TFunction, kpi: KpiDefinition): string {
  const suffixes = {
    percent: t('serviceTerms.unit_percent'),
    seconds: t('serviceTerms.unit_seconds'),
    number: t('serviceTerms.unit_number'),
  };
  return suffixes[kpi.unit];
}

function TermsForm({ kpi, level, contracts }: TermsProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const [draft, setDraft] = useState<TermsDraft>(() => draftFromLevel(level, decimalSeparator));
  const [issues, setIssues] = useState<readonly TermsIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const update = (patch: Partial<TermsDraft>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };
  const errorOf = (field: string) => issues.find((issue) => issue.field === field);
  const errorId = (field: string) => `${formId}-${field.replaceAll('.', '-')}`;
  const fieldError = (field: string): ReactNode => {
    const issue = errorOf(field);
    return issue === undefined ? null : (
      <span className="field-error" id={errorId(field)}>
        {termsIssueMessage(t, issue, kpi.direction, decimalSeparator)}
      </span>
    );
  };
  const textField = (
    field: string,
    label: string,
    value: string,
    onChange: (text: string) => void,
    inputMode: 'decimal' | 'numeric' = 'decimal',
  ) => (
    <label>
      {label}
      <input
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        value={value}
        aria-invalid={errorOf(field) !== undefined}
        aria-describedby={errorOf(field) === undefined ? undefined : errorId(field)}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      {fieldError(field)}
    </label>
  );

  const submit = async () => {
    setFailure(null);
    const check = checkServiceLevelTerms(termsInput(draft, level, decimalSeparator), {
      kpi,
      contractIds: contracts.map((contract) => contract.id),
    });
    if (!check.ok) {
      setIssues(check.issues);
      return;
    }
    setIssues([]);
    setBusy(true);
    try {
      const label = t('undo.label.serviceLevelTerms', { kpi: kpiName(t, kpi) });
      await recordUndoable(db, label, await getDeviceContext(), (context) => saveServiceLevelTerms(db, level.id, check.value, context));
      setSaved(true);
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Saving the credit terms of service level ${level.id} failed`)));
    } finally {
      setBusy(false);
    }
  };

  const unit = unitSuffix(t, kpi);
  const ruleKinds: readonly CreditRuleKind[] = ['fixed', 'proportional', 'tiered'];
  const ruleLabels: Readonly<Record<CreditRuleKind, string>> = {
    fixed: t('serviceTerms.rule.fixed'),
    proportional: t('serviceTerms.rule.proportional'),
    tiered: t('serviceTerms.rule.tiered'),
  };

  return (
    <form
      aria-label={t('serviceTerms.formLabel')}
      data-testid="service-terms-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="form-grid" disabled={busy}>
        <label>
          {t('serviceTerms.fields.contractId')}
          <select
            value={draft.contractId}
            aria-invalid={errorOf('contractId') !== undefined}
            aria-describedby={errorOf('contractId') === undefined ? undefined : errorId('contractId')}
            onChange={(event) => {
              update({ contractId: event.target.value });
            }}
          >
            <option value="">{t('serviceTerms.noContract')}</option>
            {contracts.map((contract) => (
              <option key={contract.id} value={contract.id}>
                {contract.title}
              </option>
            ))}
          </select>
          {fieldError('contractId')}
        </label>
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={draft.critical}
            onChange={(event) => {
              update({ critical: event.target.checked });
            }}
          />
          {t('serviceTerms.fields.critical')}
        </label>
        {textField('allocationPercent', t('serviceTerms.fields.allocationPercent'), draft.allocationPercent, (text) => {
          update({ allocationPercent: text });
        })}
        <label>
          {t('serviceTerms.fields.creditRule')}
          <select
            value={draft.ruleKind}
            onChange={(event) => {
              const kind = ruleKinds.find((candidate) => candidate === event.target.value) ?? 'fixed';
              update({
                ruleKind: kind,
                tiers: kind === 'tiered' && draft.tiers.length === 0 ? [{ worseThan: '', percentOfAllocation: '' }] : draft.tiers,
              });
            }}
          >
            {ruleKinds.map((kind) => (
              <option key={kind} value={kind}>
                {ruleLabels[kind]}
              </option>
            ))}
          </select>
        </label>
        {draft.ruleKind === 'proportional'
          ? textField(
              'creditRule.fullCreditAt',
              `${t('serviceTerms.fields.creditRule_fullCreditAt')}${unit}`,
              draft.fullCreditAt,
              (text) => {
                update({ fullCreditAt: text });
              },
            )
          : null}
        {textField(
          'earnBackMonths',
          t('serviceTerms.fields.earnBackMonths'),
          draft.earnBackMonths,
          (text) => {
            update({ earnBackMonths: text });
          },
          'numeric',
        )}
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={draft.bonusEnabled}
            onChange={(event) => {
              update({ bonusEnabled: event.target.checked });
            }}
          />
          {t('serviceTerms.fields.bonus')}
        </label>
        {draft.bonusEnabled ? (
          <>
            {textField('bonus.level', `${t('serviceTerms.fields.bonus_level')}${unit}`, draft.bonusLevel, (text) => {
              update({ bonusLevel: text });
            })}
            {textField('bonus.percentOfAllocation', t('serviceTerms.fields.bonus_percentOfAllocation'), draft.bonusPercent, (text) => {
              update({ bonusPercent: text });
            })}
          </>
        ) : null}
        <label>
          {t('serviceTerms.fields.goLive')}
          <input
            type="month"
            value={draft.goLive}
            aria-invalid={errorOf('goLive') !== undefined}
            aria-describedby={errorOf('goLive') === undefined ? undefined : errorId('goLive')}
            onChange={(event) => {
              update({ goLive: event.target.value });
            }}
          />
          {fieldError('goLive')}
        </label>
      </fieldset>
      {draft.ruleKind === 'tiered' ? (
        <TierRows draft={draft} update={update} unit={unit} textField={textField} fieldError={fieldError} />
      ) : null}
      <GlideRows draft={draft} level={level} update={update} textField={textField} fieldError={fieldError} busy={busy} />
      <p className="muted">{t('serviceTerms.hint')}</p>
      {failure === null ? null : (
        <p className="alert error" role="alert">
          {failure}
        </p>
      )}
      {issues.length > 0 ? (
        <p className="alert error" role="alert">
          {t('serviceTerms.notSaved', { count: issues.length })}
        </p>
      ) : null}
      {saved ? (
        <p className="alert success" role="status">
          {t('serviceTerms.saved')}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('serviceTerms.saving') : t('serviceTerms.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setDraft(draftFromLevel(level, decimalSeparator));
            setIssues([]);
            setFailure(null);
            setSaved(false);
          }}
        >
          {t('serviceTerms.reset')}
        </button>
      </div>
    </form>
  );
}

type TextField = (
  field: string,
  label: string,
  value: string,
  onChange: (text: string) => void,
  inputMode?: 'decimal' | 'numeric',
) => ReactNode;

interface RowsProps {
  readonly draft: TermsDraft;
  readonly update: (patch: Partial<TermsDraft>) => void;
  readonly textField: TextField;
  readonly fieldError: (field: string) => ReactNode;
}

function TierRows({ draft, update, unit, textField, fieldError }: RowsProps & { readonly unit: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="terms-rows">
      <legend>{t('serviceTerms.tiers')}</legend>
      <p className="muted">{t('serviceTerms.tiersHint')}</p>
      {fieldError('creditRule.tiers')}
      {draft.tiers.map((tier, index) => {
        const setTier = (patch: Partial<typeof tier>) => {
          update({ tiers: draft.tiers.map((candidate, at) => (at === index ? { ...candidate, ...patch } : candidate)) });
        };
        const number = index + 1;
        return (
          // Rows have no identity of their own; index keys are right because rows are only appended or removed.
          <div className="toolbar" key={index}>
            {textField(
              `creditRule.tiers.${index}.worseThan`,
              `${t('serviceTerms.fields.tier_worseThan', { number })}${unit}`,
              tier.worseThan,
              (text) => {
                setTier({ worseThan: text });
              },
            )}
            {textField(
              `creditRule.tiers.${index}.percentOfAllocation`,
              t('serviceTerms.fields.tier_percentOfAllocation', { number }),
              tier.percentOfAllocation,
              (text) => {
                setTier({ percentOfAllocation: text });
              },
            )}
            <button
              type="button"
              className="button"
              onClick={() => {
                update({ tiers: draft.tiers.filter((_, at) => at !== index) });
              }}
            >
              {t('serviceTerms.removeTier', { number })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="button"
        onClick={() => {
          update({ tiers: [...draft.tiers, { worseThan: '', percentOfAllocation: '' }] });
        }}
      >
        {t('serviceTerms.addTier')}
      </button>
    </fieldset>
  );
}

function GlideRows({
  draft,
  level,
  update,
  textField,
  fieldError,
  busy,
}: RowsProps & { readonly level: ServiceLevel; readonly busy: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="terms-rows" disabled={busy}>
      <legend>{t('serviceTerms.glidePath')}</legend>
      <p className="muted">{t('serviceTerms.glideHint')}</p>
      {draft.glidePath.map((step, index) => {
        const setStep = (patch: Partial<typeof step>) => {
          update({ glidePath: draft.glidePath.map((candidate, at) => (at === index ? { ...candidate, ...patch } : candidate)) });
        };
        const number = index + 1;
        return (
          // Rows have no identity of their own; index keys are right because rows are only appended or removed.
          <div className="toolbar" key={index}>
            {textField(
              `glidePath.${index}.month`,
              t('serviceTerms.fields.step_month', { number }),
              step.month,
              (text) => {
                setStep({ month: text });
              },
              'numeric',
            )}
            {textField(`glidePath.${index}.expected`, t('serviceTerms.fields.step_expected', { number }), step.expected, (text) => {
              setStep({ expected: text });
            })}
            {textField(`glidePath.${index}.minimum`, t('serviceTerms.fields.step_minimum', { number }), step.minimum, (text) => {
              setStep({ minimum: text });
            })}
            <button
              type="button"
              className="button"
              onClick={() => {
                update({ glidePath: draft.glidePath.filter((_, at) => at !== index) });
              }}
            >
              {t('serviceTerms.removeStep', { number })}
            </button>
          </div>
        );
      })}
      {fieldError('glidePath')}
      <button
        type="button"
        className="button"
        onClick={() => {
          update(withNextGlideStep(draft, level, decimalSeparator));
        }}
      >
        {t('serviceTerms.addStep')}
      </button>
    </fieldset>
  );
}
