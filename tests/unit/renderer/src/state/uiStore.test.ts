import { beforeEach, describe, expect, it, vi } from 'vitest';

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

const { useUiStore } = await import('../../../../../renderer/src/state/uiStore');

/** Returns the portfolio id and screen as persisted for the next start. */
function persisted(): { portfolioId: string | null; screen: { name: string } } {
  const text = stored.get('steerwise-ui');
  if (text === undefined) throw new Error('nothing persisted');
  return (JSON.parse(text) as { state: { portfolioId: string | null; screen: { name: string } } }).state;
}

beforeEach(() => {
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

  it('clears the provider search', () => {
    useUiStore.getState().setProviderSearch('north');
    useUiStore.getState().replacePortfolio('other-portfolio');
    expect(useUiStore.getState().providerSearch).toBe('');
  });

  it('persists the new id at once', () => {
    useUiStore.getState().navigate({ name: 'portfolios' });
    expect(persisted().portfolioId).toBe('deleted-portfolio');
    useUiStore.getState().replacePortfolio('other-portfolio');
    expect(persisted()).toEqual({ portfolioId: 'other-portfolio', screen: { name: 'portfolios' } });
  });
});

describe('openPortfolio', () => {
  it('shows the Providers screen', () => {
    useUiStore.getState().navigate({ name: 'portfolios' });
    useUiStore.getState().openPortfolio('other-portfolio');
    expect(useUiStore.getState().screen).toEqual({ name: 'providers' });
  });
});
