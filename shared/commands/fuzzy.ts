/**
 * Fuzzy matching for the command palette: the query's characters must appear in the label in
 * order, not necessarily side by side. Matches at word starts and runs of adjacent characters
 * rank higher, so `gpro` ranks "Go to Providers" above "Go to Processes".
 */

/** Score of a label that matches; higher is better. `null` means no match. */
export function fuzzyScore(query: string, label: string): number | null {
  const needle = query.trim().toLowerCase();
  if (needle === '') return 0;
  const haystack = label.toLowerCase();

  let score = 0;
  let position = 0;
  let previousMatch = -2;
  for (const character of needle) {
    if (character === ' ') continue;
    const found = haystack.indexOf(character, position);
    if (found === -1) return null;

    score += 1;
    if (found === previousMatch + 1) score += 3;
    if (found === 0 || /[\s\-/.(]/.test(haystack.charAt(found - 1))) score += 5;
    // Characters skipped before the match make it weaker.
    score -= Math.min(found - position, 3) * 0.1;

    previousMatch = found;
    position = found + 1;
  }
  return score;
}

/** Returns the items whose label matches `query`, best first, keeping registry order among equal scores. */
export function rankByFuzzyMatch<T>(items: readonly T[], query: string, labelOf: (item: T) => string): T[] {
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const score = fuzzyScore(query, labelOf(item));
    if (score !== null) scored.push({ item, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.map((entry) => entry.item);
}
