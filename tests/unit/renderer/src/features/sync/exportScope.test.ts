import { describe, expect, test } from 'vitest';
import {
  choiceWithProviders,
  isWholePortfolio,
  scopedFileBaseName,
  scopeOfChoice,
  sortScopeProviders,
  wholePortfolioChoice,
} from '../../../../../../renderer/src/features/sync/exportScope';
import type { ExportScopeChoice, ScopedFileNamePatterns } from '../../../../../../renderer/src/features/sync/exportScope';

const north = { id: 'p-north', name: 'North Contact Centre' };
const south = { id: 'p-south', name: 'South Contact Centre' };
const oneProvider: ExportScopeChoice = { extent: 'oneProvider', provider: north, withoutCommercialTerms: false };

describe('scopeOfChoice', () => {
  test('whole portfolio gives an empty scope', () => {
    expect(scopeOfChoice(wholePortfolioChoice)).toEqual({ kind: 'ready', scope: {} });
  });

  test('one provider gives its id', () => {
    expect(scopeOfChoice(oneProvider)).toEqual({ kind: 'ready', scope: { providerIds: [north.id] } });
  });

  test('without commercial terms is added', () => {
    expect(scopeOfChoice({ ...oneProvider, withoutCommercialTerms: true })).toEqual({
      kind: 'ready',
      scope: { providerIds: [north.id], withoutCommercialTerms: true },
    });
    expect(scopeOfChoice({ ...wholePortfolioChoice, withoutCommercialTerms: true })).toEqual({
      kind: 'ready',
      scope: { withoutCommercialTerms: true },
    });
  });

  test('one provider without a provider is invalid', () => {
    expect(scopeOfChoice({ ...oneProvider, provider: null })).toEqual({ kind: 'invalid', reason: 'noProvider' });
  });

  test('whole portfolio ignores a remembered provider', () => {
    expect(scopeOfChoice({ ...oneProvider, extent: 'wholePortfolio' })).toEqual({ kind: 'ready', scope: {} });
  });
});

describe('isWholePortfolio', () => {
  test('holds for an empty scope only', () => {
    expect(isWholePortfolio({})).toBe(true);
    expect(isWholePortfolio({ withoutCommercialTerms: false })).toBe(true);
    expect(isWholePortfolio({ withoutCommercialTerms: true })).toBe(false);
    expect(isWholePortfolio({ providerIds: [north.id] })).toBe(false);
  });
});

describe('choiceWithProviders', () => {
  test('picks the first provider when none is chosen', () => {
    expect(choiceWithProviders({ ...oneProvider, provider: null }, [south, north]).provider).toEqual(south);
  });

  test('replaces a provider that is gone', () => {
    expect(choiceWithProviders(oneProvider, [south]).provider).toEqual(south);
  });

  test('follows a rename', () => {
    expect(choiceWithProviders(oneProvider, [{ ...north, name: 'North (Leeds)' }, south]).provider).toEqual({
      id: north.id,
      name: 'North (Leeds)',
    });
  });

  test('returns the same choice when nothing changed', () => {
    expect(choiceWithProviders(oneProvider, [north, south])).toBe(oneProvider);
    expect(choiceWithProviders(wholePortfolioChoice, [])).toBe(wholePortfolioChoice);
  });

  test('clears the provider when the portfolio has none', () => {
    expect(choiceWithProviders(oneProvider, []).provider).toBeNull();
  });
});

describe('scopedFileBaseName', () => {
  const patterns: ScopedFileNamePatterns = {
    withoutCommercialTerms: (name) => `${name} (without commercial terms)`,
  };

  test('whole portfolio is the portfolio name', () => {
    expect(scopedFileBaseName('NHS 111', wholePortfolioChoice, patterns)).toBe('NHS 111');
  });

  test('one provider leaves out the portfolio', () => {
    expect(scopedFileBaseName('Client Alpha', oneProvider, patterns)).toBe('North Contact Centre');
  });

  test('left-out terms are noted last', () => {
    expect(scopedFileBaseName('Client Alpha', { ...oneProvider, withoutCommercialTerms: true }, patterns)).toBe(
      'North Contact Centre (without commercial terms)',
    );
  });

  test('whole portfolio without terms keeps its name', () => {
    expect(scopedFileBaseName('NHS 111', { ...wholePortfolioChoice, withoutCommercialTerms: true }, patterns)).toBe(
      'NHS 111 (without commercial terms)',
    );
  });
});

describe('sortScopeProviders', () => {
  test('ignores case and accents', () => {
    const sorted = sortScopeProviders([south, { id: 'p-eta', name: 'éta Services' }, { id: 'p-alpha', name: 'alpha Desk' }, north]);
    expect(sorted.map((provider) => provider.id)).toEqual(['p-alpha', 'p-eta', 'p-north', 'p-south']);
  });

  test('leaves the input unsorted', () => {
    const input = [south, north];
    sortScopeProviders(input);
    expect(input).toEqual([south, north]);
  });
});
