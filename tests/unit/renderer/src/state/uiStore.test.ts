import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LastImport } from '../../../../../renderer/src/state/uiStore';

const stored = vi.hoisted(() => {
  // Node has no localStorage; the store persists through this one, so the test can read what a restart would.
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      items.set(key, value);
    },
    removeItem: (key: string) => {
      items.delete(key);
    },
  });
  return items;
});

const { isLastImportUndoable, useUiStore } = await import('../../../../../renderer/src/state/uiStore');

interface PersistedUi {
  portfolioId: string | null;
  screen: { name: string };
  lastImport: LastImport | null;
  notificationsSeenAt: Record<string, string>;
}

/** Returns the UI state as persisted for the next start. */
function persisted(): PersistedUi {
  const text = stored.get('steerwise-ui');
  if (text === undefined) throw new Error('nothing persisted');
  return (JSON.parse(text) as { state: PersistedUi }).state;
}

const lastImport: LastImport = {
  portfolioId: 'p1',
  backupId: 'b1',
  fileName: 'laptop-b.steerwise',
  mergedAt: '2026-03-01T10:00:00.000Z',
  added: 2,
  changed: 1,
  deleted: 0,
  keptCount: 0,
};

beforeEach(() => {
  useUiStore.getState().setLastImport(null);
  useUiStore.getState().openPortfolio('deleted-portfolio');
});

describe('replacePortfolio', () => {
  it('stays on the Portfolios screen', () => {
    useUiStore.getState().navigate({ name: 'portfolios' });
    useUiStore.getState().replacePortfolio('other-portfolio');
    expect(useUiStore.getState().screen).toEqual({ name: 'portfolios' });
    expect(useUiStore.getState().portfolioId).toBe('other-portfolio');
  });

  it('leaves a provider page for Providers', () => {
    useUiStore.getState().navigate({ name: 'provider', providerId: 'p1' });
    useUiStore.getState().replacePortfolio('other-portfolio');
    expect(useUiStore.getState().screen).toEqual({ name: 'providers' });
  });

  it('leaves a plan screen for Providers', () => {
    useUiStore.getState().navigate({ name: 'plan', planId: 'plan1' });
    useUiStore.getState().replacePortfolio('other-portfolio');
    expect(useUiStore.getState().screen).toEqual({ name: 'providers' });
  });

  it('keeps the plans roadmap chosen at first start', () => {
    useUiStore.setState({ portfolioId: null });
    useUiStore.getState().navigate({ name: 'plans', view: 'roadmap' });
    useUiStore.getState().replacePortfolio('first-portfolio');
    expect(useUiStore.getState().screen).toEqual({ name: 'plans', view: 'roadmap' });
  });

  it('keeps a screen chosen at first start', () => {
    useUiStore.setState({ portfolioId: null });
    useUiStore.getState().navigate({ name: 'rfps' });
    useUiStore.getState().replacePortfolio('first-portfolio');
    expect(useUiStore.getState().screen).toEqual({ name: 'rfps' });
  });

  it('leaves a record screen at first start', () => {
    useUiStore.setState({ portfolioId: null });
    useUiStore.getState().navigate({ name: 'rfp', rfpId: 'r1', tab: 'setup' });
    useUiStore.getState().replacePortfolio('first-portfolio');
    expect(useUiStore.getState().screen).toEqual({ name: 'providers' });
  });

  it('clears the provider search', () => {
    useUiStore.getState().setProviderSearch('north');
    useUiStore.getState().replacePortfolio('other-portfolio');
    expect(useUiStore.getState().providerSearch).toBe('');
  });

  it('persists the new id at once', () => {
    useUiStore.getState().navigate({ name: 'portfolios' });
    expect(persisted().portfolioId).toBe('deleted-portfolio');
    useUiStore.getState().replacePortfolio('other-portfolio');
    expect(persisted()).toEqual({ portfolioId: 'other-portfolio', screen: { name: 'portfolios' }, lastImport: null, notificationsSeenAt: {} });
  });
});

describe('openPortfolio', () => {
  it('shows the Providers screen', () => {
    useUiStore.getState().navigate({ name: 'portfolios' });
    useUiStore.getState().openPortfolio('other-portfolio');
    expect(useUiStore.getState().screen).toEqual({ name: 'providers' });
  });
});

describe('lastImport', () => {
  it('is persisted for a restart', () => {
    useUiStore.getState().setLastImport(lastImport);
    expect(persisted().lastImport).toEqual(lastImport);
  });

  it('is persisted as null after undo', () => {
    useUiStore.getState().setLastImport(lastImport);
    useUiStore.getState().setLastImport(null);
    expect(persisted().lastImport).toBeNull();
  });
});

describe('isLastImportUndoable', () => {
  it('accepts an existing backup and portfolio', () => {
    expect(isLastImportUndoable(lastImport, ['p1', 'p2'], ['b0', 'b1'])).toBe(true);
  });

  it('rejects a missing backup', () => {
    expect(isLastImportUndoable(lastImport, ['p1'], ['b0'])).toBe(false);
  });

  it('rejects a deleted portfolio', () => {
    expect(isLastImportUndoable(lastImport, ['p2'], ['b1'])).toBe(false);
  });
});

describe('markNotificationsSeen', () => {
  it('persists the mark per portfolio', () => {
    useUiStore.getState().markNotificationsSeen('p1', '2026-03-01T10:00:00.000Z');
    useUiStore.getState().markNotificationsSeen('p2', '2026-03-02T10:00:00.000Z');
    useUiStore.getState().markNotificationsSeen('p1', '2026-03-03T10:00:00.000Z');
    expect(persisted().notificationsSeenAt).toEqual({ p1: '2026-03-03T10:00:00.000Z', p2: '2026-03-02T10:00:00.000Z' });
  });
});
