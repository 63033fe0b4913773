import type { TFunction } from 'i18next';
import type { KpiDefinition } from '@shared/domain/types';
import { translateDynamic } from '../../i18n/dynamic';

/**
 * Returns the KPI's name in the user's language: the translation under `kpi.<key>` when the
 * app ships one (built-in KPIs), else the name the user gave it.
 */
export function kpiName(t: TFunction, kpi: Pick<KpiDefinition, 'key' | 'name'>): string {
  return translateDynamic(t, `kpi.${kpi.key}`, { defaultValue: kpi.name });
}
