/**
 * Returns the providers with the most breaches, most first: the first `count`, plus any tied
 * with the last of them, so that a cut never hides a provider as bad as one shown.
 */
export function mostBreached(counts: ReadonlyMap<string, number>, names: ReadonlyMap<string, string>, count: number): [string, number][] {
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (names.get(a[0]) ?? '').localeCompare(names.get(b[0]) ?? ''));
  const threshold = sorted[count - 1]?.[1];
  return threshold === undefined ? sorted : sorted.filter(([, breachCount], index) => index < count || breachCount === threshold);
}
