/** Pure check of the optional export passphrase and its confirmation. */

/**
 * Outcome of the export passphrase fields: export unencrypted, encrypt with `passphrase`, or
 * export nothing because the passphrase is empty or too short, or the confirmation differs.
 */
export type ExportPassphraseCheck =
  | { readonly kind: 'plain' }
  | { readonly kind: 'encrypt'; readonly passphrase: string }
  | { readonly kind: 'invalid'; readonly reason: 'empty' | 'tooShort' | 'mismatch' };

/**
 * Minimum length of an export passphrase, in characters: the minimum that NIST SP 800-63B sets
 * for a memorized secret, where each Unicode code point counts as one character. PBKDF2 slows
 * each guess, but cannot make a short passphrase safe.
 */
export const minPassphraseLength = 8;

function codePointCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index);
    // A high surrogate followed by a low one is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index += 1;
    }
    count += 1;
  }
  return count;
}

export interface ExportPassphraseFields {
  /** Whether "Protect with a passphrase" is checked. */
  readonly enabled: boolean;
  readonly passphrase: string;
  readonly confirmation: string;
}

/**
 * Checks the export passphrase fields. The passphrase is compared exactly, so leading and
 * trailing spaces count, because the person opening the file must type the same characters.
 */
export function checkExportPassphrase(fields: ExportPassphraseFields): ExportPassphraseCheck {
  if (!fields.enabled) return { kind: 'plain' };
  if (fields.passphrase.length === 0) return { kind: 'invalid', reason: 'empty' };
  if (codePointCount(fields.passphrase) < minPassphraseLength) return { kind: 'invalid', reason: 'tooShort' };
  if (fields.passphrase !== fields.confirmation) return { kind: 'invalid', reason: 'mismatch' };
  return { kind: 'encrypt', passphrase: fields.passphrase };
}
