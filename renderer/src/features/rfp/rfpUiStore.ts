/**
 * UI state of the RFP screens: the evaluator chosen on this laptop for each RFP. It is kept in
 * local storage so that the laptop stays with its evaluator after a restart; it is never synced.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Id } from '@shared/domain/types';

interface RfpUiState {
  /** Evaluator id by RFP id. */
  readonly evaluatorByRfp: Readonly<Record<Id, Id>>;
  readonly chooseEvaluator: (rfpId: Id, evaluatorId: Id | null) => void;
}

export const useRfpUiStore = create<RfpUiState>()(
  persist(
    (set) => ({
      evaluatorByRfp: {},
      chooseEvaluator: (rfpId, evaluatorId) => {
        set((state) => {
          const others = Object.entries(state.evaluatorByRfp).filter(([id]) => id !== rfpId);
          return { evaluatorByRfp: Object.fromEntries(evaluatorId === null ? others : [...others, [rfpId, evaluatorId]]) };
        });
      },
    }),
    { name: 'steerwise-rfp-ui', storage: createJSONStorage(() => localStorage) },
  ),
);

export const selectEvaluatorByRfp = (state: RfpUiState): RfpUiState['evaluatorByRfp'] => state.evaluatorByRfp;
export const selectChooseEvaluator = (state: RfpUiState): RfpUiState['chooseEvaluator'] => state.chooseEvaluator;
