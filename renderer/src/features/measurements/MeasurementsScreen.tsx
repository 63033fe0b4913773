import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { makePeriod } from '@shared/domain/period';
import type { Id, Period } from '@shared/domain/types';
import { getDeviceContext } from '../../db/catalogue';
import { saveMeasurementCells } from '../../db/measurementsGrid';
import type { GridSaveSummary, MeasurementCellEdit } from '../../db/measurementsGrid';
import { describeAppError } from '../../errorMessage';
import { formatPeriod } from '../../format';
import { userLocale } from '../../locale';
import { toAppError } from '../../reportError';
import { kpiName } from '../kpi/kpiName';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { decimalSeparatorOf } from '../portfolio/serviceLevelInput';
import type { PortfolioData } from '../portfolio/usePortfolioData';
import { defaultRange, gridPeriods, gridRows, maxGridMonths, parseCell, storedCells } from './gridModel';
import type { GridRow, GridSelection } from './gridModel';
import { MeasurementGrid, storedText } from './MeasurementGrid';
import './measurements.css';

const decimalSeparator = decimalSeparatorOf(userLocale);

function currentMonth(): Period {
  const now = new Date();
  return makePeriod(now.getUTCFullYear(), now.getUTCMonth() + 1);
}

interface CellError {
  readonly key: string;
  readonly message: string;
}

/**
 * The Measurements screen: a grid of months by the service levels of one provider or by the
 * providers of one KPI, where results are typed or pasted and saved together.
 */
export function MeasurementsScreen({ data }: { readonly data: PortfolioData }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const sortedProviders = useMemo(() => [...data.providers].sort((a, b) => a.name.localeCompare(b.name)), [data.providers]);
  const [by, setBy] = useState<GridSelection['by']>('provider');
  const [providerId, setProviderId] = useState<Id>(sortedProviders[0]?.id ?? '');
  const [kpiId, setKpiId] = useState<Id>(data.kpis[0]?.id ?? '');
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    { kind: 'saved'; summary: GridSaveSummary } | { kind: 'invalid'; count: number } | { kind: 'failed'; message: string } | null
  >(null);

  const selection: GridSelection = by === 'provider' ? { by, providerId } : { by, kpiId };
  const nameOf = (kpi: (typeof data.kpis)[number]) => kpiName(t, kpi);
  const rows = gridRows(data, selection, nameOf);
  const shownRange = range ?? defaultRange(rows, data.measurements, currentMonth());
  const periods = gridPeriods(shownRange.from, shownRange.to);
  const stored = useMemo(() => storedCells(data.measurements), [data.measurements]);
  const rowLabel = (row: GridRow) => (by === 'provider' ? nameOf(row.kpi) : row.provider.name);

  const select = (next: () => void) => {
    next();
    setRange(null);
    setDrafts(new Map());
    setOutcome(null);
  };

  // Edits that differ from the stored value, and cells whose text cannot be read.
  const edits: MeasurementCellEdit[] = [];
  const errors: CellError[] = [];
  const rowsByPair = new Map(rows.map((row) => [`${row.providerId}|${row.kpi.id}`, row]));
  const shownPeriods = new Set(Array.isArray(periods) ? periods : []);
  for (const [key, text] of drafts) {
    const [cellProvider = '', cellKpi = '', period = ''] = key.split('\u001f');
    const row = rowsByPair.get(`${cellProvider}|${cellKpi}`);
    if (row === undefined || !shownPeriods.has(period)) continue;
    const parsed = parseCell(text, row.kpi, decimalSeparator);
    if (!parsed.ok) {
      const cell = t('measurements.cellLabel', { row: rowLabel(row), period: formatPeriod(period, userLocale, 'long') });
      errors.push({
        key,
        message: `${cell}: ${t(`measurements.problems.${parsed.problem}`, { text: text.trim(), decimal: decimalSeparator })}`,
      });
      continue;
    }
    if (parsed.value !== (stored.get(key)?.value ?? null))
      edits.push({ providerId: cellProvider, kpiId: cellKpi, period, value: parsed.value });
  }

  const save = async () => {
    if (errors.length > 0) {
      setOutcome({ kind: 'invalid', count: errors.length });
      return;
    }
    setBusy(true);
    setOutcome(null);
    try {
      const summary = await saveMeasurementCells(db, edits, await getDeviceContext());
      setDrafts(new Map());
      setOutcome({ kind: 'saved', summary });
    } catch (thrown) {
      setOutcome({
        kind: 'failed',
        message: describeAppError(t, toAppError(thrown, `Saving ${String(edits.length)} measurement cells failed`)),
      });
    } finally {
      setBusy(false);
    }
  };

  const onEdit = (changes: ReadonlyMap<string, string>) => {
    const next = new Map(drafts);
    for (const [key, text] of changes) {
      // A cell typed back to its stored text is no longer an edit.
      if (text === storedText(stored.get(key), decimalSeparator)) next.delete(key);
      else next.set(key, text);
    }
    setDrafts(next);
    setOutcome(null);
  };

  const hasRatio = rows.some((row) => row.kpi.kind === 'ratio');

  return (
    <section aria-labelledby="measurements-title">
      <h1 id="measurements-title">{t('measurements.title')}</h1>
      <p className="muted">{t('measurements.intro')}</p>
      <div className="toolbar">
        <label>
          {t('measurements.rowsBy')}
          <select
            value={by}
            onChange={(event) => {
              select(() => {
                setBy(event.target.value === 'kpi' ? 'kpi' : 'provider');
              });
            }}
          >
            <option value="provider">{t('measurements.byProvider')}</option>
            <option value="kpi">{t('measurements.byKpi')}</option>
          </select>
        </label>
        {by === 'provider' ? (
          <label>
            {t('measurements.provider')}
            <select
              value={providerId}
              onChange={(event) => {
                select(() => {
                  setProviderId(event.target.value);
                });
              }}
            >
              {sortedProviders.map((provider) => (
                <option key={provider.id} value={provider.id}>
                  {provider.code === null ? provider.name : `${provider.name} (${provider.code})`}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {t('measurements.kpi')}
            <select
              value={kpiId}
              onChange={(event) => {
                select(() => {
                  setKpiId(event.target.value);
                });
              }}
            >
              {data.kpis.map((kpi) => (
                <option key={kpi.id} value={kpi.id}>
                  {nameOf(kpi)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('measurements.from')}
          <input
            type="month"
            value={shownRange.from}
            onChange={(event) => {
              setRange({ ...shownRange, from: event.target.value });
            }}
          />
        </label>
        <label>
          {t('measurements.to')}
          <input
            type="month"
            value={shownRange.to}
            onChange={(event) => {
              setRange({ ...shownRange, to: event.target.value });
            }}
          />
        </label>
      </div>
      <p className="muted">{t('measurements.keyboardHint')}</p>
      {hasRatio ? <p className="muted">{t('measurements.ratioHint')}</p> : null}
      {!Array.isArray(periods) ? (
        <p className="alert error" role="alert">
          {t(`measurements.range.${periods}`, { max: maxGridMonths })}
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">{t(by === 'provider' ? 'measurements.noRowsProvider' : 'measurements.noRowsKpi')}</p>
      ) : (
        <MeasurementGrid
          rows={rows}
          periods={periods}
          stored={stored}
          drafts={drafts}
          onEdit={onEdit}
          rowLabel={rowLabel}
          decimalSeparator={decimalSeparator}
          disabled={busy}
        />
      )}
      {errors.length > 0 ? (
        <ul className="issue-list" data-testid="grid-errors">
          {errors.map((error) => (
            <li key={error.key} className="field-error">
              {error.message}
            </li>
          ))}
        </ul>
      ) : null}
      <GridOutcome outcome={outcome} />
      <div className="button-row">
        <button
          type="button"
          className="button primary"
          disabled={busy || (edits.length === 0 && errors.length === 0)}
          onClick={() => {
            void save();
          }}
        >
          {busy ? t('measurements.saving') : t('measurements.save', { count: edits.length })}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || drafts.size === 0}
          onClick={() => {
            setDrafts(new Map());
            setOutcome(null);
          }}
        >
          {t('measurements.discard')}
        </button>
      </div>
    </section>
  );
}

type Outcome =
  { kind: 'saved'; summary: GridSaveSummary } | { kind: 'invalid'; count: number } | { kind: 'failed'; message: string } | null;

function GridOutcome({ outcome }: { readonly outcome: Outcome }) {
  const { t } = useTranslation();
  if (outcome === null) return null;
  if (outcome.kind === 'invalid') {
    return (
      <p className="alert error" role="alert">
        {t('measurements.invalidCells', { count: outcome.count })}
      </p>
    );
  }
  if (outcome.kind === 'failed') {
    return (
      <p className="alert error" role="alert">
        {outcome.message}
      </p>
    );
  }
  const { added, changed, deleted } = outcome.summary;
  return (
    <p className="alert success" role="status">
      {t('measurements.saved', { added, changed, deleted })}
    </p>
  );
}
