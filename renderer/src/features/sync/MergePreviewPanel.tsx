import { useTranslation } from 'react-i18next';
import { userLocale } from '../../locale';
import { ConflictList } from './ConflictList';
import { DeletedEditList } from './DeletedEditList';
import { MergeCountsTable } from './MergeCountsTable';
import type { MergePlan } from './mergeActions';
import { describeClockSkew } from './recordText';

interface MergePreviewPanelProps {
  readonly plan: MergePlan;
  /** Name of the open portfolio, which the file is merged into. */
  readonly portfolioName: string;
  readonly keptKeys: ReadonlySet<string>;
  readonly disabled: boolean;
  readonly onKeepOtherChange: (key: string, keepOther: boolean) => void;
  readonly onKeepAll: (keys: ReadonlySet<string>) => void;
}

/**
 * Shows what merging a file would change before anything is written: a clock warning, the per-table
 * counts with the records by name, the field conflicts with their "Keep the other value" choices, and the records deleted
 * on one side while changed on the other.
 */
export function MergePreviewPanel({ plan, portfolioName, keptKeys, disabled, onKeepOtherChange, onKeepAll }: MergePreviewPanelProps) {
  const { t } = useTranslation();
  const { view } = plan;

  return (
    <>
      {view.clockSkew !== null ? (
        <p className="alert warning" data-testid="clock-skew-warning">
          {describeClockSkew(t, view.clockSkew, { locale: userLocale })}
        </p>
      ) : null}
      {view.outcome === 'nothingToApply' ? <p data-testid="merge-unchanged">{t('sync.unchanged')}</p> : null}
      {view.outcome === 'historyOnly' ? <p data-testid="merge-history-only">{t('sync.historyOnly')}</p> : null}
      {view.outcome === 'changes' ? (
        <>
          <p>{t('sync.mergePreview', { name: portfolioName })}</p>
          <MergeCountsTable preview={plan.merge.preview} recordChanges={view.recordChanges} />
        </>
      ) : null}
      {view.conflicts.length > 0 ? (
        <ConflictList
          rows={view.conflicts}
          keptKeys={keptKeys}
          disabled={disabled}
          onKeepOtherChange={onKeepOtherChange}
          onKeepAll={onKeepAll}
        />
      ) : null}
      {view.deletedEdits.length > 0 ? <DeletedEditList rows={view.deletedEdits} /> : null}
    </>
  );
}
