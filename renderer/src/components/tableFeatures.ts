/**
 * The TanStack Table features every list in the app uses: client-side sorting. Screens filter
 * their rows before the table, with pure functions that have their own tests. Module scope
 * keeps the object stable between renders, as Table v9 needs.
 */
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';
import type { RowData } from '@tanstack/react-table';

export const listFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, text: sortFn_text },
});

export type ListFeatures = typeof listFeatures;

export function listColumnHelper<TData extends RowData>() {
  return createColumnHelper<ListFeatures, TData>();
}
