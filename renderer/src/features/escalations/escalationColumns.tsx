/** Column definitions of the escalations table: provider, KPI, month opened, level, status, owner, due date, age. */
import type { TFunction } from 'i18next';
import { listColumnHelper } from '../../components/tableFeatures';
import { formatPeriod } from '../../format';
import type { EscalationRow } from './escalationView';
import { formatCalendarDate, levelName } from './escalationView';

const column = listColumnHelper<EscalationRow>();

export const escalationColumnSizes: readonly string[] = [
  'minmax(14rem, 2fr)',
  'minmax(12rem, 1.5fr)',
  '8rem',
  '13rem',
  '6rem',
  'minmax(8rem, 1fr)',
  '9rem',
  '6rem',
];

export function buildEscalationColumns(t: TFunction, locale: string) {
  return [
    column.accessor('providerName', { header: t('escalations.columns.provider'), sortFn: 'text' }),
    column.accessor('kpiName', { header: t('escalations.columns.kpi'), sortFn: 'text' }),
    column.accessor('openedPeriod', {
      header: t('escalations.columns.openedPeriod'),
      sortFn: 'alphanumeric',
      cell: (info) => formatPeriod(info.getValue(), locale),
    }),
    column.accessor('level', {
      header: t('escalations.columns.level'),
      sortFn: 'basic',
      cell: (info) => (
        <span className={`escalation-level level-${String(info.getValue())}`}>
          {t('escalations.levelLabel', { level: info.getValue(), name: levelName(t, info.getValue()) })}
        </span>
      ),
    }),
    column.accessor('status', {
      header: t('escalations.columns.status'),
      sortFn: 'text',
      cell: (info) => t(`escalations.statuses.${info.getValue()}`),
    }),
    column.accessor('owner', {
      header: t('escalations.columns.owner'),
      sortFn: 'text',
      cell: (info) => (info.getValue() === '' ? <span className="muted">{t('escalations.noOwner')}</span> : info.getValue()),
    }),
    column.accessor('dueDate', {
      header: t('escalations.columns.dueDate'),
      sortFn: 'alphanumeric',
      cell: (info) =>
        info.row.original.overdue ? (
          <span className="overdue">
            {formatCalendarDate(info.getValue(), locale)} <span className="visually-hidden">{t('escalations.overdue')}</span>
            <span aria-hidden="true">⚠</span>
          </span>
        ) : (
          formatCalendarDate(info.getValue(), locale)
        ),
    }),
    column.accessor('ageDays', {
      header: t('escalations.columns.age'),
      sortFn: 'basic',
      cell: (info) => <span className="cell-numeric">{t('escalations.ageDays', { count: info.getValue() })}</span>,
    }),
  ];
}
