import type { ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { navigationCommandTargets } from '@shared/commands/registry';
import type { NavigationCommandTarget } from '@shared/commands/registry';
import { listPortfolios } from '../db/catalogue';
import { selectNavigate, selectOpenPortfolio, selectPortfolioId, selectScreen, useUiStore } from '../state/uiStore';
import type { Screen } from '../state/uiStore';

// The navigation bar and the View menu's Go to commands list the same screens in the same order.
type NavTarget = NavigationCommandTarget;

function navTargetOf(screen: Screen): NavTarget | null {
  if (screen.name === 'provider') return 'providers';
  if (screen.name === 'rfp' || screen.name === 'rfps') return 'rfps';
  if (screen.name === 'plan' || screen.name === 'plans') return 'plans';
  if (screen.name === 'escalations') return 'escalations';
  if (screen.name === 'risks') return 'risks';
  if (screen.name === 'governance') return 'governance';
  if (screen.name === 'processes') return 'processes';
  if (screen.name === 'reports') return 'reports';
  if (screen.name === 'dashboard' || screen.name === 'providers' || screen.name === 'measurements' || screen.name === 'kpis' || screen.name === 'sync' || screen.name === 'portfolios')
    return screen.name;
  return null;
}

/** `notifications` is the open portfolio's notification button, or `null` while no portfolio is open. */
export function Header({ notifications = null }: { readonly notifications?: ReactNode }) {
  const { t } = useTranslation();
  const screen = useUiStore(selectScreen);
  const navigate = useUiStore(selectNavigate);
  const portfolioId = useUiStore(selectPortfolioId);
  const openPortfolio = useUiStore(selectOpenPortfolio);
  const portfolios = useLiveQuery(listPortfolios, []) ?? [];

  const current = navTargetOf(screen);
  const items: readonly NavTarget[] = navigationCommandTargets;

  return (
    <header className="app-header">
      <span className="brand">{t('app.name')}</span>
      {notifications}
      <label className="portfolio-switcher">
        {t('portfolio.switcherLabel')}
        <select
          data-testid="portfolio-switcher"
          value={portfolioId ?? ''}
          onChange={(event) => {
            openPortfolio(event.target.value);
          }}
        >
          {portfolios.length === 0 ? <option value="">{t('portfolio.none')}</option> : null}
          {portfolios.map((portfolio) => (
            <option key={portfolio.id} value={portfolio.id}>
              {portfolio.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button"
        onClick={() => {
          // One way to create a portfolio: the Portfolios screen's form, which asks for the name.
          navigate({ name: 'portfolios', focusCreate: true });
        }}
      >
        {t('portfolio.newPortfolio')}
      </button>
      {/* Last in the markup as on screen, where it fills the second row, so the tab order follows the layout. */}
      <nav aria-label={t('nav.label')}>
        <ul>
          {items.map((item) => (
            <li key={item}>
              <button
                type="button"
                aria-current={current === item ? 'page' : undefined}
                onClick={() => {
                  navigate({ name: item });
                }}
              >
                {t(`nav.${item}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
