import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { OwnerWorkload } from '@shared/governance/workload';
import type { Id, RecordTable } from '@shared/domain/types';
import { userLocale } from '../../locale';
import { selectNavigate, useUiStore } from '../../state/uiStore';
import { loadRecordLookup } from '../audit/auditLookup';
import { recordScreenOf } from '../audit/recordLink';
import { usePortfolioDb } from '../portfolio/portfolioContext';
import { recordLabelOf } from '../sync/recordLabels';
import { describeRecord } from '../sync/recordText';

interface ItemGroup {
  readonly table: Extract<RecordTable, 'actionItems' | 'escalations' | 'risks'>;
  readonly ids: readonly Id[];
}

function itemGroupsOf(row: OwnerWorkload): ItemGroup[] {
  return [
    { table: 'actionItems', ids: row.openActionIds },
    { table: 'escalations', ids: row.openEscalationIds },
    { table: 'risks', ids: row.reviewDueRiskIds },
  ];
}

/** Lists the open items of one owner by kind, each as a link to its record. */
export function WorkloadItems({ row }: { readonly row: OwnerWorkload }) {
  const { t } = useTranslation();
  const db = usePortfolioDb();
  const navigate = useUiStore(selectNavigate);
  const groups = itemGroupsOf(row);
  const lookup = useLiveQuery(
    () =>
      loadRecordLookup(db, (candidate) => {
        for (const group of itemGroupsOf(row)) for (const id of group.ids) recordLabelOf(candidate, group.table, id);
      }),
    [db, row],
  );
  if (lookup === undefined) return <p className="muted">{t('app.loading')}</p>;

  return (
    <div className="workload-items">
      {groups
        .filter((group) => group.ids.length > 0)
        .map((group) => (
          <div key={group.table}>
            <h3>{t(`workload.items.${group.table}`)}</h3>
            <ul>
              {group.ids.map((id) => {
                const name = describeRecord(t, recordLabelOf(lookup, group.table, id), { locale: userLocale });
                const screen = recordScreenOf(lookup, group.table, id);
                return (
                  <li key={id}>
                    {screen === null ? (
                      name
                    ) : (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          navigate(screen);
                        }}
                      >
                        {name}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </div>
  );
}
