/**
 * The Risks screen: the register of stored risks and the risks Steerwise raised itself, its
 * filters, the 5x5 heatmap that filters the register by cell, and the chosen risk's details or form.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Risk } from '@shared/domain/governance';
import type { CalendarDate, Id, Provider } from '@shared/domain/types';
import { buildRiskHeatmap, heatmapCell } from '@shared/governance/riskMatrix';
import { DataTable } from '../../components/DataTable';
import { userLocale } from '../../locale';
import { formatCalendarDate } from '../escalations/escalationView';
import { localToday } from '../plans/roadmapOption';
import { DerivedRiskDetail } from './DerivedRiskDetail';
import { RiskDetail } from './RiskDetail';
import { RiskFilterBar } from './RiskFilterBar';
import { blankRiskInput, RiskForm } from './RiskForm';
import { RiskHeatmap } from './RiskHeatmap';
import type { HeatmapSelection } from './RiskHeatmap';
import { buildRiskColumns, riskColumnSizes } from './riskColumns';
import { buildRiskRows, filterRiskRows, filtersShowing, heatmapRisksOf, isHiddenByFilters, noRiskFilters } from './riskRows';
import type { RiskFilters, RiskRow } from './riskRows';
import { useRiskData } from './useRiskData';
import type { RiskData } from './useRiskData';
import './risks.css';

/** Highest score first, then the earliest review. */
const severeFirst = [
  { id: 'score', desc: true },
  { id: 'reviewDate', desc: false },
];

const formatDate = (date: CalendarDate) => formatCalendarDate(date, userLocale);

/** Content of the panel under the register. */
type Panel =
  | { readonly kind: 'none' }
  /** The add form; `fromPreset` when the user asked for a preset, so the form focuses that choice. */
  | { readonly kind: 'new'; readonly fromPreset: boolean }
  | { readonly kind: 'row'; readonly id: string };

export function RisksScreen({ providerId }: { readonly providerId: Id | null }) {
  const { t } = useTranslation();
  // The date is read once per render, so due and overdue markers follow midnight at the next render.
  const today = localToday();
  const data = useRiskData(today);
  const [filters, setFilters] = useState<RiskFilters>({ ...noRiskFilters, provider: providerId ?? 'all' });
  const [cell, setCell] = useState<HeatmapSelection | null>(null);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });

  const rows = useMemo(
    () =>
      data === undefined
        ? []
        : buildRiskRows(t, {
            risks: data.risks,
            derived: data.derived,
            providers: data.providers,
            certifications: data.certifications,
            today,
            formatDate,
          }),
    [t, data, today],
  );
  const filtered = useMemo(() => filterRiskRows(rows, filters), [rows, filters]);
  const heatmap = useMemo(() => buildRiskHeatmap(heatmapRisksOf(filtered)), [filtered]);
  const shown = useMemo(() => {
    if (cell === null) return filtered;
    const ids = new Set(heatmapCell(heatmap, cell.likelihood, cell.impact).riskIds);
    return filtered.filter((row) => ids.has(row.id));
  }, [filtered, heatmap, cell]);
  const columns = useMemo(() => buildRiskColumns(t, formatDate), [t]);
  const providers = useMemo(() => [...(data?.providers ?? [])].sort((a, b) => a.name.localeCompare(b.name, userLocale)), [data]);

  if (data === undefined) return <p className="muted">{t('risks.loading')}</p>;

  const selectedRow = panel.kind === 'row' ? (rows.find((row) => row.id === panel.id) ?? null) : null;
  // The details stay mounted while the filters hide their risk, so an open edit keeps what was typed.
  const hiddenByFilters = isHiddenByFilters(selectedRow, shown);
  const openStored = (risk: Risk) => {
    setPanel({ kind: 'row', id: risk.id });
  };
  const close = () => {
    setPanel({ kind: 'none' });
  };
  const clearFilters = (row: RiskRow) => {
    setFilters(filtersShowing(row));
    setCell(null);
  };

  return (
    <section aria-labelledby="risks-title" className="risks-screen">
      <h1 id="risks-title">{t('risks.title')}</h1>
      <p className="muted">{t('risks.intro')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          onClick={() => {
            setPanel({ kind: 'new', fromPreset: false });
          }}
        >
          {t('risks.addRisk')}
        </button>
      </div>

      {panel.kind === 'new' ? (
        <RiskForm
          initial={{
            ...blankRiskInput,
            providerId: filters.provider === 'all' || filters.provider === 'portfolioWide' ? '' : filters.provider,
          }}
          riskId={null}
          providers={providers}
          onSaved={openStored}
          onCancel={close}
          focusPreset={panel.fromPreset}
        />
      ) : null}

      <RiskFilterBar
        filters={filters}
        providers={providers}
        onChange={(next) => {
          setFilters(next);
          setCell(null);
        }}
      />

      <div className="risks-layout">
        <RiskHeatmap heatmap={heatmap} selected={cell} onSelect={setCell} />
        <div className="risks-register">
          {cell === null ? null : (
            <p className="alert" role="status" data-testid="risk-cell-filter">
              {t('risks.filters.cell', { likelihood: cell.likelihood, impact: cell.impact })}{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setCell(null);
                }}
              >
                {t('risks.filters.clearCell')}
              </button>
            </p>
          )}
          {rows.length === 0 ? (
            // An empty register offers the way in, rather than blaming filters that hide nothing.
            <div className="panel risks-empty" data-testid="risks-empty">
              <p>{t('risks.none')}</p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setPanel({ kind: 'new', fromPreset: true });
                }}
              >
                {t('risks.addFromPreset')}
              </button>
            </div>
          ) : (
            <>
              <p className="muted" data-testid="risk-count">
                {t('risks.filters.count', { count: shown.length })}
              </p>
              <DataTable
                testId="risks-table"
                label={t('risks.tableLabel')}
                data={shown}
                columns={columns}
                columnSizes={riskColumnSizes}
                getRowId={(row) => row.id}
                initialSorting={severeFirst}
                emptyMessage={t('risks.empty')}
                height="min(26rem, calc(100vh - 20rem))"
                onRowActivate={(row) => {
                  setPanel({ kind: 'row', id: row.id });
                }}
              />
            </>
          )}
        </div>
      </div>

      {hiddenByFilters && selectedRow !== null ? (
        <HiddenRiskNote
          title={selectedRow.title}
          onClearFilters={() => {
            clearFilters(selectedRow);
          }}
          onClose={close}
        />
      ) : null}
      {selectedRow === null ? null : (
        <div hidden={hiddenByFilters}>
          <SelectedRisk row={selectedRow} data={data} providers={providers} onOpenStored={openStored} onClose={close} />
        </div>
      )}
    </section>
  );
}

interface SelectedRiskProps {
  readonly row: RiskRow;
  readonly data: RiskData;
  readonly providers: readonly Pick<Provider, 'id' | 'name'>[];
  readonly onOpenStored: (risk: Risk) => void;
  readonly onClose: () => void;
}

/** Details of the chosen register row: a stored risk, or a risk that Steerwise raised itself. */
function SelectedRisk({ row, data, providers, onOpenStored, onClose }: SelectedRiskProps) {
  if (row.source === 'stored') {
    const risk = data.risks.find((candidate) => candidate.id === row.id);
    return risk === undefined ? null : <RiskDetail key={risk.id} risk={risk} row={row} providers={providers} onClose={onClose} />;
  }

  const derived = data.derived.find((risk) => risk.id === row.id);
  if (derived === undefined) return null;
  const certification = data.certifications.find((candidate) => candidate.id === derived.certificationId) ?? null;
  return (
    <DerivedRiskDetail
      key={derived.id}
      risk={derived}
      row={row}
      certification={certification}
      rfps={data.rfps}
      formatDate={formatDate}
      onOpenStored={onOpenStored}
      onClose={onClose}
    />
  );
}

interface HiddenRiskNoteProps {
  readonly title: string;
  readonly onClearFilters: () => void;
  readonly onClose: () => void;
}

/** Note in place of the details of a risk that the filters or the heatmap cell hide from the register. */
function HiddenRiskNote({ title, onClearFilters, onClose }: HiddenRiskNoteProps) {
  const { t } = useTranslation();
  return (
    <p className="alert" role="status" data-testid="risk-hidden-note">
      {t('risks.detail.hiddenByFilters', { title })}{' '}
      <button type="button" className="link-button" onClick={onClearFilters}>
        {t('risks.detail.clearFilters')}
      </button>{' '}
      <button type="button" className="link-button" onClick={onClose}>
        {t('risks.detail.closeHidden')}
      </button>
    </p>
  );
}
