import { describe, expect, it } from 'vitest';
import { clampPosition, gridKey, initialGridState } from '../../../../../../renderer/src/features/rfp/gridKeys';
import type { GridState } from '../../../../../../renderer/src/features/rfp/gridKeys';

const size = { rows: 3, cols: 2 };

function press(state: GridState, ...keys: string[]) {
  let current = state;
  let last = gridKey(current, keys[0] ?? '', size);
  for (const key of keys) {
    last = gridKey(current, key, size);
    current = last.state;
  }
  return last;
}

describe('gridKey', () => {
  it('moves with arrows and clamps at edges', () => {
    expect(press(initialGridState, 'ArrowDown', 'ArrowDown', 'ArrowDown').state).toMatchObject({ row: 2, col: 0 });
    expect(press(initialGridState, 'ArrowRight', 'ArrowRight').state).toMatchObject({ row: 0, col: 1 });
    expect(press(initialGridState, 'ArrowUp', 'ArrowLeft').state).toMatchObject({ row: 0, col: 0 });
    expect(press(initialGridState, 'End').state.col).toBe(1);
    expect(press({ row: 1, col: 1, draft: null }, 'Home').state).toMatchObject({ row: 1, col: 0 });
  });

  it('commits typed digits on Enter', () => {
    const result = press({ row: 1, col: 1, draft: null }, '4', 'Enter');
    expect(result.action).toEqual({ type: 'commit', at: { row: 1, col: 1 }, text: '4' });
    expect(result.state.draft).toBeNull();
  });

  it('drops the draft on Escape', () => {
    const result = press(initialGridState, '3', 'Escape');
    expect(result.action).toBeNull();
    expect(result.state.draft).toBeNull();
  });

  it('keeps position while a draft is open', () => {
    const result = press(initialGridState, '2', 'ArrowDown');
    expect(result.state).toEqual({ row: 0, col: 0, draft: '2' });
    expect(result.handled).toBe(true);
  });

  it('edits the draft with Backspace', () => {
    expect(press(initialGridState, '1', '2', 'Backspace').state.draft).toBe('1');
    expect(press(initialGridState, '1', 'Backspace').state.draft).toBeNull();
  });

  it('clears and activates without a draft', () => {
    expect(gridKey(initialGridState, 'Delete', size).action).toEqual({ type: 'clear', at: { row: 0, col: 0 } });
    expect(gridKey(initialGridState, 'Enter', size).action).toEqual({ type: 'activate', at: { row: 0, col: 0 } });
  });

  it('opens details on a digit in consensus', () => {
    const result = gridKey(initialGridState, '4', size, true);
    expect(result.action).toEqual({ type: 'openWith', at: { row: 0, col: 0 }, text: '4' });
    expect(result.state.draft).toBeNull();
    expect(result.handled).toBe(true);
  });

  it('still moves and activates in consensus', () => {
    expect(gridKey(initialGridState, 'ArrowDown', size, true).state).toEqual({ row: 1, col: 0, draft: null });
    expect(gridKey(initialGridState, 'Enter', size, true).action).toEqual({ type: 'activate', at: { row: 0, col: 0 } });
  });

  it('ignores Tab and letters', () => {
    expect(gridKey(initialGridState, 'Tab', size).handled).toBe(false);
    expect(gridKey(initialGridState, 'a', size).handled).toBe(false);
  });

  it('ignores keys in an empty grid', () => {
    expect(gridKey(initialGridState, '3', { rows: 0, cols: 2 }).handled).toBe(false);
  });
});

describe('clampPosition', () => {
  it('pulls the cell back inside', () => {
    expect(clampPosition({ row: 5, col: 4, draft: '1' }, size)).toEqual({ row: 2, col: 1, draft: null });
  });
});
