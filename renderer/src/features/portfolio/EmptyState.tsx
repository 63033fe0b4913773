import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '@shared/errors';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { selectNavigate, selectOpenPortfolio, selectPortfolioId, useUiStore } from '../../state/uiStore';
import { AddProviderForm } from '../providerRecord/AddProviderForm';
import { openSamplePortfolio } from './samplePortfolio';

export function EmptyState() {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const openPortfolio = useUiStore(selectOpenPortfolio);
  const portfolioId = useUiStore(selectPortfolioId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const openSample = async () => {
    setBusy(true);
    setError(null);
    try {
      const sampleId = await openSamplePortfolio(t('portfolio.sampleName'), portfolioId);
      openPortfolio(sampleId);
    } catch (thrown) {
      setError(toAppError(thrown, 'Opening the sample portfolio failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="empty-state panel" aria-labelledby="empty-title">
      <h1 id="empty-title">{t('empty.title')}</h1>
      <p>{t('empty.intro')}</p>
      <div className="button-row">
        <button type="button" className="button primary" disabled={busy} onClick={() => void openSample()}>
          {busy ? t('empty.openingSample') : t('empty.openSample')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            navigate({ name: 'import' });
          }}
        >
          {t('empty.importCsv')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            navigate({ name: 'sync' });
          }}
        >
          {t('empty.openPortfolioFile')}
        </button>
        <AddProviderForm />
      </div>
      {error ? (
        <p className="alert error" role="alert">
          {describeAppError(t, error)}
        </p>
      ) : null}
      <p className="muted">{t('empty.sampleDescription')}</p>
      <p className="attribution">{t('attribution.nhs111')}</p>
    </section>
  );
}
