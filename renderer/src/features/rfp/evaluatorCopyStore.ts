/**
 * Portfolios on this laptop that were created from an evaluator file, with the RFP and evaluator
 * of that file. Such a portfolio is the evaluator's own copy: its RFP screen offers "Export my
 * scores", and files merged into it are taken in whole rather than filtered to scores. Kept in
 * local storage like `rfpUiStore`, never synced.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Id } from '@shared/domain/types';
import type { EvaluatorScope } from '@shared/file';

interface EvaluatorCopyState {
  /** Scope of the evaluator file each portfolio was created from, by portfolio id. */
  readonly copies: Readonly<Record<Id, EvaluatorScope>>;
  readonly rememberCopy: (portfolioId: Id, scope: EvaluatorScope) => void;
}

export const useEvaluatorCopyStore = create<EvaluatorCopyState>()(
  persist(
    (set) => ({
      copies: {},
      rememberCopy: (portfolioId, scope) => {
        set((state) => ({ copies: { ...state.copies, [portfolioId]: { rfpId: scope.rfpId, evaluatorId: scope.evaluatorId } } }));
      },
    }),
    { name: 'steerwise-evaluator-copies', storage: createJSONStorage(() => localStorage) },
  ),
);

export const selectEvaluatorCopies = (state: EvaluatorCopyState): EvaluatorCopyState['copies'] => state.copies;
