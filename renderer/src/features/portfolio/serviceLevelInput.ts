/**
 * Checks the expected and minimum levels a user types for one provider's service level, before
 * anything is written. Values are in the KPI's unit: percent from 0 to 100, seconds, or a plain
 * number.
 */
import { readTypedNumber } from '@shared/forms/typedNumber';
import type { KpiDefinitionData, KpiDirection } from '@shared/domain/types';
import { isBreach } from '@shared/domain/kpiMath';

export type LevelField = 'expected' | 'minimum';

/** One problem with the typed levels, attached to the field the user must correct. */
export type LevelIssue =
  | { readonly field: LevelField; readonly problem: 'empty' }
  | { readonly field: LevelField; readonly problem: 'notNumber'; readonly text: string }
  | { readonly field: LevelField; readonly problem: 'outsidePercent'; readonly value: number }
  | { readonly field: LevelField; readonly problem: 'negative'; readonly value: number }
  | {
      readonly field: 'minimum';
      readonly problem: 'order';
      readonly direction: KpiDirection;
      readonly expected: number;
      readonly minimum: number;
    };

export type LevelCheck =
  | { readonly ok: true; readonly expected: number; readonly minimum: number }
  | { readonly ok: false; readonly issues: readonly LevelIssue[] };

/** Text of the two level inputs, as typed. */
export interface LevelInput {
  readonly expected: string;
  readonly minimum: string;
}

/** Returns the decimal separator of `locale`, for example `.` in English and `,` in German. */
export function decimalSeparatorOf(locale: string): string {
  const part = new Intl.NumberFormat(locale).formatToParts(1.5).find((candidate) => candidate.type === 'decimal');
  return part?.value ?? '.';
}

/**
 * Parses a typed number with `readTypedNumber`, which tries the user's `decimalSeparator` first
 * and accepts grouping (`250,000` or `1.234,5`) and a `%` after the number (`12%` is 12).
 * Returns `'empty'` for blank text and `'invalid'` for anything else that is not a finite number.
 */
export function parseLevelNumber(text: string, decimalSeparator: string): number | 'empty' | 'invalid' {
  const parsed = readTypedNumber(text, decimalSeparator);
  return typeof parsed === 'string' ? parsed : parsed.value;
}

/** Formats a stored level for its input, without grouping or exponent, so that it parses back unchanged. */
export function levelInputText(value: number, decimalSeparator: string): string {
  const plain = new Intl.NumberFormat('en-US', { useGrouping: false, maximumFractionDigits: 20 }).format(value);
  return decimalSeparator === '.' ? plain : plain.replace('.', decimalSeparator);
}

type KpiTraits = Pick<KpiDefinitionData, 'unit' | 'kind' | 'direction'>;

function checkOne(kpi: KpiTraits, field: LevelField, text: string, decimalSeparator: string): number | LevelIssue {
  const value = parseLevelNumber(text, decimalSeparator);
  if (value === 'empty') return { field, problem: 'empty' };
  if (value === 'invalid') return { field, problem: 'notNumber', text: text.trim() };
  if (kpi.unit === 'percent' && (value < 0 || value > 100)) return { field, problem: 'outsidePercent', value };
  // A duration or a count below zero has no meaning.
  const neverNegative = kpi.unit === 'seconds' || kpi.kind === 'duration' || kpi.kind === 'count';
  if (neverNegative && value < 0) return { field, problem: 'negative', value };
  return value;
}

/**
 * Checks the typed levels of one service level. Each field must be a finite number, within
 * 0 to 100 for a percent KPI and not negative for a duration or count. The minimum must lie on
 * the worse side of the expected level: at most the expected level when higher is better, at
 * least it when lower is better. That is the same comparison `isBreach` makes, so a result that
 * reaches the expected level is never a breach.
 */
export function checkServiceLevel(kpi: KpiTraits, input: LevelInput, decimalSeparator: string): LevelCheck {
  const expected = checkOne(kpi, 'expected', input.expected, decimalSeparator);
  const minimum = checkOne(kpi, 'minimum', input.minimum, decimalSeparator);
  const issues: LevelIssue[] = [];
  if (typeof expected !== 'number') issues.push(expected);
  if (typeof minimum !== 'number') issues.push(minimum);
  if (typeof expected !== 'number' || typeof minimum !== 'number') return { ok: false, issues };

  if (isBreach(kpi, { minimum }, expected)) {
    return { ok: false, issues: [{ field: 'minimum', problem: 'order', direction: kpi.direction, expected, minimum }] };
  }
  return { ok: true, expected, minimum };
}
