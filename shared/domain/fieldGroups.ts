/**
 * Fields that are written as one unit. A write that changes any field of a group stamps every
 * field of the group with its clock, so that the per-field merge takes the whole group from one
 * write. A measured ratio keeps its numerator, denominator and result from one reading, and a
 * choice in a merge conflict covers the whole group as well.
 * NOTE: the merge itself still takes each field on its own. A reading whose fields carry separate
 * clocks, written before this rule or by another program, can still merge into a mix, and its
 * preview lists conflicts only for the fields that conflict.
 */
import type { RecordTable } from './types';

export const fieldGroups: { readonly [T in RecordTable]?: readonly (readonly string[])[] } = {
  measurements: [['value', 'numerator', 'denominator', 'sourceFile']],
};

/** Returns the fields of `table` written together with `field`, `field` included. */
export function fieldsWrittenWith(table: RecordTable, field: string): readonly string[] {
  return fieldGroups[table]?.find((group) => group.includes(field)) ?? [field];
}

/** Returns `changed` with every field of each group that has a changed field. */
export function withFieldGroups(table: RecordTable, changed: ReadonlySet<string>): Set<string> {
  const stamped = new Set(changed);
  for (const group of fieldGroups[table] ?? []) {
    if (group.some((field) => changed.has(field))) for (const field of group) stamped.add(field);
  }
  return stamped;
}
