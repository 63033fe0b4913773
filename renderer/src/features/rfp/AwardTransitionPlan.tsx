import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { isCalendarDate } from '@shared/schedule/days';
import { createPlanFromTemplate, mondayToFriday } from '../../db/plans';
import { translateDynamic } from '../../i18n/dynamic';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { localToday } from '../plans/roadmapOption';
import { usePlanWrite } from '../plans/usePlanWrite';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { awardPlanOffer } from './awardPlan';
import type { AwardPlanOffer } from './awardPlan';
import type { RfpEventRecord } from './rfpRecords';

/**
 * Transition plan part of an awarded RFP's Award tab: opens the plan that schedules the awarded
 * contract, or creates it from the BPO transition template. The new plan starts after the provider
 * selection; the first process of the RFP's scope takes the main path and each further one a wave.
 */
export function AwardTransitionPlan({ event }: { readonly event: RfpEventRecord }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const navigate = useUiStore(selectNavigate);
  const offer = useLiveQuery(async (): Promise<AwardPlanOffer> => {
    const contractId = event.awardedContractId;
    if (contractId === null) return awardPlanOffer(event, undefined, undefined, []);
    const [contract, plans] = await Promise.all([db.contracts.get(contractId), db.plans.where('contractId').equals(contractId).toArray()]);
    const provider = contract === undefined ? undefined : await db.providers.get(contract.providerId);
    return awardPlanOffer(event, contract, provider, plans);
  }, [db, event]);

  if (offer === undefined || offer.kind === 'unavailable') {
    // A missing contract is already reported by the award summary above.
    return offer?.kind === 'unavailable' && offer.reason === 'providerMissing' ? (
      <p className="muted">{t('rfp.award.planProviderMissing')}</p>
    ) : null;
  }
  if (offer.kind === 'open') {
    const { plan } = offer;
    return (
      <div data-testid="award-plan">
        <p>
          {t('rfp.award.planExists', { title: plan.title })}{' '}
          <button
            type="button"
            className="button"
            onClick={() => {
              navigate({ name: 'plan', planId: plan.id });
            }}
          >
            {t('rfp.award.openPlan')}
          </button>
        </p>
      </div>
    );
  }
  return <CreatePlanForm event={event} offer={offer} />;
}

type CreateOffer = Extract<AwardPlanOffer, { kind: 'create' }>;

/** Form with the start date of a new transition plan for the awarded contract. */
function CreatePlanForm({ event, offer }: { readonly event: RfpEventRecord; readonly offer: CreateOffer }) {
  const { t } = useTranslation();
  const formId = useId();
  const navigate = useUiStore(selectNavigate);
  const write = usePlanWrite();
  const [startOn, setStartOn] = useState(() => localToday());
  const [startInvalid, setStartInvalid] = useState(false);
  const { processes } = offer;

  const submit = async () => {
    const invalid = !isCalendarDate(startOn);
    setStartInvalid(invalid);
    if (invalid) return;

    const input = {
      providerId: offer.providerId,
      contractId: offer.contractId,
      title: t('rfp.award.planTitle', { provider: offer.providerName, rfp: event.title }),
      startOn,
      processes,
      // The award ends the provider selection, so the plan starts after it with the award done.
      startAfter: { phase: 'selection', milestoneName: t('rfp.award.planAwardedMilestone', { rfp: event.title }) },
      calendar: { name: t('plans.new.calendarName'), workingWeekdays: mondayToFriday, holidays: [] },
      translate: (key: string, english: string) => translateDynamic(t, key, { defaultValue: english }),
    };
    const plan = await write.run(`Creating the transition plan of RFP ${event.id}`, (db, context) =>
      createPlanFromTemplate(db, input, context),
    );
    if (plan !== null) navigate({ name: 'plan', planId: plan.id });
  };

  return (
    <form
      aria-labelledby={`${formId}-heading`}
      data-testid="award-plan"
      noValidate
      onSubmit={(submitted) => {
        submitted.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${formId}-heading`}>{t('rfp.award.planHeading')}</h3>
      <p className="muted">
        {processes.length === 0
          ? t('rfp.award.planIntroNoProcesses')
          : processes.length === 1
            ? t('rfp.award.planIntroOneProcess', { first: processes[0] ?? '' })
            : t('rfp.award.planIntro', {
                first: processes[0] ?? '',
                others: new Intl.ListFormat(userLocale, { type: 'conjunction' }).format(processes.slice(1)),
              })}
      </p>
      <fieldset disabled={write.busy} className="form-grid">
        <label>
          {t('rfp.award.planStartLabel')}
          <input
            type="date"
            value={startOn}
            aria-invalid={startInvalid}
            aria-describedby={startInvalid ? `${formId}-start-error` : undefined}
            onChange={(changed) => {
              setStartOn(changed.target.value);
            }}
          />
          {startInvalid ? (
            <span className="field-error" id={`${formId}-start-error`}>
              {t('rfp.award.planStartInvalid')}
            </span>
          ) : null}
        </label>
      </fieldset>
      {write.error === null ? null : (
        <p className="alert error" role="alert">
          {write.error}
        </p>
      )}
      <button type="submit" className="button" disabled={write.busy}>
        {t('rfp.award.createPlan')}
      </button>
    </form>
  );
}
