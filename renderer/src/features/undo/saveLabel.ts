/** Words of the undo label of one record, written in the user's language by the caller. */
export interface SaveLabels {
  readonly add: (name: string) => string;
  readonly edit: (name: string) => string;
  readonly rename: (from: string, to: string) => string;
}

/**
 * Chooses the undo label of a form save that names its record: adding it when there was no
 * record (`before` is `null`), renaming it when the name changed, and otherwise editing it under
 * its name. So the toast never names a record by a name it no longer has.
 */
export function saveLabel(before: string | null, after: string, labels: SaveLabels): string {
  if (before === null) return labels.add(after);
  if (before === after) return labels.edit(after);
  return labels.rename(before, after);
}
