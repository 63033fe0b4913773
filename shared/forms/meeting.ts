/**
 * Checks the governance meeting forms before they are written: a cadence, a meeting added by
 * hand or edited, an agenda line, minutes, a decision and an action item. Each check takes the
 * fields as typed (strings), trims them, and returns the record data or one problem per field.
 * The renderer turns a problem into a sentence at the field (`meetings.problems.<problem>`).
 */
import * as z from 'zod';
import type { ActionItemData, ActionStatus, DecisionData, MeetingCadenceData, MeetingCadenceKind, MeetingData } from '../domain/governance';
import type { CalendarDate, Id } from '../domain/types';
import { isTimeOfDay } from '../calendar/zonedTime';
import { isCalendarDate } from '../schedule/days';
import { whenFieldsValid } from './crossFieldRule';
import { readTypedNumber } from './typedNumber';

/** Maximum length of a cadence, meeting or action item title, in characters. */
export const maxTitleLength = 200;
/** Maximum length of an attendee list, a decision or an agenda line, in characters. */
export const maxTextLength = 2000;
/** Maximum length of the "decided by" name and of an action's owner, in characters. */
export const maxNameLength = 200;
/** Maximum length of one meeting's minutes, in characters. */
export const maxMinutesLength = 50_000;
/** Maximum meeting duration: one day, in minutes. */
export const maxDurationMinutes = 24 * 60;

export type MeetingFormProblem =
  | 'required'
  | 'tooLong'
  | 'invalidDate'
  | 'invalidTime'
  | 'notNumber'
  | 'notWhole'
  | 'durationRange'
  | 'invalidTimeZone'
  | 'untilBeforeFirst'
  | 'providerUnknown'
  | 'contractUnknown'
  | 'kindUnknown'
  | 'statusUnknown';

/** One problem at the field to correct. */
export interface MeetingFormIssue<F extends string = string> {
  readonly field: F;
  readonly problem: MeetingFormProblem;
}

export type MeetingFormCheck<T, F extends string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly MeetingFormIssue<F>[] };

const problems: ReadonlySet<string> = new Set<MeetingFormProblem>([
  'required',
  'tooLong',
  'invalidDate',
  'invalidTime',
  'notNumber',
  'notWhole',
  'durationRange',
  'invalidTimeZone',
  'untilBeforeFirst',
  'providerUnknown',
  'contractUnknown',
  'kindUnknown',
  'statusUnknown',
]);

/** Checks whether `name` is an IANA time zone that this runtime's `Intl` supports. */
export function isTimeZone(name: string): boolean {
  if (name === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

function requiredText(maxLength: number) {
  return z.string().trim().min(1, { error: 'required' }).max(maxLength, { error: 'tooLong' });
}

function optionalText(maxLength: number) {
  return z.string().trim().max(maxLength, { error: 'tooLong' });
}

function requiredDate() {
  return z
    .string()
    .trim()
    .min(1, { error: 'required' })
    .refine((text) => text === '' || isCalendarDate(text), { error: 'invalidDate' });
}

/** Builds an optional date field, which turns empty text into `null`. */
function optionalDate() {
  return z
    .string()
    .trim()
    .refine((text) => text === '' || isCalendarDate(text), { error: 'invalidDate' })
    .transform((text): CalendarDate | null => (text === '' ? null : text));
}

function startTime() {
  return z
    .string()
    .trim()
    .min(1, { error: 'required' })
    .refine((text) => text === '' || isTimeOfDay(text), { error: 'invalidTime' });
}

/**
 * Builds a duration field: whole minutes from 1 to `maxDurationMinutes`. A number outside that
 * range is a range error even when it is negative or has decimals.
 */
function durationMinutes() {
  return z
    .string()
    .trim()
    .min(1, { error: 'required' })
    .transform((text, context) => {
      // NOTE: The meeting forms do not know the user's locale, so a point is read as the decimal
      // separator first. That matters only for `1.440`, which reads as 1.44 and is not whole.
      const parsed = readTypedNumber(text, '.');
      if (parsed === 'empty' || parsed === 'invalid' || parsed.percent) {
        context.addIssue({ code: 'custom', message: 'notNumber' });
        return z.NEVER;
      }
      if (parsed.value < 1 || parsed.value > maxDurationMinutes) {
        context.addIssue({ code: 'custom', message: 'durationRange' });
        return z.NEVER;
      }
      if (!Number.isInteger(parsed.value)) {
        context.addIssue({ code: 'custom', message: 'notWhole' });
        return z.NEVER;
      }
      return parsed.value;
    });
}

function timeZone() {
  return z
    .string()
    .trim()
    .min(1, { error: 'required' })
    .refine((text) => text === '' || isTimeZone(text), { error: 'invalidTimeZone' });
}

/** Keeps the first problem of each field. A message that is no known problem (a wrong shape) reads as `required`. */
function issuesOf<F extends string>(error: z.ZodError): MeetingFormIssue<F>[] {
  const found = new Map<string, MeetingFormProblem>();
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (found.has(field)) continue;
    found.set(field, problems.has(issue.message) ? (issue.message as MeetingFormProblem) : 'required');
  }
  return [...found].map(([field, problem]) => ({ field: field as F, problem }));
}

function checkWith<T, F extends string>(schema: z.ZodType<T>, input: unknown): MeetingFormCheck<T, F> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: issuesOf<F>(parsed.error) };
}

const cadenceKinds: readonly MeetingCadenceKind[] = ['weeklyOperational', 'monthlyManagement', 'quarterlySteering'];

/** The cadence form as typed. `contractId` and `untilDate` are empty for none. */
export interface CadenceFormInput {
  readonly providerId: string;
  readonly contractId: string;
  readonly kind: string;
  readonly title: string;
  readonly firstDate: string;
  readonly untilDate: string;
  readonly startTime: string;
  readonly durationMinutes: string;
  readonly timeZone: string;
  readonly attendees: string;
}

export type CadenceField = keyof CadenceFormInput;

/** Providers and contracts a cadence may name. */
export interface CadenceFormContext {
  readonly providerIds: readonly Id[];
  readonly contracts: readonly { readonly id: Id; readonly providerId: Id }[];
}

/**
 * Checks a cadence form and returns the cadence data. The contract must belong to the chosen
 * provider, and the last date may not fall before the first one.
 */
export function checkCadenceForm(input: CadenceFormInput, context: CadenceFormContext): MeetingFormCheck<MeetingCadenceData, CadenceField> {
  const schema = z
    .object({
      providerId: z.string().refine((id) => context.providerIds.includes(id), { error: 'providerUnknown' }),
      contractId: z.string(),
      kind: z.string().refine((kind) => (cadenceKinds as readonly string[]).includes(kind), { error: 'kindUnknown' }),
      title: requiredText(maxTitleLength),
      firstDate: requiredDate(),
      untilDate: optionalDate(),
      startTime: startTime(),
      durationMinutes: durationMinutes(),
      timeZone: timeZone(),
      attendees: optionalText(maxTextLength),
    })
    // An unknown provider is reported alone, rather than again as a contract of another provider.
    .superRefine((form, refinement) => {
      const contractOfProvider = context.contracts.some((c) => c.id === form.contractId && c.providerId === form.providerId);
      if (form.contractId !== '' && !contractOfProvider) {
        refinement.addIssue({ code: 'custom', path: ['contractId'], message: 'contractUnknown' });
      }
    }, whenFieldsValid(['providerId', 'contractId']))
    .superRefine((form, refinement) => {
      if (form.untilDate !== null && form.untilDate < form.firstDate) {
        refinement.addIssue({ code: 'custom', path: ['untilDate'], message: 'untilBeforeFirst' });
      }
    }, whenFieldsValid(['firstDate', 'untilDate']))
    .transform((form): MeetingCadenceData => ({
      providerId: form.providerId,
      contractId: form.contractId === '' ? null : form.contractId,
      kind: form.kind as MeetingCadenceKind,
      title: form.title,
      firstDate: form.firstDate,
      untilDate: form.untilDate,
      startTime: form.startTime,
      durationMinutes: form.durationMinutes,
      timeZone: form.timeZone,
      attendees: form.attendees,
    }));
  return checkWith(schema, input);
}

/** The fields of a meeting that its form sets, as typed. */
export interface MeetingFormInput {
  readonly providerId: string;
  readonly title: string;
  readonly date: string;
  readonly startTime: string;
  readonly durationMinutes: string;
  readonly timeZone: string;
  readonly attendees: string;
}

export type MeetingField = keyof MeetingFormInput;

export type CheckedMeetingFields = Pick<MeetingData, MeetingField>;

/** Checks the form of a meeting added by hand, or of a meeting's details being edited. */
export function checkMeetingForm(
  input: MeetingFormInput,
  context: { readonly providerIds: readonly Id[] },
): MeetingFormCheck<CheckedMeetingFields, MeetingField> {
  const schema = z.object({
    providerId: z.string().refine((id) => context.providerIds.includes(id), { error: 'providerUnknown' }),
    title: requiredText(maxTitleLength),
    date: requiredDate(),
    startTime: startTime(),
    durationMinutes: durationMinutes(),
    timeZone: timeZone(),
    attendees: optionalText(maxTextLength),
  });
  return checkWith(schema, input);
}

/** Returns a planned meeting added by hand, with no cadence, agenda or minutes, from checked fields. */
export function adHocMeeting(fields: CheckedMeetingFields): MeetingData {
  return { ...fields, cadenceId: null, kind: 'adHoc', status: 'planned', agenda: [], minutes: '' };
}

/** Checks one agenda line: required, at most `maxTextLength` characters. */
export function checkAgendaText(text: string): MeetingFormCheck<string, 'text'> {
  return checkWith(
    z.object({ text: requiredText(maxTextLength) }).transform((form) => form.text),
    { text },
  );
}

/** Checks minutes, which may be empty. Blank lines and spaces around the text are dropped. */
export function checkMinutes(text: string): MeetingFormCheck<string, 'minutes'> {
  return checkWith(
    z.object({ minutes: optionalText(maxMinutesLength) }).transform((form) => form.minutes),
    { minutes: text },
  );
}

/** The decision form as typed. */
export interface DecisionFormInput {
  readonly text: string;
  readonly decidedBy: string;
  readonly decidedOn: string;
}

export type DecisionField = keyof DecisionFormInput;

/** The fields of a decision that its form sets. */
export type CheckedDecisionFields = Pick<DecisionData, DecisionField>;

const decisionFields = z.object({ text: requiredText(maxTextLength), decidedBy: optionalText(maxNameLength), decidedOn: requiredDate() });

/** Checks a decision taken in `meeting` and returns the decision, linked to the meeting and its provider. */
export function checkDecisionForm(
  input: DecisionFormInput,
  meeting: { readonly id: Id; readonly providerId: Id },
): MeetingFormCheck<DecisionData, DecisionField> {
  const schema = decisionFields.transform((form): DecisionData => ({
    meetingId: meeting.id,
    providerId: meeting.providerId,
    text: form.text,
    decidedBy: form.decidedBy,
    decidedOn: form.decidedOn,
  }));
  return checkWith(schema, input);
}

/** Checks the edited text, decider and date of a recorded decision. */
export function checkDecisionEdit(input: DecisionFormInput): MeetingFormCheck<CheckedDecisionFields, DecisionField> {
  return checkWith(decisionFields, input);
}

/** The action item form as typed. An action item needs an owner and a due date, so that someone follows it up by a known day. */
export interface ActionFormInput {
  readonly title: string;
  readonly owner: string;
  readonly dueDate: string;
}

export type ActionField = keyof ActionFormInput;

const actionFields = z.object({ title: requiredText(maxTitleLength), owner: requiredText(maxNameLength), dueDate: requiredDate() });

/** Checks an action item raised in `meeting` and returns it open, linked to the meeting and its provider. */
export function checkActionForm(
  input: ActionFormInput,
  meeting: { readonly id: Id; readonly providerId: Id },
): MeetingFormCheck<ActionItemData, ActionField> {
  const schema = actionFields.transform((form): ActionItemData => ({
      meetingId: meeting.id,
      providerId: meeting.providerId,
      title: form.title,
      owner: form.owner,
      dueDate: form.dueDate,
      status: 'open',
      completedOn: null,
    }));
  return checkWith(schema, input);
}

/**
 * The form of an action item's details as typed: a new action raised outside a meeting, or an
 * edit. `providerId` is empty for a portfolio-wide action, and `status` is `open` or `done`.
 */
export interface ActionEditInput extends ActionFormInput {
  readonly providerId: string;
  readonly status: string;
}

export type ActionEditField = keyof ActionEditInput;

/** The fields of an action item that its edit form sets. The completion day follows from the status when it is stored. */
export type CheckedActionFields = Pick<ActionItemData, 'providerId' | 'title' | 'owner' | 'dueDate' | 'status'>;

const actionStatuses: readonly ActionStatus[] = ['open', 'done'];

/**
 * Checks an action item's details. The provider must be one of `providerIds`, or empty for a
 * portfolio-wide action. An action raised in a meeting keeps its meeting's provider, so its form
 * passes that provider back unchanged.
 */
export function checkActionEdit(
  input: ActionEditInput,
  context: { readonly providerIds: readonly Id[] },
): MeetingFormCheck<CheckedActionFields, ActionEditField> {
  const schema = actionFields
    .extend({
      providerId: z.string().refine((id) => id === '' || context.providerIds.includes(id), { error: 'providerUnknown' }),
      status: z.string().refine((status) => (actionStatuses as readonly string[]).includes(status), { error: 'statusUnknown' }),
    })
    .transform((form): CheckedActionFields => ({
      providerId: form.providerId === '' ? null : form.providerId,
      title: form.title,
      owner: form.owner,
      dueDate: form.dueDate,
      status: form.status as ActionStatus,
    }));
  return checkWith(schema, input);
}

/** Returns an action item raised outside a meeting from checked fields, with no completion day unless it is done on `today`. */
export function actionOutsideMeeting(fields: CheckedActionFields, today: CalendarDate): ActionItemData {
  return { ...fields, meetingId: null, completedOn: fields.status === 'done' ? today : null };
}
