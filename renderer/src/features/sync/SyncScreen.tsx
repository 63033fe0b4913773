import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ok } from '@shared/errors';
import type { AppError, Result } from '@shared/errors';
import type { ParsedFile } from '@shared/file';
import { fileExtension } from '@shared/file';
import { maxOpenFileBytes } from '@shared/ipc/contract';
import type { OpenedFile } from '@shared/ipc/contract';
import { getDeviceContext, listPortfolios } from '../../db/catalogue';
import type { PortfolioIdentity } from '../../db/snapshot';
import { describeAppError } from '../../errorMessage';
import { platform } from '../../platform';
import { toAppError } from '../../reportError';
import { selectOpenPortfolio, selectPortfolioId, selectSetLastImport, useUiStore } from '../../state/uiStore';
import { selectIncomingFile, selectTakeIncomingFile, useIncomingFileStore } from '../fileOpening/incomingFile';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { checkExportPassphrase, minPassphraseLength } from './exportPassphrase';
import type { ExportPassphraseFields as PassphraseFields } from './exportPassphrase';
import { rememberEvaluatorFile, snapshotToMergeInto } from './evaluatorImport';
import { ExportPassphraseFields } from './ExportPassphraseFields';
import { scopedFileBaseName, scopeOfChoice } from './exportScope';
import { ExportScopeFields, useExportScopeChoice } from './ExportScopeFields';
import { FileProgressBar } from './FileProgressBar';
import { startFileTask } from './fileWorkerClient';
import { LastImportNotice } from './LastImportNotice';
import { chosenConflictsOf } from './mergeView';
import { PassphrasePrompt } from './PassphrasePrompt';
import { RecentFilesList } from './RecentFilesList';
import { applyMerge, createPortfolioFromFile, escalateAfterFile, previewMerge, startPortfolioExport } from './syncActions';
import { PendingFile } from './PendingFile';
import type { Pending } from './PendingFile';
import { asPortfolioFileError, exportFileNameOf, fileTargetOf, mergeTotalsOf, namesakeOf } from './syncPreview';
import { useFileTask } from './useFileTask';

const fileExtensionWithoutDot = fileExtension.slice(1);

const noPassphrase: PassphraseFields = { enabled: false, passphrase: '', confirmation: '' };

/**
 * An opened encrypted file waiting for its passphrase. The encrypted bytes stay in component
 * state only; nothing is decrypted to disk or to any store.
 */
interface LockedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Wrong passphrases entered so far; each one moves focus back into the prompt's field. */
  readonly wrongAttempts: number;
}

export function SyncScreen() {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const portfolioId = useUiStore(selectPortfolioId);
  const openPortfolio = useUiStore(selectOpenPortfolio);
  const setLastImport = useUiStore(selectSetLastImport);
  const portfolios = useLiveQuery(listPortfolios, []);
  const [pending, setPending] = useState<Pending | null>(null);
  const [locked, setLocked] = useState<LockedFile | null>(null);
  const [exportFields, setExportFields] = useState<PassphraseFields>(noPassphrase);
  const exportScope = useExportScopeChoice(db);
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<'export' | 'open' | 'apply' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  /** "Export cancelled" or "Opening cancelled" after the user stopped a file task. */
  const [cancelNotice, setCancelNotice] = useState<string | null>(null);
  const fileTask = useFileTask();
  /** Why Apply wrote nothing, when it was not an error of its own: a backup failure or a changed preview. */
  const [applyProblem, setApplyProblem] = useState<string | null>(null);
  /** Number of actions started on this screen. A notice of `LastImportNotice` shows only until the next one. */
  const [actionCount, setActionCount] = useState(0);

  const current = portfolios?.find((entry) => entry.id === portfolioId);
  const identity: PortfolioIdentity | null = current ? { id: current.id, name: current.name } : null;
  const filters = [{ name: t('sync.fileFilter'), extensions: [fileExtensionWithoutDot] }];

  /** Removes every success and error notice of this screen, so that an old one never sits next to a new one. */
  const clearNotices = () => {
    setError(null);
    setSuccess(null);
    setApplyProblem(null);
    setCancelNotice(null);
    setExportMessage(null);
  };

  /** Clears the notices when a new action or validation starts, including the undo result of `LastImportNotice`. */
  const startAction = () => {
    clearNotices();
    setActionCount((count) => count + 1);
  };

  /** Runs one action with the buttons disabled, turning anything thrown into the error line. */
  const run = async (kind: 'export' | 'open' | 'apply', context: string, body: () => Promise<void>) => {
    setBusy(kind);
    startAction();
    try {
      await body();
    } catch (thrown) {
      setError(toAppError(thrown, context));
    } finally {
      setBusy(null);
    }
  };

  const exportPortfolio = (portfolio: PortfolioIdentity) => {
    const scopeCheck = scopeOfChoice(exportScope.choice);
    const check = checkExportPassphrase(exportFields);
    if (scopeCheck.kind === 'invalid' || check.kind === 'invalid') {
      startAction();
      if (scopeCheck.kind === 'invalid') setExportMessage(t('exportScope.chooseProvider'));
      else if (check.kind === 'invalid') setExportMessage(passphraseMessage(t, check.reason));
      return;
    }
    const passphrase = check.kind === 'encrypt' ? check.passphrase : null;
    const fileName = scopedFileBaseName(portfolio.name, exportScope.choice, {
      withoutCommercialTerms: (name) => t('exportScope.fileNameWithoutCommercialTerms', { name }),
    });
    return run('export', `Export of portfolio ${portfolio.id} failed`, async () => {
      const outcome = await fileTask.track('export', (onProgress) =>
        startPortfolioExport(db, portfolio, passphrase, scopeCheck.scope, onProgress),
      );
      if (outcome.kind === 'cancelled') {
        setCancelNotice(t('sync.progress.exportCancelled'));
        return;
      }
      if (outcome.kind === 'failed') {
        setError(outcome.error);
        return;
      }
      const saved = await platform.saveFile({
        title: t('sync.saveTitle'),
        suggestedName: exportFileNameOf(fileName, fileExtension),
        filters,
        bytes: outcome.value,
      });
      if (!saved.ok) {
        setError(saved.error);
        return;
      }
      if (saved.value !== null) {
        const file = saved.value.name;
        setSuccess(passphrase === null ? t('sync.exported', { file }) : t('sync.exportedEncrypted', { file }));
      }
      // The passphrase is not kept on screen once the file is written.
      setExportFields(noPassphrase);
    });
  };

  /** Shows the preview that fits where the parsed file's portfolio belongs on this machine. */
  const showPending = async (portfolio: PortfolioIdentity, fileName: string, file: ParsedFile) => {
    const catalogued = portfolios ?? [];
    const target = fileTargetOf(
      file.snapshot.portfolioId,
      portfolio.id,
      catalogued.map((entry) => entry.id),
    );
    if (target === 'newPortfolio') {
      const namesake = namesakeOf(file.snapshot.portfolioId, file.snapshot.portfolioName, catalogued);
      setPending({ target, fileName, file, namesake: namesake?.name ?? null });
      return;
    }
    if (target === 'otherPortfolio') {
      const other = catalogued.find((entry) => entry.id === file.snapshot.portfolioId);
      setPending({ target, fileName, file, otherName: other?.name ?? file.snapshot.portfolioName });
      return;
    }
    setPending({ target, fileName, file, plan: await previewMerge(db, portfolio, snapshotToMergeInto(file, portfolio.id)) });
  };

  /** Reads the file's bytes in the file worker, with progress and Cancel. */
  const parseFile = (bytes: Uint8Array, fileName: string, passphrase: string | null) =>
    fileTask.track('open', (onProgress) => startFileTask({ kind: 'open', request: { bytes, fileName, passphrase } }, onProgress));

  /** Parses an opened file, or shows why it could not be read, and previews it against `portfolio`. */
  const previewOpened = async (portfolio: PortfolioIdentity, opened: Result<OpenedFile>) => {
    if (!opened.ok) {
      platform.log('warn', `Opening a portfolio file failed: ${opened.error.code} ${JSON.stringify(opened.error.detail ?? {})}`);
      setError(asPortfolioFileError(opened.error));
      return;
    }
    const fileName = opened.value.name;
    const parsed = await parseFile(opened.value.bytes, fileName, null);
    if (parsed.kind === 'cancelled') {
      setCancelNotice(t('sync.progress.openCancelled'));
      return;
    }
    if (parsed.kind === 'failed' && parsed.error.code === 'portfolioFile.passphraseRequired') {
      setLocked({ fileName, bytes: opened.value.bytes, wrongAttempts: 0 });
      return;
    }
    if (parsed.kind === 'failed') {
      platform.log('warn', `Opening the portfolio file ${fileName} failed: ${parsed.error.code}`);
      setError(asPortfolioFileError(parsed.error));
      return;
    }
    await showPending(portfolio, fileName, parsed.value);
  };

  const openFile = (portfolio: PortfolioIdentity) =>
    run('open', 'Opening a portfolio file failed', async () => {
      setPending(null);
      setLocked(null);
      const opened = await platform.openFile({ title: t('sync.openDialogTitle'), filters, maxBytes: maxOpenFileBytes });
      if (!opened.ok) {
        await previewOpened(portfolio, opened);
        return;
      }
      if (opened.value === null) return;
      await previewOpened(portfolio, ok(opened.value));
    });

  const incomingFile = useIncomingFileStore(selectIncomingFile);
  const takeIncomingFile = useIncomingFileStore(selectTakeIncomingFile);
  // A file opened by the operating system or dropped on the window waits until this screen is free.
  useEffect(() => {
    if (incomingFile === null || identity === null || busy !== null) return;
    const file = takeIncomingFile();
    if (file === null) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the file comes from outside React (the OS or a drop), and is taken once before the action starts.
    void run('open', 'Opening a portfolio file failed', async () => {
      setPending(null);
      setLocked(null);
      await previewOpened(identity, file);
    });
  });

  /** Decrypts the locked file with `passphrase`; a wrong one keeps the prompt for another try. */
  const unlock = (portfolio: PortfolioIdentity, file: LockedFile, passphrase: string) =>
    run('open', `Opening the encrypted file ${file.fileName} failed`, async () => {
      const parsed = await parseFile(file.bytes, file.fileName, passphrase);
      if (parsed.kind === 'cancelled') {
        setLocked(null);
        setCancelNotice(t('sync.progress.openCancelled'));
        return;
      }
      if (parsed.kind === 'failed') {
        setError(parsed.error);
        if (parsed.error.code === 'portfolioFile.wrongPassphrase') setLocked({ ...file, wrongAttempts: file.wrongAttempts + 1 });
        else setLocked(null);
        return;
      }
      setLocked(null);
      await showPending(portfolio, file.fileName, parsed.value);
    });

  const apply = (portfolio: PortfolioIdentity, chosen: Pending, keptKeys: ReadonlySet<string>) =>
    run('apply', `Applying ${chosen.fileName} failed`, async () => {
      if (chosen.target === 'newPortfolio') {
        await createPortfolioFromFile(chosen.file.snapshot);
        rememberEvaluatorFile(chosen.file);
        setPending(null);
        openPortfolio(chosen.file.snapshot.portfolioId);
        return;
      }
      if (chosen.target !== 'currentPortfolio') return;

      const keep = chosenConflictsOf(chosen.plan.merge.preview.conflicts, keptKeys);
      const outcome = await applyMerge(db, portfolio, chosen.fileName, snapshotToMergeInto(chosen.file, portfolio.id), keep);
      if (outcome.kind === 'backupFailed') {
        const cause = toAppError(outcome.thrown, `Backup before importing ${chosen.fileName} failed`);
        setApplyProblem(`${t('sync.backupFailed')} ${describeAppError(t, cause)}`);
        return;
      }
      if (outcome.kind === 'previewChanged') {
        setPending({ ...chosen, plan: outcome.plan });
        setApplyProblem(t('sync.previewChanged'));
        return;
      }
      setPending(null);
      await escalateAfterFile(db, await getDeviceContext());
      setLastImport({
        portfolioId: portfolio.id,
        backupId: outcome.backup.id,
        fileName: chosen.fileName,
        mergedAt: new Date().toISOString(),
        ...mergeTotalsOf(outcome.plan.merge.preview),
        keptCount: outcome.keptCount,
      });
    });

  if (identity === null) return <p className="muted">{t('app.loading')}</p>;

  let exportButtonLabel: string = t('sync.exportPortfolio');
  if (busy === 'export') exportButtonLabel = exportFields.enabled ? t('sync.encrypting') : t('sync.exporting');

  return (
    <section className="panel" aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync.title')}</h1>
      <p>{t('sync.intro')}</p>
      <section aria-labelledby="sync-export-title">
        <h2 id="sync-export-title">{t('sync.exportTitle')}</h2>
        <fieldset className="sync-export" disabled={busy !== null} data-testid="export-options">
          <legend>{t('sync.exportOptions')}</legend>
          <ExportScopeFields
            choice={exportScope.choice}
            providers={exportScope.providers}
            disabled={busy !== null}
            onChange={exportScope.setChoice}
          />
          <ExportPassphraseFields
            fields={exportFields}
            message={exportMessage}
            disabled={busy !== null}
            onChange={(fields) => {
              setExportFields(fields);
              setExportMessage(null);
            }}
          />
        </fieldset>
        <div className="button-row">
          <button type="button" className="button" disabled={busy !== null} onClick={() => void exportPortfolio(identity)}>
            {exportButtonLabel}
          </button>
        </div>
      </section>
      <section aria-labelledby="sync-open-title">
        <h2 id="sync-open-title">{t('sync.openTitle')}</h2>
        <div className="button-row">
          <button type="button" className="button" disabled={busy !== null} onClick={() => void openFile(identity)}>
            {busy === 'open' ? t('sync.opening') : t('sync.openPortfolioFile')}
          </button>
        </div>
        <RecentFilesList disabled={busy !== null} onError={setError} />
      </section>
      {fileTask.active ? <FileProgressBar key={fileTask.active.id} task={fileTask.active} onCancel={fileTask.cancel} /> : null}
      {error ? (
        <p className="alert error" role="alert">
          {describeAppError(t, error)}
        </p>
      ) : null}
      {applyProblem !== null ? (
        <p className="alert error" role="alert" data-testid="apply-problem">
          {applyProblem}
        </p>
      ) : null}
      {cancelNotice !== null ? (
        <p className="alert" role="status" data-testid="cancel-notice">
          {cancelNotice}
        </p>
      ) : null}
      {success ? (
        <p className="alert success" role="status">
          {success}
        </p>
      ) : null}
      <LastImportNotice portfolioId={identity.id} disabled={busy !== null} actionCount={actionCount} onUndoStart={clearNotices} />
      {locked ? (
        <PassphrasePrompt
          fileName={locked.fileName}
          wrongAttempts={locked.wrongAttempts}
          busy={busy !== null}
          onOpen={(passphrase) => void unlock(identity, locked, passphrase)}
          onCancel={() => {
            setLocked(null);
            setError(null);
          }}
        />
      ) : null}
      {pending ? (
        <PendingFile
          pending={pending}
          portfolioName={identity.name}
          busy={busy !== null}
          onApply={(keptKeys) => void apply(identity, pending, keptKeys)}
          onSwitch={() => {
            openPortfolio(pending.file.snapshot.portfolioId);
          }}
          onCancel={() => {
            setPending(null);
          }}
        />
      ) : null}
    </section>
  );
}

/** Returns the sentence for an export passphrase that cannot be used. */
function passphraseMessage(t: TFunction, reason: 'empty' | 'tooShort' | 'mismatch'): string {
  if (reason === 'empty') return t('sync.passphraseEmpty');
  if (reason === 'tooShort') return t('sync.passphraseTooShort', { min: minPassphraseLength });
  return t('sync.passphraseMismatch');
}
