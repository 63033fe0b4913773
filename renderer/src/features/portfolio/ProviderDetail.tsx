import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { RecordHistory } from '../audit/RecordHistory';
import { ServiceCredits } from '../credits/ServiceCredits';
import { ProviderEscalations } from '../escalations/ProviderEscalations';
import { ProviderPlans } from '../plans/ProviderPlans';
import { ProviderRecord } from '../providerRecord/ProviderRecord';
import { ProviderRisks } from '../risks/ProviderRisks';
import { AddProviderKpi } from './AddProviderKpi';
import { KpiCard } from './KpiCard';
import { kpiPanels, providerPeriods } from './kpiPanels';
import { ProviderContracts } from './ProviderContracts';
import { ProviderNameEditor } from './ProviderNameEditor';
import type { PortfolioData } from './usePortfolioData';

export function ProviderDetail({ data, providerId }: { readonly data: PortfolioData; readonly providerId: Id }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const provider = data.providers.find((candidate) => candidate.id === providerId);
  const panels = useMemo(() => kpiPanels(data, providerId), [data, providerId]);
  const periods = useMemo(() => providerPeriods(data.measurements, providerId), [data.measurements, providerId]);
  const untracked = useMemo(() => {
    const tracked = new Set(panels.map((panel) => panel.kpi.id));
    return data.kpis.filter((kpi) => !tracked.has(kpi.id));
  }, [data.kpis, panels]);

  const back = (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        navigate({ name: 'providers' });
      }}
    >
      {t('provider.back')}
    </button>
  );

  if (!provider) {
    return (
      <section>
        {back}
        <p>{t('provider.notFound')}</p>
      </section>
    );
  }

  return (
    <section aria-labelledby="provider-title">
      {back}
      <h1 id="provider-title">{provider.name}</h1>
      <p className="muted">
        {provider.code === null ? null : t('provider.code', { code: provider.code })}
        {provider.formerNames.length > 0 ? ` · ${t('providers.formerNames', { names: provider.formerNames.join(', ') })}` : null}
      </p>
      <ProviderNameEditor key={provider.id} provider={provider} providers={data.providers} />
      <ProviderRecord provider={provider} />
      <ProviderContracts providerId={provider.id} providerName={provider.name} />
      <ServiceCredits data={data} providerId={provider.id} />
      <ProviderEscalations data={data} providerId={provider.id} />
      <ProviderPlans providerId={provider.id} />
      <ProviderRisks providerId={provider.id} />
      <div className="kpi-grid">
        {panels.map((panel) => (
          <KpiCard key={panel.summary.serviceLevelId ?? panel.kpi.id} providerId={provider.id} panel={panel} periods={periods} />
        ))}
      </div>
      <AddProviderKpi providerId={provider.id} kpis={untracked} />
      <RecordHistory table="providers" recordId={provider.id} />
    </section>
  );
}
