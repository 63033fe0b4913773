import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { selectLastImport, selectSetLastImport, useUiStore } from '../../state/uiStore';
import { undoImport } from './mergeActions';
import { formatChangeTime } from './mergeView';

interface LastImportNoticeProps {
  /** Id of the open portfolio; the notice shows only the last import into it. */
  readonly portfolioId: string;
  /** Disables the buttons while the Sync screen runs another action. */
  readonly disabled: boolean;
}

/** Result of an undo, for the backup it tried to restore. */
interface Outcome {
  readonly kind: 'undone' | 'failed';
  readonly backupId: string;
  readonly message: string;
}

/**
 * Shows the result of the last merge into the open portfolio with "Undo import". The import is
 * kept in the UI store, so the offer stays after navigating away and back within the session.
 * Undo takes a confirmation, then restores the backup taken just before the merge.
 */
export function LastImportNotice({ portfolioId, disabled }: LastImportNoticeProps) {
  const { t } = useTranslation();
  const lastImport = useUiStore(selectLastImport);
  const setLastImport = useUiStore(selectSetLastImport);
  const [confirming, setConfirming] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const currentImport = lastImport !== null && lastImport.portfolioId === portfolioId ? lastImport : null;
  // A later import replaces the result of undoing an earlier one.
  const shownOutcome = outcome !== null && (lastImport === null || lastImport.backupId === outcome.backupId) ? outcome : null;

  const undo = async () => {
    if (currentImport === null) return;
    const file = currentImport.fileName;
    setUndoing(true);
    setOutcome(null);
    try {
      await undoImport(currentImport.backupId);
      setLastImport(null);
      setOutcome({ kind: 'undone', backupId: currentImport.backupId, message: t('sync.undone', { file }) });
    } catch (thrown) {
      const error = toAppError(thrown, `Undo of the import of ${file} from backup ${currentImport.backupId} failed`);
      const backupMissing = error.code === 'storage.notFound' && error.detail?.table === 'backups';
      if (backupMissing) setLastImport(null);
      const message = backupMissing
        ? t('sync.undoBackupMissing', { file })
        : `${t('sync.undoFailed', { file })} ${describeAppError(t, error)}`;
      setOutcome({ kind: 'failed', backupId: currentImport.backupId, message });
    } finally {
      setUndoing(false);
      setConfirming(false);
    }
  };

  return (
    <>
      {shownOutcome?.kind === 'undone' ? (
        <p className="alert success" role="status" data-testid="undo-import-result">
          {shownOutcome.message}
        </p>
      ) : null}
      {shownOutcome?.kind === 'failed' ? (
        <p className="alert error" role="alert" data-testid="undo-import-result">
          {shownOutcome.message}
        </p>
      ) : null}
      {currentImport !== null ? (
        <div className="alert success" role="status" data-testid="last-import">
          <p>
            {t('sync.lastImport', {
              file: currentImport.fileName,
              time: formatChangeTime(Date.parse(currentImport.mergedAt), userLocale),
              added: currentImport.added,
              changed: currentImport.changed,
              deleted: currentImport.deleted,
            })}
            {currentImport.keptCount > 0 ? ` ${t('sync.lastImportKept', { count: currentImport.keptCount })}` : null}
          </p>
          {confirming ? (
            <>
              <p>
                {t('sync.undoConfirm', {
                  file: currentImport.fileName,
                  time: formatChangeTime(Date.parse(currentImport.mergedAt), userLocale),
                })}
              </p>
              <div className="button-row">
                <button type="button" className="button primary" disabled={disabled || undoing} onClick={() => void undo()}>
                  {undoing ? t('sync.undoing') : t('sync.undoConfirmButton')}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={disabled || undoing}
                  onClick={() => {
                    setConfirming(false);
                  }}
                >
                  {t('sync.undoCancel')}
                </button>
              </div>
            </>
          ) : (
            <div className="button-row">
              <button
                type="button"
                className="button"
                disabled={disabled}
                onClick={() => {
                  setOutcome(null);
                  setConfirming(true);
                }}
              >
                {t('sync.undoImport')}
              </button>
            </div>
          )}
        </div>
      ) : null}
    </>
  );
}
