import type { TFunction } from 'i18next';

/**
 * Translates a key built from data (an error code, a KPI key), which the typed `t` cannot check
 * at compile time. Unit tests check that every such key the app builds has a translation.
 */
export function translateDynamic(t: TFunction, key: string, options: Readonly<Record<string, string | number>> = {}): string {
  const translate = t as unknown as (key: string, options: Readonly<Record<string, string | number>>) => string;
  return translate(key, options);
}
