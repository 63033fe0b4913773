/**
 * Field-level last-writer-wins: every data field of a record is a register holding a value and
 * the clock of its write, and the merge of two registers keeps the one with the later clock.
 *
 * A field that a record does not have as an own property, or whose value is `undefined`, carries
 * no information: a scoped snapshot leaves out fields that way, and the merge keeps the other
 * side's value for them. A `fieldClocks` entry for such a field is ignored.
 */
import type { HlcString, Id, RecordTable, SyncFields } from '../domain/types';
import { compactClocks, fieldClock, sameValue } from './fieldClocks';
import { referenceFields } from './mergeNaturalKeys';
import type { Redirects } from './mergeNaturalKeys';

/** A stored record of any table, seen as a bag of fields. */
export type AnyRecord = SyncFields & Readonly<Record<string, unknown>>;

/** One field's register: its value and the clock of the write that set it. */
export interface FieldState {
  readonly value: unknown;
  readonly clock: HlcString;
}

/** Registers of one record's data fields, by field name. */
export type FieldStates = Map<string, FieldState>;

/**
 * Checks whether `candidate` wins over `current`. Equal clocks are the same write, so their values
 * differ only where a merge rewrote a reference to the survivor of a natural-key fold, and a
 * survivor always has the smaller id. The smaller value therefore wins a tie, which keeps the
 * rewritten reference even when the redirect is no longer known (its survivor was deleted).
 * Other values can differ under one clock only in a corrupt file. They compare by JSON text, so
 * the result still does not depend on argument order.
 */
export function wins(candidate: FieldState, current: FieldState): boolean {
  return writeWins(candidate.value, candidate.clock, current.value, current.clock);
}

/** Checks like `wins`, on a value and a clock for each side, for callers that hold no `FieldState`. */
export function writeWins(value: unknown, clock: HlcString, currentValue: unknown, currentClock: HlcString): boolean {
  if (clock !== currentClock) return clock > currentClock;
  if (sameValue(value, currentValue)) return false;
  if (typeof value === 'string' && typeof currentValue === 'string') return value < currentValue;
  return JSON.stringify(value) < JSON.stringify(currentValue);
}

/** Maps a field's value to the value the merged snapshot stores: rewrites references to merged-away ids. */
export interface ValueResolver {
  (field: string, value: unknown): unknown;
  /** Reference fields of the table whose values may be rewritten; empty when no redirect applies. */
  readonly fields: readonly string[];
}

/** Builds the resolver of one table from the survivors already decided for the tables it references. */
export function referenceResolver(table: RecordTable, redirects: Redirects): ValueResolver {
  const references = referenceFields[table];
  const fields = Object.keys(references).filter((field) => {
    const target = references[field];
    return target !== undefined && (redirects.get(target)?.size ?? 0) > 0;
  });
  const resolve = (field: string, value: unknown): unknown => {
    if (typeof value !== 'string' || !fields.includes(field)) return value;
    const target = references[field];
    if (target === undefined) return value;
    return redirects.get(target)?.get(value) ?? value;
  };
  return Object.assign(resolve, { fields });
}

/** Orders two strings by UTF-16 code units, as `<` does. */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

/** Checks whether `key` is one of the sync fields `id`, `clock` and `fieldClocks`. */
export function isSyncKey(key: string): boolean {
  return key === 'id' || key === 'clock' || key === 'fieldClocks';
}

/** Names of the fields that carry information in `record`. */
export function presentFields(record: AnyRecord): string[] {
  const fields: string[] = [];
  for (const key of Object.keys(record)) {
    if (!isSyncKey(key) && record[key] !== undefined) fields.push(key);
  }
  return fields;
}

/** Folds every present field of `record` into `states`, keeping the winning register of each field. */
export function foldRecord(states: FieldStates, record: AnyRecord, resolve: ValueResolver): void {
  for (const field of presentFields(record)) {
    const candidate: FieldState = { value: resolve(field, record[field]), clock: fieldClock(record, field) };
    const current = states.get(field);
    if (current === undefined || wins(candidate, current)) states.set(field, candidate);
  }
}

/** Folds `source` registers into `target`. */
export function foldStates(target: FieldStates, source: ReadonlyMap<string, FieldState>): void {
  for (const [field, candidate] of source) {
    const current = target.get(field);
    if (current === undefined || wins(candidate, current)) target.set(field, candidate);
  }
}

/**
 * Builds a stored record from field registers, with compact clocks. `fallbackClock` becomes the
 * record clock of a record without data fields.
 */
export function buildRecord(id: Id, states: ReadonlyMap<string, FieldState>, fallbackClock: HlcString): AnyRecord {
  const clocks = new Map<string, HlcString>();
  for (const [field, state] of states) clocks.set(field, state.clock);
  const { clock, fieldClocks } = compactClocks(clocks, fallbackClock);

  const record: Record<string, unknown> = { id, clock, fieldClocks };
  for (const [field, state] of states) setField(record, field, state.value);
  return record as AnyRecord;
}

/** Sets an own data property; `defineProperty` keeps a field named `__proto__` from changing the prototype. */
export function setField(record: Record<string, unknown>, field: string, value: unknown): void {
  if (field === '__proto__') Object.defineProperty(record, field, { value, enumerable: true, writable: true, configurable: true });
  else record[field] = value;
}

/** Returns `record` with its references resolved; the same object when no reference changes. */
export function resolveRecord(record: AnyRecord, resolve: ValueResolver): AnyRecord {
  let copy: Record<string, unknown> | null = null;
  for (const field of resolve.fields) {
    if (!Object.hasOwn(record, field)) continue;
    const value = record[field];
    const resolved = resolve(field, value);
    if (resolved === value) continue;
    copy ??= { ...record };
    copy[field] = resolved;
  }
  return copy === null ? record : (copy as AnyRecord);
}

function countPresentFields(record: AnyRecord): number {
  let count = 0;
  for (const key in record) {
    if (record[key] !== undefined && !isSyncKey(key) && Object.hasOwn(record, key)) count += 1;
  }
  return count;
}

/** Checks whether two records have the same present data fields with equal values. */
export function sameData(a: AnyRecord, b: AnyRecord): boolean {
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (sameKeyOrder(aKeys, bKeys)) {
    // Copies read from one schema have their keys in one order, so values compare by position,
    // which V8 reads faster than `b[key]` for each key of `a`.
    const aValues = Object.values(a);
    const bValues = Object.values(b);
    for (let index = 0; index < aValues.length; index += 1) {
      const value = aValues[index];
      const other = bValues[index];
      if (value === other || isSyncKey(aKeys[index] ?? '')) continue;
      if (value === undefined || other === undefined || !sameValue(value, other)) return false;
    }
    return true;
  }

  let count = 0;
  for (const key of aKeys) {
    const value = a[key];
    if (value === undefined || isSyncKey(key)) continue;
    count += 1;
    const other = b[key];
    if (other === undefined || !Object.hasOwn(b, key) || (value !== other && !sameValue(value, other))) return false;
  }
  return count === countPresentFields(b);
}

function sameKeyOrder(aKeys: readonly string[], bKeys: readonly string[]): boolean {
  if (aKeys.length !== bKeys.length) return false;
  for (let index = 0; index < aKeys.length; index += 1) {
    if (aKeys[index] !== bKeys[index]) return false;
  }
  return true;
}

function countOwnKeys(value: object): number {
  let count = 0;
  for (const key in value) {
    if (Object.hasOwn(value, key)) count += 1;
  }
  return count;
}

/** Checks whether two records carry the same record clock and the same field clock entries. */
export function sameClocks(a: AnyRecord, b: AnyRecord): boolean {
  if (a.clock !== b.clock) return false;
  let count = 0;
  for (const field in a.fieldClocks) {
    if (!Object.hasOwn(a.fieldClocks, field)) continue;
    count += 1;
    if (!Object.hasOwn(b.fieldClocks, field) || a.fieldClocks[field] !== b.fieldClocks[field]) return false;
  }
  return count === countOwnKeys(b.fieldClocks);
}
