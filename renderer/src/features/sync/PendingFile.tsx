import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParsedFile } from '@shared/file';
import { userLocale } from '../../locale';
import type { MergePlan } from './mergeActions';
import { EvaluatorFileNotice } from './EvaluatorFileNotice';
import { MergePreviewPanel } from './MergePreviewPanel';
import { keysChosenTogether } from './mergeView';
import { ScopedFileNotice } from './ScopedFileNotice';
import { recordCountOf } from './syncPreview';

/** An opened file and what applying it would do. Nothing is written until the user applies it. */
export type Pending =
  | {
      readonly target: 'newPortfolio';
      readonly fileName: string;
      readonly file: ParsedFile;
      /** Name of an unrelated portfolio on this computer with the same name as the file's, or `null`. */
      readonly namesake: string | null;
    }
  | { readonly target: 'currentPortfolio'; readonly fileName: string; readonly file: ParsedFile; readonly plan: MergePlan }
  | { readonly target: 'otherPortfolio'; readonly fileName: string; readonly file: ParsedFile; readonly otherName: string };

interface PendingFileProps {
  readonly pending: Pending;
  /** Name of the open portfolio. */
  readonly portfolioName: string;
  readonly busy: boolean;
  /** Applies the file; for a merge, `keptKeys` are the conflicts whose other value the user chose to keep. */
  readonly onApply: (keptKeys: ReadonlySet<string>) => void;
  readonly onSwitch: () => void;
  readonly onCancel: () => void;
}

/** "Keep the other value" choices, valid only for the merge plan they were made on. */
interface KeepChoices {
  readonly plan: MergePlan | null;
  readonly keys: ReadonlySet<string>;
}

const noKeys: ReadonlySet<string> = new Set();

/**
 * Preview of an opened portfolio file with the one action that fits it, and Cancel. A merge that
 * would write nothing offers only Close.
 */
export function PendingFile({ pending, portfolioName, busy, onApply, onSwitch, onCancel }: PendingFileProps) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<KeepChoices>({ plan: null, keys: noKeys });
  const exportedAt = new Date(pending.file.manifest.exportedAt).toLocaleString(userLocale, { dateStyle: 'medium', timeStyle: 'short' });

  const plan = pending.target === 'currentPortfolio' ? pending.plan : null;
  // A new plan (the file opened again, or recomputed at Apply) starts with no choices.
  const keptKeys = choices.plan === plan ? choices.keys : noKeys;
  const nothingToApply = plan !== null && plan.view.outcome === 'nothingToApply';

  const changeKeepOther = (key: string, keepOther: boolean) => {
    const keys = new Set(keptKeys);
    // A measured result's numerator, denominator and value go together (`keysChosenTogether`).
    for (const linked of plan === null ? [key] : keysChosenTogether(plan.view.conflicts, key)) {
      if (keepOther) keys.add(linked);
      else keys.delete(linked);
    }
    setChoices({ plan, keys });
  };

  return (
    <section aria-label={pending.fileName} data-testid="sync-preview">
      <p className="muted">{t('sync.fromFile', { file: pending.fileName, exportedAt })}</p>
      {pending.target === 'newPortfolio' ? (
        <p>{t('sync.newPortfolio', { name: pending.file.snapshot.portfolioName, count: recordCountOf(pending.file.snapshot) })}</p>
      ) : null}
      {pending.target === 'newPortfolio' && pending.namesake !== null ? (
        <p className="alert warning" data-testid="namesake-warning">
          {t('sync.namesake', { name: pending.namesake })}
        </p>
      ) : null}
      {pending.target === 'otherPortfolio' ? <p>{t('sync.otherPortfolio', { name: pending.otherName })}</p> : null}
      <EvaluatorFileNotice pending={pending} />
      <ScopedFileNotice file={pending.file} />
      {plan !== null ? (
        <MergePreviewPanel
          plan={plan}
          portfolioName={portfolioName}
          keptKeys={keptKeys}
          disabled={busy}
          onKeepOtherChange={changeKeepOther}
          onKeepAll={(keys) => {
            setChoices({ plan, keys });
          }}
        />
      ) : null}
      <div className="button-row">
        {pending.target === 'newPortfolio' ? (
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => {
              onApply(noKeys);
            }}
          >
            {busy ? t('sync.creating') : t('sync.createPortfolio')}
          </button>
        ) : null}
        {plan !== null && !nothingToApply ? (
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => {
              onApply(keptKeys);
            }}
          >
            {busy ? t('sync.applying') : t('sync.apply')}
          </button>
        ) : null}
        {pending.target === 'otherPortfolio' ? (
          <button type="button" className="button primary" disabled={busy} onClick={onSwitch}>
            {t('sync.switchPortfolio', { name: pending.otherName })}
          </button>
        ) : null}
        <button type="button" className={nothingToApply ? 'button primary' : 'button'} disabled={busy} onClick={onCancel}>
          {nothingToApply ? t('sync.close') : t('sync.cancel')}
        </button>
      </div>
    </section>
  );
}
