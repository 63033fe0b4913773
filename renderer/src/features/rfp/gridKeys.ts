/**
 * Keyboard model of the scoring matrix, a spreadsheet-like grid. Arrow keys, Home and End move
 * the active cell. Digits start or extend a draft score, Backspace edits it, Enter commits it and
 * Escape drops it. Without a draft, Enter activates the cell (opens its details) and Delete
 * clears its score. In the consensus phase evaluators no longer score cells, so a digit opens the
 * cell details with that digit as the consensus score instead of starting a draft. The model is
 * pure, so the component only applies the result.
 */

export interface GridPosition {
  readonly row: number;
  readonly col: number;
}

export interface GridState extends GridPosition {
  /** Text typed into the active cell and not yet committed; `null` when not editing. */
  readonly draft: string | null;
}

export interface GridSize {
  readonly rows: number;
  readonly cols: number;
}

export type GridAction =
  | { readonly type: 'commit'; readonly at: GridPosition; readonly text: string }
  | { readonly type: 'clear'; readonly at: GridPosition }
  | { readonly type: 'activate'; readonly at: GridPosition }
  /** Opens the cell details with `text` prefilled as the consensus score. */
  | { readonly type: 'openWith'; readonly at: GridPosition; readonly text: string };

export interface GridKeyResult {
  readonly state: GridState;
  readonly action: GridAction | null;
  /** False for a key the grid ignores, so the browser keeps its default behaviour (Tab leaves the grid). */
  readonly handled: boolean;
}

/** Maximum draft length in characters, because scores are short level values. */
const maxDraftLength = 6;

export const initialGridState: GridState = { row: 0, col: 0, draft: null };

/**
 * Applies one key press. `size` bounds the movement; a grid without rows or columns ignores every
 * key. With `digitsOpenDetails`, a digit opens the cell details instead of starting a draft.
 */
export function gridKey(state: GridState, key: string, size: GridSize, digitsOpenDetails = false): GridKeyResult {
  if (size.rows === 0 || size.cols === 0) return { state, action: null, handled: false };
  const at: GridPosition = { row: state.row, col: state.col };

  if (digitsOpenDetails && /^[0-9]$/.test(key)) {
    return { state: { ...state, draft: null }, action: { type: 'openWith', at, text: key }, handled: true };
  }
  if (/^[0-9.]$/.test(key)) {
    const draft = (state.draft ?? '') + key;
    return { state: { ...state, draft: draft.slice(0, maxDraftLength) }, action: null, handled: true };
  }

  if (state.draft !== null) {
    switch (key) {
      case 'Enter':
        return { state: { ...state, draft: null }, action: { type: 'commit', at, text: state.draft }, handled: true };
      case 'Escape':
        return { state: { ...state, draft: null }, action: null, handled: true };
      case 'Backspace': {
        const draft = state.draft.slice(0, -1);
        return { state: { ...state, draft: draft === '' ? null : draft }, action: null, handled: true };
      }
      default:
        // Moving away while typing would silently drop the draft, so movement waits for Enter or Escape.
        return { state, action: null, handled: isMoveKey(key) };
    }
  }

  if (key === 'Enter') return { state, action: { type: 'activate', at }, handled: true };
  if (key === 'Delete' || key === 'Backspace') return { state, action: { type: 'clear', at }, handled: true };

  const moved = move(state, key, size);
  return moved === null ? { state, action: null, handled: false } : { state: { ...moved, draft: null }, action: null, handled: true };
}

function isMoveKey(key: string): boolean {
  return key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'End';
}

function move(position: GridPosition, key: string, size: GridSize): GridPosition | null {
  const clampRow = (row: number) => Math.max(0, Math.min(size.rows - 1, row));
  const clampCol = (col: number) => Math.max(0, Math.min(size.cols - 1, col));
  switch (key) {
    case 'ArrowUp':
      return { row: clampRow(position.row - 1), col: position.col };
    case 'ArrowDown':
      return { row: clampRow(position.row + 1), col: position.col };
    case 'ArrowLeft':
      return { row: position.row, col: clampCol(position.col - 1) };
    case 'ArrowRight':
      return { row: position.row, col: clampCol(position.col + 1) };
    case 'Home':
      return { row: position.row, col: 0 };
    case 'End':
      return { row: position.row, col: size.cols - 1 };
    default:
      return null;
  }
}

/** Keeps a position inside the grid after rows or columns were removed. */
export function clampPosition(state: GridState, size: GridSize): GridState {
  const row = Math.max(0, Math.min(size.rows - 1, state.row));
  const col = Math.max(0, Math.min(size.cols - 1, state.col));
  return row === state.row && col === state.col ? state : { row, col, draft: null };
}
