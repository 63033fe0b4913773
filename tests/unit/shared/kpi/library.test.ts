import { describe, expect, test } from 'vitest';
import { kindRules } from '../../../../shared/kpi/kpiSchema';
import { findLibraryKpi, isLibraryKey, kpiLibrary, libraryKeyPrefix, libraryKpiData, libraryTextKey } from '../../../../shared/kpi/library';
import type { LibraryKpi } from '../../../../shared/kpi/library';
import { en } from '../../../../renderer/src/i18n/en';

/** The KPIs that a VMO's library must contain, by key. */
const requiredKeys = [
  'library.serviceLevel',
  'library.averageSpeedOfAnswer',
  'library.abandonmentRate',
  'library.firstContactResolution',
  'library.customerSatisfaction',
  'library.averageHandleTime',
  'library.occupancy',
  'library.backOfficeAccuracy',
  'library.ticketResolutionTime',
  'library.backlog',
];

const entries = kpiLibrary.map((entry) => [entry.key, entry] as const);

/** Reads a dotted path such as `kpiLibrary.backlog.name` from the English resources. */
function englishText(path: string): unknown {
  let node: unknown = en;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Checks that `value` lies in the range a result in `unit` can take. */
function inUnitRange(value: number, unit: LibraryKpi['unit']): boolean {
  if (!Number.isFinite(value) || value < 0) return false;
  return unit !== 'percent' || value <= 100;
}

describe('KPI library contents', () => {
  test.each(requiredKeys)('%s is in the library', (key) => {
    expect(findLibraryKpi(key)?.key).toBe(key);
  });

  test('keys are unique', () => {
    const keys = kpiLibrary.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test.each(entries)('%s has the library prefix', (key) => {
    expect(key.startsWith(libraryKeyPrefix)).toBe(true);
    expect(isLibraryKey(key)).toBe(true);
  });
});

describe('KPI library consistency', () => {
  test.each(entries)('%s unit fits its kind', (_key, entry) => {
    expect(kindRules[entry.kind].units).toContain(entry.unit);
  });

  test.each(entries)('%s aggregation fits its kind', (_key, entry) => {
    expect(kindRules[entry.kind].aggregations).toContain(entry.aggregation);
  });

  test.each(entries)('%s target lies in its unit range', (_key, entry) => {
    const target = entry.typicalTarget;
    if (target === null) return;
    expect(inUnitRange(target.expected, entry.unit)).toBe(true);
    if (target.minimum !== null) expect(inUnitRange(target.minimum, entry.unit)).toBe(true);
  });

  test.each(entries)('%s minimum is no better than expected', (_key, entry) => {
    const target = entry.typicalTarget;
    if (target === null || target.minimum === null) return;
    if (entry.direction === 'higherIsBetter') expect(target.minimum).toBeLessThanOrEqual(target.expected);
    else expect(target.minimum).toBeGreaterThanOrEqual(target.expected);
  });

  test('only volume-bound counts lack a target', () => {
    const withoutTarget = kpiLibrary.filter((entry) => entry.typicalTarget === null);
    expect(withoutTarget.map((entry) => entry.key)).toEqual(['library.backlog']);
    for (const entry of withoutTarget) expect(entry.kind).toBe('count');
  });

  test('service level follows the 80/20 convention', () => {
    expect(findLibraryKpi('library.serviceLevel')?.typicalTarget).toEqual({ expected: 80, minimum: null });
  });

  test('backlog shows its last month', () => {
    expect(findLibraryKpi('library.backlog')?.aggregation).toBe('last');
  });
});

describe('KPI library text', () => {
  test.each(entries)('%s has a name, definition and source in English', (_key, entry) => {
    for (const part of ['name', 'definition', 'source'] as const) {
      const text = englishText(libraryTextKey(entry.key, part));
      expect(typeof text, `${entry.key} ${part}`).toBe('string');
      expect(String(text).trim().length, `${entry.key} ${part}`).toBeGreaterThan(0);
    }
  });

  test.each(entries)('%s source mentions contracts', (_key, entry) => {
    const source = String(englishText(libraryTextKey(entry.key, 'source')));
    expect(source).toMatch(/contract/u);
  });

  test('English names are distinct', () => {
    const names = kpiLibrary.map((entry) => englishText(libraryTextKey(entry.key, 'name')));
    expect(new Set(names).size).toBe(names.length);
  });

  test('English text has no entry without a library KPI', () => {
    const textKeys = Object.keys(en.kpiLibrary).map((name) => `${libraryKeyPrefix}${name}`);
    expect(textKeys.sort()).toEqual(kpiLibrary.map((entry) => entry.key).sort());
  });

  test('text key drops the prefix', () => {
    expect(libraryTextKey('library.occupancy', 'source')).toBe('kpiLibrary.occupancy.source');
  });
});

describe('library lookups', () => {
  test('unknown key is not found', () => {
    expect(findLibraryKpi('library.noSuchKpi')).toBeUndefined();
    expect(findLibraryKpi('nhs111.abandonedCalls')).toBeUndefined();
  });

  test('preset and custom keys are not library keys', () => {
    expect(isLibraryKey('nhs111.abandonedCalls')).toBe(false);
    expect(isLibraryKey('custom.backlog')).toBe(false);
  });

  test('record data copies the entry', () => {
    const entry = findLibraryKpi('library.averageHandleTime');
    if (entry === undefined) throw new Error('average handle time is missing');
    const data = libraryKpiData(entry, { name: 'Average handle time', description: 'Mean time per contact.' });
    expect(data).toEqual({
      key: 'library.averageHandleTime',
      name: 'Average handle time',
      description: 'Mean time per contact.',
      unit: 'seconds',
      direction: 'lowerIsBetter',
      kind: 'duration',
      aggregation: 'mean',
    });
  });
});
