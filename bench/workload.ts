/**
 * The bench workload: the bundled NHS 111 sample repeated, each copy under its own provider
 * codes and names, so that every copy adds providers instead of repeating rows of the same ones.
 */
import Papa from 'papaparse';

const providerCodeColumn = 'Provider Org Code';
const providerNameColumn = 'Provider Name';

export interface Workload {
  readonly csv: string;
  /** Data rows, without the header. */
  readonly rows: number;
  /** Distinct provider codes in the workload. */
  readonly providers: number;
  readonly sampleRows: number;
  readonly sampleProviders: number;
  readonly copies: number;
}

function columnIndex(header: readonly string[], column: string): number {
  const index = header.indexOf(column);
  if (index < 0) throw new Error(`The sample CSV has no column "${column}"; its header is ${header.join(', ')}`);
  return index;
}

/**
 * Repeats the rows of `sampleCsv` `copies` times. Copy `n` (from 1) appends `-Cnnn` to every
 * provider code and ` (COPY nnn)` to every name, which keeps each copy's renames intact.
 * Line breaks follow the sample's (CRLF when it has any).
 */
export function buildWorkload(sampleCsv: string, copies: number): Workload {
  if (!Number.isInteger(copies) || copies < 1 || copies > 999)
    throw new RangeError(`copies must be a whole number from 1 to 999, not ${copies}`);

  const parsed = Papa.parse<string[]>(sampleCsv, { header: false, skipEmptyLines: 'greedy' });
  if (parsed.errors.length > 0) throw new Error(`The sample CSV does not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const [header, ...rows] = parsed.data;
  if (header === undefined || rows.length === 0) throw new Error('The sample CSV has no header or no data rows');

  const codeIndex = columnIndex(header, providerCodeColumn);
  const nameIndex = columnIndex(header, providerNameColumn);
  const sampleProviders = new Set(rows.map((row) => row[codeIndex])).size;

  const copiedRows: string[][] = [];
  for (let copy = 1; copy <= copies; copy += 1) {
    const suffix = String(copy).padStart(3, '0');
    for (const row of rows) {
      const copied = [...row];
      copied[codeIndex] = `${row[codeIndex] ?? ''}-C${suffix}`;
      copied[nameIndex] = `${row[nameIndex] ?? ''} (COPY ${suffix})`;
      copiedRows.push(copied);
    }
  }

  const newline = sampleCsv.includes('\r\n') ? '\r\n' : '\n';
  const csv = Papa.unparse([header, ...copiedRows], { newline }) + newline;
  return { csv, rows: copiedRows.length, providers: sampleProviders * copies, sampleRows: rows.length, sampleProviders, copies };
}
