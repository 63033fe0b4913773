/**
 * Individuals (XmR) control chart of one KPI series, with the Western Electric run rules and
 * Nelson's trend rule.
 *
 * - Centre line: the mean of the months with data.
 * - Sigma: the average moving range divided by d2 = 1.128 (the d2 constant for ranges of two).
 *   A moving range is only taken between two consecutive calendar months that both have data,
 *   so a gap never creates a range across it.
 * - Limits: mean +/- 3 sigma; zones at 1 and 2 sigma.
 * - Rules, where "beyond" is strict (a point exactly on a boundary is not beyond it):
 *   1. `beyondLimit`: one point beyond a control limit;
 *   2. `twoOfThreeBeyondTwoSigma`: 2 of 3 consecutive points beyond 2 sigma on the same side;
 *   3. `fourOfFiveBeyondOneSigma`: 4 of 5 consecutive points beyond 1 sigma on the same side;
 *   4. `eightOnOneSide`: 8 consecutive points on the same side of the centre line (a point on
 *      the line ends the run);
 *   5. `sixTrending`: 6 consecutive points each higher (or each lower) than the one before.
 * - Gaps: rules 2 to 5 look at consecutive calendar months only, so a gap ends every run and no
 *   window spans a gap. The missing month could have broken the pattern, so a run across it
 *   would be a guess.
 */
import type { KpiDirection, Period } from '../domain/types';
import { assessMovement } from './analyticsSeries';
import type { Assessment, ObservedMonth } from './analyticsSeries';

/** Months with data needed before limits are computed. */
export const minimumControlMonths = 6;
/** Moving ranges (pairs of consecutive months with data) needed before limits are computed. */
export const minimumMovingRanges = 5;
/** Below this many months with data the limits are provisional: they will still move as data arrives. */
export const firmControlMonths = 20;
/** d2 bias-correction constant for moving ranges of two points. */
const d2 = 1.128;

export type ControlRule = 'beyondLimit' | 'twoOfThreeBeyondTwoSigma' | 'fourOfFiveBeyondOneSigma' | 'eightOnOneSide' | 'sixTrending';

/** Side of the centre line, for rules 1 to 4. */
export type CentreSide = 'above' | 'below';
/** Direction of a trend, for rule 5. */
export type TrendSide = 'rising' | 'falling';
export type SignalSide = CentreSide | TrendSide;

interface SignalFields {
  readonly assessment: Assessment;
  /**
   * Months that make up the signal, in order: the point beyond the limit, the points beyond the
   * zone for rules 2 and 3 (overlapping windows merged), or the whole run for rules 4 and 5.
   */
  readonly periods: readonly Period[];
}

export type ControlSignal =
  | (SignalFields & { readonly rule: Exclude<ControlRule, 'sixTrending'>; readonly side: CentreSide })
  | (SignalFields & { readonly rule: 'sixTrending'; readonly side: TrendSide });

export interface ControlLimits {
  /** Centre line, in the KPI's unit. */
  readonly mean: number;
  /** Average of the moving ranges between consecutive months with data. */
  readonly averageMovingRange: number;
  /** Estimated process sigma: the average moving range / 1.128. */
  readonly sigma: number;
  /** Upper control limit: mean + 3 sigma. */
  readonly upperLimit: number;
  /** Lower control limit: mean - 3 sigma. */
  readonly lowerLimit: number;
}

export type ControlChart =
  | {
      readonly status: 'notEnoughData';
      readonly monthsWithData: number;
      readonly movingRanges: number;
    }
  | {
      readonly status: 'ready';
      readonly limits: ControlLimits;
      readonly monthsWithData: number;
      readonly movingRanges: number;
      /** True below `firmControlMonths` months with data. */
      readonly provisional: boolean;
      /** Signals ordered by their first month. */
      readonly signals: readonly ControlSignal[];
    };

/** Computes the control limits of `months` (in month order, see `observedMonths`) and checks the run rules. */
export function controlChart(months: readonly ObservedMonth[], direction: KpiDirection): ControlChart {
  let total = 0;
  let rangeTotal = 0;
  let movingRanges = 0;
  let previous: ObservedMonth | undefined;
  for (const month of months) {
    total += month.value;
    if (previous !== undefined && month.monthIndex === previous.monthIndex + 1) {
      rangeTotal += Math.abs(month.value - previous.value);
      movingRanges += 1;
    }
    previous = month;
  }

  const monthsWithData = months.length;
  if (monthsWithData < minimumControlMonths || movingRanges < minimumMovingRanges) {
    return { status: 'notEnoughData', monthsWithData, movingRanges };
  }

  const mean = total / monthsWithData;
  const averageMovingRange = rangeTotal / movingRanges;
  const sigma = averageMovingRange / d2;
  const limits: ControlLimits = { mean, averageMovingRange, sigma, upperLimit: mean + 3 * sigma, lowerLimit: mean - 3 * sigma };
  const signals = findControlSignals(months, limits, direction);
  return { status: 'ready', limits, monthsWithData, movingRanges, provisional: monthsWithData < firmControlMonths, signals };
}

/** Checks the run rules against given limits; `controlChart` calls it with the limits of the same months. */
export function findControlSignals(months: readonly ObservedMonth[], limits: ControlLimits, direction: KpiDirection): ControlSignal[] {
  const signals: ControlSignal[] = [];
  const add = (rule: Exclude<ControlRule, 'sixTrending'>, side: CentreSide, periods: Period[]) => {
    signals.push({ rule, side, assessment: assessMovement(direction, side === 'above'), periods });
  };
  const addTrend = (side: TrendSide, periods: Period[]) => {
    signals.push({ rule: 'sixTrending', side, assessment: assessMovement(direction, side === 'rising'), periods });
  };

  for (const month of months) {
    if (month.value > limits.upperLimit) add('beyondLimit', 'above', [month.period]);
    if (month.value < limits.lowerLimit) add('beyondLimit', 'below', [month.period]);
  }

  // Rules 2 to 5 run on each stretch of consecutive calendar months separately.
  let start = 0;
  for (let index = 1; index <= months.length; index += 1) {
    const current = months[index];
    const before = months[index - 1];
    if (current !== undefined && before !== undefined && current.monthIndex === before.monthIndex + 1) {
      continue;
    }
    for (const side of ['above', 'below'] as const) {
      for (const period of zoneWindows(months, start, index, limits, side, 3, 2, 2)) add('twoOfThreeBeyondTwoSigma', side, period);
      for (const period of zoneWindows(months, start, index, limits, side, 5, 4, 1)) add('fourOfFiveBeyondOneSigma', side, period);
    }
    for (const run of sideRuns(months, start, index, limits.mean)) add('eightOnOneSide', run.side, run.periods);
    for (const run of trendRuns(months, start, index)) addTrend(run.side, run.periods);
    start = index;
  }

  // `YYYY-MM` strings sort in month order.
  return signals.sort((a, b) => ((a.periods[0] ?? '') < (b.periods[0] ?? '') ? -1 : (a.periods[0] ?? '') > (b.periods[0] ?? '') ? 1 : 0));
}

/**
 * Finds the windows of `size` consecutive months in `months[start..end)` where at least
 * `needed` points lie beyond `sigmas` sigma on `side`. Overlapping firing windows merge into one
 * signal, which lists the months beyond the zone.
 */
function zoneWindows(
  months: readonly ObservedMonth[],
  start: number,
  end: number,
  limits: ControlLimits,
  side: 'above' | 'below',
  size: number,
  needed: number,
  sigmas: number,
): Period[][] {
  const boundary = side === 'above' ? limits.mean + sigmas * limits.sigma : limits.mean - sigmas * limits.sigma;
  const isBeyond = (index: number): boolean => {
    const value = months[index]?.value ?? boundary;
    return side === 'above' ? value > boundary : value < boundary;
  };

  const groups: Period[][] = [];
  let groupFirst = -1;
  let groupLast = -1;
  const closeGroup = () => {
    if (groupFirst < 0) return;
    const periods: Period[] = [];
    for (let index = groupFirst; index <= groupLast; index += 1) {
      const month = months[index];
      if (month !== undefined && isBeyond(index)) periods.push(month.period);
    }
    groups.push(periods);
    groupFirst = -1;
  };

  let count = 0;
  for (let index = start; index < end; index += 1) {
    if (isBeyond(index)) count += 1;
    const windowStart = index - size + 1;
    if (windowStart > start && isBeyond(windowStart - 1)) count -= 1;
    if (windowStart < start || count < needed) continue;
    if (groupFirst >= 0 && windowStart <= groupLast) {
      groupLast = index;
    } else {
      closeGroup();
      groupFirst = windowStart;
      groupLast = index;
    }
  }
  closeGroup();
  return groups;
}

interface Run<Side> {
  readonly side: Side;
  readonly periods: Period[];
}

const sideRunLength = 8;
const trendRunLength = 6;

/** Finds the maximal runs of at least 8 consecutive months on one side of the centre line. */
function sideRuns(months: readonly ObservedMonth[], start: number, end: number, mean: number): Run<CentreSide>[] {
  const runs: Run<CentreSide>[] = [];
  let runStart = start;
  let runSide: CentreSide | null = null;
  for (let index = start; index <= end; index += 1) {
    const value = index < end ? months[index]?.value : undefined;
    const side: CentreSide | null = value === undefined ? null : value > mean ? 'above' : value < mean ? 'below' : null;
    if (side !== null && side === runSide) continue;
    if (runSide !== null && index - runStart >= sideRunLength)
      runs.push({ side: runSide, periods: periodsBetween(months, runStart, index) });
    runStart = index;
    runSide = side;
  }
  return runs;
}

/**
 * Finds the maximal runs of at least 6 consecutive months, each higher (or each lower) than the
 * one before. A step is the change from one month to the next, so a run of k steps covers k + 1
 * months, and the month where a run turns ends one run and starts the next.
 */
function trendRuns(months: readonly ObservedMonth[], start: number, end: number): Run<TrendSide>[] {
  const runs: Run<TrendSide>[] = [];
  // `runStart` is the first month of the run; the steps start at `runStart + 1`.
  let runStart = start;
  let runSide: TrendSide | null = null;
  for (let index = start + 1; index <= end; index += 1) {
    const value = index < end ? months[index]?.value : undefined;
    const before = months[index - 1]?.value;
    const step: TrendSide | null =
      value === undefined || before === undefined ? null : value > before ? 'rising' : value < before ? 'falling' : null;
    if (step !== null && step === runSide) continue;
    if (runSide !== null && index - runStart >= trendRunLength)
      runs.push({ side: runSide, periods: periodsBetween(months, runStart, index) });
    runStart = index - 1;
    runSide = step;
  }
  return runs;
}

function periodsBetween(months: readonly ObservedMonth[], from: number, to: number): Period[] {
  const periods: Period[] = [];
  for (let index = from; index < to; index += 1) {
    const month = months[index];
    if (month !== undefined) periods.push(month.period);
  }
  return periods;
}
