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
  if (Array.from(fields.passphrase).length < minPassphraseLength) return { kind: 'invalid', reason: 'tooShort' };
  if (fields.passphrase !== fields.confirmation) return { kind: 'invalid', reason: 'mismatch' };
  return { kind: 'encrypt', passphrase: fields.passphrase };
}
