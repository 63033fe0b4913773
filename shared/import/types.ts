/** Data passed between the steps of a measurement import: parse, map, validate, write. */
import type { ErrorCode, ErrorDetail } from '../errors';
import type { KpiDefinitionData, Period } from '../domain/types';
import type { NumberLocaleDetection, NumberReading } from './numberLocale';

export type TextEncoding = 'utf-8' | 'windows-1252';

/** Fields every table has, whichever file it was read from. */
interface TableBase {
  readonly fileName: string;
  /** Column names as written in the file, trimmed. */
  readonly header: readonly string[];
  /**
   * Data rows, each as long as `header`; rows of another length are reported, not kept. For a
   * workbook, each cell's text as the import shows it in messages (see `XlsxTable.typedRows`).
   */
  readonly rows: readonly (readonly string[])[];
  /** For each entry of `rows`, its 1-based line (CSV) or row (XLSX) number in the file. */
  readonly rowNumbers: readonly number[];
  /** Problems found while splitting, such as a row with the wrong number of cells. */
  readonly issues: readonly ImportIssue[];
  /** The number locale detected from the text cells, shown in the preview. */
  readonly detectedNumberLocale: NumberLocaleDetection;
  /** Rule for reading text cells as numbers, from the detected locale or the user's choice. */
  readonly numberReading: NumberReading;
}

/** A CSV file decoded and split into cells, before any mapping. */
export interface CsvTable extends TableBase {
  readonly format: 'csv';
  readonly encoding: TextEncoding;
  /** Whether the file started with a UTF-8 byte order mark (removed from `header`). */
  readonly hadBom: boolean;
  /** The delimiter used: the detected one or the user's choice. */
  readonly delimiter: string;
  readonly detectedDelimiter: string;
}

/**
 * A workbook cell whose type fixes its meaning, so its text is never parsed again. A number
 * records whether its number format shows a percentage (`0.9401` as `94.01%`). A date or time
 * keeps the serial as stored, in days with the time of day as the fraction.
 */
export type TypedCell =
  { readonly kind: 'number'; readonly value: number; readonly percentFormat: boolean } | { readonly kind: 'date'; readonly serial: number };

/** One worksheet of an XLSX workbook as a table, before any mapping. */
export interface XlsxTable extends TableBase {
  readonly format: 'xlsx';
  /** Name of the worksheet read. */
  readonly sheet: string;
  /** Names of every worksheet in the workbook, in tab order. */
  readonly sheetNames: readonly string[];
  /** 1-based sheet column of `header[0]`, for naming cells by letter (1 is column A). */
  readonly firstColumn: number;
  /** Whether the workbook counts dates from 1904-01-01 (the 1904 date system) instead of 1900. */
  readonly date1904: boolean;
  /** For each entry of `rows`, the typed cell of each column, or `null` for a text or empty cell. */
  readonly typedRows: readonly (readonly (TypedCell | null)[])[];
}

/** A file split into a header and rows of cells: what the mapping reads. */
export type ImportTable = CsvTable | XlsxTable;

/** Where one KPI's monthly result comes from: one column, or a numerator and a denominator column. */
export type KpiSource =
  | { readonly kind: 'value'; readonly column: string }
  | { readonly kind: 'ratio'; readonly numerator: string; readonly denominator: string };

export interface KpiColumnMapping {
  /** `KpiDefinitionData.key` of the KPI the column feeds. */
  readonly kpiKey: string;
  readonly source: KpiSource;
}

/** Which columns hold what; column names as in `ImportTable.header`. */
export interface ColumnMapping {
  /** Provider code column; when present it identifies the provider, so a rename stays one provider. */
  readonly providerCode: string | null;
  readonly providerName: string;
  readonly period: string;
  readonly kpis: readonly KpiColumnMapping[];
}

/** Default service level that an import creates for every provider it meets, in the KPI's unit. */
export interface ServiceLevelDefault {
  readonly kpiKey: string;
  readonly expected: number;
  readonly minimum: number;
}

/** A named mapping the user can reuse; the NHS 111 preset ships with the app. */
export interface MappingPreset {
  readonly id: string;
  readonly name: string;
  readonly builtIn: boolean;
  readonly mapping: ColumnMapping;
  /** KPIs the mapping refers to, created in the portfolio when missing. */
  readonly kpis: readonly KpiDefinitionData[];
  readonly serviceLevels: readonly ServiceLevelDefault[];
  /** Where the default levels come from, shown next to them. */
  readonly sourceNote: string | null;
}

export interface ImportIssue {
  /** Errors block the import; warnings are shown and the rows still import. */
  readonly severity: 'error' | 'warning';
  readonly code: ErrorCode;
  /** 1-based line (CSV) or row (XLSX) number in the file, or `null` for a problem with the whole file or a column. */
  readonly row: number | null;
  readonly column: string | null;
  readonly detail: ErrorDetail;
}

/** One provider-month-KPI result, validated and in the KPI's unit. */
export interface MeasurementRow {
  /** 1-based line (CSV) or row (XLSX) number in the file. */
  readonly row: number;
  readonly providerCode: string | null;
  readonly providerName: string;
  readonly period: Period;
  readonly kpiKey: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/** Everything a measurement import will write, computed before a single write. */
export interface ImportPlan {
  readonly fileName: string;
  /** Number of data rows read from the file. */
  readonly rowCount: number;
  readonly kpis: readonly KpiDefinitionData[];
  readonly serviceLevels: readonly ServiceLevelDefault[];
  /**
   * Providers met in the file, keyed by code when the mapping has one (else by name),
   * each with the name of its latest period.
   */
  readonly providers: readonly { readonly code: string | null; readonly name: string; readonly formerNames: readonly string[] }[];
  readonly measurements: readonly MeasurementRow[];
  /** At most `maxImportIssues` (see `issues.ts`) issues, errors kept before warnings, sorted by row. */
  readonly issues: readonly ImportIssue[];
  /** Issues found in total, including any left out of `issues`; the import is blocked when `errors > 0`. */
  readonly issueCounts: { readonly errors: number; readonly warnings: number };
}
