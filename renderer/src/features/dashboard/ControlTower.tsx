/**
 * The control tower at the top of the Dashboard: status board, heatmap, credits of the quarter,
 * open escalations, insights and the KPI comparison. Everything comes precomputed in the
 * summary (`shared/kpi/controlTowerSummary.ts`), so rendering it reads no measurement.
 */
import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '@shared/errors';
import type { Period } from '@shared/domain/types';
import type { ControlTowerScope, StatusBoard } from '@shared/kpi/controlTower';
import type { ControlTowerSummary } from '@shared/kpi/controlTowerSummary';
import { DataTable } from '../../components/DataTable';
import { formatKpiValue, formatPeriod } from '../../format';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { kpiName } from '../kpi/kpiName';
import { illustrativeContractTitle } from '../portfolio/sampleContracts';
import { EscalationsSummary } from './EscalationsSummary';
import { HeatmapPanel } from './HeatmapPanel';
import { InsightsPanel } from './InsightsPanel';
import type { InsightFormatters } from './insightSentences';
import { KpiComparisonPanel } from './KpiComparisonPanel';
import { QuarterCreditsPanel } from './QuarterCreditsPanel';
import { RenderWhenNearView } from './RenderWhenNearView';
import { buildStatusBoardColumns, statusBoardColumnSizes } from './statusBoardColumns';
import './controlTower.css';

// The control tower re-renders with the dashboard screen, so its panels are memoized. They render
// again only when their part of the summary changes.
const MemoQuarterCreditsPanel = memo(QuarterCreditsPanel);
const MemoEscalationsSummary = memo(EscalationsSummary);
const MemoInsightsPanel = memo(InsightsPanel);
const MemoHeatmapPanel = memo(HeatmapPanel);

const boardRowHeight = 36;
/** Height kept for the comparison panel before it renders, in px, so the page does not jump as it appears. */
const comparisonPlaceholderHeight = 520;
const boardHeaderHeight = 44;
const boardVisibleRows = 12;

interface ControlTowerProps {
  readonly summary: ControlTowerSummary;
  readonly ruleError: AppError | null;
  readonly onScopeChange: (scope: ControlTowerScope) => void;
  readonly onMonthChange: (month: Period) => void;
}

export function ControlTower({ summary, ruleError, onScopeChange, onMonthChange }: ControlTowerProps) {
  const { t } = useTranslation();
  const { board, heatmap, quarterCredits, reportingMonth, months } = summary;

  const providerNames = useMemo(() => new Map(summary.providers.map((provider) => [provider.id, provider.name])), [summary.providers]);
  const contractTitles = useMemo(() => new Map(summary.contractTitles), [summary.contractTitles]);
  const providerName = useCallback((providerId: string) => providerNames.get(providerId) ?? providerId, [providerNames]);
  const contractTitle = useCallback((contractId: string) => contractTitles.get(contractId) ?? contractId, [contractTitles]);
  const illustrative = summary.contractTitles.some(([, title]) => title === illustrativeContractTitle);
  const format = useInsightFormatters(summary, providerNames);

  return (
    <div className="control-tower" data-testid="control-tower">
      <div className="toolbar control-tower-toolbar">
        <label>
          {t('controlTower.scopeLabel')}{' '}
          <select
            value={summary.scope}
            onChange={(event) => {
              onScopeChange(event.target.value === 'all' ? 'all' : 'critical');
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
              onMonthChange(event.target.value);
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
          {summary.trackedLevels === 0 ? t('controlTower.noTrackedLevels') : t('controlTower.noResults')}
        </p>
      ) : (
        <StatusBoardSection board={board} reportingMonth={reportingMonth} illustrative={illustrative} />
      )}

      <div className="control-tower-grid">
        {quarterCredits === null ? null : (
          <MemoQuarterCreditsPanel summary={quarterCredits} providerName={providerName} contractTitle={contractTitle} illustrative={illustrative} />
        )}
        <MemoEscalationsSummary counts={summary.escalationCounts} />
      </div>
      {reportingMonth === null ? null : <MemoInsightsPanel insights={summary.insights} format={format} />}
      {heatmap === null ? null : <MemoHeatmapPanel heatmap={heatmap} />}
      {reportingMonth === null ? null : (
        // Far down a long page: its table renders once it is scrolled near.
        <RenderWhenNearView minHeight={comparisonPlaceholderHeight}>
          <KpiComparisonPanel comparisonKpis={summary.comparisonKpis} reportingMonth={reportingMonth} dataVersion={summary} />
        </RenderWhenNearView>
      )}
    </div>
  );
}

function useInsightFormatters(summary: ControlTowerSummary, providerNames: ReadonlyMap<string, string>): InsightFormatters {
  const { t } = useTranslation();
  return useMemo(() => {
    const kpis = new Map(summary.kpis.map((kpi) => [kpi.id, { name: kpiName(t, kpi), unit: kpi.unit }]));
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
  }, [summary.kpis, providerNames, t]);
}

interface StatusBoardSectionProps {
  readonly board: StatusBoard;
  readonly reportingMonth: Period;
  readonly illustrative: boolean;
}

/** The status board of the reporting month: providers by tracked KPIs. */
const StatusBoardSection = memo(function StatusBoardSection({ board, reportingMonth, illustrative }: StatusBoardSectionProps) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const columns = useMemo(() => buildStatusBoardColumns(board.kpis, t, userLocale), [board.kpis, t]);

  return (
    <section className="panel" aria-labelledby="status-board-title" data-testid="status-board">
      <h2 id="status-board-title">{t('controlTower.board.title', { month: formatPeriod(reportingMonth, userLocale, 'long') })}</h2>
      {illustrative ? <p className="muted">{t('sample.illustrativeBoard')}</p> : null}
      <p data-testid="status-board-summary">
        {t('controlTower.board.summary', {
          red: board.counts.red,
          amber: board.counts.amber,
          green: board.counts.green,
          noData: board.counts.noData,
        })}
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
  );
});
