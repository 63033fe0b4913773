/**
 * Reads an .xlsx workbook of measurements with exceljs into plain cells (`WorkbookGrid`), which
 * `buildSheetTable` in shared/ turns into the table the mapping reads. exceljs is loaded on
 * first use, so it stays out of the main bundle.
 */
import type { CellValue, Workbook } from 'exceljs';
import { unzipSync } from 'fflate';
import { fail, ok, type Result } from '@shared/errors';
import { serialFromExcelJsDate } from '@shared/import/excelDate';
import type { SheetCell, SheetGrid, SheetRow, WorkbookGrid } from '@shared/import/sheetTable';
import { loadExcel } from '../rfp/scoringSheet/loadExcel';

/**
 * Largest total size of a workbook's unpacked parts, which stops a compressed bomb before
 * exceljs inflates it.
 * NOTE: 512 MiB is a guess well above the measurement sheets seen so far, not a measured
 * limit of the renderer's memory.
 */
export const maxUnpackedWorkbookBytes = 512 * 1024 * 1024;

/** Checks whether the bytes start like a ZIP container, as every .xlsx file does. */
export function isZipContainer(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Checks whether the bytes start like an OLE compound file, which an Excel 97-2003 .xls or a password-protected .xlsx is. */
function isOleContainer(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * Reads every worksheet of an .xlsx file. Fails with `xlsx.notWorkbook` (reason `legacy` for
 * an .xls or password-protected file), or with `xlsx.tooLarge` when the parts listed in the ZIP
 * directory unpack to more than `maxUnpackedBytes`. Each error's detail names the file.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  maxUnpackedBytes: number = maxUnpackedWorkbookBytes,
): Promise<Result<WorkbookGrid>> {
  if (isOleContainer(bytes)) {
    return fail('xlsx.notWorkbook', { file: fileName, reason: 'legacy' });
  }
  const unpacked = unpackedSize(bytes);
  if (unpacked === null) {
    return fail('xlsx.notWorkbook', { file: fileName }, 'The ZIP directory could not be read');
  }
  if (unpacked > maxUnpackedBytes) {
    return fail('xlsx.tooLarge', { file: fileName, sizeBytes: unpacked, maxBytes: maxUnpackedBytes });
  }

  const excel = await loadExcel();
  const workbook = new excel.Workbook();
  try {
    // A copy, because exceljs takes an ArrayBuffer and `bytes` may be a view into a larger one.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    return fail('xlsx.notWorkbook', { file: fileName }, error instanceof Error ? error.message : String(error));
  }
  // exceljs 4.4 loads any ZIP without complaint; a ZIP without worksheets is no workbook.
  if (workbook.worksheets.length === 0) {
    return fail('xlsx.notWorkbook', { file: fileName }, 'The file has no worksheets');
  }
  return ok(gridOf(workbook, fileName));
}

/** Sums the unpacked sizes listed in the ZIP directory without inflating anything, or `null` for a broken ZIP. */
function unpackedSize(bytes: Uint8Array): number | null {
  let total = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch {
    return null;
  }
  return total;
}

function gridOf(workbook: Workbook, fileName: string): WorkbookGrid {
  // exceljs 4.4 copies the workbookPr date1904 attribute here when it loads a file that has one.
  const properties = workbook.properties as { date1904?: boolean } | undefined;
  const date1904 = properties?.date1904 === true;
  const sheets: SheetGrid[] = workbook.worksheets.map((worksheet) => {
    const rows: SheetRow[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells = new Map<number, SheetCell>();
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const value = sheetCell(cell.value, cell.numFmt, date1904);
        if (value !== null) cells.set(column, value);
      });
      if (cells.size > 0) rows.push({ row: rowNumber, cells });
    });
    return { name: worksheet.name, rows };
  });
  return { fileName, date1904, sheets };
}

/**
 * Turns an exceljs cell value into a plain cell: a formula gives its cached result, rich text
 * and hyperlinks their text, an error its code (`#N/A`), a boolean `TRUE` or `FALSE`. A `Date`
 * is turned back into its serial from the UTC instant, never from local-time fields.
 */
export function sheetCell(value: CellValue, numberFormat: string | undefined, date1904: boolean): SheetCell | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return { kind: 'number', value, numberFormat: numberFormat ?? 'General' };
  if (typeof value === 'string') return { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'date', serial: serialFromExcelJsDate(value, date1904) };
  if ('richText' in value) return { kind: 'text', text: value.richText.map((part) => part.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) return sheetCell(value.result ?? null, numberFormat, date1904);
  if ('hyperlink' in value) return { kind: 'text', text: value.text };
  if ('error' in value) return { kind: 'text', text: value.error };
  return null;
}
