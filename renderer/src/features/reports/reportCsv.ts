/**
 * The pack's tables as CSV files (papaparse), one per table, in one ZIP file (fflate). Values are
 * plain data: numbers with a decimal point and no grouping, money as the amount and its currency
 * code, dates as `YYYY-MM-DD`, months as `YYYY-MM`. Each file starts with a UTF-8 byte order mark
 * so that Excel reads names in any script.
 */
import type { TFunction } from 'i18next';
import Papa from 'papaparse';
import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { minorUnitDigits } from '@shared/rfp/money';
import type { ReportCell, ReportPack } from '@shared/reports';
import { safeFileName } from './fileName';
import { cellText, columnTitle, packFactRows, tableTitle } from './reportText';

/** Returns the CSV value of one cell. */
export function csvValue(t: TFunction, cell: ReportCell, locale: string): string | number | boolean {
  switch (cell.kind) {
    case 'integer':
    case 'decimal':
    case 'share':
    case 'kpiValue':
      return cell.value;
    case 'money': {
      const digits = minorUnitDigits(cell.currency);
      return `${(cell.minor / 10 ** digits).toFixed(digits)} ${cell.currency}`;
    }
    case 'date':
    case 'month':
    case 'instant':
      return cell.value;
    default:
      return cellText(t, cell, locale);
  }
}

/**
 * Lists the pack's CSV files, numbered in pack order: first the facts of the workbook's first sheet
 * (what the pack covers, then the summary's facts), then one file per table, named after its
 * section and its title.
 */
export function csvFiles(pack: ReportPack, t: TFunction, locale: string): { readonly name: string; readonly text: string }[] {
  const files: { name: string; text: string }[] = [];
  const add = (title: string, rows: readonly (readonly (string | number | boolean)[])[]) => {
    const number = String(files.length + 1).padStart(2, '0');
    files.push({ name: safeFileName(`${number} ${title}`, [], 'csv'), text: `\ufeff${Papa.unparse(rows.map((row) => [...row]))}` });
  };

  const hasSummary = pack.sections.some((section) => section.key === 'summary');
  const facts = packFactRows(t, pack, locale).map((row) => [row.label, csvValue(t, row.value, locale)]);
  add(hasSummary ? t('reports.sections.summary') : t('reports.workbook.coverSheet'), [[t('reports.summaryTable.fact'), t('reports.summaryTable.value')], ...facts]);
  for (const section of pack.sections) {
    for (const table of section.tables) {
      const header = table.columns.map((column) => columnTitle(t, table, column));
      const rows = table.rows.map((row) => row.map((cell) => csvValue(t, cell, locale)));
      add(`${t(`reports.sections.${section.key}`)} - ${tableTitle(t, table)}`, [header, ...rows]);
    }
  }
  return files;
}

/** Zips the CSV files of `pack`. Every file has a fixed time stamp, so the same pack gives the same bytes. */
export function writeReportCsvZip(pack: ReportPack, t: TFunction, locale: string): Uint8Array {
  const mtime = new Date(pack.generatedAt);
  const entries: Zippable = {};
  for (const file of csvFiles(pack, t, locale)) entries[file.name] = [strToU8(file.text), { mtime }];
  return zipSync(entries);
}
