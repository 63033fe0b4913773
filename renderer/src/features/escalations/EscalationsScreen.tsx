/** The Escalations screen: every escalation with filters, and the details of the one chosen. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationLevel } from '@shared/domain/escalation';
import { DataTable } from '../../components/DataTable';
import { describeAppError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { localToday } from '../plans/roadmapOption';
import type { PortfolioData } from '../portfolio/usePortfolioData';
import { EscalationDetail } from './EscalationDetail';
import { buildEscalationColumns, escalationColumnSizes } from './escalationColumns';
import { buildEscalationRows, filterEscalationRows, levelName, levelNamesOf } from './escalationView';
import type { LevelFilter, StatusFilter } from './escalationView';
import { useEscalationData, useEscalationRuleRun } from './useEscalationData';
import './escalations.css';

/** Highest level first, then the oldest. */
const urgentFirst = [
  { id: 'level', desc: true },
  { id: 'ageDays', desc: true },
];
const levels: readonly EscalationLevel[] = [1, 2, 3];

export function EscalationsScreen({ data, escalationId }: { readonly data: PortfolioData; readonly escalationId: string | null }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const runError = useEscalationRuleRun();
  const escalationData = useEscalationData();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [level, setLevel] = useState<LevelFilter>('all');

  const names = useMemo(() => levelNamesOf(t, data.serviceLevels, data.providers, data.kpis), [t, data]);
  // Age and overdue flags are as of the moment the escalations were last read.
  const rows = useMemo(
    () => buildEscalationRows(t, escalationData?.escalations ?? [], names, new Date().toISOString(), localToday()),
    [t, escalationData, names],
  );
  const shown = useMemo(() => filterEscalationRows(rows, status, level), [rows, status, level]);
  const columns = useMemo(() => buildEscalationColumns(t, userLocale), [t]);

  const selectedRow = rows.find((row) => row.id === escalationId) ?? null;
  const selected = escalationData?.escalations.find((escalation) => escalation.id === escalationId) ?? null;
  const serviceLevel = selected === null ? null : (data.serviceLevels.find((candidate) => candidate.id === selected.serviceLevelId) ?? null);
  const kpi = serviceLevel === null ? null : (data.kpis.find((candidate) => candidate.id === serviceLevel.kpiId) ?? null);
  const hasCritical = data.serviceLevels.some((candidate) => candidate.critical);

  return (
    <section aria-labelledby="escalations-title">
      <h1 id="escalations-title">{t('escalations.title')}</h1>
      <p className="muted">{t('escalations.intro')}</p>
      {runError === null ? null : (
        <p className="alert error" role="alert">
          {t('escalations.runFailed')} {describeAppError(t, runError)}
        </p>
      )}
      {!hasCritical && rows.length === 0 ? <p className="alert warning">{t('escalations.emptyNoCritical')}</p> : null}

      <div className="escalation-filters">
        <label>
          {t('escalations.filters.status')}
          <select
            data-testid="escalation-status-filter"
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as StatusFilter);
            }}
          >
            <option value="open">{t('escalations.statuses.open')}</option>
            <option value="closed">{t('escalations.statuses.closed')}</option>
            <option value="all">{t('escalations.filters.all')}</option>
          </select>
        </label>
        <label>
          {t('escalations.filters.level')}
          <select
            data-testid="escalation-level-filter"
            value={String(level)}
            onChange={(event) => {
              setLevel(event.target.value === 'all' ? 'all' : (Number(event.target.value) as EscalationLevel));
            }}
          >
            <option value="all">{t('escalations.filters.all')}</option>
            {levels.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t('escalations.levelLabel', { level: candidate, name: levelName(t, candidate) })}
              </option>
            ))}
          </select>
        </label>
      </div>

      <DataTable
        testId="escalations-table"
        label={t('escalations.tableLabel')}
        data={shown}
        columns={columns}
        columnSizes={escalationColumnSizes}
        getRowId={(row) => row.id}
        initialSorting={urgentFirst}
        emptyMessage={t('escalations.empty')}
        height="min(24rem, calc(100vh - 20rem))"
        onRowActivate={(row) => {
          navigate({ name: 'escalations', escalationId: row.id });
        }}
      />

      {selected !== null && selectedRow !== null ? (
        <EscalationDetail
          // A new key after each change resets the fields to the stored values.
          key={`${selected.id}|${String(selected.level)}|${selected.status}|${selected.owner}|${selected.dueDate}`}
          row={selectedRow}
          escalation={selected}
          events={(escalationData?.events ?? []).filter((event) => event.escalationId === selected.id)}
          kpi={kpi}
          serviceLevel={serviceLevel}
          measurements={
            serviceLevel === null
              ? []
              : data.measurements.filter((measurement) => measurement.providerId === serviceLevel.providerId && measurement.kpiId === serviceLevel.kpiId)
          }
          onClose={() => {
            navigate({ name: 'escalations' });
          }}
        />
      ) : null}
    </section>
  );
}
