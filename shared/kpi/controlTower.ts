/**
 * The control tower: each provider's status per service level in the reporting month, a heatmap
 * of providers by months, the service credits of the reporting month's quarter and the open
 * escalations by level. Pure: it takes plain records and returns codes and numbers that the
 * dashboard turns into words. Insights are in `controlTowerInsights.ts` and the comparison of one
 * KPI across providers in `controlTowerComparison.ts`.
 *
 * Definitions:
 * - Tracked levels: the critical service levels (scope `critical`), or every service level
 *   (scope `all`). A level whose KPI is not in the portfolio is not tracked.
 * - Reporting month ("this month"): by default the latest month in which any tracked level has a
 *   result; the user may pick an earlier one.
 * - Status of a level in a month, against the levels in force that month (glide path included):
 *   `green` meets the expected level, `amber` meets the minimum but not the expected level, and
 *   `red` misses the minimum. A month without a result is `noData`. A month before the level's
 *   go-live is `beforeGoLive` and is not judged. A forecast never changes a status: a KPI trending to a breach is
 *   an insight, so the status board shows only what was measured.
 * - Heatmap cell: the worst status among the provider's tracked levels that have a result that
 *   month, with the count of each status. A month in which none has a result is an empty cell,
 *   never green or red.
 */
import { aggregateMeasurements, type MeasuredMonth } from '../domain/kpiMath';
import type { Escalation, EscalationLevel } from '../domain/escalation';
import { isPeriod, periodToMonthIndex, monthIndexToPeriod, quarterOf } from '../domain/period';
import type { CalendarDate, Id, KpiDefinition, Measurement, Period, Provider, ServiceLevel } from '../domain/types';
import { effectiveLevels } from './creditsGlidePath';
import type { ContractCredits, QuarterCredits } from './creditsTypes';

export type ControlTowerScope = 'critical' | 'all';

export type RagStatus = 'green' | 'amber' | 'red' | 'noData' | 'beforeGoLive';

export type ControlTowerProvider = Pick<Provider, 'id' | 'name'>;
export type ControlTowerKpi = Pick<KpiDefinition, 'id' | 'key' | 'name' | 'unit' | 'direction' | 'aggregation'>;
export type ControlTowerMeasurement = Pick<Measurement, 'providerId' | 'kpiId' | 'period' | 'value' | 'numerator' | 'denominator'>;

/** Most months the heatmap shows, ending with the reporting month. */
export const heatmapMaxMonths = 36;

/** A tracked service level with its KPI and its monthly results. */
export interface TrackedLevel {
  readonly level: ServiceLevel;
  readonly kpi: ControlTowerKpi;
  /** Result of each month with a measurement; `null` when the month's measurements have no value. */
  readonly results: ReadonlyMap<Period, number | null>;
}

/**
 * Selects the tracked levels and combines their measurements into one result per month. Several
 * measurements of one month combine by the KPI's aggregation; a non-finite value is a gap.
 */
export function trackLevels(
  scope: ControlTowerScope,
  serviceLevels: readonly ServiceLevel[],
  kpis: readonly ControlTowerKpi[],
  measurements: readonly ControlTowerMeasurement[],
): TrackedLevel[] {
  const kpisById = new Map(kpis.map((kpi) => [kpi.id, kpi]));
  const tracked: TrackedLevel[] = [];
  // By provider, then KPI: two lookups per measurement and no key string to build.
  const resultsByProvider = new Map<Id, Map<Id, Map<Period, number | null>>>();
  for (const level of serviceLevels) {
    const kpi = kpisById.get(level.kpiId);
    if (kpi === undefined || (scope === 'critical' && !level.critical)) continue;
    const results = new Map<Period, number | null>();
    let byKpi = resultsByProvider.get(level.providerId);
    if (byKpi === undefined) {
      byKpi = new Map();
      resultsByProvider.set(level.providerId, byKpi);
    }
    byKpi.set(level.kpiId, results);
    tracked.push({ level, kpi, results });
  }

  // One pass with no allocation per measurement: a month's second measurement is rare, so such
  // months are collected apart and combined afterwards.
  const repeated = new Map<Map<Period, number | null>, Map<Period, MeasuredMonth[]>>();
  for (const measurement of measurements) {
    const results = resultsByProvider.get(measurement.providerId)?.get(measurement.kpiId);
    if (results === undefined || !isPeriod(measurement.period)) continue;
    const value = measurement.value !== null && Number.isFinite(measurement.value) ? measurement.value : null;
    if (!results.has(measurement.period)) {
      results.set(measurement.period, value);
      continue;
    }
    let months = repeated.get(results);
    if (months === undefined) {
      months = new Map();
      repeated.set(results, months);
    }
    const group = months.get(measurement.period) ?? [];
    group.push({ period: measurement.period, value, numerator: measurement.numerator, denominator: measurement.denominator });
    months.set(measurement.period, group);
  }
  if (repeated.size > 0) combineRepeatedMonths(tracked, measurements, repeated);
  return tracked;
}

/** Replaces the result of each month with several measurements by their combination under the KPI's aggregation. */
function combineRepeatedMonths(
  tracked: readonly TrackedLevel[],
  measurements: readonly ControlTowerMeasurement[],
  repeated: ReadonlyMap<Map<Period, number | null>, Map<Period, MeasuredMonth[]>>,
): void {
  for (const entry of tracked) {
    const results = entry.results as Map<Period, number | null>;
    const months = repeated.get(results);
    if (months === undefined) continue;
    for (const [period, later] of months) {
      // The first measurement of the month was stored as the result; find it again for its counts.
      const first = measurements.find(
        (measurement) =>
          measurement.providerId === entry.level.providerId && measurement.kpiId === entry.kpi.id && measurement.period === period,
      );
      const firstMonth: MeasuredMonth[] =
        first === undefined
          ? []
          : [{ period, value: results.get(period) ?? null, numerator: first.numerator, denominator: first.denominator }];
      results.set(period, aggregateMeasurements(entry.kpi, [...firstMonth, ...later]).value);
    }
  }
}

/** Lists the months in which any tracked level has a result, oldest first. The last one is the default reporting month. */
export function monthsWithResults(tracked: readonly TrackedLevel[]): Period[] {
  const months = new Set<Period>();
  for (const { results } of tracked) {
    for (const [period, result] of results) if (result !== null) months.add(period);
  }
  return [...months].sort();
}

/** A tracked level judged in one month. */
export interface LevelMonthStatus {
  readonly status: RagStatus;
  /** The month's result in the KPI's unit, or `null` for a gap. */
  readonly result: number | null;
  /** Levels in force that month. */
  readonly expected: number;
  readonly minimum: number;
}

/** Judges one tracked level in `period`; see the file header for the statuses. */
export function judgeMonth(tracked: TrackedLevel, period: Period): LevelMonthStatus {
  const levels = effectiveLevels(tracked.level, period);
  const result = tracked.results.get(period) ?? null;
  const base = { result, expected: levels.expected, minimum: levels.minimum };
  if (levels.source === 'beforeGoLive') return { ...base, status: 'beforeGoLive' };
  if (result === null) return { ...base, status: 'noData' };
  if (isWorse(tracked.kpi.direction, result, levels.minimum)) return { ...base, status: 'red' };
  if (isWorse(tracked.kpi.direction, result, levels.expected)) return { ...base, status: 'amber' };
  return { ...base, status: 'green' };
}

/**
 * Returns the status of one tracked level in `period`, as `judgeMonth` does, without building the
 * levels object, because the heatmap and the insights call it once per level and month.
 */
export function statusIn(tracked: TrackedLevel, period: Period): RagStatus {
  const { level, kpi } = tracked;
  let expected = level.expected;
  let minimum = level.minimum;
  if (level.goLive !== null) {
    const levels = effectiveLevels(level, period);
    if (levels.source === 'beforeGoLive') return 'beforeGoLive';
    expected = levels.expected;
    minimum = levels.minimum;
  }
  const result = tracked.results.get(period) ?? null;
  if (result === null) return 'noData';
  if (isWorse(kpi.direction, result, minimum)) return 'red';
  if (isWorse(kpi.direction, result, expected)) return 'amber';
  return 'green';
}

/** Checks whether `result` is worse than `level`; reaching a level exactly meets it, as in `isBreach`. */
export function isWorse(direction: ControlTowerKpi['direction'], result: number, level: number): boolean {
  return direction === 'higherIsBetter' ? result < level : result > level;
}

export interface StatusBoardCell extends LevelMonthStatus {
  readonly serviceLevelId: Id;
  readonly kpiId: Id;
}

export interface StatusBoardRow {
  readonly providerId: Id;
  readonly providerName: string;
  /** One entry per column of the board, in the board's KPI order; `null` where the provider has no tracked level for that KPI. */
  readonly cells: readonly (StatusBoardCell | null)[];
  /** Count of each status among the row's cells. */
  readonly counts: Readonly<Record<RagStatus, number>>;
}

export interface StatusBoard {
  readonly period: Period;
  /** KPIs of the tracked levels, by name: the board's columns. */
  readonly kpis: readonly ControlTowerKpi[];
  /** Providers with a tracked level, worst first: most red cells, then most amber, then by name. */
  readonly rows: readonly StatusBoardRow[];
  readonly counts: Readonly<Record<RagStatus, number>>;
}

/** Builds the status board of `period`: providers by tracked KPIs. A service level is one per provider and KPI (its natural key). */
export function buildStatusBoard(
  tracked: readonly TrackedLevel[],
  providers: readonly ControlTowerProvider[],
  period: Period,
): StatusBoard {
  const kpis = boardKpis(tracked);
  const column = new Map(kpis.map((kpi, index) => [kpi.id, index]));
  const names = new Map(providers.map((provider) => [provider.id, provider.name]));
  const cellsByProvider = new Map<Id, (StatusBoardCell | null)[]>();
  const total = emptyCounts();

  for (const entry of tracked) {
    const providerId = entry.level.providerId;
    if (!names.has(providerId)) continue;
    let cells = cellsByProvider.get(providerId);
    if (cells === undefined) {
      cells = kpis.map(() => null);
      cellsByProvider.set(providerId, cells);
    }
    const index = column.get(entry.kpi.id) ?? 0;
    const status = judgeMonth(entry, period);
    cells[index] = { ...status, serviceLevelId: entry.level.id, kpiId: entry.kpi.id };
    total[status.status] += 1;
  }

  const rows: StatusBoardRow[] = [...cellsByProvider].map(([providerId, cells]) => {
    const counts = emptyCounts();
    for (const cell of cells) if (cell !== null) counts[cell.status] += 1;
    return { providerId, providerName: names.get(providerId) ?? providerId, cells, counts };
  });
  rows.sort((a, b) => b.counts.red - a.counts.red || b.counts.amber - a.counts.amber || compareText(a.providerName, b.providerName));
  return { period, kpis, rows, counts: total };
}

function boardKpis(tracked: readonly TrackedLevel[]): ControlTowerKpi[] {
  const kpis = new Map<Id, ControlTowerKpi>();
  for (const { kpi } of tracked) kpis.set(kpi.id, kpi);
  return [...kpis.values()].sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
}

function emptyCounts(): Record<RagStatus, number> {
  return { green: 0, amber: 0, red: 0, noData: 0, beforeGoLive: 0 };
}

/** One provider in one month of the heatmap. */
export interface HeatmapCell {
  /** Worst status among the tracked levels with a result, or `null` for an empty cell (no result, or only months before go-live). */
  readonly worst: 'green' | 'amber' | 'red' | null;
  readonly green: number;
  readonly amber: number;
  readonly red: number;
  /** Tracked levels without a result that month (before go-live not counted). */
  readonly noData: number;
}

export interface Heatmap {
  /** Months from the first with a result (at most `heatmapMaxMonths` back) to the reporting month, oldest first. */
  readonly periods: readonly Period[];
  /** Providers with a tracked level, by name. */
  readonly providers: readonly ControlTowerProvider[];
  /** `cells[row][column]`: provider `providers[row]` in month `periods[column]`. */
  readonly cells: readonly (readonly HeatmapCell[])[];
}

/** Picks the worst status of a heatmap cell from its counts, or `null` when no tracked level has a result. */
export function worstStatus(green: number, amber: number, red: number): HeatmapCell['worst'] {
  if (red > 0) return 'red';
  if (amber > 0) return 'amber';
  if (green > 0) return 'green';
  return null;
}

/** Builds the heatmap of providers by months, ending with `reportingMonth`. */
export function buildHeatmap(
  tracked: readonly TrackedLevel[],
  providers: readonly ControlTowerProvider[],
  reportingMonth: Period,
  maxMonths: number = heatmapMaxMonths,
): Heatmap {
  const last = periodToMonthIndex(reportingMonth);
  let first = last - maxMonths + 1;
  const earliest = monthsWithResults(tracked)[0];
  if (earliest !== undefined) first = Math.max(first, Math.min(periodToMonthIndex(earliest), last));
  const periods: Period[] = [];
  for (let index = first; index <= last; index += 1) periods.push(monthIndexToPeriod(index));

  const levelsByProvider = new Map<Id, TrackedLevel[]>();
  for (const entry of tracked) {
    const group = levelsByProvider.get(entry.level.providerId);
    if (group === undefined) levelsByProvider.set(entry.level.providerId, [entry]);
    else group.push(entry);
  }
  const rows = providers.filter((provider) => levelsByProvider.has(provider.id)).sort((a, b) => compareText(a.name, b.name));

  const cells = rows.map((provider) =>
    periods.map((period): HeatmapCell => {
      let green = 0;
      let amber = 0;
      let red = 0;
      let noData = 0;
      for (const entry of levelsByProvider.get(provider.id) ?? []) {
        const status = statusIn(entry, period);
        if (status === 'green') green += 1;
        else if (status === 'amber') amber += 1;
        else if (status === 'red') red += 1;
        else if (status === 'noData') noData += 1;
      }
      return { worst: worstStatus(green, amber, red), green, amber, red, noData };
    }),
  );
  return { periods, providers: rows, cells };
}

/** Credits of one contract in the reporting month's quarter. */
export interface ContractQuarterCredits {
  readonly contractId: Id;
  readonly providerId: Id;
  readonly currency: string;
  /** The contract's ledger row for the quarter, or `null` when the ledger has no month in it. */
  readonly quarter: QuarterCredits | null;
  /** False when the contract's charges or at-risk share are missing or invalid, so no credit can be calculated. */
  readonly calculable: boolean;
}

/** Sums of one currency. Amounts of different currencies are never added together. */
export interface CurrencyCreditTotals {
  readonly currency: string;
  /** Credits owed and final (after earn-back and cap), in minor units. */
  readonly dueMinor: number;
  /** Credits owed that earn-back may still waive. */
  readonly pendingMinor: number;
  readonly bonusMinor: number;
  /** Contracts of this currency with a credit or a bonus in the quarter. */
  readonly contracts: number;
}

export interface QuarterCreditsSummary {
  /** Calendar quarter of the reporting month, as the credits ledger labels it (`2016-Q1`). */
  readonly label: string;
  readonly year: number;
  readonly quarter: number;
  /** Contracts with an amount in the quarter, largest owed first within each currency. */
  readonly contracts: readonly ContractQuarterCredits[];
  /** One entry per currency, by currency code. */
  readonly totals: readonly CurrencyCreditTotals[];
  /** Contracts whose credits cannot be calculated. */
  readonly notCalculable: number;
}

/** Sums the credits of the calendar quarter of `reportingMonth` over every contract, per currency. */
export function summarizeQuarterCredits(credits: Iterable<ContractCredits>, reportingMonth: Period): QuarterCreditsSummary {
  const { year, quarter, label } = quarterOf(reportingMonth);
  const contracts: ContractQuarterCredits[] = [];
  const totals = new Map<string, { dueMinor: number; pendingMinor: number; bonusMinor: number; contracts: number }>();
  let notCalculable = 0;

  for (const contract of credits) {
    const calculable = contract.terms.issues.length === 0;
    if (!calculable) notCalculable += 1;
    const row = contract.quarters.find((entry) => entry.year === year && entry.quarter === quarter) ?? null;
    if (row === null || row.afterCapMinor + row.bonusMinor === 0) continue;
    contracts.push({
      contractId: contract.contractId,
      providerId: contract.providerId,
      currency: contract.currency,
      quarter: row,
      calculable,
    });
    const sum = totals.get(contract.currency) ?? { dueMinor: 0, pendingMinor: 0, bonusMinor: 0, contracts: 0 };
    sum.dueMinor += row.dueMinor;
    sum.pendingMinor += row.pendingMinor;
    sum.bonusMinor += row.bonusMinor;
    sum.contracts += 1;
    totals.set(contract.currency, sum);
  }

  contracts.sort((a, b) => compareText(a.currency, b.currency) || owed(b) - owed(a) || compareText(a.contractId, b.contractId));
  const currencyTotals = [...totals].map(([currency, sum]) => ({ currency, ...sum })).sort((a, b) => compareText(a.currency, b.currency));
  return { label, year, quarter, contracts, totals: currencyTotals, notCalculable };
}

function owed(entry: ContractQuarterCredits): number {
  return entry.quarter?.afterCapMinor ?? 0;
}

export interface OpenEscalationCounts {
  readonly byLevel: Readonly<Record<EscalationLevel, number>>;
  readonly total: number;
  /** Open escalations whose due date is before `today`. */
  readonly overdue: number;
}

/** Counts the open escalations by level, and those overdue on `today`. */
export function countOpenEscalations(
  escalations: readonly Pick<Escalation, 'status' | 'level' | 'dueDate'>[],
  today: CalendarDate,
): OpenEscalationCounts {
  const byLevel: Record<EscalationLevel, number> = { 1: 0, 2: 0, 3: 0 };
  let overdue = 0;
  let total = 0;
  for (const escalation of escalations) {
    if (escalation.status !== 'open') continue;
    byLevel[escalation.level] += 1;
    total += 1;
    if (escalation.dueDate < today) overdue += 1;
  }
  return { byLevel, total, overdue };
}

/** Orders by code units rather than locale, so the order is the same on every machine. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
