/**
 * Anomaly flags on a trailing window: each month with data is compared with the 12 months with
 * data before it (gaps skipped, at least 6 needed) by the modified z-score of Iglewicz and
 * Hoaglin (1993): 0.6745 * (value - median) / MAD, where MAD is the median absolute deviation
 * from the median. A month is flagged when the score's size is above 3.5, their suggested cut.
 *
 * When more than half the window has the same value, the MAD is 0. The scale then falls back to
 * the mean absolute deviation from the median times 1.2533, the factor that makes it estimate
 * sigma for normal data as 1.4826 does for the MAD. When every value of the window is the same,
 * any different value is flagged and its score is `null`.
 */
import type { KpiDirection, Period } from '../domain/types';
import { assessMovement } from './analyticsSeries';
import type { Assessment, ObservedMonth } from './analyticsSeries';
import { medianInPlace } from './stats';

/** Months with data before a month that its comparison looks at. */
export const anomalyWindowMonths = 12;
/** Minimum months with data in the window for a month to be checked. */
export const minimumAnomalyWindowMonths = 6;
/** Size of the modified z-score above which a month is flagged. */
export const anomalyThreshold = 3.5;

/** Normal-consistency factor of the MAD: 1 / 1.4826. */
const madFactor = 0.6745;
/** Normal-consistency factor of the mean absolute deviation, sqrt(pi / 2). */
const meanDeviationScale = 1.2533;

export interface AnomalyFlag {
  readonly period: Period;
  readonly value: number;
  /** Median of the window, in the KPI's unit. */
  readonly typical: number;
  /** `value - typical`, in the KPI's unit. */
  readonly difference: number;
  /** Modified z-score, or `null` when every month of the window has the same value. */
  readonly score: number | null;
  readonly assessment: Assessment;
  /** Months with data in the window, 6 to 12. */
  readonly windowMonths: number;
}

export interface AnomalyResult {
  /** Flags in month order. */
  readonly flags: readonly AnomalyFlag[];
  /** Months that had a full enough window to be checked, flagged or not. */
  readonly monthsChecked: number;
}

/** Checks every month of `months` (in month order, see `observedMonths`) against its trailing window. */
export function anomalyFlags(months: readonly ObservedMonth[], direction: KpiDirection): AnomalyResult {
  const flags: AnomalyFlag[] = [];
  const scratch = new Float64Array(anomalyWindowMonths);
  let monthsChecked = 0;

  for (let index = minimumAnomalyWindowMonths; index < months.length; index += 1) {
    const month = months[index];
    if (month === undefined) continue;
    const windowStart = Math.max(0, index - anomalyWindowMonths);
    const windowMonths = index - windowStart;
    monthsChecked += 1;

    for (let offset = 0; offset < windowMonths; offset += 1) scratch[offset] = months[windowStart + offset]?.value ?? 0;
    const typical = medianInPlace(scratch, windowMonths);
    let deviationTotal = 0;
    for (let offset = 0; offset < windowMonths; offset += 1) {
      const deviation = Math.abs((scratch[offset] ?? 0) - typical);
      scratch[offset] = deviation;
      deviationTotal += deviation;
    }
    const mad = medianInPlace(scratch, windowMonths);
    const difference = month.value - typical;

    let score: number | null;
    if (mad > 0) {
      score = (madFactor * difference) / mad;
    } else if (deviationTotal > 0) {
      score = difference / (meanDeviationScale * (deviationTotal / windowMonths));
    } else {
      score = null;
    }
    const flagged = score === null ? difference !== 0 : Math.abs(score) > anomalyThreshold;
    if (flagged) {
      flags.push({
        period: month.period,
        value: month.value,
        typical,
        difference,
        score,
        assessment: assessMovement(direction, difference > 0),
        windowMonths,
      });
    }
  }
  return { flags, monthsChecked };
}
