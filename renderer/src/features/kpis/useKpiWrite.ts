/**
 * Runs one write of the "KPIs and SLAs" screen with the device context, and keeps its failure as
 * a sentence. The technical cause goes to the log through `toAppError`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDeviceContext } from '../../db/catalogue';
import type { DeviceContext } from '../../db/clockStore';
import type { PortfolioDb } from '../../db/portfolioDb';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';

export interface KpiWrite {
  readonly busy: boolean;
  /** Sentence of the last failure, or `null`. */
  readonly error: string | null;
  /** Runs `write`; resolves to its result, or to `null` when it failed. `what` names the write in the log. */
  readonly run: <R>(what: string, write: (db: PortfolioDb, context: DeviceContext) => Promise<R>) => Promise<R | null>;
}

export function useKpiWrite(): KpiWrite {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run: KpiWrite['run'] = async (what, write) => {
    setBusy(true);
    setError(null);
    try {
      return await write(db, await getDeviceContext());
    } catch (thrown) {
      const appError = toAppError(thrown, `${what} failed`);
      // The generic sentence for a missing record speaks of the portfolio, so a KPI gets its own.
      setError(appError.code === 'storage.notFound' ? t('kpis.portfolio.goneMeanwhile') : describeAppError(t, appError));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
