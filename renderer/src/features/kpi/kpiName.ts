import type { TFunction } from 'i18next';
import type { KpiDefinition } from '@shared/domain/types';
import { isLibraryKey, libraryTextKey } from '@shared/kpi/library';
import { translateDynamic } from '../../i18n/dynamic';

/**
 * Returns the KPI's name in the user's language: the library's name under
 * `kpiLibrary.<name>.name` for a KPI added from the KPI library, the translation under
 * `kpi.<key>` for a preset's KPI, else the name the user gave it.
 */
export function kpiName(t: TFunction, kpi: Pick<KpiDefinition, 'key' | 'name'>): string {
  const translationKey = isLibraryKey(kpi.key) ? libraryTextKey(kpi.key, 'name') : `kpi.${kpi.key}`;
  return translateDynamic(t, translationKey, { defaultValue: kpi.name });
}
