import { useTranslation } from 'react-i18next';
import { summarizeEvaluatorImport } from '@shared/rfp/evaluatorScope';
import { useEvaluatorCopyStore } from '../rfp/evaluatorCopyStore';
import type { Pending } from './PendingFile';

/**
 * What an opened evaluator file does: for a new portfolio, that it becomes the evaluator's copy;
 * for a merge on the lead's laptop, whose scores for which RFP it brings, with a warning when
 * the RFP here is past scoring. Renders nothing for other files and for a merge into the
 * evaluator's own copy, which takes the file in whole.
 */
export function EvaluatorFileNotice({ pending }: { readonly pending: Pending }) {
  const { t } = useTranslation();
  const copies = useEvaluatorCopyStore((state) => state.copies);
  const scope = pending.file.manifest.scope?.rfp;
  if (scope === undefined || pending.target === 'otherPortfolio') return null;

  if (pending.target === 'newPortfolio') {
    const summary = summarizeEvaluatorImport(pending.file.snapshot, scope, null);
    return (
      <p data-testid="evaluator-file-notice">
        {t('evaluatorFile.previewNewCopy', { evaluator: summary.evaluatorName, rfp: summary.rfpTitle })}
      </p>
    );
  }

  const copy = copies[pending.file.snapshot.portfolioId];
  if (copy?.rfpId === scope.rfpId && copy.evaluatorId === scope.evaluatorId) return null;
  const localEvent = pending.plan.merge.snapshot.records.rfpEvents.find((event) => event.id === scope.rfpId);
  const summary = summarizeEvaluatorImport(pending.file.snapshot, scope, localEvent?.phase ?? null);
  return (
    <>
      <p data-testid="evaluator-file-notice">
        {t('evaluatorFile.previewScores', { evaluator: summary.evaluatorName, rfp: summary.rfpTitle, count: summary.scoreCount })}
      </p>
      {summary.lateScores && summary.localPhase !== null ? (
        <p className="alert warning" data-testid="late-scores-warning">
          {t('evaluatorFile.lateScores', { phase: t(`rfp.phases.${summary.localPhase}`) })}
        </p>
      ) : null}
    </>
  );
}
