import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiDefinition } from '@shared/domain/types';
import { userLocale } from '../../locale';
import { kpiName } from '../kpi/kpiName';
import { libraryRows, portfolioKpiRows, takenKpiNames } from './kpiRows';
import { LibraryTable } from './LibraryTable';
import { NewKpiForm } from './NewKpiForm';
import { PortfolioKpiTable } from './PortfolioKpiTable';
import { useKpiOverview } from './useKpiOverview';

/**
 * Shows the "KPIs and SLAs" screen: the portfolio's KPIs with their service levels and
 * measurements, the form for a new KPI, and the KPI library with "Add to portfolio".
 */
export function KpisScreen() {
  const { t } = useTranslation();
  const overview = useKpiOverview();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const nameOf = useCallback((kpi: KpiDefinition) => kpiName(t, kpi), [t]);
  const kpis = overview?.kpis;
  const rows = useMemo(() => (overview ? portfolioKpiRows(overview.kpis, overview.usage, nameOf, userLocale) : []), [overview, nameOf]);
  const library = useMemo(() => libraryRows(kpis ?? []), [kpis]);

  if (overview === undefined) return <p className="muted">{t('kpis.loading')}</p>;

  return (
    <section aria-labelledby="kpis-title">
      <h1 id="kpis-title">{t('kpis.title')}</h1>
      <p className="muted">{t('kpis.intro')}</p>
      {notice === null ? null : (
        <p className="alert success" role="status" data-testid="kpis-notice">
          {notice}
        </p>
      )}

      <h2>{t('kpis.portfolio.heading')}</h2>
      <PortfolioKpiTable rows={rows} kpis={overview.kpis} nameOf={nameOf} onNotice={setNotice} />
      {creating ? (
        <NewKpiForm
          takenNames={takenKpiNames(overview.kpis, nameOf)}
          onCancel={() => {
            setCreating(false);
          }}
          onCreated={(kpi) => {
            setCreating(false);
            setNotice(t('kpis.form.created', { name: kpi.name }));
          }}
        />
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            {t('kpis.form.open')}
          </button>
        </div>
      )}

      <h2>{t('kpis.library.heading')}</h2>
      <p className="muted">{t('kpis.library.intro')}</p>
      <LibraryTable rows={library} onNotice={setNotice} />
    </section>
  );
}
