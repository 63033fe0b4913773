import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import type { AppError } from '@shared/errors';
import { fileExtension } from '@shared/file';
import { deleteBackup, listBackups, readBackupBytes } from '../../db/backups';
import { createPortfolio, listPortfolios, renamePortfolio } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { platform } from '../../platform';
import { toAppError } from '../../reportError';
import { selectOpenPortfolio, selectPortfolioId, selectScreen, selectSetLastImport, useUiStore } from '../../state/uiStore';
import { nextPortfolioName } from '../portfolio/portfolioNames';
import { BackupsSection } from './BackupsSection';
import { ConfirmDialog } from './ConfirmDialog';
import { CreatePortfolioForm } from './CreatePortfolioForm';
import { UserNameForm } from './UserNameForm';
import { deletePortfolioWithBackup, readPortfolioStats, restorePortfolioBackup } from './portfolioActions';
import {
  backupFileNameOf,
  buildBackupRows,
  buildPortfolioRows,
  formatInstant,
  portfolioAfterDelete,
  portfolioWithName,
} from './portfolioRows';
import type { BackupRow, PortfolioRow, PortfolioStats } from './portfolioRows';
import { PortfolioTable } from './PortfolioTable';
import { useReleaseOpenPortfolio } from './useReleaseOpenPortfolio';

type Outcome =
  | { readonly kind: 'success'; readonly message: string }
  | {
      readonly kind: 'error';
      /** Sentence naming the step that failed, shown before the error's own sentence, or `null` when that sentence is enough. */
      readonly lead: string | null;
      readonly error: AppError;
    };

type Busy = 'delete' | 'restore' | 'save' | 'deleteBackup';

const fileExtensionWithoutDot = fileExtension.slice(1);

/** Shows the portfolios on this machine and the backups kept of them, with every action on both. */
export function PortfoliosScreen() {
  const { t } = useTranslation();
  const portfolios = useLiveQuery(listPortfolios, []);
  const backups = useLiveQuery(() => listBackups(), []);
  const openPortfolioId = useUiStore(selectPortfolioId);
  const openPortfolio = useUiStore(selectOpenPortfolio);
  const setLastImport = useUiStore(selectSetLastImport);
  const screen = useUiStore(selectScreen);
  const releaseOpenPortfolio = useReleaseOpenPortfolio();
  const [stats, setStats] = useState<ReadonlyMap<Id, PortfolioStats>>(new Map());
  const [busy, setBusy] = useState<Busy | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [deleting, setDeleting] = useState<PortfolioRow | null>(null);

  // Counts are read again whenever a portfolio or backup is added or removed, or a portfolio is
  // renamed. Every action on this screen does one of these.
  const statsKey = [
    ...(portfolios ?? []).map((entry) => `${entry.id}/${entry.updatedAt}`),
    ...(backups ?? []).map((backup) => backup.id),
  ].join(' ');
  useEffect(() => {
    let cancelled = false;
    readPortfolioStats().then(
      (read) => {
        if (!cancelled) setStats(read);
      },
      (thrown: unknown) => {
        // The counts stay as they were; the rest of the screen does not depend on them.
        toAppError(thrown, 'Reading the record counts of the portfolios failed');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [statsKey]);

  if (portfolios === undefined || backups === undefined) return <p className="muted">{t('app.loading')}</p>;

  const rows = buildPortfolioRows(portfolios, stats, openPortfolioId);
  const backupRows = buildBackupRows(backups, portfolios);
  const filters = [{ name: t('portfolios.backups.fileFilter'), extensions: [fileExtensionWithoutDot] }];

  /** Runs one action with every button disabled, turning anything thrown into the error line. */
  const run = async (kind: Busy, context: string, body: () => Promise<void>): Promise<void> => {
    setBusy(kind);
    setOutcome(null);
    try {
      await body();
    } catch (thrown) {
      setOutcome({ kind: 'error', lead: null, error: toAppError(thrown, context) });
    } finally {
      setBusy(null);
    }
  };

  /** Returns the sentence that rejects `name`, or `null` when the name may be used. */
  const nameProblem = (name: string, exceptId: Id | null): string | null => {
    const taken = portfolioWithName(name, portfolios, exceptId);
    return taken === null ? null : t('portfolios.nameTaken', { name: taken.name });
  };

  const create = async (name: string): Promise<string | null> => {
    const problem = nameProblem(name, null);
    if (problem !== null) return problem;
    setOutcome(null);
    try {
      const created = await createPortfolio(name);
      setOutcome({ kind: 'success', message: t('portfolios.created', { name: created.name }) });
      return null;
    } catch (thrown) {
      return describeAppError(t, toAppError(thrown, 'Creating a portfolio failed'));
    }
  };

  const rename = async (row: PortfolioRow, name: string): Promise<string | null> => {
    if (name.trim() === row.name) return null;
    const problem = nameProblem(name, row.id);
    if (problem !== null) return problem;
    setOutcome(null);
    try {
      const renamed = await renamePortfolio(row.id, name);
      setOutcome({ kind: 'success', message: t('portfolios.renamed', { oldName: row.name, name: renamed.name }) });
      return null;
    } catch (thrown) {
      return describeAppError(t, toAppError(thrown, `Renaming portfolio ${row.id} failed`));
    }
  };

  /** Picks the portfolio to open in place of a deleted one, creating an empty one when no other is left. */
  const replacementFor = async (deletedId: Id): Promise<Id> => {
    const remaining = await listPortfolios();
    const next = portfolioAfterDelete(remaining, deletedId);
    if (next !== null) return next.id;
    const name = nextPortfolioName(
      remaining.map((entry) => entry.name),
      (number) => t('portfolio.newPortfolioName', { number }),
    );
    return (await createPortfolio(name)).id;
  };

  const deletePortfolio = async (row: PortfolioRow): Promise<void> => {
    setBusy('delete');
    setOutcome(null);
    // Set once the final backup is stored, so that the failure message states whether a backup
    // exists. An object, because TypeScript does not see a variable assigned inside the callback.
    const progress = { backedUp: false };
    try {
      await deletePortfolioWithBackup({ id: row.id, name: row.name }, async () => {
        progress.backedUp = true;
        await releaseOpenPortfolio(row.id, () => replacementFor(row.id));
      });
      // "Undo import" must not offer to restore an import backup of a deleted portfolio.
      if (useUiStore.getState().lastImport?.portfolioId === row.id) setLastImport(null);
      setOutcome({ kind: 'success', message: t('portfolios.deleted', { name: row.name }) });
    } catch (thrown) {
      const lead = progress.backedUp
        ? t('portfolios.deleteFailed', { name: row.name })
        : t('portfolios.deleteBackupFailed', { name: row.name });
      setOutcome({ kind: 'error', lead, error: toAppError(thrown, `Deleting portfolio ${row.id} failed`) });
    } finally {
      setBusy(null);
      setDeleting(null);
    }
  };

  const restore = (row: BackupRow) =>
    run('restore', `Restoring backup ${row.id} failed`, async () => {
      const restored = await restorePortfolioBackup(row.id);
      const when = formatInstant(row.createdAt, userLocale);
      setOutcome({ kind: 'success', message: t('portfolios.backups.restored', { name: restored.name, when }) });
    });

  const saveBackup = (row: BackupRow) =>
    run('save', `Saving backup ${row.id} as a file failed`, async () => {
      const bytes = await readBackupBytes(row.id);
      const saved = await platform.saveFile({
        title: t('portfolios.backups.saveTitle'),
        suggestedName: backupFileNameOf(row.portfolioName, row.createdAt),
        filters,
        bytes,
      });
      if (!saved.ok) {
        setOutcome({ kind: 'error', lead: null, error: saved.error });
        return;
      }
      if (saved.value !== null) setOutcome({ kind: 'success', message: t('portfolios.backups.saved', { file: saved.value.name }) });
    });

  const removeBackup = (row: BackupRow) =>
    run('deleteBackup', `Deleting backup ${row.id} failed`, async () => {
      await deleteBackup(row.id);
      const when = formatInstant(row.createdAt, userLocale);
      setOutcome({ kind: 'success', message: t('portfolios.backups.deleted', { name: row.portfolioName, when }) });
    });

  return (
    <section className="panel" aria-labelledby="portfolios-title">
      <h1 id="portfolios-title">{t('portfolios.title')}</h1>
      <p>{t('portfolios.intro')}</p>
      <UserNameForm />
      <CreatePortfolioForm
        busy={busy !== null}
        onCreate={create}
        focusRequest={screen.name === 'portfolios' && screen.focusCreate === true ? screen : null}
      />
      {outcome?.kind === 'error' ? (
        <p className="alert error" role="alert">
          {outcome.lead === null ? null : <>{outcome.lead} </>}
          {describeAppError(t, outcome.error)}
        </p>
      ) : null}
      {outcome?.kind === 'success' ? (
        <p className="alert success" role="status">
          {outcome.message}
        </p>
      ) : null}
      <PortfolioTable
        rows={rows}
        busy={busy !== null}
        onOpen={(row) => {
          openPortfolio(row.id);
        }}
        onRename={rename}
        onDelete={(row) => {
          setOutcome(null);
          setDeleting(row);
        }}
      />
      <BackupsSection rows={backupRows} busy={busy !== null} onRestore={restore} onSave={saveBackup} onDelete={removeBackup} />
      {deleting === null ? null : (
        <ConfirmDialog
          title={t('portfolios.deleteTitle', { name: deleting.name })}
          confirmLabel={t('portfolios.deleteConfirm')}
          busyLabel={t('portfolios.deleting')}
          busy={busy === 'delete'}
          typeToConfirm={{ text: deleting.name, label: t('portfolios.deleteConfirmLabel', { name: deleting.name }) }}
          onConfirm={() => void deletePortfolio(deleting)}
          onCancel={() => {
            setDeleting(null);
          }}
          testId="delete-portfolio-dialog"
        >
          <p>{t('portfolios.deleteBody', { name: deleting.name })}</p>
          {deleting.isOpen ? <p>{t('portfolios.deleteBodyOpen', { name: deleting.name })}</p> : null}
        </ConfirmDialog>
      )}
    </section>
  );
}
