import { describe, expect, it } from 'vitest';
import { maxHistory } from '../../../../../../../shared/schedule/commands';
import { emptyEditLog, logEdit, logRedo, logUndo, syncEditLog } from '../../../../../../../renderer/src/features/plans/gantt/editLog';

const twoEdits = logEdit(logEdit(emptyEditLog, 'Duration of “A” changed.'), '“B” now starts no earlier than 9 Feb 2021.');

describe('editLog', () => {
  it('names the last edit on undo', () => {
    const { log, sentence } = logUndo(twoEdits);
    expect(sentence).toBe('“B” now starts no earlier than 9 Feb 2021.');
    expect(log).toEqual({ done: ['Duration of “A” changed.'], undone: ['“B” now starts no earlier than 9 Feb 2021.'] });
  });

  it('names the undone edit on redo', () => {
    const undone = logUndo(logUndo(twoEdits).log).log;
    const { log, sentence } = logRedo(undone);
    expect(sentence).toBe('Duration of “A” changed.');
    expect(log.done).toEqual(['Duration of “A” changed.']);
    expect(log.undone).toEqual(['“B” now starts no earlier than 9 Feb 2021.']);
  });

  it('knows nothing to undo or redo in an empty log', () => {
    expect(logUndo(emptyEditLog)).toEqual({ log: emptyEditLog, sentence: null });
    expect(logRedo(emptyEditLog)).toEqual({ log: emptyEditLog, sentence: null });
  });

  it('clears the redo list on a new edit', () => {
    const undone = logUndo(twoEdits).log;
    expect(logEdit(undone, 'Owner of “C” changed.')).toEqual({
      done: ['Duration of “A” changed.', 'Owner of “C” changed.'],
      undone: [],
    });
  });

  it('keeps as many edits as the history', () => {
    let log = emptyEditLog;
    for (let index = 0; index < maxHistory + 5; index += 1) log = logEdit(log, `edit ${index}`);
    expect(log.done).toHaveLength(maxHistory);
    expect(log.done[0]).toBe('edit 5');
  });

  it('empties what the history no longer has', () => {
    const undone = logUndo(twoEdits).log;
    expect(syncEditLog(undone, true, true)).toBe(undone);
    expect(syncEditLog(undone, false, true)).toEqual({ done: [], undone: undone.undone });
    expect(syncEditLog(undone, true, false)).toEqual({ done: undone.done, undone: [] });
  });
});
