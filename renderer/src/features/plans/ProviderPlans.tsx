import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Id } from '@shared/domain/types';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { usePortfolioDb } from '../portfolio/portfolioContext';

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
    return { plans, contractTitles };
  }, [db, providerId]);
  const plans = listed?.plans;

  return (
    <section className="panel" aria-labelledby={`provider-plans-${providerId}`} data-testid="provider-plans">
      <h2 id={`provider-plans-${providerId}`}>{t('plans.title')}</h2>
      {plans === undefined ? <p className="muted">{t('app.loading')}</p> : null}
      {plans?.length === 0 ? <p className="muted">{t('plans.providerNone')}</p> : null}
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

/** Returns the note after a plan's title that names its contract, or `null` for a plan without one. */
function contractNote(t: TFunction, contractId: Id | null, titles: ReadonlyMap<Id, string> | undefined) {
  if (contractId === null || titles === undefined) return null;
  const title = titles.get(contractId);
  return <span className="muted"> {title === undefined ? t('plans.contractMissing') : t('plans.forContract', { title })}</span>;
}
