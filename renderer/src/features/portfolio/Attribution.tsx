import { useTranslation } from 'react-i18next';
import type { KpiDefinition } from '@shared/domain/types';

/** Shows the source and licence of bundled data whenever a portfolio uses it. */
export function Attribution({ kpis }: { readonly kpis: readonly KpiDefinition[] }) {
  const { t } = useTranslation();
  if (!kpis.some((kpi) => kpi.key.startsWith('nhs111.'))) return null;
  return (
    <footer className="attribution" aria-label={t('attribution.title')}>
      {t('attribution.nhs111')}
    </footer>
  );
}
