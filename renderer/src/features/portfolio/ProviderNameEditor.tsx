import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Provider } from '@shared/domain/types';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { recordUndoable } from '../undo/recordUndoable';
import { providerNameMessage } from './editMessages';
import { usePortfolioDb } from './portfolioContext';
import { renameProvider } from './providerEdits';
import { checkProviderName } from './providerName';

interface ProviderNameEditorProps {
  readonly provider: Provider;
  /** Every provider of the portfolio, to keep names distinct. */
  readonly providers: readonly Provider[];
}

/** Rename button and form of the provider page. The heading updates from the live query once the write is stored. */
export function ProviderNameEditor({ provider, providers }: ProviderNameEditorProps) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const formId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (draft === null) {
    return (
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => {
            setMessage(null);
            setDraft(provider.name);
          }}
        >
          {t('provider.rename')}
        </button>
      </div>
    );
  }

  const submit = async (input: string) => {
    const check = checkProviderName(input, provider.id, providers);
    const problem = providerNameMessage(t, check);
    setMessage(problem);
    if (check.kind === 'unchanged') setDraft(null);
    if (check.kind !== 'valid') return;

    setBusy(true);
    try {
      const label = t('undo.label.renameProvider', { from: provider.name, to: check.name });
      await recordUndoable(db, label, await getDeviceContext(), (context) => renameProvider(db, provider.id, check.name, context));
      setDraft(null);
    } catch (thrown) {
      setMessage(describeAppError(t, toAppError(thrown, `Renaming provider ${provider.id} failed`)));
    } finally {
      setBusy(false);
    }
  };

  const hintId = `${formId}-hint`;
  const messageId = `${formId}-message`;
  return (
    <form
      aria-label={t('provider.renameForm', { name: provider.name })}
      data-testid="rename-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(draft);
      }}
    >
      <fieldset className="toolbar" disabled={busy}>
        <label>
          {t('provider.nameLabel')}
          <input
            type="text"
            autoComplete="off"
            autoFocus
            size={48}
            value={draft}
            aria-invalid={message !== null}
            aria-describedby={message === null ? hintId : `${messageId} ${hintId}`}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
          />
        </label>
      </fieldset>
      <p className="muted" id={hintId}>
        {t('provider.renameHint')}
      </p>
      {message === null ? null : (
        <p className="alert error" role="alert" id={messageId}>
          {message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('provider.saving') : t('provider.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            setDraft(null);
          }}
        >
          {t('provider.cancel')}
        </button>
      </div>
    </form>
  );
}
