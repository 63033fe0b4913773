/**
 * The "Providers and contracts" import: which columns hold which provider and contract fields,
 * and the validation of every row into provider and contract data before a single write.
 * A row carries one provider, and optionally one contract of that provider (when it has a
 * contract title). Blank optional cells leave the stored value as it is.
 */
import type {
  CalendarDate,
  FinancialRating,
  NoticePeriod,
  PricingModel,
  ProviderCriticality,
  ProviderLifecycle,
  ProviderTier,
} from '../domain/types';
import { contractFormLimits } from '../forms/contract';
import { isCurrencyCode, minorUnitDigits } from '../rfp/money';
import { isCalendarDate } from '../schedule/days';
import { excelSerialToDate, formatCalendarDate } from './excelDate';
import { capIssues, rowIssue } from './issues';
import { isAmbiguousNumber, parseLocaleNumber } from './numberLocale';
import {
  criticalityChoice,
  financialRatingChoice,
  lifecycleChoice,
  noticeUnitChoice,
  pricingModelChoice,
  tierChoice,
  yesNoChoice,
} from './providerContractWords';
import type { ChoiceColumn } from './providerContractWords';
import { locateInSheet } from './sheetCells';
import type { SheetLayout } from './sheetCells';
import type { ImportIssue, ImportTable } from './types';

export const providerFields = [
  'code',
  'name',
  'legalEntity',
  'parentCompany',
  'tier',
  'criticality',
  'lifecycle',
  'financialRating',
] as const;
export const contractFields = [
  'title',
  'startDate',
  'endDate',
  'currency',
  'annualValue',
  'monthlyCharges',
  'noticeAmount',
  'noticeUnit',
  'autoRenewal',
  'renewalMonths',
  'pricingModel',
  'atRiskPercent',
] as const;
export type ProviderField = (typeof providerFields)[number];
export type ContractField = (typeof contractFields)[number];
export type ProviderContractField = ProviderField | ContractField;

/** Column of each field, as named in `ImportTable.header`, or `null` when the file has none. */
export type ProviderContractMapping = { readonly [F in ProviderContractField]: string | null };

/**
 * Provider fields a row sets; an absent field keeps the stored value (or the default for a new
 * provider). A row has a code, a name or both. A row with a code and no name refers to a stored
 * provider. The database layer checks that one exists, because only it reads the stored codes.
 */
export interface PlannedProviderRow {
  readonly code: string | null;
  readonly name: string | null;
  readonly legalEntity?: string;
  readonly parentCompany?: string;
  readonly tier?: ProviderTier;
  readonly criticality?: ProviderCriticality;
  readonly lifecycle?: ProviderLifecycle;
  readonly financialRating?: FinancialRating;
}

/** Contract fields a row sets; amounts in minor units of `currency`. Absent fields keep the stored value. */
export interface PlannedContractRow {
  readonly title: string;
  readonly startDate?: CalendarDate;
  readonly endDate?: CalendarDate;
  readonly currency?: string;
  readonly annualValueMinor?: number;
  readonly monthlyChargesMinor?: number;
  readonly noticePeriod?: NoticePeriod;
  readonly autoRenewal?: boolean;
  readonly renewalMonths?: number;
  readonly pricingModel?: PricingModel;
  readonly atRiskPercent?: number;
}

export interface ProviderContractRow {
  /** 1-based line (CSV) or row (XLSX) number in the file. */
  readonly row: number;
  readonly provider: PlannedProviderRow;
  readonly contract: PlannedContractRow | null;
}

/** Choices of the mapping step that are not columns. */
export interface ProviderContractDefaults {
  /** Unit of a notice period whose row gives none, or `null` to make such a row an error. */
  readonly noticeUnit: NoticePeriod['unit'] | null;
}

export const noDefaults: ProviderContractDefaults = { noticeUnit: null };

/** Everything a providers-and-contracts import will write, computed before a single write. */
export interface ProviderContractPlan {
  readonly fileName: string;
  /** Column mapped to the currency, named in the message about a new contract without one; `null` when unmapped. */
  readonly currencyColumn: string | null;
  /** Column mapped to the provider code, named in the message about a code that matches no stored provider. */
  readonly codeColumn: string | null;
  /** Layout of the sheet the rows come from, so that later messages can name sheet and cell; `null` for a CSV file. */
  readonly sheetLayout: SheetLayout | null;
  readonly rows: readonly ProviderContractRow[];
  readonly issues: readonly ImportIssue[];
  readonly issueCounts: { readonly errors: number; readonly warnings: number };
}

/** Column names the mapping guesses for each field, lower-case, besides the field key. */
const columnGuesses: Readonly<Record<ProviderContractField, readonly string[]>> = {
  code: ['provider code', 'code', 'provider id', 'supplier code', 'supplier id', 'vendor code', 'vendor id'],
  name: ['provider name', 'provider', 'name', 'supplier name', 'supplier', 'vendor name', 'vendor'],
  legalEntity: ['legal entity'],
  parentCompany: ['parent company', 'parent'],
  tier: ['tier'],
  criticality: ['criticality'],
  lifecycle: ['lifecycle', 'lifecycle status', 'status'],
  financialRating: ['financial rating', 'financial stability'],
  title: ['contract title', 'contract', 'contract name', 'contract reference', 'agreement', 'agreement title'],
  startDate: ['start date', 'start', 'contract start', 'commencement', 'commencement date', 'effective date'],
  endDate: ['end date', 'end', 'contract end', 'expiry', 'expiry date', 'expiration date'],
  currency: ['currency'],
  annualValue: ['annual value', 'annual contract value'],
  monthlyCharges: ['monthly charges', 'monthly charge', 'monthly fee', 'monthly fees'],
  noticeAmount: ['notice period', 'notice'],
  noticeUnit: ['notice unit', 'notice period unit'],
  autoRenewal: ['automatic renewal', 'auto renewal', 'auto-renewal', 'auto renew', 'auto-renew', 'renews automatically', 'evergreen'],
  renewalMonths: ['renewal months', 'renewal length (months)', 'renewal length', 'renewal term (months)', 'renewal term'],
  pricingModel: ['pricing model', 'pricing'],
  atRiskPercent: ['at-risk %', 'at risk %', 'at-risk percent', 'at risk'],
};

/** Problems of a mapping that block the import before any row is read. */
export type ProviderContractMappingProblem = 'providerUnmapped';

/** Lists the problems of `mapping`: a row names its provider by code or by name, so one of the two columns must be mapped. */
export function providerContractMappingProblems(mapping: ProviderContractMapping): ProviderContractMappingProblem[] {
  return mapping.code === null && mapping.name === null ? ['providerUnmapped'] : [];
}

/** Guesses the column of each field from the header names; a field with no matching column maps to `null`. */
export function guessProviderContractMapping(header: readonly string[]): ProviderContractMapping {
  const byName = new Map(header.map((column) => [column.trim().toLowerCase(), column]));
  const guess = (field: ProviderContractField): string | null => {
    for (const name of [field.toLowerCase(), ...columnGuesses[field]]) {
      const column = byName.get(name);
      if (column !== undefined) return column;
    }
    return null;
  };
  const entries = [...providerFields, ...contractFields].map((field) => [field, guess(field)] as const);
  return Object.fromEntries(entries) as ProviderContractMapping;
}

/** Codes of the issues a row of this import can raise; each sentence names file, line and column. */
type RowIssueCode =
  | 'import.emptyValue'
  | 'import.missingTitle'
  | 'import.missingNoticeUnit'
  | 'import.invalidChoice'
  | 'import.invalidCurrency'
  | 'import.invalidDate'
  | 'import.invalidNumber'
  | 'import.invalidWholeNumber'
  | 'import.invalidPercent'
  | 'import.invalidAmount'
  | 'import.outOfRange'
  | 'import.titleTooLong'
  | 'import.endBeforeStart'
  | 'import.renewalWithoutAutoRenewal'
  | 'import.conflictingProvider';

/** Reads the cells of one row, turning each mapped field into a value or an issue. */
class RowReader {
  readonly issues: ImportIssue[] = [];

  constructor(
    private readonly table: ImportTable,
    private readonly mapping: ProviderContractMapping,
    readonly defaults: ProviderContractDefaults,
    private readonly index: number,
    readonly row: number,
  ) {}

  /** Returns the trimmed text of the field's cell, or `null` when unmapped or blank. */
  text(field: ProviderContractField): string | null {
    const column = this.mapping[field];
    if (column === null) return null;
    const cell = this.table.rows[this.index]?.[this.table.header.indexOf(column)]?.trim() ?? '';
    return cell === '' ? null : cell;
  }

  /** Returns the column mapped to `field`, or the field's key when none is, for naming it in a message. */
  columnOf(field: ProviderContractField): string {
    return this.mapping[field] ?? field;
  }

  /** Records an error on the field's cell, with `extra` for the sentence, and returns `null`. */
  fail(
    field: ProviderContractField,
    code: RowIssueCode,
    value: string | null,
    extra: Readonly<Record<string, string | number>> = {},
  ): null {
    const column = this.columnOf(field);
    const detail = { file: this.table.fileName, field, column, ...(value === null ? {} : { value }), ...extra };
    this.issues.push(rowIssue('error', code, this.row, column, detail));
    return null;
  }

  choice<V>(field: ProviderContractField, column: ChoiceColumn<V>): V | null {
    const text = this.text(field);
    if (text === null) return null;
    const key = text.toLowerCase().replace(/\s+/g, ' ');
    const value = Object.hasOwn(column.words, key) ? column.words[key] : undefined;
    return value === undefined ? this.fail(field, 'import.invalidChoice', text, { accepted: column.accepted }) : value;
  }

  number(field: ProviderContractField): number | null {
    const typed = this.typedCell(field);
    if (typed?.kind === 'number') return typed.percentFormat ? typed.value * 100 : typed.value;
    const text = this.text(field);
    if (text === null) return null;
    const reading = this.table.numberReading;
    const parsed = parseLocaleNumber(text.replace(/%$/, '').trim(), reading.locale);
    if (parsed === null || (reading.rejectAmbiguous && isAmbiguousNumber(text, reading.locale)))
      return this.fail(field, 'import.invalidNumber', text);
    return parsed.value;
  }

  date(field: ProviderContractField): CalendarDate | null {
    const typed = this.typedCell(field);
    if (typed?.kind === 'date' && this.table.format === 'xlsx') {
      const date = excelSerialToDate(typed.serial, this.table.date1904);
      if (date !== null) return formatCalendarDate(date);
    }
    const text = this.text(field);
    if (text === null) return null;
    return isCalendarDate(text) ? text : this.fail(field, 'import.invalidDate', text);
  }

  /** Returns the cell's text as the file shows it, or `fallback` for a typed workbook cell read as a number. */
  shown(field: ProviderContractField, fallback: number): string {
    return this.text(field) ?? String(fallback);
  }

  private typedCell(field: ProviderContractField) {
    const column = this.mapping[field];
    if (column === null || this.table.format !== 'xlsx') return null;
    return this.table.typedRows[this.index]?.[this.table.header.indexOf(column)] ?? null;
  }
}

/** Converts an amount in major units to minor units of `currency`, or `null` when it has more decimals than the currency. */
function toMinor(amount: number, currency: string): number | null {
  const minor = amount * 10 ** minorUnitDigits(currency);
  const rounded = Math.round(minor);
  return amount >= 0 && Math.abs(minor - rounded) < 1e-6 && Number.isSafeInteger(rounded) ? rounded : null;
}

/** Reads a count of days or months: a non-negative whole number, else an issue. */
function wholeNumber(reader: RowReader, field: ProviderContractField): number | null {
  const value = reader.number(field);
  if (value === null) return null;
  if (Number.isInteger(value) && value >= 0) return value;
  return reader.fail(field, 'import.invalidWholeNumber', reader.shown(field, value));
}

/** Reads a whole number and checks it lies from `min` to `max`, the limits the contract form applies. */
function wholeNumberIn(reader: RowReader, field: ProviderContractField, min: number, max: number): number | null {
  const value = wholeNumber(reader, field);
  if (value === null || (value >= min && value <= max)) return value;
  return reader.fail(field, 'import.outOfRange', reader.shown(field, value), { min, max });
}

/**
 * Reads the provider of a row, which needs a code or a name. The issue of a row with neither sits
 * on the name's column when it is mapped, else on the code's. Every cell is checked even when both
 * are missing, so that one pass over the file reports every problem of the row.
 */
function readProvider(reader: RowReader, mapping: ProviderContractMapping): PlannedProviderRow | null {
  const code = reader.text('code');
  const name = reader.text('name');
  const unnamed = code === null && name === null;
  if (unnamed) reader.fail(mapping.name === null ? 'code' : 'name', 'import.emptyValue', null);
  const legalEntity = reader.text('legalEntity');
  const parentCompany = reader.text('parentCompany');
  const tier = reader.choice('tier', tierChoice);
  const criticality = reader.choice('criticality', criticalityChoice);
  const lifecycle = reader.choice('lifecycle', lifecycleChoice);
  const financialRating = reader.choice('financialRating', financialRatingChoice);
  if (unnamed) return null;
  return {
    code,
    name,
    ...(legalEntity === null ? {} : { legalEntity }),
    ...(parentCompany === null ? {} : { parentCompany }),
    ...(tier === null ? {} : { tier }),
    ...(criticality === null ? {} : { criticality }),
    ...(lifecycle === null ? {} : { lifecycle }),
    ...(financialRating === null ? {} : { financialRating }),
  };
}

/** Reads the currency code, upper-cased, or records an issue when it is not three letters. */
function readCurrency(reader: RowReader): string | null {
  const text = reader.text('currency');
  if (text === null) return null;
  const currency = text.toUpperCase();
  return isCurrencyCode(currency) ? currency : reader.fail('currency', 'import.invalidCurrency', text);
}

/**
 * Reads the contract of a row, or `null` when the row has no contract title. Without a title,
 * any other contract cell is an error, because the row would drop it silently. Every cell is
 * checked even when the title is missing.
 */
function readContract(reader: RowReader): PlannedContractRow | null {
  const title = reader.text('title');
  if (title === null) {
    const stray = contractFields.find((field) => field !== 'title' && reader.text(field) !== null);
    if (stray !== undefined) reader.fail('title', 'import.missingTitle', null);
  } else if (title.length > contractFormLimits.maxTitleLength) {
    reader.fail('title', 'import.titleTooLong', null, { length: title.length, max: contractFormLimits.maxTitleLength });
  }

  const currency = readCurrency(reader);
  // Amounts are checked against the currency's minor unit; GBP's two decimals stand in when it is missing or invalid.
  const moneyCurrency = currency ?? 'GBP';
  const money = (field: 'annualValue' | 'monthlyCharges'): number | null => {
    const amount = reader.number(field);
    if (amount === null) return null;
    const minor = toMinor(amount, moneyCurrency);
    if (minor !== null) return minor;
    return reader.fail(field, 'import.invalidAmount', reader.shown(field, amount), {
      digits: minorUnitDigits(moneyCurrency),
      currency: moneyCurrency,
    });
  };

  const startDate = reader.date('startDate');
  const endDate = reader.date('endDate');
  // The contract form's rule: a term cannot end before it starts.
  if (startDate !== null && endDate !== null && endDate < startDate) {
    reader.fail('endDate', 'import.endBeforeStart', endDate, { startDate, startColumn: reader.columnOf('startDate') });
  }
  const annualValueMinor = money('annualValue');
  const monthlyChargesMinor = money('monthlyCharges');
  const noticeAmount = wholeNumberIn(reader, 'noticeAmount', 0, contractFormLimits.maxNoticeAmount);
  const noticeUnit = reader.text('noticeUnit') === null ? reader.defaults.noticeUnit : reader.choice('noticeUnit', noticeUnitChoice);
  // The issue sits on the amount's cell, which is always mapped, because the unit column may not be.
  if (noticeAmount !== null && reader.text('noticeUnit') === null && reader.defaults.noticeUnit === null) {
    reader.fail('noticeAmount', 'import.missingNoticeUnit', reader.shown('noticeAmount', noticeAmount), {
      accepted: noticeUnitChoice.accepted,
    });
  }
  const autoRenewal = reader.choice('autoRenewal', yesNoChoice);
  const renewalMonths = wholeNumberIn(reader, 'renewalMonths', contractFormLimits.minRenewalMonths, contractFormLimits.maxRenewalMonths);
  // The contract form's rule: only a contract that renews automatically has a renewal term.
  if (autoRenewal === false && renewalMonths !== null) {
    reader.fail('renewalMonths', 'import.renewalWithoutAutoRenewal', reader.shown('renewalMonths', renewalMonths), {
      autoRenewalColumn: reader.columnOf('autoRenewal'),
    });
  }
  const pricingModel = reader.choice('pricingModel', pricingModelChoice);
  const atRiskPercent = reader.number('atRiskPercent');
  if (atRiskPercent !== null && (atRiskPercent < 0 || atRiskPercent > 100)) {
    reader.fail('atRiskPercent', 'import.invalidPercent', reader.shown('atRiskPercent', atRiskPercent));
  }
  if (title === null) return null;

  return {
    title,
    ...(startDate === null ? {} : { startDate }),
    ...(endDate === null ? {} : { endDate }),
    ...(currency === null ? {} : { currency }),
    ...(annualValueMinor === null ? {} : { annualValueMinor }),
    ...(monthlyChargesMinor === null ? {} : { monthlyChargesMinor }),
    ...(noticeAmount === null || noticeUnit === null ? {} : { noticePeriod: { amount: noticeAmount, unit: noticeUnit } }),
    ...(autoRenewal === null ? {} : { autoRenewal }),
    ...(renewalMonths === null ? {} : { renewalMonths }),
    ...(pricingModel === null ? {} : { pricingModel }),
    ...(atRiskPercent === null ? {} : { atRiskPercent }),
  };
}

/**
 * Lists the provider fields two rows of one provider both set, to different values. The import
 * would keep only the later value, so such rows are an error naming both lines.
 */
function conflictingProviderFields(first: PlannedProviderRow, later: PlannedProviderRow): ProviderField[] {
  return providerFields.filter((field) => {
    const a = first[field];
    const b = later[field];
    return a !== undefined && a !== null && b !== undefined && b !== null && a !== b;
  });
}

/**
 * Validates every row of `table` with `mapping` and the mapping step's `defaults`. The plan lists
 * every row that passed. Its issues name the file, line and column of each failure, or the sheet
 * and cell in a workbook, and any error blocks the whole import. Two rows for the same provider
 * and contract title are an error, because one would silently overwrite the other. Two rows of one
 * provider (same code, or same name without a code) that give it different names or profile
 * values are an error too.
 */
export function buildProviderContractPlan(
  table: ImportTable,
  mapping: ProviderContractMapping,
  defaults: ProviderContractDefaults = noDefaults,
): ProviderContractPlan {
  const all: ImportIssue[] = [...table.issues];
  const rows: ProviderContractRow[] = [];
  const mappingProblems = providerContractMappingProblems(mapping);
  if (mappingProblems.length > 0) {
    all.push({
      severity: 'error',
      code: 'import.unmappedColumn',
      row: null,
      column: null,
      detail: { file: table.fileName },
    });
  }
  const seen = new Map<string, number>();
  /** First row of each provider, with its cells as the file wrote them for naming both values in a message. */
  const providersSeen = new Map<
    string,
    { readonly row: number; readonly provider: PlannedProviderRow; readonly cells: ReadonlyMap<ProviderField, string> }
  >();

  table.rows.forEach((_, index) => {
    if (mappingProblems.length > 0) return;
    const reader = new RowReader(table, mapping, defaults, index, table.rowNumbers[index] ?? index + 2);
    const provider = readProvider(reader, mapping);
    const contract = readContract(reader);
    all.push(...reader.issues);
    if (provider === null) return;

    // The import keys a provider by its code, or by its name when the row has no code. Rows with
    // other errors still take part, so that one pass reports every disagreement.
    const providerKey = provider.code === null ? `name\u001f${provider.name ?? ''}` : `code\u001f${provider.code}`;
    const first = providersSeen.get(providerKey);
    let conflicts: ProviderField[] = [];
    if (first !== undefined) {
      conflicts = conflictingProviderFields(first.provider, provider);
      for (const field of conflicts) {
        const detail = {
          file: table.fileName,
          field,
          column: mapping[field] ?? field,
          provider: provider.code ?? provider.name ?? '',
          value: reader.text(field) ?? '',
          firstValue: first.cells.get(field) ?? '',
          firstRow: first.row,
        };
        all.push(rowIssue('error', 'import.conflictingProvider', reader.row, mapping[field] ?? field, detail));
      }
    } else {
      const cells = new Map(providerFields.map((field) => [field, reader.text(field) ?? ''] as const));
      providersSeen.set(providerKey, { row: reader.row, provider, cells });
    }
    if (conflicts.length > 0 || reader.issues.length > 0) return;

    const key = `${providerKey}\u001f${contract?.title ?? ''}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      const detail = { file: table.fileName, provider: provider.name ?? provider.code ?? '', firstRow };
      const issue =
        contract === null
          ? rowIssue('error', 'import.duplicateProvider', reader.row, null, detail)
          : rowIssue('error', 'import.duplicateRow', reader.row, null, { ...detail, contract: contract.title });
      all.push(issue);
      return;
    }
    seen.set(key, reader.row);
    rows.push({ row: reader.row, provider, contract });
  });

  // In a workbook, every row issue also names its sheet and cell.
  let located = all;
  if (table.format === 'xlsx') located = all.map((issue) => (issue.row === null ? issue : locateInSheet(issue, table)));
  const capped = capIssues(located);
  return {
    fileName: table.fileName,
    currencyColumn: mapping.currency,
    codeColumn: mapping.code,
    sheetLayout: table.format === 'xlsx' ? { sheet: table.sheet, header: table.header, firstColumn: table.firstColumn } : null,
    rows,
    issues: capped.issues,
    issueCounts: capped.counts,
  };
}
