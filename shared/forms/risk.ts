/**
 * The risk form's schema: turns the raw strings of the add and edit forms into `RiskData`, or into
 * one error per field. Each error is an i18n key under `risks.form.errors`, and keys that mention
 * a limit take `{{max}}` from `riskTextLimits`.
 */
import * as z from 'zod';
import type { RiskCategory, RiskData, RiskScore, RiskStatus } from '../domain/governance';
import type { Id } from '../domain/types';
import { isCalendarDate } from '../schedule/days';

/** The form's fields as typed. Empty `providerId` means portfolio-wide, and empty `reviewDate` means no review planned. */
export interface RiskFormInput {
  readonly providerId: string;
  readonly title: string;
  readonly category: string;
  readonly description: string;
  readonly likelihood: string;
  readonly impact: string;
  readonly owner: string;
  readonly mitigation: string;
  readonly status: string;
  readonly reviewDate: string;
}

export type RiskFormField = keyof RiskFormInput;

export type RiskFormProblem =
  | 'titleRequired'
  | 'tooLong'
  | 'scoreRequired'
  | 'scoreRange'
  | 'reviewDateInvalid'
  | 'providerUnknown'
  | 'categoryInvalid'
  | 'statusInvalid'
  | 'invalid';

export const riskFormProblems: readonly RiskFormProblem[] = [
  'titleRequired',
  'tooLong',
  'scoreRequired',
  'scoreRange',
  'reviewDateInvalid',
  'providerUnknown',
  'categoryInvalid',
  'statusInvalid',
  'invalid',
];

/** i18n key of a problem's message. */
export type RiskFormErrorKey = `risks.form.errors.${RiskFormProblem}`;

/** i18n key of each invalid field's message. */
export type RiskFormErrors = Partial<Record<RiskFormField, RiskFormErrorKey>>;

export type RiskFormResult = { readonly ok: true; readonly value: RiskData } | { readonly ok: false; readonly errors: RiskFormErrors };

/** Maximum length of each free-text field, in characters after trimming. */
export const riskTextLimits = { title: 200, description: 4000, owner: 200, mitigation: 4000 } as const;

export const riskCategories: readonly RiskCategory[] = [
  'providerConcentration',
  'attrition',
  'dataProtection',
  'disasterRecovery',
  'financialDistress',
  'countryRisk',
  'regulatoryChange',
  'other',
];

export const riskStatuses: readonly RiskStatus[] = ['open', 'mitigating', 'accepted', 'closed'];

/** Form fields in the order the form shows them, so the first error found is the first on screen. */
export const riskFormFields: readonly RiskFormField[] = [
  'title',
  'category',
  'providerId',
  'likelihood',
  'impact',
  'status',
  'owner',
  'reviewDate',
  'description',
  'mitigation',
];

function errorKey(problem: RiskFormProblem): RiskFormErrorKey {
  return `risks.form.errors.${problem}`;
}

const errorKeys: ReadonlySet<string> = new Set(riskFormProblems.map(errorKey));

function limitedText(max: number) {
  return z
    .string()
    .transform((text) => text.trim())
    .refine((text) => text.length <= max, { error: errorKey('tooLong') });
}

/** A score typed as text: a whole number from 1 to 5, spaces around it allowed. */
const scoreField = z
  .string()
  .transform((text) => text.trim())
  .refine((text) => text !== '', { error: errorKey('scoreRequired') })
  .refine((text) => /^[1-5]$/.test(text), { error: errorKey('scoreRange') })
  .transform((text) => Number(text) as RiskScore);

/** Builds the schema; a provider id must be one of `providerIds`, because a risk of a deleted provider would be lost from every view. */
export function riskFormSchema(providerIds: ReadonlySet<Id>) {
  return z.object({
    title: limitedText(riskTextLimits.title).refine((text) => text !== '', { error: errorKey('titleRequired') }),
    category: z.enum(riskCategories, { error: errorKey('categoryInvalid') }),
    providerId: z
      .string()
      .transform((text) => text.trim())
      .refine((text) => text === '' || providerIds.has(text), { error: errorKey('providerUnknown') })
      .transform((text): Id | null => (text === '' ? null : text)),
    likelihood: scoreField,
    impact: scoreField,
    status: z.enum(riskStatuses, { error: errorKey('statusInvalid') }),
    owner: limitedText(riskTextLimits.owner),
    reviewDate: z
      .string()
      .transform((text) => text.trim())
      .refine((text) => text === '' || isCalendarDate(text), { error: errorKey('reviewDateInvalid') })
      .transform((text) => (text === '' ? null : text)),
    description: limitedText(riskTextLimits.description),
    mitigation: limitedText(riskTextLimits.mitigation),
  });
}

/** Checks the typed risk and returns it ready to store, or the first error of each invalid field. */
export function parseRiskForm(input: RiskFormInput, providerIds: ReadonlySet<Id>): RiskFormResult {
  const parsed = riskFormSchema(providerIds).safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };

  const errors: RiskFormErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !isRiskFormField(field) || errors[field] !== undefined) continue;
    // A message of zod's own comes from an input of the wrong type, which the typed form cannot send.
    errors[field] = errorKeys.has(issue.message) ? (issue.message as RiskFormErrorKey) : errorKey('invalid');
  }
  return { ok: false, errors };
}

function isRiskFormField(name: string): name is RiskFormField {
  return (riskFormFields as readonly string[]).includes(name);
}

/** Returns the first field with an error, in the form's order, or `null`. */
export function firstInvalidField(errors: RiskFormErrors): RiskFormField | null {
  return riskFormFields.find((field) => errors[field] !== undefined) ?? null;
}

/** Returns the form's strings for a stored risk or a prefilled draft. */
export function riskFormInputOf(risk: RiskData): RiskFormInput {
  return {
    providerId: risk.providerId ?? '',
    title: risk.title,
    category: risk.category,
    description: risk.description,
    likelihood: String(risk.likelihood),
    impact: String(risk.impact),
    owner: risk.owner,
    mitigation: risk.mitigation,
    status: risk.status,
    reviewDate: risk.reviewDate ?? '',
  };
}
