/** Scoring scales: the default 0 to 5 scale, the knockout values and the checks on a value. */
import type { ScaleLevel, ScoringScale } from '../domain/rfp';

/** Knockout verdicts as stored in `ScoreData.value` and `ConsensusScoreData.value`. */
export const knockoutPass = 1;
export const knockoutFail = 0;

/**
 * Default 0 to 5 scale with generic level texts. Templates replace the descriptions with ones
 * written for each criterion.
 */
export const defaultScale: ScoringScale = {
  levels: [
    { value: 0, label: 'Not met', description: 'The bid does not address the criterion, or what it offers does not meet it.' },
    { value: 1, label: 'Poor', description: 'The bid touches the criterion but leaves major gaps or risks.' },
    { value: 2, label: 'Weak', description: 'The bid meets part of the criterion; several gaps remain.' },
    { value: 3, label: 'Adequate', description: 'The bid meets the criterion with minor gaps.' },
    { value: 4, label: 'Good', description: 'The bid meets the criterion fully, with evidence.' },
    { value: 5, label: 'Excellent', description: 'The bid exceeds the criterion, with evidence of results achieved elsewhere.' },
  ],
};

/** Lowest and highest level value; `null` for a scale with fewer than two levels. */
export function scaleRange(scale: ScoringScale): { readonly min: number; readonly max: number } | null {
  const first = scale.levels[0];
  const last = scale.levels[scale.levels.length - 1];
  if (first === undefined || last === undefined || scale.levels.length < 2) {
    return null;
  }
  return { min: first.value, max: last.value };
}

/** Checks that a scale has at least two levels, with finite values in strictly ascending order. */
export function isValidScale(scale: ScoringScale): boolean {
  if (scale.levels.length < 2) {
    return false;
  }
  let previous = Number.NEGATIVE_INFINITY;
  for (const level of scale.levels) {
    if (!Number.isFinite(level.value) || level.value <= previous) {
      return false;
    }
    previous = level.value;
  }
  return true;
}

export function isLevelValue(scale: ScoringScale, value: number): boolean {
  return scale.levels.some((level: ScaleLevel) => level.value === value);
}
