/**
 * Applies a column mapping to a parsed CSV or XLSX table: which preset fits a file, which mapped
 * columns are missing, and the validated import plan.
 */
import { AppFailure } from '../errors';
import { comparePeriods } from '../domain/period';
import type { KpiDefinitionData, Period } from '../domain/types';
import { capIssues, rowIssue } from './issues';
import { readKpiResult, type RowContext } from './kpiCells';
import { locateInSheet, periodOfTypedCell } from './sheetCells';
import type { ColumnMapping, ImportIssue, ImportPlan, ImportTable, MappingPreset, MeasurementRow, XlsxTable } from './types';
import { parsePeriod } from './values';

/** Lists every column a mapping reads, each once, in mapping order. */
export function mappedColumns(mapping: ColumnMapping): string[] {
  const columns = [mapping.providerCode, mapping.providerName, mapping.period];
  for (const { source } of mapping.kpis) {
    if (source.kind === 'value') {
      columns.push(source.column);
    } else {
      columns.push(source.numerator, source.denominator);
    }
  }
  return [...new Set(columns.filter((column): column is string => column !== null))];
}

/** Lists the mapped columns that the table's header lacks, in mapping order. */
export function findMissingColumns(table: Pick<ImportTable, 'header'>, mapping: ColumnMapping): string[] {
  const header = new Set(table.header);
  return mappedColumns(mapping).filter((column) => !header.has(column));
}

/**
 * Finds the preset whose columns are all in `header`, or returns `null`. When several fit, the one that
 * reads the most columns wins, then the earlier one in `presets`.
 */
export function matchPreset(header: readonly string[], presets: readonly MappingPreset[]): MappingPreset | null {
  let best: MappingPreset | null = null;
  let bestColumnCount = -1;
  for (const preset of presets) {
    const columnCount = mappedColumns(preset.mapping).length;
    if (columnCount > bestColumnCount && findMissingColumns({ header }, preset.mapping).length === 0) {
      best = preset;
      bestColumnCount = columnCount;
    }
  }
  return best;
}

/** A preset that reads most of a file's columns but not all of them. */
export interface NearMatch {
  readonly preset: MappingPreset;
  readonly missing: readonly string[];
}

/**
 * Finds the preset that misses the fewest of its columns in `header` when none fits fully, so
 * that a file which lost a column is still recognised and its missing columns can be named.
 * Only presets that find at least half of their columns count; `null` when none does.
 */
export function nearestPreset(header: readonly string[], presets: readonly MappingPreset[]): NearMatch | null {
  let best: NearMatch | null = null;
  for (const preset of presets) {
    const columns = mappedColumns(preset.mapping);
    const missing = findMissingColumns({ header }, preset.mapping);
    if (missing.length === 0 || missing.length * 2 > columns.length) continue;
    if (best === null || missing.length < best.missing.length) best = { preset, missing };
  }
  return best;
}

interface ProviderSeen {
  readonly code: string | null;
  /** Name in each period, for choosing the latest name and the former ones. */
  readonly names: { period: Period; name: string }[];
  /** Line of each period's row, for naming both lines of a duplicate. */
  readonly rowByPeriod: Map<Period, number>;
}

/**
 * Validates every row of `table` against `preset` and returns what the import would write.
 * Nothing is written here; an import with any error issue must not be written at all.
 * Issues of a workbook also name the sheet and the column letter.
 * Throws `AppFailure` (`unexpected`) when the preset maps a KPI it does not define.
 */
export function buildImportPlan(table: ImportTable, preset: MappingPreset): ImportPlan {
  const { mapping } = preset;
  const kpiByKey = new Map(preset.kpis.map((kpi) => [kpi.key, kpi]));
  const kpiSources = mapping.kpis.map((kpiMapping) => ({ kpi: requireKpi(kpiByKey, kpiMapping.kpiKey), source: kpiMapping.source }));

  const malformedCount = table.issues.filter((issue) => issue.code === 'csv.malformedRow').length;
  const base = {
    fileName: table.fileName,
    rowCount: table.rows.length + malformedCount,
    kpis: preset.kpis,
    serviceLevels: preset.serviceLevels,
  };

  const missing = findMissingColumns(table, mapping);
  if (missing.length > 0) {
    const missingIssues = missing.map((column): ImportIssue => ({
      severity: 'error',
      code: 'csv.missingColumn',
      row: null,
      column,
      detail: { column, file: table.fileName },
    }));
    const capped = capIssues(locateIssues(table, [...table.issues, ...missingIssues]));
    return { ...base, providers: [], measurements: [], issues: capped.issues, issueCounts: capped.counts };
  }

  const columnIndex = new Map(table.header.map((name, index) => [name, index]));
  const issues: ImportIssue[] = [...table.issues];
  const measurements: MeasurementRow[] = [];
  const providers = new Map<string, ProviderSeen>();
  const { numberReading } = table;
  const sheet: XlsxTable | null = table.format === 'xlsx' ? table : null;

  for (const [rowIndex, cells] of table.rows.entries()) {
    const row = table.rowNumbers[rowIndex] ?? 0;
    const typedCells = sheet?.typedRows[rowIndex];
    const cell = (column: string): string => cells[columnIndex.get(column) ?? -1] ?? '';
    const typed = (column: string) => typedCells?.[columnIndex.get(column) ?? -1] ?? null;
    const context: RowContext = { fileName: table.fileName, row, cell, typed, numberReading, issues };

    const identity = readRowIdentity(context, mapping, sheet?.date1904 ?? false);
    if (identity === null) {
      continue;
    }
    const providerKey = identity.code ?? identity.name;
    const provider = providers.get(providerKey) ?? { code: identity.code, names: [], rowByPeriod: new Map<Period, number>() };
    providers.set(providerKey, provider);

    const firstRow = provider.rowByPeriod.get(identity.period);
    if (firstRow !== undefined) {
      issues.push(
        rowIssue('error', 'csv.duplicateRow', row, null, {
          file: table.fileName,
          firstRow,
          provider: providerKey,
          period: identity.period,
        }),
      );
      continue;
    }
    provider.rowByPeriod.set(identity.period, row);
    provider.names.push({ period: identity.period, name: identity.name });

    for (const { kpi, source } of kpiSources) {
      const result = readKpiResult(context, kpi, source);
      if (result !== null) {
        measurements.push({
          row,
          providerCode: identity.code,
          providerName: identity.name,
          period: identity.period,
          kpiKey: kpi.key,
          ...result,
        });
      }
    }
  }

  const capped = capIssues(locateIssues(table, issues));
  return {
    ...base,
    providers: [...providers.values()].map(summarizeNames),
    measurements,
    issues: capped.issues,
    issueCounts: capped.counts,
  };
}

function requireKpi(kpiByKey: ReadonlyMap<string, KpiDefinitionData>, key: string): KpiDefinitionData {
  const kpi = kpiByKey.get(key);
  if (kpi === undefined) {
    throw new AppFailure({
      code: 'unexpected',
      detail: { kpiKey: key },
      cause: `The mapping refers to KPI ${key}, which the preset does not define`,
    });
  }
  return kpi;
}

/** Adds the sheet and column letter to every issue of a workbook; CSV issues are returned as they are. */
function locateIssues(table: ImportTable, issues: readonly ImportIssue[]): readonly ImportIssue[] {
  return table.format === 'xlsx' ? issues.map((issue) => locateInSheet(issue, table)) : issues;
}

/** Reads a row's provider and period, or returns `null` after reporting each cell that is empty or invalid. */
function readRowIdentity(
  context: RowContext,
  mapping: ColumnMapping,
  date1904: boolean,
): { code: string | null; name: string; period: Period } | null {
  const code = mapping.providerCode === null ? null : requireText(context, mapping.providerCode);
  const name = requireText(context, mapping.providerName);

  const periodText = context.cell(mapping.period).trim();
  const typedPeriod = context.typed(mapping.period);
  const period = typedPeriod === null ? parsePeriod(periodText) : periodOfTypedCell(typedPeriod, date1904);
  if (period === null) {
    const issueCode = periodText === '' ? 'csv.emptyValue' : 'csv.invalidPeriod';
    context.issues.push(
      rowIssue('error', issueCode, context.row, mapping.period, { file: context.fileName, column: mapping.period, value: periodText }),
    );
  }

  if (code === '' || name === '' || period === null) {
    return null;
  }
  return { code, name, period };
}

/** Returns the trimmed cell text. An empty cell is reported as an error and returned as `''`. */
function requireText(context: RowContext, column: string): string {
  const text = context.cell(column).trim();
  if (text === '') {
    context.issues.push(rowIssue('error', 'csv.emptyValue', context.row, column, { file: context.fileName, column }));
  }
  return text;
}

/** Picks the name of the latest period, and lists the other names oldest first by the period they were first used in. */
function summarizeNames(provider: ProviderSeen): ImportPlan['providers'][number] {
  const byPeriod = [...provider.names].sort((a, b) => comparePeriods(a.period, b.period));
  const latest = byPeriod.at(-1)?.name ?? '';
  const formerNames = [...new Set(byPeriod.map((entry) => entry.name))].filter((name) => name !== latest);
  return { code: provider.code, name: latest, formerNames };
}
