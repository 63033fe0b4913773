/**
 * Per-field clocks kept compact on each record (see `SyncFields`): `clock` is the earliest
 * clock of any data field, and `fieldClocks` lists only the fields whose clock is later.
 */
import type { HlcString } from '../domain/types';
import { packHlc } from './hlc';

/** Keys of `SyncFields`; every other own key of a record is a data field. */
const syncKeys: ReadonlySet<string> = new Set(['id', 'clock', 'fieldClocks']);

/** Clock metadata of one record, without its id. */
export interface RecordClocks {
  readonly clock: HlcString;
  readonly fieldClocks: Readonly<Record<string, HlcString>>;
}

/**
 * Clock of a placeholder: `null` stored in a field whose value this laptop never received, such
 * as a commercial term of a contract that came only from a file without commercial terms. Its
 * wall time is 0 and its device id is one that `createDeviceId` never issues (that function
 * issues hex digits only), so every real write of the field is later and wins the merge.
 */
export const placeholderClock: HlcString = packHlc({ wallMs: 0, counter: 0, deviceId: 'placeholder' });

/** Returns the names of a record's data fields: its own keys other than `id`, `clock` and `fieldClocks`. */
export function dataFieldNames(record: object): string[] {
  return Object.keys(record).filter((key) => !syncKeys.has(key));
}

/** Returns the clock of one field: its own entry in `fieldClocks`, else the record clock. */
export function fieldClock(record: RecordClocks, field: string): HlcString {
  return Object.hasOwn(record.fieldClocks, field) ? (record.fieldClocks[field] ?? record.clock) : record.clock;
}

/**
 * Stamps `changed` fields with `clock` and returns the compact clocks of the whole record.
 * `fields` lists every data field of the record after the change. `before` is `null` for a new
 * record. `clock` must be later than every clock already on the record.
 */
export function stampFields(
  before: RecordClocks | null,
  fields: readonly string[],
  changed: ReadonlySet<string>,
  clock: HlcString,
): RecordClocks {
  if (before === null) return { clock, fieldClocks: {} };

  const clocks = new Map<string, HlcString>();
  for (const field of fields) {
    clocks.set(field, changed.has(field) ? clock : fieldClock(before, field));
  }
  return compactClocks(clocks, clock);
}

/** Builds compact clocks from every field's clock; `fallback` is the record clock when there are no fields. */
export function compactClocks(clocks: ReadonlyMap<string, HlcString>, fallback: HlcString): RecordClocks {
  let earliest: HlcString | null = null;
  for (const value of clocks.values()) {
    if (earliest === null || value < earliest) earliest = value;
  }
  if (earliest === null) return { clock: fallback, fieldClocks: {} };

  const fieldClocks: Record<string, HlcString> = {};
  for (const [field, value] of clocks) {
    if (value !== earliest) fieldClocks[field] = value;
  }
  return { clock: earliest, fieldClocks };
}

/**
 * Whether two stored values are equal: primitives by `Object.is`, arrays and plain objects
 * by their contents. Values read back from IndexedDB are structured clones, so identity
 * comparison would report every field as changed.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;

  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameValue(item, b[index]));
  }

  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && sameValue(aRecord[key], bRecord[key]));
}

/** Returns the data fields whose value differs between `before` and `after`, over the fields of both. */
export function changedFieldNames(before: object, after: object): Set<string> {
  const beforeRecord = before as Record<string, unknown>;
  const afterRecord = after as Record<string, unknown>;
  const fields = new Set([...dataFieldNames(before), ...dataFieldNames(after)]);
  const changed = new Set<string>();
  for (const field of fields) {
    if (!sameValue(beforeRecord[field], afterRecord[field])) changed.add(field);
  }
  return changed;
}
