/**
 * The pack as an .xlsx workbook (exceljs): a first sheet that states what the pack covers, with the
 * summary's facts, then one sheet per section with its tables one below the other. Numbers are
 * numbers with number formats (money with its currency code, shares and percent KPIs as
 * percentages), calendar dates and months are dates, and columns are sized to their content.
 */
import type { TFunction } from 'i18next';
import type { Cell, Workbook, Worksheet } from 'exceljs';
import { minorUnitDigits } from '@shared/rfp/money';
import type { ReportCell, ReportPack, ReportSection, ReportTable } from '@shared/reports';
import { loadExcel } from '../rfp/scoringSheet/loadExcel';
import { cellText, columnTitle, dataTables, emptyTableText, packFactRows, sectionNote, summarySentences, tableTitle } from './reportText';

/** Widest column, in characters; longer texts wrap. */
const maxColumnWidth = 60;
const minColumnWidth = 8;

/** Writes the workbook of `pack`; texts come from `t`, number and date formats from the cells. */
export async function writeReportWorkbook(pack: ReportPack, t: TFunction, locale: string): Promise<Uint8Array> {
  const excel = await loadExcel();
  const workbook = new excel.Workbook();
  workbook.creator = 'Steerwise';
  workbook.created = new Date(pack.generatedAt);
  const usedNames = new Set<string>();

  addSummarySheet(workbook, pack, t, locale, usedNames);
  for (const section of pack.sections) {
    if (section.key === 'summary') continue;
    addSectionSheet(workbook, pack, section, t, locale, usedNames);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique ignoring case (Excel's rules). */
export function sheetName(title: string, usedNames: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 31)
      .trim() || 'Sheet';
  let name = base;
  for (let number = 2; usedNames.has(name.toLowerCase()); number++) {
    const suffix = ` (${String(number)})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  usedNames.add(name.toLowerCase());
  return name;
}

/** Adds the first sheet: what the pack covers, then the summary's facts and sentences when the pack has a summary. */
function addSummarySheet(workbook: Workbook, pack: ReportPack, t: TFunction, locale: string, usedNames: Set<string>): void {
  const summary = pack.sections.find((section) => section.key === 'summary');
  const title = summary === undefined ? t('reports.workbook.coverSheet') : t('reports.sections.summary');
  const sheet = workbook.addWorksheet(sheetName(title, usedNames), { views: [{ state: 'frozen', ySplit: 1 }] });
  addHeaderRow(sheet, [t('reports.summaryTable.fact'), t('reports.summaryTable.value')]);
  for (const row of packFactRows(t, pack, locale)) {
    const added = sheet.addRow([row.label, null]);
    writeCell(added.getCell(2), row.value, t, locale);
  }
  if (summary?.key === 'summary') {
    sheet.addRow([]);
    for (const sentence of summarySentences(t, pack, summary.facts, locale)) sheet.addRow([sentence]);
  }
  sheet.getColumn(1).width = 48;
  sheet.getColumn(2).width = 28;
}

/**
 * Adds a section's sheet. A sheet of one table starts with its header row, which is frozen. On a
 * sheet of several tables each table gets a title row, and no row is frozen, because a frozen
 * header of the first table would sit over the rows of the next.
 */
function addSectionSheet(workbook: Workbook, pack: ReportPack, section: ReportSection, t: TFunction, locale: string, usedNames: Set<string>): void {
  const sheet = workbook.addWorksheet(sheetName(t(`reports.sections.${section.key}`), usedNames));
  const note = sectionNote(t, pack, section);
  const tables = dataTables(section);
  if (note !== null) {
    sheet.addRow([note]);
    sheet.getColumn(1).width = maxColumnWidth;
    return;
  }

  const titled = tables.length > 1;
  const widths: number[] = [];
  for (const [index, table] of tables.entries()) {
    if (index > 0) sheet.addRow([]);
    if (titled) sheet.addRow([tableTitle(t, table)]).font = { bold: true, size: 12 };
    if (table.rows.length === 0) {
      sheet.addRow([emptyTableText(t, table)]).font = { italic: true };
      continue;
    }
    addHeaderRow(sheet, table.columns.map((column) => columnTitle(t, table, column)));
    addTableRows(sheet, table, t, locale, widths);
    table.columns.forEach((column, position) => {
      widths[position] = Math.max(widths[position] ?? 0, columnTitle(t, table, column).length);
    });
  }
  if (!titled) sheet.views = [{ state: 'frozen', ySplit: 1 }];
  widths.forEach((width, position) => {
    sheet.getColumn(position + 1).width = Math.min(maxColumnWidth, Math.max(minColumnWidth, width + 2));
  });
}

function addHeaderRow(sheet: Worksheet, titles: readonly string[]): void {
  const row = sheet.addRow([...titles]);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF4' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8A94A6' } } };
  });
}

function addTableRows(sheet: Worksheet, table: ReportTable, t: TFunction, locale: string, widths: number[]): void {
  for (const cells of table.rows) {
    const row = sheet.addRow([]);
    cells.forEach((cell, position) => {
      writeCell(row.getCell(position + 1), cell, t, locale);
      widths[position] = Math.max(widths[position] ?? 0, cellText(t, cell, locale).length);
    });
  }
}

/** Writes one report cell with its type: a number, a date, a boolean or text. */
export function writeCell(target: Cell, cell: ReportCell, t: TFunction, locale: string): void {
  switch (cell.kind) {
    case 'integer':
      target.value = cell.value;
      target.numFmt = '#,##0';
      return;
    case 'decimal':
      target.value = cell.value;
      target.numFmt = '#,##0.00';
      return;
    case 'share':
      target.value = cell.value;
      target.numFmt = '0.0%';
      return;
    case 'kpiValue':
      if (cell.unit === 'percent') {
        target.value = cell.value / 100;
        target.numFmt = '0.00%';
      } else {
        target.value = cell.value;
        target.numFmt = cell.unit === 'seconds' ? '#,##0" s"' : '#,##0.00';
      }
      return;
    case 'money': {
      const digits = minorUnitDigits(cell.currency);
      target.value = cell.minor / 10 ** digits;
      target.numFmt = `#,##0${digits > 0 ? `.${'0'.repeat(digits)}` : ''} "${cell.currency}"`;
      return;
    }
    case 'date':
      target.value = utcDate(cell.value);
      target.numFmt = 'yyyy-mm-dd';
      return;
    case 'month':
      target.value = utcDate(`${cell.value}-01`);
      target.numFmt = 'mmm yyyy';
      return;
    case 'instant':
      // A workbook cell has no time zone, so the instant is written in UTC and its format names UTC.
      target.value = new Date(cell.value);
      target.numFmt = 'yyyy-mm-dd hh:mm "UTC"';
      return;
    case 'boolean':
      target.value = cell.value;
      return;
    case 'empty':
      target.value = null;
      return;
    case 'text':
    case 'kpi':
    case 'code':
      target.value = cellText(t, cell, locale);
      return;
  }
}

/** Returns a calendar date as midnight UTC, which exceljs stores as a whole-day serial, so no time zone moves the day. */
function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}
