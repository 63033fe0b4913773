import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backupKeepCount } from '@shared/backups';
import type { AppError } from '@shared/errors';
import type { BackupEntry, BackupList } from '@shared/ipc/contract';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { platform } from '../../platform';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { useIncomingFileStore } from '../fileOpening/incomingFile';
import { formatByteSize, formatInstant } from '../portfolios/portfolioRows';
import { backUpPortfolios } from './backUpPortfolios';
import type { BackupRunSummary } from './backUpPortfolios';

/**
 * Lists the automatic backups (date, portfolio, size) and restores one through the Sync
 * screen's import preview, where the user sees what it changes before anything is written.
 * A browser tab has no user data folder, so there the screen explains how to keep a copy instead.
 */
export function BackupsScreen() {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const [list, setList] = useState<BackupList | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<BackupRunSummary | null>(null);

  const refresh = useCallback(async () => {
    const listed = await platform.listBackups();
    if (listed.ok) setList(listed.value);
    else setError(listed.error);
  }, []);

  useEffect(() => {
    let current = true;
    void platform.listBackups().then((listed) => {
      if (!current) return;
      if (listed.ok) setList(listed.value);
      else setError(listed.error);
    });
    return () => {
      current = false;
    };
  }, []);

  const restore = async (backup: BackupEntry) => {
    setBusy(true);
    setError(null);
    const read = await platform.readBackup(backup.portfolioId, backup.fileName);
    setBusy(false);
    if (!read.ok) {
      setError(read.error);
      return;
    }
    useIncomingFileStore.getState().offer(read);
    navigate({ name: 'sync' });
  };

  const backUpNow = async () => {
    setBusy(true);
    setError(null);
    setSummary(await backUpPortfolios('manual'));
    await refresh();
    setBusy(false);
  };

  if (list === null && error === null) return <p className="muted">{t('backups.loading')}</p>;

  return (
    <section className="panel" aria-labelledby="backups-screen-title">
      <h1 id="backups-screen-title">{t('backups.title')}</h1>
      {list?.supported === false ? (
        <>
          <p data-testid="backups-unsupported">{t('backups.browserOnly')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                navigate({ name: 'sync' });
              }}
            >
              {t('backups.goToExport')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('backups.intro', { count: backupKeepCount })}</p>
          <p className="muted">{t('backups.restoreHint')}</p>
          {list?.folder === undefined ? null : <p className="muted">{t('backups.folder', { folder: list.folder })}</p>}
          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={() => void backUpNow()}>
              {t('backups.backUpNow')}
            </button>
          </div>
          {summary === null ? null : (
            <p className="alert" role="status">
              {t('backups.summary', { written: summary.written, skipped: summary.skipped, failed: summary.failed })}
            </p>
          )}
          {list === null || list.backups.length === 0 ? (
            <p className="muted">{t('backups.none')}</p>
          ) : (
            <table className="sync-table" aria-label={t('backups.tableLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('backups.colCreatedAt')}</th>
                  <th scope="col">{t('backups.colPortfolio')}</th>
                  <th scope="col">{t('backups.colSize')}</th>
                  <th scope="col">{t('backups.colActions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.backups.map((backup) => (
                  <tr key={`${backup.portfolioId}/${backup.fileName}`}>
                    <td>{formatInstant(backup.createdAt, userLocale)}</td>
                    <th scope="row">{backup.portfolioName}</th>
                    <td>{formatByteSize(backup.sizeBytes, userLocale)}</td>
                    <td>
                      <button type="button" className="button" disabled={busy} onClick={() => void restore(backup)}>
                        {t('backups.restore')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {error === null ? null : (
        <p className="alert error" role="alert">
          {describeAppError(t, error)}
        </p>
      )}
    </section>
  );
}
