import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxOpenFileBytes } from '@shared/ipc/contract';
import type { FileFilter } from '@shared/ipc/contract';
import { getDeviceContext } from '../../../db/catalogue';
import { describeError } from '../../../errorMessage';
import { platform } from '../../../platform';
import { toAppError } from '../../../reportError';
import { usePortfolioDb } from '../../portfolio/portfolioContext';
import { scoresFinalReason } from '../award';
import type { EvaluatorRecord, RfpRecords } from '../rfpRecords';
import { exportScoringSheet, sheetFileName, sheetLabels } from './exportSheet';
import { importScoringSheet } from './importSheet';
import type { SheetIssue } from './sheetIssues';
import { maxSheetIssues } from './sheetIssues';

type Outcome =
  | { readonly kind: 'success'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'problems'; readonly file: string; readonly issues: readonly SheetIssue[] };

/** Download and import of the chosen evaluator's XLSX scoring sheet, with the import's problems listed by cell. */
export function ScoringSheetPanel({ records, evaluator }: { readonly records: RfpRecords; readonly evaluator: EvaluatorRecord | null }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const filters: readonly FileFilter[] = [{ name: t('rfp.scoringSheet.filterName'), extensions: ['xlsx'] }];
  const finalReason = scoresFinalReason(records.event.phase);

  const fail = (thrown: unknown, what: string) => {
    const error = toAppError(thrown, what);
    setOutcome({ kind: 'error', message: describeError(t, error.code, error.detail) });
  };

  const download = async (chosen: EvaluatorRecord) => {
    setBusy(true);
    setOutcome(null);
    try {
      const bytes = await exportScoringSheet(records, chosen, sheetLabels(t), new Date().toISOString());
      const suggestedName = sheetFileName(records, chosen);
      const saved = await platform.saveFile({ title: t('rfp.scoringSheet.saveDialogTitle'), suggestedName, filters, bytes });
      if (!saved.ok) setOutcome({ kind: 'error', message: describeError(t, saved.error.code, saved.error.detail) });
      else if (saved.value !== null) setOutcome({ kind: 'success', message: t('rfp.scoringSheet.downloaded', { file: saved.value.name }) });
    } catch (thrown) {
      fail(thrown, `Writing the scoring sheet of evaluator ${chosen.id} failed`);
    } finally {
      setBusy(false);
    }
  };

  const upload = async (chosen: EvaluatorRecord) => {
    setOutcome(null);
    // The browser opens its file picker only when this call runs straight from the click.
    const opened = await platform.openFile({ title: t('rfp.scoringSheet.openDialogTitle'), filters, maxBytes: maxOpenFileBytes });
    if (!opened.ok) {
      setOutcome({ kind: 'error', message: describeError(t, opened.error.code, opened.error.detail) });
      return;
    }
    if (opened.value === null) return;
    const file = opened.value;
    setBusy(true);
    try {
      const request = { rfpId: records.event.id, evaluatorId: chosen.id, file: file.name, bytes: file.bytes };
      const result = await importScoringSheet(db, request, await getDeviceContext());
      if (result.ok) setOutcome({ kind: 'success', message: t('rfp.scoringSheet.imported', { count: result.written, file: file.name }) });
      else setOutcome({ kind: 'problems', file: file.name, issues: result.issues });
    } catch (thrown) {
      fail(thrown, `Importing scoring sheet ${file.name} for evaluator ${chosen.id} failed`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="scoring-sheet-title" data-testid="scoring-sheet">
      <h3 id="scoring-sheet-title">{t('rfp.scoringSheet.title')}</h3>
      <p className="muted">{t('rfp.scoringSheet.help')}</p>
      {evaluator === null && finalReason === null ? (
        <p className="muted">{t('rfp.scoringSheet.chooseEvaluatorFirst')}</p>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={busy || evaluator === null || finalReason !== null}
            aria-describedby={finalReason === null ? undefined : 'scoring-sheet-final'}
            onClick={() => {
              if (evaluator !== null) void download(evaluator);
            }}
          >
            {t('rfp.scoringSheet.download')}
          </button>
          <button
            type="button"
            className="button"
            disabled={busy || evaluator === null || finalReason !== null}
            aria-describedby={finalReason === null ? undefined : 'scoring-sheet-final'}
            onClick={() => {
              if (evaluator !== null) void upload(evaluator);
            }}
          >
            {t('rfp.scoringSheet.import')}
          </button>
        </div>
      )}
      {finalReason === null ? null : (
        <p className="muted" id="scoring-sheet-final" data-testid="scoring-sheet-final">
          {t(finalReason)}
        </p>
      )}
      {outcome?.kind === 'success' ? (
        <p role="status" data-testid="scoring-sheet-status">
          {outcome.message}
        </p>
      ) : null}
      {outcome?.kind === 'error' ? (
        <p className="alert error" role="alert">
          {outcome.message}
        </p>
      ) : null}
      {outcome?.kind === 'problems' ? <ProblemList file={outcome.file} issues={outcome.issues} /> : null}
    </section>
  );
}

function ProblemList({ file, issues }: { readonly file: string; readonly issues: readonly SheetIssue[] }) {
  const { t } = useTranslation();
  const shown = issues.slice(0, maxSheetIssues);
  return (
    <div className="alert error" role="alert" data-testid="scoring-sheet-problems">
      <p>{t('rfp.scoringSheet.problemsTitle', { file, count: issues.length })}</p>
      <ul>
        {shown.map((issue, index) => (
          <li key={index}>{describeError(t, issue.code, { file, ...issue.detail })}</li>
        ))}
      </ul>
      {issues.length > shown.length ? <p>{t('rfp.scoringSheet.moreProblems', { count: issues.length - shown.length })}</p> : null}
    </div>
  );
}
