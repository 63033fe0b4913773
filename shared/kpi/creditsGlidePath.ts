/**
 * Levels of a service level in force in a month, as the credits engine reads them. The values come
 * from `effectiveLevel`, which breach checks and escalations share. This module adds their origin
 * and marks months before go-live.
 */
import { isPeriod, periodToMonthIndex } from '../domain/period';
import type { GlideStep, Period, ServiceLevelData } from '../domain/types';
import { effectiveLevel } from './effectiveLevel';

export type GlidePathTerms = Pick<ServiceLevelData, 'expected' | 'minimum' | 'goLive' | 'glidePath'>;

/**
 * Origin of a month's levels:
 * - `steady`: the level's own `expected` and `minimum`;
 * - `glidePath`: the glide path step of that month;
 * - `beforeGoLive`: the month is earlier than `goLive`. The steady levels apply, and the credits
 *   engine gives such a month neither a credit nor a bonus, because service credits start at go-live.
 */
export type LevelSource = 'steady' | 'glidePath' | 'beforeGoLive';

export interface EffectiveLevels {
  /** Expected level in the KPI's unit. */
  readonly expected: number;
  /** Minimum level in the KPI's unit. A result worse than it is a breach. */
  readonly minimum: number;
  readonly source: LevelSource;
  /** Month counted from go-live (1 is the go-live month, 0 the month before), or `null` without a valid `goLive`. */
  readonly monthAfterGoLive: number | null;
}

/** Checks a step: a whole month of 1 or more and finite levels. */
export function isValidGlideStep(step: GlideStep): boolean {
  return Number.isSafeInteger(step.month) && step.month >= 1 && Number.isFinite(step.expected) && Number.isFinite(step.minimum);
}

/**
 * Returns the levels in force in `period` (a valid `YYYY-MM`). A `goLive` that is not `YYYY-MM` is
 * ignored here rather than thrown on, because the credits engine reports it as an invalid glide path.
 */
export function effectiveLevels(level: GlidePathTerms, period: Period): EffectiveLevels {
  if (level.goLive === null || !isPeriod(level.goLive)) {
    return { expected: level.expected, minimum: level.minimum, source: 'steady', monthAfterGoLive: null };
  }

  const monthAfterGoLive = periodToMonthIndex(period) - periodToMonthIndex(level.goLive) + 1;
  if (monthAfterGoLive < 1) {
    return { expected: level.expected, minimum: level.minimum, source: 'beforeGoLive', monthAfterGoLive };
  }
  const { expected, minimum, glideMonth } = effectiveLevel(level, period);
  return { expected, minimum, source: glideMonth === null ? 'steady' : 'glidePath', monthAfterGoLive };
}
