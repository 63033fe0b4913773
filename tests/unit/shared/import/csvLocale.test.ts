/** Number locale and delimiter of CSV files: detection, overrides and the values they give. */
import { describe, expect, test } from 'vitest';
import type { KpiDefinitionData } from '../../../../shared/domain/types';
import { parseCsv } from '../../../../shared/import/csv';
import { buildImportPlan } from '../../../../shared/import/mapping';
import type { CsvTable, ImportPlan, MappingPreset } from '../../../../shared/import/types';
import type { ParseCsvOptions } from '../../../../shared/import/csv';
import { readCsvFixture } from './fixtures';

const ratio: KpiDefinitionData = {
  key: 'test.resolution',
  name: 'Resolution',
  description: '',
  unit: 'percent',
  direction: 'higherIsBetter',
  kind: 'ratio',
  aggregation: 'ratioOfSums',
};
const satisfaction: KpiDefinitionData = { ...ratio, key: 'test.csat', kind: 'value', aggregation: 'mean' };
const backlog: KpiDefinitionData = { ...ratio, key: 'test.backlog', unit: 'number', kind: 'value', aggregation: 'mean' };

const preset: MappingPreset = {
  id: 'test',
  name: 'Test',
  builtIn: false,
  mapping: {
    providerCode: 'Supplier ID',
    providerName: 'Supplier',
    period: 'Month',
    kpis: [
      { kpiKey: ratio.key, source: { kind: 'ratio', numerator: 'Resolved first time', denominator: 'Contacts' } },
      { kpiKey: satisfaction.key, source: { kind: 'value', column: 'CSAT' } },
      { kpiKey: backlog.key, source: { kind: 'value', column: 'Backlog' } },
    ],
  },
  kpis: [ratio, satisfaction, backlog],
  serviceLevels: [],
  sourceNote: null,
};

function tableOf(options: ParseCsvOptions = {}): CsvTable {
  const result = parseCsv(readCsvFixture('decimal_comma.csv'), 'decimal_comma.csv', options);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function valuesOf(plan: ImportPlan, kpiKey: string): (number | null)[] {
  return plan.measurements.filter((measurement) => measurement.kpiKey === kpiKey).map((measurement) => measurement.value);
}

describe('decimal_comma.csv as detected', () => {
  const table = tableOf();
  const plan = buildImportPlan(table, preset);

  test('semicolon delimiter detected', () => {
    expect([table.delimiter, table.detectedDelimiter]).toEqual([';', ';']);
  });

  test('decimal comma detected from cells', () => {
    expect(table.detectedNumberLocale).toEqual({ locale: 'comma', basis: 'cells' });
  });

  test('imports without issues', () => {
    expect(plan.issues).toEqual([]);
  });

  test('backlog reads European numbers', () => {
    expect(valuesOf(plan, backlog.key)).toEqual([312.5, 1234.5, -21_419.06, 2048.75]);
  });

  test('percent strings read as percentages', () => {
    expect(valuesOf(plan, satisfaction.key)).toEqual([94.01, 92.5, 88, 91.2]);
  });

  test('grouped denominators read as thousands', () => {
    expect(valuesOf(plan, ratio.key).slice(0, 2)).toEqual([81.2, 79]);
  });
});

describe('decimal_comma.csv with overrides', () => {
  test('point locale reports the comma cells', () => {
    const table = tableOf({ numberLocale: 'point' });
    expect(table.numberReading).toEqual({ locale: 'point', rejectAmbiguous: false });
    const plan = buildImportPlan(table, preset);
    const invalid = plan.issues.filter((issue) => issue.code === 'csv.invalidNumber').map((issue) => `${String(issue.row)} ${issue.column ?? ''}`);
    expect(invalid).toContain('2 Backlog');
    expect(invalid).toContain('2 CSAT');
  });

  test('point locale reads 1.000 as one', () => {
    const plan = buildImportPlan(tableOf({ numberLocale: 'point' }), preset);
    expect(plan.measurements.find((measurement) => measurement.kpiKey === ratio.key && measurement.row === 2)).toMatchObject({ denominator: 1 });
  });

  test('comma delimiter splits another header', () => {
    const table = tableOf({ delimiter: ',' });
    expect(table.detectedDelimiter).toBe(';');
    expect(table.header).toHaveLength(1);
  });

  test('detected values come back without overrides', () => {
    expect(tableOf({}).numberReading).toEqual({ locale: 'comma', rejectAmbiguous: false });
  });
});

describe('semicolon file with only ambiguous numbers', () => {
  const text = 'Supplier ID;Supplier;Month;Resolved first time;Contacts;CSAT;Avg handle time;Backlog\nS-01;Acme;2015-04;1;2;3;00:01:00;1,204\n';
  const bytes = new TextEncoder().encode(text);

  test('1,204 is reported as ambiguous', () => {
    const result = parseCsv(bytes, 'ambiguous.csv');
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const plan = buildImportPlan(result.value, preset);
    expect(plan.issues.map((issue) => [issue.code, issue.column, issue.detail.reason])).toEqual([['csv.invalidNumber', 'Backlog', 'ambiguous']]);
  });

  test('chosen comma locale reads 1,204 as 1.204', () => {
    const result = parseCsv(bytes, 'ambiguous.csv', { numberLocale: 'comma' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(valuesOf(buildImportPlan(result.value, preset), backlog.key)).toEqual([1.204]);
  });

  test('chosen point locale reads 1,204 as 1204', () => {
    const result = parseCsv(bytes, 'ambiguous.csv', { numberLocale: 'point' });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(valuesOf(buildImportPlan(result.value, preset), backlog.key)).toEqual([1204]);
  });
});
