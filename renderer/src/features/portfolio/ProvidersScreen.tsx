import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { userLocale } from '../../locale';
import { DataTable } from '../../components/DataTable';
import {
  selectNavigate,
  selectProviderFilter,
  selectProviderSearch,
  selectSetProviderFilter,
  selectSetProviderSearch,
  useUiStore,
} from '../../state/uiStore';
import { AddProviderForm } from '../providerRecord/AddProviderForm';
import { buildProviderColumns, providerColumnSizes } from './providerColumns';
import { buildProviderRows, filterProviderRows, levelledKpis } from './providerRows';
import type { ProviderFilter } from './providerRows';
import type { PortfolioData } from './usePortfolioData';

const filters: readonly ProviderFilter[] = ['all', 'breached', 'met'];

export function ProvidersScreen({ data }: { readonly data: PortfolioData }) {
  const { t } = useTranslation();
  const search = useUiStore(selectProviderSearch);
  const filter = useUiStore(selectProviderFilter);
  const setSearch = useUiStore(selectSetProviderSearch);
  const setFilter = useUiStore(selectSetProviderFilter);
  const navigate = useUiStore(selectNavigate);

  const kpis = useMemo(() => levelledKpis(data), [data]);
  const rows = useMemo(() => buildProviderRows(data), [data]);
  const visibleRows = useMemo(() => filterProviderRows(rows, search, filter), [rows, search, filter]);
  const columns = useMemo(() => buildProviderColumns(kpis, t, userLocale), [kpis, t]);

  const filterLabels: Record<ProviderFilter, string> = {
    all: t('providers.filterAll'),
    breached: t('providers.filterBreached'),
    met: t('providers.filterMet'),
  };

  return (
    <section aria-labelledby="providers-title">
      <h1 id="providers-title">{t('providers.title')}</h1>
      <div className="toolbar">
        <label>
          {t('providers.search')}
          <input
            type="search"
            value={search}
            placeholder={t('providers.searchPlaceholder')}
            onChange={(event) => {
              setSearch(event.target.value);
            }}
          />
        </label>
        <label>
          {t('providers.filterLabel')}
          <select
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value as ProviderFilter);
            }}
          >
            {filters.map((value) => (
              <option key={value} value={value}>
                {filterLabels[value]}
              </option>
            ))}
          </select>
        </label>
        <p className="muted" role="status" data-testid="provider-count">
          {t('providers.count', { count: visibleRows.length })}
        </p>
        <button
          type="button"
          className="button toolbar-end"
          onClick={() => {
            // An import started from the provider list most likely adds providers. The empty portfolio's import starts with measurements.
            navigate({ name: 'import', kind: 'providersContracts' });
          }}
        >
          {t('empty.importCsv')}
        </button>
        <AddProviderForm />
      </div>
      <DataTable
        testId="providers-table"
        label={t('providers.tableLabel')}
        data={visibleRows}
        columns={columns}
        columnSizes={providerColumnSizes(kpis.length)}
        getRowId={(row) => row.id}
        initialSorting={[{ id: 'name', desc: false }]}
        emptyMessage={t('providers.noMatch')}
        activateHint={t('providers.openHint')}
        onRowActivate={(row) => {
          navigate({ name: 'provider', providerId: row.id });
        }}
      />
    </section>
  );
}
