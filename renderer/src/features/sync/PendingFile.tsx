import { useTranslation } from 'react-i18next';
import type { ParsedFile } from '@shared/file';
import type { MergeResult } from '@shared/sync/mergeTypes';
import { userLocale } from '../../locale';
import { MergePreviewPanel } from './MergePreviewPanel';
import { recordCountOf } from './syncPreview';

/** An opened file and what applying it would do. Nothing is written until the user applies it. */
export type Pending =
  | { readonly target: 'newPortfolio'; readonly fileName: string; readonly file: ParsedFile }
  | { readonly target: 'currentPortfolio'; readonly fileName: string; readonly file: ParsedFile; readonly merge: MergeResult }
  | { readonly target: 'otherPortfolio'; readonly fileName: string; readonly file: ParsedFile; readonly otherName: string };

interface PendingFileProps {
  readonly pending: Pending;
  /** Name of the open portfolio. */
  readonly portfolioName: string;
  readonly busy: boolean;
  readonly onApply: () => void;
  readonly onSwitch: () => void;
  readonly onCancel: () => void;
}

/** Preview of an opened portfolio file with the one action that fits it, and Cancel. */
export function PendingFile({ pending, portfolioName, busy, onApply, onSwitch, onCancel }: PendingFileProps) {
  const { t } = useTranslation();
  const exportedAt = new Date(pending.file.manifest.exportedAt).toLocaleString(userLocale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <section aria-label={pending.fileName} data-testid="sync-preview">
      <p className="muted">{t('sync.fromFile', { file: pending.fileName, exportedAt })}</p>
      {pending.target === 'newPortfolio' ? (
        <p>{t('sync.newPortfolio', { name: pending.file.snapshot.portfolioName, count: recordCountOf(pending.file.snapshot) })}</p>
      ) : null}
      {pending.target === 'otherPortfolio' ? <p>{t('sync.otherPortfolio', { name: pending.otherName })}</p> : null}
      {pending.target === 'currentPortfolio' ? <MergePreviewPanel preview={pending.merge.preview} portfolioName={portfolioName} /> : null}
      <div className="button-row">
        {pending.target === 'newPortfolio' ? (
          <button type="button" className="button primary" disabled={busy} onClick={onApply}>
            {busy ? t('sync.creating') : t('sync.createPortfolio')}
          </button>
        ) : null}
        {pending.target === 'currentPortfolio' ? (
          <button type="button" className="button primary" disabled={busy} onClick={onApply}>
            {busy ? t('sync.applying') : t('sync.apply')}
          </button>
        ) : null}
        {pending.target === 'otherPortfolio' ? (
          <button type="button" className="button primary" disabled={busy} onClick={onSwitch}>
            {t('sync.switchPortfolio', { name: pending.otherName })}
          </button>
        ) : null}
        <button type="button" className="button" disabled={busy} onClick={onCancel}>
          {t('sync.cancel')}
        </button>
      </div>
    </section>
  );
}
