/**
 * UI state: which portfolio is open and which screen shows. Portfolio data never lives here;
 * it comes from Dexie through live queries.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ProviderFilter } from '../features/portfolio/providerRows';

export type Screen =
  | { readonly name: 'dashboard' }
  | { readonly name: 'providers' }
  | { readonly name: 'provider'; readonly providerId: string }
  | { readonly name: 'import' }
  | { readonly name: 'sync' };

interface UiState {
  readonly portfolioId: string | null;
  readonly screen: Screen;
  readonly providerSearch: string;
  readonly providerFilter: ProviderFilter;
  readonly openPortfolio: (portfolioId: string | null) => void;
  readonly navigate: (screen: Screen) => void;
  readonly setProviderSearch: (search: string) => void;
  readonly setProviderFilter: (filter: ProviderFilter) => void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      portfolioId: null,
      screen: { name: 'providers' },
      providerSearch: '',
      providerFilter: 'all',
      openPortfolio: (portfolioId) => {
        set({ portfolioId, screen: { name: 'providers' }, providerSearch: '', providerFilter: 'all' });
      },
      navigate: (screen) => {
        set({ screen });
      },
      setProviderSearch: (providerSearch) => {
        set({ providerSearch });
      },
      setProviderFilter: (providerFilter) => {
        set({ providerFilter });
      },
    }),
    {
      // Reopens the last portfolio and screen after a reload or restart.
      name: 'steerwise-ui',
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ portfolioId: state.portfolioId, screen: state.screen }),
    },
  ),
);

export const selectPortfolioId = (state: UiState): string | null => state.portfolioId;
export const selectScreen = (state: UiState): Screen => state.screen;
export const selectProviderSearch = (state: UiState): string => state.providerSearch;
export const selectProviderFilter = (state: UiState): ProviderFilter => state.providerFilter;
export const selectNavigate = (state: UiState): UiState['navigate'] => state.navigate;
export const selectOpenPortfolio = (state: UiState): UiState['openPortfolio'] => state.openPortfolio;
export const selectSetProviderSearch = (state: UiState): UiState['setProviderSearch'] => state.setProviderSearch;
export const selectSetProviderFilter = (state: UiState): UiState['setProviderFilter'] => state.setProviderFilter;
