import { useCallback, useEffect, useRef } from 'react';
import type { Id } from '@shared/domain/types';
import { selectPortfolioId, selectReplacePortfolio, useUiStore } from '../../state/uiStore';

/**
 * Returns a function that moves the app off a portfolio about to be deleted. When `portfolioId`
 * is the open portfolio, it opens the one `chooseReplacement` resolves to and resolves once the
 * app has closed its connection to the old one. Otherwise it resolves at once. The remembered
 * portfolio in the persisted UI state changes in the same step, so a restart never reopens
 * the deleted portfolio.
 */
export function useReleaseOpenPortfolio(): (portfolioId: Id, chooseReplacement: () => Promise<Id>) => Promise<void> {
  const openPortfolioId = useUiStore(selectPortfolioId);
  const replacePortfolio = useUiStore(selectReplacePortfolio);
  const waiting = useRef<(() => void)[]>([]);

  useEffect(() => {
    // This effect runs in the commit that shows the new portfolio id. React (19, in
    // flushPassiveEffects) runs all effect cleanups of a commit before its new effects, so the
    // cleanup in `useOpenPortfolio` has closed the old portfolio's database by now.
    for (const resolve of waiting.current.splice(0)) resolve();
  }, [openPortfolioId]);

  return useCallback(
    async (portfolioId, chooseReplacement) => {
      if (useUiStore.getState().portfolioId !== portfolioId) return;
      const replacementId = await chooseReplacement();
      await new Promise<void>((resolve) => {
        waiting.current.push(resolve);
        replacePortfolio(replacementId);
      });
    },
    [replacePortfolio],
  );
}
