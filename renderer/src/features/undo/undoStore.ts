/**
 * The undo stack of this session: the last record edits made through `recordUndoable`, newest
 * last, and the status toast shown after each edit and each undo. Kept in memory only, so a
 * reload or another portfolio starts with an empty stack.
 */
import { create } from 'zustand';
import type { HlcString } from '@shared/domain/types';
import { onUnobservedDelete } from '../../db/repository';
import type { ObservedWrite } from '../../db/repository';

/** Number of edits kept; older edits drop off the bottom of the stack. */
export const maxUndoEntries = 50;

/** One user edit that can be undone. */
export interface UndoEntry {
  /** Increasing number, so a toast can tell whether its edit is still on the stack. */
  readonly serial: number;
  /** Name of the portfolio database the edit was written to. */
  readonly portfolio: string;
  /** Description of the edit in the user's words, naming the record (already translated). */
  readonly label: string;
  readonly writes: readonly ObservedWrite[];
}

/** The status toast: after an edit, after an undo, or why an undo was not done. */
export type UndoToast =
  | { readonly kind: 'saved'; readonly serial: number; readonly label: string }
  | { readonly kind: 'savedNoUndo'; readonly label: string }
  | { readonly kind: 'deletedNoUndo' }
  | { readonly kind: 'undone'; readonly label: string }
  | { readonly kind: 'changedSince'; readonly label: string }
  | { readonly kind: 'deletedSince'; readonly label: string }
  | { readonly kind: 'nothingToUndo' }
  | { readonly kind: 'failed'; readonly label: string; readonly message: string };

interface UndoState {
  readonly entries: readonly UndoEntry[];
  readonly toast: UndoToast | null;
  /** Increases on every toast, so that the same toast shown twice restarts its timer. */
  readonly toastSerial: number;
  readonly nextSerial: number;
  /** Clocks of the edits undone in this session and of the undos' writes: not changes made since an earlier edit. */
  readonly undoClocks: ReadonlySet<HlcString>;
  /**
   * Pushes an edit on the stack. An edit that contains a deletion is not pushed, and it empties
   * the stack of its portfolio (see `deletionMade`).
   */
  recordEdit(portfolio: string, label: string, writes: readonly ObservedWrite[]): void;
  /**
   * Empties the stack of `portfolio` after a deletion and shows a toast about it. Otherwise
   * Ctrl+Z would reach past the deletion to an older edit the user no longer has in mind.
   */
  deletionMade(portfolio: string, label: string | null): void;
  /** Removes and returns the newest edit of `portfolio`, or `null` when there is none. */
  takeLast(portfolio: string): UndoEntry | null;
  /** Drops the edits of every portfolio other than `portfolio`. */
  keepOnly(portfolio: string): void;
  showToast(toast: UndoToast | null): void;
  /** Remembers the clocks that a successful undo returned. */
  addUndoClocks(clocks: readonly HlcString[]): void;
}

export const useUndoStore = create<UndoState>()((set, get) => ({
  entries: [],
  toast: null,
  toastSerial: 0,
  nextSerial: 1,
  undoClocks: new Set(),

  recordEdit(portfolio, label, writes) {
    if (writes.length === 0) return;
    if (writes.some((write) => write.kind === 'delete')) {
      get().deletionMade(portfolio, label);
      return;
    }
    set((state) => {
      const entry: UndoEntry = { serial: state.nextSerial, portfolio, label, writes };
      return {
        entries: [...state.entries, entry].slice(-maxUndoEntries),
        nextSerial: state.nextSerial + 1,
        toast: { kind: 'saved', serial: entry.serial, label },
        toastSerial: state.toastSerial + 1,
      };
    });
  },

  deletionMade(portfolio, label) {
    set((state) => ({
      entries: state.entries.filter((entry) => entry.portfolio !== portfolio),
      toast: label === null ? { kind: 'deletedNoUndo' } : { kind: 'savedNoUndo', label },
      toastSerial: state.toastSerial + 1,
    }));
  },

  takeLast(portfolio) {
    const entries = get().entries;
    const index = entries.findLastIndex((entry) => entry.portfolio === portfolio);
    const entry = entries[index];
    if (entry === undefined) return null;
    set({ entries: entries.filter((_, candidate) => candidate !== index) });
    return entry;
  },

  keepOnly(portfolio) {
    set((state) => ({ entries: state.entries.filter((entry) => entry.portfolio === portfolio) }));
  },

  showToast(toast) {
    set((state) => ({ toast, toastSerial: state.toastSerial + 1 }));
  },

  addUndoClocks(clocks) {
    set((state) => ({ undoClocks: new Set([...state.undoClocks, ...clocks]) }));
  },
}));

export const selectUndoToast = (state: UndoState): UndoToast | null => state.toast;
export const selectToastSerial = (state: UndoState): number => state.toastSerial;

// A deletion that no form wrapped (a delete button, the measurements grid, a plan command) ends
// the undo stack too.
onUnobservedDelete((portfolio) => {
  useUndoStore.getState().deletionMade(portfolio, null);
});
