/**
 * XLSX measurement import from the committed fixtures (tests/fixtures/xlsx/measurements):
 * reading with exceljs, the sheet table, and the import plan the mapping builds from it.
 */
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { matchPreset } from '../../../../../../shared/import/mapping';
import { builtInPresets } from '../../../../../../shared/import/presets';
import { nhs111KpiKeys, nhs111Preset } from '../../../../../../shared/import/presets/nhs111';
import { buildSheetTable } from '../../../../../../shared/import/sheetTable';
import { readWorkbook } from '../../../../../../renderer/src/features/import/readWorkbook';
import { planOf, readXlsxFixture, scorecardKeys, scorecardPreset, tableOf, valuesOf, workbookOf } from './workbookKit';

describe('nhs_like.xlsx', async () => {
  const workbook = await workbookOf('nhs_like.xlsx');
  const table = tableOf(workbook);
  const plan = planOf(table, nhs111Preset);

  test('lists both sheets and reads the first', () => {
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(['Measurements', 'Notes']);
    expect(table.sheet).toBe('Measurements');
    expect(table.sheetNames).toEqual(['Measurements', 'Notes']);
  });

  test('header matches the NHS 111 preset', () => {
    expect(matchPreset(table.header, builtInPresets)).toBe(nhs111Preset);
  });

  test('keeps sheet row numbers', () => {
    expect(table.rowNumbers).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  test('imports without issues', () => {
    expect(plan.issues).toEqual([]);
    expect(plan.measurements).toHaveLength(28);
  });

  test('date, text and serial months land in their month', () => {
    const months = plan.measurements
      .filter((measurement) => measurement.kpiKey === nhs111KpiKeys.answeredWithin60s)
      .map((measurement) => `${measurement.providerCode ?? ''} ${measurement.period}`);
    expect(months).toEqual([
      '111AA1 2015-04',
      '111AA1 2015-05',
      '111AA1 2015-06',
      '111AE7 2015-04',
      '111AE7 2015-05',
      '111AE7 2015-06',
      '111AA2 2015-04',
    ]);
  });

  test('time cells and text give episode seconds', () => {
    expect(valuesOf(plan, nhs111KpiKeys.averageEpisodeLength).filter((entry) => entry.startsWith('111AA1'))).toEqual([
      '111AA1 2015-04 653',
      '111AA1 2015-05 706',
      '111AA1 2015-06 776',
    ]);
  });

  test('counts stay typed numbers', () => {
    const april = plan.measurements.find(
      (measurement) => measurement.providerCode === '111AA1' && measurement.period === '2015-04' && measurement.kpiKey === nhs111KpiKeys.answeredWithin60s,
    );
    expect(april).toMatchObject({ numerator: 52692, denominator: 56339 });
  });

  test('cell text shows dates as ISO', () => {
    expect(table.rows[0]?.[0]).toBe('2015-04-01');
    expect(table.rows[3]?.[0]).toBe('2015-04-30 21:00:00');
    expect(table.rows[0]?.[9]).toBe('00:10:53');
  });

  test('sheet chooser reads another sheet', () => {
    expect(tableOf(workbook, { sheet: 'Notes' }).header).toEqual(['Note']);
  });
});

const expectedScorecard = {
  [scorecardKeys.resolution]: ['S-01 2015-04 81.2', 'S-01 2015-05 79', `S-02 2015-04 ${String((100 * 700) / 900)}`, `S-02 2015-05 ${String((100 * 650) / 910)}`],
  [scorecardKeys.satisfaction]: ['S-01 2015-04 94.01', 'S-01 2015-05 92.5', 'S-02 2015-04 88', 'S-02 2015-05 91.2'],
  [scorecardKeys.handleTime]: ['S-01 2015-04 312', 'S-01 2015-05 340', 'S-02 2015-04 361', 'S-02 2015-05 359'],
  [scorecardKeys.backlog]: ['S-01 2015-04 312.5', 'S-01 2015-05 1234.5', 'S-02 2015-04 2048.75', 'S-02 2015-05 0.5'],
  [scorecardKeys.balance]: ['S-01 2015-04 -21419.06', 'S-01 2015-05 1500.25', 'S-02 2015-04 -7.5', 'S-02 2015-05 -3.25'],
};

for (const fileName of ['scorecard_eu.xlsx', 'scorecard_1904.xlsx']) {
  describe(fileName, async () => {
    const workbook = await workbookOf(fileName);
    const table = tableOf(workbook);
    const plan = planOf(table, scorecardPreset);

    test('date system read from the workbook', () => {
      expect(workbook.date1904).toBe(fileName === 'scorecard_1904.xlsx');
    });

    test('text cells detected as decimal comma', () => {
      expect(table.detectedNumberLocale).toEqual({ locale: 'comma', basis: 'cells' });
      expect(table.numberReading).toEqual({ locale: 'comma', rejectAmbiguous: false });
    });

    test('imports without issues', () => {
      expect(plan.issues).toEqual([]);
    });

    for (const [kpiKey, expected] of Object.entries(expectedScorecard)) {
      test(`${kpiKey} values`, () => {
        expect(valuesOf(plan, kpiKey)).toEqual(expected);
      });
    }

    test('percent format shown as percent text', () => {
      expect(table.rows[0]?.[5]).toBe('94.01%');
    });
  });
}

describe('scorecard_eu.xlsx with the locale overridden', async () => {
  const workbook = await workbookOf('scorecard_eu.xlsx');

  test('point locale rejects the decimal-comma text', () => {
    const plan = planOf(tableOf(workbook, { numberLocale: 'point' }), scorecardPreset);
    const rejected = plan.issues.map((issue) => `${String(issue.detail.columnLetter)}${String(issue.row)} ${String(issue.detail.value)}`);
    expect(rejected).toContain('H2 312,5');
    expect(rejected).toContain('I2 -21.419,06');
    expect(rejected).toContain('F3 92,5 %');
  });

  test('typed numbers ignore the locale', () => {
    const plan = planOf(tableOf(workbook, { numberLocale: 'point' }), scorecardPreset);
    expect(valuesOf(plan, scorecardKeys.satisfaction)).toContain('S-01 2015-04 94.01');
    expect(valuesOf(plan, scorecardKeys.balance)).toContain('S-01 2015-05 1500.25');
  });
});

describe('errors.xlsx', async () => {
  const plan = planOf(tableOf(await workbookOf('errors.xlsx')), scorecardPreset);
  const located = plan.issues.map((issue) => ({
    code: issue.code,
    cell: `${String(issue.detail.columnLetter)}${String(issue.row)}`,
    sheet: issue.detail.sheet,
    value: issue.detail.value,
  }));

  test('every issue names sheet, row and column letter', () => {
    expect(located).toEqual([
      { code: 'csv.invalidPeriod', cell: 'C3', sheet: 'Scorecard', value: 'Q2 2015' },
      { code: 'csv.invalidNumber', cell: 'E4', sheet: 'Scorecard', value: '#N/A' },
      { code: 'csv.invalidNumber', cell: 'H4', sheet: 'Scorecard', value: 'n/a' },
      { code: 'csv.invalidNumber', cell: 'D5', sheet: 'Scorecard', value: '50%' },
      { code: 'csv.invalidNumber', cell: 'F5', sheet: 'Scorecard', value: '2015-04-01' },
    ]);
  });

  test('errors block the import', () => {
    expect(plan.issueCounts.errors).toBe(5);
  });
});

describe('readWorkbook rejections', () => {
  test('CSV bytes are not a workbook', async () => {
    const result = await readWorkbook(new TextEncoder().encode('a,b\n1,2\n'), 'calls.xlsx');
    expect(result.ok ? null : result.error.code).toBe('xlsx.notWorkbook');
  });

  test('ZIP without a workbook is not a workbook', async () => {
    const result = await readWorkbook(zipSync({ 'readme.txt': new TextEncoder().encode('hello') }), 'other.xlsx');
    expect(result.ok ? null : result.error).toMatchObject({ code: 'xlsx.notWorkbook', detail: { file: 'other.xlsx' } });
  });

  test('OLE container is a legacy workbook', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const result = await readWorkbook(bytes, 'old.xls');
    expect(result.ok ? null : result.error).toMatchObject({ code: 'xlsx.notWorkbook', detail: { file: 'old.xls', reason: 'legacy' } });
  });

  test('unpacked size over the limit', async () => {
    const result = await readWorkbook(readXlsxFixture('nhs_like.xlsx'), 'nhs_like.xlsx', 1000);
    expect(result.ok ? null : result.error).toMatchObject({ code: 'xlsx.tooLarge', detail: { file: 'nhs_like.xlsx', maxBytes: 1000 } });
  });
});

describe('buildSheetTable rejections', () => {
  const grid = (rows: { row: number; cells: [number, string | number][] }[]) => ({
    fileName: 'book.xlsx',
    date1904: false,
    sheets: [
      {
        name: 'Data',
        rows: rows.map(({ row, cells }) => ({
          row,
          cells: new Map(
            cells.map(([column, value]) => [
              column,
              typeof value === 'number' ? { kind: 'number' as const, value, numberFormat: 'General' } : { kind: 'text' as const, text: value },
            ]),
          ),
        })),
      },
    ],
  });

  test('empty sheet is xlsx.emptySheet', () => {
    const result = buildSheetTable(grid([]));
    expect(result.ok ? null : result.error).toEqual({ code: 'xlsx.emptySheet', detail: { file: 'book.xlsx', sheet: 'Data' } });
  });

  test('header without rows is xlsx.noRows', () => {
    const result = buildSheetTable(grid([{ row: 1, cells: [[1, 'Month'], [2, 'Calls']] }]));
    expect(result.ok ? null : result.error.code).toBe('xlsx.noRows');
  });

  test('gap in the header names its cell', () => {
    const result = buildSheetTable(grid([{ row: 3, cells: [[2, 'Month'], [4, 'Calls']] }, { row: 4, cells: [[2, 'Apr-15']] }]));
    expect(result.ok ? null : result.error.detail).toMatchObject({ sheet: 'Data', row: 3, columnLetter: 'C', reason: 'emptyName' });
  });

  test('repeated header name names its cell', () => {
    const result = buildSheetTable(grid([{ row: 1, cells: [[1, 'Calls'], [2, 'Calls']] }, { row: 2, cells: [[1, 5]] }]));
    expect(result.ok ? null : result.error.detail).toMatchObject({ columnLetter: 'B', column: 'Calls', reason: 'duplicateName' });
  });

  test('numeric first row is no header', () => {
    const result = buildSheetTable(grid([{ row: 1, cells: [[1, 5], [2, '6']] }, { row: 2, cells: [[1, 7]] }]));
    expect(result.ok ? null : result.error.detail).toMatchObject({ reason: 'missing', row: 1 });
  });

  test('header starting in column B keeps letters', () => {
    const result = buildSheetTable(grid([{ row: 2, cells: [[2, 'Month'], [3, 'Calls']] }, { row: 3, cells: [[2, 'Apr-15'], [3, 5]] }]));
    expect(result.ok ? result.value.firstColumn : null).toBe(2);
  });
});
