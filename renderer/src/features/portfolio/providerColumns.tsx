/**
 * Column definitions of the Providers table. Numeric columns return `undefined` for missing
 * values so that empty cells sort last in both directions.
 */
import type { TFunction } from 'i18next';
import type { KpiDefinition } from '@shared/domain/types';
import { providerCriticalities, providerLifecycles } from '@shared/forms/providerProfile';
import { listColumnHelper } from '../../components/tableFeatures';
import { formatKpiValue, formatPeriod } from '../../format';
import { kpiName } from '../kpi/kpiName';
import type { ProviderKpiCell, ProviderRow } from './providerRows';

const column = listColumnHelper<ProviderRow>();

/** Months that missed the minimum, or `undefined` (shown as no data, sorted last) without any result. */
function monthsMissed(cell: ProviderKpiCell | undefined): number | undefined {
  return cell === undefined || cell.monthsWithData === 0 ? undefined : cell.monthsBelowMinimum;
}

export function buildProviderColumns(kpis: readonly KpiDefinition[], t: TFunction, locale: string) {
  const kpiColumns = kpis.map((kpi) => {
    const name = kpiName(t, kpi);
    return column.group({
      id: kpi.id,
      header: name,
      columns: column.columns([
        column.accessor((row) => row.byKpi.get(kpi.id)?.latestValue ?? undefined, {
          id: `${kpi.id}:latest`,
          header: t('providers.colLatest'),
          sortUndefined: 'last',
          cell: (info) => {
            const cell = info.row.original.byKpi.get(kpi.id);
            if (!cell || cell.latestValue === null || cell.latestPeriod === null)
              return <span className="muted">{t('providers.noData')}</span>;
            return (
              <span className="cell-numeric">
                {t('providers.latestValue', {
                  value: formatKpiValue(cell.latestValue, kpi.unit, locale),
                  period: formatPeriod(cell.latestPeriod, locale),
                })}
              </span>
            );
          },
        }),
        column.accessor((row) => row.byKpi.get(kpi.id)?.wholePeriodValue ?? undefined, {
          id: `${kpi.id}:whole`,
          header: t('providers.colYear'),
          sortUndefined: 'last',
          cell: (info) => {
            const value = info.getValue();
            return value === undefined ? (
              <span className="muted">{t('providers.noData')}</span>
            ) : (
              <span className="cell-numeric">{formatKpiValue(value, kpi.unit, locale)}</span>
            );
          },
        }),
        column.accessor((row) => monthsMissed(row.byKpi.get(kpi.id)), {
          id: `${kpi.id}:below`,
          header: t('providers.colMonthsBelow'),
          sortUndefined: 'last',
          cell: (info) => {
            const value = info.getValue();
            if (value === undefined) return <span className="muted">{t('providers.noData')}</span>;
            return <span className={value > 0 ? 'cell-numeric breach' : 'cell-numeric met'}>{value}</span>;
          },
        }),
      ]),
    });
  });

  return [
    column.accessor((row) => row.code ?? undefined, {
      id: 'code',
      header: t('providers.colCode'),
      sortUndefined: 'last',
      sortFn: 'alphanumeric',
    }),
    column.accessor('name', {
      header: t('providers.colName'),
      sortFn: 'text',
      cell: (info) => {
        const row = info.row.original;
        return (
          <span
            className="row-link"
            title={
              row.formerNames.length > 0 ? `${row.name} (${t('providers.formerNames', { names: row.formerNames.join(', ') })})` : row.name
            }
          >
            {row.name}
          </span>
        );
      },
    }),
    column.accessor((row) => row.tier ?? undefined, {
      id: 'tier',
      header: t('providerRecord.fields.tier'),
      sortUndefined: 'last',
      cell: (info) => {
        const tier = info.getValue();
        return tier === undefined ? <span className="muted">{t('providerRecord.notRecorded')}</span> : t(`profile.tiers.${tier}`);
      },
    }),
    // Lifecycle and criticality sort in their natural order (prospect to exited, low to high), not alphabetically.
    column.accessor((row) => providerLifecycles.indexOf(row.lifecycle), {
      id: 'lifecycle',
      header: t('providerRecord.fields.lifecycle'),
      cell: (info) => t(`profile.lifecycles.${info.row.original.lifecycle}`),
    }),
    column.accessor((row) => (row.criticality === null ? undefined : providerCriticalities.indexOf(row.criticality)), {
      id: 'criticality',
      header: t('providerRecord.fields.criticality'),
      sortUndefined: 'last',
      cell: (info) => {
        const criticality = info.row.original.criticality;
        return criticality === null ? (
          <span className="muted">{t('providerRecord.notRecorded')}</span>
        ) : (
          t(`profile.criticalities.${criticality}`)
        );
      },
    }),
    ...kpiColumns,
  ];
}

/** CSS grid sizes matching `buildProviderColumns`. */
export function providerColumnSizes(kpiCount: number): string[] {
  return [
    '6rem',
    'minmax(16rem, 2fr)',
    'minmax(9rem, 0.8fr)',
    'minmax(7rem, 0.6fr)',
    'minmax(7rem, 0.6fr)',
    ...Array.from({ length: kpiCount }, () => ['minmax(10rem, 1fr)', 'minmax(8rem, 1fr)', 'minmax(7rem, 0.8fr)']).flat(),
  ];
}
