/** Column definitions of the risk register: title, category, provider, scores, rating, owner, status and review date. */
import type { TFunction } from 'i18next';
import type { CalendarDate } from '@shared/domain/types';
import { ratingOfScore } from '@shared/governance/riskMatrix';
import { listColumnHelper } from '../../components/tableFeatures';
import type { RiskRow } from './riskRows';

const column = listColumnHelper<RiskRow>();

/**
 * CSS grid sizes matching `buildRiskColumns`. The fixed columns fit their header in English with
 * a sort arrow, such as "Likelihood ▲". The minimums add up to 80rem (1,200 px at the app's 15 px
 * font), so the register fits a 1280 px wide window without cutting a header.
 */
export const riskColumnSizes: readonly string[] = [
  'minmax(13rem, 3fr)',
  'minmax(8.5rem, 1fr)',
  'minmax(9rem, 1.5fr)',
  '7.5rem',
  '6rem',
  '5.5rem',
  '6rem',
  'minmax(7rem, 1fr)',
  '7.5rem',
  '10rem',
];

export function buildRiskColumns(t: TFunction, formatDate: (date: CalendarDate) => string) {
  return [
    column.accessor('title', {
      header: t('risks.columns.title'),
      sortFn: 'text',
      cell: (info) => {
        const row = info.row.original;
        if (row.source === 'stored') return row.title;
        return (
          <span>
            {row.title} <span className="kind-badge risk-raised">{t('governance.certificationRisks.raisedBy')}</span>
            {row.recordedAs === null ? null : <span className="kind-badge">{t('risks.recordedBadge')}</span>}
          </span>
        );
      },
    }),
    column.accessor('category', {
      header: t('risks.columns.category'),
      sortFn: 'text',
      cell: (info) => t(`profile.riskCategories.${info.getValue()}`),
    }),
    column.accessor('providerName', { header: t('risks.columns.provider'), sortFn: 'text' }),
    column.accessor('likelihood', { header: t('risks.columns.likelihood'), sortFn: 'basic' }),
    column.accessor('impact', { header: t('risks.columns.impact'), sortFn: 'basic' }),
    column.accessor('score', { header: t('risks.columns.score'), sortFn: 'basic' }),
    column.accessor('score', {
      id: 'rating',
      header: t('risks.columns.rating'),
      sortFn: 'basic',
      cell: (info) => {
        const rating = ratingOfScore(info.getValue());
        return <span className={`risk-rating rating-${rating}`}>{t(`governance.riskRating.${rating}`)}</span>;
      },
    }),
    column.accessor((row) => (row.owner === '' ? undefined : row.owner), {
      id: 'owner',
      header: t('risks.columns.owner'),
      sortFn: 'text',
      sortUndefined: 'last',
      cell: (info) => info.getValue() ?? <span className="muted">{t('risks.noOwner')}</span>,
    }),
    column.accessor('status', {
      header: t('risks.columns.status'),
      sortFn: 'text',
      cell: (info) => t(`profile.riskStatuses.${info.getValue()}`),
    }),
    column.accessor((row) => row.reviewDate ?? undefined, {
      id: 'reviewDate',
      header: t('risks.columns.reviewDate'),
      sortFn: 'alphanumeric',
      sortUndefined: 'last',
      cell: (info) => {
        const row = info.row.original;
        if (row.reviewDate === null) return <span className="muted">{t('risks.noReview')}</span>;
        if (row.review === null) return formatDate(row.reviewDate);
        return (
          <span className={row.review === 'overdue' ? 'overdue' : 'review-due'}>
            {formatDate(row.reviewDate)} <span className="review-marker">{t(row.review === 'overdue' ? 'risks.reviewOverdue' : 'risks.reviewDue')}</span>
          </span>
        );
      },
    }),
  ];
}
