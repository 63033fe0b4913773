/**
 * Checks the contract form of the provider page (title, term, notice, renewal, charges, pricing
 * model, exit provisions) and turns it into contract data, or into one error per field.
 *
 * Text fields arrive as typed. Number fields arrive as the renderer parsed them in the user's
 * locale: a number, `null` for an empty field, or the typed text when it is not a number. Each
 * error is the i18n key of its sentence (`contractGovernance.problems.<code>`), and the
 * sentence's values come from `contractFormLimits` and the currency.
 */
import * as z from 'zod';
import { addCalendarMonths } from '../calendar/contractDates';
import type { ContractData, NoticePeriod, PricingModel } from '../domain/types';
import { highAtRiskPercent } from '../kpi/serviceLevelSchema';
import type { NumberInput } from '../kpi/serviceLevelSchema';
import { exactDecimal, isCurrencyCode, minorUnitDigits } from '../rfp/money';
import { isCalendarDate, toDayNumber } from '../schedule/days';
import { whenFieldsValid } from './crossFieldRule';

export const contractFormLimits = {
  /** Maximum title length, in UTF-16 code units. */
  maxTitleLength: 200,
  /** Maximum notice period, in days or months. NOTE: A guard against typing mistakes, chosen here and not taken from any contract standard. */
  maxNoticeAmount: 999,
  minRenewalMonths: 1,
  maxRenewalMonths: 120,
} as const;

export const pricingModels = [
  'fteBased',
  'transactionBased',
  'fixed',
  'outcomeBased',
  'gainShare',
] as const satisfies readonly PricingModel[];

/** The contract form as typed, with dates as `YYYY-MM-DD` text that is empty when not set. */
export interface ContractFormInput {
  readonly title: string;
  readonly currency: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly noticeAmount: NumberInput;
  readonly noticeUnit: NoticePeriod['unit'];
  readonly autoRenewal: boolean;
  /** Read only when `autoRenewal` is on, because a contract that does not renew stores `null`. */
  readonly renewalMonths: NumberInput;
  /** A `PricingModel`, or empty for none. */
  readonly pricingModel: string;
  /** Annual value in major units of `currency`. */
  readonly annualValue: NumberInput;
  /** Monthly charges in major units of `currency`. */
  readonly monthlyCharges: NumberInput;
  readonly atRiskPercent: NumberInput;
  readonly exitProvisions: ContractData['exitProvisions'];
}

export type ContractFormField = Exclude<keyof ContractFormInput, 'exitProvisions' | 'autoRenewal' | 'noticeUnit'>;

/** Contract data the form sets: everything but the provider. */
export type ContractFormValues = Omit<ContractData, 'providerId'>;

/**
 * Findings that do not stop a save: a notice period longer than the term, and an unusually high
 * share at risk.
 */
export type ContractFormWarning = 'noticeLongerThanTerm' | 'atRiskHigh';

export type ContractFormProblem =
  | 'required'
  | 'notNumber'
  | 'notCount'
  | 'notAmount'
  | 'notWhole'
  | 'negative'
  | 'tooManyDecimals'
  | 'tooLarge'
  | 'outsidePercent'
  | 'titleEmpty'
  | 'titleTooLong'
  | 'currencyInvalid'
  | 'dateInvalid'
  | 'endBeforeStart'
  | 'noticeRange'
  | 'renewalRange'
  | 'pricingModelInvalid';

/** The i18n key of a problem's sentence. */
export type ContractFormErrorKey = `contractGovernance.problems.${ContractFormProblem}`;

export type ContractFormCheck =
  | { readonly ok: true; readonly value: ContractFormValues; readonly warnings: readonly ContractFormWarning[] }
  | { readonly ok: false; readonly errors: Readonly<Partial<Record<ContractFormField, ContractFormErrorKey>>> };

const problemKey = (code: ContractFormProblem): ContractFormErrorKey => `contractGovernance.problems.${code}`;

const errorKeys: ReadonlySet<string> = new Set<ContractFormErrorKey>(
  (
    [
      'required',
      'notNumber',
      'notCount',
      'notAmount',
      'notWhole',
      'negative',
      'tooManyDecimals',
      'tooLarge',
      'outsidePercent',
      'titleEmpty',
      'titleTooLong',
      'currencyInvalid',
      'dateInvalid',
      'endBeforeStart',
      'noticeRange',
      'renewalRange',
      'pricingModelInvalid',
    ] as const
  ).map(problemKey),
);

function isErrorKey(message: string): message is ContractFormErrorKey {
  return errorKeys.has(message);
}

/**
 * Builds a schema for a number field, which reports `null` (empty) as `required` and typed text as
 * `notNumberProblem`: `notCount` for a number of days or months, `notAmount` for money and
 * `notNumber` for a percentage, so the message fits what the field holds.
 */
function numberField(notNumberProblem: 'notNumber' | 'notCount' | 'notAmount') {
  return z.number({ error: (issue) => problemKey(issue.input === null || issue.input === undefined ? 'required' : notNumberProblem) });
}

function wholeNumber(rangeProblem: ContractFormProblem, min: number, max: number) {
  return numberField('notCount')
    .int({ error: problemKey('notWhole') })
    .min(min, { error: problemKey(rangeProblem) })
    .max(max, { error: problemKey(rangeProblem) });
}

function optionalDate() {
  return z
    .string()
    .transform((text) => text.trim())
    .refine((text) => text === '' || isCalendarDate(text), { error: problemKey('dateInvalid') })
    .transform((text) => (text === '' ? null : text));
}

const inputSchema = z.object({
  title: z
    .string()
    .transform((text) => text.trim())
    .refine((text) => text !== '', { error: problemKey('titleEmpty') })
    .refine((text) => text.length <= contractFormLimits.maxTitleLength, { error: problemKey('titleTooLong') }),
  currency: z
    .string()
    .transform((text) => text.trim().toUpperCase())
    .refine(isCurrencyCode, { error: problemKey('currencyInvalid') }),
  startDate: optionalDate(),
  endDate: optionalDate(),
  noticeAmount: wholeNumber('noticeRange', 0, contractFormLimits.maxNoticeAmount).nullable(),
  noticeUnit: z.enum(['days', 'months']),
  autoRenewal: z.boolean(),
  renewalMonths: z.union([z.null(), z.number(), z.string()]),
  pricingModel: z.enum(['', ...pricingModels], { error: problemKey('pricingModelInvalid') }),
  annualValue: numberField('notAmount').min(0, { error: problemKey('negative') }).nullable(),
  monthlyCharges: numberField('notAmount').min(0, { error: problemKey('negative') }).nullable(),
  atRiskPercent: numberField('notNumber')
    .min(0, { error: problemKey('outsidePercent') })
    .max(100, { error: problemKey('outsidePercent') })
    .nullable(),
  exitProvisions: z.object({
    exitPlan: z.boolean(),
    dataReturn: z.boolean(),
    knowledgeTransferBack: z.boolean(),
    stepInRights: z.boolean(),
  }),
});

const renewalMonthsSchema = wholeNumber('renewalRange', contractFormLimits.minRenewalMonths, contractFormLimits.maxRenewalMonths);

/**
 * Converts an amount in major units to minor units of `currency` exactly, from the decimal the
 * number prints as, so 1234.56 GBP is 123456 and never 123455.99999. Returns the problem code
 * when the amount cannot be stored.
 */
function toMinorUnits(amount: number, currency: string): number | 'negative' | 'tooManyDecimals' | 'tooLarge' {
  if (amount < 0) return 'negative';
  const digits = minorUnitDigits(currency);
  const { mantissa, scale } = exactDecimal(amount);
  if (scale > digits) return 'tooManyDecimals';
  const minor = mantissa * 10n ** BigInt(digits - scale);
  return minor > BigInt(Number.MAX_SAFE_INTEGER) ? 'tooLarge' : Number(minor);
}

type ParsedContractForm = z.output<typeof inputSchema>;

/** Reads the renewal term, which only a contract that renews automatically has. */
function renewalMonthsOf(input: Pick<ParsedContractForm, 'autoRenewal' | 'renewalMonths'>) {
  return input.autoRenewal ? renewalMonthsSchema.safeParse(input.renewalMonths) : null;
}

/**
 * Builds the schema of the contract form. The rules that compare fields run as soon as the fields
 * they read are valid, so one submit reports them together with every other field's error.
 */
export function contractFormSchema() {
  return inputSchema
    .superRefine((input, context) => {
      if (input.startDate !== null && input.endDate !== null && input.endDate < input.startDate)
        context.addIssue({ code: 'custom', path: ['endDate'], message: problemKey('endBeforeStart') });
    }, whenFieldsValid(['startDate', 'endDate']))
    .superRefine((input, context) => {
      const renewal = renewalMonthsOf(input);
      if (renewal === null || renewal.success) return;
      const message = renewal.error.issues[0]?.message ?? '';
      context.addIssue({ code: 'custom', path: ['renewalMonths'], message: isErrorKey(message) ? message : problemKey('notCount') });
    }, whenFieldsValid(['autoRenewal', 'renewalMonths']))
    .superRefine(moneyRule('annualValue'), whenFieldsValid(['currency', 'annualValue']))
    .superRefine(moneyRule('monthlyCharges'), whenFieldsValid(['currency', 'monthlyCharges']))
    .transform((input): ContractFormValues => {
      // The rules above passed, so the renewal term and both amounts convert.
      const renewal = renewalMonthsOf(input);
      const minorUnits = (amount: number | null) => {
        const minor = amount === null ? null : toMinorUnits(amount, input.currency);
        return typeof minor === 'number' ? minor : null;
      };
      return {
        title: input.title,
        currency: input.currency,
        startDate: input.startDate,
        endDate: input.endDate,
        noticePeriod: input.noticeAmount === null ? null : { amount: input.noticeAmount, unit: input.noticeUnit },
        autoRenewal: input.autoRenewal,
        renewalMonths: renewal?.success === true ? renewal.data : null,
        pricingModel: input.pricingModel === '' ? null : input.pricingModel,
        annualValueMinor: minorUnits(input.annualValue),
        monthlyChargesMinor: minorUnits(input.monthlyCharges),
        atRiskPercent: input.atRiskPercent,
        exitProvisions: input.exitProvisions,
      };
    });
}

/** Builds the rule that an amount fits the minor units of the contract's currency. */
function moneyRule(field: 'annualValue' | 'monthlyCharges') {
  return (input: ParsedContractForm, context: z.RefinementCtx) => {
    const amount = input[field];
    if (amount === null) return;
    const minor = toMinorUnits(amount, input.currency);
    if (typeof minor !== 'number') context.addIssue({ code: 'custom', path: [field], message: problemKey(minor) });
  };
}

/**
 * Checks whether the notice period is longer than the term from `startDate` to `endDate`: the
 * notice, counted from the first day of the term, would run past its last day. A notice exactly
 * as long as the term (3 months for 2025-04-01 to 2025-06-30) is not longer.
 */
export function noticeLongerThanTerm(values: Pick<ContractFormValues, 'startDate' | 'endDate' | 'noticePeriod'>): boolean {
  const { startDate, endDate, noticePeriod } = values;
  if (startDate === null || endDate === null || noticePeriod === null) return false;
  const start = toDayNumber(startDate);
  const noticeEnd =
    noticePeriod.unit === 'days' ? start + noticePeriod.amount : toDayNumber(addCalendarMonths(startDate, noticePeriod.amount));
  return noticeEnd > toDayNumber(endDate) + 1;
}

/** Lists the warnings of checked values; see `ContractFormWarning`. */
export function contractFormWarnings(values: ContractFormValues): ContractFormWarning[] {
  const warnings: ContractFormWarning[] = [];
  if (noticeLongerThanTerm(values)) warnings.push('noticeLongerThanTerm');
  if (values.atRiskPercent !== null && values.atRiskPercent > highAtRiskPercent) warnings.push('atRiskHigh');
  return warnings;
}

/** Checks the contract form and returns the contract data ready to write, or the first error of each field. */
export function checkContractForm(input: ContractFormInput): ContractFormCheck {
  const parsed = contractFormSchema().safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data, warnings: contractFormWarnings(parsed.data) };

  const errors: Partial<Record<ContractFormField, ContractFormErrorKey>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ContractFormField | undefined;
    if (field === undefined || field in errors) continue;
    // A message outside the list comes from a wrong type, which the typed input cannot produce.
    errors[field] = isErrorKey(issue.message) ? issue.message : problemKey('notNumber');
  }
  return { ok: false, errors };
}
