import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface CreatePortfolioFormProps {
  readonly busy: boolean;
  /** Creates the portfolio; resolves to the sentence to show under the field, or `null` when it was created. */
  readonly onCreate: (name: string) => Promise<string | null>;
}

/** Name field and button that create a new empty portfolio. */
export function CreatePortfolioForm({ busy, onCreate }: CreatePortfolioFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const messageId = useId();

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
