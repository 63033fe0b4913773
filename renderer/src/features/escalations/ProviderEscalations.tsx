/** Lists a provider's open escalations, one line each with a link to its details. Renders nothing when there is none. */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { formatPeriod } from '../../format';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import type { PortfolioData } from '../portfolio/usePortfolioData';
import { formatCalendarDate, levelName, levelNamesOf } from './escalationView';

export function ProviderEscalations({ data, providerId }: { readonly data: PortfolioData; readonly providerId: Id }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const navigate = useUiStore(selectNavigate);
  const escalations = useLiveQuery(() => db.escalations.where('providerId').equals(providerId).toArray(), [db, providerId]);
  const names = useMemo(() => levelNamesOf(t, data.serviceLevels, data.providers, data.kpis), [t, data]);

  const open = (escalations ?? []).filter((escalation) => escalation.status === 'open').sort((a, b) => b.level - a.level);
  if (open.length === 0) return null;

  return (
    <section className="panel" aria-labelledby="provider-escalations-title" data-testid="provider-escalations">
      <h2 id="provider-escalations-title">{t('escalations.providerSummary.title')}</h2>
      <ul>
        {open.map((escalation) => (
          <li key={escalation.id}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                navigate({ name: 'escalations', escalationId: escalation.id });
              }}
            >
              {t('escalations.providerSummary.line', {
                kpi: names.get(escalation.serviceLevelId)?.kpi ?? t('escalations.unknownKpi'),
                level: escalation.level,
                levelName: levelName(t, escalation.level),
                month: formatPeriod(escalation.openedPeriod, userLocale, 'long'),
                dueDate: formatCalendarDate(escalation.dueDate, userLocale),
              })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
