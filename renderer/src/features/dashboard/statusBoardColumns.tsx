/** Columns of the control tower's status board: the provider, then one status column per tracked KPI. */
import type { TFunction } from 'i18next';
import type { ControlTowerKpi, RagStatus, StatusBoardCell, StatusBoardRow } from '@shared/kpi/controlTower';
import { listColumnHelper } from '../../components/tableFeatures';
import { formatKpiValue } from '../../format';
import { kpiName } from '../kpi/kpiName';

const column = listColumnHelper<StatusBoardRow>();

/** Sort order of a cell: red first when sorted ascending, and a missing level last. */
const statusRank: Readonly<Record<RagStatus, number>> = { red: 0, amber: 1, green: 2, noData: 3, beforeGoLive: 4 };

export function statusBoardColumnSizes(kpiCount: number): string[] {
  return ['minmax(14rem, 2fr)', ...Array.from({ length: kpiCount }, () => 'minmax(12rem, 1fr)')];
}

/** Describes a cell in words for its tooltip: result against the levels in force. */
function cellTitle(t: TFunction, kpi: ControlTowerKpi, cell: StatusBoardCell, locale: string): string {
  const expected = formatKpiValue(cell.expected, kpi.unit, locale);
  const minimum = formatKpiValue(cell.minimum, kpi.unit, locale);
  if (cell.result === null) return t('controlTower.board.cellNoResult', { expected, minimum });
  return t('controlTower.board.cellTitle', { result: formatKpiValue(cell.result, kpi.unit, locale), expected, minimum });
}

export function buildStatusBoardColumns(kpis: readonly ControlTowerKpi[], t: TFunction, locale: string) {
  // Translated once per build rather than once per cell, because the board renders about a hundred cells at a time.
  const statusLabels: Readonly<Record<RagStatus, string>> = {
    red: t('controlTower.status.red'),
    amber: t('controlTower.status.amber'),
    green: t('controlTower.status.green'),
    noData: t('controlTower.status.noData'),
    beforeGoLive: t('controlTower.status.beforeGoLive'),
  };
  const noLevel = t('controlTower.board.noLevel');
  return [
    column.accessor('providerName', { header: t('controlTower.colProvider'), sortFn: 'text' }),
    ...kpis.map((kpi, index) =>
      column.accessor((row) => (row.cells[index] ? statusRank[row.cells[index].status] : Number.POSITIVE_INFINITY), {
        id: `kpi-${kpi.id}`,
        header: kpiName(t, kpi),
        sortFn: 'basic',
        cell: (info) => {
          const cell = info.row.original.cells[index];
          if (!cell) return <span className="muted">{noLevel}</span>;
          return (
            <span className={`rag-badge rag-${cell.status}`} title={cellTitle(t, kpi, cell, locale)} data-status={cell.status}>
              <span className="rag-label">{statusLabels[cell.status]}</span>
              {cell.result === null ? null : <span className="rag-value">{formatKpiValue(cell.result, kpi.unit, locale)}</span>}
            </span>
          );
        },
      }),
    ),
  ];
}
