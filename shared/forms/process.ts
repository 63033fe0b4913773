/**
 * Checks the process form of the Processes screen and turns it into process data, or into one
 * error per field. Each error is the i18n key of its sentence (`processes.problems.<code>`).
 */
import * as z from 'zod';
import { processReadinessStages } from '../domain/providerProfile';
import type { ProcessData, ProcessFunction, ProcessReadiness } from '../domain/providerProfile';
import type { ContractData, Id } from '../domain/types';
import { whenFieldsValid } from './crossFieldRule';

/** Maximum process name length, in UTF-16 code units. */
export const maxProcessNameLength = 200;

export const processFunctions = [
  'hr',
  'financeAccounting',
  'customerService',
  'it',
  'procurement',
  'other',
] as const satisfies readonly ProcessFunction[];

/** The process form as typed, with `providerId` and `contractId` empty for none. */
export interface ProcessFormInput {
  readonly name: string;
  readonly function: string;
  readonly providerId: string;
  readonly contractId: string;
  readonly readiness: string;
}

export type ProcessFormField = keyof ProcessFormInput;

/** Facts the form is checked against. */
export interface ProcessFormContext {
  /** Every process of the portfolio, for the rule that names are unique per provider. */
  readonly processes: readonly { readonly id: Id; readonly name: string; readonly providerId: Id | null }[];
  readonly providerIds: readonly Id[];
  readonly contracts: readonly ({ readonly id: Id } & Pick<ContractData, 'providerId'>)[];
  /** The process being edited, which may keep its own name; `null` when adding one. */
  readonly editingId: Id | null;
}

export type ProcessFormProblem =
  | 'nameEmpty'
  | 'nameTooLong'
  | 'nameTaken'
  | 'nameTakenUnassigned'
  | 'functionInvalid'
  | 'providerUnknown'
  | 'contractWithoutProvider'
  | 'contractOfOtherProvider'
  | 'readinessInvalid';

/** The i18n key of a problem's sentence. */
export type ProcessFormErrorKey = `processes.problems.${ProcessFormProblem}`;

export type ProcessFormCheck =
  | { readonly ok: true; readonly value: ProcessData }
  | { readonly ok: false; readonly errors: Readonly<Partial<Record<ProcessFormField, ProcessFormErrorKey>>> };

const problemKey = (code: ProcessFormProblem): ProcessFormErrorKey => `processes.problems.${code}`;

/** Returns the form of a name that uniqueness compares: trimmed, in Unicode NFC, in lower case. */
function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('en');
}

/** Builds the schema of the process form for `context`. */
export function processFormSchema(context: ProcessFormContext) {
  const optionalId = z
    .string()
    .transform((text) => text.trim())
    .transform((text) => (text === '' ? null : text));

  return z
    .object({
      name: z
        .string()
        .transform((text) => text.trim())
        .refine((text) => text !== '', { error: problemKey('nameEmpty') })
        .refine((text) => text.length <= maxProcessNameLength, { error: problemKey('nameTooLong') }),
      function: z.enum(processFunctions, { error: problemKey('functionInvalid') }),
      providerId: optionalId.refine((id) => id === null || context.providerIds.includes(id), { error: problemKey('providerUnknown') }),
      contractId: optionalId,
      readiness: z.enum(processReadinessStages as [ProcessReadiness, ...ProcessReadiness[]], { error: problemKey('readinessInvalid') }),
    })
    .superRefine((process, refinement) => {
      const key = nameKey(process.name);
      const nameTaken = context.processes.some(
        (other) => other.id !== context.editingId && other.providerId === process.providerId && nameKey(other.name) === key,
      );
      if (nameTaken)
        refinement.addIssue({
          code: 'custom',
          path: ['name'],
          message: problemKey(process.providerId === null ? 'nameTakenUnassigned' : 'nameTaken'),
        });
    }, whenFieldsValid(['name', 'providerId']))
    .superRefine((process, refinement) => {
      if (process.contractId === null) return;
      const contract = context.contracts.find((candidate) => candidate.id === process.contractId);
      if (process.providerId === null)
        refinement.addIssue({ code: 'custom', path: ['contractId'], message: problemKey('contractWithoutProvider') });
      else if (contract?.providerId !== process.providerId) {
        refinement.addIssue({ code: 'custom', path: ['contractId'], message: problemKey('contractOfOtherProvider') });
      }
    }, whenFieldsValid(['contractId', 'providerId']));
}

/** Checks the process form and returns the process data ready to write, or the first error of each field. */
export function checkProcessForm(input: ProcessFormInput, context: ProcessFormContext): ProcessFormCheck {
  const parsed = processFormSchema(context).safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };

  const errors: Partial<Record<ProcessFormField, ProcessFormErrorKey>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ProcessFormField | undefined;
    if (field === undefined || field in errors) continue;
    // Every issue the schema raises carries one of its problem keys as the message.
    errors[field] = issue.message as ProcessFormErrorKey;
  }
  return { ok: false, errors };
}
