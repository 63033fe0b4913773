/**
 * Record arrays known to be in strictly ascending id order, so that the merge can join them
 * without checking the order again. The file reader marks the tables it has checked, the database
 * reader marks what IndexedDB returns in key order, and the merge marks its own output. A marked
 * array must not be changed afterwards; every snapshot array is read-only, and code that filters
 * or maps one gets a new, unmarked array.
 */
const markedArrays = new WeakSet<readonly unknown[]>();

/** Marks `records` as being in strictly ascending id order and returns it. The caller vouches for the order. */
export function markInIdOrder<T extends { readonly id: string }>(records: readonly T[]): readonly T[] {
  markedArrays.add(records);
  return records;
}

/** Checks whether `records` was marked as being in strictly ascending id order. */
export function isMarkedInIdOrder(records: readonly unknown[]): boolean {
  return markedArrays.has(records);
}

/**
 * Checks whether the ids ascend strictly, in the order of UTF-16 code units that both `<` and
 * IndexedDB use for strings. Strict order also means that no id repeats.
 */
export function ascendsById(records: readonly { readonly id: string }[]): boolean {
  for (let index = 1; index < records.length; index += 1) {
    if (!((records[index - 1] as { readonly id: string }).id < (records[index] as { readonly id: string }).id)) return false;
  }
  return true;
}

/** Returns the index of the first record from `from` on whose id is not below `id`, in records in ascending id order. */
export function lowerBoundById(records: readonly { readonly id: string }[], id: string, from = 0): number {
  let low = from;
  let high = records.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((records[middle] as { readonly id: string }).id < id) low = middle + 1;
    else high = middle;
  }
  return low;
}
