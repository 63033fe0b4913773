/**
 * The pack's tables as CSV files (papaparse), one per table, in one ZIP file (fflate). Values are
 * plain data that a spreadsheet can compute with. Numbers have a decimal point and no grouping.
 * Money is a number, with the currency in a column of its own. Percentages run from 0 to 100,
 * rounded to two decimals, with the unit in the header, or in a unit column when the KPIs of one
 * column differ in unit. Dates are `YYYY-MM-DD`, months `YYYY-MM`, instants ISO 8601 in UTC.
 * Each file starts with a UTF-8 byte order mark so that Excel reads names in any script, and ends
 * with a line break. Text that a spreadsheet would run as a formula starts with an apostrophe.
 */
import type { TFunction } from 'i18next';
import Papa from 'papaparse';
import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { KpiUnit } from '@shared/domain/types';
import { minorUnitDigits } from '@shared/rfp/money';
import type { ReportCell, ReportPack } from '@shared/reports';
import { formulaCellPattern } from '@shared/schedule/io/csvFormat';
import { safeFileName } from './fileName';
import { cellText, columnTitle, dataTables, packFactRows, tableTitle } from './reportText';

type CsvValue = string | number | boolean;

/** Decimals of percentages and other non-integer numbers in CSV, as the app shows KPI percentages. */
const csvDecimals = 2;

function rounded(value: number): number {
  return Number(value.toFixed(csvDecimals));
}

const plainNumber = /^[+-]?\d+(\.\d+)?$/;

/**
 * Returns `text` with an apostrophe in front when a spreadsheet would run it as a formula, such as
 * a provider named `=HYPERLINK(...)` (CSV injection). A plain number such as `-12.50` stays as it is.
 */
function guardedText(text: string): string {
  return formulaCellPattern.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

/** Returns the CSV value of one cell; its currency or unit goes in a column or header of its own. */
export function csvValue(t: TFunction, cell: ReportCell, locale: string): CsvValue {
  switch (cell.kind) {
    case 'integer':
      return cell.value;
    case 'decimal':
    case 'kpiValue':
      return rounded(cell.value);
    case 'share':
      return rounded(cell.value * 100);
    case 'money': {
      const digits = minorUnitDigits(cell.currency);
      return (cell.minor / 10 ** digits).toFixed(digits);
    }
    case 'date':
    case 'month':
    case 'instant':
      return cell.value;
    default:
      return guardedText(cellText(t, cell, locale));
  }
}

/** Unit of a cell's CSV number: a KPI's unit, `percent` for a share, `null` for a cell without one. */
function unitOf(cell: ReportCell | undefined): KpiUnit | null {
  if (cell?.kind === 'share') return 'percent';
  if (cell?.kind === 'kpiValue') return cell.unit;
  return null;
}

/**
 * Lays out one table for CSV. A column whose numbers share one unit names it in its header
 * ("Share of total (%)"). When the KPIs of one table differ in unit, a unit column follows, with
 * the unit of each row's KPI. Money gets a currency column with each row's currency.
 */
export function csvRows(t: TFunction, header: readonly string[], rows: readonly (readonly ReportCell[])[], locale: string): CsvValue[][] {
  const columnUnits = header.map((_, position) => new Set(rows.map((row) => unitOf(row[position])).filter((unit) => unit !== null)));
  const mixedUnits = columnUnits.some((units) => units.size > 1);
  const hasMoney = rows.some((row) => row.some((cell) => cell.kind === 'money'));

  // Column titles can be names from the data, such as a bidder's.
  const titles: CsvValue[] = header.map((title, position) => {
    const units = columnUnits[position];
    const [unit] = units ?? [];
    if (mixedUnits || units?.size !== 1 || unit === undefined || unit === 'number') return guardedText(title);
    return guardedText(t('reports.csv.headerWithUnit', { title, unit: t(`reports.csv.units.${unit}`) }));
  });
  if (mixedUnits) titles.push(t('reports.csv.unit'));
  if (hasMoney) titles.push(t('reports.csv.currency'));

  const body = rows.map((row) => {
    const values = row.map((cell) => csvValue(t, cell, locale));
    if (mixedUnits) {
      const unit = row.map(unitOf).find((entry) => entry !== null);
      values.push(unit === undefined || unit === 'number' ? '' : t(`reports.csv.units.${unit}`));
    }
    if (hasMoney) values.push(row.find((cell) => cell.kind === 'money')?.currency ?? '');
    return values;
  });
  return [titles, ...body];
}

/**
 * Lists the pack's CSV files, numbered in pack order: first the facts of the workbook's first sheet
 * (what the pack covers, then the summary's facts), then one file per table of each section,
 * named after its section and its title.
 */
export function csvFiles(pack: ReportPack, t: TFunction, locale: string): { readonly name: string; readonly text: string }[] {
  const files: { name: string; text: string }[] = [];
  const add = (title: string, rows: CsvValue[][]) => {
    const number = String(files.length + 1).padStart(2, '0');
    files.push({ name: safeFileName(`${number} ${title}`, [], 'csv'), text: `\ufeff${Papa.unparse(rows, { newline: '\r\n' })}\r\n` });
  };

  const hasSummary = pack.sections.some((section) => section.key === 'summary');
  const facts = packFactRows(t, pack, locale).map((row): ReportCell[] => [{ kind: 'text', value: row.label }, row.value]);
  add(
    hasSummary ? t('reports.sections.summary') : t('reports.workbook.coverSheet'),
    csvRows(t, [t('reports.summaryTable.fact'), t('reports.summaryTable.value')], facts, locale),
  );
  for (const section of pack.sections) {
    for (const table of dataTables(section)) {
      const header = table.columns.map((column) => columnTitle(t, table, column));
      add(`${t(`reports.sections.${section.key}`)} - ${tableTitle(t, table)}`, csvRows(t, header, table.rows, locale));
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
