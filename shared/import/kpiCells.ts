/**
 * Reads one KPI's result from the cells of one row, in the KPI's unit, reporting every
 * cell it cannot use.
 */
import type { KpiDefinitionData } from '../domain/types';
import { rowIssue } from './issues';
import type { ImportIssue, KpiSource } from './types';
import { parseDuration, parseNumber, type ParseNumberOptions } from './values';

/** One row's cells with the file context needed for messages. */
export interface RowContext {
  readonly fileName: string;
  /** 1-based line number in the file. */
  readonly row: number;
  /** Cell text by column name. */
  readonly cell: (column: string) => string;
  readonly numberOptions: ParseNumberOptions;
  readonly issues: ImportIssue[];
}

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
  const text = context.cell(column).trim();
  if (text === '') {
    warnEmpty(context, column);
    return null;
  }

  if (kpi.kind === 'duration') {
    const seconds = parseDuration(text);
    if (seconds === null) {
      context.issues.push(rowIssue('error', 'csv.invalidDuration', context.row, column, { file: context.fileName, column, value: text }));
    }
    return seconds;
  }

  const parsed = parseNumber(text, context.numberOptions);
  // A percent sign is only right for a KPI measured in percent; elsewhere the scale is unknown.
  if (parsed === null || (parsed.percent && kpi.unit !== 'percent')) {
    context.issues.push(rowIssue('error', 'csv.invalidNumber', context.row, column, { file: context.fileName, column, value: text }));
    return null;
  }
  return parsed.value;
}

function readRatio(context: RowContext, kpi: KpiDefinitionData, numeratorColumn: string, denominatorColumn: string): KpiResult | null {
  const numerator = readCount(context, numeratorColumn);
  const denominator = readCount(context, denominatorColumn);
  if (numerator === null || denominator === null) {
    return null;
  }

  if (denominator === 0) {
    context.issues.push(
      rowIssue('warning', 'csv.zeroDenominator', context.row, denominatorColumn, { file: context.fileName, column: denominatorColumn, kpi: kpi.name }),
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

/** Reads a numerator or denominator: a number of zero or more, written without a percent sign. */
function readCount(context: RowContext, column: string): number | null {
  const text = context.cell(column).trim();
  if (text === '') {
    warnEmpty(context, column);
    return null;
  }
  const parsed = parseNumber(text, context.numberOptions);
  if (parsed === null || parsed.percent || parsed.value < 0) {
    context.issues.push(rowIssue('error', 'csv.invalidNumber', context.row, column, { file: context.fileName, column, value: text }));
    return null;
  }
  return parsed.value;
}

function warnEmpty(context: RowContext, column: string): void {
  context.issues.push(rowIssue('warning', 'csv.emptyValue', context.row, column, { file: context.fileName, column }));
}
