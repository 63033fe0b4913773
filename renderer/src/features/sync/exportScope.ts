/** Pure view model of the export options: the scope the user chose and the file name it suggests. */
import type { Id } from '@shared/domain/types';
import type { ExportScope } from '@shared/file';

/** A provider as the export options list it. */
export interface ScopeProvider {
  readonly id: Id;
  readonly name: string;
}

/** Current setting of the export options. */
export interface ExportScopeChoice {
  readonly extent: 'wholePortfolio' | 'oneProvider';
  /** Provider chosen for `oneProvider`, or `null` until one is chosen and when the portfolio has none. */
  readonly provider: ScopeProvider | null;
  readonly withoutCommercialTerms: boolean;
}

export const wholePortfolioChoice: ExportScopeChoice = { extent: 'wholePortfolio', provider: null, withoutCommercialTerms: false };

/** Outcome of the export options: the scope to export, or nothing because no provider is chosen. */
export type ExportScopeCheck =
  { readonly kind: 'ready'; readonly scope: ExportScope } | { readonly kind: 'invalid'; readonly reason: 'noProvider' };

/** Checks whether `scope` leaves nothing out, so the export is a full one without a scope in its manifest. */
export function isWholePortfolio(scope: ExportScope): boolean {
  return scope.providerIds === undefined && scope.withoutCommercialTerms !== true;
}

/** Turns the options into the scope that `exportPortfolioBytes` takes. An empty scope means the whole portfolio. */
export function scopeOfChoice(choice: ExportScopeChoice): ExportScopeCheck {
  if (choice.extent === 'oneProvider' && choice.provider === null) return { kind: 'invalid', reason: 'noProvider' };
  const providerIds = choice.extent === 'oneProvider' && choice.provider !== null ? { providerIds: [choice.provider.id] } : {};
  const terms = choice.withoutCommercialTerms ? { withoutCommercialTerms: true } : {};
  return { kind: 'ready', scope: { ...providerIds, ...terms } };
}

/**
 * Returns the choice after the portfolio's providers changed: a chosen provider that is gone is
 * replaced by the first one, and its name follows a rename. The same object when nothing changed.
 */
export function choiceWithProviders(choice: ExportScopeChoice, providers: readonly ScopeProvider[]): ExportScopeChoice {
  if (choice.extent !== 'oneProvider') return choice;
  const current = choice.provider === null ? undefined : providers.find((provider) => provider.id === choice.provider?.id);
  const next = current ?? providers[0] ?? null;
  if (next?.id === choice.provider?.id && next?.name === choice.provider?.name) return choice;
  return { ...choice, provider: next === null ? null : { id: next.id, name: next.name } };
}

/** Translated patterns of a scoped file name, such as `{{portfolio}} - {{provider}}` in English. */
export interface ScopedFileNamePatterns {
  withProvider(portfolio: string, provider: string): string;
  withoutCommercialTerms(name: string): string;
}

/**
 * Builds the suggested file name without its extension: the portfolio name, then the provider
 * for a one-provider export, then a note when commercial terms are left out.
 */
export function scopedFileBaseName(portfolioName: string, choice: ExportScopeChoice, patterns: ScopedFileNamePatterns): string {
  let name = portfolioName;
  if (choice.extent === 'oneProvider' && choice.provider !== null) name = patterns.withProvider(name, choice.provider.name);
  if (choice.withoutCommercialTerms) name = patterns.withoutCommercialTerms(name);
  return name;
}
