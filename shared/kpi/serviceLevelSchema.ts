/**
 * Checks the service credit terms of one service level and the credit terms of a contract before
 * they are written. Problems are codes by field path (`creditRule.tiers.1.worseThan`), which the
 * renderer turns into sentences at the field (`serviceTerms.problems.<code>` and
 * `contractTerms.problems.<code>`).
 *
 * Number fields arrive as the renderer parsed them in the user's locale: a number, `null` for an
 * empty field, or the typed text when it is not a number. Results compare in the KPI's direction,
 * so "worse" means lower for a higher-is-better KPI and higher for a lower-is-better one.
 */
import * as z from 'zod';
import { isPeriod } from '../domain/period';
import type { ContractData, GlideStep, KpiDefinitionData, ServiceLevelData } from '../domain/types';
import { exactDecimal, minorUnitDigits } from '../rfp/money';

/** A number field as parsed: the number, `null` when empty, or the typed text when it is not a number. */
export type NumberInput = number | null | string;

/** Maximum earn-back window, in months. */
export const maxEarnBackMonths = 12;
/** Maximum length of a glide path, in months after go-live. */
export const maxGlideMonths = 36;
/** At-risk share above which the contract form warns: 5 to 20% of the monthly charges is usual. */
export const highAtRiskPercent = 25;

export type TermsProblem =
  | 'required'
  | 'notNumber'
  | 'outsidePercent'
  | 'negative'
  | 'notWhole'
  | 'minimumOrder'
  | 'contractRequired'
  | 'contractUnknown'
  | 'allocationRequired'
  | 'fullCreditNotWorse'
  | 'tiersEmpty'
  | 'tierNotWorse'
  | 'tierDuplicate'
  | 'earnBackRange'
  | 'bonusNotBetter'
  | 'goLiveInvalid'
  | 'goLiveRequired'
  | 'glideMonthRange'
  | 'glideMonthDuplicate'
  | 'glideMonthGap'
  | 'glideOrder';

/** One problem, at the dotted path of the field to correct (`glidePath.0.minimum`). */
export interface TermsIssue {
  readonly field: string;
  readonly problem: TermsProblem;
}

export type CreditRuleInput =
  | { readonly kind: 'fixed' }
  | { readonly kind: 'proportional'; readonly fullCreditAt: NumberInput }
  | {
      readonly kind: 'tiered';
      readonly tiers: readonly { readonly worseThan: NumberInput; readonly percentOfAllocation: NumberInput }[];
    };

/** The terms form of one service level as typed, numbers parsed. */
export interface ServiceLevelTermsInput {
  readonly expected: NumberInput;
  readonly minimum: NumberInput;
  readonly contractId: string | null;
  readonly critical: boolean;
  readonly allocationPercent: NumberInput;
  readonly creditRule: CreditRuleInput;
  readonly earnBackMonths: NumberInput;
  readonly bonus: { readonly level: NumberInput; readonly percentOfAllocation: NumberInput } | null;
  /** Go-live month `YYYY-MM`, or `null`. */
  readonly goLive: string | null;
  readonly glidePath: readonly { readonly month: NumberInput; readonly expected: NumberInput; readonly minimum: NumberInput }[];
}

/** Facts the terms are checked against: the KPI's unit, kind and direction, and the provider's contracts. */
export interface TermsContext {
  readonly kpi: Pick<KpiDefinitionData, 'unit' | 'kind' | 'direction'>;
  /** Ids of the contracts the level may be linked to. */
  readonly contractIds: readonly string[];
}

export type CheckedLevelTerms = Pick<
  ServiceLevelData,
  | 'expected'
  | 'minimum'
  | 'contractId'
  | 'critical'
  | 'allocationPercent'
  | 'creditRule'
  | 'earnBackMonths'
  | 'bonus'
  | 'goLive'
  | 'glidePath'
>;

export type TermsCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly TermsIssue[] };

/** Builds a number field, which reports `null` (empty) as `required` and typed text as `notNumber`. */
function numberField() {
  return z.number({
    error: (issue) => (issue.input === null || issue.input === undefined ? 'required' : 'notNumber'),
  });
}

function percentField() {
  return numberField().min(0, { error: 'outsidePercent' }).max(100, { error: 'outsidePercent' });
}

/** Builds a field for a result in the KPI's unit: 0 to 100 for a percentage, never negative for a duration or count. */
function resultField(kpi: TermsContext['kpi']) {
  if (kpi.unit === 'percent') return percentField();
  const neverNegative = kpi.unit === 'seconds' || kpi.kind === 'duration' || kpi.kind === 'count';
  return neverNegative ? numberField().min(0, { error: 'negative' }) : numberField();
}

/** Builds an optional percentage field, where `null` means not entered. */
function optionalPercentField() {
  return z.union([z.null(), percentField()], {
    error: (issue) => (typeof issue.input === 'string' ? 'notNumber' : 'outsidePercent'),
  });
}

/**
 * Builds the schema of one service level's terms. Cross-field rules run only once every field has
 * the right type, so an empty or non-numeric field is reported alone. A value out of range does
 * not stop them.
 */
export function serviceLevelTermsSchema(context: TermsContext) {
  const result = resultField(context.kpi);
  const creditRule = z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed') }),
    z.object({ kind: z.literal('proportional'), fullCreditAt: result }),
    z.object({
      kind: z.literal('tiered'),
      tiers: z.array(z.object({ worseThan: result, percentOfAllocation: percentField() })).min(1, { error: 'tiersEmpty' }),
    }),
  ]);

  return z
    .object({
      expected: result,
      minimum: result,
      contractId: z.string().nullable(),
      critical: z.boolean(),
      allocationPercent: optionalPercentField(),
      creditRule,
      earnBackMonths: numberField()
        .int({ error: 'notWhole' })
        .min(0, { error: 'earnBackRange' })
        .max(maxEarnBackMonths, { error: 'earnBackRange' }),
      bonus: z.object({ level: result, percentOfAllocation: percentField() }).nullable(),
      goLive: z.string().refine(isPeriod, { error: 'goLiveInvalid' }).nullable(),
      glidePath: z.array(
        z.object({
          month: numberField()
            .int({ error: 'notWhole' })
            .min(1, { error: 'glideMonthRange' })
            .max(maxGlideMonths, { error: 'glideMonthRange' }),
          expected: result,
          minimum: result,
        }),
      ),
    })
    .superRefine((terms, refinement) => {
      for (const issue of crossFieldIssues(terms, context)) {
        refinement.addIssue({ code: 'custom', path: issue.field.split('.').map(pathPart), message: issue.problem });
      }
    })
    .transform((terms): CheckedLevelTerms => ({
      ...terms,
      glidePath: [...terms.glidePath].sort((a, b) => a.month - b.month),
    }));
}

function pathPart(part: string): string | number {
  return /^\d+$/.test(part) ? Number(part) : part;
}

type ShapedTerms = Omit<CheckedLevelTerms, 'glidePath'> & { readonly glidePath: readonly GlideStep[] };

/** Rules that compare fields with each other, in the order the form shows the fields. */
function crossFieldIssues(terms: ShapedTerms, context: TermsContext): TermsIssue[] {
  const higherIsBetter = context.kpi.direction === 'higherIsBetter';
  const worse = (a: number, b: number) => (higherIsBetter ? a < b : a > b);
  const issues: TermsIssue[] = [];
  const add = (field: string, problem: TermsProblem) => {
    issues.push({ field, problem });
  };

  // Reaching the expected level must never be a breach.
  if (worse(terms.expected, terms.minimum)) add('minimum', 'minimumOrder');

  if (terms.contractId !== null && !context.contractIds.includes(terms.contractId)) add('contractId', 'contractUnknown');
  if (terms.critical && terms.contractId === null) add('contractId', 'contractRequired');
  if (terms.critical && terms.allocationPercent === null) add('allocationPercent', 'allocationRequired');

  const rule = terms.creditRule;
  if (rule.kind === 'proportional' && !worse(rule.fullCreditAt, terms.minimum)) add('creditRule.fullCreditAt', 'fullCreditNotWorse');
  if (rule.kind === 'tiered') {
    const seen = new Set<number>();
    rule.tiers.forEach((tier, index) => {
      // A tier at the minimum itself covers every missed month, so it is accepted.
      if (worse(terms.minimum, tier.worseThan)) add(`creditRule.tiers.${index}.worseThan`, 'tierNotWorse');
      else if (seen.has(tier.worseThan)) add(`creditRule.tiers.${index}.worseThan`, 'tierDuplicate');
      seen.add(tier.worseThan);
    });
  }

  if (terms.bonus !== null && !worse(terms.expected, terms.bonus.level)) add('bonus.level', 'bonusNotBetter');

  addGlidePathIssues(terms, worse, add);
  return issues;
}

function addGlidePathIssues(
  terms: ShapedTerms,
  worse: (a: number, b: number) => boolean,
  add: (field: string, problem: TermsProblem) => void,
): void {
  if (terms.glidePath.length === 0) return;
  if (terms.goLive === null) add('goLive', 'goLiveRequired');

  const seen = new Set<number>();
  terms.glidePath.forEach((step, index) => {
    if (seen.has(step.month)) add(`glidePath.${index}.month`, 'glideMonthDuplicate');
    else if (step.month > terms.glidePath.length) add(`glidePath.${index}.month`, 'glideMonthGap');
    seen.add(step.month);
    if (worse(step.expected, step.minimum)) add(`glidePath.${index}.minimum`, 'glideOrder');
  });
}

const termsProblems: ReadonlySet<string> = new Set<TermsProblem>([
  'required',
  'notNumber',
  'outsidePercent',
  'negative',
  'notWhole',
  'minimumOrder',
  'contractRequired',
  'contractUnknown',
  'allocationRequired',
  'fullCreditNotWorse',
  'tiersEmpty',
  'tierNotWorse',
  'tierDuplicate',
  'earnBackRange',
  'bonusNotBetter',
  'goLiveInvalid',
  'goLiveRequired',
  'glideMonthRange',
  'glideMonthDuplicate',
  'glideMonthGap',
  'glideOrder',
]);

/**
 * Keeps the first problem of each field, in zod's order. An issue whose message is not one of
 * `known` (a wrong shape, which the typed input cannot produce) is kept as `fallback`.
 */
function issuesByField<P extends string>(error: z.ZodError, known: ReadonlySet<string>, fallback: P): { field: string; problem: P }[] {
  const found = new Map<string, P>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (found.has(field)) continue;
    found.set(field, known.has(issue.message) ? (issue.message as P) : fallback);
  }
  return [...found].map(([field, problem]) => ({ field, problem }));
}

/** Checks the terms of one service level and returns them ready to write, glide path steps in month order. */
export function checkServiceLevelTerms(input: ServiceLevelTermsInput, context: TermsContext): TermsCheck<CheckedLevelTerms> {
  const parsed = serviceLevelTermsSchema(context).safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: issuesByField<TermsProblem>(parsed.error, termsProblems, 'notNumber') };
}

export type ContractTermsProblem = 'notNumber' | 'negative' | 'tooManyDecimals' | 'tooLarge' | 'outsidePercent';

export interface ContractTermsIssue {
  readonly field: 'monthlyCharges' | 'atRiskPercent';
  readonly problem: ContractTermsProblem;
}

/** The contract's credit terms as typed: monthly charges in major units of the contract currency. */
export interface ContractTermsInput {
  readonly monthlyCharges: NumberInput;
  readonly atRiskPercent: NumberInput;
}

export type CheckedContractTerms = Pick<ContractData, 'monthlyChargesMinor' | 'atRiskPercent'>;

export type ContractTermsCheck =
  | {
      readonly ok: true;
      readonly value: CheckedContractTerms;
      /** `atRiskHigh` when more than `highAtRiskPercent` of the charges are at risk; the terms are still valid. */
      readonly warnings: readonly 'atRiskHigh'[];
    }
  | { readonly ok: false; readonly issues: readonly ContractTermsIssue[] };

/**
 * Converts an amount in major units to minor units of `currency` exactly, from the decimal the
 * number prints as, so 1234.56 GBP is 123456 and never 123455.99999.
 */
function toMinorUnits(amount: number, currency: string): number | 'tooManyDecimals' | 'tooLarge' {
  const digits = minorUnitDigits(currency);
  const { mantissa, scale } = exactDecimal(amount);
  if (scale > digits) return 'tooManyDecimals';
  const minor = mantissa * 10n ** BigInt(digits - scale);
  return minor > BigInt(Number.MAX_SAFE_INTEGER) ? 'tooLarge' : Number(minor);
}

/** Builds the schema of a contract's credit terms; empty fields are `null` (not entered). */
export function contractTermsSchema(currency: string) {
  const monthlyCharges = z.union([z.null(), z.number()], { error: 'notNumber' }).transform((amount, refinement) => {
    if (amount === null) return null;
    if (amount < 0) {
      refinement.addIssue({ code: 'custom', message: 'negative' });
      return z.NEVER;
    }
    const minor = toMinorUnits(amount, currency);
    if (typeof minor === 'string') {
      refinement.addIssue({ code: 'custom', message: minor });
      return z.NEVER;
    }
    return minor;
  });
  return z
    .object({ monthlyCharges, atRiskPercent: optionalPercentField() })
    .transform((terms): CheckedContractTerms => ({ monthlyChargesMinor: terms.monthlyCharges, atRiskPercent: terms.atRiskPercent }));
}

const contractProblems: ReadonlySet<string> = new Set<ContractTermsProblem>([
  'notNumber',
  'negative',
  'tooManyDecimals',
  'tooLarge',
  'outsidePercent',
]);

/** Checks a contract's monthly charges (major units of `currency`) and at-risk share, and converts the charges to minor units. */
export function checkContractTerms(input: ContractTermsInput, currency: string): ContractTermsCheck {
  const parsed = contractTermsSchema(currency).safeParse(input);
  if (!parsed.success) {
    const issues = issuesByField<ContractTermsProblem>(parsed.error, contractProblems, 'notNumber');
    return { ok: false, issues: issues.map((issue) => ({ field: issue.field as ContractTermsIssue['field'], problem: issue.problem })) };
  }
  const high = parsed.data.atRiskPercent !== null && parsed.data.atRiskPercent > highAtRiskPercent;
  return { ok: true, value: parsed.data, warnings: high ? ['atRiskHigh'] : [] };
}
