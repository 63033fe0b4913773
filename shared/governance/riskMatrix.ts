/**
 * The 5x5 risk matrix: a risk's score and rating, the heatmap of the register and the risks due
 * for review.
 *
 * Score = likelihood x impact, from 1 to 25. Rating bands, as on the conventional 5x5 matrix:
 * - `low`: 1 to 4;
 * - `medium`: 5 to 9;
 * - `high`: 10 to 16;
 * - `critical`: 20 to 25 (no product of two scores from 1 to 5 lies between 16 and 20).
 */
import type { RiskData, RiskScore } from '../domain/governance';
import type { CalendarDate, Id } from '../domain/types';

export type RiskRating = 'low' | 'medium' | 'high' | 'critical';

/** Ratings from the least to the most severe. */
export const riskRatings: readonly RiskRating[] = ['low', 'medium', 'high', 'critical'];

/** Scores on the 1 to 5 scale, in ascending order: the rows and columns of the heatmap. */
export const riskScores: readonly RiskScore[] = [1, 2, 3, 4, 5];

/** Lowest score of each rating band above `low`. A score below `medium` is `low`. */
export const ratingThresholds = { medium: 5, high: 10, critical: 17 } as const;

/** Returns likelihood x impact, from 1 to 25. */
export function riskScore(risk: Pick<RiskData, 'likelihood' | 'impact'>): number {
  return risk.likelihood * risk.impact;
}

/** Returns the rating band of a score from `riskScore`. */
export function ratingOfScore(score: number): RiskRating {
  if (score >= ratingThresholds.critical) return 'critical';
  if (score >= ratingThresholds.high) return 'high';
  if (score >= ratingThresholds.medium) return 'medium';
  return 'low';
}

/** Returns the rating band of a risk. */
export function riskRating(risk: Pick<RiskData, 'likelihood' | 'impact'>): RiskRating {
  return ratingOfScore(riskScore(risk));
}

/**
 * Checks whether a risk is due for review on `today`: it is not closed and its review date is
 * `today` or earlier. A risk without a review date is never due.
 */
export function isDueForReview(risk: Pick<RiskData, 'status' | 'reviewDate'>, today: CalendarDate): boolean {
  // `YYYY-MM-DD` strings compare in date order.
  return risk.status !== 'closed' && risk.reviewDate !== null && risk.reviewDate <= today;
}

/** A risk as the heatmap reads it. */
export type HeatmapRisk = { readonly id: Id } & Pick<RiskData, 'likelihood' | 'impact' | 'status'>;

export interface HeatmapCell {
  readonly likelihood: RiskScore;
  readonly impact: RiskScore;
  readonly score: number;
  readonly rating: RiskRating;
  /** Number of risks in the cell, the length of `riskIds`. */
  readonly count: number;
  /** Risks in the cell, in the order they were given. */
  readonly riskIds: readonly Id[];
}

export interface RiskHeatmap {
  /**
   * Cells by likelihood, then impact: `rows[likelihood - 1][impact - 1]`. The first row is
   * likelihood 1, so a chart that draws likelihood upwards draws the rows bottom to top.
   */
  readonly rows: readonly (readonly HeatmapCell[])[];
  /** Risks placed on the heatmap, that is every risk given that is not closed. */
  readonly total: number;
}

/**
 * Places every risk that is not closed in the cell of its likelihood and impact. A risk whose
 * likelihood or impact is not a whole number from 1 to 5 is left out.
 */
export function buildRiskHeatmap(risks: readonly HeatmapRisk[]): RiskHeatmap {
  const ids: Id[][][] = riskScores.map(() => riskScores.map(() => []));
  let total = 0;
  for (const risk of risks) {
    if (risk.status === 'closed') continue;
    const cell = ids[risk.likelihood - 1]?.[risk.impact - 1];
    if (cell === undefined) continue;
    cell.push(risk.id);
    total += 1;
  }

  const rows = riskScores.map((likelihood) =>
    riskScores.map((impact): HeatmapCell => {
      const riskIds = ids[likelihood - 1]?.[impact - 1] ?? [];
      const score = likelihood * impact;
      return { likelihood, impact, score, rating: ratingOfScore(score), count: riskIds.length, riskIds };
    }),
  );
  return { rows, total };
}

/** Returns the heatmap cell of a likelihood and an impact. */
export function heatmapCell(heatmap: RiskHeatmap, likelihood: RiskScore, impact: RiskScore): HeatmapCell {
  const cell = heatmap.rows[likelihood - 1]?.[impact - 1];
  if (cell === undefined)
    throw new RangeError(`Invalid likelihood ${likelihood} or impact ${impact}: both must be whole numbers from 1 to 5`);
  return cell;
}
