import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keptImportBackups } from '../../db/backups';
import { formatNumber } from '../../format';
import { userLocale } from '../../locale';
import { ConfirmDialog } from './ConfirmDialog';
import { formatByteSize, formatInstant } from './portfolioRows';
import type { BackupRow } from './portfolioRows';

interface BackupsSectionProps {
  readonly rows: readonly BackupRow[];
  /** Whether an action is running, which disables every button. */
  readonly busy: boolean;
  /** Each action resolves when it has finished, whether it succeeded or failed. The screen reports the outcome. */
  readonly onRestore: (row: BackupRow) => Promise<void>;
  readonly onSave: (row: BackupRow) => Promise<void>;
  readonly onDelete: (row: BackupRow) => Promise<void>;
}

type Asking = { readonly action: 'restore' | 'delete'; readonly row: BackupRow };

/** Lists the backups kept on this machine, newest first, with Restore, Save as file and Delete backup. */
export function BackupsSection({ rows, busy, onRestore, onSave, onDelete }: BackupsSectionProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<Asking | null>(null);
  const [running, setRunning] = useState(false);

  const confirm = (chosen: Asking) => {
    setRunning(true);
    const action = chosen.action === 'restore' ? onRestore(chosen.row) : onDelete(chosen.row);
    void action.finally(() => {
      setRunning(false);
      setAsking(null);
    });
  };

  return (
    <section aria-labelledby="backups-title" data-testid="backups">
      <h2 id="backups-title">{t('portfolios.backups.title')}</h2>
      <p className="muted">{t('portfolios.backups.intro', { count: keptImportBackups })}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('portfolios.backups.none')}</p>
      ) : (
        <table className="sync-table" aria-label={t('portfolios.backups.tableLabel')} data-testid="backup-table">
          <thead>
            <tr>
              <th scope="col">{t('portfolios.backups.colPortfolio')}</th>
              <th scope="col">{t('portfolios.backups.colReason')}</th>
              <th scope="col">{t('portfolios.backups.colTakenAt')}</th>
              <th scope="col">{t('portfolios.backups.colSource')}</th>
              <th scope="col">{t('portfolios.backups.colRecords')}</th>
              <th scope="col">{t('portfolios.backups.colSize')}</th>
              <th scope="col">{t('portfolios.backups.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-backup-id={row.id}>
                <th scope="row">
                  {row.portfolioDeleted ? t('portfolios.backups.deletedPortfolio', { name: row.portfolioName }) : row.portfolioName}
                </th>
                <td>{t(`portfolios.backups.reasons.${row.reason}`)}</td>
                <td>{formatInstant(row.createdAt, userLocale)}</td>
                <td>{row.sourceFile ?? ''}</td>
                <td>{formatNumber(row.recordCount, userLocale)}</td>
                <td>{formatByteSize(row.byteLength, userLocale)}</td>
                <td>
                  <div className="button-row">
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      aria-label={t('portfolios.backups.restoreNamed', backupNameValues(row))}
                      onClick={() => {
                        setAsking({ action: 'restore', row });
                      }}
                    >
                      {t('portfolios.backups.restore')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      aria-label={t('portfolios.backups.saveAsFileNamed', backupNameValues(row))}
                      onClick={() => void onSave(row)}
                    >
                      {t('portfolios.backups.saveAsFile')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      disabled={busy}
                      aria-label={t('portfolios.backups.deleteNamed', backupNameValues(row))}
                      onClick={() => {
                        setAsking({ action: 'delete', row });
                      }}
                    >
                      {t('portfolios.backups.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking === null ? null : (
        <BackupConfirm
          asking={asking}
          busy={running}
          onConfirm={() => {
            confirm(asking);
          }}
          onCancel={() => {
            setAsking(null);
          }}
        />
      )}
    </section>
  );
}

/**
 * Returns the portfolio name and backup time that tell a row's buttons apart for screen readers,
 * whose users hear "Restore" alone on every row otherwise.
 */
function backupNameValues(row: BackupRow): { readonly name: string; readonly when: string } {
  return { name: row.portfolioName, when: formatInstant(row.createdAt, userLocale) };
}

interface BackupConfirmProps {
  readonly asking: Asking;
  readonly busy: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Requests confirmation before a backup is restored or deleted, naming the portfolio and when the backup was taken. */
function BackupConfirm({ asking, busy, onConfirm, onCancel }: BackupConfirmProps) {
  const { t } = useTranslation();
  const { row } = asking;
  const values = { name: row.portfolioName, when: formatInstant(row.createdAt, userLocale) };

  if (asking.action === 'restore') {
    return (
      <ConfirmDialog
        title={t('portfolios.backups.restoreTitle', values)}
        confirmLabel={t('portfolios.backups.restoreConfirm')}
        busyLabel={t('portfolios.backups.restoring')}
        busy={busy}
        typeToConfirm={null}
        onConfirm={onConfirm}
        onCancel={onCancel}
        testId="restore-dialog"
      >
        <p>{row.portfolioDeleted ? t('portfolios.backups.restoreBodyDeleted', values) : t('portfolios.backups.restoreBody', values)}</p>
      </ConfirmDialog>
    );
  }

  return (
    <ConfirmDialog
      title={t('portfolios.backups.deleteTitle', values)}
      confirmLabel={t('portfolios.backups.deleteConfirm')}
      busyLabel={t('portfolios.backups.deleting')}
      busy={busy}
      typeToConfirm={null}
      onConfirm={onConfirm}
      onCancel={onCancel}
      testId="delete-backup-dialog"
    >
      <p>{t('portfolios.backups.deleteBody')}</p>
      {row.portfolioDeleted ? <p>{t('portfolios.backups.deleteBodyDeleted', values)}</p> : null}
    </ConfirmDialog>
  );
}
