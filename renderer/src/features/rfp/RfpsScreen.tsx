import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DataTable } from '../../components/DataTable';
import { listColumnHelper } from '../../components/tableFeatures';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { NewRfpForm } from './NewRfpForm';
import { buildRfpListRows } from './rfpList';
import type { RfpListRow } from './rfpList';
import { useRfpList } from './useRfpData';

const column = listColumnHelper<RfpListRow>();

function buildColumns(t: TFunction) {
  return [
    column.accessor('title', { header: t('rfp.colTitle'), sortFn: 'text' }),
    column.accessor('phase', { header: t('rfp.colPhase'), cell: (info) => t(`rfp.phases.${info.getValue()}`) }),
    column.accessor((row) => row.issuedOn ?? undefined, {
      id: 'issuedOn',
      header: t('rfp.colIssued'),
      sortUndefined: 'last',
      cell: (info) => info.getValue() ?? <span className="muted">{t('rfp.noDate')}</span>,
    }),
    column.accessor((row) => row.responseDueOn ?? undefined, {
      id: 'responseDueOn',
      header: t('rfp.colResponseDue'),
      sortUndefined: 'last',
      cell: (info) => info.getValue() ?? <span className="muted">{t('rfp.noDate')}</span>,
    }),
    column.accessor('bidderCount', {
      header: t('rfp.colBidders'),
      cell: (info) => <span className="cell-numeric">{info.getValue()}</span>,
    }),
    column.accessor((row) => row.winnerName ?? undefined, {
      id: 'winner',
      header: t('rfp.colWinner'),
      sortUndefined: 'last',
      cell: (info) => info.getValue() ?? <span className="muted">{t('rfp.noWinner')}</span>,
    }),
  ];
}

/** List of the portfolio's RFP events with the form for a new one. */
export function RfpsScreen() {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const data = useRfpList();
  const [creating, setCreating] = useState(false);
  const rows = useMemo(() => (data ? buildRfpListRows(data.events, data.bidders) : []), [data]);
  const columns = useMemo(() => buildColumns(t), [t]);

  return (
    <section aria-labelledby="rfps-title">
      <h1 id="rfps-title">{t('rfp.listTitle')}</h1>
      {creating ? (
        <NewRfpForm
          onCancel={() => {
            setCreating(false);
          }}
          onCreated={(rfpId) => {
            navigate({ name: 'rfp', rfpId, tab: 'setup' });
          }}
        />
      ) : (
        <div className="toolbar">
          <button
            type="button"
            className="button"
            onClick={() => {
              setCreating(true);
            }}
          >
            {t('rfp.newFromTemplate')}
          </button>
        </div>
      )}
      {data === undefined ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <DataTable
          testId="rfp-table"
          label={t('rfp.tableLabel')}
          data={rows}
          columns={columns}
          columnSizes={['minmax(14rem, 2fr)', '8rem', '8rem', '9rem', '6rem', 'minmax(10rem, 1fr)']}
          getRowId={(row) => row.id}
          initialSorting={[{ id: 'title', desc: false }]}
          emptyMessage={t('rfp.none')}
          height="20rem"
          onRowActivate={(row) => {
            navigate({ name: 'rfp', rfpId: row.id, tab: 'setup' });
          }}
        />
      )}
    </section>
  );
}
