import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id, KpiDefinition } from '@shared/domain/types';
import { findLibraryKpi } from '@shared/kpi/library';
import { userLocale } from '../../locale';
import { kpiName } from '../kpi/kpiName';
import { typicalTargetText } from '../kpis/kpiText';
import { ServiceLevelEditor } from './ServiceLevelEditor';

interface AddProviderKpiProps {
  readonly providerId: Id;
  /** KPIs of the portfolio that the provider has no card for yet. */
  readonly kpis: readonly KpiDefinition[];
}

/**
 * Starts tracking a KPI of the portfolio for the provider, such as one added from the KPI library:
 * pick it, then set its service level. Once the level is stored, the KPI gets its card, where the
 * grid's months and the credit terms follow.
 */
export function AddProviderKpi({ providerId, kpis }: AddProviderKpiProps) {
  const { t } = useTranslation();
  const selectId = useId();
  const [kpiId, setKpiId] = useState<string>('');
  if (kpis.length === 0) return null;

  const chosen = kpis.find((kpi) => kpi.id === kpiId) ?? null;
  const library = chosen === null ? undefined : findLibraryKpi(chosen.key);
  return (
    <section className="panel" aria-labelledby={`${selectId}-title`} data-testid="add-provider-kpi">
      <h2 id={`${selectId}-title`}>{t('provider.trackKpi.title')}</h2>
      <div className="toolbar">
        <label htmlFor={selectId}>{t('provider.trackKpi.label')}</label>
        <select
          id={selectId}
          value={kpiId}
          onChange={(event) => {
            setKpiId(event.target.value);
          }}
        >
          <option value="">{t('provider.trackKpi.choose')}</option>
          {kpis.map((kpi) => (
            <option key={kpi.id} value={kpi.id}>
              {kpiName(t, kpi)}
            </option>
          ))}
        </select>
      </div>
      {chosen === null ? (
        <p className="muted">{t('provider.trackKpi.hint')}</p>
      ) : (
        <>
          {library === undefined ? null : (
            <p className="muted">{t('provider.trackKpi.typical', { target: typicalTargetText(t, library, userLocale) })}</p>
          )}
          {/* Keyed by KPI, so that choosing another one starts a fresh form. */}
          <ServiceLevelEditor key={chosen.id} providerId={providerId} kpi={chosen} kpiLabel={kpiName(t, chosen)} level={null} />
        </>
      )}
    </section>
  );
}
