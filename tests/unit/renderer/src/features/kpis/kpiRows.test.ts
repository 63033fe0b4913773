import { describe, expect, test } from 'vitest';
import type { KpiDefinition } from '../../../../../../shared/domain/types';
import { kpiLibrary } from '../../../../../../shared/kpi/library';
import { kpiOrigin, libraryRows, portfolioKpiRows, takenKpiNames } from '../../../../../../renderer/src/features/kpis/kpiRows';

function kpi(id: string, key: string, name: string): KpiDefinition {
  return {
    id,
    clock: 'c',
    fieldClocks: {},
    key,
    name,
    description: '',
    unit: 'percent',
    direction: 'higherIsBetter',
    kind: 'ratio',
    aggregation: 'ratioOfSums',
  };
}

const serviceLevel = kpi('k1', 'library.serviceLevel', 'Niveau de service');
const abandoned = kpi('k2', 'nhs111.abandonedCalls', 'Calls abandoned');
const custom = kpi('k3', 'custom.backlog-age', 'backlog age');

/** Shows the translated name for library KPIs, as `kpiName` does, and the stored one otherwise. */
const nameOf = (record: KpiDefinition) => (record.key === 'library.serviceLevel' ? 'Service level' : record.name);

describe('kpiOrigin', () => {
  test('library key', () => {
    expect(kpiOrigin('library.backlog')).toBe('library');
  });

  test('built-in preset key', () => {
    expect(kpiOrigin('nhs111.answeredWithin60s')).toBe('preset');
  });

  test('custom key', () => {
    expect(kpiOrigin('custom.backlog-age')).toBe('user');
  });

  test('key of a removed preset', () => {
    expect(kpiOrigin('oldpreset.calls')).toBe('user');
  });
});

describe('portfolioKpiRows', () => {
  const usage = new Map([
    ['k2', { serviceLevels: 46, measurements: 552 }],
    ['k3', { serviceLevels: 0, measurements: 0 }],
  ]);
  const rows = portfolioKpiRows([serviceLevel, abandoned, custom], usage, nameOf, 'en-GB');

  test('sorts by shown name ignoring case', () => {
    expect(rows.map((row) => row.name)).toEqual(['backlog age', 'Calls abandoned', 'Service level']);
  });

  test('marks origin', () => {
    expect(rows.map((row) => row.origin)).toEqual(['user', 'preset', 'library']);
  });

  test('a used KPI is not deletable', () => {
    const row = rows.find((candidate) => candidate.kpi.id === 'k2');
    expect(row?.usage).toEqual({ serviceLevels: 46, measurements: 552 });
    expect(row?.deletable).toBe(false);
  });

  test('a KPI missing from usage is unused', () => {
    const row = rows.find((candidate) => candidate.kpi.id === 'k1');
    expect(row?.usage).toEqual({ serviceLevels: 0, measurements: 0 });
    expect(row?.deletable).toBe(true);
  });
});

describe('libraryRows', () => {
  test('lists the whole library in order', () => {
    expect(libraryRows([]).map((row) => row.entry.key)).toEqual(kpiLibrary.map((entry) => entry.key));
  });

  test('marks added entries with their KPI', () => {
    const rows = libraryRows([serviceLevel, abandoned, custom]);
    expect(rows.find((row) => row.entry.key === 'library.serviceLevel')?.addedKpiId).toBe('k1');
    expect(rows.filter((row) => row.addedKpiId !== null)).toHaveLength(1);
  });
});

describe('takenKpiNames', () => {
  test('lists stored and shown names', () => {
    expect(takenKpiNames([serviceLevel, custom], nameOf)).toEqual(['Niveau de service', 'Service level', 'backlog age', 'backlog age']);
  });

  test('leaves out the renamed KPI', () => {
    expect(takenKpiNames([serviceLevel, custom], nameOf, 'k3')).toEqual(['Niveau de service', 'Service level']);
  });
});
