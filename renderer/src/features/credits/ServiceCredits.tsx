import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { computePortfolioCredits } from '@shared/kpi/credits';
import { userLocale } from '../../locale';
import { kpiName } from '../kpi/kpiName';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import type { PortfolioData } from '../portfolio/usePortfolioData';
import { ContractCreditsSection } from './ContractCreditsSection';
import type { CreditKpi, CreditTextContext } from './creditSentences';
import './credits.css';

/** Shows the Service credits panel of a provider's screen, with one section per contract of the provider. */
export function ServiceCredits({ data, providerId }: { readonly data: PortfolioData; readonly providerId: Id }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const contracts = useLiveQuery(async () => {
    const found = await db.contracts.where('providerId').equals(providerId).toArray();
    return found.sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1));
  }, [db, providerId]);

  const levels = useMemo(() => data.serviceLevels.filter((level) => level.providerId === providerId), [data.serviceLevels, providerId]);
  const measurements = useMemo(() => data.measurements.filter((measurement) => measurement.providerId === providerId), [data.measurements, providerId]);
  const results = useMemo(
    () => (contracts === undefined ? undefined : computePortfolioCredits(contracts, levels, data.kpis, measurements)),
    [contracts, levels, data.kpis, measurements],
  );
  const kpiOf = useMemo(() => {
    const kpis = new Map<Id, CreditKpi>(data.kpis.map((kpi) => [kpi.id, { name: kpiName(t, kpi), unit: kpi.unit, direction: kpi.direction }]));
    return (kpiId: Id) => kpis.get(kpiId);
  }, [data.kpis, t]);

  const contractIds = new Set(contracts?.map((contract) => contract.id));
  const unlinked = levels.filter((level) => level.critical && (level.contractId === null || !contractIds.has(level.contractId))).length;

  return (
    <section className="panel" aria-labelledby="service-credits-title" data-testid="service-credits">
      <h2 id="service-credits-title">{t('credits.title')}</h2>
      {contracts === undefined || results === undefined ? <p className="muted">{t('app.loading')}</p> : null}
      {contracts?.length === 0 ? <p className="muted">{t('credits.noContracts')}</p> : null}
      {contracts !== undefined && unlinked > 0 ? <p className="alert warning">{t('credits.unlinkedLevels', { count: unlinked })}</p> : null}
      {contracts?.map((contract) => {
        const credits = results?.get(contract.id);
        if (credits === undefined) return null;
        const context: CreditTextContext = { t, locale: userLocale, currency: credits.currency, atRiskMinor: credits.terms.atRiskMinor, kpiOf };
        return <ContractCreditsSection key={contract.id} title={contract.title} credits={credits} context={context} />;
      })}
    </section>
  );
}
