/**
 * The task grid left of the chart: an ARIA tree grid on a TanStack table with virtual rows, one
 * row per task shown, in the chart's row height so both sides line up. One cell at a time is in
 * the tab order; `gridKeys.ts` decides what each key does and this component applies it. The
 * active row is the selected task, shared with the chart. The calendar column edits in a list of
 * the portfolio's calendars. The date, duration and float columns are as wide as their widest
 * text, measured in the grid's font, so no date is cut.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { Id } from '@shared/domain/types';
import { translateDynamic } from '../../../i18n/dynamic';
import { floatNotes } from './floatNotes';
import { headerHeight, rowHeight } from './ganttLayout';
import type { BaselineComparison, GanttModel } from './ganttModel';
import { calendarChoices, cellText, draftText, fittedColumnWidths, ganttColumns, isChoiceColumn, isEditableColumn } from './gridCells';
import type { CalendarChoice, GanttColumnId } from './gridCells';
import { gridKey } from './gridKeys';
import type { GridCursor, GridShape } from './gridKeys';
import type { TaskRow } from './rowTree';
import type { GanttText } from './useGanttText';

// Module scope keeps the feature object stable between renders, as Table v9 needs.
const gridFeatures = tableFeatures({});
const column = createColumnHelper<typeof gridFeatures, TaskRow>();

export interface GanttGridProps {
  readonly model: GanttModel;
  readonly rows: readonly TaskRow[];
  readonly comparison: BaselineComparison | null;
  readonly text: GanttText;
  readonly collapsed: ReadonlySet<Id>;
  readonly selectedTaskId: Id | null;
  readonly label: string;
  /** Id of the scroll container, which the splitter names as the element it resizes. */
  readonly scrollId: string;
  /** Width of the grid in CSS pixels, or `null` for the style sheet's default. */
  readonly width: number | null;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  readonly onScroll: () => void;
  readonly onSelect: (taskId: Id) => void;
  readonly onToggle: (taskId: Id, expand: boolean) => void;
  /** Applies typed text to a cell; returns false when the input was rejected (the grid then keeps the edit open). */
  readonly onCommit: (row: TaskRow, columnId: GanttColumnId, text: string) => boolean;
  /** Called when an edit is cancelled with Escape. */
  readonly onCancel: () => void;
  /** Id of the element describing the grid's keys. */
  readonly helpId: string;
}

interface OpenEdit {
  readonly taskId: Id;
  readonly col: number;
  readonly text: string;
}

export function GanttGrid(props: GanttGridProps) {
  const { t } = useTranslation();
  const { model, rows, comparison, text, scrollRef } = props;
  const columnIds = useMemo(() => ganttColumns.filter((id) => id !== 'variance' || comparison !== null), [comparison]);
  const [activeCol, setActiveCol] = useState(1);
  const [edit, setEdit] = useState<OpenEdit | null>(null);
  // The open edit as the blur handler must see it; keyboard handlers clear it before the input unmounts.
  const editRef = useRef<OpenEdit | null>(null);
  useLayoutEffect(() => {
    editRef.current = edit;
  }, [edit]);
  const hasFocus = useRef(false);
  const tableRef = useRef<HTMLTableElement>(null);
  // The grid's font as the canvas measure needs it, read once the table is in the document.
  const [cellFont, setCellFont] = useState<string | null>(null);
  useLayoutEffect(() => {
    const table = tableRef.current;
    if (table === null) return;
    const style = getComputedStyle(table);
    // Summary rows are bold, so every text is measured in bold to fit them all.
    setCellFont(`600 ${style.fontSize} ${style.fontFamily}`);
  }, []);
  const measure = text.scene.measure;
  const fitted = useMemo(
    () =>
      cellFont === null || measure === undefined
        ? {}
        : fittedColumnWidths(
            model,
            text.grid,
            (value) => measure(value, cellFont),
            (id) => t(`gantt.columns.${id}`),
          ),
    [model, text, cellFont, measure, t],
  );
  const choices = useMemo(() => calendarChoices(model.calendars, text.grid), [model.calendars, text.grid]);

  const columns = useMemo(
    () =>
      columnIds.map((id) =>
        column.display({
          id,
          header: t(`gantt.columns.${id}`),
        }),
      ),
    [columnIds, t],
  );
  const table = useTable({ features: gridFeatures, columns, data: rows, getRowId: (row) => row.task.id });
  const tableRows = table.getRowModel().rows;

  const selectedIndex = props.selectedTaskId === null ? -1 : rows.findIndex((row) => row.task.id === props.selectedTaskId);
  const activeRow = Math.max(0, selectedIndex);
  const col = Math.min(activeCol, columnIds.length - 1);
  const editing = edit !== null && edit.taskId === rows[activeRow]?.task.id ? edit : null;
  const cursor: GridCursor = { row: activeRow, col, draft: editing === null ? null : editing.text };

  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => tableRows[index]?.id ?? index,
    overscan: 10,
    scrollPaddingStart: headerHeight,
  });

  // Keyboard moves keep the active cell in view and focused.
  useLayoutEffect(() => {
    if (!hasFocus.current || rows.length === 0) return;
    virtualizer.scrollToIndex(activeRow, { align: 'auto' });
  }, [activeRow, rows.length, virtualizer]);
  useEffect(() => {
    if (!hasFocus.current || editing !== null) return;
    tableRef.current?.querySelector<HTMLElement>(`[data-row="${activeRow}"][data-col="${col}"]`)?.focus();
  });

  const cellTextAt = (row: TaskRow, id: GanttColumnId) => cellText(model, row, id, comparison, text.grid);

  const commit = (rowIndex: number, colIndex: number, typed: string): boolean => {
    const row = rows[rowIndex];
    const id = columnIds[colIndex];
    if (row === undefined || id === undefined) return true;
    return props.onCommit(row, id, typed);
  };

  const shape: GridShape = {
    rows: rows.length,
    cols: columnIds.length,
    page: Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? rowHeight * 10) - headerHeight) / rowHeight) - 1),
    isEditable: (index) => {
      const id = columnIds[index];
      return id !== undefined && isEditableColumn(id);
    },
    isChoice: (index) => {
      const id = columnIds[index];
      return id !== undefined && isChoiceColumn(id);
    },
    draftAt: (rowIndex, colIndex) => {
      const row = rows[rowIndex];
      const id = columnIds[colIndex];
      return row === undefined || id === undefined ? '' : draftText(model, row, id, text.grid);
    },
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const input = { key: event.key, shift: event.shiftKey, command: event.ctrlKey || event.metaKey, alt: event.altKey };
    const result = gridKey(cursor, input, shape);
    if (!result.handled) return;
    event.preventDefault();
    if (result.cursor.draft === null) editRef.current = null;
    if (editing !== null && result.cursor.draft === null && result.action === null) props.onCancel();

    const action = result.action;
    if (action?.type === 'collapse' || action?.type === 'expand') {
      const row = rows[action.row];
      if (row !== undefined && row.childCount > 0) props.onToggle(row.task.id, action.type === 'expand');
      return;
    }
    if (action?.type === 'commit') {
      editRef.current = null;
      if (!commit(action.row, action.col, action.text)) {
        // A rejected value stays in its cell for correction, while the view shows why it was rejected.
        const row = rows[action.row];
        setEdit(row === undefined ? null : { taskId: row.task.id, col: action.col, text: action.text });
        return;
      }
    }

    const next = result.cursor;
    const target = rows[next.row];
    setActiveCol(next.col);
    setEdit(next.draft === null || target === undefined ? null : { taskId: target.task.id, col: next.col, text: next.draft });
    if (target !== undefined && target.task.id !== props.selectedTaskId) props.onSelect(target.task.id);
  };

  const gridTemplateColumns = columnIds
    .map((id) => {
      const width = fitted[id];
      return width === undefined ? columnWidths[id] : `${String(width)}px`;
    })
    .join(' ');
  const headerGroups = table.getHeaderGroups();

  /** Returns the tooltip of a cell: the reason for its float, its constraint, or its text where the column may cut it. */
  const cellTitle = (row: TaskRow, id: GanttColumnId): string | undefined => {
    if (id === 'totalFloat') {
      const notes = floatNotes(model, row.task.id, text.grid).map((note) => translateDynamic(t, note.key, note.values));
      return notes.length === 0 ? undefined : notes.join(' ');
    }
    if (id === 'start') {
      const constraint = row.task.startNoEarlierThan;
      return constraint === null ? undefined : t('gantt.grid.constraint', { date: text.grid.date(constraint) });
    }
    if (id === 'name' || id === 'owner' || id === 'predecessors' || id === 'calendar') {
      const value = cellTextAt(row, id);
      return value === '' ? undefined : value;
    }
    return undefined;
  };

  return (
    <div
      ref={scrollRef}
      id={props.scrollId}
      className="gantt-grid-scroll"
      data-testid="gantt-grid-scroll"
      style={props.width === null ? undefined : { width: props.width }}
      onScroll={props.onScroll}
    >
      <table
        ref={tableRef}
        role="treegrid"
        className="gantt-grid"
        aria-label={props.label}
        aria-rowcount={rows.length + 1}
        aria-colcount={columnIds.length}
        aria-describedby={props.helpId}
        data-testid="gantt-grid"
        onKeyDown={onKeyDown}
        onFocus={() => {
          hasFocus.current = true;
        }}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget)) hasFocus.current = false;
        }}
      >
        <thead>
          {headerGroups.map((group) => (
            <tr key={group.id} role="row" aria-rowindex={1} style={{ gridTemplateColumns, height: headerHeight }}>
              {group.headers.map((header) => (
                <th key={header.id} role="columnheader" scope="col" data-column={header.column.id}>
                  <table.FlexRender header={header} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const tableRow = tableRows[item.index];
            if (tableRow === undefined) return null;
            const row = tableRow.original;
            const selected = item.index === activeRow && selectedIndex !== -1;
            const days = model.daysById.get(row.task.id);
            return (
              <tr
                key={tableRow.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-level={row.depth + 1}
                aria-expanded={row.childCount > 0 ? !props.collapsed.has(row.task.id) : undefined}
                aria-selected={selected}
                data-task-id={row.task.id}
                className={rowClass(selected, days?.scheduled.critical === true, row.childCount > 0)}
                style={{ gridTemplateColumns, height: rowHeight, transform: `translateY(${item.start}px)` }}
              >
                {tableRow.getAllCells().map((cell, colIndex) => {
                  const id = cell.column.id as GanttColumnId;
                  const active = item.index === activeRow && colIndex === col;
                  return (
                    <td
                      key={cell.id}
                      role="gridcell"
                      tabIndex={active && editing === null ? 0 : -1}
                      aria-readonly={!isEditableColumn(id)}
                      data-row={item.index}
                      data-col={colIndex}
                      data-column={id}
                      title={cellTitle(row, id)}
                      className={cellClass(active, id === 'start' && row.task.startNoEarlierThan !== null)}
                      onClick={() => {
                        hasFocus.current = true;
                        setActiveCol(colIndex);
                        if (row.task.id !== props.selectedTaskId) props.onSelect(row.task.id);
                      }}
                      onDoubleClick={() => {
                        if (!isEditableColumn(id)) return;
                        setActiveCol(colIndex);
                        props.onSelect(row.task.id);
                        setEdit({ taskId: row.task.id, col: colIndex, text: draftText(model, row, id, text.grid) });
                      }}
                    >
                      {active && editing !== null && isChoiceColumn(id) ? (
                        <CalendarSelect
                          label={t('gantt.grid.editLabel', { column: t(`gantt.columns.${id}`), task: row.task.name })}
                          value={editing.text}
                          choices={choices}
                          missingLabel={text.grid.missingCalendar}
                          onChange={(value) => {
                            setEdit({ ...editing, text: value });
                          }}
                          onBlur={() => {
                            const open = editRef.current;
                            if (open === null) return;
                            editRef.current = null;
                            setEdit(null);
                            commit(item.index, colIndex, open.text);
                          }}
                        />
                      ) : active && editing !== null ? (
                        <input
                          className="gantt-cell-input"
                          aria-label={t('gantt.grid.editLabel', { column: t(`gantt.columns.${id}`), task: row.task.name })}
                          value={editing.text}
                          autoFocus
                          onChange={(event) => {
                            setEdit({ ...editing, text: event.target.value });
                          }}
                          onBlur={() => {
                            // Leaving the cell with the pointer commits the edit, as in a spreadsheet.
                            const open = editRef.current;
                            if (open === null) return;
                            editRef.current = null;
                            setEdit(null);
                            commit(item.index, colIndex, open.text);
                          }}
                        />
                      ) : id === 'name' ? (
                        <NameCell row={row} collapsed={props.collapsed.has(row.task.id)} onToggle={props.onToggle} />
                      ) : (
                        <span className="gantt-cell-text">{cellTextAt(row, id)}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="muted gantt-empty">{t('gantt.grid.empty')}</p> : null}
    </div>
  );
}

/** Column widths until the fitted widths are measured; the fitted ones replace them for duration, dates and float. */
const columnWidths: Readonly<Record<GanttColumnId, string>> = {
  wbs: '3.5rem',
  name: 'minmax(14rem, 1fr)',
  duration: '5rem',
  start: '7.5rem',
  finish: '7.5rem',
  totalFloat: '7.5rem',
  progress: '4.5rem',
  owner: '7rem',
  predecessors: '8rem',
  calendar: '9rem',
  variance: '6rem',
};

function cellClass(active: boolean, constrained: boolean): string | undefined {
  const classes = [...(active ? ['active'] : []), ...(constrained ? ['constrained'] : [])];
  return classes.length === 0 ? undefined : classes.join(' ');
}

/**
 * Lists the portfolio's calendars in an open calendar cell. A task whose calendar is no longer in
 * the portfolio keeps its id as an extra entry, so opening the cell does not change it.
 */
function CalendarSelect(props: {
  readonly label: string;
  readonly value: string;
  readonly choices: readonly CalendarChoice[];
  readonly missingLabel: string;
  readonly onChange: (value: string) => void;
  readonly onBlur: () => void;
}) {
  const known = props.choices.some((choice) => choice.value === props.value);
  return (
    <select
      className="gantt-cell-input"
      aria-label={props.label}
      value={props.value}
      autoFocus
      onChange={(event) => {
        props.onChange(event.target.value);
      }}
      onBlur={props.onBlur}
    >
      {props.choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
      {known ? null : <option value={props.value}>{props.missingLabel}</option>}
    </select>
  );
}

function rowClass(selected: boolean, critical: boolean, summary: boolean): string {
  const classes = ['gantt-row'];
  if (selected) classes.push('selected');
  if (critical) classes.push('critical');
  if (summary) classes.push('summary');
  return classes.join(' ');
}

function NameCell(props: { readonly row: TaskRow; readonly collapsed: boolean; readonly onToggle: (taskId: Id, expand: boolean) => void }) {
  const { t } = useTranslation();
  const { row } = props;
  return (
    <span className="gantt-name" style={{ paddingInlineStart: `${row.depth * 1.1}rem` }}>
      {row.childCount > 0 ? (
        <button
          type="button"
          className="gantt-toggle"
          tabIndex={-1}
          aria-label={t(props.collapsed ? 'gantt.grid.expand' : 'gantt.grid.collapse', { task: row.task.name })}
          onClick={(event) => {
            event.stopPropagation();
            props.onToggle(row.task.id, props.collapsed);
          }}
        >
          {props.collapsed ? '▸' : '▾'}
        </button>
      ) : (
        <span className="gantt-toggle-space" aria-hidden="true" />
      )}
      <span className="gantt-cell-text">{row.task.name}</span>
    </span>
  );
}
