/**
 * The Reports screen: the builder and templates, the build with progress and Cancel, then the
 * pack's preview and its saves as PDF, workbook and CSV files.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Period } from '@shared/domain/types';
import { listPortfolios } from '../../db/catalogue';
import { readReportTemplates } from '../../db/reportTemplates';
import type { ReportTemplate } from '../../db/reportTemplates';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { selectPortfolioId, useUiStore } from '../../state/uiStore';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { ReportBuilder } from './ReportBuilder';
import { applyTemplate, checkChoices, defaultChoices, toReportOptions } from './reportChoices';
import type { ReportChoices } from './reportChoices';
import { ReportDocument } from './ReportDocument';
import { ReportSaveActions } from './ReportSaveActions';
import { ReportTemplates } from './ReportTemplates';
import { buildTimes, useReportBuild } from './useReportBuild';
import type { BuildState } from './useReportBuild';
import './reports.css';

export function ReportsScreen() {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const portfolioId = useUiStore(selectPortfolioId);
  const portfolios = useLiveQuery(listPortfolios, []);
  const portfolio = portfolios?.find((entry) => entry.id === portfolioId) ?? null;
  const providers = useLiveQuery(async () => (await db.providers.toArray()).map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)), [db]);
  // The `period` index lists the months with a measurement without reading the measurements.
  const months = useLiveQuery(async (): Promise<Period[]> => (await db.measurements.orderBy('period').uniqueKeys()).map(String), [db]);
  const templates = useLiveQuery(async (): Promise<ReportTemplate[] | null> => readReportTemplates(db).catch(() => null), [db]);
  const today = useMemo(() => buildTimes().today, []);
  const [edited, setEdited] = useState<ReportChoices | null>(null);
  const { state, start, cancel } = useReportBuild(t, userLocale);

  if (providers === undefined || months === undefined || portfolio === null) return <p className="muted">{t('app.loading')}</p>;
  const choices = edited ?? defaultChoices(months, today);
  const problems = checkChoices(choices);

  const build = () => {
    const times = buildTimes();
    const options = toReportOptions(choices, times.today, times.generatedAt);
    if (options !== null) void start({ db, portfolio: { id: portfolio.id, name: portfolio.name }, options });
  };

  return (
    <section className="reports-screen" aria-labelledby="reports-title">
      <header>
        <h1 id="reports-title">{t('reports.title')}</h1>
        <p className="muted">{t('reports.intro')}</p>
      </header>
      <ReportBuilder choices={choices} onChange={setEdited} providers={providers} months={months} today={today} />
      <ReportTemplates
        db={db}
        templates={templates === undefined ? [] : templates}
        choices={choices}
        onApply={(template) => {
          setEdited(applyTemplate(template, choices, months, today, new Set(providers.map((provider) => provider.id))));
        }}
      />
      <div className="report-actions">
        <button type="button" className="button primary" disabled={problems.length > 0 || state.status === 'building'} onClick={build}>
          {t('reports.builder.build')}
        </button>
        {problems.map((problem) => (
          <p key={problem} className="alert error" role="alert">
            {t(problem)}
          </p>
        ))}
      </div>
      <BuildStatus state={state} onCancel={cancel} />
      {state.status === 'done' ? (
        <>
          <ReportSaveActions rendered={state.rendered} paper={choices.paper} orientation={choices.orientation} />
          <ReportDocument rendered={state.rendered} paper={choices.paper} orientation={choices.orientation} />
        </>
      ) : null}
    </section>
  );
}

function BuildStatus({ state, onCancel }: { readonly state: BuildState; readonly onCancel: () => void }) {
  const { t } = useTranslation();
  if (state.status === 'cancelled') return <p role="status">{t('reports.progress.cancelled')}</p>;
  if (state.status === 'failed') {
    return (
      <p className="alert error" role="alert">
        {t('reports.progress.failed', { reason: describeAppError(t, toAppError(state.error, 'Building a report failed')) })}
      </p>
    );
  }
  if (state.status !== 'building') return null;

  const { progress } = state;
  let text: string;
  let value: number | undefined;
  if (progress.step === 'reading') {
    text = t('reports.progress.reading');
  } else if (progress.step === 'section') {
    text = t('reports.progress.section', { section: t(`reports.sections.${progress.section}`), done: progress.done + 1, total: progress.total });
    value = progress.done / progress.total;
  } else {
    text = t('reports.progress.charts', { done: progress.done, total: progress.total });
    value = progress.total === 0 ? 1 : progress.done / progress.total;
  }
  return (
    <div className="report-progress" role="status" aria-live="polite">
      <progress value={value} max={1} aria-label={text} />
      {/* Cancel comes before the step's text, so it stays in place while the text changes length. */}
      <button type="button" className="button" onClick={onCancel}>
        {t('reports.progress.cancel')}
      </button>
      <span>{text}</span>
    </div>
  );
}
