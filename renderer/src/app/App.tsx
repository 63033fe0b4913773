import { useTranslation } from 'react-i18next';
import { describeAppError } from '../errorMessage';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { EscalationsScreen } from '../features/escalations/EscalationsScreen';
import { BackupsScreen } from '../features/backups/BackupsScreen';
import { useBackupRuns } from '../features/backups/useBackupRuns';
import { CommandHost } from '../features/commands/CommandHost';
import { useIncomingFiles } from '../features/fileOpening/useIncomingFiles';
import { ImportWizard } from '../features/import/ImportWizard';
import { MeasurementsScreen } from '../features/measurements/MeasurementsScreen';
import { GovernanceScreen } from '../features/meetings/GovernanceScreen';
import { KpisScreen } from '../features/kpis/KpisScreen';
import { Attribution } from '../features/portfolio/Attribution';
import { EmptyState } from '../features/portfolio/EmptyState';
import { PortfolioContext } from '../features/portfolio/portfolioContext';
import { ProviderDetail } from '../features/portfolio/ProviderDetail';
import { ProvidersScreen } from '../features/portfolio/ProvidersScreen';
import { useOpenPortfolio } from '../features/portfolio/useOpenPortfolio';
import { usePortfolioData } from '../features/portfolio/usePortfolioData';
import { NotificationsButton } from '../features/notifications/NotificationsButton';
import { PortfoliosScreen } from '../features/portfolios/PortfoliosScreen';
import { PlanScreen } from '../features/plans/PlanScreen';
import { PlansScreen } from '../features/plans/PlansScreen';
import { ProcessesScreen } from '../features/processes/ProcessesScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { RfpDetail } from '../features/rfp/RfpDetail';
import { RfpsScreen } from '../features/rfp/RfpsScreen';
import { RisksScreen } from '../features/risks/RisksScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import { UndoHost } from '../features/undo/UndoHost';
import { selectNavigate, selectPortfolioId, selectReplacePortfolio, selectScreen, useUiStore } from '../state/uiStore';
import { ErrorBoundary } from './ErrorBoundary';
import { Header } from './Header';

function Screens() {
  const screen = useUiStore(selectScreen);

  if (screen.name === 'import') return <ImportWizard key={screen.kind ?? ''} initialKind={screen.kind ?? 'measurements'} />;
  if (screen.name === 'sync') return <SyncScreen />;
  if (screen.name === 'backups') return <BackupsScreen />;
  // RFPs need no providers, so they open before the empty-portfolio screen.
  if (screen.name === 'rfps') return <RfpsScreen />;
  if (screen.name === 'rfp') return <RfpDetail rfpId={screen.rfpId} tab={screen.tab} />;
  // Transition plans may be drafted before any provider is known.
  if (screen.name === 'plans') return <PlansScreen view={screen.view ?? 'list'} />;
  if (screen.name === 'plan') return <PlanScreen planId={screen.planId} />;
  // KPIs can be defined before any provider is imported.
  if (screen.name === 'kpis') return <KpisScreen />;
  // Portfolio-wide risks need no provider, and the register reads no measurements.
  if (screen.name === 'risks') return <RisksScreen key={screen.providerId ?? ''} providerId={screen.providerId ?? null} />;
  // Processes may be listed before any provider runs them.
  if (screen.name === 'processes') return <ProcessesScreen view={screen.view ?? 'table'} providerId={screen.providerId ?? null} />;
  // A pack reads its own snapshot and marks the sections that have no data, so it needs no providers either.
  if (screen.name === 'reports') return <ReportsScreen />;
  // The dashboard reads a precomputed summary and decides emptiness itself, so it does not wait for usePortfolioData.
  if (screen.name === 'dashboard') return <DashboardScreen />;
  return <PortfolioScreens />;
}

/** Renders the screens that read the whole portfolio, measurements included, before they render. */
function PortfolioScreens() {
  const screen = useUiStore(selectScreen);
  const data = usePortfolioData();
  const { t } = useTranslation();

  if (!data) return <p className="muted">{t('app.loading')}</p>;
  if (data.providers.length === 0) return <EmptyState />;

  return (
    <>
      {screen.name === 'providers' ? <ProvidersScreen data={data} /> : null}
      {screen.name === 'provider' ? <ProviderDetail data={data} providerId={screen.providerId} /> : null}
      {screen.name === 'escalations' ? <EscalationsScreen data={data} escalationId={screen.escalationId ?? null} /> : null}
      {screen.name === 'measurements' ? <MeasurementsScreen data={data} /> : null}
      {screen.name === 'governance' ? (
        <GovernanceScreen portfolio={data} tab={screen.tab ?? 'meetings'} meetingId={screen.meetingId ?? null} />
      ) : null}
      <Attribution kpis={data.kpis} />
    </>
  );
}

export function App() {
  const { t } = useTranslation();
  const portfolioId = useUiStore(selectPortfolioId);
  const screen = useUiStore(selectScreen);
  const replacePortfolio = useUiStore(selectReplacePortfolio);
  const navigate = useUiStore(selectNavigate);
  const opened = useOpenPortfolio(portfolioId, t('portfolio.newPortfolioName', { number: 1 }), replacePortfolio);
  useIncomingFiles();
  useBackupRuns();

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header
        notifications={
          opened.status === 'open' ? (
            <PortfolioContext.Provider value={opened.db}>
              <NotificationsButton />
            </PortfolioContext.Provider>
          ) : null
        }
      />
      <main id="main">
        {screen.name === 'portfolios' ? (
          // The Portfolios screen needs no open portfolio, so it also works when opening one fails.
          <>
            {opened.status === 'failed' ? (
              <p className="alert error" role="alert">
                {t('portfolios.openFailed')} {describeAppError(t, opened.error)}
              </p>
            ) : null}
            <PortfoliosScreen />
          </>
        ) : opened.status === 'failed' ? (
          <p className="alert error" role="alert">
            {describeAppError(t, opened.error)}
          </p>
        ) : opened.status === 'open' ? (
          <PortfolioContext.Provider value={opened.db}>
            <ErrorBoundary
              resetKey={screen}
              uncaughtErrorLevel="screen"
              onLeave={() => {
                navigate({ name: 'dashboard' });
              }}
            >
              <Screens />
            </ErrorBoundary>
            <UndoHost />
          </PortfolioContext.Provider>
        ) : (
          <p className="muted">{t('app.loading')}</p>
        )}
      </main>
      <CommandHost />
    </>
  );
}
