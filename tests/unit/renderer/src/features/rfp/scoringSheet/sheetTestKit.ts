/** Helpers for scoring sheet tests: English workbook texts, and editing a saved .xlsx file as a user would in Excel. */
import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import i18next from 'i18next';
import { en } from '../../../../../../../renderer/src/i18n/en';
import { sheetLabels } from '../../../../../../../renderer/src/features/rfp/scoringSheet/exportSheet';
import type { SheetLabels } from '../../../../../../../renderer/src/features/rfp/scoringSheet/writeSheet';

/** Starts i18next with the English texts and returns the workbook labels. */
export async function englishLabels(): Promise<SheetLabels> {
  if (!i18next.isInitialized) {
    await i18next.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } });
  }
  return sheetLabels(i18next.t);
}

/** Opens the workbook at `path`, lets `edit` change its Scores sheet, and saves it in place. */
export async function editScores(path: string, edit: (sheet: ExcelJS.Worksheet) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await readFile(path)).buffer);
  const sheet = workbook.getWorksheet('Scores');
  if (sheet === undefined) throw new Error(`${path} has no Scores sheet`);
  edit(sheet);
  await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** Reverses the order of the Scores data rows (row 2 to the last), as sorting in Excel would reorder them. */
export function reverseDataRows(sheet: ExcelJS.Worksheet): void {
  const last = sheet.rowCount;
  const values = [];
  for (let row = 2; row <= last; row++) {
    const cells: ExcelJS.CellValue[] = [];
    sheet.getRow(row).eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column] = cell.value;
    });
    values.push(cells);
  }
  values.reverse();
  values.forEach((cells, index) => {
    const row = sheet.getRow(index + 2);
    const width = Math.max(cells.length, row.cellCount + 1);
    for (let column = 1; column < width; column++) row.getCell(column).value = cells[column] ?? null;
  });
}
