import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listBackups } from '../../db/backups';
import { listPortfolios } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { platform } from '../../platform';
import { isLastImportUndoable, selectLastImport, selectNavigate, selectSetLastImport, useUiStore } from '../../state/uiStore';
import { undoImport } from './mergeActions';
import { formatChangeTime } from './mergeView';

interface LastImportNoticeProps {
  /** Id of the open portfolio; the notice shows only the last import into it. */
  readonly portfolioId: string;
  /** Disables the buttons while the Sync screen runs another action. */
  readonly disabled: boolean;
  /** Count of actions the Sync screen has started; the undo result hides once another action starts. */
  readonly actionCount: number;
  /** Clears the Sync screen's own notices when an undo starts. */
  readonly onUndoStart: () => void;
}

/** Result of an undo, for the backup it tried to restore. */
interface Outcome {
  readonly kind: 'undone' | 'failed';
  readonly backupId: string;
  readonly message: string;
  /** The Sync screen's `actionCount` when the undo ran. */
  readonly actionCount: number;
}

/**
 * Shows the result of the last merge into the open portfolio with "Undo import". The import is
 * kept in the persisted UI store, so the offer survives navigation and restarts until its backup
 * or portfolio is gone. Undo takes a confirmation, then restores the backup taken just before the
 * merge. Without an import to undo, the notice points to the portfolio's backups instead.
 */
export function LastImportNotice({ portfolioId, disabled, actionCount, onUndoStart }: LastImportNoticeProps) {
  const { t } = useTranslation();
  const lastImport = useUiStore(selectLastImport);
  const setLastImport = useUiStore(selectSetLastImport);
  const [confirming, setConfirming] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const navigate = useUiStore(selectNavigate);
  const backups = useLiveQuery(() => listBackups(), []);
  const portfolios = useLiveQuery(listPortfolios, []);

  // Drops an import whose backup was pruned or deleted, or whose portfolio was deleted, for example
  // while the app was closed.
  useEffect(() => {
    if (lastImport === null || backups === undefined || portfolios === undefined) return;
    const backupIds = backups.map((backup) => backup.id);
    if (
      isLastImportUndoable(
        lastImport,
        portfolios.map((entry) => entry.id),
        backupIds,
      )
    )
      return;
    platform.log(
      'info',
      `Undo import of ${lastImport.fileName} is no longer offered: backup ${lastImport.backupId} or portfolio ${lastImport.portfolioId} is gone`,
    );
    setLastImport(null);
  }, [lastImport, backups, portfolios, setLastImport]);
  const hasBackups = backups?.some((backup) => backup.portfolioId === portfolioId) ?? false;

  const currentImport = lastImport !== null && lastImport.portfolioId === portfolioId ? lastImport : null;
  // A later import, or any other action started on the Sync screen, replaces the result of undoing an earlier one.
  const outcomeIsLatest = outcome !== null && outcome.actionCount === actionCount;
  const shownOutcome = outcomeIsLatest && (lastImport === null || lastImport.backupId === outcome.backupId) ? outcome : null;

  const undo = async () => {
    if (currentImport === null) return;
    const file = currentImport.fileName;
    setUndoing(true);
    setOutcome(null);
    onUndoStart();
    try {
      await undoImport(currentImport.backupId);
      setLastImport(null);
      setOutcome({ kind: 'undone', backupId: currentImport.backupId, message: t('sync.undone', { file }), actionCount });
    } catch (thrown) {
      const error = toAppError(thrown, `Undo of the import of ${file} from backup ${currentImport.backupId} failed`);
      const backupMissing = error.code === 'storage.notFound' && error.detail?.table === 'backups';
      if (backupMissing) setLastImport(null);
      const message = backupMissing
        ? t('sync.undoBackupMissing', { file })
        : `${t('sync.undoFailed', { file })} ${describeAppError(t, error)}`;
      setOutcome({ kind: 'failed', backupId: currentImport.backupId, message, actionCount });
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
      {currentImport === null && hasBackups ? (
        <p className="muted" data-testid="backups-hint">
          {t('sync.backupsHint')}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              navigate({ name: 'portfolios' });
            }}
          >
            {t('sync.backupsLink')}
          </button>
        </p>
      ) : null}
    </>
  );
}
