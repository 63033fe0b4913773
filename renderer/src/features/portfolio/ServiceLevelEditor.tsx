import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id, KpiDefinition, ServiceLevel } from '@shared/domain/types';
import { checkServiceLevelTerms } from '@shared/kpi/serviceLevelSchema';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { levelIssueMessage } from './editMessages';
import { usePortfolioDb } from './portfolioContext';
import { saveServiceLevel } from './providerEdits';
import { checkServiceLevel, decimalSeparatorOf, levelInputText } from './serviceLevelInput';
import type { LevelField, LevelInput, LevelIssue } from './serviceLevelInput';
import { ServiceLevelTerms } from './ServiceLevelTermsEditor';
import { termsFieldLabel } from './serviceTermsText';

interface ServiceLevelEditorProps {
  readonly providerId: Id;
  readonly kpi: KpiDefinition;
  /** KPI name as the card shows it. */
  readonly kpiLabel: string;
  /** The level to edit, or `null` to add the provider's first level for this KPI. */
  readonly level: ServiceLevel | null;
}

const decimalSeparator = decimalSeparatorOf(userLocale);

/**
 * Editors of one provider's service level for one KPI: the expected and minimum levels, and,
 * once the level exists, a summary of its credit terms with the "Credit terms" form.
 */
export function ServiceLevelEditor(props: ServiceLevelEditorProps) {
  const db = usePortfolioDb();
  const contracts = useLiveQuery(() => db.contracts.where('providerId').equals(props.providerId).toArray(), [db, props.providerId]);
  return (
    <>
      <LevelForm {...props} />
      {props.level === null || contracts === undefined ? null : (
        <ServiceLevelTerms kpi={props.kpi} level={props.level} contracts={contracts} />
      )}
    </>
  );
}

/** Lists the fields of the stored credit terms that `levels` would make invalid. */
function termsConflicts(level: ServiceLevel, kpi: KpiDefinition, levels: Pick<ServiceLevel, 'expected' | 'minimum'>): string[] {
  const check = checkServiceLevelTerms(
    { ...level, expected: levels.expected, minimum: levels.minimum, creditRule: level.creditRule, glidePath: level.glidePath },
    // The link to a contract is not changed here, so it is accepted as stored.
    { kpi, contractIds: level.contractId === null ? [] : [level.contractId] },
  );
  return check.ok ? [] : check.issues.map((issue) => issue.field).filter((field) => field !== 'expected' && field !== 'minimum');
}

/**
 * Button and form that set the expected and minimum levels. Nothing is written until both values
 * pass `checkServiceLevel`. The card re-renders from the live query once the write is stored.
 */
function LevelForm({ providerId, kpi, kpiLabel, level }: ServiceLevelEditorProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const [draft, setDraft] = useState<LevelInput | null>(null);
  const [issues, setIssues] = useState<readonly LevelIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = () => {
    setIssues([]);
    setFailure(null);
    setDraft(
      level === null
        ? { expected: '', minimum: '' }
        : { expected: levelInputText(level.expected, decimalSeparator), minimum: levelInputText(level.minimum, decimalSeparator) },
    );
  };

  if (draft === null) {
    return (
      <div className="button-row">
        <button type="button" className="button" onClick={open}>
          {level === null ? t('provider.addLevel') : t('provider.editLevel')}
        </button>
      </div>
    );
  }

  const submit = async (input: LevelInput) => {
    const check = checkServiceLevel(kpi, input, decimalSeparator);
    setFailure(null);
    if (!check.ok) {
      setIssues(check.issues);
      return;
    }
    setIssues([]);
    // New levels must still fit the stored credit terms, such as a bonus level better than the expected level.
    const conflicts = level === null ? [] : termsConflicts(level, kpi, check);
    if (conflicts.length > 0) {
      setFailure(t('serviceTerms.levelsConflict', { fields: conflicts.map((field) => termsFieldLabel(t, field)).join(', ') }));
      return;
    }
    setBusy(true);
    try {
      await saveServiceLevel(db, { providerId, kpiId: kpi.id, level }, check, await getDeviceContext());
      setDraft(null);
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Saving the ${kpi.key} service level of provider ${providerId} failed`)));
    } finally {
      setBusy(false);
    }
  };

  const messagesId = `${formId}-messages`;
  const invalid = (field: LevelField) => issues.some((issue) => issue.field === field);
  const fieldInput = (field: LevelField, label: string) => (
    <label>
      {label}
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        autoFocus={field === 'expected'}
        value={draft[field]}
        aria-invalid={invalid(field)}
        aria-describedby={invalid(field) ? messagesId : undefined}
        onChange={(event) => {
          setDraft({ ...draft, [field]: event.target.value });
        }}
      />
    </label>
  );

  return (
    <form
      aria-label={t('provider.levelForm', { kpi: kpiLabel })}
      data-testid="service-level-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(draft);
      }}
    >
      <fieldset className="toolbar" disabled={busy}>
        {fieldInput('expected', t('provider.expectedLevel', { context: kpi.unit }))}
        {fieldInput('minimum', t('provider.minimumLevel', { context: kpi.unit }))}
      </fieldset>
      {issues.length > 0 || failure !== null ? (
        <div className="alert error" role="alert" id={messagesId}>
          {issues.map((issue) => (
            <p key={`${issue.field}-${issue.problem}`}>{levelIssueMessage(t, issue, userLocale, decimalSeparator)}</p>
          ))}
          {failure === null ? null : <p>{failure}</p>}
        </div>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('provider.saving') : t('provider.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setDraft(null);
          }}
        >
          {t('provider.cancel')}
        </button>
      </div>
    </form>
  );
}
