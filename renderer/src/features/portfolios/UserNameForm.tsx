import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readUserName, setUserName } from '../../db/catalogue';

/** Maximum length of the name, so that a pasted paragraph does not end up in every history entry. */
const maxUserNameLength = 80;

/**
 * Sets the name this computer records as the author of every change, which audit entries and
 * escalation histories show. It belongs to the computer, not to a portfolio.
 */
export function UserNameForm() {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');
  const hintId = useId();

  useEffect(() => {
    let active = true;
    void readUserName().then((stored) => {
      if (!active) return;
      setName(stored);
      setSaved(stored);
    });
    return () => {
      active = false;
    };
  }, []);

  const trimmed = name.trim();
  return (
    <form
      data-testid="user-name-form"
      onSubmit={(event) => {
        event.preventDefault();
        void setUserName(trimmed).then(
          () => {
            setSaved(trimmed);
            setStatus('saved');
          },
          () => {
            setStatus('failed');
          },
        );
      }}
    >
      <div className="toolbar">
        <label>
          {t('portfolios.userName.label')}
          <input
            type="text"
            value={name}
            maxLength={maxUserNameLength}
            disabled={saved === null}
            aria-describedby={hintId}
            onChange={(event) => {
              setName(event.target.value);
              setStatus('idle');
            }}
          />
        </label>
        <button type="submit" className="button" disabled={saved === null || trimmed === saved}>
          {t('portfolios.userName.save')}
        </button>
      </div>
      <p id={hintId} className="muted">
        {t('portfolios.userName.hint')}
      </p>
      {status === 'saved' ? (
        <p className="alert success" role="status">
          {trimmed === '' ? t('portfolios.userName.cleared') : t('portfolios.userName.saved', { name: trimmed })}
        </p>
      ) : null}
      {status === 'failed' ? (
        <p className="alert error" role="alert">
          {t('portfolios.userName.failed')}
        </p>
      ) : null}
    </form>
  );
}
