/**
 * Width of the task grid beside the chart, which the splitter between them changes. The width is
 * kept in session storage, so it survives moving between screens and reloads for as long as the
 * window is open, and a new window starts from the default share.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** Narrowest task grid, in CSS pixels: the WBS and task name columns. */
export const minGridWidth = 192;
/** Narrowest chart left beside the grid, in CSS pixels. */
export const minChartWidth = 160;
/** Share of the body the grid takes until the user moves the splitter. */
export const defaultGridShare = 0.55;
/** Splitter movement per arrow key press, and with Shift, in CSS pixels. */
export const keyStep = 16;
export const largeKeyStep = 80;

export interface SplitBounds {
  readonly min: number;
  readonly max: number;
  /** Width at which every column of the grid shows, within `min` and `max`. */
  readonly fit: number;
}

/** Returns the range of grid widths in a body `bodyWidth` pixels wide, and the width that shows every column (`contentWidth`). */
export function splitBounds(bodyWidth: number, contentWidth: number): SplitBounds {
  const max = Math.max(minGridWidth, Math.round(bodyWidth - minChartWidth));
  const clamp = (width: number) => Math.min(max, Math.max(minGridWidth, Math.round(width)));
  return { min: minGridWidth, max, fit: clamp(contentWidth) };
}

/** Returns the grid width to show: the stored one, or the default share of the body, kept within `bounds`. */
export function gridWidthIn(stored: number | null, bodyWidth: number, bounds: SplitBounds): number {
  const width = stored ?? bodyWidth * defaultGridShare;
  return Math.min(bounds.max, Math.max(bounds.min, Math.round(width)));
}

/**
 * Returns the grid width after a key press on the splitter, or `null` for a key it leaves alone.
 * Left and Right move it by 16 pixels (80 with Shift). Home narrows the grid to its minimum, and
 * End widens it until every column shows.
 */
export function splitterKey(key: string, shift: boolean, width: number, bounds: SplitBounds): number | null {
  const step = shift ? largeKeyStep : keyStep;
  const clamp = (value: number) => Math.min(bounds.max, Math.max(bounds.min, value));
  switch (key) {
    case 'ArrowLeft':
      return clamp(width - step);
    case 'ArrowRight':
      return clamp(width + step);
    case 'Home':
      return bounds.min;
    case 'End':
      return bounds.fit;
    default:
      return null;
  }
}

interface GanttSplitState {
  /** Grid width the user chose, in CSS pixels, or `null` for the default share. */
  readonly gridWidth: number | null;
  readonly setGridWidth: (width: number) => void;
}

export const useGanttSplitStore = create<GanttSplitState>()(
  persist(
    (set) => ({
      gridWidth: null,
      setGridWidth: (width) => {
        set({ gridWidth: Math.round(width) });
      },
    }),
    { name: 'steerwise-gantt-split', storage: createJSONStorage(() => sessionStorage) },
  ),
);

export const selectGridWidth = (state: GanttSplitState): number | null => state.gridWidth;
export const selectSetGridWidth = (state: GanttSplitState): GanttSplitState['setGridWidth'] => state.setGridWidth;
