/** File names of saved packs and of the CSV files inside a pack's ZIP file. */

/** Maximum length of a file name's base and of each qualifier, in characters. */
const maxBaseLength = 100;
const maxQualifierLength = 60;

/**
 * Builds a file name without extension from `base` and `qualifiers` joined by en dashes, replacing
 * characters that file systems reject. Long parts are shortened one by one, so a qualifier such as
 * "without commercial terms" is never cut off by a long base.
 */
export function safeFileStem(base: string, qualifiers: readonly string[]): string {
  const clean = (text: string, maxLength: number) => {
    let result = '';
    for (const character of text) result += character < ' ' || '<>:"/\\|?*'.includes(character) ? ' ' : character;
    // Cut between graphemes, so no character or emoji sequence is split.
    const graphemes = Array.from(new Intl.Segmenter().segment(result.replace(/\s+/g, ' ').trim()), (part) => part.segment);
    return graphemes.slice(0, maxLength).join('').trim();
  };
  const parts = [clean(base, maxBaseLength) || 'report', ...qualifiers.map((qualifier) => clean(qualifier, maxQualifierLength)).filter((part) => part !== '')];
  return parts.join(' – ');
}

/** Builds a file name from `base`, `qualifiers` and `extension`, as `safeFileStem` does. */
export function safeFileName(base: string, qualifiers: readonly string[], extension: string): string {
  return `${safeFileStem(base, qualifiers)}.${extension}`;
}
