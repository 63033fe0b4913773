import { useTranslation } from 'react-i18next';
import type { ProjectImportReport } from '@shared/schedule/io/types';
import { userLocale } from '../../locale';
import { buildReportView, reportLabels, reportSentence } from './importReportView';
import type { ReportLine } from './importReportView';

/** Entries shown of each list; the rest are counted. */
const maxLines = 50;

function ReportLines({ title, lines, testId }: { readonly title: string; readonly lines: readonly ReportLine[]; readonly testId: string }) {
  const { t } = useTranslation();
  if (lines.length === 0) return null;
  const shown = lines.slice(0, maxLines);
  return (
    <div data-testid={testId}>
      <h4>{title}</h4>
      <ul className="issue-list">
        {shown.map((line, index) => (
          <li key={index}>{reportSentence(t, line)}</li>
        ))}
      </ul>
      {lines.length > shown.length ? <p className="muted">{t('plans.import.moreLines', { count: lines.length - shown.length })}</p> : null}
    </div>
  );
}

/** Shows the import report of a project file: counts of what was converted, then what was changed or dropped and why. */
export function ImportReport({ fileName, report }: { readonly fileName: string; readonly report: ProjectImportReport }) {
  const { t } = useTranslation();
  const view = buildReportView(report, reportLabels(t, userLocale));
  return (
    <section className="import-report" aria-label={t('plans.import.reportLabel', { file: fileName })} data-testid="import-report">
      <p>{t('plans.import.readAs', { file: fileName, format: t(`plans.import.formats.${report.format}`), encoding: report.encoding })}</p>
      <table className="sync-table">
        <caption>{t('plans.import.convertedCaption')}</caption>
        <tbody>
          {view.converted.map(({ key, count }) => (
            <tr key={key}>
              <th scope="row">{t(`plans.import.converted.${key}`)}</th>
              <td className="cell-numeric">{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.changed.length === 0 && view.dropped.length === 0 ? <p>{t('plans.import.nothingLost')}</p> : null}
      <ReportLines title={t('plans.import.changedTitle', { count: view.changed.length })} lines={view.changed} testId="import-changed" />
      <ReportLines title={t('plans.import.droppedTitle', { count: view.dropped.length })} lines={view.dropped} testId="import-dropped" />
    </section>
  );
}
