/**
 * The levels a service level sets in one month: the glide path step for that month after
 * go-live, or the steady expected and minimum levels. Breach checks, credits and escalations all
 * read levels through it, so that a month in the glide path is judged the same way everywhere.
 */
import { periodToMonthIndex } from '../domain/period';
import type { Period, ServiceLevelData } from '../domain/types';

export interface EffectiveLevel {
  readonly expected: number;
  readonly minimum: number;
  /** Month of the glide path that applies (1 is the go-live month), or `null` for the steady levels. */
  readonly glideMonth: number | null;
}

/**
 * Returns the levels that apply in `period`. Months before go-live and months after the last
 * glide path step use the steady levels; so does a service level without go-live.
 */
export function effectiveLevel(
  level: Pick<ServiceLevelData, 'expected' | 'minimum' | 'goLive' | 'glidePath'>,
  period: Period,
): EffectiveLevel {
  if (level.goLive !== null && level.glidePath.length > 0) {
    const month = periodToMonthIndex(period) - periodToMonthIndex(level.goLive) + 1;
    const step = level.glidePath.find((candidate) => candidate.month === month);
    if (step !== undefined) return { expected: step.expected, minimum: step.minimum, glideMonth: month };
  }
  return { expected: level.expected, minimum: level.minimum, glideMonth: null };
}
