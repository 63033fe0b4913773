import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CreatePortfolioFormProps {
  readonly busy: boolean;
  /** Creates the portfolio; resolves to the sentence to show under the field, or `null` when it was created. */
  readonly onCreate: (name: string) => Promise<string | null>;
  /** Moves focus into the name field whenever this value changes to a non-null one, such as a new navigation request. */
  readonly focusRequest: object | null;
}

/** Name field and button that create a new empty portfolio. */
export function CreatePortfolioForm({ busy, onCreate, focusRequest }: CreatePortfolioFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const messageId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest !== null) inputRef.current?.focus();
  }, [focusRequest]);

  return (
    <form
      data-testid="create-portfolio-form"
      onSubmit={(event) => {
        event.preventDefault();
        setCreating(true);
        void onCreate(name).then((problem) => {
          setCreating(false);
          setMessage(problem);
          if (problem === null) setName('');
        });
      }}
    >
      <div className="toolbar">
        <label>
          {t('portfolios.createLabel')}
          <input
            ref={inputRef}
            type="text"
            value={name}
            disabled={creating}
            aria-invalid={message === null ? undefined : true}
            aria-describedby={message === null ? undefined : messageId}
            onChange={(event) => {
              setName(event.target.value);
              setMessage(null);
            }}
          />
        </label>
        <button type="submit" className="button" disabled={busy || creating}>
          {creating ? t('portfolios.creating') : t('portfolios.create')}
        </button>
      </div>
      {message === null ? null : (
        <p id={messageId} className="alert error" role="alert">
          {message}
        </p>
      )}
    </form>
  );
}
