/**
 * The merge that compares every record of both snapshots, kept as the reference for
 * `mergeSnapshots`: the property tests and the merge soak check that both return equal results.
 * The app does not call it.
 */
import { mergeSnapshotsWith } from './merge';
import { mergeTable } from './mergeTable';
import type { MergeOptions, MergeResult } from './mergeTypes';
import type { PortfolioSnapshot } from './snapshot';

/** Merges like `mergeSnapshots`, with `mergeTable` for every table, and throws the same errors. */
export function mergeSnapshotsFull(local: PortfolioSnapshot, remote: PortfolioSnapshot, options: MergeOptions): MergeResult {
  return mergeSnapshotsWith(mergeTable, local, remote, options);
}
