/** Pure view model of the export options: the scope the user chose and the file name it suggests. */
import type { Id } from '@shared/domain/types';
import type { ExportScope } from '@shared/file';

/** A provider as the export options list it. */
export interface ScopeProvider {
  readonly id: Id;
  readonly name: string;
}

/** Returns the providers sorted by name as the Providers list sorts them: by the user's language, ignoring case and accents. */
export function sortScopeProviders(providers: readonly ScopeProvider[]): ScopeProvider[] {
  return [...providers].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
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
  return scope.providerIds === undefined && scope.withoutCommercialTerms !== true && scope.rfp === undefined;
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

/** Translated pattern of a scoped file name, such as `{{name}} (without commercial terms)` in English. */
export interface ScopedFileNamePatterns {
  withoutCommercialTerms(name: string): string;
}

/**
 * Builds the suggested file name without its extension. A one-provider export is named after the
 * provider alone, because such a file is often shared outside the VMO and the portfolio is often
 * named after the client. A whole-portfolio export keeps the portfolio name. A note follows when
 * commercial terms are left out.
 */
export function scopedFileBaseName(portfolioName: string, choice: ExportScopeChoice, patterns: ScopedFileNamePatterns): string {
  const oneProvider = choice.extent === 'oneProvider' && choice.provider !== null ? choice.provider : null;
  const name = oneProvider === null ? portfolioName : oneProvider.name;
  return choice.withoutCommercialTerms ? patterns.withoutCommercialTerms(name) : name;
}
