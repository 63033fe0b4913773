/** The provider page's open risks: one line each, and a link to the register filtered to the provider. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { riskRating, riskScore } from '@shared/governance/riskMatrix';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { usePortfolioDb } from '../portfolio/portfolioContext';

export function ProviderRisks({ providerId }: { readonly providerId: Id }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const navigate = useUiStore(selectNavigate);
  const risks = useLiveQuery(() => db.risks.where('providerId').equals(providerId).toArray(), [db, providerId]);

  const open = (risks ?? []).filter((risk) => risk.status !== 'closed').sort((a, b) => riskScore(b) - riskScore(a) || a.title.localeCompare(b.title));

  return (
    <section className="panel" aria-labelledby="provider-risks-title" data-testid="provider-risks">
      <h2 id="provider-risks-title">{t('risks.provider.title')}</h2>
      {risks !== undefined && open.length === 0 ? <p className="muted">{t('risks.provider.none')}</p> : null}
      {open.length === 0 ? null : (
        <ul>
          {open.map((risk) => (
            <li key={risk.id}>
              {t('risks.provider.line', {
                title: risk.title,
                rating: t(`governance.riskRating.${riskRating(risk)}`),
                score: riskScore(risk),
                status: t(`profile.riskStatuses.${risk.status}`),
              })}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          navigate({ name: 'risks', providerId });
        }}
      >
        {t('risks.provider.openRegister')}
      </button>
    </section>
  );
}
