import { providerProfileDefaults } from '../../../../../../shared/domain/profileDefaults';
import { describe, expect, it } from 'vitest';
import type { KpiDefinition, Measurement, Provider, ServiceLevel } from '../../../../../../shared/domain/types';
import { reportedLevelTerms } from '../../../../../../shared/domain/serviceTerms';
import {
  defaultRange,
  gridPeriods,
  gridRows,
  isCellBreach,
  parseCell,
  parsePastedBlock,
} from '../../../../../../renderer/src/features/measurements/gridModel';

const sync = { clock: 'c', fieldClocks: {} };
const answered: KpiDefinition = {
  ...sync,
  id: 'kpi-answered',
  key: 'answered',
  name: 'Answered',
  description: '',
  unit: 'percent',
  direction: 'higherIsBetter',
  kind: 'ratio',
  aggregation: 'ratioOfSums',
};
const handleTime: KpiDefinition = {
  ...answered,
  id: 'kpi-aht',
  key: 'aht',
  name: 'Handle time',
  unit: 'seconds',
  direction: 'lowerIsBetter',
  kind: 'duration',
  aggregation: 'mean',
};
const backlog: KpiDefinition = {
  ...answered,
  id: 'kpi-backlog',
  key: 'backlog',
  name: 'Backlog',
  unit: 'number',
  kind: 'count',
  direction: 'lowerIsBetter',
  aggregation: 'last',
};
const north: Provider = { ...sync, id: 'p-north', code: 'N', name: 'North', formerNames: [], ...providerProfileDefaults };
const south: Provider = { ...sync, id: 'p-south', code: 'S', name: 'South', formerNames: [], ...providerProfileDefaults };
const level: ServiceLevel = {
  ...sync,
  ...reportedLevelTerms,
  id: 'level-1',
  providerId: north.id,
  kpiId: answered.id,
  contractId: null,
  expected: 95,
  minimum: 90,
  goLive: '2025-01',
  glidePath: [{ month: 1, expected: 80, minimum: 70 }],
};

function measurement(providerId: string, kpiId: string, period: string, value: number | null): Measurement {
  return {
    ...sync,
    id: `${providerId}-${kpiId}-${period}`,
    providerId,
    kpiId,
    period,
    value,
    numerator: null,
    denominator: null,
    sourceFile: null,
  };
}

const data = {
  providers: [north, south],
  kpis: [answered, handleTime],
  serviceLevels: [level],
  measurements: [measurement(north.id, handleTime.id, '2025-03', 300), measurement(south.id, answered.id, '2025-06', 91)],
};

describe('gridRows', () => {
  it('lists a provider’s levels first, then reported KPIs', () => {
    const rows = gridRows(data, { by: 'provider', providerId: north.id }, (kpi) => kpi.name);
    expect(rows.map((row) => [row.kpi.key, row.level?.id ?? null])).toEqual([
      ['answered', 'level-1'],
      ['aht', null],
    ]);
  });

  it('lists the providers of one KPI', () => {
    const rows = gridRows(data, { by: 'kpi', kpiId: answered.id }, (kpi) => kpi.name);
    expect(rows.map((row) => row.provider.name)).toEqual(['North', 'South']);
  });
});

describe('defaultRange', () => {
  it('ends at the latest month with data', () => {
    const rows = gridRows(data, { by: 'provider', providerId: north.id }, (kpi) => kpi.name);
    expect(defaultRange(rows, data.measurements, '2030-01')).toEqual({ from: '2024-04', to: '2025-03' });
  });

  it('ends at today without data', () => {
    expect(defaultRange([], data.measurements, '2026-02')).toEqual({ from: '2025-03', to: '2026-02' });
  });
});

describe('gridPeriods', () => {
  it('lists the months of a range', () => {
    expect(gridPeriods('2025-11', '2026-01')).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('names an invalid, reversed or long range', () => {
    expect(gridPeriods('', '2026-01')).toBe('invalid');
    expect(gridPeriods('2026-02', '2026-01')).toBe('reversed');
    expect(gridPeriods('2020-01', '2025-12')).toBe('tooLong');
  });
});

describe('parseCell', () => {
  it('reads empty text as no data, never 0', () => {
    expect(parseCell('  ', answered, '.')).toEqual({ ok: true, value: null });
  });

  it('reads numbers and percent signs', () => {
    expect(parseCell('94.5', answered, '.')).toEqual({ ok: true, value: 94.5 });
    expect(parseCell('94.5%', answered, '.')).toEqual({ ok: true, value: 94.5 });
    expect(parseCell('1,234', backlog, '.')).toEqual({ ok: true, value: 1234 });
  });

  it('reads a decimal comma where the locale uses one', () => {
    expect(parseCell('94,5', answered, ',')).toEqual({ ok: true, value: 94.5 });
    expect(parseCell('94,5', answered, '.')).toEqual({ ok: false, problem: 'notNumber' });
    expect(parseCell('1.234,5', backlog, ',')).toEqual({ ok: true, value: 1234.5 });
    expect(parseCell('-21.419,06', backlog, ',')).toEqual({ ok: false, problem: 'negative' });
  });

  it('reads durations for a seconds KPI', () => {
    expect(parseCell('5:30', handleTime, '.')).toEqual({ ok: true, value: 330 });
    expect(parseCell('330', handleTime, '.')).toEqual({ ok: true, value: 330 });
  });

  it('rejects text, out-of-range percentages and negative counts', () => {
    expect(parseCell('ninety', answered, '.')).toEqual({ ok: false, problem: 'notNumber' });
    expect(parseCell('101', answered, '.')).toEqual({ ok: false, problem: 'outsidePercent' });
    expect(parseCell('-3', backlog, '.')).toEqual({ ok: false, problem: 'negative' });
    expect(parseCell('12%', backlog, '.')).toEqual({ ok: false, problem: 'notNumber' });
  });
});

describe('isCellBreach', () => {
  const row = { providerId: north.id, kpi: answered, provider: north, level };

  it('uses the glide path minimum after go-live', () => {
    expect(isCellBreach(row, '2025-01', 75)).toBe(false);
    expect(isCellBreach(row, '2025-01', 65)).toBe(true);
  });

  it('uses the steady minimum after the glide path', () => {
    expect(isCellBreach(row, '2025-02', 85)).toBe(true);
    expect(isCellBreach(row, '2025-02', 92)).toBe(false);
  });

  it('never flags an empty cell or a reported KPI', () => {
    expect(isCellBreach(row, '2025-02', null)).toBe(false);
    expect(isCellBreach({ ...row, level: null }, '2025-02', 10)).toBe(false);
  });
});

describe('parsePastedBlock', () => {
  it('splits lines and tabs, dropping the final line break', () => {
    expect(parsePastedBlock('91.2\t92\r\n93\t\r\n')).toEqual([
      ['91.2', '92'],
      ['93', ''],
    ]);
  });
});
