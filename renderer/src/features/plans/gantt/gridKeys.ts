/**
 * Keyboard model of the Gantt task grid, a spreadsheet-like grid.
 *
 * Without an open edit:
 * - arrow keys move the active cell, and Page Up and Page Down move it by a page;
 * - Home and End go to the first and last column, or with Ctrl or Cmd to the first and last row;
 * - Tab and Shift+Tab move across, wrapping to the next or previous row;
 * - Enter or F2 opens an edit with the cell's text, and a printable character opens one that replaces it
 *   (in a column edited by choosing from a list, it opens the list at the current value);
 * - Delete clears the cell, and Alt+Left and Alt+Right collapse and expand a summary task.
 *
 * While an edit is open, the text field keeps ordinary keys. Enter commits and moves down,
 * Shift+Enter commits and moves up, Tab commits and moves across, and Escape cancels.
 * The model is pure, and the component applies its result.
 */

export interface GridCursor {
  readonly row: number;
  readonly col: number;
  /** Text of the open edit, or `null` when no edit is open. */
  readonly draft: string | null;
}

export interface KeyInput {
  readonly key: string;
  readonly shift: boolean;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  readonly command: boolean;
  readonly alt: boolean;
}

export interface GridShape {
  readonly rows: number;
  readonly cols: number;
  /** Rows moved by Page Up and Page Down. */
  readonly page: number;
  readonly isEditable: (col: number) => boolean;
  /** Checks whether a column is edited by choosing from a list, where a typed character opens the list at the current value. Omitted: no column is. */
  readonly isChoice?: (col: number) => boolean;
  /** Returns the text an edit of a cell starts from. */
  readonly draftAt: (row: number, col: number) => string;
}

export type GridKeyAction =
  | { readonly type: 'commit'; readonly row: number; readonly col: number; readonly text: string }
  | { readonly type: 'collapse'; readonly row: number }
  | { readonly type: 'expand'; readonly row: number };

export interface GridKeyResult {
  readonly cursor: GridCursor;
  readonly action: GridKeyAction | null;
  /** False for a key the grid leaves to the browser or the text field. */
  readonly handled: boolean;
}

export const initialCursor: GridCursor = { row: 0, col: 0, draft: null };

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(max, value));
}

function moved(shape: GridShape, row: number, col: number): GridKeyResult {
  return { cursor: { row: clamp(row, shape.rows - 1), col: clamp(col, shape.cols - 1), draft: null }, action: null, handled: true };
}

/** Returns the cell after (or before, for `step` -1) the cursor, wrapping across rows, or `null` at either end of the grid. */
function tabTarget(cursor: GridCursor, shape: GridShape, step: 1 | -1): { row: number; col: number } | null {
  const index = cursor.row * shape.cols + cursor.col + step;
  if (index < 0 || index >= shape.rows * shape.cols) return null;
  return { row: Math.floor(index / shape.cols), col: index % shape.cols };
}

function editingKey(cursor: GridCursor, input: KeyInput, shape: GridShape, draft: string): GridKeyResult {
  const commit = (row: number, col: number): GridKeyResult => ({
    cursor: { row: clamp(row, shape.rows - 1), col: clamp(col, shape.cols - 1), draft: null },
    action: { type: 'commit', row: cursor.row, col: cursor.col, text: draft },
    handled: true,
  });
  switch (input.key) {
    case 'Escape':
      return { cursor: { ...cursor, draft: null }, action: null, handled: true };
    case 'Enter':
      return commit(cursor.row + (input.shift ? -1 : 1), cursor.col);
    case 'Tab': {
      const target = tabTarget(cursor, shape, input.shift ? -1 : 1) ?? cursor;
      return commit(target.row, target.col);
    }
    default:
      return { cursor, action: null, handled: false };
  }
}

/** Applies one key press. A grid without rows or columns ignores every key. */
export function gridKey(cursor: GridCursor, input: KeyInput, shape: GridShape): GridKeyResult {
  if (shape.rows === 0 || shape.cols === 0) return { cursor, action: null, handled: false };
  if (cursor.draft !== null) return editingKey(cursor, input, shape, cursor.draft);
  const { row, col } = cursor;
  const editable = shape.isEditable(col);

  if (input.alt && (input.key === 'ArrowLeft' || input.key === 'ArrowRight')) {
    return { cursor, action: { type: input.key === 'ArrowLeft' ? 'collapse' : 'expand', row }, handled: true };
  }
  switch (input.key) {
    case 'ArrowUp':
      return moved(shape, row - 1, col);
    case 'ArrowDown':
      return moved(shape, row + 1, col);
    case 'ArrowLeft':
      return moved(shape, row, col - 1);
    case 'ArrowRight':
      return moved(shape, row, col + 1);
    case 'Home':
      return input.command ? moved(shape, 0, col) : moved(shape, row, 0);
    case 'End':
      return input.command ? moved(shape, shape.rows - 1, col) : moved(shape, row, shape.cols - 1);
    case 'PageUp':
      return moved(shape, row - shape.page, col);
    case 'PageDown':
      return moved(shape, row + shape.page, col);
    case 'Tab': {
      const target = tabTarget(cursor, shape, input.shift ? -1 : 1);
      // At either end of the grid Tab leaves it, as in any form.
      return target === null ? { cursor, action: null, handled: false } : moved(shape, target.row, target.col);
    }
    case 'Enter':
    case 'F2':
      return editable
        ? { cursor: { ...cursor, draft: shape.draftAt(row, col) }, action: null, handled: true }
        : { cursor, action: null, handled: false };
    case 'Delete':
    case 'Backspace':
      return editable
        ? { cursor, action: { type: 'commit', row, col, text: '' }, handled: true }
        : { cursor, action: null, handled: false };
    default:
      break;
  }
  if (editable && input.key.length === 1 && !input.command && !input.alt) {
    const draft = shape.isChoice?.(col) === true ? shape.draftAt(row, col) : input.key;
    return { cursor: { ...cursor, draft }, action: null, handled: true };
  }
  return { cursor, action: null, handled: false };
}

/** Keeps the cursor inside the grid after rows or columns were removed; an open edit is kept only if its cell still exists. */
export function clampCursor(cursor: GridCursor, rows: number, cols: number): GridCursor {
  const row = clamp(cursor.row, rows - 1);
  const col = clamp(cursor.col, cols - 1);
  return row === cursor.row && col === cursor.col ? cursor : { row, col, draft: null };
}
