/**
 * The print view of a pack. On screen it is the preview under the builder. In print (the browser's
 * dialog, Playwright's `page.pdf()` or Electron's `printToPDF`) it is the only thing printed, on
 * the chosen paper, with the running header and page numbers of `buildPageRule`. It uses the
 * bundled Noto Sans SC, which covers Latin and Chinese text, so names print in either script.
 * While it is shown, the document title is the pack's name.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperSize } from '@shared/ipc/contract';
import { userLocale } from '../../locale';
import { buildPageRule } from './pageRule';
import type { Orientation } from './reportChoices';
import { ReportSectionView } from './ReportSectionView';
import { dateText, instantText, packName, periodText } from './reportText';
import type { RenderedPack } from './useReportBuild';

export interface ReportDocumentProps {
  readonly rendered: RenderedPack;
  readonly paper: PaperSize;
  readonly orientation: Orientation;
}

export function ReportDocument({ rendered, paper, orientation }: ReportDocumentProps) {
  const { t } = useTranslation();
  const { pack } = rendered;
  const period = periodText(t, pack.period, userLocale);
  const generatedOn = t('reports.pack.generatedOn', { date: dateText(pack.generatedAt.slice(0, 10), userLocale) });
  const title = packName(t, pack);
  useEffect(() => {
    // The PDF's title metadata and the print dialog's suggested file name come from the document title.
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
  const pageRule = buildPageRule(paper, orientation, {
    header: t('reports.pack.header', { portfolio: pack.portfolioName, period }),
    generated: generatedOn,
    pageOf: t('reports.pack.pageOf', { page: '{{page}}', pages: '{{pages}}', interpolation: { skipOnVariables: true } }),
  });

  return (
    <article className={`report-document paper-${paper} ${orientation}`} data-testid="report-document">
      <style>{pageRule}</style>
      <header className="report-cover">
        <p className="report-kicker">{t('reports.pack.title')}</p>
        <h1>{pack.portfolioName}</h1>
        <p className="report-period">{period}</p>
        <p>
          {pack.scope.kind === 'portfolio' ? t('reports.pack.scopeWhole') : t('reports.pack.scopeProviders', { providers: pack.scopeProviderNames.join(', ') })}
        </p>
        {pack.withoutCommercialTerms ? <p className="report-note">{t('reports.pack.redacted')}</p> : null}
        <p>{t('reports.pack.generatedAt', { time: instantText(pack.generatedAt, userLocale) })}</p>
        <p data-testid="report-data-changed">
          {pack.dataChangedAt === null ? t('reports.pack.noData') : t('reports.pack.dataChangedAt', { time: instantText(pack.dataChangedAt, userLocale) })}
        </p>
      </header>
      {pack.sections.map((section) => (
        <ReportSectionView key={section.key} section={section} rendered={rendered} />
      ))}
    </article>
  );
}
