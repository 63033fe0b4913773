/**
 * Schemas of the provider record's forms: a new provider, its profile, a delivery site, a
 * certification and a contact. Each turns the raw strings of a form into record data, or into one
 * error per field. An error is an i18n key under `providerRecord.errors` with the values its
 * sentence needs (a limit, the rejected text).
 */
import * as z from 'zod';
import type {
  CertificationData,
  CertificationStandard,
  ContactData,
  ContactRole,
  ContactSide,
  DeliveryModel,
  ProviderSiteData,
} from '../domain/providerProfile';
import type {
  FinancialRating,
  Id,
  ProviderCriticality,
  ProviderData,
  ProviderLifecycle,
  ProviderTier,
  ServiceAudience,
  ServiceKind,
} from '../domain/types';
import type { ProviderProfile } from '../domain/profileDefaults';
import { exactDecimal } from '../rfp/money';
import { isCalendarDate, toDayNumber } from '../schedule/days';
import { whenFieldsValid } from './crossFieldRule';
import { parseLanguageTags } from './languageTags';
import { readTypedNumber } from './typedNumber';

/** Maximum length of each free-text field, in UTF-16 code units after trimming. */
export const providerTextLimits = {
  name: 200,
  code: 50,
  legalEntity: 200,
  parentCompany: 200,
  city: 100,
  certificationName: 200,
  evidence: 2000,
  contactName: 200,
  email: 254,
  phone: 40,
} as const;

/** Maximum number of languages of one delivery site. */
export const maxSiteLanguages = 20;
/** Maximum FTE of one delivery site. A larger number is taken for a typing mistake. */
export const maxSiteFte = 1_000_000;
/** Decimal places accepted in an FTE number (12.5 people is common, 12.125 is not). */
export const maxFteDecimals = 2;

export const serviceKinds: readonly ServiceKind[] = ['knowledge', 'operational'];
export const serviceAudiences: readonly ServiceAudience[] = ['customerFacing', 'internal'];
export const providerTiers: readonly ProviderTier[] = [1, 2, 3];
export const providerCriticalities: readonly ProviderCriticality[] = ['low', 'medium', 'high'];
export const providerLifecycles: readonly ProviderLifecycle[] = ['prospect', 'onboarding', 'active', 'exiting', 'exited'];
export const financialRatings: readonly FinancialRating[] = ['strong', 'adequate', 'weak', 'distressed'];
export const deliveryModels: readonly DeliveryModel[] = ['onshore', 'nearshore', 'offshore'];
export const certificationStandards: readonly CertificationStandard[] = ['soc2Type2', 'iso27001', 'pciDss', 'iso9001', 'iso22301', 'other'];
export const contactSides: readonly ContactSide[] = ['client', 'provider'];

/** Roles a contact on each side may have; `other` fits both sides. */
export const contactRolesBySide: { readonly [S in ContactSide]: readonly ContactRole[] } = {
  client: ['programmeManager', 'processOwner', 'itLiaison', 'other'],
  provider: ['accountManager', 'deliveryManager', 'qualityAssurance', 'other'],
};

/** A field's error: the i18n key of its sentence and the values the sentence takes. */
export interface FieldError {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

export type FormErrors<F extends string> = Partial<Record<F, FieldError>>;

export type FormResult<T, F extends string> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FormErrors<F> };

const errorKey = (name: string) => `providerRecord.errors.${name}`;

/** Options of a failed `refine`: the message is the error's key and `params` its values. */
function problem(name: string, values?: Readonly<Record<string, string | number>>) {
  return values === undefined ? { error: errorKey(name) } : { error: errorKey(name), params: values };
}

/** Builds a custom issue with the error's key as message and its values as `params`. */
function customIssue(name: string, values?: Readonly<Record<string, string | number>>, path?: readonly string[]) {
  return {
    code: 'custom' as const,
    message: errorKey(name),
    ...(values === undefined ? {} : { params: values }),
    ...(path === undefined ? {} : { path: [...path] }),
  };
}

/** Keeps the first error of each field in `fields`, in zod's order. */
function errorsByField<F extends string>(error: z.ZodError, fields: readonly F[]): FormErrors<F> {
  const found: FormErrors<F> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(fields as readonly string[]).includes(field)) continue;
    // Only the custom issues of these schemas carry a key; any other issue comes from an input of the wrong shape.
    const known = issue.code === 'custom' && issue.message.startsWith(errorKey(''));
    const values = issue.code === 'custom' ? (issue.params as FieldError['values']) : undefined;
    found[field as F] ??= known ? { key: issue.message, ...(values === undefined ? {} : { values }) } : { key: errorKey('invalid') };
  }
  return found;
}

function check<T, F extends string>(schema: z.ZodType<T>, input: unknown, fields: readonly F[]): FormResult<T, F> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: errorsByField(parsed.error, fields) };
}

/** Builds a trimmed text field of at most `max` characters, which must not be empty when `required`. */
function textField(max: number, required: boolean) {
  return z
    .string()
    .transform((text) => text.trim())
    .refine((text) => !required || text !== '', problem('required'))
    .refine((text) => text.length <= max, problem('tooLong', { max }));
}

/** Builds a field whose raw value must be one of `choices`. */
function choiceField<T extends string>(choices: readonly T[]) {
  return z
    .string()
    .refine((text): text is T => (choices as readonly string[]).includes(text), problem('invalidChoice'))
    .transform((text) => text);
}

/** Builds a field for an optional choice, where an empty string means not recorded (`null`). */
function optionalChoiceField<T extends string>(choices: readonly T[]) {
  return z
    .string()
    .refine((text) => text === '' || (choices as readonly string[]).includes(text), problem('invalidChoice'))
    .transform((text) => (text === '' ? null : (text as T)));
}

/** Builds the field of a checkbox group. Each value must be one of `choices`, and the result keeps the order of `choices` without repeats. */
function choiceSetField<T extends string>(choices: readonly T[]) {
  return z
    .array(z.string())
    .refine((values) => values.every((value) => (choices as readonly string[]).includes(value)), problem('invalidChoice'))
    .transform((values) => choices.filter((choice) => values.includes(choice)));
}

/** Folds a name or code for the uniqueness checks: trimmed, Unicode NFC, lower case. */
export function foldName(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase();
}

// ---------------------------------------------------------------------------------------------
// New provider

export interface NewProviderInput {
  readonly name: string;
  /** Empty when the provider has no code. */
  readonly code: string;
  readonly lifecycle: string;
}
export type NewProviderField = keyof NewProviderInput;
export const newProviderFields: readonly NewProviderField[] = ['name', 'code', 'lifecycle'];

/** Provider fields that the "Add provider" form sets. The rest of the profile starts empty. */
export type NewProvider = Pick<ProviderData, 'name' | 'code' | 'lifecycle'>;

/**
 * Builds the schema of the "Add provider" form. The name must differ from every current name in
 * `existing` (ignoring case), because imports without codes match providers by name. The code is
 * the provider's identity across imports and laptops, so it must differ from every other code,
 * also ignoring case, because a spreadsheet may spell it either way.
 */
export function newProviderSchema(existing: readonly Pick<ProviderData, 'name' | 'code'>[]) {
  const names = new Set(existing.map((provider) => foldName(provider.name)));
  const codes = new Set(existing.flatMap((provider) => (provider.code === null ? [] : [foldName(provider.code)])));
  return z
    .object({
      name: textField(providerTextLimits.name, true).refine((name) => !names.has(foldName(name)), problem('nameTaken')),
      code: textField(providerTextLimits.code, false)
        .refine((code) => !/\s/u.test(code), problem('codeSpaces'))
        .refine((code) => code === '' || !codes.has(foldName(code)), problem('codeTaken'))
        .transform((code) => (code === '' ? null : code)),
      lifecycle: choiceField(providerLifecycles),
    })
    .transform((provider): NewProvider => ({ name: provider.name, code: provider.code, lifecycle: provider.lifecycle }));
}

/** Checks the "Add provider" form against the providers already in the portfolio. */
export function checkNewProvider(
  input: NewProviderInput,
  existing: readonly Pick<ProviderData, 'name' | 'code'>[],
): FormResult<NewProvider, NewProviderField> {
  return check(newProviderSchema(existing), input, newProviderFields);
}

// ---------------------------------------------------------------------------------------------
// Profile

export interface ProfileInput {
  readonly legalEntity: string;
  readonly parentCompany: string;
  readonly serviceKinds: readonly string[];
  readonly serviceAudiences: readonly string[];
  /** `1`, `2`, `3`, or empty for not tiered. */
  readonly tier: string;
  /** Empty for not assessed. */
  readonly criticality: string;
  readonly lifecycle: string;
  /** Empty for not assessed. */
  readonly financialRating: string;
}
export type ProfileField = keyof ProfileInput;
export const profileFields: readonly ProfileField[] = [
  'legalEntity',
  'parentCompany',
  'serviceKinds',
  'serviceAudiences',
  'tier',
  'criticality',
  'lifecycle',
  'financialRating',
];

const tierField = z
  .string()
  .refine((text) => text === '' || /^[123]$/.test(text), problem('invalidChoice'))
  .transform((text) => (text === '' ? null : (Number(text) as ProviderTier)));

export const profileSchema = z.object({
  legalEntity: textField(providerTextLimits.legalEntity, false),
  parentCompany: textField(providerTextLimits.parentCompany, false),
  serviceKinds: choiceSetField(serviceKinds),
  serviceAudiences: choiceSetField(serviceAudiences),
  tier: tierField,
  criticality: optionalChoiceField(providerCriticalities),
  lifecycle: choiceField(providerLifecycles),
  financialRating: optionalChoiceField(financialRatings),
});

/** Checks the profile form and returns every profile field ready to compare with the stored provider. */
export function checkProfile(input: ProfileInput): FormResult<ProviderProfile, ProfileField> {
  return check(profileSchema, input, profileFields);
}

// ---------------------------------------------------------------------------------------------
// Delivery site

export interface SiteInput {
  /** ISO 3166-1 alpha-2 code chosen from the country list. */
  readonly country: string;
  readonly city: string;
  readonly deliveryModel: string;
  /** Full-time equivalents as typed, with the user's decimal separator; empty when not known. */
  readonly fte: string;
  /** BCP 47 tags separated by commas, semicolons or white space. */
  readonly languages: string;
  readonly timeZone: string;
  /** Id of a plan calendar, or empty for none. */
  readonly calendarId: string;
}
export type SiteField = keyof SiteInput;
export const siteFields: readonly SiteField[] = ['country', 'city', 'deliveryModel', 'fte', 'languages', 'timeZone', 'calendarId'];

/** Facts a site is checked against. */
export interface SiteContext {
  /** Decimal separator of the user's locale, `.` or `,`; see `readTypedNumber` for the other one. */
  readonly decimalSeparator: string;
  /** Ids of the plan calendars the site may use. */
  readonly calendarIds: readonly Id[];
  /** ISO 3166-1 alpha-2 codes the country may take. */
  readonly countryCodes: ReadonlySet<string>;
  /** BCP 47 tag of the user's locale, whose language names the languages field reads besides English ones. */
  readonly locale: string;
}

export type SiteData = Omit<ProviderSiteData, 'providerId'>;

/** Builds the FTE field: empty for not known, else 0 to `maxSiteFte` with at most `maxFteDecimals` decimals. */
function fteField(decimalSeparator: string) {
  return z.string().transform((text, refinement) => {
    const parsed = readTypedNumber(text, decimalSeparator);
    if (parsed === 'empty') return null;
    if (parsed === 'invalid' || parsed.percent) {
      refinement.addIssue(customIssue('fteNotNumber', { text: text.trim(), decimal: decimalSeparator }));
      return z.NEVER;
    }
    const fte = parsed.value;
    if (fte < 0) {
      refinement.addIssue(customIssue('fteNegative'));
      return z.NEVER;
    }
    if (fte > maxSiteFte) {
      refinement.addIssue(customIssue('fteTooLarge', { max: maxSiteFte }));
      return z.NEVER;
    }
    if (exactDecimal(fte).scale > maxFteDecimals) {
      refinement.addIssue(customIssue('fteDecimals', { digits: maxFteDecimals }));
      return z.NEVER;
    }
    return fte;
  });
}

/** Builds the languages field, which reads names in English or in `locale`, and tags. */
function languagesField(locale: string) {
  return z.string().transform((text, refinement) => {
    const parsed = parseLanguageTags(text, [locale]);
    if ('invalid' in parsed) {
      refinement.addIssue(customIssue('languageInvalid', { tag: parsed.invalid }));
      return z.NEVER;
    }
    if (parsed.tags.length > maxSiteLanguages) {
      refinement.addIssue(customIssue('languagesTooMany', { max: maxSiteLanguages }));
      return z.NEVER;
    }
    return parsed.tags;
  });
}

/** Returns whether `Intl.DateTimeFormat` accepts `timeZone`, which it rejects with a RangeError when the name is unknown. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function siteSchema(context: SiteContext) {
  return z
    .object({
      country: z.string().refine((code) => context.countryCodes.has(code), problem('countryRequired')),
      city: textField(providerTextLimits.city, true),
      deliveryModel: choiceField(deliveryModels),
      fte: fteField(context.decimalSeparator),
      languages: languagesField(context.locale),
      timeZone: z.string().refine(isKnownTimeZone, problem('timeZoneInvalid')),
      calendarId: z
        .string()
        .refine((id) => id === '' || context.calendarIds.includes(id), problem('calendarUnknown'))
        .transform((id) => (id === '' ? null : id)),
    })
    .transform((site): SiteData => ({
      country: site.country,
      city: site.city,
      deliveryModel: site.deliveryModel,
      fte: site.fte,
      languages: site.languages,
      timeZone: site.timeZone,
      calendarId: site.calendarId,
    }));
}

export function checkSite(input: SiteInput, context: SiteContext): FormResult<SiteData, SiteField> {
  return check(siteSchema(context), input, siteFields);
}

// ---------------------------------------------------------------------------------------------
// Certification

export interface CertificationInput {
  readonly standard: string;
  /** Name of an `other` standard (required then), or a qualifier such as the certificate number. */
  readonly name: string;
  /** `YYYY-MM-DD` from a date input, or empty. */
  readonly issuedOn: string;
  /** `YYYY-MM-DD` from a date input, or empty when the certificate does not expire. */
  readonly expiresOn: string;
  readonly evidence: string;
}
export type CertificationField = keyof CertificationInput;
export const certificationFields: readonly CertificationField[] = ['standard', 'name', 'issuedOn', 'expiresOn', 'evidence'];

export type CertificationFormData = Omit<CertificationData, 'providerId'>;

const optionalDateField = z
  .string()
  .transform((text) => text.trim())
  .refine((text) => text === '' || isCalendarDate(text), problem('dateInvalid'))
  .transform((text) => (text === '' ? null : text));

export const certificationSchema = z
  .object({
    standard: choiceField(certificationStandards),
    name: textField(providerTextLimits.certificationName, false),
    issuedOn: optionalDateField,
    expiresOn: optionalDateField,
    evidence: textField(providerTextLimits.evidence, false),
  })
  .superRefine((certification, refinement) => {
    if (certification.standard === 'other' && certification.name === '') {
      refinement.addIssue(customIssue('standardNameRequired', undefined, ['name']));
    }
  }, whenFieldsValid(['standard', 'name']))
  .superRefine((certification, refinement) => {
    const { issuedOn, expiresOn } = certification;
    if (issuedOn !== null && expiresOn !== null && toDayNumber(expiresOn) < toDayNumber(issuedOn)) {
      refinement.addIssue(customIssue('expiresBeforeIssued', { issuedOn }, ['expiresOn']));
    }
  }, whenFieldsValid(['issuedOn', 'expiresOn']))
  .transform((certification): CertificationFormData => ({
    standard: certification.standard,
    name: certification.name,
    issuedOn: certification.issuedOn,
    expiresOn: certification.expiresOn,
    evidence: certification.evidence,
  }));

export function checkCertification(input: CertificationInput): FormResult<CertificationFormData, CertificationField> {
  return check(certificationSchema, input, certificationFields);
}

// ---------------------------------------------------------------------------------------------
// Contact

export interface ContactInput {
  readonly side: string;
  readonly role: string;
  readonly name: string;
  /** May be empty. */
  readonly email: string;
  /** May be empty. */
  readonly phone: string;
}
export type ContactField = keyof ContactInput;
export const contactFields: readonly ContactField[] = ['side', 'role', 'name', 'email', 'phone'];

export type ContactFormData = Omit<ContactData, 'providerId'>;

/** Digits with the separators people write in phone numbers, an optional leading `+` and an extension such as `x12` or `ext. 12`. */
const phonePattern = /^\+?[\d\s().\-/]*\d[\d\s().\-/]*(?:\s*(?:x|ext\.?)\s*\d+)?$/iu;

export const contactSchema = z
  .object({
    side: choiceField(contactSides),
    role: z.string(),
    name: textField(providerTextLimits.contactName, true),
    email: textField(providerTextLimits.email, false).refine(
      (email) => email === '' || z.email().safeParse(email).success,
      problem('emailInvalid'),
    ),
    phone: textField(providerTextLimits.phone, false).refine((phone) => phone === '' || phonePattern.test(phone), problem('phoneInvalid')),
  })
  .superRefine((contact, refinement) => {
    const roles: readonly string[] = contactRolesBySide[contact.side];
    if (!roles.includes(contact.role)) {
      refinement.addIssue(customIssue('roleNotForSide', undefined, ['role']));
    }
  }, whenFieldsValid(['side', 'role']))
  .transform((contact): ContactFormData => ({
    side: contact.side,
    role: contact.role as ContactRole,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
  }));

export function checkContact(input: ContactInput): FormResult<ContactFormData, ContactField> {
  return check(contactSchema, input, contactFields);
}
