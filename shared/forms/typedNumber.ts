/**
 * Reads a number typed into a form field, with the number locales of the import wizard.
 *
 * The user's decimal separator comes first, together with the grouping of every number locale
 * that shares it: `1,234.5` and `1'234.5` where the decimal separator is a point (English, Swiss
 * German), `1.234,5` and `1 234,5` where it is a comma (German, French). Text that none of those
 * read is read with the other decimal separator, so `12,5` is 12.5 under an English locale and
 * `12.5` is 12.5 under a German one. Text that both separators read (`1,234`) always takes the
 * user's reading: 1234 in English, 1.234 in German.
 */
import { decimalSeparator, numberLocales, parseLocaleNumber } from '../import/numberLocale';
import type { ParsedNumber } from '../import/values';

/** A typed number: its value and whether it ended in `%`, or `'empty'` for blank text, or `'invalid'`. */
export type TypedNumber = ParsedNumber | 'empty' | 'invalid';

/**
 * Reads `text` as a number, where `userDecimalSeparator` (`.` or `,`) is the decimal separator
 * of the user's locale. Rejects exponents (`1e3`), `NaN`, infinities and numbers too large for a
 * double. Returns 0 for `-0`, which would otherwise differ from a stored 0 under `Object.is` and
 * be written as a change.
 */
export function readTypedNumber(text: string, userDecimalSeparator: string): TypedNumber {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  // An exponent in a form field is more likely a slip than a number, so `1e3` is rejected rather than read as 1000.
  if (/e/i.test(trimmed)) return 'invalid';

  const usersLocales = numberLocales.filter((locale) => decimalSeparator[locale] === userDecimalSeparator);
  const otherLocales = numberLocales.filter((locale) => decimalSeparator[locale] !== userDecimalSeparator);
  for (const locale of [...usersLocales, ...otherLocales]) {
    const parsed = parseLocaleNumber(trimmed, locale);
    if (parsed !== null) return { value: parsed.value === 0 ? 0 : parsed.value, percent: parsed.percent };
  }
  return 'invalid';
}
