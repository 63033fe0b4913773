/** Price score formulas: a total cost of ownership (TCO) in base minor units to a score on the price criterion's scale. */

export type FormulaPriceMethod = 'lowestOverBid' | 'linear';

/**
 * Scores one TCO against the lowest and highest TCO of the comparison set, on a scale from
 * `min` to `max`. All TCOs must be positive.
 * - `lowestOverBid`: `min + (max - min) * lowest / total`; on a 0 to 5 scale the lowest bid
 *   scores 5 and a bid twice as dear scores 2.5.
 * - `linear`: `max - (total - lowest) / (highest - lowest) * (max - min)`: the lowest bid
 *   scores `max`, the highest `min`; every bid scores `max` when all TCOs are equal.
 * The score is clamped to `[min, max]`, for a TCO outside the comparison set's range.
 */
export function priceScore(method: FormulaPriceMethod, total: number, lowest: number, highest: number, min: number, max: number): number {
  const range = max - min;
  let score: number;
  if (method === 'lowestOverBid') {
    score = min + (range * lowest) / total;
  } else {
    score = highest === lowest ? max : max - ((total - lowest) / (highest - lowest)) * range;
  }
  return Math.min(max, Math.max(min, score));
}
