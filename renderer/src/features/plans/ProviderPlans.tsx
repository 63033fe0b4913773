import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { usePortfolioDb } from '../portfolio/portfolioContext';

/** Lists the transition plans of one provider, each a link to its plan screen, for the provider's page. */
export function ProviderPlans({ providerId }: { readonly providerId: Id }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const navigate = useUiStore(selectNavigate);
  const plans = useLiveQuery(() => db.plans.where('providerId').equals(providerId).sortBy('title'), [db, providerId]);

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
          </li>
        ))}
      </ul>
    </section>
  );
}
