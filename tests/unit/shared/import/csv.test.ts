import { describe, expect, test } from 'vitest';
import type { Result } from '../../../../shared/errors';
import { detectDelimiter, parseCsv } from '../../../../shared/import/csv';
import type { CsvTable } from '../../../../shared/import/types';
import { readCsvFixture } from './fixtures';

const encoder = new TextEncoder();

function parseText(text: string, options: { delimiter?: string } = {}): Result<CsvTable> {
  return parseCsv(encoder.encode(text), 'inline.csv', options);
}

function tableOf(result: Result<CsvTable>): CsvTable {
  if (!result.ok) {
    throw new Error(`Expected a table, got ${JSON.stringify(result.error)}`);
  }
  return result.value;
}

function cellOf(table: CsvTable, rowIndex: number, column: string): string | undefined {
  return table.rows[rowIndex]?.[table.header.indexOf(column)];
}

describe('parseCsv on nhs111_small.csv', () => {
  const table = tableOf(parseCsv(readCsvFixture('nhs111_small.csv'), 'nhs111_small.csv'));

  test('detects comma delimiter', () => {
    expect(table.delimiter).toBe(',');
  });

  test('records and strips the BOM', () => {
    expect(table.hadBom).toBe(true);
    expect(table.header[0]).toBe('Yearnumber');
  });

  test('reads all 56 header columns', () => {
    expect(table.header).toHaveLength(56);
  });

  test('keeps the 11 well-formed rows', () => {
    expect(table.rows).toHaveLength(11);
  });

  test('numbers rows by file line, skipping line 9', () => {
    expect(table.rowNumbers).toEqual([2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13]);
  });

  test('reports malformed line 9 with cell counts', () => {
    expect(table.issues).toEqual([
      {
        severity: 'error',
        code: 'csv.malformedRow',
        row: 9,
        column: null,
        detail: { file: 'nhs111_small.csv', row: 9, expected: 56, found: 55, reason: 'cellCount' },
      },
    ]);
  });

  test('keeps comma and ampersand inside quotes', () => {
    expect(cellOf(table, 3, 'Provider Name')).toBe('BRISTOL, NORTH SOMERSET & SOUTH GLOUCESTERSHIRE NHS 111');
  });

  test('leaves no carriage return in last cells', () => {
    expect(table.rows.every((row) => !(row.at(-1) ?? '').includes('\r'))).toBe(true);
  });

  test('keeps 17 significant digits as text', () => {
    expect(cellOf(table, 0, 'Abandonment Rate')).toBe('0.016105851150523775');
  });
});

describe('parseCsv on other fixtures', () => {
  test('semicolon file detected', () => {
    const table = tableOf(parseCsv(readCsvFixture('semicolon.csv'), 'semicolon.csv'));
    expect(table.delimiter).toBe(';');
    expect(table.rows).toHaveLength(4);
    expect(cellOf(table, 1, 'Provider Name')).toBe('BRISTOL, NORTH SOMERSET & SOUTH GLOUCESTERSHIRE NHS 111');
  });

  test('delimiter option overrides detection', () => {
    const table = tableOf(parseCsv(readCsvFixture('semicolon.csv'), 'semicolon.csv', { delimiter: ',' }));
    expect(table.delimiter).toBe(',');
    expect(table.header).toHaveLength(1);
  });

  test('windows-1252 file keeps the pound sign', () => {
    const table = tableOf(parseCsv(readCsvFixture('windows1252.csv'), 'windows1252.csv'));
    expect(table.encoding).toBe('windows-1252');
    expect(table.header.at(-1)).toBe('Cost per answered call (£)');
    expect(cellOf(table, 0, 'Cost per answered call (£)')).toBe('£0.23');
  });

  test('empty file is file.empty', () => {
    const result = parseCsv(readCsvFixture('empty.csv'), 'empty.csv');
    expect(result).toEqual({ ok: false, error: { code: 'file.empty', detail: { file: 'empty.csv' } } });
  });

  test('binary file is csv.notText', () => {
    const result = parseCsv(readCsvFixture('binary.csv'), 'binary.csv');
    expect(result.ok ? null : result.error.code).toBe('csv.notText');
  });

  test('quoted line break keeps later line numbers', () => {
    const table = tableOf(parseCsv(readCsvFixture('quoted_linebreak.csv'), 'quoted_linebreak.csv'));
    expect(table.rowNumbers).toEqual([2, 3, 6]);
    expect(table.issues.map((issue) => issue.row)).toEqual([5]);
    expect(cellOf(table, 1, 'Provider Name')).toBe('BRISTOL, NORTH SOMERSET\n& SOUTH GLOUCESTERSHIRE NHS 111');
  });
});

describe('parseCsv on inline text', () => {
  test('tab delimiter detected', () => {
    expect(tableOf(parseText('a\tb\tc\n1\t2\t3\n')).delimiter).toBe('\t');
  });

  test('pipe delimiter detected', () => {
    expect(tableOf(parseText('a|b|c\n1|2|3\n')).delimiter).toBe('|');
  });

  test('trims header names', () => {
    expect(tableOf(parseText(' a , b\n1,2\n')).header).toEqual(['a', 'b']);
  });

  test('ignores blank trailing lines', () => {
    const table = tableOf(parseText('a,b\n1,2\n\n\n  \n'));
    expect(table.rows).toEqual([['1', '2']]);
    expect(table.issues).toEqual([]);
  });

  test('skips blank lines between rows', () => {
    const table = tableOf(parseText('a,b\n1,2\n\n3,4\n'));
    expect(table.rowNumbers).toEqual([2, 4]);
  });

  test('skips rows of empty cells', () => {
    const table = tableOf(parseText('a,b\n1,2\n,\n'));
    expect(table.rows).toHaveLength(1);
  });

  test('counts CRLF inside quotes as one line', () => {
    const table = tableOf(parseText('a,b\r\n"x\r\ny",1\r\n2,3\r\n'));
    expect(table.rowNumbers).toEqual([2, 4]);
  });

  test('too many cells is malformed', () => {
    const table = tableOf(parseText('a,b\n1,2,3\n4,5\n'));
    expect(table.issues[0]?.detail).toEqual({ file: 'inline.csv', row: 2, expected: 2, found: 3, reason: 'cellCount' });
  });

  test('unterminated quote is malformed', () => {
    const table = tableOf(parseText('a,b\n1,2\n3,"4\n'));
    expect(table.issues.map((issue) => [issue.code, issue.row, issue.detail['reason']])).toEqual([['csv.malformedRow', 3, 'quotes']]);
  });

  test('header only is csv.noRows', () => {
    expect(parseText('a,b\n')).toEqual({ ok: false, error: { code: 'csv.noRows', detail: { file: 'inline.csv' } } });
  });

  test('only malformed rows keeps the issues', () => {
    const table = tableOf(parseText('a,b\n1\n'));
    expect(table.rows).toHaveLength(0);
    expect(table.issues).toHaveLength(1);
  });

  test('duplicate header name is csv.noHeader', () => {
    const result = parseText('a,b,a\n1,2,3\n');
    expect(result).toEqual({
      ok: false,
      error: { code: 'csv.noHeader', detail: { file: 'inline.csv', reason: 'duplicateName', column: 'a', position: 3 } },
    });
  });

  test('empty header name is csv.noHeader', () => {
    const result = parseText('a,,c\n1,2,3\n');
    expect(result.ok ? null : result.error.detail).toEqual({ file: 'inline.csv', reason: 'emptyName', position: 2 });
  });

  test('numeric first row is csv.noHeader', () => {
    const result = parseText('111AA1,67491,1087,56339\n111AA2,16087,42,16045\n');
    expect(result.ok ? null : result.error.detail).toEqual({ file: 'inline.csv', reason: 'missing' });
  });

  test('unusable delimiter option throws', () => {
    expect(() => parseText('a,b\n1,2\n', { delimiter: '"' })).toThrow(RangeError);
  });
});

describe('detectDelimiter', () => {
  test('single column falls back to comma', () => {
    expect(detectDelimiter('name\nalpha\nbeta\n')).toBe(',');
  });

  test('quoted commas do not mislead', () => {
    expect(detectDelimiter('a;b\n"x, y";1\n"p, q";2\n')).toBe(';');
  });
});
