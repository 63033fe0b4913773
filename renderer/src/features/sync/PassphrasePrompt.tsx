import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface PassphrasePromptProps {
  /** Name of the encrypted file, shown in the prompt. */
  readonly fileName: string;
  /** Wrong passphrases entered so far; focus returns to the field after each one. */
  readonly wrongAttempts: number;
  readonly busy: boolean;
  /** Tries to open the file with `passphrase`; the prompt stays shown until the caller removes it. */
  readonly onOpen: (passphrase: string) => void;
  readonly onCancel: () => void;
}

/**
 * Asks for the passphrase of an encrypted portfolio file. The passphrase stays in this
 * component's state only, and the field is cleared after each attempt.
 */
export function PassphrasePrompt({ fileName, wrongAttempts, busy, onOpen, onCancel }: PassphrasePromptProps) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);

  // Focus moves into the field when the prompt opens and after a wrong passphrase. The field is
  // disabled while a try runs, and a disabled field cannot take focus, so this waits for `busy`.
  useEffect(() => {
    if (!busy) inputRef.current?.focus();
  }, [busy, wrongAttempts]);

  return (
    <form
      aria-label={t('sync.passphrasePrompt', { file: fileName })}
      data-testid="passphrase-prompt"
      onSubmit={(event) => {
        event.preventDefault();
        const entered = passphrase;
        setPassphrase('');
        onOpen(entered);
      }}
    >
      <p>{t('sync.passphrasePrompt', { file: fileName })}</p>
      <div className="toolbar">
        <label>
          {t('sync.passphrase')}
          <input
            ref={inputRef}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            disabled={busy}
            onChange={(event) => {
              setPassphrase(event.target.value);
            }}
          />
        </label>
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy || passphrase.length === 0}>
          {busy ? t('sync.opening') : t('sync.open')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {t('sync.cancel')}
        </button>
      </div>
    </form>
  );
}
