import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Id } from '@shared/domain/types';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { providerAwards } from './providerAwards';
import type { ProviderAward } from './providerAwards';

/** Lists the transition plans of one provider, each a link to its plan screen with the contract it schedules, for the provider's page. */
export function ProviderPlans({ providerId }: { readonly providerId: Id }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const navigate = useUiStore(selectNavigate);
  const listed = useLiveQuery(async () => {
    const plans = await db.plans.where('providerId').equals(providerId).sortBy('title');
    const contractIds = [...new Set(plans.flatMap((plan) => (plan.contractId === null ? [] : [plan.contractId])))];
    const contracts = await db.contracts.bulkGet(contractIds);
    const contractTitles = new Map(
      contracts.flatMap((contract) => (contract === undefined ? [] : [[contract.id, contract.title] as const])),
    );
    // Only a provider without plans shows the awards, in the text about creating a plan.
    const awards =
      plans.length > 0
        ? []
        : providerAwards(
            await db.rfpEvents.where('phase').equals('awarded').toArray(),
            await db.contracts.where('providerId').equals(providerId).toArray(),
            providerId,
          );
    return { plans, contractTitles, awards };
  }, [db, providerId]);
  const plans = listed?.plans;

  return (
    <section className="panel" aria-labelledby={`provider-plans-${providerId}`} data-testid="provider-plans">
      <h2 id={`provider-plans-${providerId}`}>{t('plans.title')}</h2>
      {plans === undefined ? <p className="muted">{t('app.loading')}</p> : null}
      {plans?.length === 0 ? <NoPlans awards={listed?.awards ?? []} /> : null}
      <ul className="rfp-list">
        {(plans ?? []).map((plan) => (
          <li key={plan.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                navigate({ name: 'plan', planId: plan.id });
              }}
            >
              {plan.title}
            </button>
            {contractNote(t, plan.contractId, listed?.contractTitles)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Says that no plan moves work to the provider yet and where to create one: the Transition plans
 * screen, and the Award tab of each RFP that awarded the provider a contract.
 */
function NoPlans({ awards }: { readonly awards: readonly ProviderAward[] }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  if (awards.length === 0) return <p className="muted">{t('plans.providerNone')}</p>;
  return (
    <>
      <p className="muted">{t('plans.providerNoneAwarded', { count: awards.length })}</p>
      <ul className="rfp-list">
        {awards.map((award) => (
          <li key={award.rfpId}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                navigate({ name: 'rfp', rfpId: award.rfpId, tab: 'award' });
              }}
            >
              {t('plans.openAward', { title: award.title })}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Returns the note after a plan's title that names its contract, or `null` for a plan without one. */
function contractNote(t: TFunction, contractId: Id | null, titles: ReadonlyMap<Id, string> | undefined) {
  if (contractId === null || titles === undefined) return null;
  const title = titles.get(contractId);
  return <span className="muted"> {title === undefined ? t('plans.contractMissing') : t('plans.forContract', { title })}</span>;
}
