import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { progressDelayMs, progressViewOf } from './fileProgress';
import type { ActiveFileTask } from './useFileTask';

interface FileProgressBarProps {
  readonly task: ActiveFileTask;
  /** Stops the task, which the caller then reports as cancelled. */
  readonly onCancel: () => void;
}

/**
 * Progress of an export or open with a Cancel button. It appears only after `progressDelayMs`,
 * so work that finishes sooner shows no bar. Mount it with the task id as `key` so each task
 * waits the delay again.
 */
export function FileProgressBar({ task, onCancel }: FileProgressBarProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const stageId = useId();

  useEffect(() => {
    const timer = setTimeout(() => {
      setVisible(true);
    }, progressDelayMs);
    return () => {
      clearTimeout(timer);
    };
  }, []);

  if (!visible) return null;

  const view = task.progress === null ? null : progressViewOf(t, task.progress);
  const name = task.operation === 'export' ? t('sync.progress.exportLabel') : t('sync.progress.openLabel');
  return (
    <div className="file-progress" data-testid="file-progress">
      <p id={stageId}>{view?.label ?? ''}</p>
      {/* Without `value`, a <progress> is indeterminate, which suits stages without counts. */}
      <progress
        aria-label={name}
        aria-describedby={stageId}
        max={1}
        {...(view === null || view.fraction === null ? {} : { value: view.fraction })}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('sync.progress.cancel')}
        </button>
      </div>
    </div>
  );
}
