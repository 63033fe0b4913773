/** The body of one section of the pack: its sentences, charts and tables, or why it has none. */
import { useTranslation } from 'react-i18next';
import type { ReportPack, ReportSection } from '@shared/reports';
import { riskRating } from '@shared/governance/riskMatrix';
import type { RiskScore } from '@shared/domain/governance';
import { userLocale } from '../../locale';
import { kpiName } from '../kpi/kpiName';
import { ReportTableView } from './ReportTableView';
import { capitalise, creditsClause, periodText, sectionNote, summarySentences } from './reportText';
import type { RenderedPack } from './useReportBuild';

const scores: readonly RiskScore[] = [1, 2, 3, 4, 5];

export function ReportSectionView({ section, rendered }: { readonly section: ReportSection; readonly rendered: RenderedPack }) {
  const { t } = useTranslation();
  const note = sectionNote(t, rendered.pack, section);
  return (
    <section className={`report-section report-section-${section.key}`} data-section={section.key} aria-labelledby={`report-${section.key}`}>
      <h2 id={`report-${section.key}`}>{t(`reports.sections.${section.key}`)}</h2>
      {note !== null ? <p className="report-note">{note}</p> : null}
      {section.state === 'ready' ? <SectionBody section={section} rendered={rendered} /> : null}
    </section>
  );
}

function SectionBody({ section, rendered }: { readonly section: ReportSection; readonly rendered: RenderedPack }) {
  const { t } = useTranslation();
  const tables = section.tables.map((table) => <ReportTableView key={table.key} table={table} />);
  switch (section.key) {
    case 'summary':
      return <SummaryBody pack={rendered.pack} facts={section.facts} />;
    case 'scorecards':
      return (
        <>
          {section.charts.length > 0 ? (
            <>
              {section.criticalLevels > section.charts.length ? (
                <p className="report-note">{t('reports.pack.chartsShown', { shown: section.charts.length, total: section.criticalLevels })}</p>
              ) : null}
              <div className="report-chart-grid">
                {section.charts.map((chart) => (
                  <figure key={chart.serviceLevelId} className="report-chart">
                    <figcaption>
                      {chart.providerName} · {kpiName(t, { key: chart.kpiKey, name: chart.kpiName })}
                    </figcaption>
                    <SvgChart svg={rendered.levelCharts.get(chart.serviceLevelId)} />
                  </figure>
                ))}
              </div>
            </>
          ) : null}
          {tables}
        </>
      );
    case 'credits':
      return (
        <>
          <p className="report-headline">{capitalise(creditsClause(t, section.totals, periodText(t, rendered.pack.period, userLocale), userLocale))}</p>
          {tables}
        </>
      );
    case 'transitions':
      return (
        <>
          {tables}
          {section.gantts.map((gantt) => (
            <figure key={gantt.planId} className="report-gantt">
              <figcaption>{gantt.title}</figcaption>
              <SvgChart svg={rendered.gantts.get(gantt.planId)} />
            </figure>
          ))}
        </>
      );
    case 'risks':
      return (
        <>
          <RiskHeatmapTable heatmap={section.heatmap} />
          {tables}
        </>
      );
    default:
      return <>{tables}</>;
  }
}

function SummaryBody({ pack, facts }: { readonly pack: ReportPack; readonly facts: Extract<ReportSection, { key: 'summary' }>['facts'] }) {
  const { t } = useTranslation();
  const [headline, ...rest] = summarySentences(t, pack, facts, userLocale);
  return (
    <>
      <p className="report-headline" data-testid="report-headline">
        {headline}
      </p>
      <ul className="report-facts">
        {rest.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
    </>
  );
}

/** Renders the 5 × 5 risk heatmap as a table: likelihood from 5 (top) to 1, impact from 1 to 5, each cell coloured by its rating. */
function RiskHeatmapTable({ heatmap }: { readonly heatmap: readonly (readonly number[])[] }) {
  const { t } = useTranslation();
  return (
    <table className="report-heatmap" aria-label={t('reports.pack.heatmapLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('reports.pack.likelihood')}</th>
          {scores.map((impact) => (
            <th key={impact} scope="col">
              {impact}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[...scores].reverse().map((likelihood) => (
          <tr key={likelihood}>
            <th scope="row">{likelihood}</th>
            {scores.map((impact) => (
              <td key={impact} className={`rating-${riskRating({ likelihood, impact })}`}>
                {heatmap[likelihood - 1]?.[impact - 1] ?? 0}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td />
          <td colSpan={5}>{t('reports.pack.impact')}</td>
        </tr>
      </tfoot>
    </table>
  );
}

/** Inserts an SVG string from ECharts' server-side renderer, which escapes every text it draws. */
function SvgChart({ svg }: { readonly svg: string | undefined }) {
  if (svg === undefined) return null;
  return <div className="report-svg" dangerouslySetInnerHTML={{ __html: svg }} />;
}
