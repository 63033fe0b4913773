/** Saves a built pack: as PDF through the platform's print, as a workbook, or as CSV files in a ZIP. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '@shared/errors';
import type { PaperSize, SavedFile } from '@shared/ipc/contract';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { platform } from '../../platform';
import { toAppError } from '../../reportError';
import type { Orientation } from './reportChoices';
import { writeReportCsvZip } from './reportCsv';
import { packFileName } from './reportText';
import { writeReportWorkbook } from './reportWorkbook';
import type { RenderedPack } from './useReportBuild';

export interface ReportSaveActionsProps {
  readonly rendered: RenderedPack;
  readonly paper: PaperSize;
  readonly orientation: Orientation;
}

export function ReportSaveActions({ rendered, paper, orientation }: ReportSaveActionsProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ readonly kind: 'ok' | 'error'; readonly text: string } | null>(null);
  const { pack } = rendered;
  const fileName = (extension: string) => packFileName(t, pack, extension);

  const run = async (work: () => Promise<Result<SavedFile | null>>) => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await work();
      if (!result.ok) setMessage({ kind: 'error', text: describeAppError(t, result.error) });
      else if (result.value !== null) setMessage({ kind: 'ok', text: t('reports.actions.saved', { name: result.value.name }) });
    } catch (error) {
      setMessage({ kind: 'error', text: describeAppError(t, toAppError(error, 'Saving a report failed')) });
    } finally {
      setBusy(false);
    }
  };

  const printPdf = () =>
    run(async () => {
      // Fonts load by Unicode range as text needs them; printing before they arrive would fall back to system fonts.
      await document.fonts.ready;
      return platform.printToPdf({
        title: t('reports.actions.dialogTitlePdf'),
        suggestedName: fileName('pdf'),
        filters: [{ name: t('reports.actions.filterPdf'), extensions: ['pdf'] }],
        pageSize: paper,
        landscape: orientation === 'landscape',
      });
    });

  const saveWorkbook = () =>
    run(async () =>
      platform.saveFile({
        title: t('reports.actions.dialogTitleXlsx'),
        suggestedName: fileName('xlsx'),
        filters: [{ name: t('reports.actions.filterXlsx'), extensions: ['xlsx'] }],
        bytes: await writeReportWorkbook(pack, t, userLocale),
      }),
    );

  const saveCsv = () =>
    run(() =>
      platform.saveFile({
        title: t('reports.actions.dialogTitleCsv'),
        suggestedName: fileName('zip'),
        filters: [{ name: t('reports.actions.filterZip'), extensions: ['zip'] }],
        bytes: writeReportCsvZip(pack, t, userLocale),
      }),
    );

  return (
    <div className="report-actions" role="group" aria-label={t('reports.actions.label')}>
      <button type="button" className="button primary" disabled={busy} onClick={() => void printPdf()}>
        {platform.host === 'electron' ? t('reports.actions.printPdf') : t('reports.actions.printBrowser')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void saveWorkbook()}>
        {t('reports.actions.saveXlsx')}
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void saveCsv()}>
        {t('reports.actions.saveCsv')}
      </button>
      {message !== null ? (
        <p className={message.kind === 'error' ? 'alert error' : undefined} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
