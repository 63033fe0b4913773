/**
 * The sentences of the edits the Gantt view sent, kept beside the screen's undo history so that
 * Undo and Redo can name the change they revert or apply again ("Undid: …"). The screen owns the
 * history itself, and the view only receives whether undo and redo are possible. So `syncEditLog`
 * drops sentences when the history empties.
 * NOTE: an edit that the screen fails to store still has its sentence here, so a later undo can
 * name it in place of the change it reverts. The history empties at the latest when everything is
 * undone, which clears such a sentence.
 */
import { maxHistory } from '@shared/schedule/commands';

export interface EditLog {
  /** Sentences of the edits that undo would revert, oldest first. */
  readonly done: readonly string[];
  /** Sentences of the edits that redo would apply again, most recently undone last. */
  readonly undone: readonly string[];
}

export const emptyEditLog: EditLog = { done: [], undone: [] };

/** Records a new edit; like the history, it clears the edits that could be redone. */
export function logEdit(log: EditLog, sentence: string): EditLog {
  return { done: [...log.done, sentence].slice(-maxHistory), undone: [] };
}

/** Moves the last edit to the undone list; `sentence` is `null` when the log does not know it. */
export function logUndo(log: EditLog): { readonly log: EditLog; readonly sentence: string | null } {
  const sentence = log.done.at(-1);
  if (sentence === undefined) return { log, sentence: null };
  return { log: { done: log.done.slice(0, -1), undone: [...log.undone, sentence] }, sentence };
}

/** Moves the last undone edit back to the done list; `sentence` is `null` when the log does not know it. */
export function logRedo(log: EditLog): { readonly log: EditLog; readonly sentence: string | null } {
  const sentence = log.undone.at(-1);
  if (sentence === undefined) return { log, sentence: null };
  return { log: { done: [...log.done, sentence], undone: log.undone.slice(0, -1) }, sentence };
}

/**
 * Empties the lists the history no longer has: all done edits once nothing can be undone (after
 * the last undo, or when the screen restarted the history from the stored plan), and all undone
 * edits once nothing can be redone. Call it when `canUndo` or `canRedo` changes, not while a new
 * edit is still being stored, because `canUndo` is false until the first one is.
 */
export function syncEditLog(log: EditLog, canUndo: boolean, canRedo: boolean): EditLog {
  const done = canUndo ? log.done : [];
  const undone = canRedo ? log.undone : [];
  return done === log.done && undone === log.undone ? log : { done, undone };
}
