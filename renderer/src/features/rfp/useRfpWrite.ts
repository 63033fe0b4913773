/**
 * Runs one RFP write with the device context, and keeps its failure as a user sentence. The
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

export interface RfpWrite {
  readonly busy: boolean;
  /** Sentence of the last failure, or `null`. */
  readonly error: string | null;
  /** Runs `write`; resolves to true when it succeeded. `what` names the write in the log. */
  readonly run: (what: string, write: (db: PortfolioDb, context: DeviceContext) => Promise<unknown>) => Promise<boolean>;
  readonly clearError: () => void;
}

export function useRfpWrite(): RfpWrite {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run: RfpWrite['run'] = async (what, write) => {
    setBusy(true);
    setError(null);
    try {
      await write(db, await getDeviceContext());
      return true;
    } catch (thrown) {
      setError(describeAppError(t, toAppError(thrown, `${what} failed`)));
      return false;
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
