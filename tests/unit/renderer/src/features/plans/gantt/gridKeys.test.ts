import { describe, expect, it } from 'vitest';
import { clampCursor, gridKey, initialCursor } from '../../../../../../../renderer/src/features/plans/gantt/gridKeys';
import type { GridCursor, GridShape, KeyInput } from '../../../../../../../renderer/src/features/plans/gantt/gridKeys';

const shape: GridShape = {
  rows: 10,
  cols: 4,
  page: 3,
  isEditable: (col) => col !== 0,
  draftAt: (row, col) => `r${row}c${col}`,
};

function key(name: string, modifiers: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput {
  return { key: name, shift: false, command: false, alt: false, ...modifiers };
}

function press(cursor: GridCursor, ...keys: KeyInput[]) {
  let current = cursor;
  let last = { cursor, action: null as unknown, handled: false };
  for (const input of keys) {
    last = gridKey(current, input, shape);
    current = last.cursor;
  }
  return last;
}

const at = (row: number, col: number, draft: string | null = null): GridCursor => ({ row, col, draft });

describe('gridKey movement', () => {
  it('moves with arrows and stops at the edges', () => {
    expect(press(initialCursor, key('ArrowDown'), key('ArrowDown')).cursor).toEqual(at(2, 0));
    expect(press(initialCursor, key('ArrowUp'), key('ArrowLeft')).cursor).toEqual(at(0, 0));
    expect(press(at(9, 3), key('ArrowDown'), key('ArrowRight')).cursor).toEqual(at(9, 3));
  });

  it('jumps to the row ends with Home and End', () => {
    expect(press(at(4, 2), key('Home')).cursor).toEqual(at(4, 0));
    expect(press(at(4, 2), key('End')).cursor).toEqual(at(4, 3));
  });

  it('jumps to the first and last row with Ctrl', () => {
    expect(press(at(4, 2), key('Home', { command: true })).cursor).toEqual(at(0, 2));
    expect(press(at(4, 2), key('End', { command: true })).cursor).toEqual(at(9, 2));
  });

  it('moves by a page', () => {
    expect(press(at(4, 1), key('PageDown')).cursor).toEqual(at(7, 1));
    expect(press(at(1, 1), key('PageUp')).cursor).toEqual(at(0, 1));
  });

  it('wraps Tab to the next row and leaves at the end', () => {
    expect(press(at(0, 3), key('Tab')).cursor).toEqual(at(1, 0));
    expect(press(at(1, 0), key('Tab', { shift: true })).cursor).toEqual(at(0, 3));
    expect(press(at(9, 3), key('Tab')).handled).toBe(false);
  });
});

describe('gridKey editing', () => {
  it('opens an edit with the cell text on Enter and F2', () => {
    expect(press(at(2, 1), key('Enter')).cursor).toEqual(at(2, 1, 'r2c1'));
    expect(press(at(2, 1), key('F2')).cursor).toEqual(at(2, 1, 'r2c1'));
  });

  it('does not edit a read-only column', () => {
    const result = press(at(2, 0), key('Enter'));
    expect(result.cursor.draft).toBeNull();
    expect(result.handled).toBe(false);
  });

  it('replaces the text when a character is typed', () => {
    expect(press(at(2, 2), key('7')).cursor).toEqual(at(2, 2, '7'));
  });

  it('leaves Ctrl shortcuts alone', () => {
    expect(press(at(2, 2), key('z', { command: true })).handled).toBe(false);
  });

  it('commits on Enter and moves down', () => {
    const result = gridKey(at(2, 2, '12 wd'), key('Enter'), shape);
    expect(result.action).toEqual({ type: 'commit', row: 2, col: 2, text: '12 wd' });
    expect(result.cursor).toEqual(at(3, 2));
  });

  it('commits on Shift+Enter and moves up', () => {
    const result = gridKey(at(2, 2, 'x'), key('Enter', { shift: true }), shape);
    expect(result.cursor).toEqual(at(1, 2));
    expect(result.action).toMatchObject({ type: 'commit', row: 2 });
  });

  it('commits on Tab and moves across', () => {
    const result = gridKey(at(2, 3, 'x'), key('Tab'), shape);
    expect(result.action).toMatchObject({ type: 'commit', row: 2, col: 3 });
    expect(result.cursor).toEqual(at(3, 0));
  });

  it('cancels on Escape without an action', () => {
    const result = gridKey(at(2, 2, 'typo'), key('Escape'), shape);
    expect(result.action).toBeNull();
    expect(result.cursor).toEqual(at(2, 2));
  });

  it('leaves other keys to the text field while editing', () => {
    const result = gridKey(at(2, 2, '12'), key('ArrowLeft'), shape);
    expect(result.handled).toBe(false);
    expect(result.cursor).toEqual(at(2, 2, '12'));
  });

  it('clears a cell with Delete', () => {
    expect(gridKey(at(2, 2), key('Delete'), shape).action).toEqual({ type: 'commit', row: 2, col: 2, text: '' });
  });
});

describe('gridKey outline', () => {
  it('collapses and expands with Alt and the arrows', () => {
    expect(gridKey(at(5, 1), key('ArrowLeft', { alt: true }), shape).action).toEqual({ type: 'collapse', row: 5 });
    expect(gridKey(at(5, 1), key('ArrowRight', { alt: true }), shape).action).toEqual({ type: 'expand', row: 5 });
  });

  it('ignores keys in an empty grid', () => {
    expect(gridKey(initialCursor, key('ArrowDown'), { ...shape, rows: 0 }).handled).toBe(false);
  });
});

describe('clampCursor', () => {
  it('pulls the cursor back after rows disappear and drops the edit', () => {
    expect(clampCursor(at(9, 2, 'x'), 4, 4)).toEqual(at(3, 2));
  });

  it('keeps a cursor that still fits', () => {
    const cursor = at(1, 1, 'x');
    expect(clampCursor(cursor, 4, 4)).toBe(cursor);
  });
});

describe('gridKey choice columns', () => {
  const choice: GridShape = { ...shape, isChoice: (col) => col === 3 };

  it('opens the list at the current value on a typed character', () => {
    expect(gridKey(at(2, 3), key('r'), choice)).toEqual({ cursor: at(2, 3, 'r2c3'), action: null, handled: true });
  });

  it('still replaces the text of a typed column', () => {
    expect(gridKey(at(2, 1), key('r'), choice).cursor).toEqual(at(2, 1, 'r'));
  });

  it('leaves the arrow keys to an open list', () => {
    expect(gridKey(at(2, 3, 'cal-1'), key('ArrowDown'), choice).handled).toBe(false);
  });

  it('commits the chosen value with Enter', () => {
    expect(gridKey(at(2, 3, 'cal-1'), key('Enter'), choice).action).toEqual({ type: 'commit', row: 2, col: 3, text: 'cal-1' });
  });

  it('clears the value with Delete', () => {
    expect(gridKey(at(2, 3), key('Delete'), choice).action).toEqual({ type: 'commit', row: 2, col: 3, text: '' });
  });
});
