/**
 * Opens the database of the chosen portfolio, choosing or creating one when none is remembered,
 * and closes it when the choice changes or the app unmounts.
 */
import { useEffect, useState } from 'react';
import type { AppError } from '@shared/errors';
import { openPortfolioDb } from '../../db/portfolioDb';
import type { PortfolioDb } from '../../db/portfolioDb';
import { toAppError } from '../../reportError';
import { choosePortfolio } from './choosePortfolio';

type OpenState =
  | { readonly status: 'open'; readonly portfolioId: string; readonly db: PortfolioDb }
  | { readonly status: 'failed'; readonly portfolioId: string | null; readonly error: AppError };

export type OpenPortfolio = { readonly status: 'opening' } | OpenState;

/**
 * Returns the open database of `portfolioId`. When that portfolio does not exist, calls
 * `onChoose` with the one to open instead (the first one, or a new empty one named `newName`).
 */
export function useOpenPortfolio(portfolioId: string | null, newName: string, onChoose: (portfolioId: string) => void): OpenPortfolio {
  const [state, setState] = useState<OpenState | null>(null);

  useEffect(() => {
    const run = { cancelled: false, opened: null as PortfolioDb | null };
    // A function, so that each check reads the flag after the awaits before it.
    const cancelled = () => run.cancelled;
    void (async () => {
      try {
        const chosen = await choosePortfolio(portfolioId, newName);
        if (cancelled()) return;
        if (chosen !== portfolioId) {
          onChoose(chosen);
          return;
        }
        const db = await openPortfolioDb(chosen);
        run.opened = db;
        if (cancelled()) {
          db.close();
          return;
        }
        setState({ status: 'open', portfolioId: chosen, db });
      } catch (thrown) {
        if (!cancelled()) setState({ status: 'failed', portfolioId, error: toAppError(thrown, 'Opening the portfolio failed') });
      }
    })();
    return () => {
      run.cancelled = true;
      run.opened?.close();
    };
  }, [portfolioId, newName, onChoose]);

  // A state left from the previous portfolio counts as still opening.
  if (state === null || state.portfolioId !== portfolioId) return { status: 'opening' };
  return state;
}
