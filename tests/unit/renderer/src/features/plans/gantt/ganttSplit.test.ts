import { describe, expect, it } from 'vitest';
import {
  defaultGridShare,
  gridWidthIn,
  largeKeyStep,
  minChartWidth,
  minGridWidth,
  splitBounds,
  splitterKey,
} from '../../../../../../../renderer/src/features/plans/gantt/ganttSplit';

describe('splitBounds', () => {
  it('leaves the chart its minimum width', () => {
    expect(splitBounds(1400, 1100)).toEqual({ min: minGridWidth, max: 1400 - minChartWidth, fit: 1100 });
  });

  it('caps the width that shows every column', () => {
    expect(splitBounds(900, 1100).fit).toBe(900 - minChartWidth);
  });

  it('keeps the minimum in a narrow body', () => {
    expect(splitBounds(250, 1100)).toEqual({ min: minGridWidth, max: minGridWidth, fit: minGridWidth });
  });
});

describe('gridWidthIn', () => {
  const bounds = splitBounds(1400, 1100);

  it('starts from the default share', () => {
    expect(gridWidthIn(null, 1400, bounds)).toBe(Math.round(1400 * defaultGridShare));
  });

  it('keeps a stored width inside the bounds', () => {
    expect(gridWidthIn(700, 1400, bounds)).toBe(700);
    expect(gridWidthIn(5000, 1400, bounds)).toBe(bounds.max);
    expect(gridWidthIn(10, 1400, bounds)).toBe(minGridWidth);
  });
});

describe('splitterKey', () => {
  const bounds = splitBounds(1400, 1100);

  it('moves by a step with the arrow keys', () => {
    expect(splitterKey('ArrowRight', false, 600, bounds)).toBe(616);
    expect(splitterKey('ArrowLeft', false, 600, bounds)).toBe(584);
    expect(splitterKey('ArrowRight', true, 600, bounds)).toBe(600 + largeKeyStep);
  });

  it('stops at the bounds', () => {
    expect(splitterKey('ArrowRight', true, bounds.max - 1, bounds)).toBe(bounds.max);
    expect(splitterKey('ArrowLeft', true, minGridWidth + 1, bounds)).toBe(minGridWidth);
  });

  it('goes to the minimum with Home and shows every column with End', () => {
    expect(splitterKey('Home', false, 600, bounds)).toBe(minGridWidth);
    expect(splitterKey('End', false, 600, bounds)).toBe(1100);
  });

  it('leaves other keys alone', () => {
    expect(splitterKey('Enter', false, 600, bounds)).toBeNull();
    expect(splitterKey('ArrowUp', false, 600, bounds)).toBeNull();
  });
});
