/**
 * Rules for a KPI that a user defines: which units and aggregations fit each kind, and the zod
 * schema that checks the "New KPI" and "Edit KPI" forms. Problems are returned as codes by field,
 * which the renderer turns into sentences at the field (`kpis.form.problems.<code>`).
 */
import * as z from 'zod';
import type { KpiAggregation, KpiDirection, KpiKind, KpiUnit } from '../domain/types';

export const kpiUnits: readonly KpiUnit[] = ['percent', 'seconds', 'number'];
export const kpiDirections: readonly KpiDirection[] = ['higherIsBetter', 'lowerIsBetter'];
export const kpiKinds: readonly KpiKind[] = ['ratio', 'value', 'duration', 'count'];
export const kpiAggregations: readonly KpiAggregation[] = ['ratioOfSums', 'sum', 'mean', 'last'];

/** Units and aggregations that fit one kind of KPI, the first of each being the default. */
export interface KindRule {
  readonly units: readonly KpiUnit[];
  readonly aggregations: readonly KpiAggregation[];
}

/**
 * A ratio is stored as a percentage with its numerator and denominator, so only a ratio can be
 * combined as a ratio of sums, and summing percentages means nothing. A duration is in seconds
 * and a count is a plain number. A value may be a percentage (a quality score, for example) or
 * a plain number.
 */
export const kindRules: { readonly [K in KpiKind]: KindRule } = {
  ratio: { units: ['percent'], aggregations: ['ratioOfSums', 'mean', 'last'] },
  value: { units: ['number', 'percent'], aggregations: ['mean', 'sum', 'last'] },
  duration: { units: ['seconds'], aggregations: ['mean', 'sum', 'last'] },
  count: { units: ['number'], aggregations: ['sum', 'mean', 'last'] },
};

/** Longest KPI name accepted, in UTF-16 code units. Longer names break the tables and chart titles. */
export const maxKpiNameLength = 120;
/** Longest KPI description accepted, in UTF-16 code units. */
export const maxKpiDescriptionLength = 2000;

export type KpiField = 'name' | 'description' | 'unit' | 'direction' | 'kind' | 'aggregation';

/** Problem with one field of a KPI form. */
export type KpiProblem =
  | 'nameMissing'
  | 'nameTooLong'
  | 'nameTaken'
  | 'descriptionTooLong'
  | 'unitInvalid'
  | 'directionInvalid'
  | 'kindInvalid'
  | 'aggregationInvalid'
  | 'unitNotForKind'
  | 'aggregationNotForKind';

/** The fields of a KPI form as typed or chosen, before checking. */
export interface KpiFormInput {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  readonly direction: string;
  readonly kind: string;
  readonly aggregation: string;
}

/** A checked user KPI: the name and description trimmed, and every choice a valid value. */
export interface UserKpi {
  readonly name: string;
  readonly description: string;
  readonly unit: KpiUnit;
  readonly direction: KpiDirection;
  readonly kind: KpiKind;
  readonly aggregation: KpiAggregation;
}

export type KpiCheck<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: Partial<Record<KpiField, KpiProblem>> };

/**
 * Normalises a KPI name for the uniqueness check: trimmed, inner white space collapsed, Unicode
 * NFC, and lower case, so that "Backlog" and " backlog " count as the same name.
 */
export function normaliseKpiName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

function nameSchema(takenNames: readonly string[]) {
  const taken = new Set(takenNames.map(normaliseKpiName));
  return z
    .string()
    .transform((name) => name.trim().replace(/\s+/gu, ' '))
    .pipe(
      z
        .string()
        .min(1, { error: 'nameMissing' })
        .max(maxKpiNameLength, { error: 'nameTooLong' })
        .refine((name) => !taken.has(normaliseKpiName(name)), { error: 'nameTaken' }),
    );
}

const descriptionSchema = z
  .string()
  .transform((description) => description.trim())
  .pipe(z.string().max(maxKpiDescriptionLength, { error: 'descriptionTooLong' }));

/**
 * Builds the schema of a new user KPI. `takenNames` are the names the portfolio already shows
 * (for library and preset KPIs, their translated names), compared after `normaliseKpiName`.
 */
export function userKpiSchema(takenNames: readonly string[]) {
  return z
    .object({
      name: nameSchema(takenNames),
      description: descriptionSchema,
      unit: z.enum(kpiUnits, { error: 'unitInvalid' }),
      direction: z.enum(kpiDirections, { error: 'directionInvalid' }),
      kind: z.enum(kpiKinds, { error: 'kindInvalid' }),
      aggregation: z.enum(kpiAggregations, { error: 'aggregationInvalid' }),
    })
    .superRefine((kpi, context) => {
      const rule = kindRules[kpi.kind];
      if (!rule.units.includes(kpi.unit)) context.addIssue({ code: 'custom', path: ['unit'], message: 'unitNotForKind' });
      if (!rule.aggregations.includes(kpi.aggregation)) {
        context.addIssue({ code: 'custom', path: ['aggregation'], message: 'aggregationNotForKind' });
      }
    });
}

/** Builds the schema of a user KPI's edit form, which changes only the name and the description. */
export function kpiEditSchema(takenNames: readonly string[]) {
  return z.object({ name: nameSchema(takenNames), description: descriptionSchema });
}

const problems: ReadonlySet<string> = new Set<KpiProblem>([
  'nameMissing',
  'nameTooLong',
  'nameTaken',
  'descriptionTooLong',
  'unitInvalid',
  'directionInvalid',
  'kindInvalid',
  'aggregationInvalid',
  'unitNotForKind',
  'aggregationNotForKind',
]);
const fields: ReadonlySet<string> = new Set<KpiField>(['name', 'description', 'unit', 'direction', 'kind', 'aggregation']);

/** Keeps the first problem of each field, in zod's order. */
function problemsByField(error: z.ZodError): Partial<Record<KpiField, KpiProblem>> {
  const found: Partial<Record<KpiField, KpiProblem>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !fields.has(field) || !problems.has(issue.message)) continue;
    const key = field as KpiField;
    found[key] ??= issue.message as KpiProblem;
  }
  return found;
}

function check<T>(schema: z.ZodType<T>, input: unknown): KpiCheck<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problems: problemsByField(parsed.error) };
}

/** Checks the "New KPI" form against the names the portfolio already shows. */
export function checkUserKpi(input: KpiFormInput, takenNames: readonly string[]): KpiCheck<UserKpi> {
  return check(userKpiSchema(takenNames), input);
}

/** Checks the edit form of a user KPI; `takenNames` leaves out the KPI's own name. */
export function checkKpiEdit(
  input: Pick<KpiFormInput, 'name' | 'description'>,
  takenNames: readonly string[],
): KpiCheck<Pick<UserKpi, 'name' | 'description'>> {
  return check(kpiEditSchema(takenNames), input);
}
