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
  /** The KPIs and SLAs screen: the portfolio's KPIs, the KPI library and the user's own KPIs. */
  | { readonly name: 'kpis' }
  | { readonly name: 'provider'; readonly providerId: string }
  /** The measurement entry grid: months by the service levels of a provider or by the providers of a KPI. */
  | { readonly name: 'measurements' }
  /** The import wizard, with `kind` chosen in its first step (measurements when absent). */
  | { readonly name: 'import'; readonly kind?: ImportKind }
  /** The Escalations screen, with the details of `escalationId` open when given. */
  | { readonly name: 'escalations'; readonly escalationId?: string }
  /** The Risks screen, with the register filtered to `providerId` when given. */
  | { readonly name: 'risks'; readonly providerId?: string }
  | { readonly name: 'sync' }
  /** The Reports screen: the steering committee pack's builder and preview. */
  | { readonly name: 'reports' }
  /** The automatic backups the desktop app keeps in its user data folder. */
  | { readonly name: 'backups' }
  /** `focusCreate` moves focus into the name field of the create form, as the header's "New empty portfolio" asks. */
  | { readonly name: 'portfolios'; readonly focusCreate?: boolean }
  | { readonly name: 'rfps' }
  | { readonly name: 'rfp'; readonly rfpId: string; readonly tab: RfpTab }
  /** The Transition plans screen, showing the list or the roadmap of every plan. */
  | { readonly name: 'plans'; readonly view?: PlansView }
  | { readonly name: 'plan'; readonly planId: string }
  /** The Processes screen as tables by function or as the readiness board, filtered to `providerId` (`none` for no provider) when given. */
  | { readonly name: 'processes'; readonly view?: ProcessesView; readonly providerId?: string }
  /** The Governance screen on `tab` (meetings when absent), with the meeting `meetingId` open on the Meetings tab. */
  | { readonly name: 'governance'; readonly tab?: GovernanceTab; readonly meetingId?: string };

/** Checks whether `screen` shows one record of the open portfolio, such as a provider, an RFP or a plan. */
function showsOneRecord(screen: Screen): boolean {
  return (
    screen.name === 'provider' ||
    screen.name === 'rfp' ||
    screen.name === 'plan' ||
    (screen.name === 'governance' && screen.meetingId !== undefined)
  );
}

/** Kinds of data the import wizard reads: monthly measurements, or providers and their contracts. */
export type ImportKind = 'measurements' | 'providersContracts';

/** Views of the Transition plans screen. */
export type PlansView = 'list' | 'roadmap';

/** Views of the Processes screen. */
export type ProcessesView = 'table' | 'board';

/** Tabs of the Governance screen. */
export type GovernanceTab = 'meetings' | 'decisions' | 'actions' | 'calendar' | 'workload' | 'activity';

/** Tabs of an RFP's detail screen. */
export type RfpTab = 'setup' | 'matrix' | 'results' | 'sensitivity' | 'award';

/**
 * The last file merged into a portfolio, so that "Undo import" is still offered after navigating
 * away or restarting the app. It is persisted, and dropped once its backup or its portfolio is gone.
 */
export interface LastImport {
  readonly portfolioId: string;
  /** The `beforeImport` backup that "Undo import" restores. */
  readonly backupId: string;
  readonly fileName: string;
  /** Instant of the merge, a UTC ISO string. */
  readonly mergedAt: string;
  readonly added: number;
  readonly changed: number;
  readonly deleted: number;
  /** Conflicts whose other value the user chose to keep. */
  readonly keptCount: number;
}

interface UiState {
  readonly portfolioId: string | null;
  readonly screen: Screen;
  readonly providerSearch: string;
  readonly providerFilter: ProviderFilter;
  readonly lastImport: LastImport | null;
  /** Instant (UTC ISO string) at which this device last marked each portfolio's notifications as read, by portfolio id. */
  readonly notificationsSeenAt: Readonly<Record<string, string>>;
  readonly openPortfolio: (portfolioId: string | null) => void;
  /** Opens another portfolio in place of a missing one or one about to be deleted, staying on the Portfolios screen. */
  readonly replacePortfolio: (portfolioId: string | null) => void;
  readonly navigate: (screen: Screen) => void;
  readonly setProviderSearch: (search: string) => void;
  readonly setProviderFilter: (filter: ProviderFilter) => void;
  readonly setLastImport: (lastImport: LastImport | null) => void;
  readonly markNotificationsSeen: (portfolioId: string, at: string) => void;
}

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      portfolioId: null,
      screen: { name: 'providers' },
      providerSearch: '',
      providerFilter: 'all',
      lastImport: null,
      notificationsSeenAt: {},
      openPortfolio: (portfolioId) => {
        set({ portfolioId, screen: { name: 'providers' }, providerSearch: '', providerFilter: 'all' });
      },
      replacePortfolio: (portfolioId) => {
        // The Portfolios screen lists every portfolio, so it stays; any other screen shows the old portfolio's data.
        // At first start there is no old portfolio, so a screen the user chose while it was being created stays too.
        set((state) => ({
          portfolioId,
          screen:
            state.screen.name === 'portfolios' || (state.portfolioId === null && !showsOneRecord(state.screen))
              ? state.screen
              : { name: 'providers' },
          providerSearch: '',
          providerFilter: 'all',
        }));
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
      setLastImport: (lastImport) => {
        set({ lastImport });
      },
      markNotificationsSeen: (portfolioId, at) => {
        set((state) => ({ notificationsSeenAt: { ...state.notificationsSeenAt, [portfolioId]: at } }));
      },
    }),
    {
      // Reopens the last portfolio and screen after a reload or restart.
      name: 'steerwise-ui',
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({
        portfolioId: state.portfolioId,
        screen: state.screen,
        lastImport: state.lastImport,
        notificationsSeenAt: state.notificationsSeenAt,
      }),
    },
  ),
);

/**
 * Checks whether "Undo import" can still restore `lastImport`: its portfolio is still on this
 * computer and its backup still exists. Backups are pruned and can be deleted on the Portfolios
 * screen, so a persisted import can outlive its backup.
 */
export function isLastImportUndoable(lastImport: LastImport, portfolioIds: readonly string[], backupIds: readonly string[]): boolean {
  return portfolioIds.includes(lastImport.portfolioId) && backupIds.includes(lastImport.backupId);
}

export const selectPortfolioId = (state: UiState): string | null => state.portfolioId;
export const selectScreen = (state: UiState): Screen => state.screen;
export const selectProviderSearch = (state: UiState): string => state.providerSearch;
export const selectProviderFilter = (state: UiState): ProviderFilter => state.providerFilter;
export const selectNavigate = (state: UiState): UiState['navigate'] => state.navigate;
export const selectOpenPortfolio = (state: UiState): UiState['openPortfolio'] => state.openPortfolio;
export const selectReplacePortfolio = (state: UiState): UiState['replacePortfolio'] => state.replacePortfolio;
export const selectSetProviderSearch = (state: UiState): UiState['setProviderSearch'] => state.setProviderSearch;
export const selectSetProviderFilter = (state: UiState): UiState['setProviderFilter'] => state.setProviderFilter;
export const selectLastImport = (state: UiState): LastImport | null => state.lastImport;
export const selectSetLastImport = (state: UiState): UiState['setLastImport'] => state.setLastImport;
export const selectNotificationsSeenAt = (state: UiState): UiState['notificationsSeenAt'] => state.notificationsSeenAt;
export const selectMarkNotificationsSeen = (state: UiState): UiState['markNotificationsSeen'] => state.markNotificationsSeen;
