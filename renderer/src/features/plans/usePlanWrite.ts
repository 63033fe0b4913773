/**
 * Runs one plan write with the device context, and keeps its failure as a user sentence. The
 * technical cause goes to the log through `toAppError`.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDeviceContext } from '../../db/catalogue';
import type { DeviceContext } from '../../db/catalogue';
import type { PortfolioDb } from '../../db/portfolioDb';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';

export interface PlanWrite {
  readonly busy: boolean;
  /** Sentence of the last failure, or `null`. */
  readonly error: string | null;
  /** Runs `write`; resolves to its result, or to `null` when it failed. `what` names the write in the log. */
  readonly run: <R>(what: string, write: (db: PortfolioDb, context: DeviceContext) => Promise<R>) => Promise<R | null>;
  readonly clearError: () => void;
}

export function usePlanWrite(): PlanWrite {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run: PlanWrite['run'] = async (what, write) => {
    setBusy(true);
    setError(null);
    try {
      return await write(db, await getDeviceContext());
    } catch (thrown) {
      setError(describeAppError(t, toAppError(thrown, `${what} failed`)));
      return null;
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    error,
    run,
    clearError: () => {
      setError(null);
    },
  };
}
