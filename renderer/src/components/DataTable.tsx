/**
 * Sortable, searchable table with virtual rows. Only the rows in view are in the DOM, so a list
 * of tens of thousands of rows stays fast. Keyboard: arrow keys, Page Up/Down, Home and End move
 * the active row; Enter opens it.
 */
import { useCallback, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTable } from '@tanstack/react-table';
import type { ColumnDef, RowData, SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { listFeatures } from './tableFeatures';
import type { ListFeatures } from './tableFeatures';

const rowHeight = 36;

const ariaSortOf = { asc: 'ascending', desc: 'descending' } as const;
const sortArrowOf = { asc: ' ▲', desc: ' ▼' } as const;

interface DataTableProps<TData extends RowData> {
  readonly data: readonly TData[];
  // Column value types differ per column, so the list is typed with `any` values as TanStack's own examples do.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly columns: readonly ColumnDef<ListFeatures, TData, any>[];
  /** CSS grid column sizes, one per column, for example `['8rem', 'minmax(14rem, 2fr)']`. */
  readonly columnSizes: readonly string[];
  readonly getRowId: (row: TData) => string;
  readonly label: string;
  readonly initialSorting?: SortingState;
  readonly emptyMessage: string;
  readonly onRowActivate?: (row: TData) => void;
  /**
   * Description of each activatable row, such as "Press Enter or click to open the provider."
   * Screen readers read it, because a grid row gives no sign that it opens.
   */
  readonly activateHint?: string;
  readonly testId?: string;
  readonly height?: string;
}

export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { t } = useTranslation();
  const { data, columns, columnSizes, getRowId, label, initialSorting = [], emptyMessage, onRowActivate, activateHint, testId } = props;
  const hintId = useId();
  const describedBy = onRowActivate === undefined || activateHint === undefined ? undefined : hintId;
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [activeIndex, setActiveIndex] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  const table = useTable({
    features: listFeatures,
    columns: columns as ColumnDef<ListFeatures, TData>[],
    data,
    getRowId: (row) => getRowId(row),
    state: { sorting },
    onSortingChange: setSorting,
    // A header click toggles between ascending and descending and never drops back to unsorted.
    enableSortingRemoval: false,
  });

  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 8,
  });

  const gridTemplateColumns = columnSizes.join(' ');
  const headerRowCount = table.getHeaderGroups().length;
  const clampedActive = Math.min(activeIndex, Math.max(rows.length - 1, 0));

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(index, rows.length - 1));
      setActiveIndex(next);
      virtualizer.scrollToIndex(next, { align: 'auto' });
      requestAnimationFrame(() => {
        scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
      });
    },
    [rows.length, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: clampedActive + 1,
      ArrowUp: clampedActive - 1,
      PageDown: clampedActive + page,
      PageUp: clampedActive - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined && rows.length > 0) {
      event.preventDefault();
      moveTo(target);
      return;
    }
    if (event.key === 'Enter' && onRowActivate) {
      const row = rows[clampedActive];
      if (row) {
        event.preventDefault();
        onRowActivate(row.original);
      }
    }
  };

  return (
    <div className="data-table" data-testid={testId}>
      <div ref={scrollRef} className="data-table-scroll" style={{ height: props.height ?? 'calc(100vh - 14rem)' }} onKeyDown={onKeyDown}>
        <table role="grid" aria-label={label} aria-rowcount={rows.length + headerRowCount}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} style={{ gridTemplateColumns }} aria-rowindex={group.depth + 1}>
                {group.headers.map((header) => {
                  const direction = header.column.getIsSorted();
                  const ariaSort = direction ? ariaSortOf[direction] : 'none';
                  return (
                    <th
                      key={header.id}
                      aria-sort={ariaSort}
                      scope="col"
                      colSpan={header.colSpan}
                      style={{ gridColumn: `span ${header.colSpan}` }}
                    >
                      {header.isPlaceholder ? null : header.subHeaders.length > 0 ? (
                        <span className="group-header">
                          <table.FlexRender header={header} />
                        </span>
                      ) : (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span className="sort-indicator" aria-hidden="true">
                            {direction ? sortArrowOf[direction] : ''}
                          </span>
                          {direction ? (
                            <span className="visually-hidden">
                              {direction === 'asc' ? t('providers.sortAscending') : t('providers.sortDescending')}
                            </span>
                          ) : null}
                        </button>
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <tr
                  key={row.id}
                  data-index={item.index}
                  data-row-id={row.id}
                  aria-rowindex={item.index + headerRowCount + 1}
                  tabIndex={item.index === clampedActive ? 0 : -1}
                  className={onRowActivate ? 'activatable' : undefined}
                  aria-describedby={describedBy}
                  style={{ gridTemplateColumns, transform: `translateY(${item.start}px)` }}
                  onClick={() => {
                    setActiveIndex(item.index);
                    onRowActivate?.(row.original);
                  }}
                  onFocus={() => {
                    setActiveIndex(item.index);
                  }}
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="table-empty">{emptyMessage}</p> : null}
      </div>
      {describedBy === undefined ? null : (
        <p id={describedBy} className="visually-hidden">
          {activateHint}
        </p>
      )}
    </div>
  );
}
