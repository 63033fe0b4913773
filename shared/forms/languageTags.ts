/**
 * Languages typed as names ("English", "hindi") or BCP 47 tags ("EN", "fr-ca"), read into
 * canonical BCP 47 tags (`en`, `hi`, `fr-CA`) with `Intl` alone. A site stores tags, and screens
 * show them as names in the user's language.
 */

/**
 * Three-letter codes of languages spoken in large BPO delivery markets that have no two-letter
 * code, so that their names are read too: Filipino, Cebuano and Cantonese. They come before the
 * two-letter codes because `Intl` also names `tl` (Tagalog) "Filipino" in English.
 */
const threeLetterCodes: readonly string[] = ['fil', 'ceb', 'yue'];

const namesByLocale = new Map<string, ReadonlyMap<string, string>>();

/** Lists `threeLetterCodes`, then the two-letter language codes that are canonical and have a name in `Intl`. */
function namedLanguageCodes(names: Intl.DisplayNames): string[] {
  const codes: string[] = [];
  for (let first = 97; first <= 122; first += 1) {
    for (let second = 97; second <= 122; second += 1) {
      const code = String.fromCharCode(first, second);
      if (names.of(code) !== undefined && Intl.getCanonicalLocales(code)[0] === code) codes.push(code);
    }
  }
  return [...threeLetterCodes, ...codes];
}

/** Returns the language codes by their lower-case names in `locale`, built once per locale. */
function languageCodesByName(locale: string): ReadonlyMap<string, string> {
  const known = namesByLocale.get(locale);
  if (known !== undefined) return known;

  const byName = new Map<string, string>();
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
  for (const code of namedLanguageCodes(names)) {
    const name = names.of(code)?.toLocaleLowerCase(locale);
    if (name !== undefined && !byName.has(name)) byName.set(name, code);
  }
  namesByLocale.set(locale, byName);
  return byName;
}

/** Checks that the language subtag of a canonical tag has a name in `Intl`, so `xq` or `english` is rejected. */
function isKnownLanguage(tag: string): boolean {
  try {
    const language = new Intl.Locale(tag).language;
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(language) !== undefined;
  } catch {
    // Intl.Locale throws a RangeError for a tag it cannot read, such as a private-use tag.
    return false;
  }
}

/** Reads one language name or tag into a canonical tag, or returns `null` when it is neither. */
function readLanguage(text: string, nameLocales: readonly string[]): string | null {
  for (const locale of [...nameLocales, 'en']) {
    const code = languageCodesByName(locale).get(text.toLocaleLowerCase(locale));
    if (code !== undefined) return code;
  }
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(text);
  } catch {
    // getCanonicalLocales throws a RangeError for text that is not a BCP 47 tag.
    return null;
  }
  return canonical !== undefined && isKnownLanguage(canonical) ? canonical : null;
}

/**
 * Reads languages separated by commas or semicolons into canonical BCP 47 tags, so `EN-gb` is
 * stored as `en-GB`. Each entry is a language name in English or in one of `nameLocales`, or a
 * tag. An entry of several words that is no name is read word by word, so `en hi` gives two
 * tags. Repeats are dropped. Returns the first entry or word that is neither name nor known tag
 * as `invalid`.
 */
export function parseLanguageTags(text: string, nameLocales: readonly string[] = []): { readonly tags: string[] } | { readonly invalid: string } {
  const tags: string[] = [];
  for (const entry of text.split(/[,;]/u)) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;

    const whole = readLanguage(trimmed, nameLocales);
    const words = whole === null ? trimmed.split(/\s+/u) : [];
    const read = whole === null ? [] : [whole];
    for (const word of words) {
      const tag = readLanguage(word, nameLocales);
      if (tag === null) return { invalid: word };
      read.push(tag);
    }
    for (const tag of read) {
      if (!tags.includes(tag)) tags.push(tag);
    }
  }
  return { tags };
}
