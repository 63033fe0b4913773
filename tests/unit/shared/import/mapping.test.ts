import { describe, expect, test } from 'vitest';
import type { KpiDefinitionData } from '../../../../shared/domain/types';
import { AppFailure } from '../../../../shared/errors';
import { parseCsv } from '../../../../shared/import/csv';
import { maxImportIssues } from '../../../../shared/import/issues';
import { buildImportPlan, findMissingColumns, mappedColumns, matchPreset, nearestPreset } from '../../../../shared/import/mapping';
import { builtInPresets } from '../../../../shared/import/presets';
import { nhs111KpiKeys, nhs111Preset } from '../../../../shared/import/presets/nhs111';
import type { ColumnMapping, CsvTable, ImportPlan, MappingPreset } from '../../../../shared/import/types';
import { readCsvFixture } from './fixtures';

const ratioKpi: KpiDefinitionData = {
  key: 'test.ratio',
  name: 'Ratio',
  description: '',
  unit: 'percent',
  direction: 'higherIsBetter',
  kind: 'ratio',
  aggregation: 'ratioOfSums',
};
const percentValueKpi: KpiDefinitionData = { ...ratioKpi, key: 'test.percent', kind: 'value', aggregation: 'mean' };
const durationKpi: KpiDefinitionData = { ...ratioKpi, key: 'test.duration', unit: 'seconds', kind: 'duration', aggregation: 'mean' };
const countKpi: KpiDefinitionData = { ...ratioKpi, key: 'test.count', unit: 'number', kind: 'count', aggregation: 'sum' };

/** Columns: code, name, month, hits, total, share, handle, tickets. */
function testPreset(overrides: Partial<ColumnMapping> = {}): MappingPreset {
  return {
    id: 'test',
    name: 'Test',
    builtIn: false,
    mapping: {
      providerCode: 'code',
      providerName: 'name',
      period: 'month',
      kpis: [
        { kpiKey: ratioKpi.key, source: { kind: 'ratio', numerator: 'hits', denominator: 'total' } },
        { kpiKey: percentValueKpi.key, source: { kind: 'value', column: 'share' } },
        { kpiKey: durationKpi.key, source: { kind: 'value', column: 'handle' } },
        { kpiKey: countKpi.key, source: { kind: 'value', column: 'tickets' } },
      ],
      ...overrides,
    },
    kpis: [ratioKpi, percentValueKpi, durationKpi, countKpi],
    serviceLevels: [],
    sourceNote: null,
  };
}

const testHeader = 'code,name,month,hits,total,share,handle,tickets';

function tableFrom(bytes: Uint8Array, fileName: string): CsvTable {
  const result = parseCsv(bytes, fileName);
  if (!result.ok) {
    throw new Error(`Expected a table, got ${JSON.stringify(result.error)}`);
  }
  return result.value;
}

function planFor(lines: readonly string[], preset: MappingPreset = testPreset()): ImportPlan {
  return buildImportPlan(tableFrom(new TextEncoder().encode([testHeader, ...lines].join('\n')), 'inline.csv'), preset);
}

function planForFixture(name: string): ImportPlan {
  return buildImportPlan(tableFrom(readCsvFixture(name), name), nhs111Preset);
}

function issueSummary(plan: ImportPlan): [string, string, number | null, string | null][] {
  return plan.issues.map((issue) => [issue.severity, issue.code, issue.row, issue.column]);
}

describe('mappedColumns', () => {
  test('lists each column once in order', () => {
    const mapping: ColumnMapping = {
      providerCode: null,
      providerName: 'name',
      period: 'month',
      kpis: [
        { kpiKey: 'a', source: { kind: 'ratio', numerator: 'x', denominator: 'total' } },
        { kpiKey: 'b', source: { kind: 'ratio', numerator: 'y', denominator: 'total' } },
      ],
    };
    expect(mappedColumns(mapping)).toEqual(['name', 'month', 'x', 'total', 'y']);
  });
});

describe('findMissingColumns', () => {
  test('names the missing fixture column', () => {
    const table = tableFrom(readCsvFixture('missing_column.csv'), 'missing_column.csv');
    expect(findMissingColumns(table, nhs111Preset.mapping)).toEqual(['Nhs1 Answered 60sec SUM']);
  });

  test('empty when every column is there', () => {
    const table = tableFrom(readCsvFixture('nhs111_small.csv'), 'nhs111_small.csv');
    expect(findMissingColumns(table, nhs111Preset.mapping)).toEqual([]);
  });
});

describe('matchPreset', () => {
  test('finds NHS 111 for its header', () => {
    const table = tableFrom(readCsvFixture('semicolon.csv'), 'semicolon.csv');
    expect(matchPreset(table.header, builtInPresets)).toBe(nhs111Preset);
  });

  test('null when a column is missing', () => {
    const table = tableFrom(readCsvFixture('missing_column.csv'), 'missing_column.csv');
    expect(matchPreset(table.header, builtInPresets)).toBeNull();
  });

  test('prefers the preset reading more columns', () => {
    const narrow = testPreset({ kpis: [{ kpiKey: countKpi.key, source: { kind: 'value', column: 'tickets' } }] });
    const wide = testPreset();
    expect(matchPreset(testHeader.split(','), [narrow, wide])).toBe(wide);
  });

  test('keeps the earlier preset on a tie', () => {
    const first = testPreset();
    const second = testPreset();
    expect(matchPreset(testHeader.split(','), [first, second])).toBe(first);
  });
});

describe('buildImportPlan on fixtures', () => {
  test('missing column reported, no rows processed', () => {
    const plan = planForFixture('missing_column.csv');
    expect(plan.issues).toEqual([
      {
        severity: 'error',
        code: 'csv.missingColumn',
        row: null,
        column: 'Nhs1 Answered 60sec SUM',
        detail: { column: 'Nhs1 Answered 60sec SUM', file: 'missing_column.csv' },
      },
    ]);
    expect(plan.measurements).toEqual([]);
    expect(plan.providers).toEqual([]);
  });

  test('one issue per missing column', () => {
    const plan = planFor(['A1,Alpha,2015-04,1,2,3,00:01:00,4'], testPreset({ providerName: 'provider', period: 'when' }));
    expect(plan.issues.map((issue) => issue.column)).toEqual(['provider', 'when']);
  });

  test('non-numeric value is csv.invalidNumber', () => {
    const plan = planForFixture('non_numeric.csv');
    expect(plan.issues).toEqual([
      {
        severity: 'error',
        code: 'csv.invalidNumber',
        row: 3,
        column: 'Nhs1 Answered Calls SUM',
        detail: { file: 'non_numeric.csv', row: 3, column: 'Nhs1 Answered Calls SUM', value: 'n/a' },
      },
    ]);
    expect(plan.issueCounts).toEqual({ errors: 1, warnings: 0 });
  });

  test('non-numeric row keeps its other KPIs', () => {
    const plan = planForFixture('non_numeric.csv');
    const rowThree = plan.measurements.filter((measurement) => measurement.row === 3).map((measurement) => measurement.kpiKey);
    expect(rowThree).toEqual([nhs111KpiKeys.abandonedCalls, nhs111KpiKeys.callBackWithin10min, nhs111KpiKeys.averageEpisodeLength]);
  });

  test('duplicate row names both lines', () => {
    const plan = planForFixture('duplicate_row.csv');
    expect(plan.issues).toEqual([
      {
        severity: 'error',
        code: 'csv.duplicateRow',
        row: 5,
        column: null,
        detail: { file: 'duplicate_row.csv', row: 5, firstRow: 3, provider: '111AA2', period: '2015-04' },
      },
    ]);
  });

  test('duplicate row adds no measurements', () => {
    const plan = planForFixture('duplicate_row.csv');
    expect(plan.measurements.some((measurement) => measurement.row === 5)).toBe(false);
  });

  test('small NHS file carries the malformed row', () => {
    const plan = planForFixture('nhs111_small.csv');
    expect(issueSummary(plan)).toEqual([['error', 'csv.malformedRow', 9, null]]);
    expect(plan.rowCount).toBe(12);
  });

  test('small NHS file keeps the renamed provider once', () => {
    const plan = planForFixture('nhs111_small.csv');
    const northWest = plan.providers.filter((provider) => provider.code === '111AF5');
    expect(northWest).toEqual([{ code: '111AF5', name: 'NORTH WEST EXC BLACKPOOL NHS 111', formerNames: ['NORTH WEST NHS 111'] }]);
  });

  test('ratio value is 100 * numerator / denominator', () => {
    const plan = planForFixture('nhs111_small.csv');
    const answered = plan.measurements.find((measurement) => measurement.providerCode === '111AA1' && measurement.kpiKey === nhs111KpiKeys.answeredWithin60s);
    expect(answered).toEqual({
      row: 2,
      providerCode: '111AA1',
      providerName: 'NORTH EAST ENGLAND NHS 111',
      period: '2015-04',
      kpiKey: nhs111KpiKeys.answeredWithin60s,
      value: (100 * 52_692) / 56_339,
      numerator: 52_692,
      denominator: 56_339,
    });
  });

  test('March 2016 day fraction read as seconds', () => {
    const plan = planForFixture('nhs111_small.csv');
    const episode = plan.measurements.find(
      (measurement) => measurement.providerCode === '111AA1' && measurement.period === '2016-03' && measurement.kpiKey === nhs111KpiKeys.averageEpisodeLength,
    );
    expect(episode?.value).toBe(1002);
  });

  test('quoted line break file reports lines 5 and 6', () => {
    const plan = planForFixture('quoted_linebreak.csv');
    expect(issueSummary(plan)).toEqual([
      ['error', 'csv.malformedRow', 5, null],
      ['error', 'csv.invalidNumber', 6, 'Nhs1 Abandoned Calls SUM'],
    ]);
  });

  test('windows-1252 file imports', () => {
    const plan = planForFixture('windows1252.csv');
    expect(plan.issueCounts).toEqual({ errors: 0, warnings: 0 });
    expect(plan.measurements).toHaveLength(8);
  });
});

describe('buildImportPlan on inline rows', () => {
  test('valid row gives one measurement per KPI', () => {
    const plan = planFor(['A1,Alpha,Apr-15,45,50,94.5%,00:02:30,"1,204"']);
    expect(plan.measurements.map((measurement) => [measurement.kpiKey, measurement.value])).toEqual([
      [ratioKpi.key, 90],
      [percentValueKpi.key, 94.5],
      [durationKpi.key, 150],
      [countKpi.key, 1204],
    ]);
    expect(plan.issues).toEqual([]);
  });

  test('empty provider code is csv.emptyValue', () => {
    const plan = planFor([' ,Alpha,2015-04,1,2,3,00:01:00,4']);
    expect(plan.issues[0]).toEqual({ severity: 'error', code: 'csv.emptyValue', row: 2, column: 'code', detail: { file: 'inline.csv', column: 'code', row: 2 } });
    expect(plan.measurements).toEqual([]);
  });

  test('empty provider name is csv.emptyValue', () => {
    const plan = planFor(['A1,,2015-04,1,2,3,00:01:00,4']);
    expect(issueSummary(plan)).toEqual([['error', 'csv.emptyValue', 2, 'name']]);
  });

  test('unparsable period is csv.invalidPeriod', () => {
    const plan = planFor(['A1,Alpha,Q2 2015,1,2,3,00:01:00,4']);
    expect(plan.issues[0]?.detail).toEqual({ file: 'inline.csv', row: 2, column: 'month', value: 'Q2 2015' });
    expect(plan.issues[0]?.code).toBe('csv.invalidPeriod');
  });

  test('empty period is csv.emptyValue', () => {
    const plan = planFor(['A1,Alpha,,1,2,3,00:01:00,4']);
    expect(issueSummary(plan)).toEqual([['error', 'csv.emptyValue', 2, 'month']]);
  });

  test('bad duration is csv.invalidDuration', () => {
    const plan = planFor(['A1,Alpha,2015-04,1,2,3,2 min,4']);
    expect(plan.issues[0]).toEqual({
      severity: 'error',
      code: 'csv.invalidDuration',
      row: 2,
      column: 'handle',
      detail: { file: 'inline.csv', row: 2, column: 'handle', value: '2 min' },
    });
  });

  test('bad denominator is csv.invalidNumber', () => {
    const plan = planFor(['A1,Alpha,2015-04,1,ten,3,00:01:00,4']);
    expect(plan.issues[0]?.detail).toEqual({ file: 'inline.csv', row: 2, column: 'total', value: 'ten' });
  });

  test('negative count is csv.invalidNumber', () => {
    const plan = planFor(['A1,Alpha,2015-04,-1,2,3,00:01:00,4']);
    expect(issueSummary(plan)).toEqual([['error', 'csv.invalidNumber', 2, 'hits']]);
  });

  test('percent sign on a count is csv.invalidNumber, for its percent sign', () => {
    const plan = planFor(['A1,Alpha,2015-04,50%,2,3,00:01:00,4']);
    expect(issueSummary(plan)).toEqual([['error', 'csv.invalidNumber', 2, 'hits']]);
    expect(plan.issues[0]?.detail.reason).toBe('percent');
  });

  test('percent sign on a plain number KPI is csv.invalidNumber, for its percent sign', () => {
    const plan = planFor(['A1,Alpha,2015-04,1,2,3,00:01:00,4%']);
    expect(issueSummary(plan)).toEqual([['error', 'csv.invalidNumber', 2, 'tickets']]);
    expect(plan.issues[0]?.detail.reason).toBe('percent');
  });

  test('a negative percentage on a count is not a number, whatever its sign', () => {
    const plan = planFor(['A1,Alpha,2015-04,-5%,2,3,00:01:00,4']);
    expect(issueSummary(plan)).toEqual([['error', 'csv.invalidNumber', 2, 'hits']]);
    expect(plan.issues[0]?.detail.reason).toBeUndefined();
  });

  test('numerator above denominator warns and imports', () => {
    const plan = planFor(['A1,Alpha,2015-04,11,10,3,00:01:00,4']);
    expect(plan.issues).toEqual([
      {
        severity: 'warning',
        code: 'csv.invalidRatio',
        row: 2,
        column: 'hits',
        detail: { file: 'inline.csv', row: 2, column: 'hits', denominatorColumn: 'total', numerator: 11, denominator: 10 },
      },
    ]);
    expect(plan.measurements.find((measurement) => measurement.kpiKey === ratioKpi.key)?.value).toBe(110);
  });

  test('numerator equal to denominator is no issue', () => {
    const plan = planFor(['A1,Alpha,2015-04,10,10,3,00:01:00,4']);
    expect(plan.issues).toEqual([]);
  });

  test('zero denominator gives null with a warning', () => {
    const plan = planFor(['A1,Alpha,2015-04,0,0,3,00:01:00,4']);
    expect(issueSummary(plan)).toEqual([['warning', 'csv.zeroDenominator', 2, 'total']]);
    expect(plan.measurements.find((measurement) => measurement.kpiKey === ratioKpi.key)).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });

  test('empty KPI cell warns and skips the KPI', () => {
    const plan = planFor(['A1,Alpha,2015-04,1,2,,00:01:00,4']);
    expect(issueSummary(plan)).toEqual([['warning', 'csv.emptyValue', 2, 'share']]);
    expect(plan.measurements.map((measurement) => measurement.kpiKey)).not.toContain(percentValueKpi.key);
  });

  test('comma grouping rejected in semicolon files', () => {
    const text = `${testHeader.replaceAll(',', ';')}\nA1;Alpha;2015-04;1;2;3;00:01:00;1,204\n`;
    const plan = buildImportPlan(tableFrom(new TextEncoder().encode(text), 'semi.csv'), testPreset());
    expect(issueSummary(plan)).toEqual([['error', 'csv.invalidNumber', 2, 'tickets']]);
  });

  test('name identifies providers without a code column', () => {
    const plan = planFor(['A1,Alpha,2015-04,1,2,3,00:01:00,4', 'A1,Alpha Ltd,2015-05,1,2,3,00:01:00,4'], testPreset({ providerCode: null }));
    expect(plan.providers).toEqual([
      { code: null, name: 'Alpha', formerNames: [] },
      { code: null, name: 'Alpha Ltd', formerNames: [] },
    ]);
  });

  test('former names oldest first in any row order', () => {
    const plan = planFor([
      'A1,Gamma,2015-06,1,2,3,00:01:00,4',
      'A1,Alpha,2015-04,1,2,3,00:01:00,4',
      'A1,Beta,2015-05,1,2,3,00:01:00,4',
      'A1,Alpha,2015-03,1,2,3,00:01:00,4',
    ]);
    expect(plan.providers).toEqual([{ code: 'A1', name: 'Gamma', formerNames: ['Alpha', 'Beta'] }]);
  });

  test('issues sorted by row', () => {
    const plan = planFor(['A1,Alpha,2015-04,1,2,,00:01:00,4', 'A1,Alpha,2015-05,1,2,3,00:01:00,x', 'A1,Alpha,bad,1,2,3,00:01:00,4']);
    expect(plan.issues.map((issue) => issue.row)).toEqual([2, 3, 4]);
  });

  test('issues capped with the full counts', () => {
    const lines = Array.from({ length: maxImportIssues + 100 }, (_, index) => `A${index},Alpha,2015-04,1,2,3,00:01:00,x`);
    const plan = planFor(lines);
    expect(plan.issues).toHaveLength(maxImportIssues);
    expect(plan.issueCounts).toEqual({ errors: maxImportIssues + 100, warnings: 0 });
  });

  test('cap keeps errors before warnings', () => {
    const warningLines = Array.from({ length: maxImportIssues }, (_, index) => `A${index},Alpha,2015-04,1,2,,00:01:00,4`);
    const plan = planFor([...warningLines, 'Z1,Zulu,2015-04,1,2,3,00:01:00,x']);
    expect(plan.issues.filter((issue) => issue.severity === 'error').map((issue) => issue.row)).toEqual([maxImportIssues + 2]);
    expect(plan.issues).toHaveLength(maxImportIssues);
  });

  test('unknown KPI key throws AppFailure', () => {
    const preset = testPreset({ kpis: [{ kpiKey: 'test.unknown', source: { kind: 'value', column: 'tickets' } }] });
    expect(() => planFor(['A1,Alpha,2015-04,1,2,3,00:01:00,4'], preset)).toThrow(AppFailure);
  });
});

describe('nearestPreset', () => {
  test('names the missing column of a near match', () => {
    const table = tableFrom(readCsvFixture('missing_column.csv'), 'missing_column.csv');
    const near = nearestPreset(table.header, builtInPresets);
    expect(near?.preset).toBe(nhs111Preset);
    expect(near?.missing).toEqual(['Nhs1 Answered 60sec SUM']);
  });

  test('null for a full match', () => {
    const table = tableFrom(readCsvFixture('semicolon.csv'), 'semicolon.csv');
    expect(nearestPreset(table.header, builtInPresets)).toBeNull();
  });

  test('null for an unrelated file', () => {
    expect(nearestPreset(['Supplier', 'Month', 'Tickets'], builtInPresets)).toBeNull();
  });
});
