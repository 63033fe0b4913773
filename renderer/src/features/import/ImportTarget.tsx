import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { listPortfolios } from '../../db/catalogue';
import { selectPortfolioId, useUiStore } from '../../state/uiStore';

/** Names the portfolio an import writes to, so that a consultant never imports into the wrong client. */
export function ImportTarget() {
  const { t } = useTranslation();
  const portfolioId = useUiStore(selectPortfolioId);
  const portfolios = useLiveQuery(listPortfolios, []);
  const name = portfolios?.find((portfolio) => portfolio.id === portfolioId)?.name;
  if (name === undefined) return null;
  return (
    <p className="muted" data-testid="import-target">
      {t('import.target', { name })}
    </p>
  );
}
