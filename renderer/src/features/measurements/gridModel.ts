/**
 * View model of the measurement entry grid: which rows and months it shows, what each cell holds,
 * and how typed text becomes a value. Rows are the service levels of one provider or the
 * providers of one KPI; columns are months.
 */
import { isBreach } from '@shared/domain/kpiMath';
import { addMonths, comparePeriods, isPeriod, periodRange } from '@shared/domain/period';
import type { Id, KpiDefinition, Measurement, Period, Provider, ServiceLevel } from '@shared/domain/types';
import { parseLocaleNumber } from '@shared/import/numberLocale';
import { parseDuration } from '@shared/import/values';
import { effectiveLevel } from '@shared/kpi/effectiveLevel';

/** Choice of the grid's rows: the KPIs of one provider, or the providers of one KPI. */
export type GridSelection = { readonly by: 'provider'; readonly providerId: Id } | { readonly by: 'kpi'; readonly kpiId: Id };

export interface GridRow {
  readonly providerId: Id;
  readonly kpi: KpiDefinition;
  readonly provider: Provider;
  /** The service level that colours breached cells, or `null` for a reported KPI without one. */
  readonly level: ServiceLevel | null;
}

export interface GridData {
  readonly providers: readonly Provider[];
  readonly kpis: readonly KpiDefinition[];
  readonly serviceLevels: readonly ServiceLevel[];
  readonly measurements: readonly Measurement[];
}

/** Maximum range the grid shows, in months, because wider ranges make every cell too narrow to read. */
export const maxGridMonths = 60;
/** Months shown by default: the last twelve with data. */
export const defaultGridMonths = 12;

const separator = '\u001f';

export function cellKey(providerId: Id, kpiId: Id, period: Period): string {
  return `${providerId}${separator}${kpiId}${separator}${period}`;
}

/**
 * Builds the rows of `selection`: every pair of provider and KPI that has a service level or a
 * measurement. Rows with a service level come first, then the others, each by name.
 */
export function gridRows(data: GridData, selection: GridSelection, nameOf: (kpi: KpiDefinition) => string): GridRow[] {
  const matches = (providerId: Id, kpiId: Id) =>
    selection.by === 'provider' ? providerId === selection.providerId : kpiId === selection.kpiId;
  const providers = new Map(data.providers.map((provider) => [provider.id, provider]));
  const kpis = new Map(data.kpis.map((kpi) => [kpi.id, kpi]));
  const rows = new Map<string, GridRow>();

  const add = (providerId: Id, kpiId: Id, level: ServiceLevel | null) => {
    const key = `${providerId}${separator}${kpiId}`;
    const provider = providers.get(providerId);
    const kpi = kpis.get(kpiId);
    if (provider === undefined || kpi === undefined) return;
    const existing = rows.get(key);
    if (existing === undefined || (existing.level === null && level !== null)) rows.set(key, { providerId, kpi, provider, level });
  };
  for (const level of data.serviceLevels) {
    if (matches(level.providerId, level.kpiId)) add(level.providerId, level.kpiId, level);
  }
  for (const measurement of data.measurements) {
    if (matches(measurement.providerId, measurement.kpiId)) add(measurement.providerId, measurement.kpiId, null);
  }

  const label = (row: GridRow) => (selection.by === 'provider' ? nameOf(row.kpi) : row.provider.name);
  return [...rows.values()].sort((a, b) => Number(b.level !== null) - Number(a.level !== null) || label(a).localeCompare(label(b)));
}

/**
 * Returns the default range: the last `defaultGridMonths` months up to the latest month with data
 * in the rows, or up to `today` when the rows have none.
 */
export function defaultRange(rows: readonly GridRow[], measurements: readonly Measurement[], today: Period): { from: Period; to: Period } {
  const pairs = new Set(rows.map((row) => `${row.providerId}${separator}${row.kpi.id}`));
  let latest: Period | null = null;
  for (const measurement of measurements) {
    if (!pairs.has(`${measurement.providerId}${separator}${measurement.kpiId}`)) continue;
    if (latest === null || measurement.period > latest) latest = measurement.period;
  }
  const to = latest ?? today;
  return { from: addMonths(to, -(defaultGridMonths - 1)), to };
}

export type RangeProblem = 'invalid' | 'reversed' | 'tooLong';

/** Lists the months from `from` to `to`, or returns why the range cannot be shown. */
export function gridPeriods(from: string, to: string): Period[] | RangeProblem {
  if (!isPeriod(from) || !isPeriod(to)) return 'invalid';
  if (comparePeriods(from, to) > 0) return 'reversed';
  const periods = periodRange(from, to);
  return periods.length > maxGridMonths ? 'tooLong' : periods;
}

/** Indexes the stored measurements by cell. */
export function storedCells(measurements: readonly Measurement[]): Map<string, Measurement> {
  return new Map(measurements.map((measurement) => [cellKey(measurement.providerId, measurement.kpiId, measurement.period), measurement]));
}

export type CellProblem = 'notNumber' | 'outsidePercent' | 'negative';

export type ParsedCell = { readonly ok: true; readonly value: number | null } | { readonly ok: false; readonly problem: CellProblem };

/**
 * Reads the text of a cell as a value in the KPI's unit. Empty text is `null` (no data). Numbers
 * go through the import's number parser, with comma grouping allowed only where the user's
 * decimal separator is a point; a percent KPI also accepts `94.5%`, and a seconds KPI also
 * accepts `M:SS` and `H:MM:SS`. A percentage must lie within 0 to 100, and a duration or count
 * must not be negative.
 */
export function parseCell(text: string, kpi: Pick<KpiDefinition, 'unit' | 'kind'>, decimalSeparator: string): ParsedCell {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };

  let value: number | null = null;
  if (kpi.unit === 'seconds' && trimmed.includes(':')) value = parseDuration(trimmed);
  if (value === null) {
    // The import's number formats: a decimal comma groups thousands by `.` (`1.234,5`), a decimal point by `,`.
    const parsed = parseLocaleNumber(trimmed, decimalSeparator === ',' ? 'comma' : 'point');
    if (parsed === null || (parsed.percent && kpi.unit !== 'percent')) return { ok: false, problem: 'notNumber' };
    value = parsed.value;
  }

  if (kpi.unit === 'percent' && (value < 0 || value > 100)) return { ok: false, problem: 'outsidePercent' };
  const neverNegative = kpi.unit === 'seconds' || kpi.kind === 'duration' || kpi.kind === 'count';
  if (neverNegative && value < 0) return { ok: false, problem: 'negative' };
  // `-0` would differ from a stored 0 and count as a change.
  return { ok: true, value: value === 0 ? 0 : value };
}

/** Checks whether `value` misses the level that applies in `period`, glide path included. */
export function isCellBreach(row: GridRow, period: Period, value: number | null): boolean {
  if (row.level === null || value === null) return false;
  return isBreach(row.kpi, { minimum: effectiveLevel(row.level, period).minimum }, value);
}

/**
 * Splits text pasted from a spreadsheet into rows of cells: lines by CR LF or LF, cells by tab.
 * The line break that spreadsheets add after the last row is dropped.
 */
export function parsePastedBlock(text: string): string[][] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}
