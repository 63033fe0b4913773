/** Column definitions of the Dashboard's breach table: provider, KPI, month, result, minimum, shortfall. */
import type { TFunction } from 'i18next';
import type { BreachRow } from '@shared/domain/kpiBreaches';
import type { KpiDefinition } from '@shared/domain/types';
import { listColumnHelper } from '../../components/tableFeatures';
import { formatKpiValue, formatPeriod } from '../../format';
import { kpiName } from '../kpi/kpiName';

const column = listColumnHelper<BreachRow>();

export const breachColumnSizes: readonly string[] = ['minmax(16rem, 2fr)', 'minmax(14rem, 1.5fr)', '8rem', '8rem', '9rem', '9rem'];

export function buildBreachColumns(kpis: ReadonlyMap<string, KpiDefinition>, t: TFunction, locale: string) {
  // One formatter for every row, because building an `Intl.NumberFormat` costs far more than formatting with it.
  const shortfallFormat = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const format = (row: BreachRow, value: number) => {
    const kpi = kpis.get(row.kpiId);
    return kpi ? formatKpiValue(value, kpi.unit, locale) : String(value);
  };
  return [
    column.accessor('providerName', { header: t('dashboard.colProvider'), sortFn: 'text' }),
    column.accessor(
      (row) => {
        const kpi = kpis.get(row.kpiId);
        return kpi ? kpiName(t, kpi) : row.kpiName;
      },
      { id: 'kpi', header: t('dashboard.colKpi'), sortFn: 'text' },
    ),
    column.accessor('period', {
      header: t('dashboard.colPeriod'),
      sortFn: 'alphanumeric',
      cell: (info) => formatPeriod(info.getValue(), locale),
    }),
    column.accessor('value', {
      header: t('dashboard.colValue'),
      sortFn: 'basic',
      cell: (info) => <span className="cell-numeric breach">{format(info.row.original, info.getValue())}</span>,
    }),
    column.accessor('minimum', {
      header: t('dashboard.colMinimum'),
      sortFn: 'basic',
      cell: (info) => <span className="cell-numeric">{format(info.row.original, info.getValue())}</span>,
    }),
    column.accessor('shortfall', {
      header: t('dashboard.colShortfall'),
      sortFn: 'basic',
      cell: (info) => <span className="cell-numeric">{shortfallFormat.format(info.getValue())}</span>,
    }),
  ];
}
