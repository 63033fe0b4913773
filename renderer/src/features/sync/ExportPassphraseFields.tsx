import { useTranslation } from 'react-i18next';
import { minPassphraseLength } from './exportPassphrase';
import type { ExportPassphraseFields as Fields } from './exportPassphrase';

interface ExportPassphraseFieldsProps {
  readonly fields: Fields;
  /** Sentence shown under the fields when the last export was stopped by them, or null. */
  readonly message: string | null;
  readonly disabled: boolean;
  readonly onChange: (fields: Fields) => void;
}

/**
 * The "Protect with a passphrase" option of the export: a checkbox that shows the passphrase and
 * its confirmation. The values live only in the Sync screen's component state.
 */
export function ExportPassphraseFields({ fields, message, disabled, onChange }: ExportPassphraseFieldsProps) {
  const { t } = useTranslation();

  return (
    <fieldset className="toolbar sync-passphrase" disabled={disabled}>
      <label>
        <input
          type="checkbox"
          checked={fields.enabled}
          onChange={(event) => {
            onChange({ ...fields, enabled: event.target.checked });
          }}
        />
        {t('sync.protect')}
      </label>
      {fields.enabled ? (
        <>
          <label>
            {t('sync.passphrase')}
            <input
              type="password"
              autoComplete="new-password"
              value={fields.passphrase}
              onChange={(event) => {
                onChange({ ...fields, passphrase: event.target.value });
              }}
            />
          </label>
          <label>
            {t('sync.confirmPassphrase')}
            <input
              type="password"
              autoComplete="new-password"
              value={fields.confirmation}
              onChange={(event) => {
                onChange({ ...fields, confirmation: event.target.value });
              }}
            />
          </label>
          <p className="muted">{t('sync.passphraseHint', { min: minPassphraseLength })}</p>
        </>
      ) : null}
      {message !== null ? (
        <p className="alert error" role="alert" data-testid="export-passphrase-message">
          {message}
        </p>
      ) : null}
    </fieldset>
  );
}
