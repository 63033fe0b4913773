import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { fileExtension } from '@shared/file';
import { listPortfolios } from '../../db/catalogue';
import { describeAppError } from '../../errorMessage';
import { platform } from '../../platform';
import { toAppError } from '../../reportError';
import { selectPortfolioId, useUiStore } from '../../state/uiStore';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { exportPortfolioBytes } from '../sync/syncActions';
import { exportFileNameOf } from '../sync/syncPreview';
import { scoresFinalReason } from './award';
import { selectEvaluatorCopies, useEvaluatorCopyStore } from './evaluatorCopyStore';
import type { EvaluatorRecord, RfpRecords } from './rfpRecords';

/** State of one evaluator-file export: the saved file's name, or the failure as a sentence. */
type ExportStatus =
  { readonly kind: 'idle' } | { readonly kind: 'saved'; readonly file: string } | { readonly kind: 'failed'; readonly message: string };

/**
 * Exports evaluator files: `save(evaluator)` writes the file scoped to that evaluator of this
 * RFP and offers it for saving as "<RFP title> - <evaluator> scoring.steerwise".
 */
function useEvaluatorFileExport(records: RfpRecords) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const portfolioId = useUiStore(selectPortfolioId);
  const portfolios = useLiveQuery(listPortfolios, []);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
  const portfolio = portfolios?.find((entry) => entry.id === portfolioId);

  const save = async (evaluator: EvaluatorRecord) => {
    if (portfolio === undefined) return;
    setBusy(true);
    setStatus({ kind: 'idle' });
    try {
      const scope = { rfp: { rfpId: records.event.id, evaluatorId: evaluator.id } };
      const bytes = await exportPortfolioBytes(db, { id: portfolio.id, name: portfolio.name }, null, scope);
      if (!bytes.ok) {
        setStatus({ kind: 'failed', message: describeAppError(t, bytes.error) });
        return;
      }
      const baseName = t('evaluatorFile.fileName', { rfp: records.event.title, evaluator: evaluator.evaluatorName });
      const saved = await platform.saveFile({
        title: t('evaluatorFile.saveTitle'),
        suggestedName: exportFileNameOf(baseName, fileExtension),
        filters: [{ name: t('sync.fileFilter'), extensions: [fileExtension.slice(1)] }],
        bytes: bytes.value,
      });
      if (!saved.ok) setStatus({ kind: 'failed', message: describeAppError(t, saved.error) });
      else if (saved.value !== null) setStatus({ kind: 'saved', file: saved.value.name });
    } catch (thrown) {
      setStatus({
        kind: 'failed',
        message: describeAppError(t, toAppError(thrown, `Exporting the evaluator file of ${evaluator.id} failed`)),
      });
    } finally {
      setBusy(false);
    }
  };
  return { busy: busy || portfolio === undefined, status, save };
}

function ExportStatusLine({ status }: { readonly status: ExportStatus }) {
  const { t } = useTranslation();
  if (status.kind === 'saved') return <p className="alert success">{t('evaluatorFile.saved', { file: status.file })}</p>;
  if (status.kind === 'failed')
    return (
      <p className="alert error" role="alert">
        {status.message}
      </p>
    );
  return null;
}

/** Returns the evaluator this portfolio was created for from an evaluator file of this RFP, or `null`. */
export function useEvaluatorCopyOf(records: RfpRecords): EvaluatorRecord | null {
  const portfolioId = useUiStore(selectPortfolioId);
  const copies = useEvaluatorCopyStore(selectEvaluatorCopies);
  const scope = portfolioId === null ? undefined : copies[portfolioId];
  if (scope?.rfpId !== records.event.id) return null;
  return records.evaluators.find((evaluator) => evaluator.id === scope.evaluatorId) ?? null;
}

/** Id of the sentence with the reason evaluator files can no longer be exported. Disabled buttons refer to it. */
const finalNoteId = 'evaluator-files-final';

/** Shows the reason evaluator files of an awarded or cancelled RFP can no longer be exported, and nothing while the RFP runs. */
export function EvaluatorFilesFinalNote({ records }: { readonly records: RfpRecords }) {
  const { t } = useTranslation();
  const reason = scoresFinalReason(records.event.phase);
  if (reason === null) return null;
  return (
    <p className="muted" id={finalNoteId} data-testid="evaluator-files-final">
      {t(reason)}
    </p>
  );
}

/** "Export my scores" on an evaluator's own copy: the evaluator file of that evaluator, to send back to the lead. */
export function EvaluatorFilePanel({ records, evaluator }: { readonly records: RfpRecords; readonly evaluator: EvaluatorRecord }) {
  const { t } = useTranslation();
  const exporter = useEvaluatorFileExport(records);
  const final = scoresFinalReason(records.event.phase) !== null;
  return (
    <section className="panel" aria-labelledby="evaluator-file-title" data-testid="evaluator-copy">
      <h2 id="evaluator-file-title">{t('evaluatorFile.title')}</h2>
      <p>{t('evaluatorFile.copyIntro', { name: evaluator.evaluatorName })}</p>
      <button
        type="button"
        className="button primary"
        disabled={exporter.busy || final}
        aria-describedby={final ? finalNoteId : undefined}
        onClick={() => {
          void exporter.save(evaluator);
        }}
      >
        {t('evaluatorFile.exportMine')}
      </button>
      <EvaluatorFilesFinalNote records={records} />
      <ExportStatusLine status={exporter.status} />
    </section>
  );
}

/** The lead's "Evaluator file" button for one evaluator of the panel. */
export function EvaluatorFileButton({ records, evaluatorId }: { readonly records: RfpRecords; readonly evaluatorId: Id }) {
  const { t } = useTranslation();
  const exporter = useEvaluatorFileExport(records);
  const evaluator = records.evaluators.find((record) => record.id === evaluatorId);
  if (evaluator === undefined) return null;
  // The reason is shown once above the evaluator list by `EvaluatorFilesFinalNote`.
  const final = scoresFinalReason(records.event.phase) !== null;
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={exporter.busy || final}
        aria-describedby={final ? finalNoteId : undefined}
        aria-label={t('evaluatorFile.exportForLabel', { name: evaluator.evaluatorName })}
        onClick={() => {
          void exporter.save(evaluator);
        }}
      >
        {t('evaluatorFile.exportFor')}
      </button>
      <ExportStatusLine status={exporter.status} />
    </>
  );
}
