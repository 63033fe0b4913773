/** Filters of the risk register: provider, status, category, rating, and whether closed risks show. */
import { useTranslation } from 'react-i18next';
import type { Provider } from '@shared/domain/types';
import { riskCategories, riskStatuses } from '@shared/forms/risk';
import { riskRatings } from '@shared/governance/riskMatrix';
import type { RiskFilters } from './riskRows';

interface RiskFilterBarProps {
  readonly filters: RiskFilters;
  readonly providers: readonly Pick<Provider, 'id' | 'name'>[];
  readonly onChange: (filters: RiskFilters) => void;
}

export function RiskFilterBar({ filters, providers, onChange }: RiskFilterBarProps) {
  const { t } = useTranslation();
  const all = t('risks.filters.all');

  return (
    <div className="toolbar risk-filters" role="group" aria-label={t('risks.filters.label')}>
      <label>
        {t('risks.filters.provider')}
        <select
          data-testid="risk-provider-filter"
          value={filters.provider}
          onChange={(event) => {
            onChange({ ...filters, provider: event.target.value });
          }}
        >
          <option value="all">{all}</option>
          <option value="portfolioWide">{t('risks.portfolioWide')}</option>
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('risks.filters.status')}
        <select
          data-testid="risk-status-filter"
          value={filters.status}
          onChange={(event) => {
            onChange({ ...filters, status: event.target.value as RiskFilters['status'] });
          }}
        >
          <option value="all">{all}</option>
          {riskStatuses.map((status) => (
            <option key={status} value={status}>
              {t(`profile.riskStatuses.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('risks.filters.category')}
        <select
          data-testid="risk-category-filter"
          value={filters.category}
          onChange={(event) => {
            onChange({ ...filters, category: event.target.value as RiskFilters['category'] });
          }}
        >
          <option value="all">{all}</option>
          {riskCategories.map((category) => (
            <option key={category} value={category}>
              {t(`profile.riskCategories.${category}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('risks.filters.rating')}
        <select
          data-testid="risk-rating-filter"
          value={filters.rating}
          onChange={(event) => {
            onChange({ ...filters, rating: event.target.value as RiskFilters['rating'] });
          }}
        >
          <option value="all">{all}</option>
          {riskRatings.map((rating) => (
            <option key={rating} value={rating}>
              {t(`governance.riskRating.${rating}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={filters.showClosed}
          onChange={(event) => {
            onChange({ ...filters, showClosed: event.target.checked });
          }}
        />
        {t('risks.filters.showClosed')}
      </label>
    </div>
  );
}
