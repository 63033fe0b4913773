/**
 * Matching the providers of an import to stored providers, and renaming them.
 *
 * Identity is the provider code when both sides have one. Without a code on one side, a
 * provider matches by its current name, then by a former name. Each stored provider matches
 * at most one planned provider, so one import never merges two of its providers into one.
 */
import { providerProfileDefaults, providerProfileOf } from '@shared/domain/profileDefaults';
import type { Id, Period, Provider, ProviderData } from '@shared/domain/types';
import type { PlannedProvider } from './importPlanIndex';
import { upsertRecord } from './importUpsert';
import type { StampClock, TableChanges } from './importUpsert';

function addTo(map: Map<string, Provider[]>, key: string, provider: Provider): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [provider]);
  else list.push(provider);
}

/** Code and names of a provider in an import. A `null` name (a row that gives only a code) matches by code alone. */
export interface ProviderToMatch {
  readonly code: string | null;
  readonly name: string | null;
  readonly formerNames: readonly string[];
}

/** Returns, for each planned provider, the stored provider it is, or `null` for a new one. */
export function matchProviders(stored: readonly Provider[], planned: readonly ProviderToMatch[]): (Provider | null)[] {
  const byCode = new Map<string, Provider[]>();
  const byName = new Map<string, Provider[]>();
  const byFormerName = new Map<string, Provider[]>();
  for (const provider of stored) {
    if (provider.code !== null) addTo(byCode, provider.code, provider);
    addTo(byName, provider.name, provider);
    for (const name of provider.formerNames) addTo(byFormerName, name, provider);
  }

  const claimed = new Set<Id>();
  const matches: (Provider | null)[] = planned.map(() => null);

  const claimFirst = (index: number, candidates: readonly Provider[] | undefined, accept: (provider: Provider) => boolean): void => {
    if (matches[index] !== null || candidates === undefined) return;
    const found = candidates.find((provider) => !claimed.has(provider.id) && accept(provider));
    if (found === undefined) return;
    matches[index] = found;
    claimed.add(found.id);
  };

  // A code on both sides decides alone; names only link providers where one side has no code.
  planned.forEach((plan, index) => {
    if (plan.code !== null) claimFirst(index, byCode.get(plan.code), () => true);
  });
  const codesAgree = (plan: ProviderToMatch) => (provider: Provider) => plan.code === null || provider.code === null;
  planned.forEach((plan, index) => {
    if (plan.name !== null) claimFirst(index, byName.get(plan.name), codesAgree(plan));
  });
  planned.forEach((plan, index) => {
    if (plan.name === null) return;
    const names = [plan.name, ...[...plan.formerNames].reverse()];
    for (const name of names) {
      claimFirst(index, byName.get(name), codesAgree(plan));
      claimFirst(index, byFormerName.get(name), codesAgree(plan));
    }
  });
  return matches;
}

/** Returns `base` without `current`, followed by the names of `extra` not yet in it (except `current`). */
function appendNames(base: readonly string[], extra: readonly string[], current: string): string[] {
  const names = base.filter((name) => name !== current);
  for (const name of extra) {
    if (name !== current && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Returns the provider fields after an import. The file's name replaces the stored one unless
 * the stored provider already has measurements of a later period than the file, so importing
 * an old file does not undo a rename; either way, every name seen becomes a former name.
 */
export function importedProviderData(
  plan: PlannedProvider,
  stored: Provider | null,
  storedLatest: Period | null,
  fileLatest: Period | null,
): ProviderData {
  if (stored === null) {
    return { code: plan.code, name: plan.name, formerNames: appendNames([], plan.formerNames, plan.name), ...providerProfileDefaults };
  }

  const code = stored.code ?? plan.code;
  const profile = providerProfileOf(stored);
  const fileIsCurrent = storedLatest === null || fileLatest === null || fileLatest >= storedLatest;
  if (fileIsCurrent) {
    return {
      code,
      name: plan.name,
      formerNames: appendNames(stored.formerNames, [stored.name, ...plan.formerNames], plan.name),
      ...profile,
    };
  }
  // NOTE: names from an older file are appended after the stored former names, although they
  // may be older; the file gives no date for a name other than the periods it covers.
  return {
    code,
    name: stored.name,
    formerNames: appendNames(stored.formerNames, [...plan.formerNames, plan.name], stored.name),
    ...profile,
  };
}

/** Upserts the planned providers and returns the id of each, in plan order. */
export function upsertProviders(
  planned: readonly PlannedProvider[],
  matches: readonly (Provider | null)[],
  storedLatest: ReadonlyMap<Id, Period>,
  fileLatest: readonly (Period | null)[],
  stamp: StampClock,
  changes: TableChanges<Provider>,
): Id[] {
  return planned.map((plan, index) => {
    const stored = matches[index] ?? null;
    const latest = stored === null ? null : (storedLatest.get(stored.id) ?? null);
    const data = importedProviderData(plan, stored, latest, fileLatest[index] ?? null);
    return changes.record(upsertRecord(stored ?? undefined, data, stamp)).id;
  });
}
