/** Pure check of the optional export passphrase and its confirmation. */

/**
 * Outcome of the export passphrase fields: export unencrypted, encrypt with `passphrase`, or
 * export nothing because the passphrase is empty or the confirmation differs.
 */
export type ExportPassphraseCheck =
  | { readonly kind: 'plain' }
  | { readonly kind: 'encrypt'; readonly passphrase: string }
  | { readonly kind: 'invalid'; readonly reason: 'empty' | 'mismatch' };

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
  if (fields.passphrase !== fields.confirmation) return { kind: 'invalid', reason: 'mismatch' };
  return { kind: 'encrypt', passphrase: fields.passphrase };
}
