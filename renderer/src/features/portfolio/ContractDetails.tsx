import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingCadence } from '@shared/domain/governance';
import type { CalendarDate, Contract, KpiDefinition, ServiceLevel } from '@shared/domain/types';
import { checkContractForm } from '@shared/forms/contract';
import type { ContractFormErrorKey, ContractFormField } from '@shared/forms/contract';
import { CalendarDateText } from '../../components/CalendarDateText';
import { FormActions } from '../../components/FormActions';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { RecordHistory } from '../audit/RecordHistory';
import { formatCalendarDate } from '../escalations/escalationView';
import { kpiName } from '../kpi/kpiName';
import { recordUndoable } from '../undo/recordUndoable';
import { contractFormInput, draftOfContract } from './contractDraft';
import { ContractFormFields, ContractFormWarnings, exitProvisionKeys, useFocusFirstInvalid } from './ContractFormFields';
import { contractSchedule } from './contractSchedule';
import { usePortfolioDb } from './portfolioContext';
import { saveContract } from './providerEdits';
import { decimalSeparatorOf } from './serviceLevelInput';

const decimalSeparator = decimalSeparatorOf(userLocale);

interface ContractDetailsProps {
  readonly contract: Contract;
  /** Service levels whose `contractId` is this contract. */
  readonly levels: readonly ServiceLevel[];
  readonly kpis: ReadonlyMap<string, KpiDefinition>;
  /** Meeting cadences whose `contractId` is this contract. */
  readonly cadences: readonly MeetingCadence[];
  readonly today: CalendarDate;
}

/**
 * Terms of one contract under the provider's contracts table: term, notice and its deadline,
 * renewal, pricing model, exit provisions, linked service levels and governance cadence, with a
 * form that edits every term.
 */
export function ContractDetails({ contract, levels, kpis, cadences, today }: ContractDetailsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const date = (value: CalendarDate) => <CalendarDateText date={value} />;
  const notSet = <span className="muted">{t('provider.contracts.noDate')}</span>;
  const schedule = contractSchedule(contract, today);
  const inPlace = exitProvisionKeys.filter((key) => contract.exitProvisions[key]).length;

  return (
    <article className="contract-details" aria-labelledby={headingId} data-testid={`contract-details-${contract.id}`}>
      <h3 id={headingId}>{t('contractGovernance.heading', { title: contract.title })}</h3>
      <dl className="contract-facts">
        <dt>{t('contractGovernance.term')}</dt>
        <dd data-testid="contract-term">
          {contract.startDate === null ? notSet : date(contract.startDate)} – {contract.endDate === null ? notSet : date(contract.endDate)}
        </dd>
        <dt>{t('contractGovernance.notice')}</dt>
        <dd data-testid="notice-period">
          {contract.noticePeriod === null
            ? t('provider.contracts.notRecorded')
            : t(`contractGovernance.noticeAmount_${contract.noticePeriod.unit}`, { count: contract.noticePeriod.amount })}
        </dd>
        <dt>{t('contractGovernance.noticeDeadline')}</dt>
        <dd data-testid="notice-deadline">
          {schedule.noticeDeadline === null ? (
            <span className="muted">{t('contractGovernance.noticeDeadlineUnknown')}</span>
          ) : (
            <>
              {date(schedule.noticeDeadline)}
              {schedule.noticeDueInDays === null ? null : (
                <>
                  {' '}
                  <strong className="kind-badge" data-testid="notice-due">
                    {t('contractGovernance.noticeDueIn', { count: schedule.noticeDueInDays })}
                  </strong>
                </>
              )}
              {schedule.noticeMissed ? (
                <>
                  {' '}
                  <strong className="kind-badge">{t('contractGovernance.noticeMissed')}</strong>
                </>
              ) : null}
              {schedule.ended ? <> {t('contractGovernance.ended')}</> : null}
            </>
          )}
        </dd>
        <dt>{t('contractGovernance.renewal')}</dt>
        <dd data-testid="renewal">
          {!contract.autoRenewal
            ? t('contractGovernance.noAutoRenewal')
            : contract.renewalMonths === null
              ? t('contractGovernance.autoRenewalUnknownLength')
              : t('contractGovernance.autoRenewal', { count: contract.renewalMonths })}
          {schedule.nextRenewal === null ? null : (
            <>
              {' '}
              <span data-testid="next-renewal">
                {t('contractGovernance.nextRenewal', {
                  count: schedule.nextRenewal.months,
                  start: formatCalendarDate(schedule.nextRenewal.startDate, userLocale),
                  end: formatCalendarDate(schedule.nextRenewal.endDate, userLocale),
                })}
              </span>
            </>
          )}
        </dd>
        <dt>{t('contractGovernance.pricingModel')}</dt>
        <dd data-testid="pricing-model">
          {contract.pricingModel === null ? t('provider.contracts.notRecorded') : t(`profile.pricingModels.${contract.pricingModel}`)}
        </dd>
        <dt>{t('contractGovernance.exitProvisions')}</dt>
        <dd>
          <p className="exit-count" data-testid="exit-count">
            {t('contractGovernance.exitCount', { count: inPlace, total: exitProvisionKeys.length })}
          </p>
          <ul className="exit-list" aria-label={t('contractGovernance.exitProvisions')}>
            {exitProvisionKeys.map((key) => (
              <li key={key} data-testid={`exit-${key}`}>
                {t(contract.exitProvisions[key] ? 'contractGovernance.provisionInPlace' : 'contractGovernance.provisionMissing', {
                  name: t(`profile.exitProvisions.${key}`),
                })}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('contractGovernance.serviceLevels')}</dt>
        <dd data-testid="linked-levels">
          <LinkedLevels levels={levels} kpis={kpis} />
        </dd>
        <dt>{t('contractGovernance.cadence')}</dt>
        <dd data-testid="linked-cadences">
          {cadences.length === 0 ? (
            <>
              {t('contractGovernance.cadenceNone')} <span className="muted">{t('contractGovernance.cadenceHint')}</span>
            </>
          ) : (
            <ul className="exit-list">
              {cadences.map((cadence) => (
                <li key={cadence.id}>{cadence.title}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <RecordHistory table="contracts" recordId={contract.id} />
      {editing ? (
        <ContractEditForm
          contract={contract}
          onClose={() => {
            setEditing(false);
          }}
        />
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={() => {
              setEditing(true);
            }}
          >
            {t('contractGovernance.edit', { title: contract.title })}
          </button>
        </div>
      )}
    </article>
  );
}

/** The contract's service levels, read only, each with a button that scrolls to its KPI card further down the page. */
function LinkedLevels({ levels, kpis }: { readonly levels: readonly ServiceLevel[]; readonly kpis: ReadonlyMap<string, KpiDefinition> }) {
  const { t } = useTranslation();
  if (levels.length === 0) return <>{t('contractGovernance.levelsNone')}</>;
  return (
    <ul className="exit-list">
      {levels.map((level) => {
        const kpi = kpis.get(level.kpiId);
        if (kpi === undefined) return null;
        const name = kpiName(t, kpi);
        return (
          <li key={level.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                // NOTE: Finds the card by the test id that KpiCard sets, the only stable handle it exposes.
                const card = document.querySelector<HTMLElement>(`[data-testid="kpi-card-${CSS.escape(kpi.key)}"]`);
                card?.scrollIntoView({ block: 'start' });
                card?.querySelector<HTMLElement>('button, summary, [tabindex]')?.focus({ preventScroll: true });
              }}
            >
              {name}
            </button>{' '}
            <span className="muted">{t(level.critical ? 'contractGovernance.levelCritical' : 'contractGovernance.levelReported')}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Form that edits every term of the contract in one write; unchanged fields are not written. */
function ContractEditForm({ contract, onClose }: { readonly contract: Contract; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => draftOfContract(contract, decimalSeparator));
  const [errors, setErrors] = useState<Partial<Record<ContractFormField, ContractFormErrorKey>>>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useFocusFirstInvalid(formRef, attempt);
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
      const label = t('undo.label.contractDetails', { title: contract.title });
      await recordUndoable(db, label, await getDeviceContext(), (context) => saveContract(db, contract.id, check.value, context));
      onClose();
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Saving the terms of contract ${contract.id} failed`)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      aria-label={t('contractGovernance.formLabel', { title: contract.title })}
      data-testid="contract-edit-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className="plain-fieldset" disabled={busy}>
        <ContractFormFields formId={formId} draft={draft} onChange={setDraft} errors={errors} decimalSeparator={decimalSeparator} />
      </fieldset>
      {check.ok ? <ContractFormWarnings warnings={check.warnings} /> : null}
      <FormActions
        busy={busy}
        failure={failure}
        submitLabel={t('contractGovernance.save')}
        busyLabel={t('contractTerms.saving')}
        cancelLabel={t('contractTerms.cancel')}
        onCancel={onClose}
      />
    </form>
  );
}
