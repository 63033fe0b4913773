import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '@shared/errors';
import { createPortfolio, listPortfolios } from '../db/catalogue';
import { openPortfolioDb } from '../db/portfolioDb';
import type { PortfolioDb } from '../db/portfolioDb';
import { describeAppError, toAppError } from '../errorMessage';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { ImportWizard } from '../features/import/ImportWizard';
import { Attribution } from '../features/portfolio/Attribution';
import { EmptyState } from '../features/portfolio/EmptyState';
import { PortfolioContext } from '../features/portfolio/portfolioContext';
import { ProviderDetail } from '../features/portfolio/ProviderDetail';
import { ProvidersScreen } from '../features/portfolio/ProvidersScreen';
import { usePortfolioData } from '../features/portfolio/usePortfolioData';
import { selectOpenPortfolio, selectPortfolioId, selectScreen, useUiStore } from '../state/uiStore';
import { Header } from './Header';

/** Picks the portfolio to open: the remembered one if it still exists, else the first, else a new empty one. */
async function choosePortfolio(remembered: string | null, newName: string): Promise<string> {
  const portfolios = await listPortfolios();
  if (remembered !== null && portfolios.some((portfolio) => portfolio.id === remembered)) return remembered;
  const first = portfolios[0];
  if (first) return first.id;
  return (await createPortfolio(newName)).id;
}

function Screens() {
  const screen = useUiStore(selectScreen);
  const data = usePortfolioData();
  const { t } = useTranslation();

  if (screen.name === 'import') return <ImportWizard />;
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  if (data.providers.length === 0) return <EmptyState />;

  return (
    <>
      {screen.name === 'dashboard' ? <DashboardScreen data={data} /> : null}
      {screen.name === 'providers' ? <ProvidersScreen data={data} /> : null}
      {screen.name === 'provider' ? <ProviderDetail data={data} providerId={screen.providerId} /> : null}
      <Attribution kpis={data.kpis} />
    </>
  );
}

export function App() {
  const { t } = useTranslation();
  const portfolioId = useUiStore(selectPortfolioId);
  const openPortfolio = useUiStore(selectOpenPortfolio);
  const [db, setDb] = useState<PortfolioDb | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: PortfolioDb | null = null;
    setDb(null);
    setError(null);
    void (async () => {
      try {
        const id = await choosePortfolio(portfolioId, t('portfolio.newPortfolioName', { number: 1 }));
        if (cancelled) return;
        if (id !== portfolioId) {
          openPortfolio(id);
          return;
        }
        opened = await openPortfolioDb(id);
        if (cancelled) {
          opened.close();
          return;
        }
        setDb(opened);
      } catch (thrown) {
        if (!cancelled) setError(toAppError(thrown, 'Opening the portfolio failed'));
      }
    })();
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, [portfolioId, openPortfolio, t]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main">
        {error ? (
          <p className="alert error" role="alert">
            {describeAppError(t, error)}
          </p>
        ) : db ? (
          <PortfolioContext.Provider value={db}>
            <Screens />
          </PortfolioContext.Provider>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </main>
    </>
  );
}
