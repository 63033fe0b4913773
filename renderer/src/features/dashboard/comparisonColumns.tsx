/** Columns of the KPI comparison: provider, result, target and the result as a percentage of target, with a bar. */
import type { TFunction } from 'i18next';
import type { KpiUnit } from '@shared/domain/types';
import type { KpiComparisonRow } from '@shared/kpi/controlTowerComparison';
import { listColumnHelper } from '../../components/tableFeatures';
import { formatKpiValue, formatNumber } from '../../format';

const column = listColumnHelper<KpiComparisonRow>();

export const comparisonColumnSizes: readonly string[] = ['minmax(14rem, 2fr)', '8rem', '8rem', 'minmax(14rem, 2fr)'];

/** Bar width in percent of the cell for a percentage of target; 150% of target fills the cell. */
const fullBarPercent = 150;

export function buildComparisonColumns(unit: KpiUnit, t: TFunction, locale: string) {
  return [
    column.accessor('providerName', { header: t('controlTower.colProvider'), sortFn: 'text' }),
    column.accessor('result', {
      header: t('controlTower.comparison.colResult'),
      sortFn: 'basic',
      cell: (info) => {
        const value = info.getValue();
        return <span className="cell-numeric">{value === null ? t('controlTower.status.noData') : formatKpiValue(value, unit, locale)}</span>;
      },
    }),
    column.accessor('target', {
      header: t('controlTower.comparison.colTarget'),
      sortFn: 'basic',
      cell: (info) => <span className="cell-numeric">{formatKpiValue(info.getValue(), unit, locale)}</span>,
    }),
    column.accessor((row) => row.percentOfTarget ?? Number.POSITIVE_INFINITY, {
      id: 'percentOfTarget',
      header: t('controlTower.comparison.colPercent'),
      sortFn: 'basic',
      cell: (info) => {
        const row = info.row.original;
        if (row.percentOfTarget === null) {
          return <span className="muted">{row.status === 'noData' ? t('controlTower.status.noData') : t('controlTower.comparison.notComparable')}</span>;
        }
        const width = Math.min(100, (100 * row.percentOfTarget) / fullBarPercent);
        const below = row.percentOfTarget < 100;
        return (
          <span className="comparison-cell">
            <span className="comparison-bar" aria-hidden="true">
              <span className={below ? 'comparison-fill below' : 'comparison-fill'} style={{ width: `${String(width)}%` }} />
              <span className="comparison-target" style={{ left: `${String((100 * 100) / fullBarPercent)}%` }} />
            </span>
            <span className={below ? 'breach' : 'met'}>{t('controlTower.comparison.percent', { value: formatNumber(row.percentOfTarget, locale, 1) })}</span>
          </span>
        );
      },
    }),
  ];
}
