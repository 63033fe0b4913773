/**
 * The control tower at the top of the Dashboard: status board, heatmap, credits of the quarter,
 * open escalations, insights and the KPI comparison. Everything but the insights is computed
 * once per data change with `useMemo` over plain arrays. The insights run the KPI analytics on
 * every tracked series, so they are computed after first paint, on the main thread, and the
 * panel shows a progress line while they run.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '@shared/domain/types';
import {
  buildHeatmap,
  buildStatusBoard,
  countOpenEscalations,
  monthsWithResults,
  summarizeQuarterCredits,
  trackLevels,
} from '@shared/kpi/controlTower';
import type { ControlTowerScope } from '@shared/kpi/controlTower';
import { rankInsights } from '@shared/kpi/controlTowerInsights';
import type { ControlTowerInsight, InsightInput } from '@shared/kpi/controlTowerInsights';
import { computePortfolioCredits } from '@shared/kpi/credits';
import { DataTable } from '../../components/DataTable';
import { localDateOf } from '../../db/escalations';
import { formatKpiValue, formatPeriod } from '../../format';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { useEscalationRuleRun } from '../escalations/useEscalationData';
import { kpiName } from '../kpi/kpiName';
import { illustrativeContractTitle } from '../portfolio/sampleContracts';
import type { PortfolioData } from '../portfolio/usePortfolioData';
import { EscalationsSummary } from './EscalationsSummary';
import { HeatmapPanel } from './HeatmapPanel';
import { InsightsPanel } from './InsightsPanel';
import type { InsightFormatters } from './insightSentences';
import { KpiComparisonPanel } from './KpiComparisonPanel';
import { QuarterCreditsPanel } from './QuarterCreditsPanel';
import { buildStatusBoardColumns, statusBoardColumnSizes } from './statusBoardColumns';
import type { ControlTowerRecords } from './useControlTowerRecords';
import './controlTower.css';

const boardRowHeight = 36;
const boardHeaderHeight = 44;
const boardVisibleRows = 12;

export function ControlTower({ data, records }: { readonly data: PortfolioData; readonly records: ControlTowerRecords }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const ruleError = useEscalationRuleRun();
  const hasCritical = useMemo(() => data.serviceLevels.some((level) => level.critical), [data.serviceLevels]);
  const [chosenScope, setChosenScope] = useState<ControlTowerScope | null>(null);
  const scope: ControlTowerScope = chosenScope ?? (hasCritical ? 'critical' : 'all');
  const [chosenMonth, setChosenMonth] = useState<Period | null>(null);

  const tracked = useMemo(() => trackLevels(scope, data.serviceLevels, data.kpis, data.measurements), [scope, data]);
  const months = useMemo(() => monthsWithResults(tracked), [tracked]);
  const latest = months.at(-1) ?? null;
  const reportingMonth = chosenMonth !== null && months.includes(chosenMonth) ? chosenMonth : latest;

  const board = useMemo(() => (reportingMonth === null ? null : buildStatusBoard(tracked, data.providers, reportingMonth)), [tracked, data.providers, reportingMonth]);
  const heatmap = useMemo(() => (reportingMonth === null ? null : buildHeatmap(tracked, data.providers, reportingMonth)), [tracked, data.providers, reportingMonth]);
  const credits = useMemo(
    () => computePortfolioCredits(records.contracts, data.serviceLevels, data.kpis, data.measurements),
    [records.contracts, data.serviceLevels, data.kpis, data.measurements],
  );
  const quarterCredits = useMemo(() => (reportingMonth === null ? null : summarizeQuarterCredits(credits.values(), reportingMonth)), [credits, reportingMonth]);
  const today = localDateOf(new Date().toISOString());
  const escalationCounts = useMemo(() => countOpenEscalations(records.escalations, today), [records.escalations, today]);

  const insightInput = useMemo<InsightInput | null>(
    () =>
      reportingMonth === null ? null : { tracked, providers: data.providers, reportingMonth, escalations: records.escalations, today, deadlines: [] },
    [tracked, data.providers, reportingMonth, records.escalations, today],
  );
  const insights = useInsightsAfterPaint(insightInput);

  const providerNames = useMemo(() => new Map(data.providers.map((provider) => [provider.id, provider.name])), [data.providers]);
  const contractTitles = useMemo(() => new Map(records.contracts.map((contract) => [contract.id, contract.title])), [records.contracts]);
  const illustrative = records.contracts.some((contract) => contract.title === illustrativeContractTitle);
  const columns = useMemo(() => buildStatusBoardColumns(board?.kpis ?? [], t, userLocale), [board?.kpis, t]);
  const format = useInsightFormatters(data, providerNames);

  return (
    <div className="control-tower" data-testid="control-tower">
      <div className="toolbar control-tower-toolbar">
        <label>
          {t('controlTower.scopeLabel')}{' '}
          <select
            value={scope}
            onChange={(event) => {
              setChosenScope(event.target.value === 'all' ? 'all' : 'critical');
            }}
          >
            <option value="critical">{t('controlTower.scope.critical')}</option>
            <option value="all">{t('controlTower.scope.all')}</option>
          </select>
        </label>{' '}
        <label>
          {t('controlTower.monthLabel')}{' '}
          <select
            value={reportingMonth ?? ''}
            disabled={months.length === 0}
            onChange={(event) => {
              setChosenMonth(event.target.value);
            }}
          >
            {[...months].reverse().map((period) => (
              <option key={period} value={period}>
                {formatPeriod(period, userLocale, 'long')}
              </option>
            ))}
          </select>
        </label>
      </div>
      {ruleError !== null ? <p className="alert warning">{t('controlTower.ruleRunFailed')}</p> : null}

      {board === null || reportingMonth === null ? (
        <p className="panel muted" data-testid="control-tower-empty">
          {tracked.length === 0 ? t('controlTower.noTrackedLevels') : t('controlTower.noResults')}
        </p>
      ) : (
        <section className="panel" aria-labelledby="status-board-title" data-testid="status-board">
          <h2 id="status-board-title">{t('controlTower.board.title', { month: formatPeriod(reportingMonth, userLocale, 'long') })}</h2>
          {illustrative ? <p className="muted">{t('sample.illustrativeBoard')}</p> : null}
          <p data-testid="status-board-summary">
            {t('controlTower.board.summary', { red: board.counts.red, amber: board.counts.amber, green: board.counts.green, noData: board.counts.noData })}
          </p>
          <DataTable
            testId="status-board-table"
            label={t('controlTower.board.label', { month: formatPeriod(reportingMonth, userLocale, 'long') })}
            data={board.rows}
            columns={columns}
            columnSizes={statusBoardColumnSizes(board.kpis.length)}
            getRowId={(row) => row.providerId}
            emptyMessage={t('controlTower.noTrackedLevels')}
            height={`${String(Math.min(board.rows.length, boardVisibleRows) * boardRowHeight + boardHeaderHeight)}px`}
            onRowActivate={(row) => {
              navigate({ name: 'provider', providerId: row.providerId });
            }}
          />
        </section>
      )}

      <div className="control-tower-grid">
        {quarterCredits === null ? null : (
          <QuarterCreditsPanel
            summary={quarterCredits}
            providerName={(providerId) => providerNames.get(providerId) ?? providerId}
            contractTitle={(contractId) => contractTitles.get(contractId) ?? contractId}
            illustrative={illustrative}
          />
        )}
        <EscalationsSummary counts={escalationCounts} />
      </div>
      {reportingMonth === null ? null : <InsightsPanel insights={insights} format={format} />}
      {heatmap === null ? null : <HeatmapPanel heatmap={heatmap} />}
      {reportingMonth === null ? null : <KpiComparisonPanel data={data} reportingMonth={reportingMonth} />}
    </div>
  );
}

/**
 * Ranks the insights after the browser has painted the rest of the dashboard, and again whenever
 * `input` changes. Returns `null` until the ranking for the current input is ready.
 */
function useInsightsAfterPaint(input: InsightInput | null): readonly ControlTowerInsight[] | null {
  const [ranked, setRanked] = useState<{ readonly input: InsightInput; readonly insights: ControlTowerInsight[] } | null>(null);
  useEffect(() => {
    if (input === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The timeout after the animation frame runs once the frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        setRanked({ input, insights: rankInsights(input) });
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [input]);
  return ranked !== null && ranked.input === input ? ranked.insights : null;
}

function useInsightFormatters(data: PortfolioData, providerNames: ReadonlyMap<string, string>): InsightFormatters {
  const { t } = useTranslation();
  return useMemo(() => {
    const kpis = new Map(data.kpis.map((kpi) => [kpi.id, { name: kpiName(t, kpi), unit: kpi.unit }]));
    const percent = new Intl.NumberFormat(userLocale, { style: 'percent', maximumFractionDigits: 0 });
    const list = new Intl.ListFormat(userLocale, { type: 'conjunction' });
    const date = new Intl.DateTimeFormat(userLocale, { dateStyle: 'medium', timeZone: 'UTC' });
    return {
      providerName: (providerId) => providerNames.get(providerId) ?? providerId,
      kpi: (kpiId) => kpis.get(kpiId) ?? null,
      value: (value, unit) => formatKpiValue(value, unit, userLocale),
      period: (period) => formatPeriod(period, userLocale),
      probability: (share) => percent.format(share),
      list: (items) => list.format(items),
      // A calendar date read as midnight UTC and shown in UTC keeps its day in every time zone.
      date: (calendarDate) => date.format(new Date(`${calendarDate}T00:00:00Z`)),
    };
  }, [data.kpis, providerNames, t]);
}
