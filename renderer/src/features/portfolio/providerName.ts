/** Checks a provider name typed in the rename form, and the fields a rename writes. */
import type { Id, Provider, ProviderData } from '@shared/domain/types';
import { importedProviderData } from '../../db/importProviders';

/** Maximum length of a provider name in UTF-16 code units, the same limit as for a portfolio name. */
export const maxProviderNameLength = 200;

export type ProviderNameCheck =
  | { readonly kind: 'valid'; readonly name: string }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'tooLong'; readonly length: number }
  | { readonly kind: 'taken'; readonly name: string };

/**
 * Checks a new name for the provider `providerId`. The name is trimmed. It must not be empty,
 * longer than `maxProviderNameLength`, or the current name of another provider in any case,
 * because imports without provider codes match providers by name.
 */
export function checkProviderName(input: string, providerId: Id, providers: readonly Pick<Provider, 'id' | 'name'>[]): ProviderNameCheck {
  const name = input.trim();
  if (name === '') return { kind: 'empty' };
  if (name.length > maxProviderNameLength) return { kind: 'tooLong', length: name.length };

  const current = providers.find((provider) => provider.id === providerId);
  if (current?.name === name) return { kind: 'unchanged' };

  const folded = name.toLocaleLowerCase();
  const other = providers.find((provider) => provider.id !== providerId && provider.name.toLocaleLowerCase() === folded);
  if (other !== undefined) return { kind: 'taken', name: other.name };
  return { kind: 'valid', name };
}

/**
 * Returns the name fields after renaming `provider` to `name`. The rule is the one an import
 * applies when a file renames a provider: the old name becomes the latest former name, and
 * `name` leaves the former names if it was one.
 */
export function renamedProviderFields(provider: Provider, name: string): Pick<ProviderData, 'name' | 'formerNames'> {
  const renamed = importedProviderData({ code: provider.code, name, formerNames: [] }, provider, null, null);
  return { name: renamed.name, formerNames: renamed.formerNames };
}
