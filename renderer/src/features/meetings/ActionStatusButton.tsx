import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionItem } from '@shared/domain/governance';
import type { CalendarDate } from '@shared/domain/types';
import { getDeviceContext } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { toAppError } from '../../reportError';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { recordUndoable } from '../undo/recordUndoable';
import { setActionDone } from './meetingWrites';
import { quotedExcerpt } from './undoLabels';

/** "Mark done" for an open action, done on `today`, or "Reopen" for a done one. */
export function ActionStatusButton({ action, today }: { readonly action: ActionItem; readonly today: CalendarDate }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const done = action.status === 'done';

  const toggle = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const label = t(done ? 'undo.label.reopenAction' : 'undo.label.actionDone', { title: quotedExcerpt(action.title) });
      await recordUndoable(db, label, await getDeviceContext(), (context) => setActionDone(db, action.id, !done, today, context));
    } catch (thrown) {
      setFailure(describeAppError(t, toAppError(thrown, `Changing the status of action item ${action.id} failed`)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-label={
          done ? t('meetings.actions.reopenNamed', { title: action.title }) : t('meetings.actions.markDoneNamed', { title: action.title })
        }
        onClick={() => void toggle()}
      >
        {done ? t('meetings.actions.reopen') : t('meetings.actions.markDone')}
      </button>
      {failure === null ? null : (
        <span className="alert error" role="alert">
          {failure}
        </span>
      )}
    </>
  );
}
