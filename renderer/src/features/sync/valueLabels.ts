/**
 * Views of stored field values that need more than their raw text: enum values shown with the
 * app's labels, calendar dates, months, instants, yes/no, notice periods, exit provisions,
 * meeting agendas, and a delivery site's country and languages. The sync preview, the audit
 * trail and the import review share them, so a user never reads a stored key such as
 * `steeringCommittee`, a JSON object, a record id or a language tag.
 */
import type { AgendaItemSource } from '@shared/domain/governance';
import { isPeriod } from '@shared/domain/period';
import type { Period, RecordTable } from '@shared/domain/types';
import { isCalendarDate } from '@shared/schedule/days';
import type { FieldValueView } from './mergeView';

/** One agenda item as the user reads it: where it came from and its text. */
export interface AgendaItemView {
  readonly source: AgendaItemSource;
  readonly text: string;
}

/** Views that `describeValue` words with translated labels or locale formats. */
export type LabelledValueView =
  /** An enum value, shown as the translation under `key`. */
  | { readonly kind: 'label'; readonly key: string }
  /** Several enum values, such as a provider's service types. */
  | { readonly kind: 'labels'; readonly keys: readonly string[] }
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'period'; readonly period: Period }
  /** A UTC timestamp, in ms since the Unix epoch. */
  | { readonly kind: 'instant'; readonly ms: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'noticePeriod'; readonly amount: number; readonly unit: 'days' | 'months' }
  /** A delivery site's ISO 3166-1 alpha-2 country code, shown as the country's name. */
  | { readonly kind: 'country'; readonly code: string }
  /** A delivery site's BCP 47 language tags, shown as language names. */
  | { readonly kind: 'languages'; readonly tags: readonly string[] }
  | { readonly kind: 'agenda'; readonly items: readonly AgendaItemView[] };

/**
 * Translation prefix of each enum field, by table. A field name alone is not enough, because
 * `status` and `kind` mean different things in different tables.
 */
const enumPrefixes: Readonly<Partial<Record<RecordTable, Readonly<Record<string, string>>>>> = {
  providers: {
    tier: 'profile.tiers',
    criticality: 'profile.criticalities',
    lifecycle: 'profile.lifecycles',
    financialRating: 'profile.financialRatings',
    serviceKinds: 'profile.serviceKinds',
    serviceAudiences: 'profile.serviceAudiences',
  },
  contracts: { pricingModel: 'profile.pricingModels' },
  providerSites: { deliveryModel: 'profile.deliveryModels' },
  certifications: { standard: 'profile.standards' },
  contacts: { side: 'profile.contactSides', role: 'profile.contactRoles' },
  processes: { function: 'profile.processFunctions', readiness: 'profile.readiness' },
  risks: { category: 'profile.riskCategories', status: 'profile.riskStatuses' },
  meetingCadences: { kind: 'profile.meetingKinds' },
  meetings: { kind: 'profile.meetingKinds', status: 'profile.meetingStatuses' },
  actionItems: { status: 'profile.actionStatuses' },
  escalations: { status: 'escalations.statuses' },
};

/** Contract exit provisions in the order the contract page lists them. */
const exitProvisionKeys = ['exitPlan', 'dataReturn', 'knowledgeTransferBack', 'stepInRights'] as const;

/** Fields that hold a month (`YYYY-MM`). */
const periodFields: ReadonlySet<string> = new Set(['period', 'openedPeriod', 'goLive']);

/** A UTC timestamp as the app stores it, such as `2026-03-04T10:15:02.000Z`. */
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** Checks whether a field contains a calendar date, by the app's naming: `date`, `…Date`, `…On`, `startNoEarlierThan`. */
function isDateField(field: string): boolean {
  return field === 'date' || field === 'startNoEarlierThan' || /(Date|On)$/.test(field);
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function agendaItemsOf(value: readonly unknown[]): AgendaItemView[] | null {
  const items: AgendaItemView[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.source !== 'string' || typeof item.text !== 'string') return null;
    items.push({ source: item.source as AgendaItemSource, text: item.text });
  }
  return items;
}

/**
 * Returns the view of a value that has a label or a format of its own, or `null` for a plain
 * value (text, number, reference), which `fieldValueViewOf` handles. `table` is the record's
 * table, or `null` when unknown; then enum values are not translated.
 */
export function labelledValueViewOf(table: RecordTable | null, field: string, value: unknown): LabelledValueView | null {
  const prefix = table === null ? undefined : enumPrefixes[table]?.[field];
  if (prefix !== undefined && (typeof value === 'string' || typeof value === 'number')) {
    return { kind: 'label', key: `${prefix}.${String(value)}` };
  }
  if (prefix !== undefined && Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return { kind: 'labels', keys: value.map((item: string) => `${prefix}.${item}`) };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (table === 'providerSites' && field === 'country' && typeof value === 'string') return { kind: 'country', code: value };
  if (table === 'providerSites' && field === 'languages' && Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return { kind: 'languages', tags: value };
  }
  if (typeof value === 'string') return textViewOf(field, value);

  if (field === 'noticePeriod' && isRecord(value) && typeof value.amount === 'number' && (value.unit === 'days' || value.unit === 'months')) {
    return { kind: 'noticePeriod', amount: value.amount, unit: value.unit };
  }
  if (field === 'exitProvisions' && isRecord(value)) {
    const inPlace = exitProvisionKeys.filter((key) => value[key] === true);
    return { kind: 'labels', keys: inPlace.map((key) => `profile.exitProvisions.${key}`) };
  }
  if (field === 'agenda' && Array.isArray(value)) {
    const items = agendaItemsOf(value);
    return items === null ? null : { kind: 'agenda', items };
  }
  return null;
}

function textViewOf(field: string, value: string): LabelledValueView | null {
  if (isDateField(field) && isCalendarDate(value)) return { kind: 'date', date: value };
  if (periodFields.has(field) && isPeriod(value)) return { kind: 'period', period: value };
  if (instantPattern.test(value)) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : { kind: 'instant', ms };
  }
  return null;
}

/** Compares two agendas by item source and text: `added` are the items only in `after`, `removed` those only in `before`. */
export function agendaDifference(
  before: readonly AgendaItemView[],
  after: readonly AgendaItemView[],
): { readonly added: readonly AgendaItemView[]; readonly removed: readonly AgendaItemView[] } {
  const key = (item: AgendaItemView) => `${item.source}\u001f${item.text}`;
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return {
    added: after.filter((item) => !beforeKeys.has(key(item))),
    removed: before.filter((item) => !afterKeys.has(key(item))),
  };
}

/** Returns the agenda items of a field value view, or `null` when it is not an agenda. */
export function agendaItemsOfView(view: FieldValueView): readonly AgendaItemView[] | null {
  if (view.kind === 'agenda') return view.items;
  return view.kind === 'empty' ? [] : null;
}
