import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CalendarDate, Id } from '@shared/domain/types';
import { DataTable } from '../../components/DataTable';
import { listColumnHelper } from '../../components/tableFeatures';
import { describeError } from '../../errorMessage';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import type { PlansView } from '../../state/uiStore';
import { ImportPlanPanel } from './ImportPlanPanel';
import { NewPlanForm } from './NewPlanForm';
import { PlanExportButtons } from './PlanExportButtons';
import { buildPlanRows, planDateText, planOwnerNames, schedulePlans } from './planList';
import type { PlanListRow } from './planList';
import { RoadmapView } from './RoadmapView';
import { usePortfolioPlans } from './usePlanData';
import './plans.css';

const column = listColumnHelper<PlanListRow>();

function dateCell(t: TFunction, value: CalendarDate | undefined) {
  return value === undefined ? <span className="muted">{t('plans.noDate')}</span> : planDateText(value, userLocale);
}

function buildColumns(t: TFunction) {
  return [
    column.accessor('title', { header: t('plans.columns.title'), sortFn: 'text' }),
    column.accessor((row) => row.providerName ?? undefined, {
      id: 'provider',
      header: t('plans.columns.provider'),
      sortUndefined: 'last',
      cell: (info) => info.getValue() ?? <span className="muted">{t('plans.noProvider')}</span>,
    }),
    column.accessor((row) => row.contractTitle ?? undefined, {
      id: 'contract',
      header: t('plans.columns.contract'),
      sortUndefined: 'last',
      cell: (info) =>
        info.getValue() ?? (
          <span className="muted">{info.row.original.contractMissing ? t('plans.contractMissing') : t('plans.noContract')}</span>
        ),
    }),
    column.accessor((row) => row.start ?? undefined, {
      id: 'start',
      header: t('plans.columns.start'),
      sortUndefined: 'last',
      cell: (info) => dateCell(t, info.getValue()),
    }),
    column.accessor((row) => row.finish ?? undefined, {
      id: 'finish',
      header: t('plans.columns.finish'),
      sortUndefined: 'last',
      cell: (info) => dateCell(t, info.getValue()),
    }),
    column.accessor((row) => row.criticalFinish ?? undefined, {
      id: 'criticalFinish',
      header: t('plans.columns.criticalFinish'),
      sortUndefined: 'last',
      cell: (info) => dateCell(t, info.getValue()),
    }),
    column.accessor((row) => row.progress ?? undefined, {
      id: 'progress',
      header: t('plans.columns.progress'),
      sortUndefined: 'last',
      cell: (info) => {
        const row = info.row.original;
        if (row.error !== null) {
          return <span title={describeError(t, row.error.code, row.error.detail)}>{t('plans.unschedulable')}</span>;
        }
        const progress = info.getValue();
        return <span className="cell-numeric">{progress === undefined ? '' : t('units.percent', { value: progress })}</span>;
      },
    }),
  ];
}

type Panel = 'none' | 'new' | 'import';

/**
 * Shows the Transition plans screen: every plan of the portfolio as a list or on the roadmap,
 * with forms to create a plan from the BPO template, import a project file and export a plan.
 */
export function PlansScreen({ view }: { readonly view: PlansView }) {
  const { t } = useTranslation();
  const navigate = useUiStore(selectNavigate);
  const data = usePortfolioPlans();
  const [panel, setPanel] = useState<Panel>('none');
  const [exportId, setExportId] = useState<Id | null>(null);
  const scheduled = useMemo(() => (data === undefined ? [] : schedulePlans(data)), [data]);
  const names = useMemo(() => (data === undefined ? null : planOwnerNames(data.providers, data.contracts)), [data]);
  const rows = useMemo(() => (names === null ? [] : buildPlanRows(scheduled, names)), [scheduled, names]);
  const columns = useMemo(() => buildColumns(t), [t]);
  const open = (planId: Id) => {
    navigate({ name: 'plan', planId });
  };
  const chosenExport = rows.some((row) => row.id === exportId) ? exportId : (rows[0]?.id ?? null);

  return (
    <section aria-labelledby="plans-title">
      <h1 id="plans-title">{t('plans.title')}</h1>
      <div className="toolbar">
        <button
          type="button"
          className="button"
          onClick={() => {
            setPanel('new');
          }}
        >
          {t('plans.newFromTemplate')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setPanel('import');
          }}
        >
          {t('plans.importFile')}
        </button>
      </div>
      {panel === 'new' ? (
        <NewPlanForm
          providerId={null}
          onCancel={() => {
            setPanel('none');
          }}
          onCreated={open}
        />
      ) : null}
      {panel === 'import' ? (
        <ImportPlanPanel
          onOpenPlan={open}
          onClose={() => {
            setPanel('none');
          }}
        />
      ) : null}
      <div className="tabs" role="tablist" aria-label={t('plans.viewsLabel')}>
        {(['list', 'roadmap'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={view === name}
            onClick={() => {
              navigate({ name: 'plans', view: name });
            }}
          >
            {t(`plans.views.${name}`)}
          </button>
        ))}
      </div>
      {data === undefined ? <p className="muted">{t('app.loading')}</p> : null}
      {data !== undefined && view === 'list' ? (
        <>
          <DataTable
            testId="plan-table"
            label={t('plans.tableLabel')}
            data={rows}
            columns={columns}
            columnSizes={['minmax(14rem, 2fr)', 'minmax(10rem, 1fr)', 'minmax(10rem, 1fr)', '8rem', '8rem', '9rem', '7rem']}
            getRowId={(row) => row.id}
            initialSorting={[{ id: 'title', desc: false }]}
            emptyMessage={t('plans.none')}
            height="20rem"
            onRowActivate={(row) => {
              open(row.id);
            }}
          />
          {rows.length > 0 ? (
            <div className="toolbar" data-testid="plan-list-export">
              <label>
                {t('plans.export.planLabel')}
                <select
                  value={chosenExport ?? ''}
                  onChange={(event) => {
                    setExportId(event.target.value);
                  }}
                >
                  {rows.map((row) => (
                    <option key={row.id} value={row.id}>
                      {row.title}
                    </option>
                  ))}
                </select>
              </label>
              <PlanExportButtons planId={chosenExport} />
            </div>
          ) : null}
        </>
      ) : null}
      {names !== null && view === 'roadmap' ? <RoadmapView scheduled={scheduled} names={names} onOpen={open} /> : null}
    </section>
  );
}
