/**
 * Number formats of text cells (`1,234.5`, `1.234,5`, `1 234,5`, `1'234.5`): parsing in one
 * format, and detecting a file's format from its cells.
 */
import type { ParsedNumber } from './values';

/**
 * Number format of a file, named by what separates decimals and groups:
 * `point` 1,234.5 (English), `comma` 1.234,5 (German, Dutch, Spanish, Italian),
 * `space` 1 234,5 (French, Swedish, Polish, Czech), `apostrophe` 1'234.5 (Swiss).
 */
export type NumberLocale = 'point' | 'comma' | 'space' | 'apostrophe';

/** Every number locale, in the order the preview lists them. */
export const numberLocales: readonly NumberLocale[] = ['point', 'comma', 'space', 'apostrophe'];

/** Rule for reading a table's text cells as numbers. */
export interface NumberReading {
  readonly locale: NumberLocale;
  /**
   * Whether a cell that a locale with the other decimal separator reads as another number
   * (`1,234` is 1234 or 1.234) is rejected instead of read in `locale`.
   */
  readonly rejectAmbiguous: boolean;
}

/** A detected number locale and what decided it. */
export interface NumberLocaleDetection {
  readonly locale: NumberLocale;
  /**
   * `cells`: some cells read in this locale but not in any locale with the other decimal
   * separator. `delimiter`: no cell decides, and a semicolon delimiter suggests a decimal
   * comma. `default`: no cell decides, so the decimal point applies.
   */
  readonly basis: 'cells' | 'delimiter' | 'default';
}

/** Decimal separator of each number locale. */
export const decimalSeparator: Readonly<Record<NumberLocale, string>> = { point: '.', comma: ',', space: ',', apostrophe: '.' };

/** Characters that group thousands; `space` takes the no-break spaces that spreadsheets write, too. */
const groupSeparators: Readonly<Record<NumberLocale, string>> = {
  point: ',',
  comma: '.',
  space: ' \u00a0\u202f',
  apostrophe: "'\u2019",
};

function escapeForClass(characters: string): string {
  return characters.replace(/[\\\]^-]/g, (character) => `\\${character}`);
}

/** Ungrouped numbers (`1234.5`, `.5`, `1e3`) and numbers grouped by threes (`1,234,567.5`), per locale. */
const patterns: Readonly<Record<NumberLocale, { readonly plain: RegExp; readonly grouped: RegExp }>> = Object.fromEntries(
  numberLocales.map((locale) => {
    const decimal = escapeForClass(decimalSeparator[locale]);
    const group = `[${escapeForClass(groupSeparators[locale])}]`;
    return [
      locale,
      {
        plain: new RegExp(`^[+-]?(?:\\d+(?:[${decimal}]\\d*)?|[${decimal}]\\d+)(?:e[+-]?\\d+)?$`, 'i'),
        // A leading zero never starts a group (`0,123` is not grouped), as in the point-only parser before.
        grouped: new RegExp(`^[+-]?[1-9]\\d{0,2}(?:${group}\\d{3})+(?:[${decimal}]\\d+)?$`),
      },
    ];
  }),
) as Record<NumberLocale, { readonly plain: RegExp; readonly grouped: RegExp }>;

/**
 * Parses a number written in `locale`, optionally a percentage (`94,01 %` is 94.01 with
 * `percent` set), or returns `null`. Accepts a Unicode minus sign (U+2212) as `-`. Rejects
 * empty text, `NaN`, infinities and numbers too large for a double.
 */
export function parseLocaleNumber(text: string, locale: NumberLocale): ParsedNumber | null {
  let body = text.trim().replace(/^\u2212/, '-');
  const percent = body.endsWith('%');
  if (percent) {
    body = body.slice(0, -1).trim();
  }

  const { plain, grouped } = patterns[locale];
  let normalized: string;
  if (plain.test(body)) {
    normalized = body.replace(decimalSeparator[locale], '.');
  } else if (grouped.test(body)) {
    const withoutGroups = body.replace(new RegExp(`[${escapeForClass(groupSeparators[locale])}]`, 'g'), '');
    normalized = withoutGroups.replace(decimalSeparator[locale], '.');
  } else {
    return null;
  }

  const value = Number(normalized);
  return Number.isFinite(value) ? { value, percent } : null;
}

/**
 * Checks whether `text` reads as one number in `locale` and as another in a locale with the
 * other decimal separator. `1,234` (1234 or 1.234) and `1.234` are ambiguous, `1,234.5` and `312,5` are not.
 */
export function isAmbiguousNumber(text: string, locale: NumberLocale): boolean {
  const own = parseLocaleNumber(text, locale);
  if (own === null) {
    return false;
  }
  return numberLocales.some((other) => {
    if (decimalSeparator[other] === decimalSeparator[locale]) {
      return false;
    }
    const reading = parseLocaleNumber(text, other);
    return reading !== null && reading.value !== own.value;
  });
}

/** Characters without which a cell reads the same in every locale, so detection can skip it. */
const separatorPattern = /[.,' \u00a0\u202f\u2019]/;

/**
 * Detects the number locale of a file from its text cells. Each cell that some locale reads
 * counts against every locale that rejects it, and the locale with the fewest rejections wins.
 * Ties go to the locale the delimiter suggests, then to the order of `numberLocales`.
 * The cells decide only when the winner has fewer rejections than every locale with the other
 * decimal separator. Otherwise (only integers, or only ambiguous cells such as `1,234`) a
 * semicolon delimiter picks `comma`, because spreadsheet programs write `;` where the comma is
 * the decimal separator, and any other delimiter leaves `point`.
 */
export function detectNumberLocale(cells: Iterable<string>, delimiter: string | null): NumberLocaleDetection {
  const rejections = new Map<NumberLocale, number>(numberLocales.map((locale) => [locale, 0]));
  for (const cell of cells) {
    if (!separatorPattern.test(cell.trim())) {
      continue;
    }
    const accepting = numberLocales.filter((locale) => parseLocaleNumber(cell, locale) !== null);
    if (accepting.length === 0) {
      continue;
    }
    for (const locale of numberLocales) {
      if (!accepting.includes(locale)) {
        rejections.set(locale, (rejections.get(locale) ?? 0) + 1);
      }
    }
  }

  const hinted: NumberLocale = delimiter === ';' ? 'comma' : 'point';
  const candidates = [hinted, ...numberLocales.filter((locale) => locale !== hinted)];
  const countOf = (locale: NumberLocale): number => rejections.get(locale) ?? 0;
  const best = candidates.reduce((chosen, locale) => (countOf(locale) < countOf(chosen) ? locale : chosen));

  const rivals = numberLocales.filter((locale) => decimalSeparator[locale] !== decimalSeparator[best]);
  if (rivals.every((rival) => countOf(best) < countOf(rival))) {
    return { locale: best, basis: 'cells' };
  }
  return delimiter === ';' ? { locale: 'comma', basis: 'delimiter' } : { locale: 'point', basis: 'default' };
}

/**
 * Returns the rule for reading a table's cells. A locale the user chose is trusted as it is.
 * A detected one rejects ambiguous cells only when a semicolon delimiter alone decided it, so
 * that `1,234` in such a file is reported instead of silently read as 1.234. A comma-delimited
 * file without deciding cells reads `1,234` as 1234, because a decimal comma there would need
 * quotes around every number, which spreadsheet programs do not write.
 */
export function numberReadingFor(detection: NumberLocaleDetection, chosen: NumberLocale | null): NumberReading {
  if (chosen !== null) {
    return { locale: chosen, rejectAmbiguous: false };
  }
  return { locale: detection.locale, rejectAmbiguous: detection.basis === 'delimiter' };
}
