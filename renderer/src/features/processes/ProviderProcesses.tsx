import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { filterProcesses } from './processRows';

/** Processes section of a provider's page: each process with its function and readiness, and a link to the board filtered to the provider. */
export function ProviderProcesses({ providerId }: { readonly providerId: Id }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const navigate = useUiStore(selectNavigate);
  const processes = useLiveQuery(() => db.processes.where('providerId').equals(providerId).toArray(), [db, providerId]);
  const sorted = processes === undefined ? undefined : filterProcesses(processes, { providerId, function: null }, userLocale);

  return (
    <section className="panel" aria-labelledby="provider-processes-title" data-testid="provider-processes">
      <h2 id="provider-processes-title">{t('processes.providerSection.title')}</h2>
      {sorted === undefined ? <p className="muted">{t('app.loading')}</p> : null}
      {sorted?.length === 0 ? <p className="muted">{t('processes.providerSection.none')}</p> : null}
      {sorted === undefined || sorted.length === 0 ? null : (
        <table className="results-table" aria-label={t('processes.providerSection.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('processes.fields.name')}</th>
              <th scope="col">{t('processes.fields.function')}</th>
              <th scope="col">{t('processes.fields.readiness')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((process) => (
              <tr key={process.id}>
                <th scope="row">{process.name}</th>
                <td>{t(`profile.processFunctions.${process.function}`)}</td>
                <td>{t(`profile.readiness.${process.readiness}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            navigate({ name: 'processes', view: 'board', providerId });
          }}
        >
          {t('processes.providerSection.openBoard')}
        </button>
      </div>
    </section>
  );
}
