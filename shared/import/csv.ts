/**
 * Splits a CSV file into a header and rows of cells with papaparse, keeping each row's
 * line number in the file for messages.
 */
import Papa from 'papaparse';
import { fail, ok, type Result } from '../errors';
import { decodeText } from './decode';
import { detectNumberLocale, numberReadingFor, type NumberLocale } from './numberLocale';
import type { CsvTable, ImportIssue } from './types';
import { parseNumber } from './values';

/** Delimiters that detection chooses from, in order of preference when equally likely. */
export const csvDelimiters: readonly string[] = [',', ';', '\t', '|'];

export interface ParseCsvOptions {
  /** Delimiter to use instead of the detected one; one character other than a quote or line break. */
  readonly delimiter?: string;
  /** Number locale to read text cells in instead of the detected one. */
  readonly numberLocale?: NumberLocale;
}

/** Rows papaparse reads to detect the delimiter. */
const delimiterPreviewRows = 10;

/**
 * Decodes and splits a CSV file, and detects its number locale from the data cells (see
 * `detectNumberLocale`); `options` override the delimiter and the locale. File-level problems (not text, empty, no header, no data
 * rows) fail the whole result. A row with the wrong number of cells or broken quotes is left
 * out of `rows` and reported in `issues` with its line number, counting the header as line 1.
 */
export function parseCsv(bytes: Uint8Array, fileName: string, options: ParseCsvOptions = {}): Result<CsvTable> {
  const decoded = decodeText(bytes, fileName);
  if (!decoded.ok) {
    return decoded;
  }
  const { text, encoding, hadBom } = decoded.value;
  const detectedDelimiter = detectDelimiter(text);
  const delimiter = options.delimiter ?? detectedDelimiter;
  assertUsableDelimiter(delimiter);

  const parsed = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const quoteErrorRows = new Set(parsed.errors.filter((error) => error.type === 'Quotes').map((error) => error.row));
  const records = numberRecords(parsed.data);

  const headerIndex = records.findIndex((record) => !isBlank(record.cells));
  const headerRecord = records[headerIndex];
  if (headerRecord === undefined) {
    return fail('file.empty', { file: fileName });
  }
  const header = headerRecord.cells.map((name) => name.trim());
  const headerProblem = checkHeader(header, fileName);
  if (headerProblem !== null) {
    return headerProblem;
  }

  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const issues: ImportIssue[] = [];
  let dataRecordCount = 0;
  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const record = records[index];
    if (record === undefined || isBlank(record.cells)) {
      continue;
    }
    dataRecordCount += 1;
    if (record.cells.length !== header.length || quoteErrorRows.has(index)) {
      issues.push(malformedRowIssue(fileName, record, header.length, quoteErrorRows.has(index)));
      continue;
    }
    rows.push(record.cells);
    rowNumbers.push(record.line);
  }

  if (dataRecordCount === 0) {
    return fail('csv.noRows', { file: fileName });
  }
  const detectedNumberLocale = detectNumberLocale(eachCell(rows), delimiter);
  const numberReading = numberReadingFor(detectedNumberLocale, options.numberLocale ?? null);
  return ok({
    format: 'csv',
    fileName,
    encoding,
    hadBom,
    delimiter,
    detectedDelimiter,
    header,
    rows,
    rowNumbers,
    issues,
    detectedNumberLocale,
    numberReading,
  });
}

/**
 * Picks the delimiter among `csvDelimiters` that gives the most consistent number of cells
 * in the first rows (papaparse's detection), or `,` when none splits the lines.
 */
export function detectDelimiter(text: string): string {
  const preview = Papa.parse<string[]>(text, {
    preview: delimiterPreviewRows,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [...csvDelimiters],
  });
  const undetectable = preview.errors.some((error) => error.code === 'UndetectableDelimiter');
  return undetectable ? ',' : preview.meta.delimiter;
}

function* eachCell(rows: readonly (readonly string[])[]): Generator<string> {
  for (const row of rows) {
    yield* row;
  }
}

function assertUsableDelimiter(delimiter: string): void {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new RangeError(`Unusable CSV delimiter ${JSON.stringify(delimiter)}`);
  }
}

interface NumberedRecord {
  readonly cells: string[];
  /** 1-based line on which the record starts. */
  readonly line: number;
}

/**
 * Gives each record the line it starts on. A record spans one line plus one more for every
 * line break inside its quoted cells, so counting those keeps later line numbers right.
 */
function numberRecords(data: readonly string[][]): NumberedRecord[] {
  const records: NumberedRecord[] = [];
  let line = 1;
  for (const cells of data) {
    records.push({ cells, line });
    line += 1;
    for (const cell of cells) {
      line += countLineBreaks(cell);
    }
  }
  return records;
}

/** Counts `\r\n`, `\n` and `\r` as one line break each, as text editors do. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) {
      count += 1;
    } else if (code === 0x0d) {
      count += 1;
      if (text.charCodeAt(index + 1) === 0x0a) {
        index += 1;
      }
    }
  }
  return count;
}

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Rejects a header with an empty or repeated column name, or one that looks like a data row
 * (most of its cells are numbers), because columns are found by name.
 */
function checkHeader(header: readonly string[], fileName: string): Result<never> | null {
  const numericCount = header.filter((name) => parseNumber(name) !== null).length;
  if (numericCount * 2 > header.length) {
    return fail('csv.noHeader', { file: fileName, reason: 'missing' });
  }

  const seen = new Set<string>();
  for (const [index, name] of header.entries()) {
    if (name === '') {
      return fail('csv.noHeader', { file: fileName, reason: 'emptyName', position: index + 1 });
    }
    if (seen.has(name)) {
      return fail('csv.noHeader', { file: fileName, reason: 'duplicateName', column: name, position: index + 1 });
    }
    seen.add(name);
  }
  return null;
}

function malformedRowIssue(fileName: string, record: NumberedRecord, expected: number, brokenQuotes: boolean): ImportIssue {
  return {
    severity: 'error',
    code: 'csv.malformedRow',
    row: record.line,
    column: null,
    detail: {
      file: fileName,
      row: record.line,
      expected,
      found: record.cells.length,
      reason: brokenQuotes ? 'quotes' : 'cellCount',
    },
  };
}
