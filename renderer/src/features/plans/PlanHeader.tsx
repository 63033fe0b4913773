import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar, Plan } from '@shared/domain/plan';
import type { Id } from '@shared/domain/types';
import { deletePlan, updatePlan } from '../../db/plans';
import type { PlanPatch } from '../../db/plans';
import { userLocale } from '../../locale';
import { ConfirmDialog } from '../portfolios/ConfirmDialog';
import { calendarChoiceLabel } from './calendarUse';
import { ContractSelect } from './ContractSelect';
import { PlanExportButtons } from './PlanExportButtons';
import { ProviderSelect } from './ProviderSelect';
import { useCalendarUse } from './useCalendarUse';
import { usePlanWrite } from './usePlanWrite';

interface PlanHeaderProps {
  readonly plan: Plan;
  readonly calendars: readonly Calendar[];
  readonly onDeleted: () => void;
}

/** Title, provider, contract, start and calendar of a plan, with its export and delete actions. */
export function PlanHeader({ plan, calendars, onDeleted }: PlanHeaderProps) {
  const { t } = useTranslation();
  const formId = useId();
  const write = usePlanWrite();
  const [title, setTitle] = useState(plan.title);
  const [providerId, setProviderId] = useState<Id | null>(plan.providerId);
  const [contractId, setContractId] = useState<Id | null>(plan.contractId);
  const [startOn, setStartOn] = useState(plan.startOn);
  const [calendarId, setCalendarId] = useState(plan.calendarId);
  const calendarUse = useCalendarUse();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const save = async () => {
    setStatus(null);
    const patch: PlanPatch = { title, providerId, contractId, startOn, calendarId };
    const saved = await write.run(`Saving plan ${plan.id}`, (db, context) => updatePlan(db, plan.id, patch, context));
    if (saved !== null) setStatus(t('plans.header.saved'));
  };

  const remove = async () => {
    const done = await write.run(`Deleting plan ${plan.id}`, async (db, context) => {
      await deletePlan(db, plan.id, context);
      return true;
    });
    setConfirming(false);
    if (done !== null) onDeleted();
  };

  return (
    <section className="panel" aria-labelledby={`${formId}-heading`}>
      <h1 id={`${formId}-heading`} data-testid="plan-title">
        {plan.title}
      </h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className="form-grid" disabled={write.busy}>
          <label>
            {t('plans.header.titleLabel')}
            <input
              type="text"
              value={title}
              onChange={(event) => {
                setTitle(event.target.value);
              }}
            />
          </label>
          <ProviderSelect
            value={providerId}
            onChange={(chosen) => {
              setProviderId(chosen);
              // The contracts on offer are the new provider's, so the old choice no longer applies.
              setContractId(null);
            }}
          />
          <ContractSelect providerId={providerId} value={contractId} onChange={setContractId} />
          <label>
            {t('plans.header.startLabel')}
            <input
              type="date"
              value={startOn}
              onChange={(event) => {
                setStartOn(event.target.value);
              }}
            />
          </label>
          <label>
            {t('plans.header.calendarLabel')}
            <select
              value={calendarId}
              onChange={(event) => {
                setCalendarId(event.target.value);
              }}
            >
              {calendars.some((calendar) => calendar.id === calendarId) ? null : (
                <option value={calendarId}>{t('plans.header.missingCalendar')}</option>
              )}
              {calendars.map((calendar) => (
                <option key={calendar.id} value={calendar.id}>
                  {calendarUse === undefined
                    ? calendar.site === ''
                      ? calendar.name
                      : t('plans.header.siteCalendar', { name: calendar.name, site: calendar.site })
                    : calendarChoiceLabel(t, calendar, calendarUse.users, userLocale)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button" disabled={write.busy}>
            {t('plans.header.save')}
          </button>
          <PlanExportButtons planId={plan.id} disabled={write.busy} />
          <button
            type="button"
            className="link-button"
            disabled={write.busy}
            onClick={() => {
              setConfirming(true);
            }}
          >
            {t('plans.header.delete')}
          </button>
        </div>
      </form>
      {status === null ? null : <p role="status">{status}</p>}
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      {confirming ? (
        <ConfirmDialog
          title={t('plans.header.deleteTitle', { title: plan.title })}
          confirmLabel={t('plans.header.deleteConfirm')}
          busyLabel={t('plans.header.deleting')}
          busy={write.busy}
          typeToConfirm={null}
          testId="plan-delete-dialog"
          onConfirm={() => void remove()}
          onCancel={() => {
            setConfirming(false);
          }}
        >
          <p>{t('plans.header.deleteBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
