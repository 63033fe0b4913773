/**
 * Reads one KPI's result from the cells of one row, in the KPI's unit, reporting every
 * cell it cannot use. Text cells are parsed in the table's number locale; typed workbook
 * cells keep their value (see `readTypedValue`).
 */
import type { KpiDefinitionData } from '../domain/types';
import { rowIssue } from './issues';
import { isAmbiguousNumber, parseLocaleNumber, type NumberReading } from './numberLocale';
import type { ImportIssue, KpiSource, TypedCell } from './types';
import { parseDuration, type ParsedNumber } from './values';

/** One row's cells with the file context needed for messages. */
export interface RowContext {
  readonly fileName: string;
  /** 1-based line (CSV) or row (XLSX) number in the file. */
  readonly row: number;
  /** Cell text by column name. */
  readonly cell: (column: string) => string;
  /** Typed workbook cell by column name, or `null` for a text or empty cell and for every CSV cell. */
  readonly typed: (column: string) => TypedCell | null;
  readonly numberReading: NumberReading;
  readonly issues: ImportIssue[];
}

const secondsPerDay = 86_400;

export interface KpiResult {
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/**
 * Returns the KPI's result for the row, or `null` when the row gives none: an empty cell
 * (a warning, because a month may go unreported) or a cell that does not parse (an error).
 */
export function readKpiResult(context: RowContext, kpi: KpiDefinitionData, source: KpiSource): KpiResult | null {
  if (source.kind === 'value') {
    const value = readValue(context, kpi, source.column);
    return value === null ? null : { value, numerator: null, denominator: null };
  }
  return readRatio(context, kpi, source.numerator, source.denominator);
}

function readValue(context: RowContext, kpi: KpiDefinitionData, column: string): number | null {
  const typed = context.typed(column);
  if (typed !== null) {
    return readTypedValue(context, kpi, column, typed);
  }
  const text = context.cell(column).trim();
  if (text === '') {
    warnEmpty(context, column);
    return null;
  }

  if (kpi.kind === 'duration') {
    const seconds = parseDuration(text);
    if (seconds === null) {
      reportInvalid(context, 'csv.invalidDuration', column);
    }
    return seconds;
  }

  // A percent sign is only right for a KPI measured in percent; elsewhere the scale is unknown.
  const parsed = readNumberText(context, column, text, (number) => !number.percent || kpi.unit === 'percent');
  return parsed === null ? null : parsed.value;
}

/**
 * Reads a typed workbook cell as a KPI value. A duration is a time cell or a plain day fraction
 * from 0 up to 1 day (a longer one is a date, not a handling time). A number formatted as a
 * percentage (`0.9401` shown as `94.01%`) becomes 94.01 for a KPI measured in percent and is
 * rejected for any other KPI, as a `%` sign in a text cell is. Other numbers are taken as they
 * are, with no locale involved, and a date in a number column is rejected.
 */
function readTypedValue(context: RowContext, kpi: KpiDefinitionData, column: string, typed: TypedCell): number | null {
  if (kpi.kind === 'duration') {
    const days = typed.kind === 'date' ? typed.serial : typed.value;
    if (days < 0 || days >= 1 || (typed.kind === 'number' && typed.percentFormat)) {
      reportInvalid(context, 'csv.invalidDuration', column);
      return null;
    }
    // Rounded to milliseconds, as parseDuration rounds day fractions written as text.
    return Math.round(days * secondsPerDay * 1000) / 1000;
  }

  if (typed.kind === 'date' || (typed.percentFormat && kpi.unit !== 'percent')) {
    reportInvalid(context, 'csv.invalidNumber', column);
    return null;
  }
  return typed.percentFormat ? percentOfFraction(typed.value) : typed.value;
}

/**
 * Turns a fraction into a percentage, rounded to 15 significant digits (the precision Excel
 * shows) so that 0.9401 gives 94.01 and not 94.00999999999999.
 */
export function percentOfFraction(fraction: number): number {
  return Number((fraction * 100).toPrecision(15));
}

/**
 * Parses a text cell in the table's number locale, or reports it and returns `null` when it
 * is not a number, is ambiguous in a file whose locale only the delimiter suggested, or fails
 * `accept`.
 */
function readNumberText(context: RowContext, column: string, text: string, accept: (parsed: ParsedNumber) => boolean): ParsedNumber | null {
  const { locale, rejectAmbiguous } = context.numberReading;
  if (rejectAmbiguous && isAmbiguousNumber(text, locale)) {
    context.issues.push(
      rowIssue('error', 'csv.invalidNumber', context.row, column, { file: context.fileName, column, value: text, reason: 'ambiguous' }),
    );
    return null;
  }
  const parsed = parseLocaleNumber(text, locale);
  if (parsed !== null && parsed.percent && !accept(parsed) && accept({ ...parsed, percent: false })) {
    // Only the percent sign makes this number invalid here, so the message names the sign, because "not a number" would mislead.
    const value = context.cell(column).trim();
    context.issues.push(
      rowIssue('error', 'csv.invalidNumber', context.row, column, { file: context.fileName, column, value, reason: 'percent' }),
    );
    return null;
  }
  if (parsed === null || !accept(parsed)) {
    reportInvalid(context, 'csv.invalidNumber', column);
    return null;
  }
  return parsed;
}

function reportInvalid(context: RowContext, code: 'csv.invalidNumber' | 'csv.invalidDuration', column: string): void {
  const value = context.cell(column).trim();
  context.issues.push(rowIssue('error', code, context.row, column, { file: context.fileName, column, value }));
}

function readRatio(context: RowContext, kpi: KpiDefinitionData, numeratorColumn: string, denominatorColumn: string): KpiResult | null {
  const numerator = readCount(context, numeratorColumn);
  const denominator = readCount(context, denominatorColumn);
  if (numerator === null || denominator === null) {
    return null;
  }

  if (denominator === 0) {
    context.issues.push(
      rowIssue('warning', 'csv.zeroDenominator', context.row, denominatorColumn, {
        file: context.fileName,
        column: denominatorColumn,
        kpi: kpi.name,
      }),
    );
    return { value: null, numerator, denominator };
  }
  if (numerator > denominator) {
    context.issues.push(
      rowIssue('warning', 'csv.invalidRatio', context.row, numeratorColumn, {
        file: context.fileName,
        column: numeratorColumn,
        denominatorColumn,
        numerator,
        denominator,
      }),
    );
  }
  // Multiplying first keeps whole percentages exact: 100 * 19 / 20 is 95, 19 / 20 * 100 is not.
  return { value: (100 * numerator) / denominator, numerator, denominator };
}

/** Reads a numerator or denominator: a number of zero or more, without a percent sign or percent format. */
function readCount(context: RowContext, column: string): number | null {
  const typed = context.typed(column);
  if (typed !== null) {
    if (typed.kind === 'date' || typed.percentFormat || typed.value < 0) {
      reportInvalid(context, 'csv.invalidNumber', column);
      return null;
    }
    return typed.value;
  }
  const text = context.cell(column).trim();
  if (text === '') {
    warnEmpty(context, column);
    return null;
  }
  const parsed = readNumberText(context, column, text, (number) => !number.percent && number.value >= 0);
  return parsed === null ? null : parsed.value;
}

function warnEmpty(context: RowContext, column: string): void {
  context.issues.push(rowIssue('warning', 'csv.emptyValue', context.row, column, { file: context.fileName, column }));
}
