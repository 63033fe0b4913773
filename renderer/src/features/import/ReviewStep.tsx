import { useTranslation } from 'react-i18next';
import type { ImportIssue, ImportPlan } from '@shared/import/types';
import { describeError } from '../../errorMessage';

const listedIssues = 200;

interface ReviewStepProps {
  readonly plan: ImportPlan;
  readonly busy: boolean;
  readonly onBack: () => void;
  readonly onApply: () => void;
}

/**
 * Picks the sentence variant: a workbook issue names the sheet and cell (`_sheet`, or
 * `_sheetWarning` for a warning), a CSV warning has `_warning`; otherwise the issue's own reason.
 */
function sentenceReason(issue: ImportIssue): { readonly reason?: string } {
  const warning = issue.severity === 'warning';
  if (typeof issue.detail.sheet === 'string') {
    return { reason: warning ? 'sheetWarning' : 'sheet' };
  }
  return warning && issue.detail.reason === undefined ? { reason: 'warning' } : {};
}

function IssueItem({ issue }: { readonly issue: ImportIssue }) {
  const { t } = useTranslation();
  // Every sentence names its own line and column; a warning may have a sentence of its own.
  const detail = {
    ...issue.detail,
    ...(issue.row === null ? {} : { row: issue.row }),
    ...(issue.column === null ? {} : { column: issue.column }),
    ...sentenceReason(issue),
  };
  return (
    <li data-row={issue.row ?? undefined} className={issue.severity === 'warning' ? 'issue-warning' : 'issue-error'}>
      {describeError(t, issue.code, detail)}
    </li>
  );
}

/** Lists at most a few hundred of `issues`, errors before warnings. */
export function ReviewIssues({ issues }: { readonly issues: readonly ImportIssue[] }) {
  const shown = [...issues.filter((issue) => issue.severity === 'error'), ...issues.filter((issue) => issue.severity === 'warning')];
  if (shown.length === 0) return null;
  return (
    <ul className="issue-list" data-testid="import-issues">
      {shown.slice(0, listedIssues).map((issue, index) => (
        <IssueItem key={index} issue={issue} />
      ))}
    </ul>
  );
}

export function ReviewStep({ plan, busy, onBack, onApply }: ReviewStepProps) {
  const { t } = useTranslation();
  const errors = plan.issues.filter((issue) => issue.severity === 'error');
  const warnings = plan.issues.filter((issue) => issue.severity === 'warning');
  const shown = [...errors, ...warnings].slice(0, listedIssues);
  // The plan keeps only the first few hundred issues; its counts are the totals.
  const hidden = plan.issueCounts.errors + plan.issueCounts.warnings - shown.length;

  return (
    <div data-testid="import-review">
      {plan.issueCounts.errors > 0 ? (
        <p className="alert error" role="alert">
          {t('import.reviewBlocked', { count: plan.issueCounts.errors })}
        </p>
      ) : (
        <p className="alert success" role="status">
          {t('import.reviewOk', {
            results: t('import.reviewResults', { count: plan.measurements.length }),
            providers: t('import.reviewProviders', { count: plan.providers.length }),
            kpis: t('import.reviewKpis', { count: plan.kpis.length }),
          })}
        </p>
      )}
      {plan.issueCounts.warnings > 0 ? (
        <p className="alert warning">{t('import.reviewWarnings', { count: plan.issueCounts.warnings })}</p>
      ) : null}
      {shown.length > 0 ? (
        <ul className="issue-list" data-testid="import-issues">
          {shown.map((issue, index) => (
            <IssueItem key={index} issue={issue} />
          ))}
        </ul>
      ) : null}
      {hidden > 0 ? <p className="muted">{t('import.moreIssues', { count: hidden })}</p> : null}
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={onBack}>
          {t('import.back')}
        </button>
        <button type="button" className="button primary" disabled={busy || plan.issueCounts.errors > 0} onClick={onApply}>
          {busy ? t('import.applying') : t('import.apply')}
        </button>
      </div>
    </div>
  );
}
